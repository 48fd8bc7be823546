/**
 * `codebook import --from xliff`, end to end: the hazards catalog exported by
 * the xliff target, edited unit by unit as a translator's tool would, and
 * merged back into a copy of the ja source file. Checks the exact file text,
 * the changed keys and the exact diagnostics (rule, line, column).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXliff, XLIFF_IMPORT_RULES } from '../../../generator/import/xliff/index.js';
import { repoRoot } from '../../support/catalogs.js';
import { brief, deleteBlock, editBlock, exportXliff, insertBefore, lineOf, replaceOnce, sourceFile, where, withText } from './helpers.js';

const JA = 'locales/ja/messages.json';

/** The translator's session on the hazards ja file. */
function translatorEdits(xlf: string): string {
  // A ja text changed and marked reviewed.
  xlf = editBlock(xlf, 'unit', '6014', (b) =>
    replaceOnce(replaceOnce(b, 'ログインしていません。', 'ログインされていません。'), 'state="translated"', 'state="reviewed"'),
  );
  // A key without a ja text translated.
  xlf = editBlock(xlf, 'unit', '2', (b) =>
    replaceOnce(
      replaceOnce(b, '</source>', '</source>\n        <target>@home は参照ではありません。</target>'),
      'state="initial"',
      'state="translated"',
    ),
  );
  // A plural form edited.
  xlf = editBlock(xlf, 'group', '5', (b) =>
    replaceOnce(
      b,
      '<target>残り <ph id="1" equiv="#" disp="{count}"/> 件のファイル</target>',
      '<target>残りファイル: <ph id="1" equiv="#" disp="{count}"/> 件</target>',
    ),
  );
  // A placeholder removed: reported, not applied.
  xlf = editBlock(xlf, 'unit', '7', (b) =>
    replaceOnce(b, 'ユーザー <ph id="2" equiv="{user}" disp="{user}"/> がリクエスト', 'ユーザーがリクエスト'),
  );
  // Literal braces and an apostrophe that ICU needs quoted.
  xlf = editBlock(xlf, 'unit', '8', (b) =>
    replaceOnce(b, '<target>パーティー 🎉 と {波括弧}。</target>', "<target>パーティー 🎉 と {波括弧}！ '{'</target>"),
  );
  // A unit the catalog does not have.
  xlf = insertBefore(
    xlf,
    '<unit id="unknown">',
    '    <unit id="999">\n      <segment state="translated">\n        <source>Nine.</source>\n        <target>九。</target>\n      </segment>\n    </unit>\n',
  );
  // A unit deleted.
  return deleteBlock(xlf, 'unit', '-302');
}

describe('xliff import: a translator session on the hazards ja file', () => {
  it('applies the changed units surgically and reports every other unit exactly', async () => {
    const { catalog, files } = await exportXliff('hazards');
    const xlf = translatorEdits(files.get('ja')!);
    const target = sourceFile('hazards', JA);
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: target });

    expect(result.fileText).toBe(`{
  "$schema": "../../../../../schema/messages.schema.json",
  "locale": "ja",
  "sections": { "general": "一般", "hazards": "危険な文字" },
  "messages": {
    "-302": "接続数が多すぎます。後でもう一度お試しください。",
    "1": "「引用」& <b>太字</b>、100% 確実。",
    "2": "@home は参照ではありません。",
    "5": "{count, plural, other {残りファイル: # 件}}",
    "7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。",
    "8": "パーティー 🎉 と '{'波括弧'}'！ '''{'''",
    "6014": { "text": "ログインされていません。", "state": "reviewed" },
    "unknown": "不明なエラーです(コード {code})。"
  }
}
`);
    expect(result.changed).toEqual(['2', '5', '8', '6014']);
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/removed-unit ja.xlf:${lineOf(xlf, '<file id="errors">')}:3`,
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, 'ユーザーがリクエスト')}:9`,
      `xliff-import/unknown-unit ja.xlf:${lineOf(xlf, '<unit id="999">')}:5`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key, d.locale, d.message])).toEqual([
      ['warning', '-302', 'ja', 'Key -302 has no unit in the file; its ja translation is left as it is.'],
      ['error', '7', 'ja', `Unit 7: the target lacks the source's <ph id="2" equiv="{user}"/>.`],
      ['error', '999', 'ja', 'Unit 999 is not a key of the catalog; it is not imported.'],
    ]);
    // The new entry's text reads back as the translator's text, with the ICU quoting it needs.
    const reread = JSON.parse(result.fileText) as { messages: Record<string, string> };
    expect(reread.messages['8']).toBe("パーティー 🎉 と '{'波括弧'}'！ '''{'''");
    expect(result.diff).toBe(`--- ${JA}
+++ ${JA}
@@ -5,10 +5,11 @@
   "messages": {
     "-302": "接続数が多すぎます。後でもう一度お試しください。",
     "1": "「引用」& <b>太字</b>、100% 確実。",
-    "5": "{count, plural, other {残り # 件のファイル}}",
+    "2": "@home は参照ではありません。",
+    "5": "{count, plural, other {残りファイル: # 件}}",
     "7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。",
-    "8": "パーティー 🎉 と '{'波括弧'}'。",
-    "6014": "ログインしていません。",
+    "8": "パーティー 🎉 と '{'波括弧'}'！ '''{'''",
+    "6014": { "text": "ログインされていません。", "state": "reviewed" },
     "unknown": "不明なエラーです(コード {code})。"
   }
 }
`);
  });

  it('imports the same result again as no change (the file now matches the XLIFF)', async () => {
    const { catalog, files } = await exportXliff('hazards');
    const first = importXliff(translatorEdits(files.get('ja')!), { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('hazards', JA) });
    // The catalog as it would be after the first import: export it and import that unedited.
    let next = catalog;
    next = withText(next, '2', 'ja', '@home は参照ではありません。');
    next = withText(next, '5', 'ja', '{count, plural, other {残りファイル: # 件}}');
    next = withText(next, '8', 'ja', "パーティー 🎉 と '{'波括弧'}'！ '''{'''");
    next = withText(next, '6014', 'ja', 'ログインされていません。', 'reviewed');
    const again = importXliff((await exportXliff('hazards', next)).files.get('ja')!, {
      xliffName: 'ja.xlf',
      catalog: next,
      targetFile: { path: JA, text: first.fileText },
    });
    expect(again).toEqual({ fileText: first.fileText, diff: '', changed: [], diagnostics: [] });
  });
});

describe('xliff import: round trip identity', () => {
  for (const [scenario, file] of [
    ['hazards', (locale: string) => `locales/${locale}/messages.json`],
    // The last layer file a locale has: zh-Hans has no corrections.
    [
      'default',
      (locale: string) =>
        `locales/${locale}/${existsSync(join(repoRoot, 'locales', locale, 'corrections.json')) ? 'corrections' : 'messages'}.json`,
    ],
  ] as const) {
    it(`an unedited export of the ${scenario} catalog changes nothing in any locale`, async () => {
      const { catalog, files } = await exportXliff(scenario);
      expect(files.size).toBeGreaterThan(0);
      for (const [locale, xlf] of files) {
        const target = sourceFile(scenario, file(locale));
        const result = importXliff(xlf, {
          xliffName: `${locale}.xlf`,
          catalog,
          targetFile: target,
          readSource: (path) => sourceFile(scenario, path).text,
        });
        expect(result, locale).toEqual({ fileText: target.text, diff: '', changed: [], diagnostics: [] });
      }
    });
  }

  it('an unedited default ja export changes nothing in any ja layer file', async () => {
    const { catalog, files } = await exportXliff('default');
    for (const path of ['locales/ja/messages.json', 'locales/ja/vendor.json', 'locales/ja/corrections.json']) {
      const target = sourceFile('default', path);
      expect(importXliff(files.get('ja')!, { xliffName: 'ja.xlf', catalog, targetFile: target })).toEqual({
        fileText: target.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
    }
  });
});

describe('xliff import: user texts (the user file)', () => {
  const USER = 'locales/ja/user.json';
  const readSource = (path: string) => sourceFile('default', path).text;

  it('writes a changed shared user text into the user section of the file that defines it, and nothing else', async () => {
    const { catalog, files } = await exportXliff('default');
    const text = catalog.userTexts!.find((t) => t.id === 'busy')!;
    const old = text.translations.ja!.text;
    const xlf = files.get('ja')!;
    const edited =
      xlf.slice(0, xlf.indexOf('<file id="user">')) +
      editBlock(xlf.slice(xlf.indexOf('<file id="user">')), 'unit', 'busy', (b) =>
        replaceOnce(b, `<target>${old}</target>`, '<target>ただいま大変混み合っています。</target>'),
      );
    const target = sourceFile('default', 'locales/ja/corrections.json');
    const result = importXliff(edited, { xliffName: 'ja.xlf', catalog, targetFile: target, readSource });
    expect(result.diagnostics).toEqual([]);
    expect([result.fileText, result.diff, result.changed]).toEqual([target.text, '', ['user:busy']]);
    const before = readSource(USER);
    const entry = `    "busy": ${JSON.stringify(old)},`;
    expect(result.userFiles).toEqual([
      {
        path: USER,
        text: before,
        fileText: replaceOnce(before, entry, '    "busy": "ただいま大変混み合っています。",'),
        diff: expect.stringContaining(`-${entry}`),
      },
    ]);
    expect((JSON.parse(result.userFiles![0].fileText) as { user: Record<string, string> }).user.busy).toBe(
      'ただいま大変混み合っています。',
    );
    // A state-only change keeps the spelling and writes the object form.
    const reviewed =
      xlf.slice(0, xlf.indexOf('<file id="user">')) +
      editBlock(xlf.slice(xlf.indexOf('<file id="user">')), 'unit', 'busy', (b) =>
        replaceOnce(b, 'state="translated"', 'state="reviewed"'),
      );
    const state = importXliff(reviewed, { xliffName: 'ja.xlf', catalog, targetFile: target, readSource });
    expect(state.userFiles![0].fileText).toBe(
      replaceOnce(before, entry, `    "busy": { "text": ${JSON.stringify(old)}, "state": "reviewed" },`),
    );
  });

  it('reports an unknown user id and a placeholder removed from a user text; applies neither', async () => {
    const { catalog, files } = await exportXliff('default');
    let xlf = insertBefore(
      files.get('ja')!,
      '<unit id="busy">',
      '    <unit id="no-such-text">\n      <segment state="translated">\n        <source>Nope.</source>\n        <target>いいえ。</target>\n      </segment>\n    </unit>\n',
    );
    const user = xlf.indexOf('<file id="user">');
    xlf =
      xlf.slice(0, user) +
      editBlock(xlf.slice(user), 'unit', 'unknown', (b) =>
        replaceOnce(b, '（エラー <ph id="1" equiv="{code}" disp="{code}"/>）', '（エラー）'),
      );
    const result = importXliff(xlf, {
      xliffName: 'ja.xlf',
      catalog,
      targetFile: sourceFile('default', 'locales/ja/corrections.json'),
      readSource,
    });
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/unknown-unit ja.xlf:${lineOf(xlf, '<unit id="no-such-text">')}:5`,
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, '（エラー）')}:9`,
    ]);
    expect(result.diagnostics.map((d) => [d.key, d.message])).toEqual([
      ['user:no-such-text', 'Unit no-such-text is not a user text of the catalog; it is not imported.'],
      ['user:unknown', `Unit unknown: the target lacks the source's <ph id="1" equiv="{code}"/>.`],
    ]);
    expect([result.changed, result.userFiles]).toEqual([[], undefined]);
  });

  it("a user text the locale has none of yet goes to the locale file of the source text's layer", async () => {
    const { catalog } = await exportXliff('default');
    const without = {
      ...catalog,
      userTexts: catalog.userTexts!.map((t) => (t.id === 'busy' ? { ...t, translations: { en: t.translations.en! } } : t)),
    };
    const { files } = await exportXliff('default', without);
    const xlf = files.get('ja')!;
    const user = xlf.indexOf('<file id="user">');
    const edited =
      xlf.slice(0, user) +
      editBlock(xlf.slice(user), 'unit', 'busy', (b) =>
        replaceOnce(
          replaceOnce(b, '</source>', '</source>\n        <target>混雑中です。</target>'),
          'state="initial"',
          'state="translated"',
        ),
      );
    const texts = new Map([[USER, '{\n  "locale": "ja",\n  "user": {\n    "a": "x",\n    "c": "y"\n  }\n}\n']]);
    const result = importXliff(edited, {
      xliffName: 'ja.xlf',
      catalog: without,
      targetFile: sourceFile('default', 'locales/ja/corrections.json'),
      readSource: (p) => texts.get(p) ?? readSource(p),
    });
    expect(result.changed).toEqual(['user:busy']);
    expect(result.userFiles!.map((f) => [f.path, f.fileText])).toEqual([
      [USER, '{\n  "locale": "ja",\n  "user": {\n    "a": "x",\n    "busy": "混雑中です。",\n    "c": "y"\n  }\n}\n'],
    ]);
    // A file without a user section gets one; --out takes it instead.
    const out = importXliff(edited, {
      xliffName: 'ja.xlf',
      catalog: without,
      targetFile: { path: 'fixes.json', text: '{\n  "locale": "ja",\n  "messages": {}\n}\n' },
      targetNamed: true,
      readSource,
    });
    expect([out.fileText, out.userFiles]).toEqual([
      '{\n  "locale": "ja",\n  "messages": {},\n  "user": {\n    "busy": "混雑中です。"\n  }\n}\n',
      undefined,
    ]);
  });
});

describe('xliff import: what is applied', () => {
  it('a state-only change keeps the current spelling of the text', async () => {
    const { catalog, files } = await exportXliff('hazards');
    const xlf = editBlock(files.get('ja')!, 'unit', '8', (b) => replaceOnce(b, 'state="translated"', 'state="final"'));
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('hazards', JA) });
    expect(result.changed).toEqual(['8']);
    expect(result.diagnostics).toEqual([]);
    expect(result.diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      `-    "8": "パーティー 🎉 と '{'波括弧'}'。",`,
      `+    "8": { "text": "パーティー 🎉 と '{'波括弧'}'。", "state": "final" },`,
    ]);
  });

  it('the same text spelled differently is no change', async () => {
    const { catalog } = await exportXliff('hazards');
    // The catalog spells the braces one way; the XLIFF shows only the text, which the import would quote another way.
    const respelled = withText(catalog, '8', 'ja', "パーティー 🎉 と '{波括弧}'。");
    const { files } = await exportXliff('hazards', respelled);
    const result = importXliff(files.get('ja')!, { xliffName: 'ja.xlf', catalog: respelled, targetFile: sourceFile('hazards', JA) });
    expect(result.changed).toEqual([]);
  });

  it('translates a plural group with an exact form into one ICU plural, exact selectors first', async () => {
    const { catalog, files } = await exportXliff('hazards');
    let xlf = files.get('ja')!;
    xlf = editBlock(xlf, 'unit', '6.exact0', (b) =>
      replaceOnce(
        replaceOnce(b, '</source>', '</source>\n          <target>リトライできません。</target>'),
        'state="initial"',
        'state="translated"',
      ),
    );
    xlf = editBlock(xlf, 'unit', '6.other', (b) =>
      replaceOnce(
        replaceOnce(b, '</source>', '</source>\n          <target>あと <ph id="1" equiv="#" disp="{count}"/> 回 {#}</target>'),
        'state="initial"',
        'state="reviewed"',
      ),
    );
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('hazards', JA) });
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['6']);
    // The group's state is its least advanced form's; `#` and braces of literal text are quoted inside the plural.
    expect(result.diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      `+    "6": "{count, plural, =0 {リトライできません。} other {あと # 回 '{#}'}}",`,
    ]);
  });

  it('reads segments split by a CAT tool, <mrk>, CDATA, character references and <cp> as one text', async () => {
    const { catalog, files } = await exportXliff('hazards');
    const xlf = editBlock(files.get('ja')!, 'unit', '6014', () =>
      [
        '    <unit id="6014">',
        '      <segment state="reviewed">',
        '        <source>You are not</source>',
        '        <target><mrk id="m1" translate="yes">ログイン</mrk>して<![CDATA[<いません>]]></target>',
        '      </segment>',
        '      <ignorable><source> </source></ignorable>',
        '      <segment state="final">',
        '        <source>logged in.</source>',
        '        <target>&#x3002;&#13;<cp hex="0007"/>&amp;&apos;</target>',
        '      </segment>',
        '    </unit>',
        '',
      ].join('\n'),
    );
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('hazards', JA) });
    expect(result.diagnostics).toEqual([]);
    const entry = (JSON.parse(result.fileText) as { messages: Record<string, unknown> }).messages['6014'];
    expect(entry).toEqual({ text: "ログインして<いません> 。\r\u0007&'", state: 'reviewed' });
  });
});

describe('xliff import: diagnostics', () => {
  async function run(edit: (xlf: string) => string, options: { locale?: string; target?: { path: string; text: string } } = {}) {
    const { catalog, files } = await exportXliff('hazards');
    const xlf = edit(files.get(options.locale ?? 'ja')!);
    return { xlf, result: importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: options.target ?? sourceFile('hazards', JA) }) };
  }

  it('an added <ph> and an edited equiv, each at the <ph>', async () => {
    const { xlf, result } = await run((x) =>
      editBlock(x, 'unit', '7', (b) =>
        replaceOnce(
          replaceOnce(b, '件に達しました。</target>', '件 <ph id="3" equiv="{extra}" disp="{extra}"/>に達しました。</target>'),
          '上限 <ph id="1" equiv="{limit, number}" disp="{limit}"/>',
          '上限 <ph id="1" equiv="{limit}" disp="{limit}"/>',
        ),
      ),
    );
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, '<ph id="1" equiv="{limit}"')}:${where(xlf, '<ph id="1" equiv="{limit}"').column}`,
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, '<ph id="3"')}:${where(xlf, '<ph id="3"').column}`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `Unit 7: the target's <ph id="1"> has equiv "{limit}"; the source's is "{limit, number}".`,
      'Unit 7: the target adds <ph id="3" equiv="{extra}"/>, which its source does not have.',
    ]);
    expect(result.changed).toEqual([]);
  });

  it('an empty target is no translation: noted, never written as ""', async () => {
    const { xlf, result } = await run((x) => {
      x = editBlock(x, 'unit', '3', (b) => replaceOnce(b, '</source>', '</source>\n        <target></target>'));
      return editBlock(x, 'unit', '6014', (b) => replaceOnce(b, '<target>ログインしていません。</target>', '<target/>'));
    });
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/empty-target ja.xlf:${lineOf(xlf, '<unit id="3">')}:5`,
      `xliff-import/cleared-target ja.xlf:${lineOf(xlf, '<unit id="6014">')}:5`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['info', 'Unit 3 comes back with an empty target: no translation, nothing is written.'],
      ['warning', 'Unit 6014 comes back with an empty target; the current ja translation is kept.'],
    ]);
    expect(result.changed).toEqual([]);
    expect(result.diff).toBe('');
  });

  it('a bad state, markup it cannot hold, a repeated unit', async () => {
    const { xlf, result } = await run((x) => {
      x = editBlock(x, 'unit', '1', (b) => replaceOnce(b, 'state="translated"', 'state="signed-off"'));
      x = editBlock(x, 'unit', '6014', (b) =>
        replaceOnce(b, '<target>ログインしていません。</target>', '<target><pc id="b">ログイン</pc>していません。</target>'),
      );
      return insertBefore(
        x,
        '<unit id="unknown">',
        '    <unit id="2"><segment state="translated"><source>@home is not a reference.</source><target>@home</target></segment></unit>\n',
      );
    });
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/invalid-state ja.xlf:${lineOf(xlf, 'state="signed-off"')}:7`,
      `xliff-import/unsupported-content ja.xlf:${lineOf(xlf, '<pc id="b">')}:17`,
      `xliff-import/duplicate-unit ja.xlf:${lineOf(xlf, '<unit id="2"><segment')}:5`,
    ]);
    expect(result.diagnostics[2].notes).toEqual([
      { message: 'first given here', place: { file: 'ja.xlf', line: lineOf(xlf, '<unit id="2">\n'), column: 5 } },
    ]);
    expect(result.changed).toEqual([]);
  });

  it('a plural group without a category the locale needs, and an unknown selector', async () => {
    const ru = { path: 'locales/ru/messages.json', text: sourceFile('hazards', 'locales/ru/messages.json').text };
    const { xlf, result } = await run(
      (x) => {
        x = editBlock(x, 'unit', '5.few', (b) => replaceOnce(b, /<target>.*<\/target>/.exec(b)![0], '<target/>'));
        x = editBlock(x, 'unit', '5.other', (b) => replaceOnce(b, 'Осталось <ph', 'Ещё <ph'));
        return editBlock(x, 'unit', '6.many', (b) => replaceOnce(b, 'name="many"', 'name="several"'));
      },
      { locale: 'ru', target: ru },
    );
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/incomplete-plural ja.xlf:${lineOf(xlf, '<group id="5"')}:5`,
      `xliff-import/plural-group ja.xlf:${lineOf(xlf, 'name="several"')}:7`,
    ]);
    expect(result.diagnostics[0].message).toBe(
      'Plural group 5 translates one, many, other but not few, which ru needs; it is not imported.',
    );
    expect(result.fileText).toBe(ru.text);
  });

  it('a plural form may drop the plural argument, but the group must keep every other argument', async () => {
    const { result } = await run((x) =>
      editBlock(x, 'group', '5', (b) =>
        replaceOnce(b, '残り <ph id="1" equiv="#" disp="{count}"/> 件のファイル', '残りのファイルがあります'),
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['5']);

    const { catalog } = await exportXliff('hazards');
    let plural = withText(
      catalog,
      '7',
      'en',
      '{limit, plural, one {User {user} reached # request.} other {User {user} reached # requests.}}',
    );
    plural = withText(plural, '7', 'ja', '{limit, plural, other {ユーザー {user} が # 件に達しました。}}');
    const exported = (await exportXliff('hazards', plural)).files.get('ja')!;
    const xlf = editBlock(exported, 'group', '7', (b) =>
      replaceOnce(b, 'ユーザー <ph id="2" equiv="{user}" disp="{user}"/> が', 'ユーザーが'),
    );
    const dropped = importXliff(xlf, { xliffName: 'ja.xlf', catalog: plural, targetFile: sourceFile('hazards', JA) });
    expect(brief(dropped.diagnostics)).toEqual([`xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, 'ユーザーが')}:11`]);
    expect(dropped.diagnostics[0].message).toBe(`Unit 7: the target lacks the source's <ph id="2" equiv="{user}"/>.`);
  });

  it('a translation made for an older source is imported with a warning', async () => {
    const { xlf, result } = await run((x) =>
      editBlock(x, 'unit', '6014', (b) =>
        replaceOnce(replaceOnce(b, 'You are not logged in.', 'You are logged out.'), 'ログインしていません。', 'ログアウトしました。'),
      ),
    );
    expect(brief(result.diagnostics)).toEqual([`xliff-import/stale-source ja.xlf:${lineOf(xlf, '<unit id="6014">')}:5`]);
    expect(result.changed).toEqual(['6014']);
  });

  it('languages: a trgLang the catalog lacks, a file of another locale, a wrong srcLang', async () => {
    const other = await run((x) => replaceOnce(x, 'trgLang="ja"', 'trgLang="de"'));
    expect(brief(other.result.diagnostics)).toEqual(['xliff-import/unknown-locale ja.xlf:3:1']);
    expect(other.result.diagnostics[0].message).toBe(
      'trgLang "de" is not a target locale of the catalog (ar, fr, ja, ko, pt-BR, ru, zh-Hans).',
    );
    const ko = await run((x) => x, { locale: 'ko' });
    expect(brief(ko.result.diagnostics)).toEqual(['xliff-import/locale-mismatch ja.xlf:3:1']);
    expect(ko.result.diagnostics[0].notes).toEqual([
      { message: 'the locale of the file', place: { file: JA, line: 3, column: 13, pointer: '/locale' } },
    ]);
    const src = await run((x) => replaceOnce(x, 'srcLang="en"', 'srcLang="en-US"'));
    expect(brief(src.result.diagnostics)).toEqual(['xliff-import/source-language ja.xlf:3:1']);
    for (const r of [other.result, ko.result, src.result]) expect([r.fileText, r.changed]).toEqual([sourceFile('hazards', JA).text, []]);
  });

  it('not XML, not XLIFF 2.0, an undefined entity', async () => {
    const broken = await run((x) => x.replace('</file>', ''));
    expect(brief(broken.result.diagnostics)).toEqual([`xliff-import/syntax ja.xlf:${lineOf(broken.xlf, '</xliff>')}:1`]);
    expect(broken.result.diagnostics[0].message).toBe(
      "Not well-formed XML: Expected closing tag 'file' (opened in line 4, col 3) instead of closing tag 'xliff'.",
    );
    expect(brief((await run((x) => x.replace('version="2.0"', 'version="1.2"'))).result.diagnostics)).toEqual([
      'xliff-import/not-xliff ja.xlf:3:1',
    ]);
    const entity = await run((x) => replaceOnce(x, 'ログインしていません。</target>', 'ログイン&nbsp;</target>'));
    expect(brief(entity.result.diagnostics)).toEqual([`xliff-import/syntax ja.xlf:${lineOf(entity.xlf, '&nbsp;')}:9`]);
    expect(entity.result.diagnostics[0].message).toBe('The entity &nbsp; is not defined in XML.');
  });

  it('a change the target file cannot make: the key comes from a later layer', async () => {
    const { catalog, files } = await exportXliff('default');
    const key = catalog.messages.find(
      (m) => m.translations.ja?.origin.file === 'locales/ja/vendor.json' && m.translations.ja.text.length > 3,
    )!.key;
    const xlf = editBlock(files.get('ja')!, 'unit', key, (b) => b.replace(/<target>/, '<target>★'));
    const layers = ['registry', 'project', 'vendor', 'corrections'];
    const result = importXliff(xlf, {
      xliffName: 'ja.xlf',
      catalog,
      targetFile: sourceFile('default', 'locales/ja/messages.json'),
      layers,
    });
    expect(brief(result.diagnostics)).toEqual([`xliff-import/shadowed ja.xlf:${lineOf(xlf, `<unit id="${key}">`)}:5`]);
    expect(result.changed).toEqual([]);
    // Into the last layer, the same edit applies.
    const corrections = importXliff(xlf, {
      xliffName: 'ja.xlf',
      catalog,
      targetFile: sourceFile('default', 'locales/ja/corrections.json'),
      layers,
    });
    expect([corrections.changed, corrections.diagnostics]).toEqual([[key], []]);
  });

  it('a message that does not read back as ICU (an equiv broken on both sides)', async () => {
    const { xlf, result } = await run((x) =>
      editBlock(x, 'unit', 'unknown', (b) => b.replace(/equiv="\{code\}"/g, 'equiv="{code"').replace('不明なエラーです', '不明なエラー')),
    );
    expect(brief(result.diagnostics)).toEqual([`xliff-import/icu-syntax ja.xlf:${lineOf(xlf, '<target>不明なエラー(')}:9`]);
    expect(result.diagnostics[0].message).toBe(
      'Unit unknown does not read back as ICU MessageFormat (an argument name is malformed): "不明なエラー(コード {code)。"; it is not imported.',
    );
  });

  it('every rule has a severity, an explanation and a case in these tests', () => {
    const dir = join(repoRoot, 'test/import/xliff');
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, rule] of Object.entries(XLIFF_IMPORT_RULES)) {
      expect(id).toMatch(/^xliff-import\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(tests, id).toContain(id);
    }
  });
});
