/**
 * `codebook import <file.xlf>`, end to end through the built CLI, for XLIFF
 * 1.2 and 2.0: a copy of the hazards project generates its XLIFF (1.2 by
 * `"xliff": { "version": "1.2" }` in its config), a translator's tool edits
 * the ja file (two texts changed, one state changed, one placeholder broken),
 * the import writes exactly those spans into the locale's source file and
 * reports the broken unit with file:line:col (exit 1), and `generate` then
 * carries the edits into i18next, Android, Apple, gettext and back into the
 * XLIFF, which imports again as no change.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, runCli } from '../support/files.js';
import { replaceOnce, where } from '../support/import-session.js';

const JA = 'locales/ja/messages.json';
type Version = '1.2' | '2.0';

/** A fresh copy of the hazards project with its dist/ generated, XLIFF in `version`. */
function project(version: Version): string {
  const dir = fixtureCopy('hazards', `codebook-xliff${version.replace('.', '')}-e2e-`);
  if (version === '1.2') {
    const file = join(dir, 'codebook.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, `${JSON.stringify({ ...config, xliff: { version: '1.2' } }, null, 2)}\n`);
  }
  const generated = runCli(['generate', '-q'], dir);
  expect(generated.code, generated.stderr).toBe(0);
  return dir;
}

/** The unit (2.0 `<unit>`, 1.2 `<trans-unit>`) of `id`, edited by `edit`. */
function editUnit(xlf: string, version: Version, id: string, edit: (block: string) => string): string {
  const open = xlf.indexOf(version === '1.2' ? `<trans-unit id="${id}"` : `<unit id="${id}">`);
  const closeTag = version === '1.2' ? '</trans-unit>' : '</unit>';
  const close = xlf.indexOf(closeTag, open) + closeTag.length;
  return xlf.slice(0, open) + edit(xlf.slice(open, close)) + xlf.slice(close);
}

/** The broken placeholder as each version's target spells it. */
const broken = (version: Version) => (version === '1.2' ? '<ph id="2">{usuario}</ph>' : '<ph id="2" equiv="{usuario}" disp="{user}"/>');

/**
 * What a translator's tool does to the ja file: two texts retyped, one unit
 * sent back for review (2.0 `state="initial"`; 1.2 as translate-toolkit
 * marks it fuzzy: `needs-review-translation`, no longer approved), one
 * placeholder's spelling edited.
 */
function translatorSession(xlf: string, version: Version): string {
  xlf = editUnit(xlf, version, '6014', (b) => replaceOnce(b, 'ログインしていません。</target>', 'ログインされていません。</target>'));
  xlf = editUnit(xlf, version, '-302', (b) =>
    replaceOnce(b, '後でもう一度お試しください。</target>', 'しばらくしてからお試しください。</target>'),
  );
  xlf = editUnit(xlf, version, 'unknown', (b) =>
    version === '1.2'
      ? replaceOnce(replaceOnce(b, 'state="translated"', 'state="needs-review-translation"'), 'approved="yes"', 'approved="no"')
      : replaceOnce(b, 'state="translated"', 'state="initial"'),
  );
  return editUnit(xlf, version, '7', (b) => {
    const target = b.slice(b.indexOf('<target'));
    const ph = version === '1.2' ? '<ph id="2">{user}</ph>' : '<ph id="2" equiv="{user}" disp="{user}"/>';
    return b.slice(0, b.indexOf('<target')) + replaceOnce(target, ph, broken(version));
  });
}

/** The ja source file after the session: the two texts, "unknown" as initial; entry 7 untouched. */
function expectedJa(before: string): string {
  let after = replaceOnce(
    before,
    '"-302": "接続数が多すぎます。後でもう一度お試しください。",',
    '"-302": "接続数が多すぎます。しばらくしてからお試しください。",',
  );
  after = replaceOnce(after, '"6014": "ログインしていません。",', '"6014": "ログインされていません。",');
  return replaceOnce(
    after,
    '"unknown": "不明なエラーです(コード {code})。"',
    '"unknown": { "text": "不明なエラーです(コード {code})。", "state": "initial" }',
  );
}

for (const version of ['1.2', '2.0'] as const) {
  describe(`codebook import <file.xlf>: a translator session on the hazards ja XLIFF ${version}`, () => {
    it('writes exactly the edited spans, reports the broken placeholder where it is, and generate carries the edits into every target', () => {
      const dir = project(version);
      const exported = readFileSync(join(dir, 'dist/xliff/ja.xlf'), 'utf8');
      expect(exported).toContain(
        version === '1.2'
          ? '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
          : '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"',
      );
      const edited = translatorSession(exported, version);
      writeFileSync(join(dir, 'ja.xlf'), edited);
      const before = readFileSync(join(dir, JA), 'utf8');

      const result = runCli(['import', 'ja.xlf'], dir);
      expect(result.code).toBe(1);
      expect(readFileSync(join(dir, JA), 'utf8')).toBe(expectedJa(before));
      const shown = version === '1.2' ? `<ph id="2"> holds "{usuario}"` : `<ph id="2"> has equiv "{usuario}"`;
      expect(result.stderr).toContain(
        `ja.xlf:${where(edited, broken(version))}  error  Unit 7: the target's ${shown}; the source's is "{user}".  [xliff-import/placeholder-mismatch]`,
      );
      expect(result.stderr.match(/\[xliff-import\/[a-z-]+\]/g)).toEqual(['[xliff-import/placeholder-mismatch]']);
      expect(result.stderr).toContain(`codebook: 3 key(s) changed (-302, 6014, unknown); ${JA} written.`);

      const generated = runCli(['generate', '-q'], dir);
      expect(generated.code, generated.stderr).toBe(0);
      const i18next = JSON.parse(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
      expect([i18next['6014'], i18next['-302'], i18next['7']]).toEqual([
        'ログインされていません。',
        '接続数が多すぎます。しばらくしてからお試しください。',
        'ユーザー {{user}} がリクエスト上限 {{limit, number}} 件に達しました。',
      ]);
      const android = readFileSync(join(dir, 'dist/android/values-ja/strings.xml'), 'utf8');
      expect(android).toContain('<string name="error_6014">ログインされていません。</string>');
      expect(android).toContain('<string name="error_n302">接続数が多すぎます。しばらくしてからお試しください。</string>');
      const apple = readFileSync(join(dir, 'dist/apple/ja.lproj/Localizable.strings'), 'utf8');
      expect(apple).toContain('"6014" = "ログインされていません。";');
      expect(apple).toContain('"-302" = "接続数が多すぎます。しばらくしてからお試しください。";');
      const po = readFileSync(join(dir, 'dist/gettext/ja.po'), 'utf8');
      expect(po).toContain('msgctxt "6014"\nmsgid "You are not logged in."\nmsgstr "ログインされていません。"');
      expect(po).toMatch(/#, fuzzy, python-brace-format\nmsgctxt "unknown"\n/);
      expect(po).toContain('msgstr "ユーザー {user} がリクエスト上限 {limit} 件に達しました。"');
      const xlf = readFileSync(join(dir, 'dist/xliff/ja.xlf'), 'utf8');
      expect(xlf).toMatch(
        version === '1.2'
          ? /<trans-unit id="unknown" resname="unknown">\s*<source>[^]*?<\/source>\s*<target state="needs-review-translation">/
          : /<unit id="unknown">[^]*?<segment state="initial">/,
      );

      // The regenerated XLIFF imports as no change.
      const again = runCli(['import', 'dist/xliff/ja.xlf'], dir);
      expect([again.code, again.stderr]).toEqual([0, `codebook: 0 key(s) changed; ${JA} unchanged.\n`]);
    });

    it('--dry-run prints the diff and writes nothing', () => {
      const dir = project(version);
      writeFileSync(join(dir, 'ja.xlf'), translatorSession(readFileSync(join(dir, 'dist/xliff/ja.xlf'), 'utf8'), version));
      const before = readFileSync(join(dir, JA), 'utf8');
      const mtime = statSync(join(dir, JA)).mtimeMs;
      const dry = runCli(['import', 'ja.xlf', '--dry-run'], dir);
      expect(dry.code).toBe(1);
      expect(dry.stdout).toBe(`--- ${JA}
+++ ${JA}
@@ -3,12 +3,12 @@
   "locale": "ja",
   "sections": { "general": "一般", "hazards": "危険な文字" },
   "messages": {
-    "-302": "接続数が多すぎます。後でもう一度お試しください。",
+    "-302": "接続数が多すぎます。しばらくしてからお試しください。",
     "1": "「引用」& <b>太字</b>、100% 確実。",
     "5": "{count, plural, other {残り # 件のファイル}}",
     "7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。",
     "8": "パーティー 🎉 と '{'波括弧'}'。",
-    "6014": "ログインしていません。",
-    "unknown": "不明なエラーです(コード {code})。"
+    "6014": "ログインされていません。",
+    "unknown": { "text": "不明なエラーです(コード {code})。", "state": "initial" }
   }
 }
`);
      expect(dry.stderr).toContain(`${JA} not written (dry run).`);
      expect(readFileSync(join(dir, JA), 'utf8')).toBe(before);
      expect(statSync(join(dir, JA)).mtimeMs).toBe(mtime);
    });
  });
}
