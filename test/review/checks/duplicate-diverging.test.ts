import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../../generator/catalog/keys.js';
import { duplicateDiverging } from '../../../generator/review/checks/duplicate-diverging.js';
import { hasWords } from '../../../generator/review/checks/same-as-source.js';
import { allHitsOf } from '../build-catalog.js';

describe('qa/duplicate-diverging', () => {
  it('flags one source text translated two ways, once per group, on its first key', () => {
    const hits = allHitsOf(duplicateDiverging, {
      messages: {
        '6223': { en: 'The time limit has passed.', ko: '기본적으로 2분인 시간 제한에 도달했습니다.' },
        '10031': { en: 'The time limit has passed.', ko: '기본적으로 2분인 시간 제한에 도달했습니다.' },
        '20016': { en: 'The time limit has passed.', ko: '시간 제한(기본값 2분)에 도달했습니다.' },
      },
    });
    expect(hits).toHaveLength(1);
    expect(hits[0].key).toBe('6223');
    expect(hits[0].locales).toEqual(['en', 'ko']);
    expect(hits[0].message).toContain('6223, 10031 and 20016 share the en text');
    expect(hits[0].message).toContain('6223 and 10031 “기본적으로');
    expect(hits[0].origins).toHaveLength(6);
  });

  it('flags one translation for two source texts, and a duplicated vendor row', () => {
    const hits = allHitsOf(duplicateDiverging, {
      messages: {
        '30004': { en: 'This request requires App admin permissions.', ja: 'リクエストにはAppの管理者権限が必要です。' },
        '50003': { en: 'This request requires app administrator permission.', ja: 'リクエストにはAppの管理者権限が必要です。' },
        '10062': {
          en: 'No read receipt.',
          ja: {
            text: '開封確認メッセージが存在しません。',
            doubts: ['The vendor document has a duplicated row at lines 369 and 370 with the same text; kept one.'],
          },
        },
      },
    });
    expect(hits.map((h) => [h.key, h.locales])).toEqual([
      ['10062', ['ja']],
      ['30004', ['en', 'ja']],
    ]);
    expect(hits[0].message).toBe(
      'The vendor document lists 10062 twice for ja; the import kept one row: The vendor document has a duplicated row at lines 369 and 370 with the same text; kept one.',
    );
    expect(hits[1].message).toContain('share the ja text');
  });

  it('passes identical groups and identifier-only texts', () => {
    const hits = allHitsOf(duplicateDiverging, {
      messages: {
        '6012': { en: 'The request timed out.', ja: 'リクエストのタイムアウト。' },
        '6125': { en: 'The request timed out.', ja: 'リクエストのタイムアウト。' },
        '1': { en: 'QALSDK error.', ja: 'QALSDK' },
        '2': { en: 'QALSDK failure.', ja: 'QALSDK' },
      },
    });
    expect(hits).toEqual([]);
  });
});

describe('qa/duplicate-diverging on random catalogs', () => {
  // Few texts, with whitespace variants and an identifier-only one, so that groups form, agree, differ and skip codes.
  const pool = [
    'Error.',
    ' Error. ',
    'Error.  Retry.',
    'Error. Retry.',
    'Timeout.',
    'QALSDK',
    'QALSDK ',
    'エラー。',
    'エラー 。',
    'タイムアウト。',
    '  ',
  ];
  const keys = ['-5', '1', '2', '10', '6014', 'unknown', 'zeta'];
  const locales = ['en', 'ja', 'ko'];
  const catalogs = fc.dictionary(
    fc.constantFrom(...keys),
    fc.record({ en: fc.constantFrom(...pool), ja: fc.option(fc.constantFrom(...pool)), ko: fc.option(fc.constantFrom(...pool)) }),
    { minKeys: 1 },
  );
  const normal = (text: string) => text.replace(/\s+/gu, ' ').trim();

  /** The groups of two or more keys (in key order) whose normalised texts in `by` are equal. */
  function groupsBy(spec: Record<string, Record<string, string>>, by: string, words: boolean): string[][] {
    const groups = new Map<string, string[]>();
    for (const key of Object.keys(spec).sort(compareKeys)) {
      const text = spec[key][by];
      if (text === undefined || normal(text) === '' || (words && !hasWords(text))) continue;
      groups.set(normal(text), [...(groups.get(normal(text)) ?? []), key]);
    }
    return [...groups.values()].filter((g) => g.length > 1);
  }

  /** What each hit should be: its key, id and subjects, from the groups whose texts in the other locale differ. */
  function expected(spec: Record<string, Record<string, string>>): string[] {
    const out: string[] = [];
    const differ = (group: string[], locale: string) =>
      new Set(group.flatMap((k) => (spec[k][locale] !== undefined && normal(spec[k][locale]) !== '' ? [normal(spec[k][locale])] : [])))
        .size > 1;
    const subjects = (group: string[], locale: string) =>
      group.flatMap((k) =>
        ['en', locale]
          .sort()
          .filter((l) => spec[k][l] !== undefined && normal(spec[k][l]) !== '')
          .map((l) => `${k}/${l}`),
      );
    for (const locale of ['ja', 'ko']) {
      for (const group of groupsBy(spec, 'en', false))
        if (differ(group, locale)) out.push(`${group[0]} same-source:${locale} ${subjects(group, locale).join(' ')}`);
      for (const group of groupsBy(spec, locale, true))
        if (differ(group, 'en')) out.push(`${group[0]} same-text:${locale} ${subjects(group, locale).join(' ')}`);
    }
    return out.sort();
  }

  it('reports each group whose texts differ in another locale once, on its first key, with every text involved', () => {
    fc.assert(
      fc.property(catalogs, (drawn) => {
        const spec = Object.fromEntries(
          Object.entries(drawn).map(([key, texts]) => [
            key,
            Object.fromEntries(locales.flatMap((l) => (texts[l as 'en'] == null ? [] : [[l, texts[l as 'en']!]]))),
          ]),
        );
        const hits = allHitsOf(duplicateDiverging, { locales, messages: spec });
        const got = hits.map((h) => `${h.key} ${h.id} ${h.subjects!.map((s) => `${s.key}/${s.locale}`).join(' ')}`).sort();
        expect(got).toEqual(expected(spec));
      }),
    );
  });
});
