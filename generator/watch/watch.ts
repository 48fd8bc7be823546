/**
 * `codebook generate --watch`: runs `generate` once, then again whenever an
 * input changes. Watched: the config file, the folders the layer globs can
 * match in (so a new file that matches counts), and every template folder
 * (built-in, overrides, custom targets). Events are debounced; runs never
 * overlap (changes during a run queue exactly one more run). A run that
 * fails is reported like any other; the next change tries again. The process
 * stays warm: compiled schemas stay in their module, compiled templates in
 * the WarmState, and the incremental cache skips unchanged targets.
 *
 * Like the rest of the library this module prints nothing: the caller gets
 * every run through `onRun`.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isDynamicPattern } from 'tinyglobby';
import { layerPaths, allTemplateFolders } from '../cache/fingerprint.js';
import { WarmState } from '../cache/warm.js';
import { findConfig, type Config } from '../config/load-config.js';
import { layerRoot } from '../config/layer-files.js';
import { generate, loadProjectConfig, type GenerateOptions, type GenerateResult } from '../pipeline.js';
import type { StageTimer } from '../stage-timer.js';

export interface WatchOptions extends Omit<GenerateOptions, 'check' | 'warm' | 'timer'> {
  /** Quiet time after the last event before a run starts; default 100 ms. */
  debounceMs?: number;
  /** A timer for each run (the CLI's progress display); default none. */
  timerForRun?: () => StageTimer | undefined;
}

export interface WatchRun {
  result: GenerateResult;
  /** The changed paths that caused the run, relative to the config's folder; empty for the first run. */
  changed: string[];
  /** Wall time of the run. */
  ms: number;
  first: boolean;
}

export interface WatchHandle {
  /** Stops watching; resolves once the current run, if any, has ended. */
  close(): Promise<void>;
  /** The folders and files being watched now (absolute). */
  watched(): string[];
}

/** Starts watching; resolves once the watcher is ready and the first run has been reported. */
export async function watchGenerate(
  options: WatchOptions,
  onRun: (run: WatchRun) => void,
  onError: (error: Error) => void = () => undefined,
): Promise<WatchHandle> {
  const cwd = options.cwd ?? process.cwd();
  const configFile = findConfig(cwd, options.config).path;
  const warm = new WarmState();
  const debounceMs = options.debounceMs ?? 100;
  let watcher: FSWatcher | undefined;
  let watchedPaths = new Set<string>();
  let templateFolders: string[] = [];
  let layerFiles = new Set<string>();
  let ignoredFolders: string[] = [];
  let lastConfig: Config | undefined;
  const pending = new Set<string>();
  let debounce: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  /**
   * Points the watcher at what the config names now (it may have changed):
   * a fresh watcher replaces the old one once it is ready, so no event is
   * lost in between.
   */
  async function follow(config: Config | undefined): Promise<void> {
    if (config) {
      lastConfig = config;
      templateFolders = allTemplateFolders(config);
      // The output (our own writes), and the cache and git folders of the project.
      ignoredFolders = [
        config.out,
        ...(options.out ? [resolve(cwd, options.out)] : []),
        resolve(config.root, 'node_modules'),
        resolve(config.root, '.git'),
      ];
      layerFiles = new Set((await layerPaths(config)).flat());
    }
    const bases = (lastConfig?.layers ?? []).flatMap((layer) =>
      layer.files.filter((p) => !p.startsWith('!')).map((pattern) => globBase(layerRoot(lastConfig!, layer), pattern)),
    );
    const next = new Set([configFile, ...templateFolders.filter((folder) => existsSync(folder)), ...bases]);
    if (watcher && next.size === watchedPaths.size && [...next].every((p) => watchedPaths.has(p))) return;
    const fresh = watch([...next], {
      ignoreInitial: true,
      ignored: (path) =>
        ignoredFolders.some((folder) => isInside(path, folder)) && !templateFolders.some((folder) => isInside(path, folder)),
    });
    fresh.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
    fresh.on('all', (_event, path) => {
      if (closed) return;
      pending.add(resolve(path));
      if (!running) schedule();
    });
    await new Promise<void>((done) => fresh.once('ready', () => done()));
    const old = watcher;
    watcher = fresh;
    watchedPaths = next;
    await old?.close();
  }

  /** The changed paths that can change the output: the config, templates, and files a layer glob matches (now or before). */
  async function relevant(paths: readonly string[]): Promise<string[]> {
    if (!lastConfig) return [...paths];
    const now = paths.every((p) => p === configFile || templateFolders.some((folder) => isInside(p, folder)) || layerFiles.has(p))
      ? layerFiles
      : new Set((await layerPaths(lastConfig)).flat());
    return paths.filter(
      (p) => p === configFile || templateFolders.some((folder) => isInside(p, folder)) || layerFiles.has(p) || now.has(p),
    );
  }

  async function runOnce(changed: string[], first: boolean): Promise<void> {
    const start = performance.now();
    try {
      const { debounceMs: _debounce, timerForRun, ...generateOptions } = options;
      const timer = timerForRun?.();
      const result = await generate({ ...generateOptions, warm, ...(timer ? { timer } : {}) });
      await follow(result.config);
      const root = result.config?.root ?? dirname(configFile);
      onRun({ result, changed: changed.map((p) => relative(root, p).split(sep).join('/')).sort(), ms: performance.now() - start, first });
    } catch (error) {
      onError(error as Error);
    }
  }

  function schedule(): void {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      if (running || closed) return;
      const changed = [...pending];
      pending.clear();
      running = (async () => {
        const reasons = await relevant(changed);
        if (reasons.length > 0) await runOnce(reasons, false);
      })().finally(() => {
        running = undefined;
        if (pending.size > 0 && !closed) schedule();
      });
    }, debounceMs);
  }

  await follow((await loadProjectConfig(configFile)).config);
  running = runOnce([], true).finally(() => {
    running = undefined;
    if (pending.size > 0 && !closed) schedule();
  });
  await running;

  return {
    async close() {
      closed = true;
      if (debounce) clearTimeout(debounce);
      await running;
      await watcher?.close();
    },
    watched: () => [...watchedPaths],
  };
}

/** The folder a glob pattern can match in: its leading static segments, or the nearest folder that exists. */
export function globBase(root: string, pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  let base = resolve(root, ...fixed);
  if (!isDynamicPattern(pattern) && existsSync(resolve(root, pattern))) return resolve(root, pattern);
  while (!existsSync(base) && dirname(base) !== base) base = dirname(base);
  return base;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
