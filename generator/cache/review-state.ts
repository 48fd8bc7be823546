/**
 * The last review's findings, kept beside the incremental record as
 * `<record>.review.bin` (warm-review.ts reads it): a JSON header (format, the
 * review's base and record keys, the key table's hash, the findings)
 * followed by 32-bit words: per layer stack each key's group hashes
 * (review/warm-qa.ts). Which keys an edit touched is the entry index's
 * business (its layouts of the layer files, cache/source-layout.ts).
 */
import { readBinaryFile, writeBinaryFile, WordWriter } from './binary-file.js';
import type { Finding } from '../review/finding.js';
import type { QaState, StackGroups } from '../review/warm-qa.js';

const FORMAT = 3;

export interface ReviewState extends QaState {
  /** The review's base key (code, config, templates) and record key in the run that wrote this. */
  base: string;
  recordKey: string;
  keysHash: number;
}

interface Header {
  format: number;
  base: string;
  recordKey: string;
  keysHash: number;
  keyCount: number;
  groups: { offsetsAt: number; tokensAt: number; tokenCount: number }[];
  findings: Finding[];
}

export function reviewStateFileFor(cacheFile: string): string {
  return cacheFile.replace(/\.json$/, '.review.bin');
}

export async function writeReviewState(file: string, state: ReviewState, keyCount: number): Promise<boolean> {
  const words = new WordWriter();
  const place = (array: Uint32Array) => words.place(array);
  const groups = state.groups.map((g) => ({ offsetsAt: place(g.offsets), tokensAt: place(g.tokens), tokenCount: g.tokens.length }));
  const header: Header = {
    format: FORMAT,
    base: state.base,
    recordKey: state.recordKey,
    keysHash: state.keysHash,
    keyCount,
    groups,
    findings: state.findings,
  };
  return writeBinaryFile(file, header, words);
}

/** The state, or undefined when there is none, it cannot be read or it is of another format. */
export async function readReviewState(file: string): Promise<ReviewState | undefined> {
  try {
    const { header, words } = await readBinaryFile<Header>(file);
    if (header.format !== FORMAT) return undefined;
    const groups: StackGroups[] = header.groups.map((g) => ({
      offsets: words.subarray(g.offsetsAt, g.offsetsAt + header.keyCount + 1),
      tokens: words.subarray(g.tokensAt, g.tokensAt + g.tokenCount),
    }));
    const { base, recordKey, keysHash, findings } = header;
    return { base, recordKey, keysHash, groups, findings };
  } catch {
    return undefined;
  }
}
