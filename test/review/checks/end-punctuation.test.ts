import { describe, expect, it } from 'vitest';
import { endPunctuation } from '../../../generator/review/checks/end-punctuation.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/end-punctuation', () => {
  it("flags another script's full stop and a missing one", () => {
    const hits = hitsOf(endPunctuation, { messages: { '1': { en: 'Internal error.', ja: '内部エラー.', ko: '내부 오류입니다。' } } });
    expect(hits.map((h) => h.message)).toEqual([
      'The ja text ends with “.”; ja ends a sentence with “。”.',
      'The ko text ends with “。”; ko ends a sentence with “.”.',
    ]);
    const missing = hitsOf(endPunctuation, {
      messages: { '7012': { en: 'Internal SDK error.', ja: 'SDK内部で発生するわけのない内部エラー' } },
    });
    expect(missing.map((h) => h.message)).toEqual(['The ja text has no final “。”, while the en text ends a sentence.']);
  });

  it('passes stops looked through brackets, asides after the stop, and labels without a stop', () => {
    const spec = {
      messages: {
        '10038': {
          en: 'Upgrade the package.',
          ja: '購入してください。(アップグレード後、変更する必要があります)',
          ko: '수정해야 합니다.)',
        },
        '2': { en: 'System error', ja: 'システムエラー', ko: '시스템 오류' },
        '3': { en: 'Really?', ja: '本当ですか？', ko: '<b>정말입니까?</b>' },
      },
    };
    for (const key of ['10038', '2', '3']) expect(hitsOf(endPunctuation, spec, key), key).toEqual([]);
  });
});
