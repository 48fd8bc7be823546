/**
 * Writes one output file from a stream of text chunks, so that no run holds
 * a whole output file as one string or one buffer: chunks are encoded in
 * batches, hashed as they pass and compared with the file already on disk
 * at the same offset. Nothing is written while the bytes match; at the
 * first difference the matching prefix is copied from the old file into the
 * staged one and the rest follows. A file whose every byte matches is left
 * alone (its mtime stays).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';

/** The bytes of one batch: large enough that per-call costs vanish. */
const BATCH_BYTES = 1 << 20;
const COPY_BYTES = 1 << 20;

/**
 * A piece of a file: text, or bytes already encoded as UTF-8 (a renderer's
 * entries, emit/render.ts). Bytes may be a view of a buffer that the
 * producer reuses for the next chunk: read a chunk before asking for the
 * next, never keep it.
 */
export type Chunk = string | Buffer;

/** The text of `chunks`, each decoded as it passes (so reused buffers are safe). */
export function textOfChunks(chunks: Iterable<Chunk>): string {
  let text = '';
  for (const chunk of chunks) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text;
}

/** The SHA-256 of a file's bytes, as the incremental cache records and checks it. */
export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The chunks as UTF-8 batches of up to BATCH_BYTES, each text chunk encoded
 * straight into one reused buffer (no joined string, no buffer per batch; a
 * chunk is never split, so no surrogate pair is). A batch is a view that the
 * next one overwrites: use it before asking for the next. A chunk too large
 * for the buffer is a batch of its own, and so is a chunk of bytes.
 */
export function* encodedBatches(chunks: Iterable<Chunk>): Generator<Buffer> {
  const batch = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (used > 0) yield batch.subarray(0, used);
      used = 0;
      yield chunk;
      continue;
    }
    const most = chunk.length * 3; // a UTF-16 unit is at most 3 UTF-8 bytes (a pair: 2 units, 4 bytes)
    if (used + most > BATCH_BYTES) {
      if (used > 0) yield batch.subarray(0, used);
      used = 0;
      if (most > BATCH_BYTES) {
        yield Buffer.from(chunk, 'utf8');
        continue;
      }
    }
    used += batch.write(chunk, used, 'utf8');
  }
  if (used > 0) yield batch.subarray(0, used);
}

export interface StreamedFileResult {
  /** False when the bytes are those of the existing file (nothing was staged). */
  changed: boolean;
  /** With `hash`: SHA-256 of the bytes (fileSha256). */
  sha256?: string;
  /** The file's size in bytes, when every chunk was consumed. */
  size?: number;
}

/**
 * Streams `chunks` against `existing` (a file path, or undefined when there
 * is none): `openStaged` is called once, at the first difference, and
 * returns the descriptor the new bytes go to, or undefined to stop there
 * (a comparison, or a file that may not be written: the rest is not
 * rendered and no hash is given).
 */
export function streamFile(
  chunks: Iterable<Chunk>,
  existing: string | undefined,
  openStaged: () => number | undefined,
  options: { hash?: boolean } = {},
): StreamedFileResult {
  const hash: Hash | undefined = options.hash ? createHash('sha256') : undefined;
  const old = existing === undefined ? undefined : openSync(existing, 'r');
  let staged: number | undefined;
  let offset = 0;
  /** At the first difference: false when the caller stops there. */
  const diverge = (): boolean => {
    staged = openStaged();
    if (staged === undefined) return false;
    if (old !== undefined) copyPrefix(old, staged, offset);
    return true;
  };
  try {
    let scratch = Buffer.alloc(0);
    for (const bytes of encodedBatches(chunks)) {
      if (staged === undefined) {
        if (scratch.length < bytes.length) scratch = Buffer.allocUnsafe(bytes.length);
        const same =
          old !== undefined &&
          readFully(old, scratch, bytes.length, offset) === bytes.length &&
          bytes.equals(scratch.subarray(0, bytes.length));
        if (!same && !diverge()) return { changed: true };
      }
      hash?.update(bytes);
      if (staged !== undefined) writeFully(staged, bytes);
      offset += bytes.length;
    }
    // Every byte matched so far: the same file only if the old one ends here too.
    if (staged === undefined && (old === undefined || readFully(old, Buffer.allocUnsafe(1), 1, offset) > 0) && !diverge())
      return { changed: true };
    return { changed: staged !== undefined, size: offset, ...(hash ? { sha256: hash.digest('hex') } : {}) };
  } finally {
    if (old !== undefined) closeSync(old);
    if (staged !== undefined) closeSync(staged);
  }
}

export function readFully(fd: number, into: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

export function writeFully(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Copies the first `length` bytes of `from` (known to equal the new file's) into `to`. */
function copyPrefix(from: number, to: number, length: number): void {
  copyRange(from, to, 0, length);
}

/** Copies `length` bytes of `from`, starting at `start`, to where `to` stands. */
export function copyRange(from: number, to: number, start: number, length: number): void {
  const buffer = Buffer.allocUnsafe(Math.min(COPY_BYTES, Math.max(length, 1)));
  for (let at = 0; at < length;) {
    const n = readFully(from, buffer, Math.min(buffer.length, length - at), start + at);
    if (n === 0) throw new Error(`codebook: the output file shrank while it was read`);
    writeFully(to, buffer.subarray(0, n));
    at += n;
  }
}
