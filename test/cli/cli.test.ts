/**
 * The codebook binary as users run it: exit codes, --check, determinism
 * across environments and input order, untouched unchanged files, colour
 * rules, and `codebook import`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repoRoot } from '../support/catalogs.js';
import { fixtureCopy, markAsWritten, readTree, runCli } from '../support/files.js';

const run = runCli;
const hazardsCopy = () => fixtureCopy('hazards', 'codebook-cli-');

describe('codebook generate', () => {
  it('writes the same bytes whatever TZ, LANG and the order files are listed in', () => {
    const a = hazardsCopy();
    expect(run(['generate', '-q'], a, { TZ: 'UTC', LANG: 'C' }).code).toBe(0);
    const b = hazardsCopy();
    const config = join(b, 'codebook.config.json');
    const locales = readdirSync(join(b, 'locales'))
      .filter((l) => l !== 'codes.json')
      .sort()
      .reverse();
    const reversed = locales.map((l) => `"locales/${l}/messages.json"`).join(', ');
    writeFileSync(config, readFileSync(config, 'utf8').replace('["locales/*/messages.json"]', `[${reversed}]`));
    expect(run(['generate', '-q'], b, { TZ: 'Asia/Tokyo', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }).code).toBe(0);
    expect(readTree(join(b, 'dist'))).toEqual(readTree(join(a, 'dist')));
  });

  it('writes the same bytes whatever the order of codes and messages in the files', () => {
    // gettext and XLIFF cite source lines, which move when entries move; every other target must not change.
    const targets = ['i18next', 'types', 'android', 'apple', 'flutter', 'java'];
    const a = hazardsCopy();
    expect(run(['generate', '-q', '--targets', targets.join(',')], a).code).toBe(0);
    const b = hazardsCopy();
    // Reverse the member order of every object and the order of the registry's codes
    // (not of other arrays: a range is [from, to], and sections are listed in display order).
    for (const file of readdirSync(join(b, 'locales'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'))) {
      const path = join(b, 'locales', file);
      const reverse = (v: unknown, key = ''): unknown =>
        Array.isArray(v)
          ? (key === 'codes' ? [...v].reverse() : v).map((x) => reverse(x))
          : v && typeof v === 'object'
            ? Object.fromEntries(
                Object.entries(v)
                  .reverse()
                  .map(([k, x]) => [k, reverse(x, k)]),
              )
            : v;
      writeFileSync(path, JSON.stringify(reverse(JSON.parse(readFileSync(path, 'utf8'))), null, 4));
    }
    expect(run(['generate', '-q', '--targets', targets.join(',')], b).code).toBe(0);
    expect(readTree(join(b, 'dist'))).toEqual(readTree(join(a, 'dist')));
  });

  it('does not rewrite unchanged files and rewrites exactly the changed one', () => {
    const dir = hazardsCopy();
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const past = new Date('2001-01-01T00:00:00Z');
    const files = Object.keys(readTree(join(dir, 'dist')));
    for (const f of files) utimesSync(join(dir, 'dist', f), past, past);
    const second = run(['generate'], dir);
    expect(second.stderr).toContain(`0 written, ${files.length} unchanged, 0 removed`);
    for (const f of files) expect(statSync(join(dir, 'dist', f)).mtime).toEqual(past);
    const before = readTree(join(dir, 'dist'));
    const ja = join(dir, 'locales/ja/messages.json');
    writeFileSync(ja, readFileSync(ja, 'utf8').replace('ログインしていません。', 'まだログインしていません。'));
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const after = readTree(join(dir, 'dist'));
    const rewritten = files.filter((f) => statSync(join(dir, 'dist', f)).mtime.getTime() !== past.getTime());
    // Exactly the files whose bytes differ were written: every target's Japanese file, nothing else.
    expect(rewritten).toEqual(files.filter((f) => before[f] !== after[f]));
    expect(rewritten).toContain('i18next/ja/errors.json');
    expect(rewritten.filter((f) => !/ja|xcstrings|catalog\.json|^review\//.test(f))).toEqual([]);
  });

  it('--check writes nothing and lists stale, missing and orphaned files with exit 1', () => {
    const dir = hazardsCopy();
    expect(run(['generate', '-q'], dir).code).toBe(0);
    expect(run(['generate', '--check'], dir).code).toBe(0);
    writeFileSync(join(dir, 'dist/i18next/en/errors.json'), '{}\n');
    rmSync(join(dir, 'dist/types/index.js'));
    mkdirSync(join(dir, 'dist/i18next/de'));
    writeFileSync(join(dir, 'dist/i18next/de/errors.json'), '{}\n');
    markAsWritten(join(dir, 'dist'), 'i18next', 'i18next/de/errors.json');
    writeFileSync(join(dir, 'dist/i18next/mine.txt'), 'a file of the user\n');
    const before = readTree(join(dir, 'dist'), { withState: true });
    const check = run(['generate', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale     i18next/en/errors.json');
    expect(check.stderr).toContain('missing   types/index.js');
    expect(check.stderr).toContain('orphaned  i18next/de/errors.json');
    expect(check.stderr).not.toContain('mine.txt');
    expect(readTree(join(dir, 'dist'), { withState: true })).toEqual(before);
    // generate repairs all three, removing the orphan (a file codebook wrote) and leaving the user's file.
    expect(run(['generate', '-q'], dir).code).toBe(0);
    expect(run(['generate', '--check', '-q'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'dist/i18next'))).not.toContain('de');
    expect(readFileSync(join(dir, 'dist/i18next/mine.txt'), 'utf8')).toBe('a file of the user\n');
  });

  it('--targets limits the run and the orphan check to those targets', () => {
    const dir = hazardsCopy();
    expect(run(['generate', '-q', '--targets', 'types'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['.codebook', 'types']);
    expect(run(['generate', '-q', '--targets', 'i18next'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['.codebook', 'i18next', 'types']);
  });

  it('exits 2 on usage errors', () => {
    const dir = hazardsCopy();
    expect(run(['generate', '--no-such-flag'], dir).code).toBe(2);
    expect(run(['frobnicate'], dir).code).toBe(2);
    expect(run(['generate', '--format', 'xml'], dir).code).toBe(2);
    expect(run(['--help'], dir).code).toBe(0);
  });

  it('prints located, readable diagnostics with a code frame, coloured only when asked', () => {
    const dir = hazardsCopy();
    const ja = join(dir, 'locales/ja/messages.json');
    writeFileSync(ja, readFileSync(ja, 'utf8').replace('"ログインしていません。"', '"{user} ログインしていません。"'));
    const plain = run(['generate'], dir);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(
      /locales\/ja\/messages\.json:11:5 {2}error {2}Key 6014 \(ja\) uses \{user\}, which the registry does not declare for this key\. {2}\[params\/undeclared\]/,
    );
    expect(plain.stderr).toContain('  11 |     "6014": "{user} ログインしていません。",');
    expect(plain.stderr).not.toContain('\u001b[');
    expect(run(['generate'], dir, { FORCE_COLOR: '1' }).stderr).toContain('\u001b[');
    expect(run(['generate'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr).not.toContain('\u001b[');
  });
});

describe('codebook validate', () => {
  it('validates the default catalog without writing', () => {
    const result = run(['validate'], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('421 messages in en, ja, ko, zh-Hans, zh-Hant are valid');
  });

  it('prints ESLint-shaped JSON with --format json', () => {
    const dir = hazardsCopy();
    const result = run(['validate', '--format', 'json'], dir);
    const parsed = JSON.parse(result.stdout) as {
      filePath: string;
      errorCount: number;
      warningCount: number;
      messages: { ruleId: string }[];
    }[];
    expect(result.code).toBe(0);
    expect(parsed.every((f) => f.errorCount === 0)).toBe(true);
    expect(parsed.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('completeness/missing');
  });
});

describe('codebook import', () => {
  const seed = join(fixturesDir, 'import/pipe-table.ja.txt');

  it('writes the locale file, then --check passes; a changed file fails --check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-import-'));
    const first = run(['import', seed, '--locale', 'ja', '--out', 'ja.json'], dir);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'ja.json'), 'utf8')).toBe(readFileSync(join(fixturesDir, 'import/pipe-table.ja.expected.json'), 'utf8'));
    expect(run(['import', seed, '--locale', 'ja', '--out', 'ja.json', '--check'], dir).code).toBe(0);
    writeFileSync(join(dir, 'ja.json'), '{}\n');
    expect(run(['import', seed, '--locale', 'ja', '--out', 'ja.json', '--check'], dir).code).toBe(1);
    expect(readFileSync(join(dir, 'ja.json'), 'utf8')).toBe('{}\n');
  });
});

describe('command-line conventions', () => {
  it('--version prints the version of the package', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(['--version'], hazardsCopy())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('finds the config in a folder above the working folder, as git and ESLint do', () => {
    const dir = hazardsCopy();
    const result = run(['validate'], join(dir, 'locales/ja'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('are valid');
  });

  it('says how to create a config when there is none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'codebook-noconfig-'));
    const result = run(['generate'], empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`No codebook.config.json in ${empty} or any folder above it.  [config/unreadable]`);
    expect(result.stderr).toContain('hint: Create one');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('suggests the nearest name for a misspelt target, review rule or argument', () => {
    const dir = hazardsCopy();
    expect(run(['generate', '-t', 'i18nxt'], dir).stderr).toContain('Unknown target(s) i18nxt. Did you mean "i18next"?');
    const config = join(dir, 'codebook.config.json');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "review": { "severities": { "qa/whitespce": "off" } }'),
    );
    expect(run(['validate'], dir).stderr).toContain('Unknown review rule "qa/whitespce". Did you mean "qa/whitespace"?');
    writeFileSync(config, readFileSync(config, 'utf8').replace(',\n  "review": { "severities": { "qa/whitespce": "off" } }', ''));
    const en = join(dir, 'locales/en/messages.json');
    const text = readFileSync(en, 'utf8');
    const typo = text.replace(/\{user\}/, '{usr}');
    expect(typo).not.toBe(text);
    writeFileSync(en, typo);
    expect(run(['validate'], dir).stderr).toContain('uses {usr}, which the registry does not declare for this key. Did you mean {user}?');
  });
});

describe('codebook status', () => {
  it('counts texts per locale, state and section, with the fallback and the user messages', () => {
    const json = run(['status', '--format', 'json'], repoRoot);
    expect(json.code, json.stderr).toBe(0);
    const status = JSON.parse(json.stdout) as {
      locales: {
        locale: string;
        present: number;
        total: number;
        missing: number;
        fallback: number;
        states: Record<string, number>;
        user?: { present: number; total: number };
      }[];
      sections: { id: string; keys: number; present: Record<string, number> }[];
    };
    const byLocale = Object.fromEntries(status.locales.map((l) => [l.locale, l]));
    expect(Object.keys(byLocale)).toEqual(['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant']);
    for (const l of status.locales) {
      expect(l.total).toBe(421);
      expect(Object.values(l.states).reduce((a, b) => a + b, 0) + l.missing).toBe(421);
      expect(l.user).toEqual({ present: 60, total: 60 });
    }
    // The ja corrections of the 17 empty vendor rows are "initial"; zh-Hant's details all come from zh-Hans.
    expect(byLocale.ja!.states.initial).toBe(17);
    expect(byLocale['zh-Hant']).toMatchObject({ present: 0, missing: 421, fallback: 421 });
    expect(status.sections.reduce((n, s) => n + s.keys, 0)).toBe(421);
    expect(status.sections.find((s) => s.id === 'generic')).toEqual({
      id: 'generic',
      keys: 1,
      present: { en: 1, ja: 1, ko: 1, 'zh-Hans': 1, 'zh-Hant': 0 },
    });
    const text = run(['status'], repoRoot);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^zh-Hant +0\/421 +0% +0 +0 +0 +0 +421 +421 +60\/60$/m);
    expect(text.stdout).toMatch(/^generic +1 +100% +100% +100% +100% +0%$/m);
  });
});
