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
}

/** `globbed`: the layer files as cache/fingerprint.ts layerPaths gives them, when the caller has them already. */
export async function loadLayers(config: Config, globbed?: readonly string[][]): Promise<LoadedLayers> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const perLayer = await Promise.all(
    config.layers.map(async (layer, i) => {
      const matched = globbed?.[i] ?? (await layerFiles(config, layer));
      const outside = matched.filter((path) => !isAllowedSource(config, layer, path));
      if (outside.length > 0) {
        diagnostics.push({
          ruleId: 'config/layer-outside-project',
          severity: 'error',
          message: `Layer ${JSON.stringify(layer.name)} matches ${outside.length} file(s) outside the config's folder (${outside
            .slice(0, 3)
            .map((p) => displayPath(config, p))
            .join(', ')}${outside.length > 3 ? ', …' : ''}); list their folder in "sharedFolders" to read them on purpose.`,
          place: layer.place ?? config.placeOf(pointerOf('layers', i, 'files')),
        });
      }
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
    }),
  );

  const layerOf = new Map(config.layers.map((l) => [l.name, l]));
  const files: SourceFile[] = [];
  const failed: FailedFile[] = [];
  const seen = new Map<string, string>();
  for (const { layer, path, bytes } of perLayer.flat()) {
    const file = displayPath(config, path);
    const { text, diagnostic } = decodeSource(file, bytes);
    if (text === undefined) {
      diagnostics.push(diagnostic!);
      failed.push({ file });
      continue;
    }
    const earlier = seen.get(file);
    if (earlier !== undefined) {
      diagnostics.push({
        ruleId: 'config/file-in-two-layers',
        severity: 'error',
        message: `${file} is matched by layer ${JSON.stringify(earlier)} and by layer ${JSON.stringify(layer)}; a file belongs to one layer.`,
        place: { file },
      });
      continue;
    }
    seen.set(file, layer);
    texts.set(file, text);
    const parsed = parseJsonFile(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.json) {
      failed.push({ file });
      continue;
    }
    const source = classify(layer, parsed.json);
    if (!source) {
      diagnostics.push({
        ruleId: 'schema/kind',
        severity: 'error',
        message: 'Neither a registry file (with "codes") nor a messages file (with "locale" and "messages").',
        place: { file, line: 1, column: 1, pointer: '' },
      });
      failed.push({ file });
      continue;
    }
    // A base's texts of a locale the project left out are not part of its catalog.
    if (source.kind === 'messages' && layerOf.get(layer)?.from && !config.locales.includes(source.data.locale)) continue;
    const problems = [
      ...validateAgainstSchema(source.kind, parsed.json),
      ...(source.kind === 'registry' ? numberFormProblems(file, text) : []),
    ];
    diagnostics.push(...problems);
    if (problems.length === 0 && parsed.diagnostics.length === 0) files.push(source);
    else
      failed.push({
        file,
        kind: source.kind,
        ...(source.kind === 'messages' && typeof source.data.locale === 'string' ? { locale: source.data.locale } : {}),
      });
  }
  return { files, failed, texts, diagnostics };
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
