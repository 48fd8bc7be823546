/**
 * The file side of the XLIFF import: reads the .xlf and the target source
 * file, runs the pure import, and (unless `dryRun`) writes the target
 * atomically — a temporary file in the same folder, then a rename — only
 * when its text changed. A target that does not exist yet is created.
 *
 * Without `targetPath` the target is chooseTargetFile(config, trgLang): the
 * locale's file in the last layer (target-file.ts).
 *
 * Changed user texts (`<file id="user">`) go to the file that defines the
 * locale's text now, else to `targetPath` when given, else to the locale's
 * file of the layer that defines the source-locale text; each changed file
 * is written the same way, and the diff holds every file's.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../../catalog/model.js';
import type { Config } from '../../config/load-config.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { importXliff, readXliffHeader, type XliffImportResult } from './index.js';
import { XLIFF_IMPORT_RULES } from './rules.js';
import { chooseTargetFile, localeFilesByLayer } from './target-file.js';

export interface RunXliffImportOptions {
  /** Relative paths are relative to the working directory, as on a command line. */
  xliffPath: string;
  /** The locale source file to update (created when missing); default: the last layer file of trgLang (needs `config`). */
  targetPath?: string;
  catalog: Catalog;
  /** The loaded config: the default `root`, the layer order and the default target. */
  config?: Config;
  /** The locale the user asked for (--locale): trgLang must be it. */
  locale?: string;
  /** Compute the result and its diff; write nothing. */
  dryRun?: boolean;
  /** The folder the catalog's origins are relative to, and diagnostics name files from; default the config folder, else the working directory. */
  root?: string;
  /** Layer names in merge order and the target's layer; default from `config`. */
  layers?: readonly string[];
  targetLayer?: string;
}

export interface RunXliffImportResult extends XliffImportResult {
  /** The target as diagnostics and the diff name it (relative to `root`); undefined when there is none. */
  target?: string;
  written: boolean;
  /** The .xlf and the old target text by the names diagnostics use, for code frames. */
  texts: Map<string, string>;
}

export async function runXliffImport(options: RunXliffImportOptions): Promise<RunXliffImportResult> {
  const root = resolve(options.root ?? options.config?.root ?? process.cwd());
  const shown = (path: string) => relative(root, resolve(path)).split(sep).join('/');
  const xliffText = decodeXml(await readFile(options.xliffPath));
  const xliffName = shown(options.xliffPath);
  const texts = new Map([[xliffName, xliffText]]);
  const stop = (diagnostics: Diagnostic[]): RunXliffImportResult => ({ fileText: '', diff: '', changed: [], diagnostics, written: false, texts });

  const header = readXliffHeader(xliffText, xliffName, options.catalog);
  if (!header.doc || hasErrors(header.diagnostics)) return stop(header.diagnostics);
  const trgLang = header.doc.trgLang!;
  const at = { file: xliffName, line: header.doc.at.line, column: header.doc.at.column };
  if (options.locale !== undefined && options.locale !== trgLang) {
    return stop([{ ruleId: 'xliff-import/locale-mismatch', severity: XLIFF_IMPORT_RULES['xliff-import/locale-mismatch'].severity, message: `trgLang is ${JSON.stringify(trgLang)} but --locale is ${JSON.stringify(options.locale)}.`, place: at }]);
  }
  let targetPath = options.targetPath === undefined ? undefined : resolve(options.targetPath);
  let targetLayer = options.targetLayer;
  if (targetPath === undefined) {
    const choice = options.config ? await chooseTargetFile(options.config, trgLang) : { ok: false as const, problem: 'No source file to update was named (--out).' };
    if (!choice.ok) return stop([{ ruleId: 'xliff-import/no-target-file', severity: XLIFF_IMPORT_RULES['xliff-import/no-target-file'].severity, message: choice.problem, place: at }]);
    targetPath = choice.path;
    targetLayer ??= choice.layer;
  }

  const text = await readFile(targetPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const target = shown(targetPath);
  texts.set(target, text);
  const layers = options.layers ?? options.config?.layers.map((l) => l.name);
  const byLayer = options.config && options.catalog.userTexts ? await localeFilesByLayer(options.config, trgLang) : undefined;
  const result = importXliff(xliffText, {
    xliffName,
    catalog: options.catalog,
    targetFile: { path: target, text, ...(targetLayer !== undefined ? { layer: targetLayer } : {}) },
    ...(layers ? { layers } : {}),
    readSource: (path) => {
      try {
        return readFileSync(resolve(root, path), 'utf8');
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
      }
    },
    ...(byLayer ? { localeFile: (layer: string) => byLayer.get(layer) } : {}),
    targetNamed: options.targetPath !== undefined,
  });
  const writes = [{ path: targetPath, before: text, after: result.fileText }, ...(result.userFiles ?? []).map((f) => ({ path: resolve(root, f.path), before: f.text, after: f.fileText }))];
  for (const f of result.userFiles ?? []) texts.set(f.path, f.text);
  const written = !options.dryRun && writes.some((w) => w.after !== w.before);
  if (written) for (const w of writes) if (w.after !== w.before) await writeAtomically(w.path, w.after);
  const diff = [result.diff, ...(result.userFiles ?? []).map((f) => f.diff)].join('');
  return { ...result, diff, target, written, texts };
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

/** The .xlf's text: UTF-8 (a BOM is kept for the reader to skip), or UTF-16 when it starts with a UTF-16 BOM. */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}
