/**
 * The last review's findings and what tells which keys an edit touched,
 * kept beside the incremental record as `<record>.review.bin` (warm-review.ts
 * reads it): a JSON header (format, the review's base and record keys, the
 * key table's hash, per layer file its text hash, line count and the hash of
 * what is no one key's, the findings) followed by 32-bit words: per message
 * file each key's 53-bit entry hash (Float64), per layer stack each key's
 * group hashes (review/warm-qa.ts). At 100k keys × 3 locales, some 5 MB.
 */
import { readBinaryFile, writeBinaryFile, WordWriter } from './binary-file.js';
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
  const words = new WordWriter();
  const place = (array: Uint32Array) => words.place(array);
  const files: Header['files'] = {};
  for (const [path, { entries, ...rest }] of Object.entries(state.files)) {
    const entriesAt = entries ? words.placeFloats(entries) : undefined;
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
  return writeBinaryFile(file, header, words);
}

/** The state, or undefined when there is none, it cannot be read or it is of another format. */
export async function readReviewState(file: string): Promise<ReviewState | undefined> {
  try {
    const { header, words, floats } = await readBinaryFile<Header>(file);
    if (header.format !== FORMAT) return undefined;
    const files: ReviewState['files'] = {};
    for (const [path, { entriesAt, ...rest }] of Object.entries(header.files))
      files[path] = {
        ...rest,
        ...(entriesAt !== undefined ? { entries: floats(entriesAt, header.keyCount) } : {}),
      };
    const groups: StackGroups[] = header.groups.map((g) => ({
      offsets: words.subarray(g.offsetsAt, g.offsetsAt + header.keyCount + 1),
      tokens: words.subarray(g.tokensAt, g.tokensAt + g.tokenCount),
    }));
    const { base, recordKey, keysHash, findings } = header;
    return { base, recordKey, keysHash, files, groups, findings };
  } catch {
    return undefined;
  }
}
