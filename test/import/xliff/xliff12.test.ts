/**
 * `codebook import` of XLIFF 1.2: the hazards catalog exported by the xliff
 * target with `"xliff": { "version": "1.2" }`, edited trans-unit by
 * trans-unit as a translator's tool would, and merged back. The same
 * contract as 2.0 (import.test.ts): the exact file text, the changed keys,
 * the exact diagnostics; plus what only 1.2 has: its states (both ways),
 * `approved`, `<x equiv-text/>`, the languages on every `<file>`, and a file
 * rewritten by translate-toolkit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TranslationState } from '../../../generator/catalog/model.js';
import { importXliff, xliffLanguages } from '../../../generator/import/xliff/index.js';
import { haveTools } from '../../support/toolchain.js';
import { brief, deleteBlock, editBlock, exportXliff, insertBefore, lineOf, replaceOnce, sourceFile, where, withText } from './helpers.js';

const JA = 'locales/ja/messages.json';

async function export12(catalog?: Parameters<typeof exportXliff>[1]) {
  return exportXliff('hazards', catalog, '1.2');
}

/** The hazards ja 1.2 export, edited, imported into the ja source file. */
async function run(edit: (xlf: string) => string, options: { locale?: string; target?: { path: string; text: string } } = {}) {
  const { catalog, files } = await export12();
  const xlf = edit(files.get(options.locale ?? 'ja')!);
  return { xlf, result: importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: options.target ?? sourceFile('hazards', JA) }) };
}

/** The translator's session of import.test.ts, in 1.2. */
function translatorEdits(xlf: string): string {
  // A ja text changed and signed off.
  xlf = editBlock(xlf, 'trans-unit', '6014', (b) =>
    replaceOnce(replaceOnce(b, 'ログインしていません。', 'ログインされていません。'), 'state="translated"', 'state="signed-off"'),
  );
  // A key without a ja text translated (a tool adds the target, its state and approves it).
  xlf = editBlock(xlf, 'trans-unit', '2', (b) =>
    replaceOnce(
      replaceOnce(b, '</source>', '</source>\n        <target state="translated">@home は参照ではありません。</target>'),
      'resname="2"',
      'resname="2" approved="yes"',
    ),
  );
  // A plural form edited.
  xlf = editBlock(xlf, 'group', '5', (b) =>
    replaceOnce(
      b,
      '<target state="translated">残り <ph id="1">#</ph> 件のファイル</target>',
      '<target state="translated">残りファイル: <ph id="1">#</ph> 件</target>',
    ),
  );
  // A placeholder removed: reported, not applied.
  xlf = editBlock(xlf, 'trans-unit', '7', (b) => replaceOnce(b, 'ユーザー <ph id="2">{user}</ph> がリクエスト', 'ユーザーがリクエスト'));
  // Literal braces and an apostrophe that ICU needs quoted.
  xlf = editBlock(xlf, 'trans-unit', '8', (b) =>
    replaceOnce(b, '>パーティー 🎉 と {波括弧}。</target>', ">パーティー 🎉 と {波括弧}！ '{'</target>"),
  );
  // A unit the catalog does not have.
  xlf = insertBefore(
    xlf,
    '<trans-unit id="unknown"',
    '      <trans-unit id="999" resname="999" approved="yes">\n        <source>Nine.</source>\n        <target state="translated">九。</target>\n      </trans-unit>\n',
  );
  // A unit deleted.
  return deleteBlock(xlf, 'trans-unit', '-302');
}

describe('xliff 1.2 import: a translator session on the hazards ja file', () => {
  it('applies the changed units surgically and reports every other unit exactly, as for 2.0', async () => {
    const { catalog, files } = await export12();
    const xlf = translatorEdits(files.get('ja')!);
    const result = importXliff(xlf, { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('hazards', JA) });
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
      `xliff-import/removed-unit ja.xlf:${lineOf(xlf, '<file original="errors"')}:3`,
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, 'ユーザーがリクエスト')}:9`,
      `xliff-import/unknown-unit ja.xlf:${lineOf(xlf, '<trans-unit id="999"')}:7`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key, d.locale, d.message])).toEqual([
      ['warning', '-302', 'ja', 'Key -302 has no unit in the file; its ja translation is left as it is.'],
      ['error', '7', 'ja', `Unit 7: the target lacks the source's <ph id="2">{user}</ph>.`],
      ['error', '999', 'ja', 'Unit 999 is not a key of the catalog; it is not imported.'],
    ]);
  });

  it('an unedited 1.2 export changes nothing in any locale of the hazards and the default catalog', async () => {
    for (const scenario of ['hazards', 'default'] as const) {
      const { catalog, files } = await exportXliff(scenario, undefined, '1.2');
      for (const [locale, xlf] of files) {
        const path =
          scenario === 'hazards'
            ? `locales/${locale}/messages.json`
            : ['ja', 'ko'].includes(locale)
              ? `locales/${locale}/corrections.json`
              : `locales/${locale}/messages.json`;
        const target = sourceFile(scenario, path);
        const result = importXliff(xlf, {
          xliffName: `${locale}.xlf`,
          catalog,
          targetFile: target,
          readSource: (p) => sourceFile(scenario, p).text,
        });
        expect(result, `${scenario} ${locale}`).toEqual({ fileText: target.text, diff: '', changed: [], diagnostics: [] });
      }
    }
  });

  it('a changed user text of <file original="user"> goes to the user section that defines it', async () => {
    const { catalog, files } = await exportXliff('default', undefined, '1.2');
    const text = catalog.userTexts!.find((t) => t.id === 'busy')!;
    const old = text.translations.ja!.text;
    const xlf = files.get('ja')!;
    const user = xlf.indexOf('<file original="user"');
    const edited =
      xlf.slice(0, user) +
      editBlock(xlf.slice(user), 'trans-unit', 'busy', (b) =>
        replaceOnce(b, `>${old}</target>`, '>ただいま大変混み合っています。</target>'),
      );
    const readSource = (path: string) => sourceFile('default', path).text;
    const result = importXliff(edited, {
      xliffName: 'ja.xlf',
      catalog,
      targetFile: sourceFile('default', 'locales/ja/corrections.json'),
      readSource,
    });
    expect([result.diagnostics, result.changed]).toEqual([[], ['user:busy']]);
    const before = readSource('locales/ja/user.json');
    expect(result.userFiles!.map((f) => f.fileText)).toEqual([
      replaceOnce(before, `    "busy": ${JSON.stringify(old)},`, '    "busy": "ただいま大変混み合っています。",'),
    ]);
  });
});

describe('xliff 1.2 import: states', () => {
  const cases: [string, string, TranslationState | 'unchanged'][] = [
    ['new', ' approved="no"', 'initial'],
    ['needs-translation', ' approved="no"', 'initial'],
    ['needs-adaptation', '', 'initial'],
    ['needs-l10n', '', 'initial'],
    ['needs-review-translation', ' approved="no"', 'initial'],
    ['needs-review-adaptation', '', 'initial'],
    ['needs-review-l10n', '', 'initial'],
    ['translated', ' approved="no"', 'unchanged'],
    ['signed-off', ' approved="yes"', 'reviewed'],
    ['final', ' approved="yes"', 'final'],
    // `state` decides, whatever `approved` says.
    ['signed-off', ' approved="no"', 'reviewed'],
  ];
  for (const [state, approved, expected] of cases) {
    it(`<target state="${state}">${approved ? ` with${approved}` : ''} is ${expected === 'unchanged' ? 'translated (no change)' : expected}`, async () => {
      const { result } = await run((x) =>
        editBlock(x, 'trans-unit', '6014', (b) =>
          replaceOnce(replaceOnce(b, 'state="translated"', `state="${state}"`), ' approved="yes"', approved),
        ),
      );
      expect(result.diagnostics).toEqual([]);
      if (expected === 'unchanged') expect(result.changed).toEqual([]);
      else
        expect(result.diff.split('\n').filter((l) => l.startsWith('+ '))).toEqual([
          `+    "6014": { "text": "ログインしていません。", "state": "${expected}" },`,
        ]);
    });
  }

  it('a target without a state: translated when approved="yes", else initial', async () => {
    const kept = await run((x) => editBlock(x, 'trans-unit', '6014', (b) => replaceOnce(b, ' state="translated"', '')));
    expect([kept.result.diagnostics, kept.result.changed]).toEqual([[], []]);
    const draft = await run((x) =>
      editBlock(x, 'trans-unit', '6014', (b) => replaceOnce(replaceOnce(b, ' state="translated"', ''), ' approved="yes"', '')),
    );
    expect(draft.result.changed).toEqual(['6014']);
    expect(draft.result.fileText).toContain('"6014": { "text": "ログインしていません。", "state": "initial" },');
  });

  it('the export maps back: every catalog state survives a 1.2 round trip', async () => {
    const { catalog } = await export12();
    const states: [string, TranslationState][] = [
      ['6014', 'initial'],
      ['-302', 'reviewed'],
      ['1', 'final'],
      ['8', 'translated'],
    ];
    let changed = catalog;
    for (const [key, state] of states)
      changed = withText(changed, key, 'ja', changed.messages.find((m) => m.key === key)!.translations.ja!.text, state);
    const xlf = (await export12(changed)).files.get('ja')!;
    expect(xlf).toContain('<target state="needs-review-translation">ログインしていません。</target>');
    const empty = { path: JA, text: '{\n  "locale": "ja",\n  "messages": {}\n}\n' };
    const result = importXliff(xlf, {
      xliffName: 'ja.xlf',
      catalog: { ...catalog, messages: catalog.messages.map((m) => ({ ...m, translations: { en: m.translations.en! } })) },
      targetFile: empty,
    });
    const written = JSON.parse(result.fileText) as { messages: Record<string, string | { state: string }> };
    for (const [key, state] of states)
      expect(typeof written.messages[key] === 'string' ? 'translated' : (written.messages[key] as { state: string }).state, key).toBe(
        state,
      );
  });

  it('a state 1.2 does not define (an x- extension) is reported at its target', async () => {
    const { xlf, result } = await run((x) =>
      editBlock(x, 'trans-unit', '1', (b) => replaceOnce(b, 'state="translated"', 'state="x-checked"')),
    );
    expect(brief(result.diagnostics)).toEqual([`xliff-import/invalid-state ja.xlf:${lineOf(xlf, 'state="x-checked"')}:9`]);
    expect(result.diagnostics[0].message).toMatch(
      /^Unit 1: state "x-checked" is not an XLIFF 1\.2 state \(new, needs-translation, .*, signed-off, final\); it is not imported\.$/,
    );
  });
});

describe('xliff 1.2 import: placeholders and inline markup', () => {
  it('reads <x id equiv-text/> as the argument it spells, and <mrk> as transparent', async () => {
    const { result } = await run((x) =>
      editBlock(x, 'trans-unit', '7', (b) =>
        replaceOnce(
          b,
          'ユーザー <ph id="2">{user}</ph> がリクエスト上限',
          'ユーザー <x id="2" equiv-text="{user}"/> が<mrk mtype="seg" mid="0">リクエストの</mrk>上限',
        ),
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.diff.split('\n').filter((l) => l.startsWith('+ '))).toEqual([
      '+    "7": "ユーザー {user} がリクエストの上限 {limit, number} 件に達しました。",',
    ]);
  });

  it('a <ph> whose content is edited, at the <ph>; markup 1.2 has and a catalog cannot hold, at the element', async () => {
    const { xlf, result } = await run((x) => {
      x = editBlock(x, 'trans-unit', '7', (b) =>
        replaceOnce(b, '上限 <ph id="1">{limit, number}</ph> 件', '上限 <ph id="1">{limit}</ph> 件'),
      );
      x = editBlock(x, 'trans-unit', 'unknown', (b) =>
        replaceOnce(b, '<ph id="1">{code}</ph>)。</target>', '<x id="1" equiv-text="{code, number}"/>)。</target>'),
      );
      x = editBlock(x, 'trans-unit', '6014', (b) =>
        replaceOnce(b, '>ログインしていません。</target>', '><g id="b">ログイン</g>していません。</target>'),
      );
      return editBlock(x, 'trans-unit', '8', (b) =>
        replaceOnce(b, '>パーティー 🎉 と {波括弧}。</target>', '>パーティー <ph id="9">🎉<sub>x</sub></ph> と {波括弧}。</target>'),
      );
    });
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, '<ph id="1">{limit}</ph>')}:${where(xlf, '<ph id="1">{limit}</ph>').column}`,
      `xliff-import/unsupported-content ja.xlf:${lineOf(xlf, '<ph id="9">')}:${where(xlf, '<ph id="9">').column}`,
      `xliff-import/unsupported-content ja.xlf:${lineOf(xlf, '<g id="b">')}:${where(xlf, '<g id="b">').column}`,
      `xliff-import/placeholder-mismatch ja.xlf:${lineOf(xlf, '<x id="1"')}:${where(xlf, '<x id="1"').column}`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `Unit 7: the target's <ph id="1"> holds "{limit}"; the source's is "{limit, number}".`,
      '<ph> holds markup, not the ICU spelling of an argument. Unit 8 is not imported.',
      '<g> is markup a catalog message cannot hold; write the text without it. Unit 6014 is not imported.',
      `Unit unknown: the target's <x id="1"> has equiv-text "{code, number}"; the source's is "{code}".`,
    ]);
    expect(result.changed).toEqual([]);
  });

  it('a plural group: a form edited, a category missing, a trans-unit whose id names no selector', async () => {
    const ru = sourceFile('hazards', 'locales/ru/messages.json');
    const { xlf, result } = await run(
      (x) => {
        x = editBlock(x, 'trans-unit', '5.few', (b) =>
          replaceOnce(b, /<target state="translated">.*<\/target>/.exec(b)![0], '<target state="translated"/>'),
        );
        return editBlock(x, 'trans-unit', '6.many', (b) => replaceOnce(b, 'id="6.many"', 'id="6.several"'));
      },
      { locale: 'ru', target: ru },
    );
    expect(brief(result.diagnostics)).toEqual([
      `xliff-import/incomplete-plural ja.xlf:${lineOf(xlf, '<group id="5"')}:7`,
      `xliff-import/plural-group ja.xlf:${lineOf(xlf, 'id="6.several"')}:9`,
    ]);
    expect(result.diagnostics[1].message).toBe(
      'Plural group 6: trans-unit 6.several has no plural selector (an id 6.<category> or 6.exact<N>); the group is not imported.',
    );
    const edited = await run((x) =>
      editBlock(x, 'group', '5', (b) => replaceOnce(b, '残り <ph id="1">#</ph> 件のファイル', '残りのファイルは <ph id="1">#</ph> 件')),
    );
    expect([edited.result.diagnostics, edited.result.changed]).toEqual([[], ['5']]);
    expect(edited.result.fileText).toContain('"5": "{count, plural, other {残りのファイルは # 件}}",');
  });
});

describe('xliff 1.2 import: the document', () => {
  it('reads the languages from the <file> elements; each must give the same pair', async () => {
    const { files } = await export12();
    expect(xliffLanguages(files.get('pt-BR')!)).toEqual({ srcLang: 'en', trgLang: 'pt-BR' });
    const { catalog, files: def } = await exportXliff('default', undefined, '1.2');
    const mixed = def
      .get('ja')!
      .replace(
        '<file original="user" source-language="en" target-language="ja"',
        '<file original="user" source-language="en" target-language="ko"',
      );
    const result = importXliff(mixed, { xliffName: 'ja.xlf', catalog, targetFile: sourceFile('default', 'locales/ja/corrections.json') });
    expect(brief(result.diagnostics)).toEqual([`xliff-import/mixed-languages ja.xlf:${lineOf(mixed, '<file original="user"')}:3`]);
    expect(result.diagnostics[0].message).toBe(
      'This <file> has target-language "ko", the first one "ja"; one import reads one language pair.',
    );
    expect(result.changed).toEqual([]);
  });

  it("names 1.2's attributes in its language errors, at the <file>", async () => {
    const other = await run((x) => replaceOnce(x, 'target-language="ja"', 'target-language="de"'));
    expect(brief(other.result.diagnostics)).toEqual(['xliff-import/unknown-locale ja.xlf:4:3']);
    expect(other.result.diagnostics[0].message).toBe(
      'target-language "de" is not a target locale of the catalog (ar, fr, ja, ko, pt-BR, ru, zh-Hans).',
    );
    const src = await run((x) => replaceOnce(x, 'source-language="en"', 'source-language="en-US"'));
    expect(src.result.diagnostics.map((d) => d.message)).toEqual(['source-language is "en-US"; the catalog\'s source locale is en.']);
    const ko = await run((x) => x, { target: sourceFile('hazards', 'locales/ko/messages.json') });
    expect(brief(ko.result.diagnostics)).toEqual(['xliff-import/locale-mismatch ja.xlf:4:3']);
    expect(ko.result.diagnostics[0].message).toBe('target-language is "ja" but locales/ko/messages.json holds locale "ko".');
  });

  it("reads 1.1 (translate-toolkit's namespace) alike; refuses a version its namespace contradicts", async () => {
    const v11 = await run((x) =>
      x
        .replace(
          '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
          '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1">',
        )
        .replace('ログインしていません。</target>', 'ログイン済みではありません。</target>'),
    );
    expect([v11.result.diagnostics, v11.result.changed]).toEqual([[], ['6014']]);
    const mismatch = await run((x) => x.replace('version="1.2"', 'version="2.0"'));
    expect(brief(mismatch.result.diagnostics)).toEqual(['xliff-import/not-xliff ja.xlf:3:1']);
    expect(mismatch.result.diagnostics[0].message).toBe(
      'The root says version="2.0" but its namespace is "urn:oasis:names:tc:xliff:document:1.2", XLIFF 1.2\'s; it is not an XLIFF document codebook can read.',
    );
    const v3 = await run((x) => x.replace('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">', '<xliff version="3.0">'));
    expect(v3.result.diagnostics.map((d) => d.message)).toEqual(['This is XLIFF 3.0; codebook imports XLIFF 1.2 and 2.0.']);
  });
});

describe.skipIf(!haveTools('/usr/bin/python3', '/usr/lib/python3/dist-packages/translate/storage/xliff.py'))(
  'xliff 1.2 import: a file rewritten by translate-toolkit',
  () => {
    it('reads what translate-toolkit wrote after editing targets and marking one fuzzy (Pootle, Virtaal)', async () => {
      const { catalog, files } = await export12();
      const dir = mkdtempSync(join(tmpdir(), 'codebook-xliff12-ttk-'));
      writeFileSync(join(dir, 'ja.xlf'), files.get('ja')!);
      const script = [
        'import sys',
        'from translate.storage import factory',
        'store = factory.getobject(sys.argv[1])',
        "units = {u.getid().split('\\x04', 1)[1]: u for u in store.units}",
        "units['6014'].target = 'ログインされていません。'",
        "units['2'].target = '@home は参照ではありません。'",
        "units['unknown'].markfuzzy(True)",
        'store.save()',
      ].join('\n');
      execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'ja.xlf')]);
      const rewritten = readFileSync(join(dir, 'ja.xlf'), 'utf8');
      expect(rewritten).not.toBe(files.get('ja'));
      const before = sourceFile('hazards', JA).text;
      const result = importXliff(rewritten, { xliffName: 'ja.xlf', catalog, targetFile: { path: JA, text: before } });
      expect(result.diagnostics).toEqual([]);
      expect(result.changed).toEqual(['2', '6014', 'unknown']);
      let expected = replaceOnce(before, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
      expected = replaceOnce(expected, '    "5":', '    "2": "@home は参照ではありません。",\n    "5":');
      expected = replaceOnce(
        expected,
        '"unknown": "不明なエラーです(コード {code})。"',
        '"unknown": { "text": "不明なエラーです(コード {code})。", "state": "initial" }',
      );
      expect(result.fileText).toBe(expected);
    });
  },
);
