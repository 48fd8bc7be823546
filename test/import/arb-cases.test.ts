/**
 * The ARB import in memory (importArb, runArbImport): the hazards and default
 * catalogs exported by the flutter target, edited entry by entry as a
 * vendor's tool would, and merged back into copies of their source files.
 * Checks the exact file text, the changed keys and the exact diagnostics
 * (rule, line, column): round trips, the gen-l10n reading of values, plurals,
 * the two audiences of a catalog with user messages, and every rule.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { ARB_IMPORT_RULES, importArb, parseArbMessage, type ArbImportOptions } from '../../generator/import/arb/index.js';
import { runArbImport } from '../../generator/import/arb/run.js';
import { renderTargets } from '../../generator/pipeline.js';
import { flutterTarget } from '../../generator/targets/flutter.js';
import { fixturesDir, loadTestCatalog, repoRoot } from '../support/catalogs.js';
import { brief, lineOf, replaceOnce, sourceFile, where } from './xliff/helpers.js';

/** The ARB files of a catalog by path (`flutter/app_ja.arb`), as `codebook generate -t flutter` writes them. */
async function exportArb(scenario: string): Promise<{ catalog: Catalog; files: Map<string, string>; layers: string[] }> {
  const { catalog, config } = await loadTestCatalog(scenario);
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, config, [flutterTarget], diagnostics)!;
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { catalog, files, layers: config.layers.map((l) => l.name) };
}

/** A source file of a scenario, or an empty one where it does not exist yet. */
function target(scenario: string, path: string): { path: string; text: string } {
  const dir = scenario === 'default' ? repoRoot : join(fixturesDir, scenario);
  return existsSync(join(dir, path)) ? sourceFile(scenario, path) : { path, text: '' };
}

const at = (text: string, needle: string) => `${where(text, needle).line}:${where(text, needle).column}`;
const JA = 'locales/ja/messages.json';

describe('arb import: round trip identity', () => {
  it('an unedited export of the hazards catalog changes nothing in any locale, the base-language copies (app_pt, app_zh) included', async () => {
    const { catalog, files } = await exportArb('hazards');
    let checked = 0;
    for (const [path, arb] of files) {
      const { '@@locale': locale, '@@x-copy-of': copy } = JSON.parse(arb) as Record<string, string>;
      const tag = (copy ?? locale)!.replace(/_/g, '-');
      if (tag === catalog.sourceLocale) continue;
      const file = target('hazards', `locales/${tag}/messages.json`);
      expect(importArb(arb, { arbName: path, catalog, targetFile: file }), path).toEqual({
        fileText: file.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
      checked++;
    }
    expect(checked).toBe(9);
  });

  it('an unedited export of the default catalog (user messages and details in one file) changes nothing in any locale', async () => {
    const { catalog, files } = await exportArb('default');
    for (const locale of ['ja', 'ko', 'zh-Hans', 'zh-Hant']) {
      const arb = files.get(`flutter/app_${locale.replace('-', '_')}.arb`)!;
      const file = target('default', `locales/${locale}/corrections.json`);
      expect(importArb(arb, { arbName: 'app.arb', catalog, targetFile: file }), locale).toEqual({
        fileText: file.text,
        diff: '',
        changed: [],
        diagnostics: [],
      });
    }
  });
});

describe('arb import: what is applied', () => {
  it('values are read as gen-l10n reads them and quoted for ICU; placeholders become the arguments as the source spells them; no state changes', async () => {
    const { catalog, files } = await exportArb('hazards');
    let arb = files.get('flutter/app_ja.arb')!;
    arb = replaceOnce(arb, `"パーティー 🎉 と '{波括弧}'。"`, `"パーティー 🎉 と '{'波括弧'}' と ''単引用符'' と #。"`);
    arb = replaceOnce(arb, '"ユーザー {user} がリクエスト上限 {limit} 件に達しました。"', '"上限 {limit} 件: {user}"');
    arb = replaceOnce(arb, '"{count, plural, other{残り {count} 件のファイル}}"', `"{count, plural, other{残り {count} 件 '#'}}"`);
    const file = sourceFile('hazards', JA);
    const result = importArb(arb, { arbName: 'app_ja.arb', catalog, targetFile: file });
    expect([result.changed, result.diagnostics]).toEqual([['5', '7', '8'], []]);
    const messages = (JSON.parse(result.fileText) as { messages: Record<string, string> }).messages;
    expect(messages['8']).toBe("パーティー 🎉 と '{'波括弧'}' と '単引用符' と #。");
    expect(messages['7']).toBe('上限 {limit, number} 件: {user}');
    expect(messages['5']).toBe("{count, plural, other {残り # 件 '#'}}");
  });

  it('the gen-l10n reader: quotes, doubled apostrophes, nested cases, and where each problem is', () => {
    expect(parseArbMessage("a '{b}' c''d {n} {n, select, x{X {m}} other{O}}")).toEqual({
      ok: true,
      nodes: [
        { kind: 'text', text: "a {b} c'd " },
        { kind: 'arg', name: 'n', index: 13 },
        { kind: 'text', text: ' ' },
        {
          kind: 'choice',
          type: 'select',
          arg: 'n',
          index: 17,
          options: [
            {
              selector: 'x',
              index: 29,
              body: [
                { kind: 'text', text: 'X ' },
                { kind: 'arg', name: 'm', index: 33 },
              ],
            },
            { selector: 'other', index: 38, body: [{ kind: 'text', text: 'O' }] },
          ],
        },
      ],
    });
    expect(parseArbMessage("it's")).toMatchObject({ ok: false, index: 2 });
    expect(parseArbMessage('a } b')).toMatchObject({ ok: false, index: 2 });
    expect(parseArbMessage('{n, number}')).toMatchObject({ ok: false, index: 4 });
    expect(parseArbMessage('{n, plural, one{x}')).toMatchObject({ ok: false, index: 0 });
  });
});

describe('arb import: diagnostics', () => {
  it('a session with every kind of mistake on the hazards ja file, each at its place', async () => {
    const { catalog, files } = await exportArb('hazards');
    let arb = files.get('flutter/app_ja.arb')!;
    arb = replaceOnce(arb, `'{波括弧}'。`, `'{波括弧}。`);
    arb = replaceOnce(
      arb,
      '"{count, plural, other{残り {count} 件のファイル}}"',
      '"{count, plural, one{{count} 件} other{残り {count} 件のファイル}}"',
    );
    arb = replaceOnce(arb, '"error_n302": "接続数が多すぎます。後でもう一度お試しください。"', '"error_n302": 302');
    arb = replaceOnce(arb, '"ログインしていません。"', '""');
    arb = replaceOnce(arb, '  "error_1": "「引用」& <b>太字</b>、100% 確実。",\n', '');
    arb = replaceOnce(arb, '{user} が', '{usuario} が');
    arb = replaceOnce(arb, '  "error_unknown"', '  "error_99": "九。",\n  "error_unknown": "?",\n  "error_unknown"');
    const result = importArb(arb, { arbName: 'app_ja.arb', catalog, targetFile: sourceFile('hazards', JA) });
    expect(result.changed).toEqual([]);
    expect(brief(result.diagnostics)).toEqual([
      'arb-import/removed-entry app_ja.arb:2:15',
      `arb-import/entry-shape app_ja.arb:${lineOf(arb, '"error_n302": 302')}:17`,
      `arb-import/plural-category app_ja.arb:${at(arb, 'one{')}`,
      `arb-import/placeholder-mismatch app_ja.arb:${at(arb, '"ユーザー')}`,
      `arb-import/placeholder-mismatch app_ja.arb:${at(arb, '{usuario}')}`,
      `arb-import/icu-syntax app_ja.arb:${at(arb, `'{波括弧}。`)}`,
      `arb-import/cleared-target app_ja.arb:${at(arb, '""')}`,
      `arb-import/unknown-entry app_ja.arb:${at(arb, '"error_99"')}`,
      `arb-import/duplicate-entry app_ja.arb:${lineOf(arb, '"error_unknown": "不明')}:3`,
    ]);
    expect(result.diagnostics.map((d) => [d.severity, d.key ?? null, d.message])).toEqual([
      ['warning', '1', 'Key 1 has no entry error_1 in the ARB; its ja translation is left as it is.'],
      ['error', '-302', 'error_n302 (key -302) is not a string; it is not imported.'],
      ['error', '5', 'error_5 (key 5): one is no CLDR plural category of ja (other); it is not imported.'],
      ['error', '7', 'error_7 (key 7) lacks {user}, which its source text shows; it is not imported.'],
      ['error', '7', 'error_7 (key 7): {usuario} is no argument its source text shows (it shows {user}, {limit}); it is not imported.'],
      [
        'error',
        '8',
        "error_8 (key 8): an apostrophe that no apostrophe closes: gen-l10n (use-escaping) reads ' as the start of quoted text; write '' for an apostrophe; it is not imported.",
      ],
      ['warning', '6014', 'error_6014 (key 6014) comes back empty; the current ja translation is kept.'],
      ['error', null, 'error_99 is not an identifier of the catalog; the entry is not imported.'],
      ['error', 'unknown', 'error_unknown (key unknown) is given more than once; none of them is imported.'],
    ]);
  });

  it('locales: @@locale the catalog lacks, the source locale, none (then --locale or the file name), another than --locale or the target file', async () => {
    const { catalog, files } = await exportArb('hazards');
    const arb = files.get('flutter/app_ja.arb')!;
    const rules = (text: string, extra: Partial<ArbImportOptions> = {}, file = JA, name = 'app_ja.arb') =>
      importArb(text, { arbName: name, catalog, targetFile: sourceFile('hazards', file), ...extra }).diagnostics.map(
        (d) => `${d.ruleId} ${d.place?.line}:${d.place?.column} ${d.message}`,
      );
    const listed = 'ar, fr, ja, ko, pt-BR (pt_BR), ru, zh-Hans (zh_Hans)';
    expect(rules(arb.replace('"@@locale": "ja"', '"@@locale": "de"'))).toEqual([
      `arb-import/unknown-locale 2:15 @@locale "de" is not a target locale of the catalog (${listed}).`,
    ]);
    expect(rules(arb.replace('"@@locale": "ja"', '"@@locale": "en"'))).toEqual([
      `arb-import/unknown-locale 2:15 @@locale "en" is the catalog's source locale (the template); its texts are edited in the source files, not imported (target locales: ${listed}).`,
    ]);
    const bare = arb.replace('  "@@locale": "ja",\n', '');
    expect(rules(bare, {}, JA, 'vendor.arb')).toEqual([
      `arb-import/unknown-locale 1:1 The ARB has no "@@locale"; give its locale with --locale (one of ${listed}).`,
    ]);
    expect(rules(bare)).toEqual([]);
    expect(rules(bare, { locale: 'ja' }, JA, 'vendor.arb')).toEqual([]);
    expect(rules(arb, { locale: 'ko' })).toEqual(['arb-import/locale-mismatch 2:15 @@locale "ja" is ja but --locale is "ko".']);
    expect(rules(arb, {}, 'locales/ko/messages.json')).toEqual([
      'arb-import/locale-mismatch 2:15 The ARB is for "ja" but locales/ko/messages.json holds locale "ko".',
    ]);
  });

  it('a file that is not an ARB of the catalog: nothing is imported', async () => {
    const { catalog } = await exportArb('hazards');
    const run = (text: string) => importArb(text, { arbName: 'app_ja.arb', catalog, targetFile: sourceFile('hazards', JA) });
    expect(brief(run('{ "@@locale": "ja", ').diagnostics)).toEqual(['arb-import/syntax app_ja.arb:1:19']);
    expect(brief(run('["@@locale"]').diagnostics)).toEqual(['arb-import/syntax app_ja.arb:1:1']);
    const foreign = run('{\n  "@@locale": "ja",\n  "helloWorld": "こんにちは"\n}\n');
    expect([foreign.changed, brief(foreign.diagnostics)]).toEqual([[], ['arb-import/nothing-recognised app_ja.arb:2:15']]);
    expect(foreign.diagnostics[0]!.message).toBe(
      'No key of app_ja.arb is an identifier of the catalog (1 message): it is not an ARB codebook wrote; nothing is imported.',
    );
  });

  it('runArbImport: no file to update is named and there is no config', async () => {
    const { catalog, files } = await exportArb('hazards');
    const dir = mkdtempSync(join(tmpdir(), 'codebook-arb-run-'));
    writeFileSync(join(dir, 'app_ja.arb'), files.get('flutter/app_ja.arb')!);
    const none = await runArbImport({ arbPath: join(dir, 'app_ja.arb'), catalog, root: dir });
    expect(none.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['arb-import/no-target-file', 'No source file to update was named (--out).'],
    ]);
  });
});

describe('arb import: the two audiences of the default catalog', () => {
  const read = (path: string) => target('default', path).text;
  const CORRECTIONS = 'locales/ja/corrections.json';

  it('a detail (error_detail_…) goes to the target, unless a later layer defines it; a user message (error_…) to its shared text', async () => {
    const { catalog, files, layers } = await exportArb('default');
    const arb = replaceOnce(
      files.get('flutter/app_ja.arb')!,
      '"error_detail_60009": "不正なリソースリクエストです。',
      '"error_detail_60009": "不正なリソースリクエストです!',
    );
    const into = (path: string) =>
      importArb(arb, {
        arbName: 'app_ja.arb',
        catalog,
        targetFile: { ...sourceFile('default', path), layer: path.endsWith('corrections.json') ? 'corrections' : 'project' },
        layers,
        readSource: read,
      });
    const shadowed = into('locales/ja/messages.json');
    expect(brief(shadowed.diagnostics)).toEqual([`arb-import/shadowed app_ja.arb:${lineOf(arb, '"error_detail_60009"')}:3`]);
    expect([into(CORRECTIONS).changed, into(CORRECTIONS).diagnostics]).toEqual([['60009'], []]);
  });

  it('codes sharing a user text: an edit of some changes it for all (reported); different edits are not imported', async () => {
    const { catalog, files } = await exportArb('default');
    const old = catalog.userTexts!.find((t) => t.id === 'chat-unavailable')!.translations.ja!.text;
    const base = files.get('flutter/app_ja.arb')!;
    const edit = (arb: string, name: string, text: string) =>
      replaceOnce(arb, `"${name}": ${JSON.stringify(old)}`, `"${name}": ${JSON.stringify(text)}`);
    const same = edit(
      edit(base, 'error_n10112', '現在チャットはご利用いただけません。'),
      'error_n10111',
      '現在チャットはご利用いただけません。',
    );
    const result = importArb(same, { arbName: 'app_ja.arb', catalog, targetFile: sourceFile('default', CORRECTIONS), readSource: read });
    expect([result.changed, brief(result.diagnostics)]).toEqual([
      ['user:chat-unavailable'],
      [`arb-import/shared-text app_ja.arb:${lineOf(same, '"error_n10112"')}:3`],
    ]);
    expect(result.userFiles!.map((f) => f.path)).toEqual(['locales/ja/user.json']);
    const differ = edit(edit(base, 'error_n10112', 'A'), 'error_n10111', 'B');
    const refused = importArb(differ, { arbName: 'app_ja.arb', catalog, targetFile: sourceFile('default', CORRECTIONS), readSource: read });
    expect([refused.changed, brief(refused.diagnostics)]).toEqual([
      [],
      [
        `arb-import/conflicting-edits app_ja.arb:${lineOf(differ, '"error_n10112"')}:3`,
        `arb-import/conflicting-edits app_ja.arb:${lineOf(differ, '"error_n10111"')}:3`,
      ],
    ]);
  });
});

describe('arb import: rules', () => {
  it('every rule has a severity, an explanation and a case in these tests', () => {
    const dir = join(repoRoot, 'test/import');
    const tests = readdirSync(dir)
      .filter((f) => /^arb-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const [id, rule] of Object.entries(ARB_IMPORT_RULES)) {
      expect(id).toMatch(/^arb-import\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.explanation.length).toBeGreaterThan(20);
      expect(tests.replace(/^.*ARB_IMPORT_RULES.*$/m, ''), id).toContain(id);
    }
  });
});
