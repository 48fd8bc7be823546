/**
 * `codebook import <file.po>`, end to end through the built CLI: a copy of
 * the hazards project generates its PO files, a translator's tool edits one
 * (two texts changed, one entry marked fuzzy, one placeholder broken), the
 * import writes exactly those spans into the locale's source file and
 * reports the broken entry where it is, and `generate` then carries the
 * edits into dist/i18next and back into dist/gettext. The same edits pass
 * through gettext's own msgmerge and msgcat first and import the same.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/files.js';
import { haveTools } from '../support/toolchain.js';
import { generatedHazards, replaceOnce, where } from '../support/import-session.js';

const JA = 'locales/ja/messages.json';
const RU = 'locales/ru/messages.json';

/** What Poedit does to the ja file: two texts edited, one entry marked fuzzy, one placeholder retyped wrong. */
function translatorSession(po: string): string {
  po = replaceOnce(po, 'msgstr "ログインしていません。"', 'msgstr "ログインされていません。"');
  po = replaceOnce(po, 'msgstr "「引用」& <b>太字</b>、100% 確実。"', 'msgstr "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t{x}"');
  po = replaceOnce(
    po,
    '#: locales/codes.json:8 locales/en/messages.json:6 locales/ja/messages.json:6\n',
    '#: locales/codes.json:8 locales/en/messages.json:6 locales/ja/messages.json:6\n#, fuzzy\n',
  );
  return replaceOnce(
    po,
    'msgstr "ユーザー {user} がリクエスト上限 {limit} 件に達しました。"',
    'msgstr "ユーザー {usuario} がリクエスト上限 {limit} 件に達しました。"',
  );
}

/** The ja source file after the session: the two texts, the fuzzy entry as "initial"; entry 7 untouched. */
function expectedJa(before: string): string {
  let after = replaceOnce(
    before,
    '"-302": "接続数が多すぎます。後でもう一度お試しください。",',
    '"-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },',
  );
  after = replaceOnce(after, '"1": "「引用」& <b>太字</b>、100% 確実。",', `"1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{'x'}'",`);
  return replaceOnce(after, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
}

describe('codebook import <file.po>: a translator session on the hazards ja file', () => {
  it('writes exactly the edited spans, reports the broken placeholder where it is, and generate carries the edits', () => {
    const dir = generatedHazards('codebook-po-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8'));
    writeFileSync(join(dir, 'ja.po'), edited);
    const before = readFileSync(join(dir, JA), 'utf8');

    const result = runCli(['import', 'ja.po'], dir);
    // Errors make the exit code 1, as for XLIFF; the entries without one are written all the same.
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(expectedJa(before));
    const msgstr7 = 'msgstr "ユーザー {usuario}';
    const [line7] = where(edited, msgstr7).split(':');
    expect(result.stderr).toContain(
      `ja.po:${line7}:1  error  Entry 7: the msgstr lacks {user}, which its source text shows.  [po-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain(
      `ja.po:${where(edited, '{usuario}')}  error  Entry 7: msgstr uses {usuario}, which its source text does not (it shows {user}, {limit}).  [po-import/placeholder-mismatch]`,
    );
    expect(result.stderr).toContain('codebook: 3 key(s) changed (-302, 1, 6014); locales/ja/messages.json written.');

    const generated = runCli(['generate', '-q'], dir);
    expect(generated.code, generated.stderr).toBe(0);
    const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
    expect(i18next['6014']).toBe('ログインされていません。');
    expect(i18next['1']).toBe('「引用」& <b>太字</b>、"100%" 確実。\t{x}');
    expect(i18next['7']).toBe('ユーザー {{user}} がリクエスト上限 {{limit, number}} 件に達しました。');
    const po = readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8');
    expect(po).toContain('#, fuzzy\nmsgctxt "-302"');
    expect(po).toContain(
      'msgctxt "1"\nmsgid "It\'s \\"quoted\\" & <b>bold</b>, 100% sure."\nmsgstr "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t{x}"',
    );

    // The regenerated PO imports as no change.
    const again = runCli(['import', 'dist/gettext/ja.po'], dir);
    expect([again.code, again.stderr]).toEqual([0, 'codebook: 0 key(s) changed; locales/ja/messages.json unchanged.\n']);
  });

  it('--dry-run prints the diff and writes nothing; --check exits 1 when the file would change', () => {
    const dir = generatedHazards('codebook-po-import-');
    writeFileSync(join(dir, 'ja.po'), translatorSession(readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8')));
    const before = readFileSync(join(dir, JA), 'utf8');
    const mtime = statSync(join(dir, JA)).mtimeMs;
    const dry = runCli(['import', 'ja.po', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toBe(`--- ${JA}
+++ ${JA}
@@ -3,12 +3,12 @@
   "locale": "ja",
   "sections": { "general": "一般", "hazards": "危険な文字" },
   "messages": {
-    "-302": "接続数が多すぎます。後でもう一度お試しください。",
-    "1": "「引用」& <b>太字</b>、100% 確実。",
+    "-302": { "text": "接続数が多すぎます。後でもう一度お試しください。", "state": "initial" },
+    "1": "「引用」& <b>太字</b>、\\"100%\\" 確実。\\t'{'x'}'",
     "5": "{count, plural, other {残り # 件のファイル}}",
     "7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。",
     "8": "パーティー 🎉 と '{'波括弧'}'。",
-    "6014": "ログインしていません。",
+    "6014": "ログインされていません。",
     "unknown": "不明なエラーです(コード {code})。"
   }
 }
`);
    expect(dry.stderr).toContain('locales/ja/messages.json not written (dry run).');
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(before);
    expect(statSync(join(dir, JA)).mtimeMs).toBe(mtime);
    expect(runCli(['import', 'dist/gettext/ja.po', '--check'], dir).code).toBe(0);
  });

  it('reads the format from the content (--from po for any name) and refuses a PO of another locale than --locale', () => {
    const dir = generatedHazards('codebook-po-import-');
    writeFileSync(
      join(dir, 'from-poedit.txt'),
      replaceOnce(
        readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8'),
        'msgstr "ログインしていません。"',
        'msgstr "ログインされていません。"',
      ),
    );
    const wrong = runCli(['import', 'from-poedit.txt', '--locale', 'ko'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('from-poedit.txt:8:2  error  Language is "ja" (ja) but --locale is "ko".  [po-import/locale-mismatch]');
    const right = runCli(['import', 'from-poedit.txt', '--locale', 'ja'], dir);
    expect([right.code, right.stderr]).toEqual([0, 'codebook: 1 key(s) changed (6014); locales/ja/messages.json written.\n']);
    expect(runCli(['import', 'from-poedit.txt', '--from', 'po', '--check'], dir).code).toBe(0);
  });

  it('reads an XLIFF file by its content too, whatever its name', () => {
    const dir = generatedHazards('codebook-po-import-');
    writeFileSync(join(dir, 'review-ja.txt'), readFileSync(join(dir, 'dist/xliff/ja.xlf')));
    const result = runCli(['import', 'review-ja.txt'], dir);
    expect([result.code, result.stderr]).toEqual([0, 'codebook: 0 key(s) changed; locales/ja/messages.json unchanged.\n']);
  });

  it("a plural entry comes back as one ICU plural in the ru categories (msgstr[i] by gettext's Plural-Forms)", () => {
    const dir = generatedHazards('codebook-po-import-');
    let po = readFileSync(join(dir, 'dist/gettext/ru.po'), 'utf8');
    const entry = po.slice(po.indexOf('msgctxt "5"'), po.indexOf('\n\n', po.indexOf('msgctxt "5"')));
    expect(entry).toMatch(/msgstr\[0\] ".*"\nmsgstr\[1\] ".*"\nmsgstr\[2\] ".*"$/);
    po = replaceOnce(po, entry, entry.replace(/msgstr\[2\] ".*"$/, 'msgstr[2] "Осталось {count} файлов!"'));
    writeFileSync(join(dir, 'ru.po'), po);
    const before = readFileSync(join(dir, RU), 'utf8');
    const result = runCli(['import', 'ru.po'], dir);
    expect([result.code, result.stderr]).toEqual([0, `codebook: 1 key(s) changed (5); ${RU} written.\n`]);
    const after = JSON.parse(readFileSync(join(dir, RU), 'utf8')) as { messages: Record<string, string> };
    const old = (JSON.parse(before) as { messages: Record<string, string> }).messages['5']!;
    expect(old).toMatch(/many \{[^}]*\}/);
    expect(after.messages['5']).toBe(old.replace(/many \{[^}]*\}/, 'many {Осталось # файлов!}'));
    expect(runCli(['generate', '-q'], dir).code).toBe(0);
    const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ru/errors.json'), 'utf8')) as Record<string, string>;
    expect(i18next['5_many']).toBe('Осталось {{count, number}} файлов!');
  });
});

describe.skipIf(!haveTools('msgmerge', 'msgcat'))("codebook import of a PO rewritten by gettext's own tools", () => {
  it('msgmerge against the POT, then msgcat (rewrapped, sorted): the same edits, the same diagnostics', () => {
    const dir = generatedHazards('codebook-po-import-');
    const edited = translatorSession(readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8'));
    writeFileSync(join(dir, 'ja.po'), edited);
    execFileSync('msgmerge', ['--quiet', '--previous', '-o', 'merged.po', 'ja.po', 'dist/gettext/errors.pot'], { cwd: dir });
    execFileSync('msgcat', ['--width=40', '--sort-output', '-o', 'cat.po', 'merged.po'], { cwd: dir });
    const cat = readFileSync(join(dir, 'cat.po'), 'utf8');
    expect(cat).not.toBe(edited);
    expect(cat).toContain('"ユーザー {usuario} がリクエスト上限 "');
    const before = readFileSync(join(dir, JA), 'utf8');
    const result = runCli(['import', 'cat.po'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, JA), 'utf8')).toBe(expectedJa(before));
    expect(result.stderr.match(/\[po-[a-z-/]+\]/g)).toEqual(['[po-import/placeholder-mismatch]', '[po-import/placeholder-mismatch]']);
    // The {usuario} on its continuation line, not the msgstr's.
    expect(result.stderr).toContain(`cat.po:${where(cat, '{usuario}')}  error  Entry 7: msgstr uses {usuario}`);
  });

  it('an unedited PO through msgmerge and msgcat imports as no change, in every locale', () => {
    const dir = generatedHazards('codebook-po-import-');
    for (const name of ['ja', 'ko', 'ru', 'ar', 'fr', 'pt_BR', 'zh_CN']) {
      execFileSync('msgmerge', ['--quiet', '-o', `${name}.merged.po`, `dist/gettext/${name}.po`, 'dist/gettext/errors.pot'], { cwd: dir });
      execFileSync('msgcat', ['--no-wrap', '-o', `${name}.po`, `${name}.merged.po`], { cwd: dir });
      const result = runCli(['import', `${name}.po`], dir);
      expect([result.code, result.stderr], name).toEqual([
        0,
        expect.stringMatching(/^codebook: 0 key\(s\) changed; locales\/[-\w]+\/messages\.json unchanged\.\n$/),
      ]);
    }
  });
});
