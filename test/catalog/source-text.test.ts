/**
 * decodeSource's fast ways (ASCII byte for byte, ICU's UTF-8 to UTF-16) give
 * exactly what the strict TextDecoder gives, and leave every byte sequence
 * that is not UTF-8 to it, with its diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../generator/catalog/source-text.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictly(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

const samples: Uint8Array[] = [
  new Uint8Array(0),
  Buffer.from('{ "a": "plain ASCII", "b": "\\u00e9" }\n'),
  Buffer.from('\uFEFF{ "a": "with a byte order mark" }'),
  Buffer.from('\uFEFF'),
  Buffer.from('{ "ja": "接続数が多すぎます。", "emoji": "👍🏽", "ko": "한국어" }'),
  Buffer.from('\u0000\u007f\u0080\u07ff\u0800\uFFFD\uFFFE\uFFFF\u{10000}\u{10FFFF}'),
  Buffer.from([0xff]),
  Buffer.from([0x7b, 0xc0, 0x80, 0x7d]), // overlong NUL
  Buffer.from([0xed, 0xa0, 0x80]), // a surrogate
  Buffer.from([0xe3, 0x81]), // truncated
  Buffer.from([0xf4, 0x90, 0x80, 0x80]), // past U+10FFFF
  Buffer.from([0x22, 0xe3, 0x81, 0x82, 0x80, 0x22]), // a stray continuation byte
];

describe('decodeSource', () => {
  it('decodes as the strict decoder does, or reports', () => {
    for (const bytes of samples) {
      const { text, diagnostic } = decodeSource('f.json', bytes);
      expect(text, Buffer.from(bytes).toString('hex')).toBe(strictly(bytes));
      expect(diagnostic?.ruleId).toBe(text === undefined ? 'source/encoding' : undefined);
    }
  });

  it('agrees with the strict decoder on random bytes, and on bytes in shared memory', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 256;
    for (let n = 0; n < 2000; n++) {
      // Mostly valid text with some random bytes mixed in.
      const text = Buffer.from(`{"k${n}": "é字👍 ${n}"}`);
      const bytes = new Uint8Array(new SharedArrayBuffer(text.length + 2));
      bytes.set(text);
      bytes[text.length] = n % 3 === 0 ? Math.floor(random()) : 0x20;
      bytes[text.length + 1] = n % 5 === 0 ? Math.floor(random()) : 0x0a;
      expect(decodeSource('f.json', bytes).text).toBe(strictly(bytes));
    }
  });
});
