/**
 * The last review's findings and what tells which keys an edit touched,
 * kept beside the incremental record as `<record>.review.bin` (warm-review.ts
 * reads it): a JSON header (format, the review's base and record keys, the
 * key table's hash, per layer file its text hash, line count and the hash of
 * what is no one key's, the findings) followed by 32-bit words: per message
 * file each key's 53-bit entry hash (Float64), per layer stack each key's
 * group hashes (review/warm-qa.ts). At 100k keys × 3 locales, some 5 MB.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Finding } from '../review/finding.js';
import type { QaState, StackGroups } from '../review/warm-qa.js';

const FORMAT = 2;

export interface SourceFileState {
  /** hashText of the file's text. */
  text: number;
  lines: number;
  /** A registry's text hash again; a message file's locale, section titles and shared user texts. */
  frame: number;
  /** A message file's per-key entry hashes, in key-table order. */
  entries?: Float64Array;
}

export interface ReviewState extends QaState {
  /** The review's base key (code, config, templates) and record key in the run that wrote this. */
  base: string;
  recordKey: string;
  keysHash: number;
  files: Record<string, SourceFileState>;
}

interface Header {
  format: number;
  base: string;
  recordKey: string;
  keysHash: number;
  keyCount: number;
  files: Record<string, Omit<SourceFileState, 'entries'> & { entriesAt?: number }>;
  groups: { offsetsAt: number; tokensAt: number; tokenCount: number }[];
  findings: Finding[];
}

export function reviewStateFileFor(cacheFile: string): string {
  return cacheFile.replace(/\.json$/, '.review.bin');
}

export async function writeReviewState(file: string, state: ReviewState, keyCount: number): Promise<boolean> {
  const words: Uint32Array[] = [];
  let at = 0;
  const place = (array: Uint32Array) => {
    words.push(array);
    at += array.length;
    return at - array.length;
  };
  const files: Header['files'] = {};
  for (const [path, { entries, ...rest }] of Object.entries(state.files)) {
    // Float64 arrays start on an even word, so they can be viewed in place when read.
    if (entries && at % 2 === 1) place(new Uint32Array(1));
    const entriesAt = entries ? place(new Uint32Array(entries.buffer, entries.byteOffset, entries.length * 2)) : undefined;
    files[path] = { ...rest, ...(entriesAt !== undefined ? { entriesAt } : {}) };
  }
  const groups = state.groups.map((g) => ({ offsetsAt: place(g.offsets), tokensAt: place(g.tokens), tokenCount: g.tokens.length }));
  const header: Header = {
    format: FORMAT,
    base: state.base,
    recordKey: state.recordKey,
    keysHash: state.keysHash,
    keyCount,
    files,
    groups,
    findings: state.findings,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  // The words start on an 8-byte boundary, so the Float64 entry hashes can be viewed in place.
  const headerWords = Math.ceil((json.length + 4) / 8) * 2;
  const body = new Uint32Array(headerWords + at);
  new DataView(body.buffer).setUint32(0, json.length, true);
  new Uint8Array(body.buffer).set(json, 4);
  let offset = headerWords;
  for (const w of words) {
    body.set(w, offset);
    offset += w.length;
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, new Uint8Array(body.buffer));
    await rename(temp, file);
    return true;
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
    return false;
  }
}

/** The state, or undefined when there is none, it cannot be read or it is of another format. */
export async function readReviewState(file: string): Promise<ReviewState | undefined> {
  try {
    const bytes = await readFile(file);
    const aligned = new Uint8Array(new ArrayBuffer(bytes.length));
    aligned.set(bytes);
    const length = new DataView(aligned.buffer).getUint32(0, true);
    const header = JSON.parse(Buffer.from(aligned.buffer, 4, length).toString('utf8')) as Header;
    if (header.format !== FORMAT) return undefined;
    const base = Math.ceil((length + 4) / 8) * 2;
    const words = new Uint32Array(aligned.buffer, base * 4);
    const files: ReviewState['files'] = {};
    for (const [path, { entriesAt, ...rest }] of Object.entries(header.files))
      files[path] = {
        ...rest,
        ...(entriesAt !== undefined ? { entries: new Float64Array(aligned.buffer, (base + entriesAt) * 4, header.keyCount) } : {}),
      };
    const groups: StackGroups[] = header.groups.map((g) => ({
      offsets: words.subarray(g.offsetsAt, g.offsetsAt + header.keyCount + 1),
      tokens: words.subarray(g.tokensAt, g.tokensAt + g.tokenCount),
    }));
    const { base: baseKey, recordKey, keysHash, findings } = header;
    return { base: baseKey, recordKey, keysHash, files, groups, findings };
  } catch {
    return undefined;
  }
}
