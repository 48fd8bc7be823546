/**
 * The PO import in memory (importPo, runPoImport): the hazards and default
 * catalogs exported by the gettext target, edited entry by entry as Poedit
 * or msgmerge would, and merged back into copies of their source files.
 * Checks the exact file text, the changed keys and the exact diagnostics
 * (rule, line, column): round trips, states, plurals in ja, ko, ru, fr, the
 * two domains of a catalog with user messages, and every rule.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, Translation } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { importPo, PO_IMPORT_RULES, type PoImportOptions } from '../../generator/import/po/index.js';
import { runPoImport } from '../../generator/import/po/run.js';
import { renderTargets } from '../../generator/pipeline.js';
import { gettextTarget } from '../../generator/targets/gettext.js';
import { loadTestCatalog, repoRoot } from '../support/catalogs.js';
import { brief, lineOf, replaceOnce, sourceFile, where, withText } from './xliff/helpers.js';

/** The PO files of a catalog by path (`gettext/ja.po`, `gettext/errors-detail/ja.po`), as `codebook generate -t gettext` writes them. */
async function exportPo(scenario: string, catalog?: Catalog): Promise<{ catalog: Catalog; files: Map<string, string> }> {
  const loaded = await loadTestCatalog(scenario);
  const used = catalog ?? loaded.catalog;
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(used, loaded.config, [gettextTarget], diagnostics)!;
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { catalog: used, files };
}

/** The text of one entry (from its msgctxt to the blank line after it). */
function entryOf(po: string, key: string): string {
  const start = po.indexOf(`msgctxt ${JSON.stringify(key)}\n`);
  if (start < 0) throw new Error(`no entry ${key}`);
  const end = po.indexOf('\n\n', start);
  return po.slice(start, end < 0 ? po.length : end + 1);
}

/** Applies `edit` to one entry's text only. */
function editEntry(po: string, key: string, edit: (entry: string) => string): string {
  const entry = entryOf(po, key);
  const edited = edit(entry);
  if (edited === entry) throw new Error(`edit of ${key} changed nothing`);
  return replaceOnce(po, entry, edited);
}

/** Marks an entry fuzzy (its `#,` line, or a new one before msgctxt). */
function fuzzy(po: string, key: string): string {
  const at = po.indexOf(`msgctxt ${JSON.stringify(key)}\n`);
  const lineStart = po.lastIndexOf('\n', at - 2) + 1;
  const previous = po.slice(lineStart, at - 1);
  if (previous.startsWith('#, ')) return po.slice(0, lineStart) + previous.replace('#, ', '#, fuzzy, ') + po.slice(at - 1);
  return `${po.slice(0, at)}#, fuzzy\n${po.slice(at)}`;
}

const JA = 'locales/ja/messages.json';
const importHazards = (po: string, file = JA, extra: Partial<PoImportOptions> = {}) =>
  importPo(po, { poName: 'ja.po', catalog: hazards!, targetFile: sourceFile('hazards', file), ...extra });
let hazards: Catalog | undefined;
const hazardsPo = async (locale: string, catalog?: Catalog) => {
  const exported = await exportPo('hazards', catalog);
  hazards = exported.catalog;
  return exported.files.get(`gettext/${locale}.po`)!;
};

describe('po import: round trip identity', () => {
  it('an unedited export of the hazards catalog changes nothing in any locale', async () => {
    const { catalog, files } = await exportPo('hazards');
    const locales = catalog.locales.filter((l) => l !== catalog.sourceLocale);
    expect(locales.length).toBe(7);
    for (const locale of locales) {
      const [path, po] = [...files].find(
        ([p, text]) => p.endsWith('.po') && text.includes(`"Language: ${locale.replace('-', '_').replace('zh_Hans', 'zh_CN')}\\n"`),
      )!;
      const target = sourceFile('hazards', `locales/${locale}/messages.json`);
      expect(importPo(po, { poName: path, catalog, targetFile: target }), locale).toEqual({
        fileText: target.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
    }
  });

  it('an unedited export of the default catalog changes nothing, in either domain of any locale', async () => {
    const { catalog, files } = await exportPo('default');
    const read = (path: string) => sourceFile('default', path).text;
    let checked = 0;
    for (const [path, po] of files) {
      if (!path.endsWith('.po') || /\/(errors-detail\/)?en\.po$/.test(path)) continue;
      const locale = catalog.locales.find(
        (l) =>
          po.includes(`"Language: ${path.replace(/^.*\/(.*)\.po$/, '$1')}\\n"`) &&
          path.endsWith(`/${l.replace('zh-Hans', 'zh_CN').replace('zh-Hant', 'zh_TW')}.po`),
      )!;
      const dir = join(repoRoot, 'locales', locale);
      const file = `locales/${locale}/${readdirSync(dir).includes('corrections.json') ? 'corrections' : 'messages'}.json`;
      const target = sourceFile('default', file);
      const result = importPo(po, { poName: path, catalog, targetFile: target, readSource: read });
      expect(result, path).toEqual({
        fileText: target.text,
        diff: '',
        changed: [],
        diagnostics: [],
        domain: path.includes('errors-detail/') ? 'errors-detail' : 'errors',
      });
      checked++;
    }
    expect(checked).toBe(8);
  });
});

describe('po import: what is applied', () => {
  it('a fuzzy flag is "initial"; removing it gives "translated", and a reviewed text stays reviewed when edited', async () => {
    const catalog = withText(
      withText((await loadTestCatalog('hazards')).catalog, '-302', 'ja', '接続数が多すぎます。後でもう一度お試しください。', 'initial'),
      '6014',
      'ja',
      'ログインしていません。',
      'reviewed',
    );
    let po = await hazardsPo('ja', catalog);
    expect(entryOf(po, '-302')).toBe(
      'msgctxt "-302"\nmsgid "Too many connections; try again later."\nmsgstr "接続数が多すぎます。後でもう一度お試しください。"\n',
    );
    expect(po).toContain('#, fuzzy\nmsgctxt "-302"');
    po = po.replace('#, fuzzy\nmsgctxt "-302"', 'msgctxt "-302"');
    po = fuzzy(po, '1');
    po = editEntry(po, '6014', (e) => replaceOnce(e, 'ログインしていません。', 'ログインしていません!'));
    // The source file as that catalog reads it: -302 initial, 6014 reviewed.
    let text = sourceFile('hazards', JA).text;
    text = replaceOnce(
      text,
      '"-302": "接続数が多すぎます。後でもう一度お試しください。",',
      '"-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },',
    );
    text = replaceOnce(text, '"6014": "ログインしていません。",', '"6014": { "text": "ログインしていません。", "state": "reviewed" },');
    const result = importPo(po, { poName: 'ja.po', catalog, targetFile: { path: JA, text } });
    expect(result.diagnostics).toEqual([]);
    expect(result.changed).toEqual(['-302', '1', '6014']);
    expect(result.diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      '-    "-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },',
      '-    "1": "「引用」& <b>太字</b>、100% 確実。",',
      '+    "-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "translated" },',
      '+    "1": { "text": "「引用」& <b>太字</b>、100% 確実。", "state": "initial" },',
      '-    "6014": { "text": "ログインしていません。", "state": "reviewed" },',
      '+    "6014": { "text": "ログインしていません!", "state": "reviewed" },',
    ]);
  });

  it('decodes escapes into the text and quotes for ICU what needs it; the same text is no change', async () => {
    let po = await hazardsPo('ja');
    po = editEntry(po, '6014', (e) =>
      replaceOnce(e, 'msgstr "ログインしていません。"', 'msgstr "ベル\\007 と \\"引用\\" \\\\ {{波}} \'{x}\'"'),
    );
    po = editEntry(po, '8', (e) => replaceOnce(e, 'msgstr "パーティー 🎉 と {波括弧}。"', 'msgstr ""\n"パーティー 🎉 と "\n"{波括弧}。"'));
    const result = importHazards(po);
    expect([result.changed, result.diagnostics]).toEqual([['6014'], []]);
    const json = JSON.parse(result.fileText) as { messages: Record<string, string> };
    // 6014 has no argument, so its msgstr is literal: doubled braces stay doubled.
    expect(json.messages['6014']).toBe("ベル\u0007 と \"引用\" \\ '{{'波'}}' '''{'x'}'''");
  });

  it('python-brace fields become the arguments as the source spells them; {{ }} are literal braces', async () => {
    const po = editEntry(await hazardsPo('ja'), '7', (e) =>
      replaceOnce(
        e,
        'msgstr "ユーザー {user} がリクエスト上限 {limit} 件に達しました。"',
        'msgstr "上限 {limit} 件 {{!}} に {user} が達しました。"',
      ),
    );
    const result = importHazards(po);
    expect(result.diagnostics).toEqual([]);
    expect((JSON.parse(result.fileText) as { messages: Record<string, string> }).messages['7']).toBe(
      "上限 {limit, number} 件 '{'!'}' に {user} が達しました。",
    );
  });

  it('ru: msgstr[i] are the one, few, many forms; a form PO has no index for follows the form it equalled, or is kept', async () => {
    let po = await hazardsPo('ru');
    po = editEntry(po, '6', (e) => replaceOnce(e, 'msgstr[1] "Осталось {count} попытки."', 'msgstr[1] "Осталось {count} попытки!"'));
    const result = importHazards(po, 'locales/ru/messages.json');
    expect(result.changed).toEqual(['6']);
    expect((JSON.parse(result.fileText) as { messages: Record<string, string> }).messages['6']).toBe(
      '{count, plural, =0 {Попыток не осталось.} one {Осталась # попытка.} few {Осталось # попытки!} many {Осталось # попыток.} other {Осталось # попытки!}}',
    );
    expect(brief(result.diagnostics)).toEqual([`po-import/plural-form-kept ja.po:${lineOf(po, 'msgctxt "6"')}:1`]);
    expect(result.diagnostics[0].message).toBe(
      'Entry 6: PO has no msgstr for the =0 form of the ru text, kept as it is; check it agrees with the new text.',
    );
  });

  it('fr: many, which gettext merges into other, is kept when it had its own text', async () => {
    const po = editEntry(await hazardsPo('fr'), '5', (e) =>
      replaceOnce(e, 'msgstr[1] "{count} fichiers restants"', 'msgstr[1] "Il reste {count} fichiers"'),
    );
    const result = importHazards(po, 'locales/fr/messages.json');
    expect((JSON.parse(result.fileText) as { messages: Record<string, string> }).messages['5']).toBe(
      '{count, plural, one {# fichier restant} many {# de fichiers restants} other {Il reste # fichiers}}',
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Entry 5: PO has no msgstr for the many form of the fr text, kept as it is; check it agrees with the new text.',
    ]);
  });

  it('ja: a plural without translation gets its one msgstr as other; a plain translation of a plural stays plain', async () => {
    const catalog = withText((await loadTestCatalog('hazards')).catalog, '5', 'ja', '残り {count} 件のファイル');
    let po = await hazardsPo('ja', catalog);
    po = editEntry(po, '6', (e) => replaceOnce(e, 'msgstr[0] ""', 'msgstr[0] "あと {count} 回"'));
    po = editEntry(po, '5', (e) => replaceOnce(e, 'msgstr[0] "残り {count} 件のファイル"', 'msgstr[0] "残りファイル {count} 件"'));
    const result = importHazards(po);
    expect(result.diagnostics).toEqual([]);
    const messages = (JSON.parse(result.fileText) as { messages: Record<string, string> }).messages;
    expect([messages['5'], messages['6']]).toEqual(['残りファイル {count} 件', '{count, plural, other {あと # 回}}']);
  });
});

describe('po import: diagnostics', () => {
  it('a session with every kind of mistake on the hazards ja file, each at its place', async () => {
    let po = await hazardsPo('ja');
    const eight = entryOf(po, '8');
    po = replaceOnce(po, eight, `${eight}\n${eight}`);
    po = po.replace(entryOf(po, '-302'), '').replace('#, python-brace-format\nmsgctxt "5"', 'msgctxt "5"');
    po = editEntry(po, '5', (e) => e.replace(/msgid_plural .*\nmsgstr\[0\] (.*)\n/, 'msgstr $1\n'));
    po = editEntry(po, 'unknown', (e) => replaceOnce(e, '(コード {code})', '(コード {code)'));
    po = editEntry(po, '7', (e) => replaceOnce(e, '{user} が', '{usr} が'));
    po = editEntry(po, '6014', (e) => replaceOnce(e, 'msgstr "ログインしていません。"', 'msgstr ""'));
    po = editEntry(po, '1', (e) => replaceOnce(replaceOnce(e, 'msgid "It', 'msgid "Once it'), '100% 確実。', '100% 確実です。'));
    po = `${po}\nmsgctxt "999"\nmsgid "Nine."\nmsgstr "九。"\n`;
    const result = importHazards(po);
    expect(result.changed).toEqual(['1']);
    expect(brief(result.diagnostics)).toEqual([
      `po-import/removed-entry ja.po:3:1`,
      `po-import/stale-source ja.po:${lineOf(po, 'msgid "Once it')}:1`,
      `po-import/entry-shape ja.po:${lineOf(po, 'msgstr "残り {count}')}:1`,
      `po-import/placeholder-mismatch ja.po:${lineOf(po, '{usr} が')}:1`,
      `po-import/placeholder-mismatch ja.po:${where(po, '{usr} が').line}:${where(po, '{usr} が').column}`,
      `po-import/duplicate-entry ja.po:${po.split('\n').lastIndexOf('msgctxt "8"') + 1}:1`,
      `po-import/cleared-target ja.po:${lineOf(po, 'msgctxt "6014"') + 2}:1`,
      `po-import/brace-syntax ja.po:${where(po, '{code)').line}:${where(po, '{code)').column}`,
      `po-import/unknown-entry ja.po:${lineOf(po, 'msgctxt "999"')}:1`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key, d.message])).toEqual([
      ['warning', '-302', 'Key -302 has no entry in the file; its ja translation is left as it is.'],
      [
        'warning',
        '1',
        "Entry 1: the msgid is not the catalog's current en text; the translation was made for an older text. It is imported.",
      ],
      ['error', '5', 'Key 5 is a plural of {count}: its entry has msgid_plural and msgstr[0]…msgstr[0]; it is not imported.'],
      ['error', '7', 'Entry 7: the msgstr lacks {user}, which its source text shows.'],
      ['error', '7', 'Entry 7: msgstr uses {usr}, which its source text does not (it shows {user}, {limit}).'],
      ['error', '8', 'Key 8 has more than one entry; none of them is imported.'],
      ['warning', '6014', 'Entry 6014 comes back with an empty msgstr; the current ja translation is kept.'],
      [
        'error',
        'unknown',
        'Entry unknown: msgstr has a "{" that no "}" closes (a literal brace is written "{{"); python-brace-format cannot read it, and the entry is not imported.',
      ],
      ['error', '999', 'msgctxt "999" is not a key of the catalog; the entry is not imported.'],
    ]);
  });

  it('ru: a plural with an empty form, another number of forms than nplurals, a Plural-Forms of its own', async () => {
    let po = await hazardsPo('ru');
    po = editEntry(po, '5', (e) =>
      e.replace(/msgstr\[1\] ".*"/, 'msgstr[1] ""').replace(/msgstr\[0\] ".*"/, 'msgstr[0] "Остался {count} файл!"'),
    );
    po = editEntry(po, '6', (e) => `${e}msgstr[3] "Осталось {count} попытки."\n`);
    const result = importHazards(po, 'locales/ru/messages.json');
    expect(brief(result.diagnostics)).toEqual([
      `po-import/incomplete-plural ja.po:${lineOf(po, 'msgstr[1] ""')}:1`,
      `po-import/entry-shape ja.po:${lineOf(po, 'msgstr[3]')}:1`,
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'Plural entry 5 translates msgstr[0], msgstr[2] but leaves msgstr[1] (the few form) empty; it is not imported.',
      'Entry 6 has 4 msgstr[N]; ru has 3 plural forms (nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);), msgstr[0]…msgstr[2]; it is not imported.',
    ]);

    // A Plural-Forms spelled otherwise but sending every count to the same index is gettext's own.
    // (The header wraps its long Plural-Forms line as msgcat does.)
    const header = po.slice(po.indexOf('"Plural-Forms:'), po.indexOf('\n\n'));
    const pluralForms = (value: string) => replaceOnce(po, header, `"Plural-Forms: ${value}\\n"`);
    const same = pluralForms('nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : (n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20)) ? 1 : 2;');
    expect(importHazards(same, 'locales/ru/messages.json').diagnostics.map((d) => d.message)).toEqual(
      result.diagnostics.map((d) => d.message),
    );
    // One that does not: no plural entry is imported, the others are.
    let other = pluralForms('nplurals=2; plural=(n != 1);');
    other = editEntry(other, '6014', (e) => e.replace(/msgstr ".*"/, 'msgstr "Вы не вошли!"'));
    const refused = importHazards(other, 'locales/ru/messages.json');
    expect(brief(refused.diagnostics)).toEqual([`po-import/plural-forms ja.po:${lineOf(other, '"Plural-Forms:')}:2`]);
    expect(refused.diagnostics[0].message).toContain("does not send every count to the msgstr[N] of gettext's rule for ru");
    expect(refused.changed).toEqual(['6014']);
  });

  it('languages: one the catalog lacks, none, the source locale, another than --locale or than the target file', async () => {
    const po = await hazardsPo('ja');
    const language = (value: string | undefined) =>
      value === undefined ? po.replace('"Language: ja\\n"\n', '') : po.replace('"Language: ja\\n"', `"Language: ${value}\\n"`);
    const at = `ja.po:${lineOf(po, '"Language: ja')}:2`;
    const rules = (text: string, extra: Partial<PoImportOptions> = {}) =>
      importHazards(text, JA, extra).diagnostics.map(
        (d) => `${d.ruleId} ${d.place?.file}:${d.place?.line}:${d.place?.column} ${d.message}`,
      );
    expect(rules(language('de'))).toEqual([
      `po-import/unknown-locale ${at} Language "de" is not a target locale of the catalog (ar, fr, ja, ko, pt-BR (pt_BR), ru, zh-Hans (zh_CN)).`,
    ]);
    expect(rules(language('en'))).toEqual([
      `po-import/unknown-locale ${at} Language "en" is the catalog's source locale; its texts are edited in the source files, not imported (target locales: ar, fr, ja, ko, pt-BR (pt_BR), ru, zh-Hans (zh_CN)).`,
    ]);
    expect(rules(language(undefined))).toEqual([
      'po-import/unknown-locale ja.po:3:1 The PO names no Language in its header; give its locale with --locale (one of ar, fr, ja, ko, pt-BR (pt_BR), ru, zh-Hans (zh_CN)).',
    ]);
    expect(rules(language(undefined), { locale: 'ja' })).toEqual([]);
    expect(rules(language('ja_JP'))).toEqual([]);
    expect(rules(po, { locale: 'ko' })).toEqual([`po-import/locale-mismatch ${at} Language is "ja" (ja) but --locale is "ko".`]);
    const ko = importHazards(po, 'locales/ko/messages.json');
    expect(brief(ko.diagnostics)).toEqual(['po-import/locale-mismatch ja.po:3:1']);
    expect(ko.diagnostics[0].message).toBe('The PO is for "ja" but locales/ko/messages.json holds locale "ko".');
  });

  it('a file that does not read as PO: nothing is imported', async () => {
    const po = editEntry(await hazardsPo('ja'), '6014', (e) => e.replace(/msgstr ".*"/, 'msgstr "未ログイン\\qです。"'));
    const result = importHazards(po);
    expect([result.fileText, result.changed]).toEqual([sourceFile('hazards', JA).text, []]);
    expect(brief(result.diagnostics)).toEqual([`po-import/syntax ja.po:${where(po, '\\q').line}:${where(po, '\\q').column}`]);
  });

  it('a PO with no entry of the catalog: nothing recognised, and no removed entry listed', async () => {
    const po = await hazardsPo('ja');
    const headerOnly = po.slice(0, po.indexOf('\n\n') + 1);
    expect(brief(importHazards(headerOnly).diagnostics)).toEqual(['po-import/nothing-recognised ja.po:3:1']);
    const foreign = `${headerOnly}\nmsgctxt "menu"\nmsgid "File"\nmsgstr "ファイル"\n`;
    expect(brief(importHazards(foreign).diagnostics)).toEqual([
      'po-import/nothing-recognised ja.po:3:1',
      `po-import/unknown-entry ja.po:${lineOf(foreign, 'msgctxt "menu"')}:1`,
    ]);
  });

  it('runPoImport: no file to update is named and there is no config', async () => {
    const po = await hazardsPo('ja');
    const dir = mkdtempSync(join(tmpdir(), 'codebook-po-run-'));
    writeFileSync(join(dir, 'ja.po'), po);
    const none = await runPoImport({ poPath: join(dir, 'ja.po'), catalog: hazards!, root: dir });
    expect(none.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['po-import/no-target-file', 'No source file to update was named (--out).'],
    ]);
    mkdirSync(join(dir, 'locales/ja'), { recursive: true });
    const edited = editEntry(po, '6014', (e) => e.replace(/msgstr ".*"/, 'msgstr "未ログインです。"'));
    writeFileSync(join(dir, 'ja.po'), edited);
    const created = await runPoImport({
      poPath: join(dir, 'ja.po'),
      targetPath: join(dir, 'locales/ja/fixes.json'),
      catalog: hazards!,
      root: dir,
    });
    expect([created.written, created.target, created.changed, created.diagnostics]).toEqual([true, 'locales/ja/fixes.json', ['6014'], []]);
    expect(readFileSync(join(dir, 'locales/ja/fixes.json'), 'utf8')).toBe(
      '{\n  "locale": "ja",\n  "messages": {\n    "6014": "未ログインです。"\n  }\n}\n',
    );
  });
});

describe('po import: the two domains of a catalog with user messages', () => {
  const read = (path: string) => sourceFile('default', path).text;
  const CORRECTIONS = 'locales/ja/corrections.json';
  const USER = 'locales/ja/user.json';

  it('the detail domain: a key whose ja text comes from a later layer cannot be written to an earlier one', async () => {
    const { catalog, files } = await exportPo('default');
    const { config } = await loadTestCatalog('default');
    const po = editEntry(files.get('gettext/errors-detail/ja.po')!, '60009', (e) => e.replace(/msgstr "(.*)"/, 'msgstr "$1!"'));
    const layers = config.layers.map((l) => l.name);
    const into = (path: string) =>
      importPo(po, {
        poName: 'ja.po',
        catalog,
        targetFile: { ...sourceFile('default', path), layer: path.endsWith('corrections.json') ? 'corrections' : 'project' },
        layers,
        readSource: read,
      });
    const shadowed = into('locales/ja/messages.json');
    expect(brief(shadowed.diagnostics)).toEqual([`po-import/shadowed ja.po:${lineOf(po, 'msgctxt "60009"')}:1`]);
    expect(shadowed.diagnostics[0].message).toBe(
      'Key 60009: the ja text comes from locales/ja/corrections.json (layer "corrections"), a layer merged after locales/ja/messages.json, so a text written there would stay hidden; the change is not imported.',
    );
    const written = into(CORRECTIONS);
    expect([written.changed, written.diagnostics, written.domain]).toEqual([['60009'], [], 'errors-detail']);
  });

  it("the user domain: a code's edit changes its shared user text, in the file that defines it; codes left as they were are named", async () => {
    const { catalog, files } = await exportPo('default');
    const old = catalog.userTexts!.find((t) => t.id === 'chat-unavailable')!.translations.ja!.text;
    const shown = catalog.messages.filter((m) => m.user === 'chat-unavailable').map((m) => m.key);
    let po = files.get('gettext/ja.po')!;
    for (const key of ['-10112', '-10111']) po = editEntry(po, key, (e) => replaceOnce(e, old, '現在チャットはご利用いただけません。'));
    const target = sourceFile('default', CORRECTIONS);
    const result = importPo(po, { poName: 'ja.po', catalog, targetFile: target, readSource: read });
    expect([result.fileText, result.changed, result.domain]).toEqual([target.text, ['user:chat-unavailable'], 'errors']);
    const before = read(USER);
    expect(result.userFiles).toEqual([
      {
        path: USER,
        text: before,
        fileText: replaceOnce(
          before,
          `"chat-unavailable": ${JSON.stringify(old)}`,
          '"chat-unavailable": "現在チャットはご利用いただけません。"',
        ),
        diff: expect.stringContaining('+    "chat-unavailable": "現在チャットはご利用いただけません。",'),
      },
    ]);
    expect(brief(result.diagnostics)).toEqual([`po-import/shared-text ja.po:${lineOf(po, 'msgctxt "-10112"')}:1`]);
    const rest = shown.filter((k) => k !== '-10112' && k !== '-10111');
    expect(result.diagnostics[0].message).toBe(
      `User message "chat-unavailable" changes in the entries of -10112, -10111 but not of ${rest.slice(0, 6).join(', ')} and ${rest.length - 6} more; it is one text, so those show the new text too.`,
    );
  });

  it('the user domain: codes that share a text and change it differently are not imported', async () => {
    const { catalog, files } = await exportPo('default');
    const old = catalog.userTexts!.find((t) => t.id === 'chat-unavailable')!.translations.ja!.text;
    let po = files.get('gettext/ja.po')!;
    po = editEntry(po, '-10112', (e) => replaceOnce(e, old, 'A'));
    po = editEntry(po, '-10111', (e) => replaceOnce(e, old, 'B'));
    const result = importPo(po, { poName: 'ja.po', catalog, targetFile: sourceFile('default', CORRECTIONS), readSource: read });
    expect([result.changed, result.userFiles]).toEqual([[], undefined]);
    expect(brief(result.diagnostics)).toEqual([
      `po-import/conflicting-edits ja.po:${lineOf(po, 'msgctxt "-10112"')}:1`,
      `po-import/conflicting-edits ja.po:${lineOf(po, 'msgctxt "-10111"')}:1`,
    ]);
    expect(result.diagnostics[0].message).toBe(
      'The entries of -10112, -10111 show one user message, "chat-unavailable", and change it in different ways; none of them is imported.',
    );
  });

  it('the user domain: a code with a user override edits the override', async () => {
    const base = (await loadTestCatalog('default')).catalog;
    const shared = base.userTexts!.find((t) => t.id === 'chat-unavailable')!;
    const override = (text: string, file: string): Translation => ({
      ...shared.translations.ja!,
      text,
      ast: [{ type: 0, value: text }],
      origin: { ...shared.translations.ja!.origin, file },
    });
    const catalog: Catalog = {
      ...base,
      userOverrides: new Map([
        [
          '-10112',
          {
            en: { ...override('Chat is off.', 'locales/en/user.json'), origin: { ...shared.origin, file: 'locales/en/user.json' } },
            ja: override('チャットは停止中です。', USER),
          },
        ],
      ]),
      userMessages: base.userMessages!.map((m) =>
        m.key === '-10112'
          ? {
              ...m,
              translations: {
                ...m.translations,
                en: override('Chat is off.', 'locales/en/user.json'),
                ja: override('チャットは停止中です。', USER),
              },
            }
          : m,
      ),
    };
    const { files } = await exportPo('default', catalog);
    const po = editEntry(files.get('gettext/ja.po')!, '-10112', (e) =>
      replaceOnce(e, 'チャットは停止中です。', 'チャットは一時停止中です。'),
    );
    const texts = new Map([
      [USER, '{\n  "locale": "ja",\n  "user": {},\n  "userOverrides": {\n    "-10112": "チャットは停止中です。"\n  }\n}\n'],
    ]);
    const result = importPo(po, {
      poName: 'ja.po',
      catalog,
      targetFile: sourceFile('default', CORRECTIONS),
      readSource: (p) => texts.get(p) ?? read(p),
    });
    expect([result.changed, result.diagnostics]).toEqual([['user:key.-10112'], []]);
    expect(result.userFiles!.map((f) => f.fileText)).toEqual([
      '{\n  "locale": "ja",\n  "user": {},\n  "userOverrides": {\n    "-10112": "チャットは一時停止中です。"\n  }\n}\n',
    ]);
  });
});

describe('po import: rules', () => {
  it('every rule has a severity, an explanation and a case in these tests', () => {
    const dir = join(repoRoot, 'test/import');
    const tests = readdirSync(dir)
      .filter((f) => /^po-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, rule] of Object.entries(PO_IMPORT_RULES)) {
      expect(id).toMatch(/^po-import\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(tests.replace(/^.*PO_IMPORT_RULES.*$/m, ''), id).toContain(id);
    }
  });
});
