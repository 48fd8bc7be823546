/**
 * Every kind of bad input, through the real CLI: the exact rule id and
 * location, the exit code, and a dist/ left byte for byte (and mtime for
 * mtime) as the previous good run wrote it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../generator/rules.js';
import { repoRoot } from '../support/catalogs.js';

const cli = join(repoRoot, 'build/generator/cli.js');

const BASE: Record<string, string> = {
  'codebook.config.json': `{
  "sourceLocale": "en",
  "locales": ["en", "ja"],
  "layers": [
    { "name": "registry", "files": ["codes.json"] },
    { "name": "messages", "files": ["en.json", "ja.json"] },
    { "name": "app", "files": ["app/*.json"] }
  ],
  "out": "dist"
}
`,
  'codes.json': `{
  "sections": [{ "id": "general" }],
  "codes": [
    { "code": 6014, "section": "general" },
    { "code": -302, "section": "general" },
    { "range": [120001, 130000], "section": "general" },
    { "code": 5, "section": "general", "params": { "count": { "type": "plural" } } },
    { "key": "unknown", "section": "general", "params": { "code": { "type": "number" } } }
  ]
}
`,
  'en.json': `{
  "locale": "en",
  "sections": { "general": "General" },
  "messages": {
    "6014": "Not logged in.",
    "-302": "Too many connections.",
    "120001-130000": "Your callback failed.",
    "5": "{count, plural, one {# file} other {# files}}",
    "unknown": "Unknown error ({code})."
  }
}
`,
  'ja.json': `{
  "locale": "ja",
  "sections": { "general": "一般" },
  "messages": {
    "6014": "ログインしていません。",
    "unknown": "不明なエラー({code})。"
  }
}
`,
  'app/.keep': '',
};

interface Case {
  name: string;
  files?: Record<string, string | Buffer | ((base: string) => string)>;
  args?: string[];
  exit: number;
  expect: [ruleId: string, file: string, line?: number, column?: number][];
}

const sub = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return text.replace(from, to);
};

const CASES: Case[] = [
  {
    name: 'broken JSON',
    files: { 'en.json': sub('"Unknown error ({code})."', '"Unknown error ({code}).",') },
    exit: 1,
    expect: [['json/syntax', 'en.json', 10, 3]],
  },
  {
    name: 'duplicate JSON key',
    files: { 'ja.json': sub('"unknown":', '"6014": "again",\n    "unknown":') },
    exit: 1,
    expect: [['json/duplicate-key', 'ja.json', 6, 5]],
  },
  { name: 'missing locale', files: { 'ja.json': '{\n  "messages": {}\n}\n' }, exit: 1, expect: [['schema/required', 'ja.json', 1, 1]] },
  {
    name: 'misspelt property',
    files: { 'ja.json': sub('"sections"', '"section"') },
    exit: 1,
    expect: [['schema/additionalProperties', 'ja.json', 3, 3]],
  },
  {
    name: 'message of the wrong type',
    files: { 'ja.json': sub('"ログインしていません。"', '42') },
    exit: 1,
    expect: [['schema/oneOf', 'ja.json', 5, 13]],
  },
  {
    name: 'unknown message property',
    files: { 'ja.json': sub('"ログインしていません。"', '{ "txt": "x" }') },
    exit: 1,
    expect: [['schema/additionalProperties', 'ja.json', 5, 15]],
  },
  {
    name: 'bad state',
    files: { 'ja.json': sub('"ログインしていません。"', '{ "text": "x", "state": "done" }') },
    exit: 1,
    expect: [['schema/enum', 'ja.json', 5, 37]],
  },
  {
    name: 'code entry with code and range',
    files: { 'codes.json': sub('{ "code": -302,', '{ "code": -302, "range": [1, 2],') },
    exit: 1,
    expect: [['schema/oneOf', 'codes.json', 5, 5]],
  },
  {
    name: 'code that is not an integer',
    files: { 'codes.json': sub('"code": -302', '"code": -3.5') },
    exit: 1,
    expect: [['schema/type', 'codes.json', 5, 15]],
  },
  {
    name: 'range without its end',
    files: { 'codes.json': sub('[120001, 130000]', '[120001]') },
    exit: 1,
    expect: [['schema/minItems', 'codes.json', 6, 16]],
  },
  {
    name: 'range with three bounds',
    files: { 'codes.json': sub('[120001, 130000]', '[120001, 130000, 130001]') },
    exit: 1,
    expect: [['schema/items', 'codes.json', 6, 16]],
  },
  { name: 'file of no known kind', files: { 'app/x.json': '{ "hello": 1 }\n' }, exit: 1, expect: [['schema/kind', 'app/x.json', 1, 1]] },
  { name: 'config missing', args: ['--config', 'nope.json'], exit: 2, expect: [['config/unreadable', 'nope.json']] },
  {
    name: 'config schema violation',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": 3') },
    exit: 2,
    expect: [['schema/type', 'codebook.config.json', 9, 10]],
  },
  {
    name: 'empty output folder in the config',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": ""') },
    exit: 2,
    expect: [['schema/minLength', 'codebook.config.json', 9, 10]],
  },
  {
    name: 'locale listed twice in the config',
    files: { 'codebook.config.json': sub('["en", "ja"]', '["en", "ja", "ja"]') },
    exit: 2,
    expect: [['schema/uniqueItems', 'codebook.config.json', 3, 14]],
  },
  {
    name: 'severity for a name that is no rule id',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "review": { "severities": { "QA/nope": "off" } }') },
    exit: 2,
    expect: [['schema/propertyNames', 'codebook.config.json', 10, 29]],
  },
  {
    name: 'user message length limit below the minimum',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "review": { "userMessageMaxLength": 3 }') },
    exit: 2,
    expect: [['schema/minimum', 'codebook.config.json', 10, 39]],
  },
  {
    name: 'non-canonical locale in config',
    files: { 'codebook.config.json': sub('["en", "ja"]', '["en", "ja", "EN_us"]') },
    exit: 2,
    expect: [['config/invalid-locale', 'codebook.config.json', 3, 27]],
  },
  { name: 'unknown target', args: ['--targets', 'i18next,nope'], exit: 2, expect: [['config/unknown-target', '']] },
  {
    name: 'custom target with the id of a built-in one',
    files: {
      'codebook.config.json': sub(
        '"out": "dist"',
        '"out": "dist",\n  "customTargets": [{ "id": "types", "templates": "tpl", "files": [{ "template": "a.hbs", "path": "a.txt" }] }]',
      ),
      'tpl/a.hbs': 'x',
    },
    exit: 2,
    expect: [['config/duplicate-target', 'codebook.config.json']],
  },
  {
    name: 'missing custom template',
    files: {
      'codebook.config.json': sub(
        '"out": "dist"',
        '"out": "dist",\n  "customTargets": [{ "id": "table", "templates": "tpl", "files": [{ "template": "nope.hbs", "path": "a.txt" }] }]',
      ),
      'tpl/a.hbs': 'x',
    },
    exit: 2,
    expect: [['config/missing-templates', 'codebook.config.json', 10, 82]],
  },
  {
    name: 'custom output path outside the folder',
    files: {
      'codebook.config.json': sub(
        '"out": "dist"',
        '"out": "dist",\n  "customTargets": [{ "id": "table", "templates": "tpl", "files": [{ "template": "a.hbs", "path": "../a.txt" }] }]',
      ),
      'tpl/a.hbs': 'x',
    },
    exit: 2,
    expect: [['config/invalid-path', 'codebook.config.json', 10, 99]],
  },
  {
    name: 'unknown QA rule in the config',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "review": { "severities": { "qa/nope": "off" } }') },
    exit: 2,
    expect: [['config/unknown-rule', 'codebook.config.json', 10, 42]],
  },
  {
    name: 'duplicate layer',
    files: { 'codebook.config.json': sub('"name": "app"', '"name": "messages"') },
    exit: 2,
    expect: [['config/duplicate-layer', 'codebook.config.json', 7, 15]],
  },
  {
    name: 'file in two layers',
    files: { 'codebook.config.json': sub('["app/*.json"]', '["app/*.json", "ja.json"]') },
    exit: 2,
    expect: [['config/file-in-two-layers', 'ja.json']],
  },
  {
    name: 'duplicate code',
    files: { 'codes.json': sub('{ "code": -302,', '{ "code": 6014, "section": "general" },\n    { "code": -302,') },
    exit: 1,
    expect: [['registry/duplicate-code', 'codes.json', 5, 5]],
  },
  {
    name: 'code inside a range',
    files: { 'codes.json': sub('{ "code": -302,', '{ "code": 125000, "section": "general" },\n    { "code": -302,') },
    exit: 1,
    expect: [['registry/code-in-range', 'codes.json', 5, 5]],
  },
  {
    name: 'overlapping ranges',
    files: { 'codes.json': sub('{ "code": -302,', '{ "range": [129000, 140000], "section": "general" },\n    { "code": -302,') },
    exit: 1,
    expect: [['registry/overlapping-ranges', 'codes.json', 5, 5]],
  },
  {
    name: 'reversed range',
    files: { 'codes.json': sub('[120001, 130000]', '[130000, 120001]') },
    exit: 1,
    expect: [['registry/invalid-range', 'codes.json', 6, 16]],
  },
  {
    name: 'unknown section',
    files: { 'codes.json': sub('{ "code": -302, "section": "general" }', '{ "code": -302, "section": "generl" }') },
    exit: 1,
    expect: [['registry/unknown-section', 'codes.json', 5, 32]],
  },
  {
    name: 'duplicate section',
    files: { 'codes.json': sub('[{ "id": "general" }]', '[{ "id": "general" }, { "id": "general" }]') },
    exit: 1,
    expect: [['registry/duplicate-section', 'codes.json', 2, 37]],
  },
  {
    name: 'no unknown entry',
    files: {
      'codes.json': sub(',\n    { "key": "unknown", "section": "general", "params": { "code": { "type": "number" } } }', ''),
      'en.json': sub(',\n    "unknown": "Unknown error ({code})."', ''),
      'ja.json': sub(',\n    "unknown": "不明なエラー({code})。"', ''),
    },
    exit: 1,
    expect: [['registry/missing-unknown', 'codes.json']],
  },
  {
    name: 'named key that looks like a code',
    files: { 'codes.json': sub('{ "key": "unknown"', '{ "key": "6015", "section": "general" },\n    { "key": "unknown"') },
    exit: 1,
    expect: [['registry/invalid-key', 'codes.json', 8, 5]],
  },
  {
    name: 'unsafe key in the registry',
    files: { 'codes.json': sub('{ "key": "unknown"', '{ "key": "__proto__", "section": "general" },\n    { "key": "unknown"') },
    exit: 1,
    expect: [['key/unsafe', 'codes.json', 8, 14]],
  },
  {
    name: 'unsafe keys in a locale',
    files: { 'ja.json': sub('"unknown":', '"a.b": "x",\n    "constructor": "y",\n    "err:1": "z",\n    "unknown":') },
    exit: 1,
    expect: [
      ['key/unsafe', 'ja.json', 6, 5],
      ['key/unsafe', 'ja.json', 7, 5],
      ['key/unsafe', 'ja.json', 8, 5],
    ],
  },
  {
    name: 'key the registry lacks',
    files: { 'ja.json': sub('"unknown":', '"9999": "x",\n    "unknown":') },
    exit: 1,
    expect: [['locale/unknown-key', 'ja.json', 6, 5]],
  },
  {
    name: 'locale the config lacks',
    files: { 'app/fr.json': '{\n  "locale": "fr",\n  "messages": { "6014": "Non connecté." }\n}\n' },
    exit: 1,
    expect: [['locale/unknown-locale', 'app/fr.json', 2, 13]],
  },
  {
    name: 'locale that is not BCP 47',
    files: { 'app/x.json': '{\n  "locale": "ja_JP",\n  "messages": {}\n}\n' },
    exit: 1,
    expect: [['locale/unknown-locale', 'app/x.json', 2, 13]],
  },
  {
    name: 'title of an unknown section',
    files: { 'ja.json': sub('{ "general": "一般" }', '{ "general": "一般", "other": "他" }') },
    exit: 1,
    expect: [['locale/unknown-section', 'ja.json', 3, 34]],
  },
  {
    name: 'two app files give one key',
    files: {
      'app/a.json': '{\n  "locale": "ja",\n  "messages": { "6014": "A" }\n}\n',
      'app/b.json': '{\n  "locale": "ja",\n  "messages": { "6014": "B" }\n}\n',
    },
    exit: 1,
    expect: [['merge/conflict', 'app/b.json', 3, 17]],
  },
  {
    name: 'bad ICU',
    files: { 'ja.json': sub('"不明なエラー({code})。"', '"不明なエラー({code)。"') },
    exit: 1,
    expect: [['icu/syntax', 'ja.json', 6, 5]],
  },
  {
    name: 'undeclared parameter',
    files: { 'ja.json': sub('"ログインしていません。"', '"{user} はログインしていません。"') },
    exit: 1,
    expect: [['params/undeclared', 'ja.json', 5, 5]],
  },
  {
    name: 'missing parameter',
    files: { 'ja.json': sub('"不明なエラー({code})。"', '"不明なエラー。"') },
    exit: 1,
    expect: [['params/missing', 'ja.json', 6, 5]],
  },
  {
    name: 'parameter of another kind',
    files: { 'ja.json': sub('"不明なエラー({code})。"', '"{code, select, other {不明なエラー}}"') },
    exit: 1,
    expect: [['params/type-mismatch', 'ja.json', 6, 5]],
  },
  {
    name: 'plural without a category English needs',
    files: { 'en.json': sub('one {# file} other', 'other') },
    exit: 1,
    expect: [['icu/missing-plural-category', 'en.json', 8, 5]],
  },
  {
    name: 'source text missing',
    files: { 'en.json': sub('    "-302": "Too many connections.",\n', '') },
    exit: 1,
    expect: [['completeness/missing-source', 'codes.json', 5, 5]],
  },
  {
    name: 'source section title missing',
    files: { 'en.json': sub('  "sections": { "general": "General" },\n', '') },
    exit: 1,
    expect: [['completeness/missing-section-title', 'codes.json', 2, 16]],
  },
  {
    name: 'text i18next cannot carry',
    files: { 'ja.json': sub('"ログインしていません。"', "\"'{{'x'}}' は使えません\"") },
    exit: 1,
    expect: [['i18next/unrepresentable', 'ja.json', 5, 5]],
  },
  {
    name: 'an argument i18next reads as its own option',
    files: {
      'codes.json': sub(
        '{ "code": -302, "section": "general" }',
        '{ "code": -302, "section": "general", "params": { "lng": { "type": "string" } } }',
      ),
      'en.json': sub('"Too many connections."', '"Too many connections from {lng}."'),
    },
    exit: 1,
    expect: [['i18next/unrepresentable', 'en.json', 6, 5]],
  },
  {
    name: 'a formatted argument named like an Intl option',
    files: {
      'codes.json': sub(
        '{ "code": -302, "section": "general" }',
        '{ "code": -302, "section": "general", "params": { "style": { "type": "number" } } }',
      ),
      'en.json': sub('"Too many connections."', '"{style, number} connections."'),
    },
    exit: 1,
    expect: [['i18next/unrepresentable', 'en.json', 6, 5]],
  },
  {
    name: 'two keys with one platform identifier',
    files: {
      'codes.json': sub('{ "key": "unknown"', '{ "key": "n302", "section": "general" },\n    { "key": "unknown"'),
      'en.json': sub('"unknown":', '"n302": "Named.",\n    "unknown":'),
    },
    exit: 1,
    expect: [['emit/identifier-collision', 'codes.json', 8, 5]],
  },
  {
    name: 'config value of the wrong form',
    files: { 'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "namespace": "my errors"') },
    exit: 2,
    expect: [['schema/pattern', 'codebook.config.json', 10, 16]],
  },
  {
    name: 'warnings only: unused plural category and missing translation',
    files: { 'ja.json': sub('"unknown":', '"5": "{count, plural, one {#} other {#}}",\n    "unknown":') },
    exit: 0,
    expect: [
      ['icu/unused-plural-category', 'ja.json', 6, 5],
      ['completeness/missing', 'codes.json', 5, 5],
    ],
  },
  {
    name: 'invalid UTF-8',
    files: {
      'ja.json': Buffer.concat([
        Buffer.from('{\n  "locale": "ja",\n  "sections": { "general": "一般" },\n  "messages": {\n    "6014": "ログ'),
        Buffer.from([0xe3, 0x28]),
        Buffer.from('",\n    "unknown": "x {code}"\n  }\n}\n'),
      ]),
    },
    exit: 1,
    expect: [['source/encoding', 'ja.json', 5, 16]],
  },
  {
    name: 'raw NUL byte in a string',
    files: { 'ja.json': sub('"ログインしていません。"', '"ログイン\u0000"') },
    exit: 1,
    expect: [['json/syntax', 'ja.json', 5, 18]],
  },
  {
    name: 'nesting 100,000 deep',
    files: { 'app/deep.json': `{ "locale": "ja", "messages": {}, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }` },
    exit: 1,
    expect: [['json/too-deep', 'app/deep.json', 1, 103]],
  },
  {
    name: 'code beyond 2^53',
    files: { 'codes.json': sub('"code": -302', '"code": 9007199254740993') },
    exit: 1,
    expect: [['registry/number-form', 'codes.json', 5, 15]],
  },
  {
    name: 'code in exponent form',
    files: { 'codes.json': sub('"code": -302', '"code": 1e21') },
    exit: 1,
    expect: [['registry/number-form', 'codes.json', 5, 15]],
  },
  {
    name: 'negative zero code',
    files: { 'codes.json': sub('"code": -302', '"code": -0') },
    exit: 1,
    expect: [['registry/number-form', 'codes.json', 5, 15]],
  },
  {
    name: 'a registry that does not load brings one error, not a cascade',
    files: { 'codes.json': sub('"section": "general" },\n    { "code": -302', '"section": 7 },\n    { "code": -302') },
    exit: 1,
    expect: [
      ['schema/type', 'codes.json', 4, 32],
      ['load/skipped-checks', ''],
    ],
  },
  {
    name: 'warning: empty layer',
    files: { 'codebook.config.json': sub('["app/*.json"]', '["nothing/*.json"]') },
    exit: 0,
    expect: [['config/empty-layer', 'codebook.config.json', 7, 31]],
  },
  {
    name: 'a base that no package exports',
    files: { 'codebook.config.json': sub('"sourceLocale": "en",', '"extends": "codebook/chta",\n  "sourceLocale": "en",') },
    exit: 2,
    expect: [['config/extends', 'codebook.config.json', 2, 14]],
  },
  {
    name: 'a base that sets the out folder',
    files: {
      'codebook.config.json': sub('"sourceLocale": "en",', '"extends": "./base.json",\n  "sourceLocale": "en",'),
      'base.json': '{ "sourceLocale": "en", "locales": ["en"], "layers": [{ "name": "base", "files": ["en.json"] }], "out": "x" }\n',
    },
    exit: 2,
    expect: [['config/extends', 'base.json', 1, 105]],
  },
  {
    name: 'a layer named like one of the base',
    files: {
      'codebook.config.json': sub('"sourceLocale": "en",', '"extends": "./base.json",\n  "sourceLocale": "en",'),
      'base.json': '{ "sourceLocale": "en", "locales": ["en"], "layers": [{ "name": "app", "files": ["nothing.json"] }] }\n',
    },
    exit: 2,
    expect: [['config/duplicate-layer', 'codebook.config.json', 8, 15]],
  },
  {
    name: 'warning: a template override that replaces no template',
    files: {
      'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "templates": { "android": "tpl" }'),
      'tpl/string.xml.hbs': 'x',
    },
    exit: 0,
    expect: [['config/unknown-template', 'codebook.config.json', 10, 29]],
  },
  {
    name: 'template overrides for a target that does not exist',
    files: {
      'codebook.config.json': sub('"out": "dist"', '"out": "dist",\n  "templates": { "andriod": "tpl" }'),
      'tpl/strings.xml.hbs': 'x',
    },
    exit: 2,
    expect: [['config/unknown-target', 'codebook.config.json', 10, 29]],
  },
];

function writeScenario(dir: string, overrides: Case['files'] = {}): void {
  for (const [path, base] of Object.entries(BASE)) {
    const override = overrides[path];
    const text = typeof override === 'function' ? override(base) : (override ?? base);
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, text] of Object.entries(overrides)) {
    if (path in BASE || typeof text === 'function') continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Content and mtime of every file under dir. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(dir.length), `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`];
    }),
  );
}

describe('bad input', () => {
  let good: string;
  beforeAll(() => {
    good = mkdtempSync(join(tmpdir(), 'codebook-bad-'));
    writeScenario(good);
    execFileSync(process.execPath, [cli, 'generate', '-q'], { cwd: good });
  });

  it('the base scenario is valid and generates', () => {
    const files = Object.keys(snapshot(join(good, 'dist')));
    expect(files).toEqual(
      expect.arrayContaining([
        '/i18next/en/errors.json',
        '/i18next/ja/errors.json',
        '/types/index.js',
        '/android/values/strings.xml',
        '/gettext/ja.po',
        '/xliff/ja.xlf',
      ]),
    );
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.expect.map((e) => e[0]).join(', ')}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'codebook-bad-'));
      writeScenario(dir, c.files);
      execFileSync('cp', ['-a', join(good, 'dist'), join(dir, 'dist')]);
      const before = snapshot(join(dir, 'dist'));
      const run = spawnSync(process.execPath, [cli, 'generate', '--format', 'json', ...(c.args ?? [])], { cwd: dir, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(c.exit);
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line?: number; column?: number }[] }[];
      const found = results.flatMap((r) => r.messages.map((m) => [m.ruleId, r.filePath, m.line, m.column]));
      for (const e of c.expect) expect(found, JSON.stringify(found)).toContainEqual(e.length === 2 ? [...e, undefined, undefined] : e);
      for (const [ruleId] of found) expect(Object.keys(RULES)).toContain(ruleId);
      if (c.exit !== 0) expect(snapshot(join(dir, 'dist'))).toEqual(before);
    });
  }

  it('every rule id in the catalogue has a case here or in its target test', () => {
    const covered = new Set(CASES.flatMap((c) => c.expect.map((e) => e[0])));
    // Target rules are exercised by each target's own tests, which assert the rule id.
    const ownTests = ['test/targets', 'test/diff', 'test/import', 'test/import/xliff', 'test/review/checks', 'test/output'].flatMap((dir) =>
      readdirSync(join(repoRoot, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(repoRoot, dir, f)),
    );
    const targetTests = ownTests.map((f) => readFileSync(f, 'utf8')).join('\n');
    const uncovered = Object.keys(RULES).filter((r) => !covered.has(r) && !targetTests.includes(r));
    expect(uncovered).toEqual([]);
  });
});
