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

/** Characters gathered before one encode: large enough that per-call costs vanish, small enough to stay out of the old generation. */
const BATCH_CHARS = 1 << 18;
const COPY_BYTES = 1 << 20;

/** The SHA-256 of a file's bytes, as the incremental cache records and checks it. */
export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The chunks as UTF-8 buffers of about BATCH_CHARS characters each (a chunk is never split, so no surrogate pair is). */
export function* encodedBatches(chunks: Iterable<string>): Generator<Buffer> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= BATCH_CHARS) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
    }
  }
  if (size > 0 || pending.length > 0) yield Buffer.from(pending.join(''), 'utf8');
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
  chunks: Iterable<string>,
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
