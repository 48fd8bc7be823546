import { describe, expect, it } from 'vitest';
import { placeholdersDiffer } from '../../../generator/review/checks/placeholders-differ.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/placeholders-differ', () => {
  it('flags a translation with other ICU arguments than the source', () => {
    const hits = hitsOf(placeholdersDiffer, {
      messages: { unknown: { en: 'Unknown error (code {code}).', ja: '不明なエラーです(コード: {id})。' } },
    });
    expect(hits).toHaveLength(1);
    expect(hits[0].message).toBe('The ja text lacks {code} and adds {id} compared with en.');
  });

  it('passes the same arguments used another way, and plural pounds', () => {
    const spec = {
      messages: {
        '1': { en: '{count, plural, one {# file} other {# files}} for {user}', ja: '{user}の{count, plural, other {#個のファイル}}' },
      },
    };
    expect(hitsOf(placeholdersDiffer, spec)).toEqual([]);
  });
});
