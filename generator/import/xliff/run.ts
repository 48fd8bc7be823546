/**
 * The file side of the XLIFF import: the shared runner of the translation
 * imports (translations/run.ts: reads the .xlf and the target, writes the
 * changed files atomically unless `dryRun`) with XLIFF's reader.
 *
 * Without `targetPath` the target is chooseTargetFile(config, trgLang): the
 * locale's file in the last layer (target-file.ts).
 *
 * Changed user texts (`<file id="user">`) go to the file that defines the
 * locale's text now, else to `targetPath` when given, else to the locale's
 * file of the layer that defines the source-locale text; each changed file
 * is written the same way, and the diff holds every file's.
 */
import type { Catalog } from '../../catalog/model.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  runTranslationImport,
  type RunTranslationImportOptions,
  type RunTranslationImportResult,
  type TranslationFormat,
} from '../translations/run.js';
import { importXliff, languageNames, readXliffHeader, type XliffImportResult } from './index.js';
import { XLIFF_IMPORT_RULES, type XliffImportRuleId } from './rules.js';

export interface RunXliffImportOptions extends Omit<RunTranslationImportOptions, 'path' | 'locale'> {
  /** Relative paths are relative to the working directory, as on a command line. */
  xliffPath: string;
  /** The locale the user asked for (--locale): trgLang must be it. */
  locale?: string;
}

export interface RunXliffImportResult extends XliffImportResult, Omit<RunTranslationImportResult, keyof XliffImportResult> {}

const xliffFormat: TranslationFormat = {
  prefix: 'xliff-import',
  severity: (ruleId) => XLIFF_IMPORT_RULES[ruleId as XliffImportRuleId].severity,
  decode: decodeXml,
  header(text: string, name: string, catalog: Catalog, asked: string | undefined) {
    const header = readXliffHeader(text, name, catalog);
    const at = header.doc?.langAt ?? { line: 1, column: 1 };
    if (!header.doc || header.diagnostics.some((d) => d.severity === 'error')) return { at, diagnostics: header.diagnostics };
    const trgLang = header.doc.trgLang!;
    if (asked !== undefined && asked !== trgLang) {
      const mismatch: Diagnostic = {
        ruleId: 'xliff-import/locale-mismatch',
        severity: XLIFF_IMPORT_RULES['xliff-import/locale-mismatch'].severity,
        message: `${languageNames(header.doc).trg} is ${JSON.stringify(trgLang)} but --locale is ${JSON.stringify(asked)}.`,
        place: { file: name, ...at },
      };
      return { at, diagnostics: [mismatch] };
    }
    return { locale: trgLang, at, diagnostics: header.diagnostics };
  },
  importText: (text, options) => importXliff(text, { ...options, xliffName: options.name }),
};

export async function runXliffImport(options: RunXliffImportOptions): Promise<RunXliffImportResult> {
  const { xliffPath, ...rest } = options;
  return runTranslationImport({ ...rest, path: xliffPath }, xliffFormat);
}

/** The .xlf's text: UTF-8 (a BOM is kept for the reader to skip), or UTF-16 when it starts with a UTF-16 BOM. */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}
