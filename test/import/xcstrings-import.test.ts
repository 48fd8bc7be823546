/**
 * `codebook import <Localizable.xcstrings>`, end to end through the built
 * CLI: a copy of the hazards project generates its String Catalog, Xcode
 * edits it (two ja texts changed, one marked "needs review", one placeholder
 * broken) and writes it back with its own formatting (simulated: the JSON
 * re-serialised with 2-space indent and sorted keys), the import writes
 * exactly those spans into the ja source file, leaves every other locale of
 * the file as it is, reports the broken localization where it is, and
 * `generate` then carries the edits into dist/i18next, gettext and Android.
 * An unedited catalog of the default catalog (both tables, every locale)
 * imports as no change.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { readTree, runCli } from '../support/files.js';
import { generatedHazards, where } from '../support/import-session.js';

const JA = 'locales/ja/messages.json';
const RU = 'locales/ru/messages.json';

type Unit = { stringUnit: { state: string; value: string } };
type Localization = Unit | { variations: { plural: Record<string, Unit> } };
type Xcstrings = { sourceLanguage: string; strings: Record<string, { localizations: Record<string, Localization> }> };

/** What Xcode writes: JSON with 2-space indent and every object's keys sorted. */
function xcodeJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

function replaceOnce(s: string, from: string, to: string): string {
  const i = s.indexOf(from);
  if (i < 0 || s.indexOf(from, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
}

const unit = (catalog: Xcstrings, key: string, locale: string) => (catalog.strings[key]!.localizations[locale] as Unit).stringUnit;

/** The Xcode session on the ja localizations. */
function translatorSession(text: string): string {
  const catalog = JSON.parse(text) as Xcstrings;
  unit(catalog, '6014', 'ja').value = 'ログインされていません。';
  unit(catalog, '1', 'ja').value = '「引用」& <b>太字</b>、"100%%" 確実。\t{x}';
  unit(catalog, '-302', 'ja').state = 'needs_review';
  unit(catalog, '7', 'ja').value = 'ユーザー %3$@ がリクエスト上限 %1$lld 件に達しました。';
  return xcodeJson(catalog);
}

function expectedJa(before: string): string {
  let after = replaceOnce(
    before,
    '"-302": "接続数が多すぎます。後でもう一度お試しください。",',
    '"-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },',
  );
  after = replaceOnce(after, '"1": "「引用」& <b>太字</b>、100% 確実。",', `"1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{'x'}'",`);
  return replaceOnce(after, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
}

describe('codebook import <Localizable.xcstrings>: an Xcode session on the hazards catalog', () => {
  it('writes exactly the edited ja spans, no other locale, reports the broken placeholder where it is, and generate carries the edits', () => {
    const dir = generatedHazards('codebook-xcstrings-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8'));
    writeFileSync(join(dir, 'Localizable.xcstrings'), edited);
    const before = readTree(join(dir, 'locales'));

    const result = runCli(['import', 'Localizable.xcstrings'], dir);
    expect(result.code).toBe(1);
    expect(readTree(join(dir, 'locales'))).toEqual({ ...before, 'ja/messages.json': expectedJa(before['ja/messages.json']!) });
    expect(result.stderr).toContain(
      `Localizable.xcstrings:${where(edited, '%3$@')}  error  Key 7, ja: %3$@ is no argument its source text shows (it shows %2$@ {user}, %1$lld {limit}).  [xcstrings-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain(
      `Localizable.xcstrings:${where(edited, '"ユーザー %3$@')}  error  Key 7, ja: the value lacks %2$@ {user}, which its source text shows.  [xcstrings-import/placeholder-mismatch]`,
    );
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('codebook: '));
    expect(lines).toEqual([
      'codebook: 0 key(s) changed; locales/ar/messages.json unchanged.',
      'codebook: 0 key(s) changed; locales/fr/messages.json unchanged.',
      'codebook: 3 key(s) changed (-302, 1, 6014); locales/ja/messages.json written.',
      'codebook: 0 key(s) changed; locales/ko/messages.json unchanged.',
      'codebook: 0 key(s) changed; locales/pt-BR/messages.json unchanged.',
      'codebook: 0 key(s) changed; locales/ru/messages.json unchanged.',
      'codebook: 0 key(s) changed; locales/zh-Hans/messages.json unchanged.',
    ]);

    const generated = runCli(['generate', '-q'], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
    expect(i18next['6014']).toBe('ログインされていません。');
    expect(i18next['1']).toBe('「引用」& <b>太字</b>、"100%" 確実。\t{x}');
    expect(readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8')).toContain('#, fuzzy\nmsgctxt "-302"');
    expect(readFileSync(join(dir, 'dist/android/values-ja/strings.xml'), 'utf8')).toContain(
      '<string name="error_6014">ログインされていません。</string>',
    );
    const regenerated = JSON.parse(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8')) as Xcstrings;
    expect(unit(regenerated, '-302', 'ja').state).toBe('needs_review');

    // The regenerated catalog, even as Xcode rewrites it, imports as no change.
    writeFileSync(join(dir, 'again.xcstrings'), xcodeJson(regenerated));
    const again = runCli(['import', 'again.xcstrings', '--locale', 'ja'], dir);
    expect([again.code, again.stderr]).toEqual([0, 'codebook: 0 key(s) changed; locales/ja/messages.json unchanged.\n']);
  });

  it('--locale imports one locale, --dry-run prints its diff; --out needs --locale when the file holds several', () => {
    const dir = generatedHazards('codebook-xcstrings-import-');
    writeFileSync(
      join(dir, 'Localizable.xcstrings'),
      translatorSession(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8')),
    );
    const before = readFileSync(join(dir, JA), 'utf8');
    const dry = runCli(['import', 'Localizable.xcstrings', '--locale', 'ja', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('+    "-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },\n');
    expect(dry.stderr).toContain('codebook: 3 key(s) changed (-302, 1, 6014); locales/ja/messages.json not written (dry run).');
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(before);
    const out = runCli(['import', 'Localizable.xcstrings', '--out', JA], dir);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      '--out names one source file, and Localizable.xcstrings holds 7 locales (ar, fr, ja, ko, pt-BR, ru, zh-Hans); give the one to import with --locale.  [xcstrings-import/no-target-file]',
    );
    expect(runCli(['import', 'dist/apple/Localizable.xcstrings', '--check'], dir).code).toBe(0);
  });

  it('reads the format from the content; plural variations come back as one ICU plural, zero as =0', () => {
    const dir = generatedHazards('codebook-xcstrings-import-');
    const catalog = JSON.parse(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8')) as Xcstrings;
    const ru = (catalog.strings['6']!.localizations.ru as { variations: { plural: Record<string, Unit> } }).variations.plural;
    ru.zero!.stringUnit.value = 'Попыток больше нет.';
    ru.many!.stringUnit.value = 'Осталось %1$lld попыток!';
    const text = xcodeJson(catalog);
    writeFileSync(join(dir, 'from-xcode.json'), text);
    const before = readFileSync(join(dir, RU), 'utf8');
    const result = runCli(['import', 'from-xcode.json', '--locale', 'ru'], dir);
    expect([result.code, result.stderr]).toEqual([0, `codebook: 1 key(s) changed (6); ${RU} written.\n`]);
    const old = (JSON.parse(before) as { messages: Record<string, string> }).messages['6']!;
    const after = (JSON.parse(readFileSync(join(dir, RU), 'utf8')) as { messages: Record<string, string> }).messages['6']!;
    expect(after).toBe(
      old
        .replace('=0 {Попыток не осталось.}', '=0 {Попыток больше нет.}')
        .replace('many {Осталось # попыток.}', 'many {Осталось # попыток!}'),
    );
  });

  it('an unedited String Catalog of the default catalog (user messages and details, every locale) imports as no change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-xcstrings-default-'));
    cpSync(join(repoRoot, 'locales'), join(dir, 'locales'), { recursive: true });
    writeFileSync(join(dir, 'codebook.config.json'), JSON.stringify({ extends: './locales/chat.base.json', out: 'dist' }));
    expect(runCli(['generate', '-q', '-t', 'apple'], dir).code).toBe(0);
    const before = readTree(join(dir, 'locales'));
    const unchanged = (locales: string[]) =>
      locales.map((l) => `codebook: 0 key(s) changed; locales/${l}/corrections.json unchanged.\n`).join('');
    const user = runCli(['import', 'dist/apple/Localizable.xcstrings'], dir);
    expect([user.code, user.stderr]).toEqual([0, unchanged(['ja', 'ko', 'zh-Hans', 'zh-Hant'])]);
    const detail = runCli(['import', 'dist/apple/LocalizableDetail.xcstrings'], dir);
    expect([detail.code, detail.stderr]).toEqual([0, unchanged(['ja', 'ko', 'zh-Hans'])]);
    // zh-Hant has no details of its own (it falls back to zh-Hans): nothing to import, nothing missing.
    const hant = runCli(['import', 'dist/apple/LocalizableDetail.xcstrings', '--locale', 'zh-Hant'], dir);
    expect([hant.code, hant.stderr]).toEqual([0, unchanged(['zh-Hant'])]);
    expect(readTree(join(dir, 'locales'))).toEqual(before);
  });
});
