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

export { compareImportedKeys, type NamedImport } from './compare-locales.js';
export { formatImportReport } from './write-report.js';
export { icuLiteral, isIcuLiteralOf } from './icu-literal.js';
export { IMPORT_RULES } from './report.js';
export { SECTION_IDS } from './sections.js';
