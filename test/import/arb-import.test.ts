/**
 * `codebook import <app_ja.arb>`, end to end through the built CLI: a copy of
 * the hazards project generates its ARB files, a vendor's tool edits one (two
 * texts changed, one placeholder broken), the import writes exactly those
 * spans into the locale's source file and reports the broken entry where it
 * is, and `generate` then carries the edits into dist/i18next, Android and
 * the String Catalog. ARB has no translation state, so the session changes
 * none (the PO, XLIFF and String Catalog tests do). An unedited ARB of every
 * locale of the default catalog imports as no change.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { readTree, runCli } from '../support/files.js';
import { generatedHazards, replaceOnce, where } from '../support/import-session.js';

const JA = 'locales/ja/messages.json';
const RU = 'locales/ru/messages.json';

/** What the vendor's tool does to the ja ARB: two texts edited (gen-l10n quoting in one), one placeholder retyped wrong. */
function translatorSession(arb: string): string {
  arb = replaceOnce(arb, '"error_6014": "ログインしていません。"', '"error_6014": "ログインされていません。"');
  arb = replaceOnce(
    arb,
    '"error_1": "「引用」& <b>太字</b>、100% 確実。"',
    `"error_1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{x}' it''s"`,
  );
  return replaceOnce(
    arb,
    '"error_7": "ユーザー {user} がリクエスト上限 {limit} 件に達しました。"',
    '"error_7": "ユーザー {usuario} がリクエスト上限 {limit} 件に達しました。"',
  );
}

/** The ja source file after the session: the two texts; entry 7 untouched. */
function expectedJa(before: string): string {
  const after = replaceOnce(
    before,
    '"1": "「引用」& <b>太字</b>、100% 確実。",',
    `"1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{'x'}' it's",`,
  );
  return replaceOnce(after, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
}

describe('codebook import <app_ja.arb>: a translator session on the hazards ja file', () => {
  it('writes exactly the edited spans, reports the broken placeholder where it is, and generate carries the edits', () => {
    const dir = generatedHazards('codebook-arb-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/flutter/app_ja.arb'), 'utf8'));
    writeFileSync(join(dir, 'app_ja.arb'), edited);
    const before = readFileSync(join(dir, JA), 'utf8');

    const result = runCli(['import', 'app_ja.arb'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(expectedJa(before));
    const value7 = '"ユーザー {usuario}';
    expect(result.stderr).toContain(
      `app_ja.arb:${where(edited, value7)}  error  error_7 (key 7) lacks {user}, which its source text shows; it is not imported.  [arb-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain(
      `app_ja.arb:${where(edited, '{usuario}')}  error  error_7 (key 7): {usuario} is no argument its source text shows (it shows {user}, {limit}); it is not imported.  [arb-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain('codebook: 2 key(s) changed (1, 6014); locales/ja/messages.json written.');

    const generated = runCli(['generate', '-q'], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
    expect(i18next['6014']).toBe('ログインされていません。');
    expect(i18next['1']).toBe('「引用」& <b>太字</b>、"100%" 確実。\t{x} it\'s');
    expect(i18next['7']).toBe('ユーザー {{user}} がリクエスト上限 {{limit, number}} 件に達しました。');
    const android = readFileSync(join(dir, 'dist/android/values-ja/strings.xml'), 'utf8');
    expect(android).toContain('<string name="error_6014">ログインされていません。</string>');
    expect(android).toContain(
      '<string name="error_1" formatted="false">「引用」&amp; &lt;b&gt;太字&lt;/b&gt;、\\"100%\\" 確実。\\t{x} it\\\'s</string>',
    );
    const xcstrings = JSON.parse(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8')) as {
      strings: Record<string, { localizations: Record<string, { stringUnit: { value: string } }> }>;
    };
    expect(xcstrings.strings['6014']!.localizations.ja!.stringUnit.value).toBe('ログインされていません。');

    // The regenerated ARB imports as no change.
    const again = runCli(['import', 'dist/flutter/app_ja.arb'], dir);
    expect([again.code, again.stderr]).toEqual([0, 'codebook: 0 key(s) changed; locales/ja/messages.json unchanged.\n']);
  });

  it('--dry-run prints the diff and writes nothing; --check exits 1 when the file would change', () => {
    const dir = generatedHazards('codebook-arb-import-');
    writeFileSync(join(dir, 'app_ja.arb'), translatorSession(readFileSync(join(dir, 'dist/flutter/app_ja.arb'), 'utf8')));
    const before = readFileSync(join(dir, JA), 'utf8');
    const dry = runCli(['import', 'app_ja.arb', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`--- ${JA}\n+++ ${JA}\n`);
    expect(dry.stdout).toContain('-    "6014": "ログインしていません。",\n+    "6014": "ログインされていません。",\n');
    expect(dry.stderr).toContain('locales/ja/messages.json not written (dry run).');
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(before);
    expect(runCli(['import', 'dist/flutter/app_ja.arb', '--check'], dir).code).toBe(0);
  });

  it('reads the format from the content (--from arb for any name), the locale from @@locale, and refuses another --locale', () => {
    const dir = generatedHazards('codebook-arb-import-');
    writeFileSync(
      join(dir, 'vendor-ja.json'),
      replaceOnce(readFileSync(join(dir, 'dist/flutter/app_ja.arb'), 'utf8'), '"ログインしていません。"', '"ログインされていません。"'),
    );
    const wrong = runCli(['import', 'vendor-ja.json', '--locale', 'ko'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('vendor-ja.json:2:15  error  @@locale "ja" is ja but --locale is "ko".  [arb-import/locale-mismatch]');
    const right = runCli(['import', 'vendor-ja.json'], dir);
    expect([right.code, right.stderr]).toEqual([0, 'codebook: 1 key(s) changed (6014); locales/ja/messages.json written.\n']);
    expect(runCli(['import', 'vendor-ja.json', '--from', 'arb', '--check'], dir).code).toBe(0);
  });

  it('a plural comes back as one ICU plural; a key of no code, and a plural case ru does not have, are reported', () => {
    const dir = generatedHazards('codebook-arb-import-');
    let arb = readFileSync(join(dir, 'dist/flutter/app_ru.arb'), 'utf8');
    arb = replaceOnce(arb, 'many{Осталось {count} файлов}', 'many{Осталось {count} файлов!}');
    arb = replaceOnce(arb, 'many{Осталось {count} попыток.}', 'two{Две попытки.} many{Осталось {count} попыток.}');
    arb = replaceOnce(arb, '"error_6014"', '"error_60140": "?",\n  "error_6014"');
    writeFileSync(join(dir, 'app_ru.arb'), arb);
    const before = readFileSync(join(dir, RU), 'utf8');
    const result = runCli(['import', 'app_ru.arb'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `app_ru.arb:${where(arb, 'two{')}  error  error_6 (key 6): two is no CLDR plural category of ru (one, few, many, other); it is not imported.  [arb-import/plural-category]`,
    );
    expect(result.stderr).toContain(
      `app_ru.arb:${where(arb, '"error_60140"')}  error  error_60140 is not an identifier of the catalog; the entry is not imported.  [arb-import/unknown-entry]`,
    );
    const old = (JSON.parse(before) as { messages: Record<string, string> }).messages['5']!;
    const after = (JSON.parse(readFileSync(join(dir, RU), 'utf8')) as { messages: Record<string, string> }).messages;
    expect(after['5']).toBe(old.replace('many {Осталось # файлов}', 'many {Осталось # файлов!}'));
  });

  it('an unedited ARB of every locale of the default catalog (user messages and details in one file) imports as no change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-arb-default-'));
    cpSync(join(repoRoot, 'locales'), join(dir, 'locales'), { recursive: true });
    writeFileSync(join(dir, 'codebook.config.json'), JSON.stringify({ extends: './locales/chat.base.json', out: 'dist' }));
    expect(runCli(['generate', '-q', '-t', 'flutter'], dir).code).toBe(0);
    const before = readTree(join(dir, 'locales'));
    for (const name of ['ja', 'ko', 'zh', 'zh_Hans', 'zh_Hant']) {
      const result = runCli(['import', `dist/flutter/app_${name}.arb`], dir);
      expect([result.code, result.stderr], name).toEqual([
        0,
        expect.stringMatching(/^codebook: 0 key\(s\) changed; locales\/[-\w]+\/corrections\.json unchanged\.\n$/),
      ]);
    }
    expect(runCli(['import', 'dist/flutter/app_en.arb'], dir).stderr).toContain("is the catalog's source locale (the template)");
    expect(readTree(join(dir, 'locales'))).toEqual(before);
  });
});
