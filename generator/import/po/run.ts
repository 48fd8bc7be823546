/**
 * The file side of the PO import: the shared runner of the translation
 * imports (translations/run.ts: reads the PO and the target, writes the
 * changed files atomically unless `dryRun`) with the PO reader. The PO's
 * bytes are read in the charset its header names.
 *
 * Without `targetPath` the target is the locale's file in the last layer
 * (xliff/target-file.ts), the locale being the header's Language (or
 * --locale when it has none).
 */
import {
  runTranslationImport,
  type RunTranslationImportOptions,
  type RunTranslationImportResult,
  type TranslationFormat,
} from '../translations/run.js';
import { importPo, readPoHeader, type PoImportResult } from './index.js';
import { decodePo } from './read-po.js';
import { PO_IMPORT_RULES, type PoImportRuleId } from './rules.js';

export interface RunPoImportOptions extends Omit<RunTranslationImportOptions, 'path'> {
  /** Relative paths are relative to the working directory, as on a command line. */
  poPath: string;
}

export interface RunPoImportResult extends PoImportResult, Omit<RunTranslationImportResult, keyof PoImportResult> {}

export async function runPoImport(options: RunPoImportOptions): Promise<RunPoImportResult> {
  const { poPath, ...rest } = options;
  let domain: string | undefined;
  const format: TranslationFormat = {
    prefix: 'po-import',
    severity: (ruleId) => PO_IMPORT_RULES[ruleId as PoImportRuleId].severity,
    decode: decodePo,
    header(text, name, catalog, asked) {
      const header = readPoHeader(text, name, catalog, asked);
      return { ...(header.locale !== undefined ? { locale: header.locale } : {}), at: header.at, diagnostics: header.diagnostics };
    },
    importText(text, importOptions) {
      const result = importPo(text, {
        ...importOptions,
        poName: importOptions.name,
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
      });
      domain = result.domain;
      return result;
    },
  };
  const result = await runTranslationImport({ ...rest, path: poPath }, format);
  return { ...result, ...(domain !== undefined ? { domain } : {}) };
}
