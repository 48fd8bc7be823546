/**
 * The file side of the Android import: the shared runner of the translation
 * imports (translations/run.ts: reads the strings.xml and the target, writes
 * the changed files atomically unless `dryRun`) with the Android reader.
 *
 * Without `targetPath` the target is the locale's file in the last layer
 * (xliff/target-file.ts), the locale being --locale or the file's
 * `values-<qualifier>` folder.
 */
import {
  runTranslationImport,
  type RunTranslationImportOptions,
  type RunTranslationImportResult,
  type TranslationFormat,
} from '../translations/run.js';
import { decodeXmlBytes } from '../translations/xml-text.js';
import { importAndroid, readAndroidHeader } from './index.js';
import { ANDROID_IMPORT_RULES, type AndroidImportRuleId } from './rules.js';

export interface RunAndroidImportOptions extends Omit<RunTranslationImportOptions, 'path'> {
  /** Relative paths are relative to the working directory, as on a command line. */
  androidPath: string;
}

export type RunAndroidImportResult = RunTranslationImportResult;

export async function runAndroidImport(options: RunAndroidImportOptions): Promise<RunAndroidImportResult> {
  const { androidPath, ...rest } = options;
  const identifierPrefix = options.config?.identifierPrefix;
  const format: TranslationFormat = {
    prefix: 'android-import',
    severity: (ruleId) => ANDROID_IMPORT_RULES[ruleId as AndroidImportRuleId].severity,
    decode: decodeXmlBytes,
    header(text, name, catalog, asked) {
      const header = readAndroidHeader(text, name, catalog, asked);
      return { ...(header.locale !== undefined ? { locale: header.locale } : {}), at: header.at, diagnostics: header.diagnostics };
    },
    importText: (text, importOptions) =>
      importAndroid(text, {
        ...importOptions,
        fileName: importOptions.name,
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
        ...(identifierPrefix !== undefined ? { identifierPrefix } : {}),
      }),
  };
  return runTranslationImport({ ...rest, path: androidPath }, format);
}
