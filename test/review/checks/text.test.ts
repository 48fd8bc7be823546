import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  isBlank,
  isSpaceCode,
  lastCodePoint,
  literalText,
  normalizeSpace,
} from '../../../generator/review/checks/text.js';
import { buildCatalog } from '../build-catalog.js';

// Whitespace of every kind, surrogates (paired and lone) and plain letters, so that random texts hit every branch.
const pieces = [' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u0085', 'a', 'エ', '😀', '\ud83d', '\ude00', '.', '。'];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

describe('text helpers', () => {
  it('isSpaceCode is \\s on every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('isBlank is trim() === ""', () => {
    fc.assert(fc.property(texts, (text) => isBlank(text) === (text.trim() === '')));
  });

  it('normalizeSpace collapses and trims whitespace as the regular expression does, and keeps a normal text as it is', () => {
    fc.assert(fc.property(texts, (text) => normalizeSpace(text) === text.replace(/\s+/gu, ' ').trim()));
    const normal = 'One space. Then more.';
    expect(normalizeSpace(normal)).toBe(normal);
    expect(normalizeSpace(' a \u3000 b\n')).toBe('a b');
  });

  it('codePointLength and lastCodePoint count as the string iterator does (a lone surrogate is one code point)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const chars = [...text];
        return codePointLength(text) === chars.length && lastCodePoint(text) === (chars[chars.length - 1] ?? '');
      }),
    );
  });

  it('literalText of a text of one literal is the text', () => {
    const { catalog } = buildCatalog({ messages: { '1': { en: 'Plain text.', ja: '{count} 件' } } });
    const [message] = catalog.messages;
    expect(literalText(message.translations.en)).toBe('Plain text.');
    expect(literalText(message.translations.en, '#')).toBe('Plain text.');
    expect(literalText(message.translations.ja, '#')).toBe('# 件');
  });
});
