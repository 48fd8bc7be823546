/**
 * Where each key's entry is in a messages file, so that a warm run can tell
 * which keys an edit of the file touched without merging the catalog again
 * (edited-catalog.ts). A messages file is cut into entry slices, one per
 * member of `messages` and `userOverrides` (from its name to the next
 * member's name; the last one of a container runs to the next top-level
 * member), and the rest (locale, section titles, shared user texts,
 * punctuation). Per entry: its key, where it starts (line and column) and a
 * hash of its slice. Two texts of a file whose rest is the same at the same
 * places, whose containers list the same keys in the same order, and whose
 * entries all start where they did, differ only inside the entries whose
 * slice hash differs: every origin of every other key is where it was.
 */
import { indexShallowValues, lastAtOrBefore, lineStartsOf, type Offsets, type ShallowIndex } from '../json/json-positions.js';
import type { KnownPositions } from '../json/json-file.js';
import { Hash53, hashText } from '../json/text-hash.js';

/** The containers whose members are one key's entry each: a messages file's, and a registry's array of codes. */
const ENTRY_CONTAINERS = { messages: ['/messages', '/userOverrides'], registry: ['/codes'] } as const;

export interface EntryList {
  /** Each entry's key, as its place in the key table; in a registry, the element's index. */
  keys: Uint32Array;
  /** Each entry's start (a member's name; an element's value): 1-based line and 0-based UTF-16 column. */
  lines: Uint32Array;
  columns: Uint32Array;
  /** hashText of each entry's slice. */
  hashes: Float64Array;
  /** Each entry's slice in the text's UTF-8 bytes (no byte order mark): entry i is [bytes[i], bytes[i + 1]). */
  bytes: Uint32Array;
  /** The same in UTF-16 code units of the text (no byte order mark). */
  chars: Uint32Array;
  /** This run's only (never saved): each entry's slice of the text it was laid out from. */
  slice?: (i: number) => string;
}

export interface SourceLayout {
  /** hashText of the whole text: the layout describes that text. */
  content: number;
  /** What the file is, when it could be laid out. */
  kind?: 'registry' | 'messages';
  /** A hash of the text outside the entry slices and where each piece of it starts. */
  rest: number;
  /** Those pieces of text that are not empty, in order: each one's UTF-16 range and hashText (what relayout.ts checks an edit against). */
  restPieces?: RestPiece[];
  /** By container pointer (ENTRY_CONTAINERS), the containers the file has; none when the file could not be laid out. */
  lists?: Record<string, EntryList>;
  /** What the file holds besides its entries (a messages file's locale, section titles and shared user texts; a registry's sections), as JSON. */
  frame?: string;
  /** The file's size and mtime when it was read, unless it was modified too close to then to be trusted by them (output-cache.ts racyWindow). */
  stat?: FileStat;
}

export interface RestPiece {
  from: number;
  to: number;
  hash: number;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
}

/**
 * The layout of a layer file's text; undefined when an entry's member name is not a key of the
 * table (a file the merge reports, which a warm run never trusts) or the text is no object.
 * A registry's layout serves positions only: a warm run never splits a registry edit by key.
 * `shallow`: the text's shallow index when its JSON file has one (the origins' positions use it too).
 */
export function sourceLayout(
  kind: 'registry' | 'messages',
  file: string,
  content: number,
  keyIndex: ReadonlyMap<string, number>,
  value?: unknown,
  shallow?: () => ShallowIndex,
): SourceLayout | undefined {
  const text = withoutBom(file);
  const index = shallow?.() ?? indexShallowValues(text);
  const top = index.children.get('');
  if (!top || text.charCodeAt(index.at('')?.value ?? -1) !== 0x7b) return undefined;
  const topStarts = [...top.values()].map((o) => o.key).filter((k) => k >= 0);
  const lines = lineCounter(text);
  const slices: [from: number, to: number][] = [];
  const lists: Record<string, EntryList> = {};
  for (const pointer of ENTRY_CONTAINERS[kind]) {
    const members = index.children.get(pointer);
    if (!members || members.size === 0) continue;
    const entries = [...members] as [string, Offsets][];
    const list: EntryList = {
      keys: new Uint32Array(entries.length),
      lines: new Uint32Array(entries.length),
      columns: new Uint32Array(entries.length),
      hashes: new Float64Array(entries.length),
      bytes: new Uint32Array(entries.length + 1),
      chars: new Uint32Array(entries.length + 1),
    };
    const { chars } = list;
    list.slice = (i) => text.slice(chars[i], chars[i + 1]);
    const startOf = ([, o]: [string, Offsets]) => (kind === 'registry' ? o.value : o.key);
    for (let i = 0; i < entries.length; i++) {
      const [name] = entries[i]!;
      const from = startOf(entries[i]!);
      const at = kind === 'registry' ? Number(name) : keyIndex.get(name);
      if (at === undefined) return undefined;
      const to = i + 1 < entries.length ? startOf(entries[i + 1]!) : nextAfter(topStarts, from, text.length);
      const { line, column } = lines.at(from);
      const slice = text.slice(from, to);
      list.keys[i] = at;
      list.lines[i] = line;
      list.columns[i] = column;
      list.hashes[i] = hashText(slice);
      if (i === 0) list.bytes[0] = Buffer.byteLength(text.slice(0, from), 'utf8');
      chars[i] = from;
      chars[i + 1] = to;
      list.bytes[i + 1] = list.bytes[i]! + Buffer.byteLength(slice, 'utf8');
      slices.push([from, to]);
    }
    lists[pointer] = list;
  }
  const { rest, restPieces } = restOf(text, slices);
  return { content, kind, rest, restPieces, lists, ...(value !== undefined ? { frame: frameOf(kind, value) } : {}) };
}

/** Offsets as the JSON reader counts them: after a byte order mark (json/json-file.ts). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The members of a file that are no key's entry, as JSON: what a run reading only some entries of it still needs whole. */
function frameOf(kind: 'registry' | 'messages', value: unknown): string {
  const data = value as Record<string, unknown>;
  const { locale, sections, user } = data;
  return JSON.stringify(kind === 'registry' ? { sections } : { locale, sections, user });
}

/**
 * Positions a layout knows, as the JSON reader gives them (json/json-file.ts `knownPositions`): a
 * messages entry's name, a registry element's value. A first look-up in a list indexes its entries
 * by key place, so placing every origin of a file (a run that records its layout) costs an array
 * read each.
 */
export function knownPositions(layout: SourceLayout, keyIndex: ReadonlyMap<string, number>): KnownPositions {
  const entries = new Map<EntryList, Int32Array>();
  return (parent, name, atKey) => {
    const list = layout.lists?.[parent];
    if (!list || atKey !== (parent !== '/codes')) return undefined;
    const at = parent === '/codes' ? Number(name) : keyIndex.get(name);
    if (at === undefined) return undefined;
    let entryOf = entries.get(list);
    if (!entryOf) entries.set(list, (entryOf = entryOfKey(list.keys)));
    const i = entryOf[at] ?? -1;
    return i < 0 ? undefined : { line: list.lines[i]!, column: list.columns[i]! + 1 };
  };
}

/** Each key place's first entry in a list, -1 for none. */
function entryOfKey(keys: Uint32Array): Int32Array {
  let most = -1;
  for (const key of keys) if (key > most) most = key;
  const entryOf = new Int32Array(most + 1).fill(-1);
  for (let i = 0; i < keys.length; i++) if (entryOf[keys[i]!] === -1) entryOf[keys[i]!] = i;
  return entryOf;
}

/**
 * The keys (table places) whose entries differ between two layouts of one file; undefined when
 * anything else may differ: the rest, the containers, their keys or order, or where any entry starts.
 */
export function editedEntries(before: SourceLayout, after: SourceLayout): number[] | undefined {
  if (!before.lists || !after.lists || before.rest !== after.rest) return undefined;
  const containers = Object.keys(after.lists);
  if (containers.join('\n') !== Object.keys(before.lists).join('\n')) return undefined;
  const edited: number[] = [];
  for (const pointer of containers) {
    const a = before.lists[pointer]!;
    const b = after.lists[pointer]!;
    if (!sameWords(a.keys, b.keys) || !sameWords(a.lines, b.lines) || !sameWords(a.columns, b.columns)) return undefined;
    for (let i = 0; i < b.hashes.length; i++) if (a.hashes[i] !== b.hashes[i]) edited.push(b.keys[i]!);
  }
  return edited;
}

/**
 * The keys (table places) with an entry edited in some messages file between two runs' layouts
 * of the same layer files; undefined when files were added or removed, a registry changed, or a
 * file changed otherwise than inside its entries (editedEntries).
 */
export function editedEntriesOfFiles(
  before: Readonly<Record<string, SourceLayout>>,
  after: Readonly<Record<string, SourceLayout>>,
): Set<number> | undefined {
  const paths = Object.keys(after);
  if (paths.length !== Object.keys(before).length) return undefined;
  const edited = new Set<number>();
  for (const path of paths) {
    const [a, b] = [before[path], after[path]!];
    if (!a) return undefined;
    if (a.content === b.content) continue;
    const entries = a.kind === 'messages' && b.kind === 'messages' ? editedEntries(a, b) : undefined;
    if (!entries) return undefined;
    for (const at of entries) edited.add(at);
  }
  return edited;
}

/** The first top-level member name after `from`, else the end of the text. */
function nextAfter(starts: readonly number[], from: number, end: number): number {
  let next = end;
  for (const s of starts) if (s > from && s < next) next = s;
  return next;
}

/** The pieces of text between the slices (sorted, disjoint): one hash of them all with where each starts, and each one's own. */
function restOf(text: string, slices: [number, number][]): { rest: number; restPieces: RestPiece[] } {
  slices.sort((a, b) => a[0] - b[0]);
  const hash = new Hash53().start();
  const lines = lineCounter(text);
  const restPieces: RestPiece[] = [];
  let at = 0;
  for (const [from, to] of [...slices, [text.length, text.length] as [number, number]]) {
    const { line, column } = lines.at(at);
    const piece = text.slice(at, from);
    hash.number(line).number(column).value(piece);
    if (from > at) restPieces.push({ from: at, to: from, hash: hashText(piece) });
    at = to;
  }
  return { rest: hash.digest(), restPieces };
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Line and column of offsets; lines end at LF, CR LF or a lone CR, as the JSON reader counts them. */
function lineCounter(text: string): { at(offset: number): { line: number; column: number } } {
  if (!text.includes('\r')) return new LineCounter(text);
  const starts = lineStartsOf(text);
  return {
    at(offset) {
      const line = lastAtOrBefore(starts, offset);
      return { line: line + 1, column: offset - starts[line]! };
    },
  };
}

/** Line and column of increasing offsets in a text without CR, counting newlines once. */
class LineCounter {
  private line = 1;
  private lineStart = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    if (offset < this.scanned) {
      this.line = 1;
      this.lineStart = 0;
      this.scanned = 0;
    }
    for (let nl = this.text.indexOf('\n', this.scanned); nl !== -1 && nl < offset; nl = this.text.indexOf('\n', nl + 1)) {
      this.line += 1;
      this.lineStart = nl + 1;
    }
    this.scanned = offset;
    return { line: this.line, column: offset - this.lineStart };
  }
}

/** The layouts of a run's layer files: the last run's for a text it laid out, else laid out now. */
export function layoutsOf(
  files: readonly { kind: 'registry' | 'messages'; json: { file: string; text: string; value: unknown; shallow?: () => ShallowIndex } }[],
  hashes: ReadonlyMap<string, number>,
  keyIndex: ReadonlyMap<string, number>,
  previous: Readonly<Record<string, SourceLayout>> = {},
  stats: ReadonlyMap<string, FileStat> = new Map(),
): Record<string, SourceLayout> {
  const layouts: Record<string, SourceLayout> = {};
  for (const { kind, json } of files) {
    const content = hashes.get(json.file);
    if (content === undefined) continue;
    const before = previous[json.file];
    const { stat: _stale, ...layout } =
      before?.content === content
        ? before
        : (sourceLayout(kind, json.text, content, keyIndex, json.value, json.shallow) ?? { content, rest: 0 });
    const stat = stats.get(json.file);
    layouts[json.file] = stat ? { ...layout, stat } : layout;
  }
  return layouts;
}
