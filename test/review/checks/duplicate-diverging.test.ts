import { describe, expect, it } from 'vitest';
import { duplicateDiverging } from '../../../generator/review/checks/duplicate-diverging.js';
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
