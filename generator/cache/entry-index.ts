/**
 * Where each key's entries are in the output files: recorded as a run
 * renders the files of the targets that declare `entriesByKey`, read back
 * by the next run so that an edit of a few keys' texts rewrites those
 * entries alone (warm-edit.ts). Kept beside the incremental record, as one
 * binary file: a JSON header (the key table, the key fingerprints, each
 * file's text outside its entry lists) followed by the per-entry numbers as
 * 32-bit words, which at 100k keys would be tens of MB as JSON.
 */
import { readBinaryFile, writeBinaryFile, WordWriter } from './binary-file.js';
import type { KeyFingerprints } from './key-fingerprints.js';
import type { EntryList, SourceLayout } from './source-layout.js';

const FORMAT = 6;

/** One entry list of a file: the key (an index into the key table) and UTF-8 length of each entry, in order. */
export interface ListIndex {
  /** Bytes of the separator written before every entry but the first. */
  separatorBytes: number;
  keys: Uint32Array;
  lengths: Uint32Array;
}

/** A file as its template printed it: text pieces and, between them, entry lists by their index in the file's lists. */
export interface FileIndex {
  pieces: (string | number)[];
  lists: ListIndex[];
  /** The file's size in bytes, as a check that the index describes the file on disk. */
  size: number;
}

export interface EntryIndex {
  fingerprints: KeyFingerprints;
  /** By target id: the record key the files were rendered under, each file's index by path, and per key (in key-table order) the hash of its translation digest when the target declares one. */
  targets: Record<string, TargetIndex>;
  /** By layer file (display path): where each key's entry is in it (source-layout.ts), for the messages files that have one. */
  sources: Record<string, SourceLayout>;
}

export interface TargetIndex {
  key: string;
  files: Map<string, FileIndex>;
  digests?: Float64Array;
}

interface Header {
  format: number;
  frame: string;
  frameShape?: number;
  twoAudiences?: boolean;
  keys: string[];
  files: KeyFingerprints['files'];
  targets: Record<
    string,
    { key: string; files: Record<string, { pieces: (string | number)[]; size: number; lists: ListHeader[] }>; digestsAt?: number }
  >;
  sources: Record<string, Omit<SourceLayout, 'lists'> & { lists?: Record<string, EntryListHeader> }>;
}

/** Word offsets of an entry list's arrays (the hashes are Float64, two words each). */
interface EntryListHeader {
  count: number;
  keysAt: number;
  linesAt: number;
  columnsAt: number;
  hashesAt: number;
  bytesAt: number;
  charsAt: number;
}

interface ListHeader {
  separatorBytes: number;
  count: number;
  /** Word offset of the key indices, or -1 when they are 0…count-1 (every key once, in catalog order). */
  keysAt: number;
  lengthsAt: number;
}

export function indexFileFor(cacheFile: string): string {
  return cacheFile.replace(/\.json$/, '.entries.bin');
}

export async function writeEntryIndex(file: string, index: EntryIndex): Promise<boolean> {
  const words = new WordWriter();
  const place = (array: Uint32Array) => words.place(array);
  const placeFloats = (array: Float64Array) => words.placeFloats(array);
  const { keys, registry, texts, frame, frameShape, twoAudiences, files: sourceFiles } = index.fingerprints;
  placeFloats(registry);
  placeFloats(texts);
  const targets: Header['targets'] = {};
  for (const [id, { key, files, digests }] of Object.entries(index.targets)) {
    const recorded: Header['targets'][string]['files'] = {};
    for (const [path, f] of files) {
      const lists = f.lists.map((l) => ({
        separatorBytes: l.separatorBytes,
        count: l.lengths.length,
        keysAt: isIdentity(l.keys, keys.length) ? -1 : place(l.keys),
        lengthsAt: place(l.lengths),
      }));
      recorded[path] = { pieces: f.pieces, size: f.size, lists };
    }
    const digestsAt = digests?.length === keys.length ? placeFloats(digests) : undefined;
    targets[id] = { key, files: recorded, ...(digestsAt !== undefined ? { digestsAt } : {}) };
  }
  const sources: Header['sources'] = {};
  for (const [path, { lists, ...layout }] of Object.entries(index.sources)) {
    const placed: Record<string, EntryListHeader> = {};
    for (const [pointer, list] of Object.entries(lists ?? {}))
      placed[pointer] = {
        count: list.keys.length,
        keysAt: place(list.keys),
        linesAt: place(list.lines),
        columnsAt: place(list.columns),
        hashesAt: placeFloats(list.hashes),
        bytesAt: place(list.bytes),
        charsAt: place(list.chars),
      };
    sources[path] = { ...layout, ...(lists ? { lists: placed } : {}) };
  }
  const header: Header = { format: FORMAT, frame, frameShape, twoAudiences, keys, files: sourceFiles, targets, sources };
  return writeBinaryFile(file, header, words);
}

/** The index, or undefined when there is none or it cannot be read. */
export async function readEntryIndex(file: string): Promise<EntryIndex | undefined> {
  try {
    const { header, words, floats: floatsAt } = await readBinaryFile<Header>(file);
    if (header.format !== FORMAT) return undefined;
    const count = header.keys.length;
    const floats = (at: number) => floatsAt(at, count);
    const fingerprints: KeyFingerprints = {
      frame: header.frame,
      ...(header.frameShape !== undefined ? { frameShape: header.frameShape } : {}),
      ...(header.twoAudiences !== undefined ? { twoAudiences: header.twoAudiences } : {}),
      keys: header.keys,
      registry: floats(0),
      texts: floats(count * 2),
      files: header.files,
    };
    const identity = Uint32Array.from({ length: count }, (_, i) => i);
    const targets: EntryIndex['targets'] = {};
    for (const [id, { key, files, digestsAt }] of Object.entries(header.targets)) {
      const indexed = new Map<string, FileIndex>();
      for (const [path, f] of Object.entries(files)) {
        const lists = f.lists.map((l) => ({
          separatorBytes: l.separatorBytes,
          keys: l.keysAt < 0 ? identity.subarray(0, l.count) : words.subarray(l.keysAt, l.keysAt + l.count),
          lengths: words.subarray(l.lengthsAt, l.lengthsAt + l.count),
        }));
        indexed.set(path, { pieces: f.pieces, size: f.size, lists });
      }
      targets[id] = { key, files: indexed, ...(digestsAt !== undefined ? { digests: floats(digestsAt) } : {}) };
    }
    const sources: EntryIndex['sources'] = {};
    for (const [path, { lists, ...layout }] of Object.entries(header.sources)) {
      const read: Record<string, EntryList> = {};
      for (const [pointer, l] of Object.entries(lists ?? {}))
        read[pointer] = {
          keys: words.subarray(l.keysAt, l.keysAt + l.count),
          lines: words.subarray(l.linesAt, l.linesAt + l.count),
          columns: words.subarray(l.columnsAt, l.columnsAt + l.count),
          hashes: floatsAt(l.hashesAt, l.count),
          bytes: words.subarray(l.bytesAt, l.bytesAt + l.count + 1),
          chars: words.subarray(l.charsAt, l.charsAt + l.count + 1),
        };
      sources[path] = { ...layout, ...(lists ? { lists: read } : {}) };
    }
    return { fingerprints, targets, sources };
  } catch {
    return undefined;
  }
}

function isIdentity(keys: Uint32Array, tableSize: number): boolean {
  if (keys.length > tableSize) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== i) return false;
  return true;
}
