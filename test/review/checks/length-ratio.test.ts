import { describe, expect, it } from 'vitest';
import { expectedRatio, lengthRatio } from '../../../generator/review/checks/length-ratio.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/length-ratio', () => {
  it('flags a translation far shorter than its script leads one to expect', () => {
    const hits = hitsOf(lengthRatio, {
      messages: { '-10108': { en: 'The prepaid account has overdue payments.', ko: '선불 연체입니다.' } },
    });
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toBe(
      'The ko text has 9 characters for 41 in en (ratio 0.22, expected about 0.70): it may say less than the source.',
    );
  });

  it('passes ordinary ratios and short sources', () => {
    expect(
      hitsOf(lengthRatio, {
        messages: {
          '1': {
            en: 'The request packet format is invalid.',
            ja: 'リクエストパケット形式のエラー。',
            de: 'Das Format des Anfragepakets ist ungültig.',
          },
        },
      }),
    ).toEqual([]);
    expect(
      hitsOf(lengthRatio, {
        messages: { '2': { en: 'System error.', ja: 'システム内部で予期しないエラーが発生しました。サポートにお問い合わせください。' } },
      }),
    ).toEqual([]);
  });

  it('expects per script', () => {
    expect([expectedRatio('ja'), expectedRatio('ko'), expectedRatio('zh-Hans'), expectedRatio('de'), expectedRatio('en-GB')]).toEqual([
      0.6, 0.7, 0.4, 1.2, 1,
    ]);
  });
});
