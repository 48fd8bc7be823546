/**
 * A changed messages file laid out again from its last layout must give the
 * layout a whole read gives, or nothing: random one-entry edits of files in
 * every line-ending form, and the edits it must refuse.
 */
import { describe, expect, it } from 'vitest';
import { relaidOut } from '../../generator/cache/relayout.js';
import { editedEntries, sourceLayout, type SourceLayout } from '../../generator/cache/source-layout.js';
import { hashText } from '../../generator/json/text-hash.js';

const keys = Array.from({ length: 40 }, (_, i) => String(1000 + i));
const keyIndex = new Map(keys.map((k, i) => [k, i]));

/** A messages file of `count` keys in the `eol` form; every fourth entry has a note. */
function fileOf(count: number, eol: string, texts: (i: number) => string = (i) => `テキスト${i}`): string {
  const entry = (i: number) =>
    i % 4 === 0
      ? `    "${keys[i]}": { "text": ${JSON.stringify(texts(i))}, "note": "n${i}" }`
      : `    "${keys[i]}": ${JSON.stringify(texts(i))}`;
  const messages = Array.from({ length: count }, (_, i) => entry(i)).join(`,${eol}`);
  return [
    '{',
    '  "locale": "ja",',
    '  "sections": { "generic": "一般" },',
    `  "messages": {${eol}${messages}${eol}  },`,
    `  "userOverrides": {${eol}    "${keys[count]}": "上書き",${eol}    "${keys[count + 1]}": "二つ目"${eol}  }`,
    '}',
    '',
  ].join(eol);
}

const layout = (text: string) => sourceLayout('messages', text, hashText(text), keyIndex)!;

/** What relaidOut gives, set side by side with a whole layout of the text: equal in every recorded field. */
function expectSameAsWhole(before: SourceLayout, text: string): number | undefined {
  const relaid = relaidOut(before, text, keys);
  if (!relaid) return undefined;
  const whole = layout(text);
  const plain = (l: SourceLayout) =>
    Object.fromEntries(
      Object.entries(l.lists!).map(([pointer, { slice: _slice, ...list }]) => [
        pointer,
        Object.fromEntries(Object.entries(list).map(([name, array]) => [name, Array.from(array as ArrayLike<number>)])),
      ]),
    );
  expect(plain(relaid.layout)).toEqual(plain(whole));
  expect(relaid.layout.restPieces).toEqual(whole.restPieces);
  expect(relaid.layout.rest).toBe(whole.rest);
  expect(relaid.layout.kind).toBe('messages');
  // The slices the entry checks read are the new text's.
  const list = relaid.layout.lists!['/messages']!;
  const at = list.keys.indexOf(relaid.edited);
  if (at >= 0) expect(list.slice!(at)).toBe(whole.lists!['/messages']!.slice!(at));
  expect(editedEntries(before, whole)).toEqual([relaid.edited]);
  return relaid.edited;
}

describe('laying out an edited messages file from its last layout', () => {
  it('gives a whole layout’s result for random one-entry edits, in LF, CR LF and lone-CR files', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const words = ['', 'x', '編集', '😀 emoji', 'a "quoted" \\ text', '\u2028', 'é'.repeat(30)];
    let relaid = 0;
    for (const eol of ['\n', '\r\n', '\r']) {
      for (let round = 0; round < 60; round++) {
        const count = 3 + random(30);
        const original = fileOf(count, eol);
        const key = random(count - 1); // not the container's last entry
        const word = words[random(words.length)]!;
        const edited = fileOf(count, eol, (i) => (i === key ? `テキスト${i}${word}` : `テキスト${i}`));
        const result = expectSameAsWhole(layout(original), edited);
        if (edited === original) expect(result).toBeUndefined();
        else {
          expect(result).toBe(key);
          relaid++;
        }
      }
    }
    expect(relaid).toBeGreaterThan(150);
  });

  it('takes an entry of the last container, and a file with a byte order mark', () => {
    const text = fileOf(5, '\n');
    expect(expectSameAsWhole(layout(text), text.replace('上書き', 'うわがき'))).toBe(5);
    const edited = text.replace('テキスト2', 'テキスト二');
    const relaid = relaidOut(layout(`\ufeff${text}`), `\ufeff${edited}`, keys)!;
    const whole = layout(`\ufeff${edited}`);
    expect(relaid.edited).toBe(2);
    expect([...relaid.layout.lists!['/messages']!.bytes]).toEqual([...whole.lists!['/messages']!.bytes]);
    expect([...relaid.layout.lists!['/messages']!.hashes]).toEqual([...whole.lists!['/messages']!.hashes]);
  });

  it('refuses what a whole read must look at', () => {
    const text = fileOf(6, '\n');
    const before = layout(text);
    const refused = (edit: string) => expect(relaidOut(before, edit, keys)).toBeUndefined();
    // Two entries; the text between them; a section title.
    refused(text.replace('テキスト1', 'a').replace('テキスト3', 'b'));
    refused(text.replace('"locale": "ja"', '"locale": "ko"'));
    refused(text.replace('一般', '全般'));
    // A container's last entry (its slice runs into the text after it).
    refused(text.replace('テキスト5', 'テキスト五'));
    refused(text.replace('二つ目', '2'));
    // Another name, another member, a line added.
    refused(text.replace('"1001": "テキスト1"', '"1041": "テキスト1"'));
    refused(text.replace('"1001": "テキスト1"', '"1001": "テキスト1", "1002": "x"'));
    refused(text.replace('"1001": "テキスト1"', '"1001": "テキスト1"\n'));
    // Not JSON: an unclosed string, a blank JSON does not know, no value.
    refused(text.replace('"テキスト1"', '"テキスト1'));
    refused(text.replace('"テキスト1",', '"テキスト1"\u00a0,'));
    refused(text.replace('"テキスト1"', ''));
    // On one line, an edit moves the next entry's column.
    const minified = JSON.stringify(JSON.parse(text));
    expect(relaidOut(layout(minified), minified.replace('テキスト1"', 'テキスト11"'), keys)).toBeUndefined();
    // A file cut short or grown at its end.
    refused(text.slice(0, -3));
    refused(`${text} `);
  });

  it('refuses a file laid out without the pieces between its entries', () => {
    const text = fileOf(4, '\n');
    const { restPieces: _pieces, ...old } = layout(text);
    expect(relaidOut(old, text.replace('テキスト1', 'x'), keys)).toBeUndefined();
  });
});
