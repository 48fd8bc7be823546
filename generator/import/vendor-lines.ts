/**
 * The shape-neutral view of a vendor document that both readers produce: one
 * item per source line (or per joined group of lines), in document order, each
 * with its 1-based line number. Also the line kinds both shapes share: part
 * headings ("(一)…", "(2)…") and note labels ("説明:", "주의 :").
 */

/** One vendor row: a code or range key and its (trimmed, possibly empty) message text. */
export interface VendorRow {
  key: string;
  text: string;
  /** First source line of the row. */
  line: number;
  /** Last source line the row was read from (a continuation or the end of a range). */
  endLine: number;
  /** The row stops right after the code (no description cell at all). */
  cut?: boolean;
}

export type NoteKind = 'intro' | 'closing';

export type VendorItem =
  | { kind: 'blank'; line: number }
  | { kind: 'part'; line: number; ordinal: number; title: string }
  | { kind: 'note'; line: number; note: NoteKind; text: string }
  | { kind: 'table-header'; line: number; text: string }
  | { kind: 'row'; line: number; row: VendorRow }
  | { kind: 'text'; line: number; text: string };

/** Splits into lines (1-based line n is index n-1); drops a BOM and accepts CRLF. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

const PART_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "(一)IM SDKのエラーコード" or "(2)서버 오류 코드": the part's ordinal and its title without the enumerator. */
export function readPartHeading(line: string): { ordinal: number; title: string } | undefined {
  const m = /^\s*[(（]\s*([一二三四五六七八九]|\d)\s*[)）]\s*(\S.*?)\s*$/.exec(line);
  if (!m) return undefined;
  const ordinal = PART_NUMERALS[m[1]] ?? Number(m[1]);
  return { ordinal, title: m[2] };
}

/** "説明:" / "설명 :" open an intro note; "ご注意:" / "주의 :" open the closing notes. */
export function readNoteLabel(line: string): NoteKind | undefined {
  const m = /^\s*(説明|설명|ご注意|注意|주의)\s*[:：]\s*$/.exec(line);
  if (!m) return undefined;
  return m[1] === '説明' || m[1] === '설명' ? 'intro' : 'closing';
}

/** A decimal code as the vendor writes it: "6014", "-302". */
export const CODE_PATTERN = '-?\\d+';

/** A run of dashes (optionally with tab, pipe or space between runs): a table rule, not content. */
export function isSeparatorLine(line: string): boolean {
  return /^[\s|:]*-{3,}[-\s|:]*$/.test(line) && /-{3,}/.test(line);
}
