/**
 * The last review's findings, kept beside the incremental record as
 * `<record>.review.bin` (warm-review.ts reads it): a JSON header (format, the
 * review's base and record keys, the key table's hash, the findings)
 * followed by 32-bit words: per layer stack each key's group hashes
 * (review/warm-qa.ts), the review's frame of every key (review-frame.ts),
 * and the findings' display order (review/page-context.ts displayOrder), so
 * that a warm review sorts only the findings of the keys it reviewed again.
 * The header also names the keys of the registries' first codes naming a
 * user text (review/stacks-of-keys.ts keeps them in its cut stacks), which a
 * warm edit merges with the keys it reviews again. Which keys an edit
 * touched is the entry index's business (its layouts of the layer files,
 * cache/source-layout.ts).
 */
import { readBinaryFile, writeBinaryFile, WordWriter } from './binary-file.js';
import type { Finding } from '../review/finding.js';
import type { QaState, StackGroups } from '../review/warm-qa.js';
import type { ReviewFrame } from './review-frame.js';

const FORMAT = 5;

export interface ReviewState extends QaState {
  /** The review's base key (code, config, templates) and record key in the run that wrote this. */
  base: string;
  recordKey: string;
  keysHash: number;
  /** Every key's section, range and texts' state, for the review's plan without the whole catalog. */
  frame?: ReviewFrame;
  /** The keys of each registry's first code that names a user text (stacks-of-keys.ts userNamingKeys). */
  userNaming?: string[];
  /** The findings' places in display order (review/page-context.ts displayOrder). */
  order?: Uint32Array;
}

interface Header {
  format: number;
  base: string;
  recordKey: string;
  keysHash: number;
  keyCount: number;
  groups: { offsetsAt: number; tokensAt: number; tokenCount: number }[];
  findings: Finding[];
  frame: (Omit<ReviewFrame, 'sectionOf' | 'texts'> & { sectionOfAt: number; textsAt: number; textsLength: number }) | null;
  userNaming: string[] | null;
  orderAt: number | null;
}

export function reviewStateFileFor(cacheFile: string): string {
  return cacheFile.replace(/\.json$/, '.review.bin');
}

export async function writeReviewState(file: string, state: ReviewState, keyCount: number): Promise<boolean> {
  const words = new WordWriter();
  const place = (array: Uint32Array) => words.place(array);
  const groups = state.groups.map((g) => ({ offsetsAt: place(g.offsets), tokensAt: place(g.tokens), tokenCount: g.tokens.length }));
  const { frame } = state;
  const textWords = frame && new Uint32Array(Math.ceil(frame.texts.length / 4));
  if (frame && textWords) new Uint8Array(textWords.buffer).set(frame.texts);
  const header: Header = {
    format: FORMAT,
    base: state.base,
    recordKey: state.recordKey,
    keysHash: state.keysHash,
    keyCount,
    groups,
    findings: state.findings,
    frame:
      frame && textWords
        ? {
            shape: frame.shape,
            sections: frame.sections,
            ranges: frame.ranges,
            sectionOfAt: place(frame.sectionOf),
            textsAt: place(textWords),
            textsLength: frame.texts.length,
          }
        : null,
    userNaming: state.userNaming ?? null,
    orderAt: state.order && state.order.length === state.findings.length ? place(state.order) : null,
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
    const { base, recordKey, keysHash, findings, userNaming } = header;
    const f = header.frame;
    const frame: ReviewFrame | undefined = f
      ? {
          shape: f.shape,
          sections: f.sections,
          ranges: f.ranges,
          sectionOf: words.subarray(f.sectionOfAt, f.sectionOfAt + header.keyCount),
          texts: new Uint8Array(words.buffer, words.byteOffset + f.textsAt * 4, f.textsLength),
        }
      : undefined;
    const order = header.orderAt === null ? undefined : words.subarray(header.orderAt, header.orderAt + findings.length);
    return {
      base,
      recordKey,
      keysHash,
      groups,
      findings,
      ...(userNaming ? { userNaming } : {}),
      ...(frame ? { frame } : {}),
      ...(order ? { order } : {}),
    };
  } catch {
    return undefined;
  }
}
