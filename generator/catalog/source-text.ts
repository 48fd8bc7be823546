/**
 * Source bytes to text. Every source file must be UTF-8: a byte sequence
 * that is not is an error at its line and column, never a silent U+FFFD in
 * the output.
 */
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { positionAt } from '../json/json-file.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(file: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  const valid = decodeValid(bytes);
  if (valid !== undefined) return { text: valid };
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = strict.decode(bytes.subarray(0, offset)); // valid up to the offset, by its definition
    return {
      diagnostic: {
        ruleId: 'source/encoding',
        severity: 'error',
        message: `Not valid UTF-8: byte 0x${bytes[offset]!.toString(16).padStart(2, '0').toUpperCase()} at offset ${offset}. Save the file as UTF-8.`,
        place: { file, ...positionAt(before, before.length) },
      },
    };
  }
}

/**
 * Text that is valid UTF-8 and not all ASCII, by ICU's UTF-8 to UTF-16 (~3× TextDecoder's speed on
 * CJK text: 17 MB in ~30 ms); undefined for anything else, which the strict decoder takes (ASCII
 * by its own fast path, into V8's heap: Node would make a 20 MB latin1 string external, and the
 * 100k catalog's peak RSS grew by 70 MB). Same text as the strict decoder, a byte order mark included.
 */
function decodeValid(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer) || !isUtf8(buffer)) return undefined;
  return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (Unicode table 3-7). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length, and the allowed range of the second byte (it rules out overlongs, surrogates and code points past U+10FFFF).
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
