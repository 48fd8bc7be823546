import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { compareImportedKeys, detectShape, importVendorDocument } from '../../generator/import/index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const read = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** [line, severity, ruleId, key?, message] — the whole report, in order. */
type Row = [number | undefined, Diagnostic['severity'], string, string | undefined, string];
const rows = (report: Diagnostic[]): Row[] => report.map((d) => [d.place?.line, d.severity, d.ruleId, d.key, d.message]);

describe('pipe-table fixture (ja)', () => {
  const text = read('pipe-table.ja.txt');
  const result = importVendorDocument(text, { locale: 'ja', sourceName: 'pipe-table.ja.txt' });

  it('is detected as pipe-table', () => {
    expect(detectShape(text)).toBe('pipe-table');
    expect(result.shape).toBe('pipe-table');
  });

  it('writes the expected file, byte for byte', () => {
    expect(result.fileText).toBe(read('pipe-table.ja.expected.json'));
  });

  it('lists sections and keys in document order', () => {
    expect(result.sections).toEqual([
      { id: 'sdk-general', title: '一般エラーコード', keys: ['4001', '4002', '4003', '6206'] },
      { id: 'sdk-account', title: 'アカウントのエラーコード', keys: ['6014', '6026', '6027'] },
      { id: 'server-message', title: 'メッセージのエラーコード', keys: ['20001', '20002', '20003', '20004', '120001-130000'] },
      { id: 'sdk-v3', title: 'IM SDK V3バージョンのエラーコード', keys: ['6003', '6011'] },
    ]);
  });

  it('reports every repair and doubt at its line', () => {
    expect(rows(result.report)).toEqual([
      [1, 'info', 'import/cover-skipped', undefined, 'Skipped the cover page (lines 1–2) before the first part heading.'],
      [4, 'info', 'import/intro-skipped', undefined, 'Skipped the intro note “説明:” (line 4).'],
      [8, 'info', 'import/stray-separator', undefined, 'Dropped the table rule line “---|---|” at line 8.'],
      [11, 'warning', 'import/empty-message', '6206', 'The vendor document leaves this message empty (line 11).'],
      [
        15,
        'info',
        'import/markup-closed',
        '6026',
        'Closed markup the document cut in the message at line 15: completed the cut closing tag “</co” as “</code>”.',
      ],
      [
        16,
        'warning',
        'import/markup-truncated',
        '6027',
        'The message at line 16 ends in a cut tag: removed “<cod”; the vendor text after it may be lost.',
      ],
      [
        21,
        'warning',
        'import/duplicate-row',
        '20001',
        'The vendor document has a duplicated row at lines 20 and 21 with the same text; kept one.',
      ],
      [
        23,
        'warning',
        'import/duplicate-row',
        '20002',
        'The vendor document has two different rows for this code at lines 22 and 23; kept the first (line 22).',
      ],
      [
        24,
        'warning',
        'import/empty-message',
        '20003',
        'The vendor document leaves this message empty (line 24: the row stops right after the code).',
      ],
      [25, 'info', 'import/row-unclosed', '20004', 'The row at line 25 has no closing “|”; read its text to the end of the line.'],
      [30, 'warning', 'import/unrecognized-line', undefined, 'Left out line 30 “謎の行”: it is not a row, a heading or a note.'],
      [
        31,
        'info',
        'import/markup-closed',
        '6011',
        'Closed markup the document cut in the message at line 31: closed “<code>onConnSucc” with “</code>” at the end of the message.',
      ],
      [32, 'info', 'import/notes-skipped', undefined, 'Skipped the closing notes “ご注意:” (lines 32–33).'],
    ]);
    for (const d of result.report) expect(d).toMatchObject({ locale: 'ja', place: { file: 'pipe-table.ja.txt' } });
  });
});

describe('pdf-text fixture (ko)', () => {
  const text = read('pdf-text.ko.txt');
  const result = importVendorDocument(text, { locale: 'ko', sourceName: 'pdf-text.ko.txt' });

  it('is detected as pdf-text', () => {
    expect(detectShape(text)).toBe('pdf-text');
    expect(result.shape).toBe('pdf-text');
  });

  it('writes the expected file, byte for byte', () => {
    expect(result.fileText).toBe(read('pdf-text.ko.expected.json'));
  });

  it('lists sections and keys in document order', () => {
    expect(result.sections).toEqual([
      { id: 'sdk-general', title: '일반 오류 코드', keys: ['6019', '6022', '9516', '9517', '6206', '6208'] },
      { id: 'server-message', title: '메시지 오류 코드', keys: ['10062', '120001-130000', '9518'] },
      { id: 'sdk-v3', title: 'IM SDK V3 버전 오류 코드', keys: ['6003'] },
    ]);
  });

  it('reports every repair and doubt at its line', () => {
    expect(rows(result.report)).toEqual([
      [2, 'info', 'import/cover-skipped', undefined, 'Skipped the cover page (lines 2–5) before the first part heading.'],
      [9, 'info', 'import/intro-skipped', undefined, 'Skipped the intro note “설명 :” (lines 9–11).'],
      [
        18,
        'info',
        'import/page-break-joined',
        '6019',
        'Joined a message split by a page break at line 18 (continuing line 16) with no space, because the break cut the word “데이|터베이스의”.',
      ],
      [
        20,
        'info',
        'import/page-break-joined',
        '6022',
        'Joined a message split by a page break at line 20 (continuing line 19) with a space, because the break fell between words.',
      ],
      [
        22,
        'info',
        'import/page-break-joined',
        '9516',
        'Joined a message split by a page break at line 22 (continuing line 21) with no space, because the break cut the tag “<cod|e>”.',
      ],
      [
        25,
        'warning',
        'import/page-break-ambiguous',
        '9517',
        'Joined a message split by a page break at line 25 (continuing line 23) with a space, but the data does not tell whether the break cut the word “data|base”.',
      ],
      [26, 'info', 'import/stray-separator', undefined, 'Dropped the stray separator line “-------⇥----” at line 26.'],
      [28, 'warning', 'import/empty-message', '6206', 'The vendor document leaves this message empty (line 28).'],
      [
        37,
        'warning',
        'import/duplicate-row',
        '10062',
        'The vendor document has a duplicated row at lines 36 and 37 with the same text; kept one.',
      ],
      [
        38,
        'info',
        'import/range-joined',
        '120001-130000',
        'Joined the code range 120001-130000, which the document splits over lines 38–41.',
      ],
      [
        43,
        'info',
        'import/markup-closed',
        '9518',
        'Closed markup the document cut in the message at line 43: completed the cut closing tag “</co” as “</code>”.',
      ],
      [50, 'info', 'import/notes-skipped', undefined, 'Skipped the closing notes “주의 :” (lines 50–52).'],
    ]);
    expect(result.report.find((d) => d.ruleId === 'import/range-joined')?.place).toEqual({
      file: 'pdf-text.ko.txt',
      line: 38,
      endLine: 41,
    });
  });

  it('gives the same bytes for the same input, also with CRLF line ends', () => {
    const again = importVendorDocument(text, { locale: 'ko', sourceName: 'pdf-text.ko.txt' });
    expect(again).toEqual(result);
    const crlf = importVendorDocument(text.replace(/\n/g, '\r\n'), { locale: 'ko', sourceName: 'pdf-text.ko.txt' });
    expect(crlf.fileText).toBe(result.fileText);
  });
});

describe('compareImportedKeys', () => {
  it('reports each key that only some locales have, against the file that has it', () => {
    const ja = importVendorDocument(read('pipe-table.ja.txt'), { locale: 'ja', sourceName: 'pipe-table.ja.txt' });
    const ko = importVendorDocument(read('pdf-text.ko.txt'), { locale: 'ko', sourceName: 'pdf-text.ko.txt' });
    const diffs = compareImportedKeys([
      { sourceName: 'pipe-table.ja.txt', result: ja },
      { sourceName: 'pdf-text.ko.txt', result: ko },
    ]);
    expect(diffs.every((d) => d.severity === 'warning' && d.ruleId === 'import/key-only-in-locale')).toBe(true);
    expect(diffs.map((d) => `${d.locale}:${d.key}`)).toEqual([
      'ja:4001',
      'ja:4002',
      'ja:4003',
      'ja:6011',
      'ja:6014',
      'ko:6019',
      'ko:6022',
      'ja:6026',
      'ja:6027',
      'ko:6208',
      'ko:9516',
      'ko:9517',
      'ko:9518',
      'ko:10062',
      'ja:20001',
      'ja:20002',
      'ja:20003',
      'ja:20004',
    ]);
    expect(diffs[0]).toEqual({
      ruleId: 'import/key-only-in-locale',
      severity: 'warning',
      message: 'The ja document has the key 4001, but the ko document does not.',
      place: { file: 'pipe-table.ja.txt' },
      locale: 'ja',
      key: '4001',
    });
  });
});

describe('doubts on unusual input', () => {
  const run = (text: string, shape?: 'pipe-table' | 'pdf-text') =>
    importVendorDocument(text, { locale: 'xx', sourceName: 'x.txt', ...(shape ? { shape } : {}) });
  const brief = (report: Diagnostic[]): string[] =>
    report.map((d) => `${d.place?.line} ${d.severity} ${d.ruleId}${d.key ? ` ${d.key}` : ''}`);

  it('files the rows of an unknown heading under a numbered section id', () => {
    const r = run('(2)サーバーのエラーコード\n謎のエラーコード\nエラーコード | 説明 |\n1 | a |\n');
    expect(r.sections).toEqual([{ id: 'server-section-1', title: '謎のエラーコード', keys: ['1'] }]);
    expect(brief(r.report)).toEqual(['2 warning import/unknown-heading']);
  });

  it('imports nothing, with a doubt, when there is no part heading', () => {
    const r = run('1\ta\n2\tb\n');
    expect(r.sections).toEqual([]);
    expect(brief(r.report)).toEqual(['1 warning import/no-part-heading']);
  });

  it('keeps a code whose range end is missing, as a doubt in the file', () => {
    const r = run('(3)IM SDK V3\n오류 코드\t설명\n120001\tx\n-\t\n\n다음\n');
    expect(r.sections[0].keys).toEqual(['120001']);
    expect(brief(r.report)).toEqual(['4 warning import/range-incomplete 120001', '6 warning import/unrecognized-line']);
    expect(JSON.parse(r.fileText).messages['120001'].doubts).toHaveLength(1);
  });

  it('prefers the non-empty row of a duplicate pair and leaves an open tag before more words as written', () => {
    const r = run('(三)V3\nエラーコード | 説明 |\n7 | |\n7 | b |\n8 | <code>a b |\n');
    const messages = JSON.parse(r.fileText).messages;
    expect(messages['7']).toEqual({
      text: 'b',
      doubts: ['The vendor document has two different rows for this code at lines 3 and 4; kept the one at line 4, as line 3 is empty.'],
    });
    expect(messages['8'].text).toBe('<code>a b');
    expect(brief(r.report)).toEqual(['4 warning import/duplicate-row 7', '5 warning import/markup-unclosed 8']);
  });
});
