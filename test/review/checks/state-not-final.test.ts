import { describe, expect, it } from 'vitest';
import { stateNotFinal } from '../../../generator/review/checks/state-not-final.js';
import { hitsOf } from '../build-catalog.js';

describe('qa/state-not-final', () => {
  it('flags a translation in state "initial", with its note', () => {
    const hits = hitsOf(stateNotFinal, {
      messages: {
        '51011': {
          en: 'Name too long.',
          ko: { text: '대화 그룹 이름이 32자를 초과했습니다.', state: 'initial', note: 'Rewritten from ja.', layer: 'corrections' },
        },
      },
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      locales: ['ko'],
      message: 'The ko text is in state "initial" and awaits review. Note: Rewritten from ja.',
    });
    expect(hits[0].origins[0].file).toBe('locales/ko/corrections.json');
  });

  it('passes translated, reviewed and final texts', () => {
    const spec = {
      messages: { '1': { en: { text: 'A.', state: 'final' as const }, ja: { text: 'あ。', state: 'reviewed' as const }, ko: '가.' } },
    };
    expect(hitsOf(stateNotFinal, spec)).toEqual([]);
  });
});
