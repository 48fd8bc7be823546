import { describe, expect, it } from 'vitest';
import { missingTranslation } from '../../../generator/review/checks/missing-translation.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/missing-translation', () => {
  it('flags a locale without text, naming the gap the vendor left', () => {
    const hits = hitsOf(missingTranslation, {
      locales: ['en', 'ja', 'ko'],
      messages: {
        '6206': {
          en: 'The UserSig has expired.',
          ja: { doubts: ['The vendor document leaves this message empty (line 40).'] },
          ko: 'UserSig가 만료되었습니다.',
        },
      },
    });
    expect(hits).toHaveLength(1);
    expect(hits[0].locales).toEqual(['ja']);
    expect(hits[0].message).toContain('locales/ja/vendor.json names the key without text');
    expect(hits[0].origins.map((o) => o.file)).toEqual(['locales/ja/vendor.json']);
  });

  it('flags a blank text, and a missing source text as an error', () => {
    const hits = hitsOf(missingTranslation, { locales: ['en', 'ja'], messages: { '1': { ja: '  ' } } });
    expect(hits.map((h) => [h.locales[0], h.severity ?? 'default'])).toEqual([
      ['en', 'error'],
      ['ja', 'default'],
    ]);
  });

  it('passes a key with text in every locale', () => {
    expect(hitsOf(missingTranslation, { messages: { '1': { en: 'System error.', ja: 'システムエラー。' } } })).toEqual([]);
  });
});
