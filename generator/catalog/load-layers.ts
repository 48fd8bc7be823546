/**
 * Reads every file of every layer named in the config, in layer order, and
 * sorts files within a layer by path so the result never depends on the
 * order the file system lists them in. Each file is parsed, classified as a
 * registry file (`codes`) or a messages file (`locale`), and checked against
 * its schema; a file with errors is reported and left out of the merge.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { decodeSource } from './source-text.js';
import { numberFormProblems } from './number-forms.js';
import { pointerOf } from '../json/json-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config, LayerConfig } from '../config/load-config.js';
import { layerFiles, layerRoot } from '../config/layer-files.js';
import { parseJsonFile, type JsonFile } from '../json/json-file.js';
import { validateAgainstSchema } from '../json/schemas.js';
import { hashText } from '../json/text-hash.js';
import type { Action, Fault, ParamType, TranslationState } from './model.js';

export interface RegistryData {
  sections?: { id: string; part?: string }[];
  codes: {
    code?: number;
    range?: [number, number];
    key?: string;
    section: string;
    description?: string;
    params?: Record<string, { type: ParamType; example?: string | number; description?: string }>;
    user?: string;
    action?: Action;
    fault?: Fault;
  }[];
}

export interface MessageEntry {
  text?: string;
  state?: TranslationState;
  note?: string;
  doubts?: string[];
}

export interface MessagesData {
  locale: string;
  sections?: Record<string, string>;
  messages?: Record<string, string | MessageEntry>;
  /** End-user texts by id. */
  user?: Record<string, string | MessageEntry>;
  /** End-user texts by key, replacing the shared one the key names. */
  userOverrides?: Record<string, string | MessageEntry>;
}

export type SourceFile =
  | { kind: 'registry'; layer: string; json: JsonFile; data: RegistryData }
  | { kind: 'messages'; layer: string; json: JsonFile; data: MessagesData };

/** A layer file left out of the merge because it did not load: what checks on the merge must not trust. */
export interface FailedFile {
  file: string;
  /** Unset when the file could not be read or parsed far enough to tell. */
  kind?: 'registry' | 'messages';
  locale?: string;
}

export interface LoadedLayers {
  files: SourceFile[];
  failed: FailedFile[];
  /** Text of every file read, by display path, for caret frames in reports. */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
  /** In an incremental run, every file's text hash (hashText), by display path; empty otherwise. */
  hashes: Map<string, number>;
  /** Of those, the files that loaded without a problem: what the next run may trust. */
  clean: Map<string, number>;
}

/**
 * `globbed`: the layer files as cache/fingerprint.ts layerPaths gives them, when the caller has
 * them already. `trusted`: files (display path → text hash) that loaded without a problem in the
 * last run of this codebook (the incremental record; empty when it has none): when a file's text
 * is that text, its schema, depth and duplicate-member checks are skipped, as they would find
 * nothing again. `deferred`: files (display paths) whose checks the caller makes itself on the
 * parts that changed (cache/edited-catalog.ts); they are loaded as trusted but never count as clean.
 */
export async function loadLayers(
  config: Config,
  globbed?: readonly string[][],
  trusted?: ReadonlyMap<string, number>,
  deferred?: ReadonlySet<string>,
): Promise<LoadedLayers> {
  const diagnostics: Diagnostic[] = [];
  const perLayer = await Promise.all(config.layers.map((layer, i) => readLayer(config, layer, i, globbed?.[i], diagnostics)));
  const load = new LayerLoad(config, diagnostics, trusted, deferred);
  for (const read of perLayer.flat()) load.add(read);
  return load.result();
}

interface FileBytes {
  layer: string;
  path: string;
  bytes: Buffer;
}

/** The bytes of every file a layer matches inside the folders it may read; a layer that matches none is reported. */
async function readLayer(
  config: Config,
  layer: LayerConfig,
  index: number,
  globbed: readonly string[] | undefined,
  diagnostics: Diagnostic[],
): Promise<FileBytes[]> {
  const matched = globbed ?? (await layerFiles(config, layer));
  const outside = matched.filter((path) => !isAllowedSource(config, layer, path));
  if (outside.length > 0) diagnostics.push(outsideProject(config, layer, index, outside));
  const paths = matched.filter((path) => isAllowedSource(config, layer, path));
  if (paths.length === 0) {
    diagnostics.push({
      ruleId: 'config/empty-layer',
      severity: 'warning',
      message: `Layer ${JSON.stringify(layer.name)} matches no file (${layer.files.join(', ')}).`,
      place: layer.place ?? { file: displayPath(config, config.file) },
    });
  }
  return Promise.all(paths.map(async (path) => ({ layer: layer.name, path, bytes: await readFile(path) })));
}

function outsideProject(config: Config, layer: LayerConfig, index: number, outside: readonly string[]): Diagnostic {
  const shown = outside.slice(0, 3).map((p) => displayPath(config, p));
  return {
    ruleId: 'config/layer-outside-project',
    severity: 'error',
    message: `Layer ${JSON.stringify(layer.name)} matches ${outside.length} file(s) outside the config's folder (${shown.join(', ')}${outside.length > 3 ? ', …' : ''}); list their folder in "sharedFolders" to read them on purpose.`,
    place: layer.place ?? config.placeOf(pointerOf('layers', index, 'files')),
  };
}

/** The layer files read, added one by one in layer order: each kept for the merge or recorded as failed. */
class LayerLoad {
  private readonly files: SourceFile[] = [];
  private readonly failed: FailedFile[] = [];
  private readonly texts = new Map<string, string>();
  /** The layer each file was first read for, by display path. */
  private readonly seen = new Map<string, string>();
  private readonly layerOf: Map<string, LayerConfig>;
  private readonly hashes = new Map<string, number>();
  private readonly clean = new Map<string, number>();

  constructor(
    private readonly config: Config,
    private readonly diagnostics: Diagnostic[],
    private readonly trusted?: ReadonlyMap<string, number>,
    private readonly deferred?: ReadonlySet<string>,
  ) {
    this.layerOf = new Map(config.layers.map((l) => [l.name, l]));
  }

  /** One file: decoded, owned by one layer, parsed, classified, then checked against its kind's schema. */
  add({ layer, path, bytes }: FileBytes): void {
    const file = displayPath(this.config, path);
    const reported = this.diagnostics.length;
    const text = this.decode(file, bytes);
    if (text === undefined || !this.claim(file, layer)) return;
    this.texts.set(file, text);
    // Hashed only for an incremental run (`trusted` given, if empty), which records the clean files for the next.
    const hash = this.trusted ? hashText(text) : undefined;
    if (hash !== undefined) this.hashes.set(file, hash);
    const deferred = this.deferred?.has(file) === true;
    const trusted = deferred || (hash !== undefined && this.trusted!.get(file) === hash);
    const parsed = parseJsonFile(file, text, { trusted });
    this.diagnostics.push(...parsed.diagnostics);
    if (!parsed.json) {
      this.failed.push({ file });
      return;
    }
    const source = this.classify(file, layer, parsed.json);
    // A base's texts of a locale the project left out are not part of its catalog.
    if (!source || (source.kind === 'messages' && this.layerOf.get(layer)?.from && !this.config.locales.includes(source.data.locale)))
      return;
    const kept = this.check(source, file, text, parsed.diagnostics.length === 0, trusted);
    if (kept && hash !== undefined && this.diagnostics.length === reported && !deferred) this.clean.set(file, hash);
  }

  result(): LoadedLayers {
    return {
      files: this.files,
      failed: this.failed,
      texts: this.texts,
      diagnostics: this.diagnostics,
      hashes: this.hashes,
      clean: this.clean,
    };
  }

  private decode(file: string, bytes: Buffer): string | undefined {
    const { text, diagnostic } = decodeSource(file, bytes);
    if (text === undefined) {
      this.diagnostics.push(diagnostic!);
      this.failed.push({ file });
    }
    return text;
  }

  /** Whether the file is this layer's: the first layer that matches it keeps it, another one is reported. */
  private claim(file: string, layer: string): boolean {
    const earlier = this.seen.get(file);
    if (earlier !== undefined) {
      this.diagnostics.push({
        ruleId: 'config/file-in-two-layers',
        severity: 'error',
        message: `${file} is matched by layer ${JSON.stringify(earlier)} and by layer ${JSON.stringify(layer)}; a file belongs to one layer.`,
        place: { file },
      });
      return false;
    }
    this.seen.set(file, layer);
    return true;
  }

  private classify(file: string, layer: string, json: JsonFile): SourceFile | undefined {
    const source = classify(layer, json);
    if (!source) {
      this.diagnostics.push({
        ruleId: 'schema/kind',
        severity: 'error',
        message: 'Neither a registry file (with "codes") nor a messages file (with "locale" and "messages").',
        place: { file, line: 1, column: 1, pointer: '' },
      });
      this.failed.push({ file });
    }
    return source;
  }

  /** Schema problems (and a registry's number forms) leave the file out; so does a parse that only recovered. Whether it was kept. */
  private check(source: SourceFile, file: string, text: string, parsedCleanly: boolean, trusted: boolean): boolean {
    const problems = trusted
      ? []
      : [...validateAgainstSchema(source.kind, source.json), ...(source.kind === 'registry' ? numberFormProblems(file, text) : [])];
    this.diagnostics.push(...problems);
    if (problems.length === 0 && parsedCleanly) {
      this.files.push(source);
      return true;
    }
    this.failed.push({
      file,
      kind: source.kind,
      ...(source.kind === 'messages' && typeof source.data.locale === 'string' ? { locale: source.data.locale } : {}),
    });
    return false;
  }
}

function classify(layer: string, json: JsonFile): SourceFile | undefined {
  const value = json.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('codes' in value) return { kind: 'registry', layer, json, data: value as RegistryData };
  if ('locale' in value || 'messages' in value || 'user' in value) return { kind: 'messages', layer, json, data: value as MessagesData };
  return undefined;
}

/** Whether a layer file lies inside the config's folder, a folder the config shares on purpose, or (for a base's layer) the base's folder. */
function isAllowedSource(config: Config, layer: LayerConfig, path: string): boolean {
  return [config.root, ...config.sharedFolders, ...(layer.from ? [layerRoot(config, layer)] : [])].some((dir) => {
    const rel = relative(dir, path);
    return (
      rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && resolve(dir, rel) === resolve(path) && !/^[a-zA-Z]:|^[\\/]/.test(rel)
    );
  });
}

/** Paths in diagnostics and provenance: relative to the config folder, with forward slashes on every OS. */
export function displayPath(config: Config, path: string): string {
  return relative(config.root, resolve(path)).split(sep).join('/');
}
