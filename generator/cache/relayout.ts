/**
 * A changed messages file laid out again from its last layout, without
 * parsing or tokenizing it: the usual save changes one entry's text. Every
 * piece of the last layout (the entries and the text between them) is
 * checked by its hash, from the start at its old place and from the end at
 * its place moved by the change in length; when all but one entry match,
 * that entry is the edit, and it must still be one member of the same name,
 * followed by a comma, ending where the next entry starts (same line and
 * column). Then every other piece is byte for byte what it was, at the same
 * line and column, and the new layout is the old one with the later offsets
 * moved. At 100k keys this replaces the parse, the tokenizing and the hashing
 * of a whole 17 MB file (about 0.3 s) with one pass of hashing.
 *
 * Anything else gives undefined, and the file is read and laid out whole:
 * an edit of two entries, of the text between them, of a container's last
 * entry (its slice holds the container's end), or one that moves a line.
 */
import { hashText } from '../json/text-hash.js';
import { withoutBom, type EntryList, type SourceLayout } from './source-layout.js';

export interface Relaid {
  /** The layout of the new text (content and stat for the caller to set). */
  layout: SourceLayout;
  /** The edited entry's key (its place in the key table). */
  edited: number;
}

interface Piece {
  from: number;
  to: number;
  hash: number;
  /** An entry's list and place in it; none for text between entries. */
  list?: EntryList;
  i?: number;
}

const JSON_BLANK = /^[ \t\n\r]*$/;
const MEMBER_NAME = /^"(?:[^"\\\u0000-\u001f]|\\.)*"[ \t\n\r]*:/;
const COMMA_TAIL = /[ \t\n\r]*,[ \t\n\r]*$/;

/** `file`: the file's new text, as sourceLayout takes it; `names`: the key table. */
export function relaidOut(before: SourceLayout, file: string, names: readonly string[]): Relaid | undefined {
  const text = withoutBom(file);
  const pieces = piecesOf(before);
  if (!pieces || before.kind !== 'messages') return undefined;
  const delta = text.length - pieces[pieces.length - 1]!.to;
  const same = (p: Piece, shift: number) => p.to + shift <= text.length && hashText(text.slice(p.from + shift, p.to + shift)) === p.hash;
  let first = 0;
  while (first < pieces.length && same(pieces[first]!, 0)) first++;
  let last = pieces.length - 1;
  while (last > first && pieces[last]!.from + delta >= pieces[first]!.from && same(pieces[last]!, delta)) last--;
  const edited = pieces[first];
  if (last !== first || !edited?.list || edited.i === undefined) return undefined;
  const { list, i } = edited;
  // A container's last entry runs into the text after it: only entries followed by one of their own are taken.
  if (i + 1 >= list.keys.length) return undefined;
  const slice = text.slice(edited.from, edited.to + delta);
  if (!isEntry(slice, names[list.keys[i]!]!)) return undefined;
  const end = advance(list.lines[i]!, list.columns[i]!, slice);
  if (end.line !== list.lines[i + 1] || end.column !== list.columns[i + 1]) return undefined;
  const byteDelta = Buffer.byteLength(slice, 'utf8') - (list.bytes[i + 1]! - list.bytes[i]!);
  const moved = (at: number) => at > edited.from;
  const lists: Record<string, EntryList> = {};
  for (const [pointer, l] of Object.entries(before.lists!)) {
    const chars = Uint32Array.from(l.chars, (c) => (moved(c) ? c + delta : c));
    const bytes = Uint32Array.from(l.bytes, (b, k) => (moved(l.chars[k]!) ? b + byteDelta : b));
    const hashes = l === list ? Float64Array.from(l.hashes) : l.hashes;
    if (l === list) hashes[i] = hashText(slice);
    lists[pointer] = {
      keys: l.keys,
      lines: l.lines,
      columns: l.columns,
      hashes,
      bytes,
      chars,
      slice: (k) => text.slice(chars[k], chars[k + 1]),
    };
  }
  const restPieces = before.restPieces!.map((p) => (moved(p.from) ? { ...p, from: p.from + delta, to: p.to + delta } : p));
  const { stat: _old, ...kept } = before;
  return { layout: { ...kept, lists, restPieces }, edited: list.keys[i]! };
}

/** The layout's entries and the text between them in order, when they cover its text end to end. */
function piecesOf(layout: SourceLayout): Piece[] | undefined {
  if (!layout.lists || !layout.restPieces) return undefined;
  const pieces: Piece[] = [...layout.restPieces];
  for (const list of Object.values(layout.lists)) {
    if (!list.chars) return undefined;
    for (let i = 0; i < list.keys.length; i++)
      pieces.push({ from: list.chars[i]!, to: list.chars[i + 1]!, hash: list.hashes[i]!, list, i });
  }
  pieces.sort((a, b) => a.from - b.from);
  for (let k = 0, at = 0; k < pieces.length; at = pieces[k++]!.to) if (pieces[k]!.from !== at) return undefined;
  return pieces.length > 0 ? pieces : undefined;
}

/** Whether a slice is one member named `name`, its value valid JSON, then a comma between JSON blanks. */
function isEntry(slice: string, name: string): boolean {
  const head = MEMBER_NAME.exec(slice);
  const tail = COMMA_TAIL.exec(slice);
  if (!head || !tail || tail.index < head[0].length) return false;
  try {
    if (JSON.parse(head[0].slice(0, head[0].lastIndexOf(':')).trimEnd()) !== name) return false;
    const value = slice.slice(head[0].length, tail.index);
    JSON.parse(value);
    return !JSON_BLANK.test(value);
  } catch {
    return false;
  }
}

/** Where a text that starts at (line, column) ends; lines end at LF, CR LF or a lone CR, as the JSON reader counts them. */
function advance(line: number, column: number, text: string): { line: number; column: number } {
  let lineStart = -column;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0d && text.charCodeAt(k + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: text.length - lineStart };
}
