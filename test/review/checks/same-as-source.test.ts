import { describe, expect, it } from 'vitest';
import { CJK_LETTERS, hasWords, sameAsSource } from '../../../generator/review/checks/same-as-source.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/same-as-source', () => {
  it('flags a translation copied from the source', () => {
    const hits = hitsOf(sameAsSource, { messages: { '1003': { en: 'System error.', ja: 'System  error.' } } });
    expect(hits).toHaveLength(1);
    expect(hits[0].locales).toEqual(['en', 'ja']);
    expect(hits[0].message).toBe('The ja text is the same as the en text “System error.”.');
  });

  it('passes a translated text and texts that are only identifiers', () => {
    expect(hitsOf(sameAsSource, { messages: { '1003': { en: 'System error.', ja: 'システムエラー。' } } })).toEqual([]);
    expect(
      hitsOf(sameAsSource, { messages: { '1': { en: 'SDKAppID: HTTP 404 (To_Account)', ja: 'SDKAppID: HTTP 404 (To_Account)' } } }),
    ).toEqual([]);
    expect(hitsOf(sameAsSource, { messages: { unknown: { en: '{code}', ja: '{code}' } } })).toEqual([]);
  });

  it('tells words from identifiers', () => {
    expect(hasWords('UserSig TIMManager.getInstance To_Account QALSDK 404')).toBe(false);
    expect(hasWords('Invalid UserSig')).toBe(true);
    expect(hasWords('无效')).toBe(true);
    expect(hasWords('QALSDK 404 エラー')).toBe(true);
  });

  it('takes a kana, ideograph or Hangul syllable for a word only where the rule would: each is a letter of a script other than Latin', () => {
    const wrong: number[] = [];
    for (const [from, to] of CJK_LETTERS) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        if (!/^\p{L}$/u.test(ch) || /\p{Script=Latin}/u.test(ch)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });
});
