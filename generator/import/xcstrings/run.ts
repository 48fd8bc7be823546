/**
 * The file side of the String Catalog import. One .xcstrings holds every
 * locale: the file-wide checks run once (index.ts readXcstringsHeader), then
 * each locale to import (those present in the file, or --locale) goes
 * through the shared runner of the translation imports (translations/run.ts:
 * the locale's file in the last layer, or --out; written atomically unless
 * `dryRun`). The result joins the locales' results, which `parts` keeps.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../translations/apply.js';
import {
  runTranslationImport,
  type RunTranslationImportOptions,
  type RunTranslationImportResult,
  type TranslationFormat,
} from '../translations/run.js';
import { importXcstrings, readXcstringsHeader } from './index.js';
import { XCSTRINGS_IMPORT_RULES, type XcstringsImportRuleId } from './rules.js';

export interface RunXcstringsImportOptions extends Omit<RunTranslationImportOptions, 'path'> {
  /** Relative paths are relative to the working directory, as on a command line. */
  xcstringsPath: string;
}

export interface RunXcstringsImportResult extends RunTranslationImportResult {
  /** Each locale imported, with its own result (the joined one's target is the first's). */
  parts: { locale: string; result: RunTranslationImportResult }[];
}

const decode = (bytes: Buffer) => bytes.toString('utf8');

export async function runXcstringsImport(options: RunXcstringsImportOptions): Promise<RunXcstringsImportResult> {
  const { xcstringsPath, ...rest } = options;
  const root = resolve(options.root ?? options.config?.root ?? process.cwd());
  const name = relative(root, resolve(xcstringsPath)).split(sep).join('/');
  const text = decode(await readFile(xcstringsPath));
  const header = readXcstringsHeader(text, name, options.catalog, options.locale);
  const texts = new Map([[name, text]]);
  const stop = (diagnostics: Diagnostic[]): RunXcstringsImportResult => ({
    fileText: '',
    diff: '',
    changed: [],
    diagnostics: sortDiagnostics(diagnostics, name),
    written: false,
    texts,
    parts: [],
  });
  if (header.fatal) return stop(header.diagnostics);
  if (options.targetPath !== undefined && header.locales.length > 1) {
    const ruleId: XcstringsImportRuleId = 'xcstrings-import/no-target-file';
    return stop([
      ...header.diagnostics,
      {
        ruleId,
        severity: XCSTRINGS_IMPORT_RULES[ruleId].severity,
        message: `--out names one source file, and ${name} holds ${header.locales.length} locales (${header.locales.join(', ')}); give the one to import with --locale.`,
        place: { file: name, ...header.at },
      },
    ]);
  }
  const parts: RunXcstringsImportResult['parts'] = [];
  for (const locale of header.locales) {
    const format: TranslationFormat = {
      prefix: 'xcstrings-import',
      severity: (ruleId) => XCSTRINGS_IMPORT_RULES[ruleId as XcstringsImportRuleId].severity,
      decode,
      header: () => ({ locale, at: header.at, diagnostics: [] }),
      importText: (fileText, importOptions) => importXcstrings(fileText, { ...importOptions, fileName: importOptions.name, locale }),
    };
    parts.push({ locale, result: await runTranslationImport({ ...rest, locale, path: xcstringsPath }, format) });
  }
  const results = parts.map((p) => p.result);
  const first = results[0];
  return {
    fileText: first?.fileText ?? '',
    diff: results.map((r) => r.diff).join(''),
    changed: results.flatMap((r) => r.changed),
    diagnostics: sortDiagnostics([...header.diagnostics, ...results.flatMap((r) => r.diagnostics)], name),
    ...(results.some((r) => r.userFiles) ? { userFiles: results.flatMap((r) => r.userFiles ?? []) } : {}),
    ...(first?.target !== undefined ? { target: first.target } : {}),
    written: results.some((r) => r.written),
    texts: new Map([...texts, ...results.flatMap((r) => [...r.texts])]),
    parts,
  };
}
