/**
 * The plural rules every target without ICU shares (generator/emit/plural-shape.ts,
 * and the category-exactness rule of plural-forms.ts), one table each: the
 * plural argument of a message and its position, its exact selectors, the
 * form a locale shows for a selector, the order of selectors, the argument of
 * an element, and the category that holds one count alone.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../generator/catalog/icu.js';
import type { Message, Param } from '../../generator/catalog/model.js';
import { categoryHoldingOnly, categoryIsExactly, splitPlural, type PluralSplit } from '../../generator/emit/plural-forms.js';
import {
  argumentOf,
  compareSelectors,
  exactSelectors,
  exactValue,
  formShownFor,
  isExactSelector,
  isPluralSelector,
  pluralArgumentOf,
  pluralFormFor,
  pluralParamIndex,
  pluralShapeOf,
} from '../../generator/emit/plural-shape.js';

const origin = { layer: 'test', file: 'locales/en/messages.json', pointer: '', line: 1, column: 1 };

function ast(text: string): MessageFormatElement[] {
  const parsed = parseMessage(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ast;
}

function message(texts: Record<string, string>, params: string[] = ['n']): Message {
  const translations = Object.fromEntries(
    Object.entries(texts).map(([locale, text]) => [locale, { text, ast: ast(text), state: 'translated' as const, origin }]),
  );
  return { key: '7', section: 's', params: params.map((name): Param => ({ name, type: 'number' })), translations, origin };
}

function plural(text: string): PluralSplit {
  const split = splitPlural(ast(text));
  if (split.kind !== 'plural') throw new Error(`not one plural: ${text}`);
  return split.plural;
}

const show = (elements: MessageFormatElement[]) => printAST(elements);

describe('the plural argument: the first locale (source first) whose text is plural', () => {
  it.each([
    ['no locale is plural', { en: 'Files: {n}', ja: 'ファイル {n}' }, ['en', 'ja'], undefined, undefined],
    ['the source is', { en: '{n, plural, one {# file} other {# files}}', ja: '{n} ファイル' }, ['en', 'ja'], 'n', 0],
    ['only a translation is', { en: 'Files: {n}', ru: '{n, plural, one {# файл} other {# файлов}}' }, ['en', 'ru'], 'n', 0],
    ['two locales disagree: the first wins', { en: '{n, plural, other {# files}}', ja: '{m, plural, other {#}}' }, ['en', 'ja'], 'n', 0],
    ['… in the order given', { en: '{n, plural, other {# files}}', ja: '{m, plural, other {#}}' }, ['ja', 'en'], 'm', 1],
    ['a locale without text is skipped', { ja: '{m, plural, other {#}}' }, ['en', 'ja'], 'm', 1],
  ])('%s', (_, texts, locales, arg, index) => {
    const m = message(texts, ['n', 'm']);
    expect(pluralArgumentOf(m, locales)).toBe(arg);
    expect(pluralShapeOf(m, locales)?.arg).toBe(arg);
    expect(pluralParamIndex(m, locales)).toBe(index);
  });

  it('has no position when the plural argument is not a param', () => {
    expect(pluralParamIndex(message({ en: '{count, plural, other {#}}' }, ['n']), ['en'])).toBeUndefined();
  });
});

describe('exact selectors: =N, each value once, ascending', () => {
  it.each([
    ['=0', true, 0],
    ['=12', true, 12],
    ['one', false, undefined],
    ['other', false, undefined],
  ])('%s: exact %s, value %s', (selector, exact, value) => {
    expect(isExactSelector(selector)).toBe(exact);
    if (exact) expect(exactValue(selector)).toBe(value);
  });

  it('across the plurals of a message', () => {
    const en = plural('{n, plural, =2 {two} =0 {none} one {one} other {many}}');
    const fr = plural('{n, plural, =0 {aucun} =10 {dix} other {#}}');
    expect(exactSelectors([en, fr])).toEqual(['=0', '=2', '=10']);
    expect(exactSelectors([plural('{n, plural, other {#}}')])).toEqual([]);
    expect(
      pluralShapeOf(message({ en: '{n, plural, =2 {two} =0 {none} other {many}}', fr: '{n, plural, =10 {dix} =0 {aucun} other {#}}' }), [
        'en',
        'fr',
      ]),
    ).toEqual({ arg: 'n', exact: [0, 2, 10] });
    expect(pluralShapeOf(message({ en: 'plain {n}' }), ['en'])).toBeUndefined();
  });
});

describe('the form a locale shows for a selector', () => {
  const en = 'You have {n, plural, =0 {no files} one {# file} other {# files}} left.';
  const ar = '{n, plural, zero {لا ملفات} one {ملف} other {# ملفات}}';
  it.each([
    // text, locale, selector, shown
    [en, 'en', 'one', 'You have # file left.'],
    [en, 'en', 'other', 'You have # files left.'],
    [en, 'en', '=0', 'You have no files left.'],
    [en, 'en', 'few', 'You have # files left.'], // a category it lacks: other
    [en, 'en', '=1', 'You have # file left.'], // an exact selector it lacks: the form of 1's category
    [en, 'en', '=5', 'You have # files left.'],
    [ar, 'ar', '=0', 'لا ملفات'], // ar: 0 is zero
    [ar, 'ar', '=2', '# ملفات'], // ar: 2 is two, which it lacks: other
    ['Plain {n}', 'en', 'one', 'Plain {n}'], // no plural: the text itself
  ])('%j in %s for %s → %j', (text, locale, selector, shown) => {
    expect(show(formShownFor(ast(text), selector, locale))).toBe(shown);
    const split = splitPlural(ast(text));
    if (split.kind === 'plural') expect(show(pluralFormFor(split.plural, selector, locale))).toBe(shown);
  });
});

describe('the order of selectors: exact ones by value, then CLDR order', () => {
  it('sorts', () => {
    expect(['other', 'one', '=10', 'few', '=2', 'zero', 'many', 'two', '=0'].sort(compareSelectors)).toEqual([
      '=0',
      '=2',
      '=10',
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
  });

  it.each([
    ['=0', true],
    ['=12', true],
    ['=01', false],
    ['=-1', false],
    ['=1.5', false],
    ['zero', true],
    ['other', true],
    ['OTHER', false],
    ['exact0', false],
  ])('%j is a selector a plural form can be written under: %s', (selector, ok) => {
    expect(isPluralSelector(selector)).toBe(ok);
  });
});

describe('the argument an element shows', () => {
  it.each([
    ['{user}', 'n', 'user'],
    ['{n, number}', undefined, 'n'],
    ['{d, date, short}', undefined, 'd'],
    ['{t, time}', undefined, 't'],
    ['{s, select, a {x} other {y}}', 'n', undefined],
    ['text', 'n', undefined],
  ])('%j (plural argument %s) → %s', (text, pluralArg, expected) => {
    expect(argumentOf(ast(text)[0], pluralArg)).toBe(expected);
  });

  it('# is the plural argument', () => {
    const pound = plural('{count, plural, other {#}}').forms.get('other')![0];
    expect(argumentOf(pound, 'count')).toBe('count');
    expect(argumentOf(pound, undefined)).toBeUndefined();
  });
});

describe('the category that holds one count alone (what an exact =N can stand for in formats that select by category)', () => {
  it.each([
    // locale, category, n, exactly
    ['ar', 'zero', 0, true],
    ['ar', 'two', 2, true],
    ['ar', 'one', 1, true],
    ['en', 'one', 1, true],
    ['en', 'other', 0, false],
    ['lv', 'zero', 0, false], // lv zero also holds 10–20, 30…
    ['ru', 'one', 1, false], // ru one also holds 21, 31…
    ['fr', 'one', 0, false], // fr one holds 0 and 1
    ['fr', 'many', 1_000_000, false], // and 10 000 000
    ['fr', 'many', 5_000, false], // 5 000 is other in fr
    ['cy', 'zero', 0, true],
  ])('%s %s holds %d alone: %s', (locale, category, n, exactly) => {
    expect(categoryIsExactly(locale, category, n)).toBe(exactly);
  });

  it.each([
    ['ar', 0, 'zero'],
    ['ar', 2, 'two'],
    ['en', 1, 'one'],
    ['en', 0, undefined],
    ['ru', 1, undefined],
    ['lv', 0, undefined],
    ['ja', 0, undefined],
  ])('%s: %d is held alone by %s', (locale, n, category) => {
    expect(categoryHoldingOnly(locale, n)).toBe(category);
  });
});

describe('one rule where android (categoryHoldingOnly) and apple, flutter, gettext (categoryIsExactly) had two', () => {
  /** What each wrote before: android sampled 0…1000 and four large counts, the others 0…1000 only. */
  const before = {
    holdingOnly(locale: string, n: number): string | undefined {
      const rules = new Intl.PluralRules(locale);
      const category = rules.select(n);
      const samples = [...Array.from({ length: 1001 }, (_, i) => i), 10_000, 100_000, 1_000_000, 10_000_000];
      return samples.every((i) => i === n || rules.select(i) !== category) ? category : undefined;
    },
    isExactly(locale: string, category: string, n: number): boolean {
      const rules = new Intl.PluralRules(locale);
      let exact = true;
      for (let i = 0; i <= 1000 && exact; i++) exact = (rules.select(i) === category) === (i === n);
      return exact;
    },
  };
  const LOCALES = [
    'ar',
    'be',
    'br',
    'cs',
    'cy',
    'de',
    'dsb',
    'en',
    'es',
    'fil',
    'fr',
    'ga',
    'gd',
    'gv',
    'he',
    'is',
    'it',
    'iu',
    'ja',
    'ko',
    'kw',
    'lt',
    'lv',
    'mk',
    'mt',
    'naq',
    'pl',
    'pt',
    'ro',
    'ru',
    'se',
    'shi',
    'sk',
    'sl',
    'uk',
    'zh',
  ];
  const COUNTS = [...Array.from({ length: 21 }, (_, i) => i), 100, 101, 111, 1000];

  it('gives every answer either gave for counts up to 1000', () => {
    for (const locale of LOCALES) {
      for (const n of COUNTS) {
        expect(categoryHoldingOnly(locale, n), `${locale} ${n}`).toBe(before.holdingOnly(locale, n));
        for (const category of ['zero', 'one', 'two', 'few', 'many', 'other'])
          expect(categoryIsExactly(locale, category, n), `${locale} ${category} ${n}`).toBe(before.isExactly(locale, category, n));
      }
    }
  });
});
