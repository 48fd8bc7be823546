import { describe, expect, it } from 'vitest';
import { whitespace } from '../../../generator/review/checks/whitespace.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/whitespace', () => {
  it('flags leading, trailing and doubled whitespace', () => {
    const hits = hitsOf(whitespace, { messages: { '1': { en: 'Fine.', ja: ' エラー。\u3000 詳細。 ' } } });
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toBe('The ja text starts with whitespace, ends with whitespace, has doubled whitespace (U+3000 U+0020).');
  });

  it('passes single spaces', () => {
    expect(hitsOf(whitespace, { messages: { '1': { en: 'One space. Then more.', ja: '空にしないでください。 ASCII文字。' } } })).toEqual(
      [],
    );
  });
});
