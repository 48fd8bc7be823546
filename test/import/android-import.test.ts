/**
 * `codebook import <values-ja/strings.xml>`, end to end through the built
 * CLI: a copy of the hazards project generates its Android resources,
 * Android Studio's translations editor edits the ja file (two texts changed,
 * the XML escaping kept, one placeholder broken), the import writes exactly
 * those spans into the locale's source file and reports the broken resource
 * where it is, and `generate` then carries the edits into dist/i18next,
 * the ARB and the String Catalog. Android resources have no translation
 * state, so the session changes none (the PO, XLIFF and String Catalog tests
 * do). Unedited resources of every locale of the default catalog (user
 * messages and details) import as no change.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { readTree, runCli } from '../support/files.js';
import { generatedHazards, where } from '../support/import-session.js';

const JA = 'locales/ja/messages.json';
const RU = 'locales/ru/messages.json';

function replaceOnce(s: string, from: string, to: string): string {
  const i = s.indexOf(from);
  if (i < 0 || s.indexOf(from, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
}

/** What the translations editor writes: two texts edited with Android's escaping, one placeholder retyped wrong. */
function translatorSession(xml: string): string {
  xml = replaceOnce(
    xml,
    '<string name="error_6014">ログインしていません。</string>',
    '<string name="error_6014">ログインされていません。</string>',
  );
  xml = replaceOnce(
    xml,
    '「引用」&amp; &lt;b&gt;太字&lt;/b&gt;、100% 確実。',
    '「引用」&amp; &lt;b&gt;太字&lt;/b&gt;、\\"100%\\" 確実。\\t{x} it\\\'s',
  );
  return replaceOnce(xml, 'ユーザー %2$s がリクエスト上限 %1$s 件に達しました。', 'ユーザー %3$s がリクエスト上限 %1$s 件に達しました。');
}

function expectedJa(before: string): string {
  const after = replaceOnce(
    before,
    '"1": "「引用」& <b>太字</b>、100% 確実。",',
    `"1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{'x'}' it's",`,
  );
  return replaceOnce(after, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
}

describe('codebook import <values-ja/strings.xml>: a translator session on the hazards ja file', () => {
  it('writes exactly the edited spans, reports the broken placeholder where it is, and generate carries the edits', () => {
    const dir = generatedHazards('codebook-android-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/android/values-ja/strings.xml'), 'utf8'));
    mkdirSync(join(dir, 'from-studio/values-ja'), { recursive: true });
    writeFileSync(join(dir, 'from-studio/values-ja/strings.xml'), edited);
    const before = readFileSync(join(dir, JA), 'utf8');

    const result = runCli(['import', 'from-studio/values-ja/strings.xml'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(expectedJa(before));
    const file = 'from-studio/values-ja/strings.xml';
    expect(result.stderr).toContain(
      `${file}:${where(edited, '%3$s')}  error  Resource error_7 (key 7): %3$s is no argument its source text shows (it shows %2$s {user}, %1$s {limit}).  [android-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain(
      `${file}:${where(edited, '<string name="error_7">')}  error  Resource error_7 (key 7) lacks %2$s {user}, which its source text shows.  [android-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain('codebook: 2 key(s) changed (1, 6014); locales/ja/messages.json written.');

    const generated = runCli(['generate', '-q'], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
    expect(i18next['6014']).toBe('ログインされていません。');
    expect(i18next['1']).toBe('「引用」& <b>太字</b>、"100%" 確実。\t{x} it\'s');
    expect(i18next['7']).toBe('ユーザー {{user}} がリクエスト上限 {{limit, number}} 件に達しました。');
    const arb = JSON.parse(readFileSync(join(dir, 'dist/flutter/app_ja.arb'), 'utf8')) as Record<string, string>;
    expect(arb.error_6014).toBe('ログインされていません。');
    expect(arb.error_1).toBe(`「引用」& <b>太字</b>、"100%" 確実。\t'{x}' it''s`);
    const xcstrings = JSON.parse(readFileSync(join(dir, 'dist/apple/Localizable.xcstrings'), 'utf8')) as {
      strings: Record<string, { localizations: Record<string, { stringUnit: { value: string } }> }>;
    };
    expect(xcstrings.strings['1']!.localizations.ja!.stringUnit.value).toBe('「引用」& <b>太字</b>、"100%%" 確実。\t{x} it\'s');

    // The regenerated file imports as no change.
    const again = runCli(['import', 'dist/android/values-ja/strings.xml'], dir);
    expect([again.code, again.stderr]).toEqual([0, 'codebook: 0 key(s) changed; locales/ja/messages.json unchanged.\n']);
  });

  it("--dry-run prints the diff and writes nothing; the locale is the folder's, or --locale, which must agree", () => {
    const dir = generatedHazards('codebook-android-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/android/values-ja/strings.xml'), 'utf8'));
    writeFileSync(join(dir, 'strings.xml'), edited);
    const before = readFileSync(join(dir, JA), 'utf8');
    const none = runCli(['import', 'strings.xml'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      'strings.xml:3:1  error  The file is in no values-<qualifier> folder; give its locale with --locale (one of ',
    );
    const dry = runCli(['import', 'strings.xml', '--locale', 'ja', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('-    "6014": "ログインしていません。",\n+    "6014": "ログインされていません。",\n');
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(before);
    const wrong = runCli(['import', 'dist/android/values-ja/strings.xml', '--locale', 'ko'], dir);
    expect(wrong.stderr).toContain('error  The file is in values-ja/ (ja) but --locale is "ko".  [android-import/locale-mismatch]');
    expect(runCli(['import', 'dist/android/values-ja/strings.xml', '--from', 'android', '--check'], dir).code).toBe(0);
  });

  it('<plurals> come back as one ICU plural; the exact =0 Android cannot hold is kept and reported; aapt2 errors are located', () => {
    const dir = generatedHazards('codebook-android-import-');
    let xml = readFileSync(join(dir, 'dist/android/values-ru/strings.xml'), 'utf8');
    xml = replaceOnce(xml, '<item quantity="many">Осталось %1$s попыток.</item>', '<item quantity="many">Осталось %1$s попыток!</item>');
    xml = replaceOnce(
      xml,
      '<string name="error_6014">Вы не вошли в систему.</string>',
      '<string name="error_6014">Вы не вошли в систему, it\'s <b>bold</b>.</string>',
    );
    mkdirSync(join(dir, 'tr/values-ru'), { recursive: true });
    writeFileSync(join(dir, 'tr/values-ru/strings.xml'), xml);
    const before = readFileSync(join(dir, RU), 'utf8');
    const result = runCli(['import', 'tr/values-ru/strings.xml'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `tr/values-ru/strings.xml:${where(xml, "'s <b>")}  error  Resource error_6014 (key 6014): an unescaped apostrophe, which aapt2 rejects ("unescaped apostrophe in string"); write \\'.  [android-import/escape]`,
    );
    expect(result.stderr).toContain(
      `tr/values-ru/strings.xml:${where(xml, '<b>bold')}  error  Resource error_6014 (key 6014): <b> is markup (a styled span) that a catalog message cannot hold`,
    );
    expect(result.stderr).toContain(
      'warning  Resource error_6 (key 6): Android has no item for the =0 form of the ru text, kept as it is; check it agrees with the new text.  [android-import/plural-form-kept]',
    );
    const old = (JSON.parse(before) as { messages: Record<string, string> }).messages;
    const after = (JSON.parse(readFileSync(join(dir, RU), 'utf8')) as { messages: Record<string, string> }).messages;
    expect(after).toEqual({ ...old, '6': old['6']!.replace('many {Осталось # попыток.}', 'many {Осталось # попыток!}') });
  });

  it('unedited resources of every locale of the default catalog (strings.xml and strings_detail.xml) import as no change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-android-default-'));
    cpSync(join(repoRoot, 'locales'), join(dir, 'locales'), { recursive: true });
    writeFileSync(join(dir, 'codebook.config.json'), JSON.stringify({ extends: './locales/chat.base.json', out: 'dist' }));
    expect(runCli(['generate', '-q', '-t', 'android'], dir).code).toBe(0);
    const before = readTree(join(dir, 'locales'));
    const folders = readdirSync(join(dir, 'dist/android')).filter((f) => f !== 'values');
    expect(folders.sort()).toEqual(['values-b+zh+Hans', 'values-b+zh+Hant', 'values-ja', 'values-ko']);
    for (const folder of folders) {
      for (const name of ['strings.xml', 'strings_detail.xml']) {
        const result = runCli(['import', `dist/android/${folder}/${name}`], dir);
        expect([result.code, result.stderr], `${folder}/${name}`).toEqual([
          0,
          expect.stringMatching(/^codebook: 0 key\(s\) changed; locales\/[-\w]+\/corrections\.json unchanged\.\n$/),
        ]);
      }
    }
    expect(runCli(['import', 'dist/android/values/strings.xml'], dir).stderr).toContain("values/ holds the catalog's source locale");
    expect(readTree(join(dir, 'locales'))).toEqual(before);
  });
});
