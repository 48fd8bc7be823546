/**
 * PO files rewritten by translate-toolkit (issue 15, "What it must show")
 * import cleanly. A copy of the hazards project generates its PO files; each
 * goes through translate-toolkit's `pot2po` (the POT and the old PO in, a new
 * PO out, in translate-toolkit's own layout and header) and `pomerge` (a
 * translator's PO merged into the generated one), and `codebook import
 * --dry-run` reports no change and no error. A one-message edit made through
 * translate-toolkit's Python API (`pypo.pofile`: a text, one plural form, the
 * fuzzy flag, characters PO and ICU both escape) imports as exactly that
 * change: the dry run's diff is that one line, and the import writes it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy, runCli } from '../support/files.js';
import { haveTools } from '../support/toolchain.js';

/** Debian's python: python3-translate is in its dist-packages. */
const PYTHON = '/usr/bin/python3';
const TARGET_LOCALES: [po: string, locale: string][] = [
  ['ja', 'ja'],
  ['ko', 'ko'],
  ['ru', 'ru'],
  ['ar', 'ar'],
  ['fr', 'fr'],
  ['pt_BR', 'pt-BR'],
  ['zh_CN', 'zh-Hans'],
];

/** One edit through translate-toolkit's API: a unit (by msgctxt) gets a new target, a new plural form, or the fuzzy flag. */
const EDIT = String.raw`
import json, sys
from translate.misc.multistring import multistring
from translate.storage import pypo
path, out, edit = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
store = pypo.pofile.parsefile(path)
[unit] = [u for u in store.units if u.getcontext() == edit['context']]
if 'target' in edit:
    unit.target = edit['target']
if 'form' in edit:
    strings = [str(s) for s in unit.target.strings]
    strings[edit['form']] = edit['text']
    unit.target = multistring(strings)
if edit.get('fuzzy'):
    unit.markfuzzy(True)
store.savefile(out)
`;

/** A fresh copy of the hazards project with its dist/ generated, and the edit script. */
function project(): string {
  const dir = fixtureCopy('hazards', 'codebook-po-ttk-');
  const generated = runCli(['generate', '-q'], dir);
  expect(generated.code, generated.stderr).toBe(0);
  writeFileSync(join(dir, 'edit.py'), EDIT);
  return dir;
}

/** translate-toolkit's pot2po: the generated PO carried over to the POT as a new PO. */
function pot2po(dir: string, po: string, out: string): void {
  execFileSync('pot2po', ['--progress=none', '-t', `dist/gettext/${po}.po`, 'dist/gettext/errors.pot', out], { cwd: dir, stdio: 'pipe' });
}

/** translate-toolkit's pomerge: the translations of `input` merged into the generated PO. */
function pomerge(dir: string, po: string, input: string, out: string): void {
  execFileSync('pomerge', ['--progress=none', '-t', `dist/gettext/${po}.po`, '-i', input, '-o', out], { cwd: dir, stdio: 'pipe' });
}

/** The changed lines of a unified diff (`-`/`+`, file headers left out). */
function changedLines(diff: string): string[] {
  return diff.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));
}

describe.skipIf(!haveTools('translate-toolkit'))('codebook import of a PO rewritten by translate-toolkit', () => {
  it('pot2po and pomerge of unedited POs: no change and no error, in every target locale', () => {
    const dir = project();
    for (const [po, locale] of TARGET_LOCALES) {
      pot2po(dir, po, `${po}.pot2po.po`);
      const rewritten = readFileSync(join(dir, `${po}.pot2po.po`), 'utf8');
      expect(rewritten, po).not.toBe(readFileSync(join(dir, `dist/gettext/${po}.po`), 'utf8'));
      expect(rewritten, po).toContain('"X-Generator: Translate Toolkit');
      pomerge(dir, po, `${po}.pot2po.po`, `${po}.merged.po`);
      for (const file of [`${po}.pot2po.po`, `${po}.merged.po`]) {
        const result = runCli(['import', file, '--dry-run'], dir);
        expect([result.code, result.stdout, result.stderr], file).toEqual([
          0,
          '',
          `codebook: 0 key(s) changed; locales/${locale}/messages.json unchanged.\n`,
        ]);
      }
    }
  });

  const edits: { what: string; po: string; locale: string; edit: Record<string, unknown>; key: string; before: string; after: string }[] = [
    {
      what: 'a text',
      po: 'ja',
      locale: 'ja',
      edit: { context: '6014', target: 'ログインされていません。' },
      key: '6014',
      before: '"6014": "ログインしていません。",',
      after: '"6014": "ログインされていません。",',
    },
    {
      what: 'quotes, a tab, a backslash and braces in an entry without arguments',
      po: 'ja',
      locale: 'ja',
      edit: { context: '1', target: '「引用」\t"100%"\\ {x}' },
      key: '1',
      before: '"1": "「引用」& <b>太字</b>、100% 確実。",',
      after: `"1": ${JSON.stringify("「引用」\t\"100%\"\\ '{'x'}'")},`,
    },
    {
      what: 'doubled braces in a python-brace entry',
      po: 'ja',
      locale: 'ja',
      edit: { context: 'unknown', target: '不明なエラー {{x}} です(コード {code})。' },
      key: 'unknown',
      before: '"unknown": "不明なエラーです(コード {code})。"',
      after: `"unknown": "不明なエラー '{'x'}' です(コード {code})。"`,
    },
    {
      what: 'one plural form (ru msgstr[2], many)',
      po: 'ru',
      locale: 'ru',
      edit: { context: '5', form: 2, text: 'Осталось {count} файлов!' },
      key: '5',
      before: '"5": "{count, plural, one {Остался # файл} few {Осталось # файла} many {Осталось # файлов} other {Осталось # файла}}",',
      after: '"5": "{count, plural, one {Остался # файл} few {Осталось # файла} many {Осталось # файлов!} other {Осталось # файла}}",',
    },
    {
      what: 'the fuzzy flag',
      po: 'ko',
      locale: 'ko',
      edit: { context: '6014', fuzzy: true },
      key: '6014',
      before: '"6014": "로그인하지 않았습니다.",',
      after: '"6014": { "text": "로그인하지 않았습니다.", "state": "initial" },',
    },
  ];

  for (const { what, po, locale, edit, key, before, after } of edits) {
    it(`an edit of ${what} through translate-toolkit's API, after pot2po and pomerge, imports as exactly that change`, () => {
      const dir = project();
      pot2po(dir, po, `${po}.pot2po.po`);
      execFileSync(PYTHON, ['edit.py', `${po}.pot2po.po`, `${po}.edited.po`, JSON.stringify(edit)], { cwd: dir });
      pomerge(dir, po, `${po}.edited.po`, `${po}.po`);
      const file = join(dir, `locales/${locale}/messages.json`);
      const original = readFileSync(file, 'utf8');
      expect(original.split(before)).toHaveLength(2);

      const dry = runCli(['import', `${po}.po`, '--dry-run'], dir);
      expect([dry.code, dry.stderr]).toEqual([
        0,
        `codebook: 1 key(s) changed (${key}); locales/${locale}/messages.json not written (dry run).\n`,
      ]);
      expect(changedLines(dry.stdout).map((l) => [l[0], l.slice(1).trim()])).toEqual([
        ['-', before],
        ['+', after],
      ]);
      expect(readFileSync(file, 'utf8')).toBe(original);

      const written = runCli(['import', `${po}.po`], dir);
      expect([written.code, written.stderr]).toEqual([
        0,
        expect.stringMatching(
          new RegExp(`^codebook: 1 key\\(s\\) changed \\(${key}\\); locales/${locale}/messages\\.json written\\.?\\n$`),
        ),
      ]);
      expect(readFileSync(file, 'utf8')).toBe(original.replace(before, after));
    });
  }
});
