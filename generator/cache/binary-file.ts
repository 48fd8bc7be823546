/**
 * The container of the cache's binary files (entry-index.ts,
 * review-state.ts): a JSON header, then 32-bit words, which at 100k keys
 * would be tens of MB as JSON. The words start on an 8-byte boundary and
 * Float64 arrays on an even word, so both kinds are viewed in place when
 * read. Written through a temporary file and a rename.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** Collects the words of a file; each `place` gives the word offset the array will be read back from. */
export class WordWriter {
  readonly arrays: Uint32Array[] = [];
  private at = 0;

  place(array: Uint32Array): number {
    this.arrays.push(array);
    this.at += array.length;
    return this.at - array.length;
  }

  placeFloats(array: Float64Array): number {
    if (this.at % 2 === 1) this.place(new Uint32Array(1));
    return this.place(new Uint32Array(array.buffer, array.byteOffset, array.length * 2));
  }

  get length(): number {
    return this.at;
  }
}

/** Writes a header and the words; false when the file could not be written (a cache that cannot be kept is not an error). */
export async function writeBinaryFile(file: string, header: unknown, words: WordWriter): Promise<boolean> {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerWords = Math.ceil((json.length + 4) / 8) * 2;
  const body = new Uint32Array(headerWords + words.length);
  new DataView(body.buffer).setUint32(0, json.length, true);
  new Uint8Array(body.buffer).set(json, 4);
  let offset = headerWords;
  for (const w of words.arrays) {
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

export interface BinaryFile<H> {
  header: H;
  words: Uint32Array;
  /** `count` Float64 values at a word offset. */
  floats(at: number, count: number): Float64Array;
}

/** A file's header and words; throws when it cannot be read (callers treat that as no cache). */
export async function readBinaryFile<H>(file: string): Promise<BinaryFile<H>> {
  const bytes = await readFile(file);
  const aligned = new Uint8Array(new ArrayBuffer(bytes.length));
  aligned.set(bytes);
  const length = new DataView(aligned.buffer).getUint32(0, true);
  const header = JSON.parse(Buffer.from(aligned.buffer, 4, length).toString('utf8')) as H;
  const base = Math.ceil((length + 4) / 8) * 2;
  return {
    header,
    words: new Uint32Array(aligned.buffer, base * 4),
    floats: (at, count) => new Float64Array(aligned.buffer, (base + at) * 4, count),
  };
}
