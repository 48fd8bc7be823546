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
  const session = new WatchSession(options, onRun, onError);
  await session.start();
  return {
    close: () => session.close(),
    watched: () => session.watched(),
  };
}

/** One `--watch`: what the config names now, the watcher on it, and the runs its events start (never two at once). */
class WatchSession {
  private readonly cwd: string;
  private readonly configFile: string;
  private readonly warm = new WarmState();
  private readonly debounceMs: number;
  private watcher: FSWatcher | undefined;
  private watchedPaths = new Set<string>();
  private templateFolders: string[] = [];
  private layerFiles = new Set<string>();
  private ignoredFolders: string[] = [];
  /** The last config that loaded: a run whose config fails keeps watching what this one named. */
  private lastConfig: Config | undefined;
  private readonly pending = new Set<string>();
  private debounce: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly options: WatchOptions,
    private readonly onRun: (run: WatchRun) => void,
    private readonly onError: (error: Error) => void,
  ) {
    this.cwd = options.cwd ?? process.cwd();
    this.configFile = findConfig(this.cwd, options.config).path;
    this.debounceMs = options.debounceMs ?? 100;
  }

  /** Watches what the config names, then runs once. */
  async start(): Promise<void> {
    await this.follow((await loadProjectConfig(this.configFile)).config);
    this.track(this.runOnce([], true));
    await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    await this.running;
    await this.watcher?.close();
  }

  watched(): string[] {
    return [...this.watchedPaths];
  }

  /**
   * Points the watcher at what the config names now (it may have changed):
   * a fresh watcher replaces the old one once it is ready, so no event is
   * lost in between.
   */
  private async follow(config: Config | undefined): Promise<void> {
    if (config) await this.remember(config);
    const next = this.pathsToWatch();
    const same = next.size === this.watchedPaths.size && [...next].every((p) => this.watchedPaths.has(p));
    if (this.watcher && same) return;
    await this.replaceWatcher(next);
  }

  /** What a loaded config names: template folders, folders to ignore, the files its layers match. */
  private async remember(config: Config): Promise<void> {
    this.lastConfig = config;
    this.templateFolders = allTemplateFolders(config);
    // The output (our own writes), and the cache and git folders of the project.
    this.ignoredFolders = [
      config.out,
      ...(this.options.out ? [resolve(this.cwd, this.options.out)] : []),
      resolve(config.root, 'node_modules'),
      resolve(config.root, '.git'),
    ];
    this.layerFiles = new Set((await layerPaths(config)).flat());
  }

  /** The config file, the template folders that exist, and the folder each layer glob can match in. */
  private pathsToWatch(): Set<string> {
    const config = this.lastConfig;
    const bases = (config?.layers ?? []).flatMap((layer) =>
      layer.files.filter((p) => !p.startsWith('!')).map((pattern) => globBase(layerRoot(config!, layer), pattern)),
    );
    return new Set([this.configFile, ...this.templateFolders.filter((folder) => existsSync(folder)), ...bases]);
  }

  private async replaceWatcher(paths: Set<string>): Promise<void> {
    const fresh = watch([...paths], {
      ignoreInitial: true,
      ignored: (path) =>
        this.ignoredFolders.some((folder) => isInside(path, folder)) && !this.templateFolders.some((folder) => isInside(path, folder)),
    });
    fresh.on('error', (error) => this.onError(error instanceof Error ? error : new Error(String(error))));
    fresh.on('all', (_event, path) => {
      if (this.closed) return;
      this.pending.add(resolve(path));
      if (!this.running) this.schedule();
    });
    await new Promise<void>((done) => fresh.once('ready', () => done()));
    const old = this.watcher;
    this.watcher = fresh;
    this.watchedPaths = paths;
    await old?.close();
  }

  /** Starts a run once events stop for `debounceMs`, unless one is running (its end schedules again). */
  private schedule(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      if (this.running || this.closed) return;
      const changed = [...this.pending];
      this.pending.clear();
      this.track(this.runIfRelevant(changed));
    }, this.debounceMs);
  }

  /** Makes `run` the current run; changes that came in during it get one more. */
  private track(run: Promise<void>): void {
    this.running = run.finally(() => {
      this.running = undefined;
      if (this.pending.size > 0 && !this.closed) this.schedule();
    });
  }

  private async runIfRelevant(changed: string[]): Promise<void> {
    const reasons = await this.relevant(changed);
    if (reasons.length > 0) await this.runOnce(reasons, false);
  }

  /** The changed paths that can change the output: the config, templates, and files a layer glob matches (now or before). */
  private async relevant(paths: readonly string[]): Promise<string[]> {
    if (!this.lastConfig) return [...paths];
    // A path no known input covers may be a new layer file: glob again only then.
    const now = paths.every((p) => this.isKnownInput(p)) ? this.layerFiles : new Set((await layerPaths(this.lastConfig)).flat());
    return paths.filter((p) => this.isKnownInput(p) || now.has(p));
  }

  private isKnownInput(path: string): boolean {
    return path === this.configFile || this.templateFolders.some((folder) => isInside(path, folder)) || this.layerFiles.has(path);
  }

  private async runOnce(changed: string[], first: boolean): Promise<void> {
    const start = performance.now();
    try {
      const { debounceMs: _debounce, timerForRun, ...generateOptions } = this.options;
      const timer = timerForRun?.();
      const result = await generate({ ...generateOptions, warm: this.warm, ...(timer ? { timer } : {}) });
      await this.follow(result.config);
      const root = result.config?.root ?? dirname(this.configFile);
      this.onRun({
        result,
        changed: changed.map((p) => relative(root, p).split(sep).join('/')).sort(),
        ms: performance.now() - start,
        first,
      });
    } catch (error) {
      this.onError(error as Error);
    }
  }
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
