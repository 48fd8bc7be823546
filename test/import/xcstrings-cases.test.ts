/**
 * The String Catalog import in memory (readXcstringsHeader, importXcstrings,
 * runXcstringsImport): the hazards and default catalogs exported by the
 * apple target, edited localization by localization as Xcode would, and
 * merged back into copies of their source files. Checks the exact file text,
 * the changed keys and the exact diagnostics (rule, line, column): round
 * trips, states, the Apple format strings, plurals, the two tables of a
 * catalog with user messages, and every rule.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { importXcstrings, printfParts, readXcstringsHeader, XCSTRINGS_IMPORT_RULES } from '../../generator/import/xcstrings/index.js';
import { runXcstringsImport } from '../../generator/import/xcstrings/run.js';
import { renderTargets } from '../../generator/pipeline.js';
import { appleTarget } from '../../generator/targets/apple.js';
import { fixturesDir, loadTestCatalog, repoRoot } from '../support/catalogs.js';
import { brief, lineOf, replaceOnce, sourceFile, where, withText } from './xliff/helpers.js';

type Unit = { stringUnit: { state: string; value: string } };
type Xcstrings = { sourceLanguage: string; strings: Record<string, { localizations: Record<string, unknown> }> };

/** The String Catalogs of a catalog by name (`Localizable`, `LocalizableDetail`), as `codebook generate -t apple` writes them. */
async function exportXcstrings(
  scenario: string,
  catalog?: Catalog,
): Promise<{ catalog: Catalog; files: Map<string, string>; layers: string[] }> {
  const loaded = await loadTestCatalog(scenario);
  const used = catalog ?? loaded.catalog;
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(used, loaded.config, [appleTarget], diagnostics)!;
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const catalogs = new Map(
    [...files].flatMap(([p, t]) =>
      p.endsWith('.xcstrings') ? [[p.replace(/^apple\/(.*)\.xcstrings$/, '$1'), t] as [string, string]] : [],
    ),
  );
  return { catalog: used, files: catalogs, layers: loaded.config.layers.map((l) => l.name) };
}

/** A source file of a scenario, or an empty one where it does not exist yet. */
function target(scenario: string, path: string): { path: string; text: string } {
  const dir = scenario === 'default' ? repoRoot : join(fixturesDir, scenario);
  return existsSync(join(dir, path)) ? sourceFile(scenario, path) : { path, text: '' };
}

/** Edits the parsed catalog and writes it back the way the target does (Xcode's layout: 2 spaces, `" : "`, sorted keys). */
function edit(text: string, change: (catalog: Xcstrings) => void): string {
  const catalog = JSON.parse(text) as Xcstrings;
  change(catalog);
  const sorted = (v: unknown, indent: string): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const inner = `${indent}  `;
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)} : ${sorted((v as Record<string, unknown>)[k], inner)}`).join(',\n')}\n${indent}}`;
  };
  return `${sorted(catalog, '')}\n`;
}

const unit = (catalog: Xcstrings, key: string, locale: string) => (catalog.strings[key]!.localizations[locale] as Unit).stringUnit;
const at = (text: string, needle: string) => `${where(text, needle).line}:${where(text, needle).column}`;
/** The position of `needle` where it first follows each of `after` in turn. */
function atAfter(text: string, ...path: string[]): string {
  let i = 0;
  for (const step of path) i = text.indexOf(step, i);
  const before = text.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
}
const JA = 'locales/ja/messages.json';

describe('xcstrings import: round trip identity', () => {
  it('an unedited export of the hazards catalog changes nothing in any locale, as written or as Xcode rewrites it', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    const text = files.get('Localizable')!;
    const header = readXcstringsHeader(text, 'Localizable.xcstrings', catalog);
    expect([header.locales, header.audience, header.diagnostics]).toEqual([
      ['ar', 'fr', 'ja', 'ko', 'pt-BR', 'ru', 'zh-Hans'],
      'single',
      [],
    ]);
    const xcode = edit(text, () => undefined);
    expect(xcode).toBe(text);
    for (const variant of [text, JSON.stringify(JSON.parse(text))]) {
      for (const locale of header.locales) {
        const file = target('hazards', `locales/${locale}/messages.json`);
        expect(importXcstrings(variant, { fileName: 'Localizable.xcstrings', catalog, targetFile: file, locale }), locale).toEqual({
          fileText: file.text,
          diff: '',
          changed: [],
          diagnostics: [],
        });
      }
    }
  });

  it('an unedited export of the default catalog changes nothing in either table, in any locale', async () => {
    const { catalog, files } = await exportXcstrings('default');
    for (const [table, audience, locales] of [
      ['Localizable', 'user', ['ja', 'ko', 'zh-Hans', 'zh-Hant']],
      ['LocalizableDetail', 'detail', ['ja', 'ko', 'zh-Hans']],
    ] as const) {
      const text = files.get(table)!;
      const header = readXcstringsHeader(text, `${table}.xcstrings`, catalog);
      expect([header.audience, header.locales, header.diagnostics]).toEqual([audience, locales, []]);
      for (const locale of locales) {
        const file = target('default', `locales/${locale}/corrections.json`);
        expect(importXcstrings(text, { fileName: `${table}.xcstrings`, catalog, targetFile: file, locale }), `${table} ${locale}`).toEqual({
          fileText: file.text,
          diff: '',
          changed: [],
          diagnostics: [],
        });
      }
    }
  });
});

describe('xcstrings import: what is applied', () => {
  it('needs_review is "initial", translated keeps a reviewed state; a state change alone keeps the text as spelled', async () => {
    const loaded = await loadTestCatalog('hazards');
    const catalog = withText(
      withText(loaded.catalog, '6014', 'ja', 'ログインしていません。', 'reviewed'),
      '-302',
      'ja',
      '接続数が多すぎます。後でもう一度お試しください。',
      'initial',
    );
    const { files } = await exportXcstrings('hazards', catalog);
    const text = edit(files.get('Localizable')!, (c) => {
      unit(c, '6014', 'ja').value = 'ログインされていません。';
      unit(c, '-302', 'ja').state = 'translated';
      unit(c, 'unknown', 'ja').state = 'needs_review';
    });
    const file = sourceFile('hazards', JA);
    const result = importXcstrings(text, { fileName: 'Localizable.xcstrings', catalog, targetFile: file, locale: 'ja' });
    expect([result.changed, result.diagnostics]).toEqual([['-302', '6014', 'unknown'], []]);
    // -302 is "initial" in this in-memory catalog only: its source file already says translated, so its line does not change.
    expect(result.diff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      '-    "6014": "ログインしていません。",',
      '-    "unknown": "不明なエラーです(コード {code})。"',
      '+    "6014": { "text": "ログインされていません。", "state": "reviewed" },',
      '+    "unknown": { "text": "不明なエラーです(コード {code})。", "state": "initial" }',
    ]);
  });

  it('format strings: %N$@ and %N$lld are the arguments as the source spells them, %% a percent sign; the reader locates what it does not take', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    const text = edit(files.get('Localizable')!, (c) => {
      unit(c, '7', 'ja').value = '上限 %1$lld 件 (100%%): %2$@ {x}';
    });
    const result = importXcstrings(text, {
      fileName: 'Localizable.xcstrings',
      catalog,
      targetFile: sourceFile('hazards', JA),
      locale: 'ja',
    });
    expect([result.changed, result.diagnostics]).toEqual([['7'], []]);
    expect(result.fileText).toContain(`"7": "上限 {limit, number} 件 (100%): {user} '{'x'}'",`);
    expect(printfParts('%1$@ %lld %2$5@ %#@n@ 5%. %%').problems).toEqual([
      { message: '"%lld", which is not an argument as codebook writes them (%N$@ or %N$lld, N its position) nor "%%"', index: 5 },
      { message: '"%2$5@", which is not an argument as codebook writes them (%N$@ or %N$lld, N its position) nor "%%"', index: 10 },
      { message: '"%#@n@" is a substitution, which the apple target does not write (a plural is given as variations)', index: 16 },
      { message: 'a single "%" (a literal percent sign is "%%")', index: 23 },
    ]);
  });

  it('plurals: variations are the forms of one ICU plural, zero is =0 in ru; a form ja has no variation for is kept and reported', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    const ru = edit(files.get('Localizable')!, (c) => {
      const forms = (c.strings['6']!.localizations.ru as { variations: { plural: Record<string, Unit> } }).variations.plural;
      forms.zero!.stringUnit.value = 'Попыток нет.';
    });
    const ruFile = sourceFile('hazards', 'locales/ru/messages.json');
    const result = importXcstrings(ru, { fileName: 'Localizable.xcstrings', catalog, targetFile: ruFile, locale: 'ru' });
    expect([result.changed, result.diagnostics]).toEqual([['6'], []]);
    expect(result.fileText).toBe(replaceOnce(ruFile.text, '=0 {Попыток не осталось.}', '=0 {Попыток нет.}'));

    const withOne = withText(catalog, '5', 'ja', '{count, plural, one {# 件だけ} other {残り # 件のファイル}}');
    const ja = edit((await exportXcstrings('hazards', withOne)).files.get('Localizable')!, (c) => {
      (c.strings['5']!.localizations.ja as { variations: { plural: Record<string, Unit> } }).variations.plural.other!.stringUnit.value =
        'あと %1$lld 件';
    });
    const kept = importXcstrings(ja, {
      fileName: 'Localizable.xcstrings',
      catalog: withOne,
      targetFile: sourceFile('hazards', JA),
      locale: 'ja',
    });
    expect(brief(kept.diagnostics)).toEqual([
      `xcstrings-import/plural-form-kept Localizable.xcstrings:${atAfter(ja, '"5" : {', '"ja" : {')}`,
    ]);
    expect(kept.fileText).toContain('"5": "{count, plural, one {# 件だけ} other {あと # 件}}",');
  });
});

describe('xcstrings import: diagnostics', () => {
  it('a session with every kind of mistake in the ja localizations, each at its place', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    const text = edit(files.get('Localizable')!, (c) => {
      c.strings['1']!.localizations.en = { stringUnit: { state: 'translated', value: "Once it's quoted." } };
      unit(c, '1', 'ja').value = '一度引用された。';
      c.strings['-302']!.localizations.ja = '接続数が多すぎます。';
      unit(c, '6014', 'ja').state = 'reviewed';
      unit(c, 'unknown', 'ja').value = '';
      unit(c, '7', 'ja').value = 'ユーザー %2$lld がリクエスト上限 %lld 件に達しました。';
      delete c.strings['8']!.localizations.ja;
      c.strings['5']!.localizations.ja = { variations: { plural: { few: { stringUnit: { state: 'translated', value: '%1$lld 件' } } } } };
      c.strings['6014']!.localizations.ko = { stringUnit: { state: 'translated', value: 'x' }, substitutions: {} };
    });
    const result = importXcstrings(text, {
      fileName: 'Localizable.xcstrings',
      catalog,
      targetFile: sourceFile('hazards', JA),
      locale: 'ja',
    });
    expect(result.changed).toEqual(['1']);
    const f = 'Localizable.xcstrings';
    expect(brief(result.diagnostics)).toEqual([
      `xcstrings-import/entry-shape ${f}:${atAfter(text, '"-302" : {', '"ja" : ')}`,
      `xcstrings-import/stale-source ${f}:${at(text, '"Once it')}`,
      `xcstrings-import/plural-category ${f}:${atAfter(text, '"5" : {', '"ja" : ')}`,
      `xcstrings-import/plural-category ${f}:${atAfter(text, '"5" : {', '"ja" : ', '"few" : ')}`,
      `xcstrings-import/invalid-state ${f}:${at(text, '"reviewed"')}`,
      `xcstrings-import/placeholder-mismatch ${f}:${at(text, '"ユーザー %2')}`,
      `xcstrings-import/placeholder-mismatch ${f}:${at(text, '"ユーザー %2')}`,
      `xcstrings-import/placeholder-mismatch ${f}:${at(text, '%2$lld')}`,
      `xcstrings-import/placeholder-mismatch ${f}:${at(text, '%lld 件')}`,
      `xcstrings-import/removed-entry ${f}:${at(text, '"8" : {')}`,
      `xcstrings-import/cleared-target ${f}:${atAfter(text, '"unknown" : {', '""')}`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key, d.message])).toEqual([
      ['error', '-302', 'Key -302, ja: the localization is a string, not an object; it is not imported.'],
      [
        'warning',
        '1',
        "Key 1: the en value is not the catalog's current source text; the translation was made for an older text. It is imported.",
      ],
      ['error', '5', 'Key 5, ja: the plural variations have no "other"; it is not imported.'],
      ['error', '5', 'Key 5, ja: the variation few is no CLDR plural category of ja (other, and zero for =0); it is not imported.'],
      ['error', '6014', 'Key 6014, ja: state "reviewed" is not translated, needs_review or new; it is not imported.'],
      ['error', '7', 'Key 7, ja: the value lacks %2$@ {user}, which its source text shows.'],
      ['error', '7', 'Key 7, ja: the value lacks %1$lld {limit}, which its source text shows.'],
      ['error', '7', 'Key 7, ja: %2$lld is {user}, a string the export writes as %2$@.'],
      ['error', '7', 'Key 7, ja: "%lld", which is not an argument as codebook writes them (%N$@ or %N$lld, N its position) nor "%%".'],
      ['warning', '8', 'Key 8 has no ja localization in the file; its ja translation is left as it is.'],
      ['warning', 'unknown', 'Key unknown, ja comes back with an empty value; the current ja translation is kept.'],
    ]);
    const ko = importXcstrings(text, { fileName: f, catalog, targetFile: sourceFile('hazards', 'locales/ko/messages.json'), locale: 'ko' });
    expect(brief(ko.diagnostics)).toEqual([`xcstrings-import/unsupported-content ${f}:${atAfter(text, '"6014" : {', '"substitutions"')}`]);
    const device = edit(files.get('Localizable')!, (c) => {
      c.strings['6014']!.localizations.ja = { variations: { device: {} } };
      c.strings['unknown']!.localizations.ja = {
        variations: { plural: { other: { stringUnit: { state: 'translated', value: '%1$lld' } } } },
      };
    });
    expect(
      importXcstrings(device, { fileName: f, catalog, targetFile: sourceFile('hazards', JA), locale: 'ja' }).diagnostics.map(
        (d) => `${d.ruleId} ${d.message}`,
      ),
    ).toEqual([
      'xcstrings-import/unsupported-content Key 6014, ja: variations by device are not something the apple target writes (only by plural); it is not imported.',
      'xcstrings-import/entry-shape Key unknown, ja: plural variations, but the message has no plural argument to select them by; it is not imported.',
    ]);
  });

  it('the whole file: unknown and repeated keys, a locale the catalog lacks, a key no longer there, another source language, not a String Catalog', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    let text = edit(files.get('Localizable')!, (c) => {
      c.strings['99'] = { localizations: { ja: { stringUnit: { state: 'translated', value: '九' } } } };
      c.strings['6014']!.localizations.de = { stringUnit: { state: 'translated', value: 'Nicht angemeldet.' } };
      delete c.strings['unknown'];
    });
    const eight = text.slice(text.indexOf('    "8" : {'), text.indexOf('    "9" : {'));
    text = replaceOnce(text, eight, `${eight}${eight}`);
    const header = readXcstringsHeader(text, 'Localizable.xcstrings', catalog);
    expect(header.locales).toEqual(['ar', 'fr', 'ja', 'ko', 'pt-BR', 'ru', 'zh-Hans']);
    expect(header.diagnostics.map((d) => `${d.ruleId} ${d.place?.line}:${d.place?.column} ${d.message}`)).toEqual([
      `xcstrings-import/unknown-locale ${at(text, '"de" : {')} The localization "de" is not a target locale of the catalog (ar, fr, ja, ko, pt-BR, ru, zh-Hans); no localization of it is imported.`,
      `xcstrings-import/duplicate-entry ${text.split('\n').lastIndexOf('    "8" : {') + 1}:5 Key 8 is given more than once in "strings"; none of them is imported.`,
      `xcstrings-import/unknown-entry ${at(text, '"99" : {')} "99" is not a key of the catalog; it is not imported.`,
      'xcstrings-import/removed-entry 1:1 Key unknown has no entry in the file; its ar, fr, ja, ko, pt-BR, ru, zh-Hans translations are left as they are.',
    ]);
    const rule = (t: string, asked?: string) =>
      readXcstringsHeader(t, 'x.xcstrings', catalog, asked).diagnostics.map((d) => `${d.ruleId} ${d.place?.line}:${d.place?.column}`);
    expect(rule(text, 'de')).toContain('xcstrings-import/unknown-locale 1:1');
    expect(rule(text.replace('"sourceLanguage" : "en"', '"sourceLanguage" : "fr"'))).toEqual([
      `xcstrings-import/source-language ${at(text, '"en",\n  "strings"')}`,
    ]);
    expect(rule('{ "sourceLanguage": "en", "strings": [] }')).toEqual(['xcstrings-import/syntax 1:1']);
    expect(rule('{ "sourceLanguage": "en", ')).toEqual(['xcstrings-import/syntax 1:25']);
    expect(rule('{ "sourceLanguage": "en", "strings": { "Hello": {} }, "version": "1.0" }')).toEqual([
      'xcstrings-import/nothing-recognised 1:1',
    ]);
  });

  it('runXcstringsImport: --out with several locales, no file to update and no config, a target of another locale', async () => {
    const { catalog, files } = await exportXcstrings('hazards');
    const dir = mkdtempSync(join(tmpdir(), 'codebook-xcstrings-run-'));
    writeFileSync(join(dir, 'Localizable.xcstrings'), files.get('Localizable')!);
    const path = join(dir, 'Localizable.xcstrings');
    const several = await runXcstringsImport({ xcstringsPath: path, targetPath: join(dir, 'ja.json'), catalog, root: dir });
    expect(several.diagnostics.map((d) => d.ruleId)).toEqual(['xcstrings-import/no-target-file']);
    const none = await runXcstringsImport({ xcstringsPath: path, catalog, root: dir, locale: 'ja' });
    expect(none.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['xcstrings-import/no-target-file', 'No source file to update was named (--out).'],
    ]);
    writeFileSync(join(dir, 'ko.json'), '{\n  "locale": "ko",\n  "messages": {}\n}\n');
    const mismatch = await runXcstringsImport({ xcstringsPath: path, targetPath: join(dir, 'ko.json'), catalog, root: dir, locale: 'ja' });
    expect(mismatch.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['xcstrings-import/locale-mismatch', 'The localization imported is "ja" but ko.json holds locale "ko".'],
    ]);
  });
});

describe('xcstrings import: the two tables of the default catalog', () => {
  const read = (path: string) => target('default', path).text;
  const CORRECTIONS = 'locales/ja/corrections.json';

  it('LocalizableDetail edits details, unless a later layer defines them; Localizable edits user messages', async () => {
    const { catalog, files, layers } = await exportXcstrings('default');
    const text = edit(files.get('LocalizableDetail')!, (c) => {
      unit(c, '60009', 'ja').value = `${unit(c, '60009', 'ja').value}!`;
    });
    const into = (path: string) =>
      importXcstrings(text, {
        fileName: 'LocalizableDetail.xcstrings',
        catalog,
        targetFile: { ...sourceFile('default', path), layer: path.endsWith('corrections.json') ? 'corrections' : 'project' },
        layers,
        readSource: read,
        locale: 'ja',
      });
    expect(brief(into('locales/ja/messages.json').diagnostics)).toEqual([
      `xcstrings-import/shadowed LocalizableDetail.xcstrings:${atAfter(text, '"60009" : {', '"ja" : {')}`,
    ]);
    expect([into(CORRECTIONS).changed, into(CORRECTIONS).diagnostics]).toEqual([['60009'], []]);
  });

  it('codes sharing a user text: an edit of some changes it for all (reported); different edits are not imported', async () => {
    const { catalog, files } = await exportXcstrings('default');
    const base = files.get('Localizable')!;
    const same = edit(base, (c) => {
      unit(c, '-10112', 'ja').value = '現在チャットはご利用いただけません。';
      unit(c, '-10111', 'ja').value = '現在チャットはご利用いただけません。';
    });
    const result = importXcstrings(same, {
      fileName: 'Localizable.xcstrings',
      catalog,
      targetFile: sourceFile('default', CORRECTIONS),
      readSource: read,
      locale: 'ja',
    });
    expect([result.changed, brief(result.diagnostics)]).toEqual([
      ['user:chat-unavailable'],
      [`xcstrings-import/shared-text Localizable.xcstrings:${atAfter(same, '"-10111" : {', '"ja" : {')}`],
    ]);
    const differ = edit(base, (c) => {
      unit(c, '-10112', 'ja').value = 'A';
      unit(c, '-10111', 'ja').value = 'B';
    });
    const refused = importXcstrings(differ, {
      fileName: 'Localizable.xcstrings',
      catalog,
      targetFile: sourceFile('default', CORRECTIONS),
      readSource: read,
      locale: 'ja',
    });
    expect([refused.changed, brief(refused.diagnostics)]).toEqual([
      [],
      [
        `xcstrings-import/conflicting-edits Localizable.xcstrings:${atAfter(differ, '"-10112" : {', '"ja" : {')}`,
        `xcstrings-import/conflicting-edits Localizable.xcstrings:${atAfter(differ, '"-10111" : {', '"ja" : {')}`,
      ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])),
    ]);
    expect(lineOf(differ, '"-10111" : {')).toBeLessThan(lineOf(differ, '"-10112" : {'));
  });
});

describe('xcstrings import: rules', () => {
  it('every rule has a severity, an explanation and a case in these tests', () => {
    const dir = join(repoRoot, 'test/import');
    const tests = readdirSync(dir)
      .filter((f) => /^xcstrings-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, rule] of Object.entries(XCSTRINGS_IMPORT_RULES)) {
      expect(id).toMatch(/^xcstrings-import\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(tests.replace(/^.*XCSTRINGS_IMPORT_RULES.*$/m, ''), id).toContain(id);
    }
  });
});
