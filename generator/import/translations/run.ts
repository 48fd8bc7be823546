/**
 * The file side of a translation import (XLIFF, PO): reads the translator's
 * file and the target source file, runs the format's pure import, and
 * (unless `dryRun`) writes the target atomically — a temporary file in the
 * same folder, then a rename — only when its text changed. A target that
 * does not exist yet is created.
 *
 * Without `targetPath` the target is chooseTargetFile(config, locale): the
 * locale's file in the last layer (xliff/target-file.ts).
 *
 * Changed user texts go to the file that defines the locale's text now,
 * else to `targetPath` when given, else to the locale's file of the layer
 * that defines the source-locale text; each changed file is written the
 * same way, and the diff holds every file's.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../../catalog/model.js';
import type { Config } from '../../config/load-config.js';
import { hasErrors, type Diagnostic, type RuleId, type Severity } from '../../diagnostics/diagnostic.js';
import { chooseTargetFile, localeFilesByLayer } from '../xliff/target-file.js';
import type { At, TranslationImportResult, TranslationTargetOptions } from './apply.js';

export interface RunTranslationImportOptions {
  /** The translator's file; relative paths are relative to the working directory, as on a command line. */
  path: string;
  /** The locale source file to update (created when missing); default: the last layer file of the locale (needs `config`). */
  targetPath?: string;
  catalog: Catalog;
  /** The loaded config: the default `root`, the layer order and the default target. */
  config?: Config;
  /** The locale the user asked for (--locale). */
  locale?: string;
  /** Compute the result and its diff; write nothing. */
  dryRun?: boolean;
  /** The folder the catalog's origins are relative to, and diagnostics name files from; default the config folder, else the working directory. */
  root?: string;
  /** Layer names in merge order and the target's layer; default from `config`. */
  layers?: readonly string[];
  targetLayer?: string;
}

export interface RunTranslationImportResult extends TranslationImportResult {
  /** The target as diagnostics and the diff name it (relative to `root`); undefined when there is none. */
  target?: string;
  written: boolean;
  /** The translator's file and the old target text by the names diagnostics use, for code frames. */
  texts: Map<string, string>;
}

/** The prefix of an importer whose rules include `no-target-file`: `xliff-import`, `po-import`… */
type FormatPrefix = RuleId extends infer R ? (R extends `${infer P}/no-target-file` ? P : never) : never;

/** What a format gives the runner. */
export interface TranslationFormat {
  /** `xliff-import`, `po-import`: the prefix of its rule ids, which include `locale-mismatch` and `no-target-file`. */
  prefix: FormatPrefix;
  severity(ruleId: RuleId): Severity;
  /** The file's text from its bytes. */
  decode(bytes: Buffer): string;
  /**
   * The checks that need no target file; `locale` is the locale the file
   * is in (it must be --locale when that is given), `at` where it says so.
   */
  header(text: string, name: string, catalog: Catalog, asked: string | undefined): { locale?: string; at: At; diagnostics: Diagnostic[] };
  /** The pure import. */
  importText(text: string, options: TranslationTargetOptions & { name: string }): TranslationImportResult;
}

export async function runTranslationImport(
  options: RunTranslationImportOptions,
  format: TranslationFormat,
): Promise<RunTranslationImportResult> {
  const root = resolve(options.root ?? options.config?.root ?? process.cwd());
  const shown = (path: string) => relative(root, resolve(path)).split(sep).join('/');
  const text = format.decode(await readFile(options.path));
  const name = shown(options.path);
  const texts = new Map([[name, text]]);
  const stop = (diagnostics: Diagnostic[]): RunTranslationImportResult => ({
    fileText: '',
    diff: '',
    changed: [],
    diagnostics,
    written: false,
    texts,
  });

  const header = format.header(text, name, options.catalog, options.locale);
  if (header.locale === undefined || hasErrors(header.diagnostics)) return stop(header.diagnostics);
  const locale = header.locale;
  const at = { file: name, line: header.at.line, column: header.at.column };
  const chosen = await chooseTarget(options, locale);
  if ('problem' in chosen) {
    const ruleId = `${format.prefix}/no-target-file` as const;
    return stop([{ ruleId, severity: format.severity(ruleId), message: chosen.problem, place: at }]);
  }
  const { path: targetPath, layer: targetLayer } = chosen;

  const before = await readFile(targetPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const target = shown(targetPath);
  texts.set(target, before);
  const layers = options.layers ?? options.config?.layers.map((l) => l.name);
  const byLayer = options.config && options.catalog.userTexts ? await localeFilesByLayer(options.config, locale) : undefined;
  const result = format.importText(text, {
    name,
    catalog: options.catalog,
    targetFile: { path: target, text: before, ...(targetLayer !== undefined ? { layer: targetLayer } : {}) },
    ...(layers ? { layers } : {}),
    readSource: (path) => readSource(root, path),
    ...(byLayer ? { localeFile: (layer: string) => byLayer.get(layer) } : {}),
    targetNamed: options.targetPath !== undefined,
  });
  for (const f of result.userFiles ?? []) texts.set(f.path, f.text);
  const written = await writeChanged(
    [
      { path: targetPath, before, after: result.fileText },
      ...(result.userFiles ?? []).map((f) => ({ path: resolve(root, f.path), before: f.text, after: f.fileText })),
    ],
    options.dryRun,
  );
  const diff = [result.diff, ...(result.userFiles ?? []).map((f) => f.diff)].join('');
  return { ...result, diff, target, written, texts };
}

/** Another source file's text: "" when it does not exist yet, undefined when it cannot be read. */
function readSource(root: string, path: string): string | undefined {
  try {
    return readFileSync(resolve(root, path), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
  }
}

/** The file to update (--out, else the locale's file in the last layer) and its layer, or why there is none. */
async function chooseTarget(
  options: RunTranslationImportOptions,
  locale: string,
): Promise<{ path: string; layer: string | undefined } | { problem: string }> {
  if (options.targetPath !== undefined) return { path: resolve(options.targetPath), layer: options.targetLayer };
  if (!options.config) return { problem: 'No source file to update was named (--out).' };
  const choice = await chooseTargetFile(options.config, locale);
  return choice.ok ? { path: choice.path, layer: options.targetLayer ?? choice.layer } : { problem: choice.problem };
}

/** Writes each file whose text changed, unless `dryRun`; whether any was written. */
async function writeChanged(writes: { path: string; before: string; after: string }[], dryRun: boolean | undefined): Promise<boolean> {
  const written = !dryRun && writes.some((w) => w.after !== w.before);
  if (written) for (const w of writes) if (w.after !== w.before) await writeAtomically(w.path, w.after);
  return written;
}

/** A temporary file in the same folder, then a rename. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.codebook-${process.pid}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
