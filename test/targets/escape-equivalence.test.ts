/**
 * The fast escapers against their specifications. Each escaper keeps its
 * rule table (or piece-by-piece version) as the documented specification and
 * exports the plain evaluation of it (androidTextByRules, applyRules and the
 * properties*ByRules, poFieldByPieces); the generator calls a fast path
 * derived from it (a precompiled pattern of the characters a rule can touch,
 * memoised outputs, the position-dependent rules checked directly, a linear
 * wrap). Here both must give the same string for every BMP code point, alone
 * and in small contexts, and for seeded random strings over the characters
 * the rules are about.
 */
import { describe, expect, it } from 'vitest';
import { androidText, androidTextByRules, type Piece } from '../../generator/targets/android-escape.js';
import { poComment, poField, poFieldByPieces, poUnrepresentable } from '../../generator/targets/gettext-po.js';
import {
  propertiesComment,
  propertiesCommentByRules,
  propertiesKey,
  propertiesKeyByRules,
  propertiesValue,
  propertiesValueByRules,
} from '../../generator/targets/java-escape.js';
import { pluralCategories, splitPlural } from '../../generator/emit/plural-forms.js';
import { parse } from '@formatjs/icu-messageformat-parser';
import { prng } from '../support/prng.js';

/** Every BMP code unit, lone surrogates included. */
const BMP = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));

/** A character in small contexts: alone, first, last, in the middle, between spaces, after `%`, beside other hazards. */
const contexts = (ch: string): string[] => [
  ch,
  `${ch}a`,
  `a${ch}`,
  `a${ch}b`,
  ` ${ch} `,
  `%${ch}`,
  `${ch} `,
  ` ${ch}`,
  `a ${ch}`,
  `${ch}${ch}`,
  `@${ch}`,
  `\\${ch}`,
];

/** The cases where fast and reference differ (at most `limit` of them), for a readable failure. */
function differences<T>(
  inputs: Iterable<T>,
  fast: (input: T) => unknown,
  reference: (input: T) => unknown,
  limit = 10,
): { input: T; fast: unknown; reference: unknown }[] {
  const found: { input: T; fast: unknown; reference: unknown }[] = [];
  for (const input of inputs) {
    const a = fast(input);
    const b = reference(input);
    if (typeof a === 'string' ? a !== b : JSON.stringify(a) !== JSON.stringify(b)) {
      found.push({ input, fast: a, reference: b });
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** Characters the rules are about, and ordinary ones around them. */
const HAZARDS = [
  ...`'"\\%@?{}<&>=:#!`,
  ' ',
  ' ',
  ' ',
  '\t',
  '\n',
  '\r',
  '\f',
  '\v',
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u00e9',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '🎉',
  '😀',
  '𠮷',
  '日',
  '本',
  '語',
  '한',
  '국',
  'a',
  'b',
  'Z',
  '0',
  '9',
  '.',
  '-',
  'n',
  'u',
];

function randomString(next: () => number, maxLength: number, alphabet: readonly string[] = HAZARDS): string {
  const length = Math.floor(next() * (maxLength + 1));
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

/** Random pieces: text (sometimes empty, sometimes cut inside a surrogate pair) and placeholders. */
function randomPieces(next: () => number): Piece[] {
  const text = randomString(next, 40);
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length || next() < 0.2) {
    if (next() < 0.3) pieces.push({ placeholder: `%${1 + Math.floor(next() * 3)}$s` });
    const cut = Math.min(text.length, at + Math.floor(next() * 8));
    pieces.push({ text: text.slice(at, cut) });
    at = cut;
    if (pieces.length > 20) break;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

const RANDOM_STRINGS = 4000;

describe('android: androidText equals the plain RULES evaluation', () => {
  for (const formatted of [false, true]) {
    it(`every BMP code point, alone and in context (formatted: ${formatted})`, () => {
      const inputs = BMP.flatMap((ch) => contexts(ch).map((text): Piece[] => [{ text }]));
      expect(
        differences(
          inputs,
          (p) => androidText(p, formatted),
          (p) => androidTextByRules(p, formatted),
        ),
      ).toEqual([]);
    });

    it(`every BMP code point beside placeholders and across piece boundaries (formatted: ${formatted})`, () => {
      const p1 = { placeholder: '%1$s' };
      const inputs = BMP.flatMap((ch): Piece[][] => [
        [p1, { text: ch }],
        [{ text: ch }, p1],
        [p1, { text: ` ${ch} ` }, p1],
        [{ text: ' ' }, { text: ch }, { text: ' ' }],
        [{ text: '' }, { text: ch }, { text: '' }],
        [{ text: 'a ' }, { text: `${ch}` }, p1],
      ]);
      expect(
        differences(
          inputs,
          (p) => androidText(p, formatted),
          (p) => androidTextByRules(p, formatted),
        ),
      ).toEqual([]);
    });

    it(`${RANDOM_STRINGS} seeded random resource strings (formatted: ${formatted})`, () => {
      const next = prng(formatted ? 2 : 1);
      const inputs = Array.from({ length: RANDOM_STRINGS }, () => randomPieces(next));
      expect(
        differences(
          inputs,
          (p) => androidText(p, formatted),
          (p) => androidTextByRules(p, formatted),
        ),
      ).toEqual([]);
    });
  }

  it('the hand-made cases still hold', () => {
    const pieces: Piece[] = [{ text: ' ' }, { placeholder: '%1$s' }, { text: ' @ ' }, { placeholder: '%2$s' }, { text: '  ' }];
    expect(androidText(pieces, true)).toEqual({ value: '\\u0020%1$s @ %2$s\\u0020\\u0020' });
    expect(androidText([{ text: 'a ' }, { text: ' b' }], false)).toEqual({ value: 'a\\u0020\\u0020b' });
    expect(androidText([{ text: '\ud83c' }, { text: '\udf89' }], false)).toEqual({ unrepresentable: '\ud83c' });
    expect(androidText([{ text: '🎉' }], false)).toEqual({ value: '🎉' });
  });
});

describe('java: the properties escapers equal the plain table evaluation', () => {
  const escapers = [
    ['value', propertiesValue, propertiesValueByRules],
    ['key', propertiesKey, propertiesKeyByRules],
    ['comment', propertiesComment, propertiesCommentByRules],
  ] as const;
  for (const [what, fast, reference] of escapers) {
    it(`${what}: every BMP code point, alone and in context`, () => {
      expect(differences(BMP.flatMap(contexts), fast, reference)).toEqual([]);
    });

    it(`${what}: ${RANDOM_STRINGS} seeded random strings`, () => {
      const next = prng(what.length);
      const inputs = Array.from({ length: RANDOM_STRINGS }, () => randomString(next, 40));
      expect(differences(inputs, fast, reference)).toEqual([]);
    });
  }

  it('first and last spaces of a value, beside astral characters', () => {
    for (const text of [' ', '  ', '   ', ' 🎉', '🎉 ', ' 🎉 ', ' a ', '\ud800 ', ' \udc00'])
      expect(propertiesValue(text)).toBe(propertiesValueByRules(text));
  });
});

describe('gettext: poField equals the piece-by-piece version', () => {
  const keywords = ['msgctxt', 'msgid', 'msgid_plural', 'msgstr', 'msgstr[0]', 'msgstr[10]'];
  /** The field, or the error both versions throw for a control character PO cannot carry (the target reports those before). */
  const outcome =
    (write: (keyword: string, text: string) => string) =>
    ([keyword, text]: [string, string]) => {
      try {
        return write(keyword, text);
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
  const fast = outcome(poField);
  const reference = outcome(poFieldByPieces);
  /** The hazards PO can carry: random texts of the others would almost all be refused. */
  const PO_HAZARDS = HAZARDS.filter((ch) => poUnrepresentable(ch) === undefined);

  it('PO_HAZARDS still holds the escaped characters and the C1 controls', () => {
    expect(PO_HAZARDS).toEqual(expect.arrayContaining(['\\', '"', '\n', '\t', '\u0080', '\u0085', '\u009f']));
    expect(PO_HAZARDS).not.toContain('\r');
  });

  it('every BMP code point, alone, in context, and where a line breaks', () => {
    const filler = 'word '.repeat(15); // 75 characters: the code point lands at the limit of the first continuation line
    // Without spaces, the break falls before or after the code point's piece (1 to 4 characters) by its width.
    const unbroken = [73, 74, 75, 76].map((n) => 'x'.repeat(n));
    const inputs = BMP.flatMap((ch) => [
      ...contexts(ch),
      `${filler}${ch}`,
      `${filler}xy${ch} z`,
      ...unbroken.map((x) => `${x}${ch}yz`),
      `${ch}\n${ch}`,
    ]).map((t): [string, string] => ['msgid', t]);
    expect(differences(inputs, fast, reference)).toEqual([]);
    // Both refuse exactly the control characters the gettext target reports.
    expect(BMP.filter((ch) => fast(['msgid', ch]).startsWith('throws '))).toEqual(BMP.filter((ch) => poUnrepresentable(ch) !== undefined));
  });

  it('every keyword and every text width from 0 to 240, over the hazard alphabet and over words', () => {
    const next = prng(7);
    const words = [
      'a',
      'to',
      'the',
      'error',
      'message',
      'invalid',
      ' ',
      ' ',
      '  ',
      '\\',
      '"',
      '\n',
      '\t',
      '\u0085',
      '🎉',
      '日本語',
      '\ud800',
      '\udc00',
      'x'.repeat(30),
    ];
    const inputs: [string, string][] = [];
    for (const keyword of keywords) {
      for (let width = 0; width <= 240; width++) {
        for (let i = 0; i < 3; i++) {
          inputs.push([keyword, randomString(next, width, PO_HAZARDS).padEnd(width, 'a').slice(0, Math.max(width, 0))]);
          let worded = '';
          while (worded.length < width) worded += words[Math.floor(next() * words.length)];
          inputs.push([keyword, worded]);
        }
      }
    }
    expect(differences(inputs, fast, reference)).toEqual([]);
  });

  it(`${RANDOM_STRINGS} seeded random fields up to 400 characters`, () => {
    const next = prng(11);
    const inputs = Array.from({ length: RANDOM_STRINGS }, (): [string, string] => [
      keywords[Math.floor(next() * keywords.length)],
      randomString(next, 400, PO_HAZARDS),
    ]);
    expect(differences(inputs, fast, reference)).toEqual([]);
  });

  it('poComment: one line without a split, the same lines as the split', () => {
    const next = prng(13);
    const inputs = ['', 'a', ' ', ...Array.from({ length: RANDOM_STRINGS }, () => randomString(next, 30, [...HAZARDS, '\r\n']))];
    const bySplit = (text: string) => text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => (line ? `#. ${line}` : '#.'));
    expect(differences(inputs, (t) => poComment('#.', t), bySplit)).toEqual([]);
  });

  it('a keyword too long for even an empty string', () => {
    const keyword = 'k'.repeat(80);
    for (const text of ['', 'a', '\n', 'a\n', 'a\nb']) expect(poField(keyword, text)).toBe(poFieldByPieces(keyword, text));
  });
});

describe('plural-forms: the cached and short-cut results', () => {
  it('pluralCategories gives the same list on every call, and a list the caller may change', () => {
    for (const locale of ['en', 'ja', 'ar', 'ru', 'pl', 'cy', 'lv']) {
      const expected = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      const first = pluralCategories(locale);
      expect(new Set(first)).toEqual(expected);
      first.push('changed');
      expect(pluralCategories(locale)).toEqual(first.slice(0, -1));
    }
  });

  it('splitPlural of text and arguments only is plain', () => {
    for (const text of ['plain', 'a {x} b', '{n, number} and {d, date, short} #', ''])
      expect(splitPlural(parse(text))).toEqual({ kind: 'plain' });
    expect(splitPlural(parse('<b>{n, plural, other {#}}</b>'))).toEqual({ kind: 'unsupported', reason: 'a plural inside markup' });
    expect(splitPlural(parse('<b>x</b>'))).toEqual({ kind: 'plain' });
    expect(splitPlural(parse('{s, select, a {A} other {B}}'))).toEqual({ kind: 'unsupported', reason: 'a select argument' });
  });
});
