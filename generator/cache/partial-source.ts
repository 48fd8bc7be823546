/**
 * A layer file a warm run does not read whole: its size and mtime are those
 * its layout recorded (source-layout.ts), so its text is the one laid out.
 * Of it, the merge of some edited keys needs only its frame (kept in the
 * layout) and those keys' entries, which are read from their byte ranges and
 * checked against the slice hashes of the layout. Anything else asked of it
 * (a position the layout does not know, its whole text) reads it whole.
 * At 100k keys this is most of a text edit's load: three other files of
 * 12–20 MB are neither decoded nor parsed.
 */
import { closeSync, openSync, readFileSync } from 'node:fs';
import type { SourceFile } from '../catalog/load-layers.js';
import { decodeSource } from '../catalog/source-text.js';
import { parseJsonFile, type JsonFile } from '../json/json-file.js';
import { hashText } from '../json/text-hash.js';
import { readFully } from '../output/streamed-file.js';
import { knownPositions, type EntryList, type SourceLayout } from './source-layout.js';

export interface PartialRead {
  layer: string;
  /** The file on disk, and as origins name it. */
  path: string;
  file: string;
  layout: SourceLayout;
}

/** The file with its frame and the entries of `keys` (table places) alone; undefined when a slice is not what the layout says. */
export function partialSource(
  { layer, path, file, layout }: PartialRead,
  keys: ReadonlySet<number>,
  keyIndex: ReadonlyMap<string, number>,
): SourceFile | undefined {
  const { kind } = layout;
  if (!kind || !layout.lists || layout.frame === undefined) return undefined;
  const frame = JSON.parse(layout.frame) as Record<string, unknown>;
  const fd = openSync(path, 'r');
  try {
    const bom = startsWithBom(fd) ? 3 : 0;
    const read = (list: EntryList, i: number) => readEntry(fd, list, i, bom);
    const json = partialJson(path, file, layout, keyIndex);
    if (kind === 'registry') {
      // A sparse array: the merge skips the holes, and an entry keeps its index (its origin's pointer).
      const codes: unknown[] = [];
      const list = layout.lists['/codes'];
      for (let i = 0; list && i < list.keys.length; i++) {
        if (!keys.has(list.keys[i]!)) continue;
        const entry = read(list, i);
        if (!entry) return undefined;
        codes[i] = entry.value;
      }
      codes.length = list?.keys.length ?? 0;
      json.value = { ...frame, codes };
      return { kind, layer, json, data: json.value as Extract<SourceFile, { kind: 'registry' }>['data'] };
    }
    const data: Record<string, unknown> = { ...frame };
    for (const [pointer, list] of Object.entries(layout.lists)) {
      const members: Record<string, unknown> = {};
      for (let i = 0; i < list.keys.length; i++) {
        if (!keys.has(list.keys[i]!)) continue;
        const entry = read(list, i);
        if (!entry) return undefined;
        members[entry.name] = entry.value;
      }
      data[pointer.slice(1)] = members;
    }
    json.value = data;
    return { kind, layer, json, data: data as unknown as Extract<SourceFile, { kind: 'messages' }>['data'] };
  } finally {
    closeSync(fd);
  }
}

/** Entry i of a list: its member name (none for an array element) and value, when its bytes hash as laid out. */
function readEntry(fd: number, list: EntryList, i: number, bom: number): { name: string; value: unknown } | undefined {
  const start = list.bytes[i]!;
  const length = list.bytes[i + 1]! - start;
  const bytes = Buffer.allocUnsafe(length);
  if (readFully(fd, bytes, length, start + bom) !== length) return undefined;
  const slice = bytes.toString('utf8');
  if (hashText(slice) !== list.hashes[i]) return undefined;
  return parseSlice(slice);
}

/**
 * A slice is `"name": value` (or an element's value) followed by what separates it from the
 * next entry: a comma and blanks, or for a container's last entry its closing bracket and what
 * leads to the next top-level member. The value is what parses once that tail is cut, a token
 * at a time (value and tail never parse together); `text` is that value's text.
 */
export function parseSlice(slice: string): { name: string; text: string; value: unknown } | undefined {
  let name = '';
  let rest = slice;
  if (slice.charCodeAt(0) === 0x22) {
    const key = /^"(?:[^"\\]|\\.)*"\s*:/.exec(slice);
    if (key) {
      name = JSON.parse(key[0].slice(0, key[0].lastIndexOf(':')).trim()) as string;
      rest = slice.slice(key[0].length);
    }
  }
  // At most: `,` blanks `}` or `]` blanks `,` blanks.
  for (let text = rest.trim(), steps = 0; steps < 6 && text.length > 0; steps++) {
    try {
      return { name, text, value: JSON.parse(text) as unknown };
    } catch {
      text = text.replace(/[,}\]]$/, '').trimEnd();
    }
  }
  return undefined;
}

function startsWithBom(fd: number): boolean {
  const head = Buffer.alloc(3);
  return readFully(fd, head, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}

/** A JsonFile that knows the layout's positions and reads the file whole for anything else. */
function partialJson(path: string, file: string, layout: SourceLayout, keyIndex: ReadonlyMap<string, number>): JsonFile {
  let whole: JsonFile | undefined;
  const full = (): JsonFile => {
    if (whole) return whole;
    const { text } = decodeSource(file, readFileSync(path));
    const parsed = text === undefined ? undefined : parseJsonFile(file, text, { trusted: true }).json;
    if (!parsed) throw new Error(`codebook: ${file} changed while it was read`);
    return (whole = parsed);
  };
  const known = knownPositions(layout, keyIndex);
  return {
    file,
    get text() {
      return full().text;
    },
    value: undefined,
    locate: (pointer) => full().locate(pointer),
    locateKey: (pointer) => full().locateKey(pointer),
    locateMember: (parent, name, atKey) => known(parent, name, atKey) ?? full().locateMember(parent, name, atKey),
    knownPositions: known,
  };
}
