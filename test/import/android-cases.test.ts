/**
 * The Android import in memory (importAndroid, runAndroidImport): the hazards
 * and default catalogs exported by the android target, edited resource by
 * resource as Android Studio's translations editor would, and merged back
 * into copies of their source files. Checks the exact file text, the changed
 * keys and the exact diagnostics (rule, line, column): round trips, text
 * aapt2 reads alike, plurals, the two files of a catalog with user messages,
 * and every rule.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { ANDROID_IMPORT_RULES, importAndroid, type AndroidImportOptions } from '../../generator/import/android/index.js';
import { runAndroidImport } from '../../generator/import/android/run.js';
import { renderTargets } from '../../generator/pipeline.js';
import { androidTarget } from '../../generator/targets/android.js';
import { fixturesDir, loadTestCatalog, repoRoot } from '../support/catalogs.js';
import { brief, lineOf, replaceOnce, sourceFile, where } from './xliff/helpers.js';

/** The Android files of a catalog by path (`values-ja/strings.xml`), as `codebook generate -t android` writes them. */
async function exportAndroid(scenario: string): Promise<{ catalog: Catalog; files: Map<string, string>; layers: string[] }> {
  const { catalog, config } = await loadTestCatalog(scenario);
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, config, [androidTarget], diagnostics)!;
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return {
    catalog,
    files: new Map([...files].map(([p, t]) => [p.replace(/^android\//, ''), t])),
    layers: config.layers.map((l) => l.name),
  };
}

/** A source file of a scenario, or an empty one where it does not exist yet. */
function target(scenario: string, path: string): { path: string; text: string } {
  const dir = scenario === 'default' ? repoRoot : join(fixturesDir, scenario);
  return existsSync(join(dir, path)) ? sourceFile(scenario, path) : { path, text: '' };
}

const at = (text: string, needle: string) => `${where(text, needle).line}:${where(text, needle).column}`;
const JA = 'locales/ja/messages.json';
const FOLDERS: Record<string, string> = {
  'values-ar': 'ar',
  'values-fr': 'fr',
  'values-ja': 'ja',
  'values-ko': 'ko',
  'values-pt-rBR': 'pt-BR',
  'values-ru': 'ru',
  'values-b+zh+Hans': 'zh-Hans',
  'values-b+zh+Hant': 'zh-Hant',
};

describe('android import: round trip identity', () => {
  it('an unedited export of the hazards catalog changes nothing in any locale', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    let checked = 0;
    for (const [path, xml] of files) {
      const locale = FOLDERS[path.split('/')[0]!];
      if (!locale) continue;
      const file = target('hazards', `locales/${locale}/messages.json`);
      expect(importAndroid(xml, { fileName: path, catalog, targetFile: file }), path).toEqual({
        fileText: file.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
      checked++;
    }
    expect(checked).toBe(7);
  });

  it('an unedited export of the default catalog changes nothing, user messages or details, in any locale (zh-Hant has no details of its own)', async () => {
    const { catalog, files } = await exportAndroid('default');
    let checked = 0;
    for (const [path, xml] of files) {
      const locale = FOLDERS[path.split('/')[0]!];
      if (!locale) continue;
      const file = target('default', `locales/${locale}/corrections.json`);
      expect(importAndroid(xml, { fileName: path, catalog, targetFile: file }), path).toEqual({
        fileText: file.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
      checked++;
    }
    expect(checked).toBe(8);
    expect(files.get('values-b+zh+Hant/strings_detail.xml')).not.toContain('<string ');
  });
});

describe('android import: what is applied', () => {
  it('text aapt2 reads alike is no change (CDATA, references, quoted runs, raw >); an edit keeps the XML escaping out of the text', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    let xml = files.get('values-ja/strings.xml')!;
    xml = replaceOnce(xml, '「引用」&amp; &lt;b&gt;太字&lt;/b&gt;、100% 確実。', '<![CDATA[「引用」& <b>太字</b>]]>、100% "確実。"');
    xml = replaceOnce(xml, '>ログインしていません。<', '>&#x30ED;グインしていません。<');
    xml = replaceOnce(
      xml,
      'ユーザー %2$s がリクエスト上限 %1$s 件に達しました。',
      '<xliff:g id="user" example="alice">%2$s</xliff:g>: 上限 %1$s 件、100%% です。',
    );
    const file = sourceFile('hazards', JA);
    const result = importAndroid(xml, { fileName: 'values-ja/strings.xml', catalog, targetFile: file });
    expect(result.changed).toEqual(['7']);
    expect(brief(result.diagnostics)).toEqual([
      `android-import/quote values-ja/strings.xml:${at(xml, '"確実')}`,
      `android-import/quote values-ja/strings.xml:${at(xml, '。"<')}`.replace(/:(\d+)$/, (_, c: string) => `:${Number(c) + 1}`),
    ]);
    expect(result.fileText).toBe(
      replaceOnce(
        file.text,
        '"7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。"',
        '"7": "{user}: 上限 {limit, number} 件、100% です。"',
      ),
    );
  });

  it('ru: <plurals> items are the forms of one ICU plural; the =0 form Android has no item for is kept and reported', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    const xml = replaceOnce(
      files.get('values-ru/strings.xml')!,
      '<item quantity="few">Осталось %1$s попытки.</item>',
      '<item quantity="few">Осталось %1$s попытки!</item>',
    );
    const file = sourceFile('hazards', 'locales/ru/messages.json');
    const result = importAndroid(xml, { fileName: 'values-ru/strings.xml', catalog, targetFile: file });
    expect([result.changed, brief(result.diagnostics)]).toEqual([
      ['6'],
      [`android-import/plural-form-kept values-ru/strings.xml:${at(xml, '<plurals name="error_6">')}`],
    ]);
    expect(result.fileText).toBe(replaceOnce(file.text, 'few {Осталось # попытки.} many', 'few {Осталось # попытки!} many'));
  });
});

describe('android import: diagnostics', () => {
  it('a session with every kind of mistake on the hazards ja file, each at its place', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    let xml = files.get('values-ja/strings.xml')!;
    const eight = '  <string name="error_8">パーティー 🎉 と {波括弧}。</string>\n';
    xml = replaceOnce(xml, eight, `${eight}${eight}`);
    xml = replaceOnce(
      xml,
      '<item quantity="other">残り %1$s 件のファイル</item>',
      '<item quantity="one">%1$s 件</item>\n    <item quantity="other">残り %1$s 件のファイル</item>',
    );
    xml = replaceOnce(xml, '>接続数が多すぎます。後でもう一度お試しください。<', ">接続数が多すぎます。it's <i>now</i><");
    xml = replaceOnce(xml, '>ログインしていません。<', '><');
    xml = replaceOnce(xml, '  <string name="error_1" formatted="false">「引用」&amp; &lt;b&gt;太字&lt;/b&gt;、100% 確実。</string>\n', '');
    xml = replaceOnce(xml, 'ユーザー %2$s が', 'ユーザー %3$s が');
    xml = replaceOnce(xml, '(コード %1$s)', '(コード %1$d)');
    xml = replaceOnce(
      xml,
      '</resources>',
      '  <string name="error_99">九。</string>\n  <string-array name="errors"><item>x</item></string-array>\n  <string name="error_8" translatable="false">x</string>\n</resources>',
    );
    const result = importAndroid(xml, { fileName: 'values-ja/strings.xml', catalog, targetFile: sourceFile('hazards', JA) });
    expect(result.changed).toEqual([]);
    const f = 'values-ja/strings.xml';
    expect(brief(result.diagnostics)).toEqual([
      `android-import/removed-entry ${f}:3:1`,
      `android-import/escape ${f}:${at(xml, "'s <i>")}`,
      `android-import/unsupported-content ${f}:${at(xml, '<i>now')}`,
      `android-import/plural-items ${f}:${at(xml, '<item quantity="one">')}`,
      `android-import/placeholder-mismatch ${f}:${at(xml, '<string name="error_7">')}`,
      `android-import/placeholder-mismatch ${f}:${at(xml, '%3$s')}`,
      `android-import/duplicate-entry ${f}:${xml.split('\n').lastIndexOf(eight.slice(0, -1)) + 1}:3`,
      `android-import/cleared-target ${f}:${at(xml, '<string name="error_6014">')}`,
      `android-import/placeholder-mismatch ${f}:${at(xml, '%1$d')}`,
      `android-import/unknown-entry ${f}:${at(xml, '<string name="error_99">')}`,
      `android-import/unknown-entry ${f}:${at(xml, '<string-array')}`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key ?? null, d.message])).toEqual([
      ['warning', '1', 'Key 1 has no resource error_1 in the file; its ja translation is left as it is.'],
      [
        'error',
        '-302',
        'Resource error_n302 (key -302): an unescaped apostrophe, which aapt2 rejects ("unescaped apostrophe in string"); write \\\'.',
      ],
      [
        'error',
        '-302',
        'Resource error_n302 (key -302): <i> is markup (a styled span) that a catalog message cannot hold; write the text without it, or escape "<" as &lt;.',
      ],
      ['error', '5', 'Resource error_5 (key 5): quantity="one" is no CLDR plural category of ja (other); it is not imported.'],
      ['error', '7', 'Resource error_7 (key 7) lacks %2$s {user}, which its source text shows.'],
      ['error', '7', 'Resource error_7 (key 7): %3$s is no argument its source text shows (it shows %2$s {user}, %1$s {limit}).'],
      ['error', '8', 'error_8 (key 8) has more than one resource; none of them is imported.'],
      ['warning', '6014', 'Resource error_6014 (key 6014) comes back empty; the current ja translation is kept.'],
      [
        'error',
        'unknown',
        'Resource error_unknown (key unknown): "%1$d", which is not an argument as codebook writes them (%N$s, N its position) nor "%%".',
      ],
      ['error', null, 'error_99 is not an identifier of the catalog; the resource is not imported.'],
      ['error', null, '<string-array name="errors"> is a kind of resource codebook does not write; it is not imported.'],
    ]);
  });

  it('shapes: a <string> for a plural, <plurals> without other or with a quantity twice', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    let xml = files.get('values-ar/strings.xml')!;
    xml = replaceOnce(xml, '<item quantity="other">%1$s ملف</item>', '<item quantity="few">%1$s ملف</item>');
    xml = replaceOnce(
      xml,
      '<string name="error_6014">لم تسجّل الدخول.</string>',
      '<plurals name="error_6014"><item quantity="other">x</item></plurals>',
    );
    const result = importAndroid(xml, {
      fileName: 'values-ar/strings.xml',
      catalog,
      targetFile: sourceFile('hazards', 'locales/ar/messages.json'),
    });
    expect(brief(result.diagnostics)).toEqual([
      `android-import/plural-items values-ar/strings.xml:${at(xml, '<item quantity="few">%1$s ملف<')}`,
      `android-import/entry-shape values-ar/strings.xml:${at(xml, '<plurals name="error_6014">')}`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Resource error_5 (key 5): quantity="few" is given twice; it is not imported.',
      'Key 6014 has no plural: its resource is <string name="error_6014">, not <plurals>; it is not imported.',
    ]);
  });

  it("locales: the values-<qualifier> folder, --locale, the source locale's values/, a folder of no locale, another target file", async () => {
    const { catalog, files } = await exportAndroid('hazards');
    const xml = files.get('values-ja/strings.xml')!;
    const rules = (name: string, extra: Partial<AndroidImportOptions> = {}, file = JA) =>
      importAndroid(xml, { fileName: name, catalog, targetFile: sourceFile('hazards', file), ...extra }).diagnostics.map(
        (d) => `${d.ruleId} ${d.place?.line}:${d.place?.column} ${d.message}`,
      );
    const listed =
      'ar (values-ar), fr (values-fr), ja (values-ja), ko (values-ko), pt-BR (values-pt-rBR), ru (values-ru), zh-Hans (values-b+zh+Hans)';
    expect(rules('res/values-ja/strings.xml')).toEqual([]);
    expect(rules('strings.xml', { locale: 'ja' })).toEqual([]);
    expect(rules('strings.xml')).toEqual([
      `android-import/unknown-locale 3:1 The file is in no values-<qualifier> folder; give its locale with --locale (one of ${listed}).`,
    ]);
    expect(rules('values/strings.xml')).toEqual([
      `android-import/unknown-locale 3:1 values/ holds the catalog's source locale; its texts are edited in the source files, not imported (target locales: ${listed}).`,
    ]);
    expect(rules('values-de/strings.xml')).toEqual([
      `android-import/unknown-locale 3:1 The folder values-de is no target locale of the catalog (${listed}); give the locale with --locale.`,
    ]);
    expect(rules('values-de/strings.xml', { locale: 'ja' })).toEqual([]);
    expect(rules('strings.xml', { locale: 'de' })).toEqual([
      `android-import/unknown-locale 3:1 --locale "de" is not a target locale of the catalog (${listed}).`,
    ]);
    expect(rules('values-ja/strings.xml', { locale: 'ko' })).toEqual([
      'android-import/locale-mismatch 3:1 The file is in values-ja/ (ja) but --locale is "ko".',
    ]);
    expect(rules('values-ja/strings.xml', {}, 'locales/ko/messages.json')).toEqual([
      'android-import/locale-mismatch 3:1 The file is for "ja" but locales/ko/messages.json holds locale "ko".',
    ]);
  });

  it('a file that is not a strings.xml of the catalog: nothing is imported', async () => {
    const { catalog } = await exportAndroid('hazards');
    const run = (xml: string) => importAndroid(xml, { fileName: 'values-ja/strings.xml', catalog, targetFile: sourceFile('hazards', JA) });
    expect(brief(run('<resources>\n  <string name="a">x</strin>\n</resources>\n').diagnostics)).toEqual([
      'android-import/syntax values-ja/strings.xml:2:21',
    ]);
    expect(brief(run('<?xml version="1.0"?>\n<xliff version="1.2"/>\n').diagnostics)).toEqual([
      'android-import/not-android values-ja/strings.xml:2:1',
    ]);
    const foreign = run('<resources>\n  <string name="app_name">アプリ</string>\n</resources>\n');
    expect([foreign.changed, brief(foreign.diagnostics)]).toEqual([[], ['android-import/nothing-recognised values-ja/strings.xml:1:1']]);
    expect(foreign.diagnostics[0]!.message).toBe(
      'No resource of values-ja/strings.xml is named by an identifier of the catalog (1 resource): it is not a strings.xml codebook wrote; nothing is imported.',
    );
    expect(brief(run('<resources/>\n').diagnostics)).toEqual(['android-import/nothing-recognised values-ja/strings.xml:1:1']);
  });

  it('runAndroidImport: no file to update is named and there is no config', async () => {
    const { catalog, files } = await exportAndroid('hazards');
    const dir = mkdtempSync(join(tmpdir(), 'codebook-android-run-'));
    writeFileSync(join(dir, 'strings.xml'), files.get('values-ja/strings.xml')!);
    const none = await runAndroidImport({ androidPath: join(dir, 'strings.xml'), catalog, root: dir, locale: 'ja' });
    expect(none.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['android-import/no-target-file', 'No source file to update was named (--out).'],
    ]);
  });
});

describe('android import: the two files of the default catalog', () => {
  const read = (path: string) => target('default', path).text;
  const CORRECTIONS = 'locales/ja/corrections.json';

  it('strings_detail.xml edits details, unless a later layer defines them; strings.xml edits user messages', async () => {
    const { catalog, files, layers } = await exportAndroid('default');
    const xml = replaceOnce(
      files.get('values-ja/strings_detail.xml')!,
      '<string name="error_detail_60009">不正なリソースリクエストです。',
      '<string name="error_detail_60009">不正なリソースリクエストです!',
    );
    const into = (path: string) =>
      importAndroid(xml, {
        fileName: 'values-ja/strings_detail.xml',
        catalog,
        targetFile: { ...sourceFile('default', path), layer: path.endsWith('corrections.json') ? 'corrections' : 'project' },
        layers,
        readSource: read,
      });
    expect(brief(into('locales/ja/messages.json').diagnostics)).toEqual([
      `android-import/shadowed values-ja/strings_detail.xml:${at(xml, '<string name="error_detail_60009">')}`,
    ]);
    expect([into(CORRECTIONS).changed, into(CORRECTIONS).diagnostics]).toEqual([['60009'], []]);
  });

  it('codes sharing a user text: an edit of some changes it for all (reported); different edits are not imported', async () => {
    const { catalog, files } = await exportAndroid('default');
    const old = catalog.userTexts!.find((t) => t.id === 'chat-unavailable')!.translations.ja!.text;
    const base = files.get('values-ja/strings.xml')!;
    const edit = (xml: string, name: string, text: string) =>
      replaceOnce(xml, `<string name="${name}">${old}</string>`, `<string name="${name}">${text}</string>`);
    const same = edit(
      edit(base, 'error_n10112', '現在チャットはご利用いただけません。'),
      'error_n10111',
      '現在チャットはご利用いただけません。',
    );
    const result = importAndroid(same, {
      fileName: 'values-ja/strings.xml',
      catalog,
      targetFile: sourceFile('default', CORRECTIONS),
      readSource: read,
    });
    expect([result.changed, brief(result.diagnostics)]).toEqual([
      ['user:chat-unavailable'],
      [`android-import/shared-text values-ja/strings.xml:${lineOf(same, '<string name="error_n10112">')}:3`],
    ]);
    const differ = edit(edit(base, 'error_n10112', 'A'), 'error_n10111', 'B');
    const refused = importAndroid(differ, {
      fileName: 'values-ja/strings.xml',
      catalog,
      targetFile: sourceFile('default', CORRECTIONS),
      readSource: read,
    });
    expect([refused.changed, brief(refused.diagnostics)]).toEqual([
      [],
      [
        `android-import/conflicting-edits values-ja/strings.xml:${lineOf(differ, '<string name="error_n10112">')}:3`,
        `android-import/conflicting-edits values-ja/strings.xml:${lineOf(differ, '<string name="error_n10111">')}:3`,
      ],
    ]);
  });
});

describe('android import: rules', () => {
  it('every rule has a severity, an explanation and a case in these tests', () => {
    const dir = join(repoRoot, 'test/import');
    const tests = readdirSync(dir)
      .filter((f) => /^android-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, rule] of Object.entries(ANDROID_IMPORT_RULES)) {
      expect(id).toMatch(/^android-import\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(tests.replace(/^.*ANDROID_IMPORT_RULES.*$/m, ''), id).toContain(id);
    }
  });
});
