import { describe, expect, it } from 'vitest';
import { markupDiffers } from '../../../generator/review/checks/markup-differs.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/markup-differs', () => {
  it('flags a tag one locale has and the others lack', () => {
    const hits = hitsOf(markupDiffers, {
      messages: {
        '9516': {
          en: 'The local config file is damaged.',
          ja: 'ローカルのimsdk_configファイルが破損しています。',
          ko: '로컬 <code>imsdk_config</code> 파일이 손상되었습니다.',
        },
      },
    });
    expect(hits.map((h) => [h.locales, h.message])).toEqual([
      [['en', 'ja', 'ko'], 'Markup <code>…</code> appears 0× in en, 0× in ja and 1× in ko.'],
    ]);
  });

  it('flags unbalanced brackets and tags within a text', () => {
    const hits = hitsOf(markupDiffers, { messages: { '1': { en: 'See (the <code>docs.', ja: '(the <code>docs。' } } });
    expect(hits.map((h) => h.message)).toEqual([
      'The en text has unbalanced () and <code>…</code>.',
      'The ja text has unbalanced () and <code>…</code>.',
    ]);
  });

  it('passes the same markup, <br/> spelled otherwise, a [label] as 【label】, and parentheses used as asides', () => {
    const spec = {
      messages: {
        '1': {
          en: 'Line one.<br>See the [Tools] page (console).',
          ja: '一行目。<br/>【ツール】ページを参照してください。',
          ko: '첫 줄.<BR />[도구] 페이지를 참조하십시오(콘솔).',
        },
      },
    };
    expect(hitsOf(markupDiffers, spec)).toEqual([]);
  });
});
