/**
 * Writes a file as the old one with some byte ranges replaced: what a warm
 * run does when only a few keys' entries changed (cache/warm-edit.ts). The
 * old bytes around the replacements are copied, so the cost is one copy of
 * the file and no rendering; replacements whose bytes are already there
 * are dropped, and a file with none left is not rewritten (its mtime stays).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { copyRange, readFully, writeFully } from './streamed-file.js';

/** The old file's bytes [start, end) become `bytes`. */
export interface Splice {
  start: number;
  end: number;
  bytes: Buffer;
}

/** `splices` sorted by `start`, not overlapping. Returns whether the file changed and its new size. */
export function spliceFile(
  existing: string,
  splices: readonly Splice[],
  openStaged: () => number | undefined,
): { changed: boolean; size: number } {
  const old = openSync(existing, 'r');
  let staged: number | undefined;
  try {
    const size = fstatSync(old).size;
    const needed = splices.filter((s) => !sameBytes(old, s));
    const newSize = size + needed.reduce((sum, s) => sum + s.bytes.length - (s.end - s.start), 0);
    if (needed.length === 0) return { changed: false, size };
    staged = openStaged();
    if (staged === undefined) return { changed: true, size: newSize };
    let at = 0;
    for (const s of needed) {
      if (s.start < at || s.end > size) throw new Error(`codebook: a splice of ${existing} is out of order or past its end`);
      copyRange(old, staged, at, s.start - at);
      writeFully(staged, s.bytes);
      at = s.end;
    }
    copyRange(old, staged, at, size - at);
    return { changed: true, size: newSize };
  } finally {
    closeSync(old);
    if (staged !== undefined) closeSync(staged);
  }
}

function sameBytes(fd: number, splice: Splice): boolean {
  if (splice.end - splice.start !== splice.bytes.length) return false;
  const current = Buffer.allocUnsafe(splice.bytes.length);
  return readFully(fd, current, current.length, splice.start) === current.length && current.equals(splice.bytes);
}
