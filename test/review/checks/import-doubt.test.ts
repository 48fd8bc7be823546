import { describe, expect, it } from 'vitest';
import { importDoubt } from '../../../generator/review/checks/import-doubt.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/import-doubt', () => {
  it("reports a translation's doubts and the doubts of a gap that no layer fills", () => {
    const hits = hitsOf(importDoubt, {
      messages: {
        '10062': {
          en: 'The read receipt does not exist.',
          ja: {
            text: '開封確認メッセージが存在しません。',
            doubts: ['The vendor document has a duplicated row at lines 369 and 370 with the same text; kept one.'],
          },
          ko: { doubts: ['The vendor document leaves this message empty (line 12).'] },
        },
      },
    });
    expect(hits.map((h) => [h.locales[0], h.origins[0].file, h.message])).toEqual([
      [
        'ja',
        'locales/ja/vendor.json',
        'Import doubt (ja): The vendor document has a duplicated row at lines 369 and 370 with the same text; kept one.',
      ],
      [
        'ko',
        'locales/ko/vendor.json',
        'Import doubt (ko): The vendor document leaves this message empty (line 12). The key has no ko text.',
      ],
    ]);
  });

  it("drops a gap's doubt once a layer gives the text, and passes texts without doubts", () => {
    const hits = hitsOf(importDoubt, {
      messages: {
        '6206': {
          en: 'The UserSig has expired.',
          ja: { text: 'UserSigの有効期限が切れています。', layer: 'corrections' },
        },
      },
      gaps: [{ key: '6206', locale: 'ja', doubts: ['The vendor document leaves this message empty (line 40).'] }],
    });
    expect(hits).toEqual([]);
  });
});
