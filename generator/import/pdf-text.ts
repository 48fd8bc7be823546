/**
 * Reader for the "pdf-text" shape (text extracted from a PDF: `code<TAB>text`
 * rows, blank lines, page-break artifacts). Produces shape-neutral items and
 * undoes the extraction's mechanical damage, reporting each repair:
 * - a continuation line (starting with a TAB, possibly after blank lines) is
 *   joined to the message it continues (see joinPageBreak for the separator);
 * - a range split over lines (`120001<TAB>text` / `-<TAB>` / `` / `130000`)
 *   becomes one row keyed "120001-130000";
 * - a stray rule line (`-------<TAB>----`) is dropped.
 * Row text is trimmed and otherwise kept as written.
 */
import { keyOfCode, keyOfRange, parseKey } from '../catalog/keys.js';
import { joinPageBreak } from './repairs.js';
import { IMPORT_RULES, type ImportReport, quote } from './report.js';
import { isSeparatorLine, readNoteLabel, readPartHeading, splitLines, type VendorItem, type VendorRow } from './vendor-lines.js';

const ROW = /^\s*(-?\d+)(?:\s*[-~–]\s*(-?\d+))?\t(.*)$/;
const CONTINUATION = /^\t(.*)$/;
const RANGE_DASH = /^\s*[-~–]\s*$/;
const BARE_CODE = /^\s*(-?\d+)\s*$/;

/** True when the line looks like a pdf-text row. */
export function isPdfRow(line: string): boolean {
  return ROW.test(line);
}

export function readPdfText(text: string, report: ImportReport): VendorItem[] {
  const lines = splitLines(text);
  const items: VendorItem[] = [];
  /** Index in `items` of the last row, while only blank lines follow it. */
  let openRow: number | undefined;
  const indexOfRow = (row: VendorRow) => items.findIndex((it) => it.kind === 'row' && it.row === row);

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = i + 1;
    if (raw.trim() === '') {
      items.push({ kind: 'blank', line });
      continue;
    }
    const lastRow = openRow === undefined ? undefined : (items[openRow] as { row: VendorRow }).row;
    openRow = undefined;

    const continuation = CONTINUATION.exec(raw);
    if (continuation && lastRow) {
      joinContinuation(report, lastRow, continuation[1], line);
      openRow = indexOfRow(lastRow);
      continue;
    }
    if (RANGE_DASH.test(raw) && lastRow) {
      i = joinRange(lines, i, lastRow, report);
      openRow = indexOfRow(lastRow);
      continue;
    }
    if (isSeparatorLine(raw)) {
      report.repair(IMPORT_RULES.straySeparator, `Dropped the stray separator line ${quote(raw.trim())} at line ${line}.`, { line });
      continue;
    }
    const item = lineItem(raw, line, !!continuation);
    items.push(item);
    if (item.kind === 'row') openRow = items.length - 1;
  }

  for (const item of items) if (item.kind === 'row') item.row.text = item.row.text.trim();
  return items;
}

/** A line that is no continuation, range dash or separator: a row, a part heading, a note label, a table header or text. */
function lineItem(raw: string, line: number, continuation: boolean): VendorItem {
  const row = ROW.exec(raw);
  if (row) {
    const key = row[2] === undefined ? keyOfCode(Number(row[1])) : keyOfRange([Number(row[1]), Number(row[2])]);
    return { kind: 'row', line, row: { key, text: row[3], line, endLine: line } };
  }
  const part = readPartHeading(raw);
  if (part) return { kind: 'part', line, ...part };
  const note = readNoteLabel(raw);
  if (note) return { kind: 'note', line, note, text: raw.trim() };
  if (raw.includes('\t') && !BARE_CODE.test(raw) && !continuation) return { kind: 'table-header', line, text: raw.trim() };
  return { kind: 'text', line, text: raw.trim() };
}

/** A lone "-" (lines[i]) after a row: with a bare code on the next non-blank line, the row becomes that range. The index of the last line read. */
function joinRange(lines: string[], i: number, lastRow: VendorRow, report: ImportReport): number {
  const line = i + 1;
  const end = nextNonBlank(lines, i + 1);
  const to = end === undefined ? undefined : BARE_CODE.exec(lines[end]);
  const from = parseKey(lastRow.key);
  if (to && from && 'code' in from) {
    lastRow.key = keyOfRange([from.code, Number(to[1])]);
    lastRow.endLine = end! + 1;
    report.repair(
      IMPORT_RULES.rangeJoined,
      `Joined the code range ${lastRow.key}, which the document splits over lines ${lastRow.line}–${end! + 1}.`,
      { line: lastRow.line, endLine: end! + 1, key: lastRow.key },
    );
    return end!;
  }
  report.doubt(
    IMPORT_RULES.rangeIncomplete,
    `Line ${line} holds only “-” after the row for ${lastRow.key}, like the start of a range whose end is missing; kept ${lastRow.key} as a single code.`,
    { line, key: lastRow.key },
  );
  return i;
}

function nextNonBlank(lines: string[], from: number): number | undefined {
  for (let j = from; j < lines.length; j++) if (lines[j].trim() !== '') return j;
  return undefined;
}

function joinContinuation(report: ImportReport, row: VendorRow, after: string, line: number): void {
  const joined = joinPageBreak(row.text, after);
  const from = row.endLine;
  row.text = joined.text;
  row.endLine = line;
  const how = joined.separator === '' ? 'no space' : 'a space';
  if (joined.ambiguous) {
    report.doubt(
      IMPORT_RULES.pageBreakAmbiguous,
      `Joined a message split by a page break at line ${line} (continuing line ${from}) with a space, but ${joined.reason}.`,
      { line, key: row.key },
    );
  } else {
    report.repair(
      IMPORT_RULES.pageBreakJoined,
      `Joined a message split by a page break at line ${line} (continuing line ${from}) with ${how}, because ${joined.reason}.`,
      { line, key: row.key },
    );
  }
}
