/**
 * Reader for the "pipe-table" shape (markdown-ish tables: `code | description |`
 * under headings). Turns every source line into one shape-neutral item; a row
 * keeps the text between its first and last pipe, trimmed and otherwise as
 * written. Rule lines ("---|---") are dropped and reported; a row with no
 * closing pipe is read to the end of its line and reported.
 */
import { keyOfCode, keyOfRange } from '../catalog/keys.js';
import { IMPORT_RULES, type ImportReport, quote } from './report.js';
import { isSeparatorLine, readNoteLabel, readPartHeading, splitLines, type VendorItem } from './vendor-lines.js';

const ROW = /^\s*(-?\d+)(?:\s*[-~–]\s*(-?\d+))?\s*\|(.*)$/;

/** True when the line looks like a pipe-table row. */
export function isPipeRow(line: string): boolean {
  return ROW.test(line);
}

export function readPipeTable(text: string, report: ImportReport): VendorItem[] {
  const items: VendorItem[] = [];
  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return items.push({ kind: 'blank', line });
    const row = ROW.exec(raw);
    if (row) {
      const key = row[2] === undefined ? keyOfCode(Number(row[1])) : keyOfRange([Number(row[1]), Number(row[2])]);
      const rest = row[3].trim();
      if (rest === '') return items.push({ kind: 'row', line, row: { key, text: '', line, endLine: line, cut: true } });
      const closed = rest.endsWith('|');
      if (!closed) {
        report.repair(IMPORT_RULES.rowUnclosed, `The row at line ${line} has no closing “|”; read its text to the end of the line.`, {
          line,
          key,
        });
      }
      const body = closed ? rest.slice(0, -1) : rest;
      return items.push({ kind: 'row', line, row: { key, text: body.trim(), line, endLine: line } });
    }
    if (isSeparatorLine(raw)) {
      report.repair(IMPORT_RULES.straySeparator, `Dropped the table rule line ${quote(raw.trim())} at line ${line}.`, { line });
      return undefined;
    }
    const part = readPartHeading(raw);
    if (part) return items.push({ kind: 'part', line, ...part });
    const note = readNoteLabel(raw);
    if (note) return items.push({ kind: 'note', line, note, text: raw.trim() });
    if (raw.includes('|')) return items.push({ kind: 'table-header', line, text: raw.trim() });
    return items.push({ kind: 'text', line, text: raw.trim() });
  });
  return items;
}
