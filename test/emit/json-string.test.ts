/**
 * generator/emit/escape.ts jsonString and tsString: JSON.stringify of a
 * string (tsString: with U+2028/2029 escaped) with a quotes-only path for
 * text that needs no escape. Proven equal to
 * JSON.stringify on every UTF-16 code unit alone and inside text, and on
 * pairs that make or break a surrogate pair.
 */
import { describe, expect, it } from 'vitest';
import { jsonString, tsString } from '../../generator/emit/escape.js';

/** tsString before its quotes-only path. */
const tsStringSlow = (value: string) =>
  JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

describe('jsonString and tsString', () => {
  it('equals JSON.stringify for every code unit, alone and inside text', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const ch = String.fromCharCode(unit);
      for (const text of [ch, `a${ch}b`, `${ch}テキスト`]) {
        expect(jsonString(text)).toBe(JSON.stringify(text));
        expect(tsString(text)).toBe(tsStringSlow(text));
      }
    }
  });

  it.each([
    '',
    'plain',
    'quote " inside',
    'back\\slash',
    'tab\tnew\nline',
    '😀 pair',
    '\ud83d alone',
    'alone \ude00',
    '\u2028\u2029',
    'del \u007f',
  ])('equals JSON.stringify for %j', (text) => {
    expect(jsonString(text)).toBe(JSON.stringify(text));
    expect(tsString(text)).toBe(tsStringSlow(text));
  });
});
