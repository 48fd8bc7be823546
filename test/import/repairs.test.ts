import { describe, expect, it } from 'vitest';
import { closeMarkup, joinPageBreak } from '../../generator/import/repairs.js';

describe('joinPageBreak', () => {
  it('joins Hangul cut inside a word with no space (the seed case 데이|터베이스)', () => {
    const j = joinPageBreak('권한 부족 또는 데이', '터베이스의 파일 손상');
    expect(j).toMatchObject({ text: '권한 부족 또는 데이터베이스의 파일 손상', separator: '', ambiguous: false });
    expect(j.reason).toBe('the break cut the word “데이|터베이스의”');
  });

  it('keeps one space where whitespace shows the break fell between words', () => {
    expect(joinPageBreak('오류입니다. ', '디스크').text).toBe('오류입니다. 디스크');
    expect(joinPageBreak('오류 코드', '  를 참고').text).toBe('오류 코드 를 참고');
  });

  it('joins a cut tag, Japanese text and a sentence end', () => {
    expect(joinPageBreak('로컬 <cod', 'e>imsdk</code>')).toMatchObject({
      text: '로컬 <code>imsdk</code>',
      reason: 'the break cut the tag “<cod|e>”',
    });
    expect(joinPageBreak('ファイルが', '存在しません。').text).toBe('ファイルが存在しません。');
    expect(joinPageBreak('실패했습니다.', '다시')).toMatchObject({ text: '실패했습니다. 다시', ambiguous: false });
  });

  it('marks Latin on both sides as ambiguous and joins with a space', () => {
    expect(joinPageBreak('Check the data', 'base')).toMatchObject({ text: 'Check the data base', ambiguous: true });
    expect(joinPageBreak('IM', 'SDK에').ambiguous).toBe(true);
  });
});

describe('closeMarkup', () => {
  it('leaves complete markup and void tags alone', () => {
    for (const text of ['로컬 <code>imsdk_config</code> 파일', 'a<br>b', 'no markup', '<b>x</b><br/>']) {
      expect(closeMarkup(text)).toEqual({ text, changes: [] });
    }
  });

  it('completes a cut closing tag and closes a single-word tag at the end', () => {
    expect(closeMarkup('함수 <code>onConnSucc</co')).toEqual({
      text: '함수 <code>onConnSucc</code>',
      changes: [{ kind: 'closed', detail: 'completed the cut closing tag “</co” as “</code>”' }],
    });
    expect(closeMarkup('함수 <code>onConnSucc</')).toMatchObject({ text: '함수 <code>onConnSucc</code>' });
    expect(closeMarkup('함수 <code>onConnSucc').text).toBe('함수 <code>onConnSucc</code>');
  });

  it('removes a cut opening tag as a doubt and leaves an open tag before more words as a doubt', () => {
    expect(closeMarkup('자동 로그인 <cod')).toEqual({
      text: '자동 로그인',
      changes: [{ kind: 'truncated', detail: 'removed “<cod”; the vendor text after it may be lost' }],
    });
    expect(closeMarkup('로컬 <code>imsdk_config 파일이 손상')).toEqual({
      text: '로컬 <code>imsdk_config 파일이 손상',
      changes: [{ kind: 'unclosed', detail: '“<code>” is never closed and the data does not tell where it ends; left as written' }],
    });
  });
});
