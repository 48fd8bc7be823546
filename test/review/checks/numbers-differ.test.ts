import { describe, expect, it } from 'vitest';
import { numbersDiffer } from '../../../generator/review/checks/numbers-differ.js';
import { quantitiesOf } from '../../../generator/review/checks/numbers.js';
import { hitsOf } from '../build-catalog.js';

const shown = (text: string, locale: string) => quantitiesOf(text, locale).map((q) => `${q.value}${q.unit ?? ''}`);

describe('qa/numbers-differ', () => {
  it('flags 51011 as the vendor had it: ko says 20 (groups), ja and en 32 characters', () => {
    const hits = hitsOf(numbersDiffer, {
      messages: {
        '51011': {
          en: 'The conversation group name is longer than 32 characters.',
          ja: 'セッショングループ名が32文字を超えています。',
          ko: '대화 그룹 수가 상한인 20개를 초과했습니다.',
        },
      },
    });
    expect(hits.map((h) => [h.locales, h.message])).toEqual([
      [['en', 'ko'], 'Numbers differ: en has “32 characters”, which ko lacks; ko has “20”, which en lacks.'],
      [['ja', 'ko'], 'Numbers differ: ja has “32文字”, which ko lacks; ko has “20”, which ja lacks.'],
    ]);
  });

  it('passes the same numbers written with separators, full-width digits and units of each language', () => {
    const spec = {
      messages: {
        '9507': { en: 'The limit is 1,000.', ja: '最大リクエスト数は1000です。', ko: '최대 동시 요청 수(1,000)를 초과했습니다.' },
        '80002': { en: 'The limit is 8 KB.', ja: '最大8kです。', ko: '길이 제한인 8k를 초과합니다.' },
        '7005': { en: 'At most 100 MB.', ja: '最大１００ＭＢまでです。', ko: '최대 허용 크기는 100MB입니다.' },
        '7003': {
          en: 'At most 32 bytes of printable ASCII.',
          ja: 'ASCII文字コード(0x20-0x7e)…長さは32byteを超えないこと。',
          ko: '길이가 최대 32바이트인 ASCII 문자 (0x20-0x7e)',
        },
        '8511': {
          en: 'Too frequent.',
          ja: '1秒ごとに5回、検査インターフェースSDKの制限は5秒ごとに20回です。',
          ko: '초당 최대 5회 호출할 수 있습니다. Query API는 SDK에서 5초당 최대 20번 호출할 수 있습니다.',
        },
        '10018': {
          en: 'Larger than 1 MB.',
          ja: '最大パケット長(1MB)を超えています。1回のリクエストのデータ量を減らしてみてください。',
          ko: '길이 제한인 1MB를 초과했습니다.',
        },
        '70050': { en: 'Try again in 1 minute.', ja: '1分後にもう一度お試しください。', ko: '1분 후에 다시 시도하십시오.' },
        '20006': {
          en: 'The app backend blocked this one-to-one message (UTF-8, MD5, A2).',
          ja: '1対1チャット。UTF-8、MD5、A2。',
          ko: '1:1 채팅 메시지. UTF-8, MD5, A2입니다.',
        },
        '72000': { en: 'The free daily active user limit.', ja: '1日のアクティブユーザー(DAU)の数', ko: '무료 일일 활성 사용자(DAU)' },
      },
    };
    for (const key of Object.keys(spec.messages)) expect(hitsOf(numbersDiffer, spec, key), key).toEqual([]);
  });

  it('lets a translation give detail the shorter source leaves out, but not two translations disagree on it', () => {
    const same = {
      messages: {
        '6223': { en: 'The time limit has passed.', ja: '時間制限を超えています(デフォルトは2分間)。', ko: '기본적으로 2분인 시간 제한' },
      },
    };
    expect(hitsOf(numbersDiffer, same)).toEqual([]);
    const differ = {
      messages: {
        '6223': { en: 'The time limit has passed.', ja: '時間制限を超えています(デフォルトは2分間)。', ko: '기본적으로 3분인 시간 제한' },
      },
    };
    expect(hitsOf(numbersDiffer, differ).map((h) => h.locales)).toEqual([['ja', 'ko']]);
  });

  it('reads quantities', () => {
    expect(shown('最大１２，０００バイト、8k、100MB、2分間、7日間、24時間', 'ja')).toEqual(['12000B', '8KB', '100MB', '2min', '7d', '24h']);
    expect(shown('32자, 30바이트, 60초당 1회, 7일을, 20개 제한을 초과', 'ko')).toEqual(['32char', '30B', '60s', '1', '7d', '20']);
    expect(shown('1.5 MB per 1 second, 2FA, IPv6, 3 kinds, 50%', 'en')).toEqual(['1.5MB', '3', '50%']);
    expect(shown('1.000 Zeichen, 2,5 MB', 'de')).toEqual(['1000', '2.5MB']);
  });

  it('compares equal amounts in different units', () => {
    const hits = hitsOf(numbersDiffer, { messages: { '1': { en: 'Wait 1 minute.', ja: '60秒待ってください。' } } });
    expect(hits).toEqual([]);
  });
});
