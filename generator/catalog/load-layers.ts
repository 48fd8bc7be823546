/**
 * Reads every file of every layer named in the config, in layer order, and
 * sorts files within a layer by path so the result never depends on the
 * order the file system lists them in. Each file is parsed, classified as a
 * registry file (`codes`) or a messages file (`locale`), and checked against
 * its schema; a file with errors is reported and left out of the merge.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config } from '../config/load-config.js';
import { parseJsonFile, type JsonFile } from './json-file.js';
import { validateAgainstSchema } from './schemas.js';
import type { ParamType, TranslationState } from './model.js';

export interface RegistryData {
  sections?: { id: string; part?: string }[];
  codes: {
    code?: number;
    range?: [number, number];
    key?: string;
    section: string;
    description?: string;
    params?: Record<string, { type: ParamType; example?: string | number; description?: string }>;
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
  messages: Record<string, string | MessageEntry>;
}

export type SourceFile =
  | { kind: 'registry'; layer: string; json: JsonFile; data: RegistryData }
  | { kind: 'messages'; layer: string; json: JsonFile; data: MessagesData };

export interface LoadedLayers {
  files: SourceFile[];
  /** Text of every file read, by display path, for caret frames in reports. */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
}

export async function loadLayers(config: Config): Promise<LoadedLayers> {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const perLayer = await Promise.all(
    config.layers.map(async (layer) => {
      const paths = (await glob(layer.files, { cwd: config.root, absolute: true, onlyFiles: true })).sort();
      if (paths.length === 0) {
        diagnostics.push({
          ruleId: 'config/empty-layer',
          severity: 'warning',
          message: `Layer ${JSON.stringify(layer.name)} matches no file (${layer.files.join(', ')}).`,
          place: { file: displayPath(config, config.file) },
        });
      }
      return Promise.all(paths.map(async (path) => ({ layer: layer.name, path, text: await readFile(path, 'utf8') })));
    }),
  );

  const files: SourceFile[] = [];
  const seen = new Map<string, string>();
  for (const { layer, path, text } of perLayer.flat()) {
    const file = displayPath(config, path);
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
    if (!parsed.json) continue;
    const source = classify(layer, parsed.json);
    if (!source) {
      diagnostics.push({
        ruleId: 'schema/kind',
        severity: 'error',
        message: 'Neither a registry file (with "codes") nor a messages file (with "locale" and "messages").',
        place: { file, line: 1, column: 1, pointer: '' },
      });
      continue;
    }
    const problems = validateAgainstSchema(source.kind, parsed.json);
    diagnostics.push(...problems);
    if (problems.length === 0 && parsed.diagnostics.length === 0) files.push(source);
  }
  return { files, texts, diagnostics };
}

function classify(layer: string, json: JsonFile): SourceFile | undefined {
  const value = json.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('codes' in value) return { kind: 'registry', layer, json, data: value as RegistryData };
  if ('locale' in value || 'messages' in value) return { kind: 'messages', layer, json, data: value as MessagesData };
  return undefined;
}

/** Paths in diagnostics and provenance: relative to the config folder, with forward slashes on every OS. */
export function displayPath(config: Config, path: string): string {
  return relative(config.root, resolve(path)).split(sep).join('/');
}
