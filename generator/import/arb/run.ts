/**
 * The file side of the ARB import: the shared runner of the translation
 * imports (translations/run.ts: reads the ARB and the target, writes the
 * changed files atomically unless `dryRun`) with the ARB reader.
 *
 * Without `targetPath` the target is the locale's file in the last layer
 * (xliff/target-file.ts), the locale being the ARB's `@@locale`.
 */
import {
  runTranslationImport,
  type RunTranslationImportOptions,
  type RunTranslationImportResult,
  type TranslationFormat,
} from '../translations/run.js';
import { importArb, readArbHeader } from './index.js';
import { ARB_IMPORT_RULES, type ArbImportRuleId } from './rules.js';

export interface RunArbImportOptions extends Omit<RunTranslationImportOptions, 'path'> {
  /** Relative paths are relative to the working directory, as on a command line. */
  arbPath: string;
}

export type RunArbImportResult = RunTranslationImportResult;

export async function runArbImport(options: RunArbImportOptions): Promise<RunArbImportResult> {
  const { arbPath, ...rest } = options;
  const identifierPrefix = options.config?.identifierPrefix;
  const format: TranslationFormat = {
    prefix: 'arb-import',
    severity: (ruleId) => ARB_IMPORT_RULES[ruleId as ArbImportRuleId].severity,
    decode: (bytes) => bytes.toString('utf8'),
    header(text, name, catalog, asked) {
      const header = readArbHeader(text, name, catalog, asked);
      return { ...(header.locale !== undefined ? { locale: header.locale } : {}), at: header.at, diagnostics: header.diagnostics };
    },
    importText: (text, importOptions) =>
      importArb(text, {
        ...importOptions,
        arbName: importOptions.name,
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
        ...(identifierPrefix !== undefined ? { identifierPrefix } : {}),
      }),
  };
  return runTranslationImport({ ...rest, path: arbPath }, format);
}
