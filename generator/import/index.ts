/**
 * The vendor-document importer: a vendor error-code document (pipe tables or
 * PDF-extracted text) in, one locale source file out, plus a report of every
 * repair and every doubt. Pure and deterministic: same text and options →
 * same result, byte for byte; nothing is read or written here.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { collectMessages, type ImportedSection } from './messages.js';
import { outline } from './outline.js';
import { isPdfRow, readPdfText } from './pdf-text.js';
import { isPipeRow, readPipeTable } from './pipe-table.js';
import { ImportReport } from './report.js';
import { buildSourceFile } from './source-file.js';
import { splitLines } from './vendor-lines.js';

export type VendorShape = 'pipe-table' | 'pdf-text';

export type { ImportedSection } from './messages.js';

export interface ImportResult {
  locale: string;
  shape: VendorShape;
  sections: ImportedSection[];
  /** The locale source file, canonical text, ready to write. */
  fileText: string;
  /** Every repair made (severity 'info') and every doubt (severity 'warning'). */
  report: Diagnostic[];
}

export interface ImportOptions {
  /** BCP 47 tag written into the file, e.g. "ja". */
  locale: string;
  /** The vendor file's name as reports should show it. */
  sourceName: string;
  /** Skips detection. */
  shape?: VendorShape;
}

/** The shape with more rows: `code | text |` lines vs `code<TAB>text` lines (a tie reads as pipe-table). */
export function detectShape(text: string): VendorShape {
  let pipe = 0;
  let pdf = 0;
  for (const line of splitLines(text)) {
    if (isPipeRow(line)) pipe++;
    else if (isPdfRow(line)) pdf++;
  }
  return pdf > pipe ? 'pdf-text' : 'pipe-table';
}

export function importVendorDocument(text: string, options: ImportOptions): ImportResult {
  const { locale, sourceName } = options;
  const shape = options.shape ?? detectShape(text);
  const report = new ImportReport(sourceName, locale);
  const items = shape === 'pdf-text' ? readPdfText(text, report) : readPipeTable(text, report);
  const { sections, messages } = collectMessages(outline(items, report), report);
  const fileText = buildSourceFile(locale, sections, messages, report);
  return { locale, shape, sections, fileText, report: report.sorted() };
}

/**
 * The refusals of `codebook import` for a vendor document
 * (`import/nothing-recognised`, `import/too-few-keys` in rules.ts): a
 * document in which the importer recognises nothing, or far fewer keys than
 * the file it would replace, is not what the user meant to import (a PO
 * file, a README, an empty file) and would wipe the locale's vendor texts.
 *
 * Why the result must not replace the current file (its text, undefined
 * when there is none), if it must not: no key recognised, or fewer than
 * half of the keys of the current file's `messages`.
 */
export function refuseVendorImport(
  result: ImportResult,
  current: string | undefined,
  names: { sourceName: string; out: string },
): Diagnostic | undefined {
  const keys = result.sections.reduce((n, s) => n + s.keys.length, 0);
  const place = { file: names.sourceName, line: 1, column: 1 };
  const hint =
    'A translated PO or XLIFF file is imported as translations: name its format with --from po or --from xliff if it was not detected.';
  if (keys === 0) {
    return {
      ruleId: 'import/nothing-recognised',
      severity: 'error',
      message: `No error-code table recognised in ${names.sourceName} (no "| code | text |" rows under a part heading, no "code<TAB>text" lines); nothing is written to ${names.out}.`,
      place,
      locale: result.locale,
      hint,
    };
  }
  const before = currentKeys(current);
  if (before > 0 && keys * 2 < before) {
    return {
      ruleId: 'import/too-few-keys',
      severity: 'error',
      message: `${names.sourceName} gives ${keys} key${keys === 1 ? '' : 's'}, fewer than half of the ${before} keys of ${names.out}; nothing is written (an import replaces a file only with at least half as many keys).`,
      place,
      locale: result.locale,
      notes: [{ message: `the file it would replace (${before} keys)`, place: { file: names.out } }],
      hint: 'If the vendor really dropped those codes, move the old file away first, or import into another file with --out.',
    };
  }
  return undefined;
}

/** How many keys the `messages` of a locale file has (0 when it is not one). */
function currentKeys(text: string | undefined): number {
  if (text === undefined) return 0;
  try {
    const value = JSON.parse(text.replace(/^\ufeff/, '')) as { messages?: unknown };
    return value.messages !== null && typeof value.messages === 'object' ? Object.keys(value.messages).length : 0;
  } catch {
    return 0;
  }
}

export { compareImportedKeys, type NamedImport } from './compare-locales.js';
export { formatImportReport } from './write-report.js';
export { icuLiteral, isIcuLiteralOf } from './icu-literal.js';
export { IMPORT_RULES } from './report.js';
export { SECTION_IDS } from './sections.js';
