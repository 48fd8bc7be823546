/**
 * The import edits the source file surgically: a hand-formatted file (compact
 * objects, several entries on one line, tabs, odd spacing, a BOM, CRLF) keeps
 * every byte outside the values it changes, and new entries take the
 * separator the file already uses, in canonical key order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXliff } from '../../../generator/import/xliff/index.js';
import { updateEntries } from '../../../generator/import/xliff/json-edit.js';
import { fixturesDir } from '../../support/catalogs.js';
import { editBlock, exportXliff, replaceOnce } from './helpers.js';

const HAND = readFileSync(join(fixturesDir, 'xliff/hand-formatted.ja.json'), 'utf8');

const EXPECTED = [
  '{"$schema":"../../../schema/messages.schema.json",',
  '   "locale" : "ja",',
  ' "sections": {"general":"一般","hazards":"危険な文字"},',
  ' "messages" : {',
  '\t"-302":"接続数が多すぎます。後でもう一度お試しください。",  "1" : "「引用」& <b>太字</b>、100% 確実。",',
  '\t"2": "@home は参照ではありません。",',
  '\t"3": { "text": "?attr は属性ではありません。", "state": "initial" },',
  '\t"5":   { "text": "{count, plural, other {残り # 件のファイル}}", "state": "reviewed" },',
  '\t"7" : { "text":"ユーザー {user} がリクエスト上限 {limit, number} 件を超えました。","note" : "hand-written" },',
  `\t"8": "パーティー 🎉 と '{'波括弧'}'。",`,
  '\t"6014":"ログインされていません。",   "120001-130000": "コールバックがリクエストを拒否しました。",   "unknown":"不明なエラーです(コード {code})。"',
  ' }',
  '}',
  '',
].join('\n');

function translate(block: string, target: string, state = 'translated'): string {
  return replaceOnce(
    replaceOnce(block, '</source>', `</source>\n        <target>${target}</target>`),
    'state="initial"',
    `state="${state}"`,
  );
}

async function editedXliff(): Promise<{ xlf: string; catalog: Awaited<ReturnType<typeof exportXliff>>['catalog'] }> {
  const { catalog, files } = await exportXliff('hazards');
  let xlf = files.get('ja')!;
  xlf = editBlock(xlf, 'unit', '6014', (b) => replaceOnce(b, 'ログインしていません。', 'ログインされていません。'));
  xlf = editBlock(xlf, 'unit', '7', (b) => replaceOnce(b, '件に達しました。</target>', '件を超えました。</target>'));
  xlf = editBlock(xlf, 'group', '5', (b) => replaceOnce(b, 'state="translated"', 'state="reviewed"'));
  xlf = editBlock(xlf, 'unit', '2', (b) => translate(b, '@home は参照ではありません。'));
  xlf = editBlock(xlf, 'unit', '3', (b) => translate(b, '?attr は属性ではありません。', 'initial'));
  xlf = editBlock(xlf, 'unit', '120001-130000', (b) => translate(b, 'コールバックがリクエストを拒否しました。'));
  return { xlf, catalog };
}

describe('xliff import: formatting of the source file', () => {
  it('changes only the edited values of a hand-formatted file and inserts new keys in key order with its separators', async () => {
    const { xlf, catalog } = await editedXliff();
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: { path: 'locales/ja/messages.json', text: HAND } });
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['2', '3', '5', '7', '6014', '120001-130000']);
    expect(result.fileText).toBe(EXPECTED);
    // Lines holding no edited key are byte for byte the old lines.
    const edited = /"(2|3|5|7|6014|120001-130000)"/;
    const kept = HAND.split('\n').filter((line) => !edited.test(line));
    const after = result.fileText.split('\n').filter((line) => !edited.test(line));
    expect(after).toEqual(kept);
    // Within edited lines, only the values moved.
    expect(result.fileText).toContain(`"note" : "hand-written" }`);
    expect(result.fileText).toContain('\t"5":   { "text"');
  });

  it('keeps a BOM and CRLF line ends', async () => {
    const { xlf, catalog } = await editedXliff();
    const crlf = `\ufeff${HAND.replace(/\n/g, '\r\n')}`;
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: { path: 'locales/ja/messages.json', text: crlf } });
    expect(result.diagnostics).toEqual([]);
    expect(result.fileText).toBe(`\ufeff${EXPECTED.replace(/\n/g, '\r\n')}`);
  });

  it('appends after the last key, fills an empty messages object and a message given only as doubts', () => {
    expect(
      updateEntries('{\n  "locale": "ja",\n  "messages": {\n    "1": "a"\n  }\n}\n', [{ key: 'unknown', text: 'u', state: 'translated' }]),
    ).toBe('{\n  "locale": "ja",\n  "messages": {\n    "1": "a",\n    "unknown": "u"\n  }\n}\n');
    expect(
      updateEntries('{\n  "locale": "ja",\n  "messages": {}\n}\n', [
        { key: '6014', text: 'b', state: 'final' },
        { key: '-302', text: 'a', state: 'translated' },
      ]),
    ).toBe('{\n  "locale": "ja",\n  "messages": {\n    "-302": "a",\n    "6014": { "text": "b", "state": "final" }\n  }\n}\n');
    expect(
      updateEntries('{ "locale": "ja", "messages": { "2": { "doubts": ["empty row"] } } }', [
        { key: '2', text: "it''s", state: 'reviewed' },
      ]),
    ).toBe(`{ "locale": "ja", "messages": { "2": { "text": "it''s", "state": "reviewed", "doubts": ["empty row"] } } }`);
    expect(
      updateEntries('{ "locale": "ja", "messages": { "2": { "text": "x", "note": "n" } } }', [{ key: '2', text: 'x', state: 'final' }]),
    ).toBe('{ "locale": "ja", "messages": { "2": { "text": "x", "state": "final", "note": "n" } } }');
    expect(
      updateEntries('{ "locale": "ja", "messages": { "2": { "state": "initial", "text": "x" } } }', [
        { key: '2', text: 'y\n"z"', state: 'translated' },
      ]),
    ).toBe('{ "locale": "ja", "messages": { "2": { "state": "translated", "text": "y\\n\\"z\\"" } } }');
  });
});
