/**
 * The flutter target: golden files, then every ARB file through strict JSON
 * and @formatjs/icu-messageformat-parser (no Dart SDK on Linux CI): file
 * names and `@@locale`, Dart identifiers, template placeholders, CLDR
 * categories, and each value formatted against the catalog text for a range
 * of arguments. ICU quoting is also checked against an emulation of
 * gen-l10n's `use-escaping` lexer, the other reader of these values.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../generator/json/json-file.js';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import { identifierOf } from '../../generator/emit/identifiers.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { PlannedFile } from '../../generator/emit/target.js';
import { audiencesOf } from '../../generator/emit/audiences.js';
import { flutterTarget } from '../../generator/targets/flutter.js';
import { quoteLiteral } from '../../generator/targets/flutter-icu.js';
import { loadTestCatalog, renderScenario, repoRoot, withTranslation } from '../support/catalogs.js';
import { join } from 'node:path';
import {
  expectBrokenOverrideWritesNothing,
  expectFastPathEqualsHandlebars,
  expectGoldenContexts,
  generateIn,
  overrideProject,
  readOutput,
} from './json-template-support.js';

const SCENARIOS = ['hazards', 'default'];
const DART_RESERVED = new Set(
  'assert break case catch class const continue default do else enum extends false final finally for if in is new null rethrow return super switch this throw true try var void while with'.split(
    ' ',
  ),
);
const SAMPLE_NUMBERS = [0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 100, 101, 102, 111, 1000, 1234567];

type Arb = Record<string, unknown>;
type Placeholder = { type: string; format?: string; example?: string };
type Values = Record<string, string | number>;

// ---------------------------------------------------------------- helpers

function suffixOf(locale: string) {
  return locale.replace(/-/g, '_');
}

/** Base-language files gen-l10n needs beside script/region files, each with the variant it copies. */
function expectedBases(locales: string[]): Map<string, string> {
  const bases = new Map<string, string>();
  for (const l of locales) {
    const language = l.split('-')[0];
    if (language !== l && !locales.includes(language) && !bases.has(language)) bases.set(language, l);
  }
  return bases;
}

function parseArb(path: string, text: string): Arb {
  expect(text.charCodeAt(0), `${path}: no BOM`).not.toBe(0xfeff);
  const { json, diagnostics } = parseJsonFile(path, text);
  expect(diagnostics, `${path}: strict JSON without duplicate keys`).toEqual([]);
  return json!.value as Arb;
}

/** Formats ICU the way ICU does (`#` and `{n, number}` with grouping); `grouped` says which plain arguments the reader formats as numbers. */
function format(
  elements: readonly MessageFormatElement[],
  values: Values,
  locale: string,
  grouped: (name: string) => boolean,
  count?: string,
): string {
  const number = (v: string | number) => new Intl.NumberFormat(locale).format(v as number);
  return elements
    .map((el): string => {
      switch (el.type) {
        case TYPE.literal:
          return el.value;
        case TYPE.argument:
          return grouped(el.value) ? number(values[el.value]) : String(values[el.value]);
        case TYPE.number:
          return number(values[el.value]);
        case TYPE.pound:
          return number(values[count!]);
        case TYPE.plural: {
          const n = values[el.value] as number;
          const option = el.options[`=${n}`] ?? el.options[new Intl.PluralRules(locale).select(n)] ?? el.options.other;
          return format(option.value, values, locale, grouped, el.value);
        }
        case TYPE.select:
          return format((el.options[String(values[el.value])] ?? el.options.other).value, values, locale, grouped, count);
        default:
          throw new Error(`the fixture uses ${TYPE[el.type]}; extend the formatter`);
      }
    })
    .join('');
}

function sampleValues(message: Message): Values[] {
  return SAMPLE_NUMBERS.map((n) =>
    Object.fromEntries(message.params.map((p) => [p.name, ['number', 'plural'].includes(p.type) ? n : String(p.example ?? 'x')])),
  );
}

function walk(elements: readonly MessageFormatElement[], visit: (el: MessageFormatElement) => void) {
  for (const el of elements) {
    visit(el);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value, visit);
  }
}

/** gen-l10n's string lexer with `use-escaping: true`, emulated from flutter_tools message_parser.dart for text without arguments. */
function genL10nText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    if (s[i] === '{' || s[i] === '}') throw new Error(`gen-l10n would read a brace at ${i} of ${s}`);
    if (s[i] !== "'") {
      const run = /[^{}']+/y;
      run.lastIndex = i;
      const m = run.exec(s)!;
      out += m[0];
      i += m[0].length;
      continue;
    }
    const end = s.indexOf("'", i + 1);
    if (end < 0) throw new Error(`gen-l10n: unmatched quote in ${s}`);
    const token = s.slice(i, end + 1);
    out += token === "''" ? "'" : i > 1 && s[i - 1] === "'" ? token.slice(0, -1) : token.slice(1, -1);
    i = end + 1;
  }
  return out;
}

/** One planned ARB file rendered with the built-in templates. */
function renderPlanned(files: readonly PlannedFile[], path: string): string {
  return new TemplateRenderer().render(
    'flutter',
    files.find((f) => f.path === path)!,
  );
}

// ---------------------------------------------------------------- tests

describe('flutter: hazards golden files', () => {
  it('plans the expected files without diagnostics and matches the golden copies', async () => {
    const { files, diagnostics } = await renderScenario('hazards', [flutterTarget]);
    expect(diagnostics).toEqual([]);
    expect([...files!.keys()]).toEqual(
      ['ar', 'en', 'fr', 'ja', 'ko', 'pt', 'pt_BR', 'ru', 'zh', 'zh_Hans'].map((s) => `flutter/app_${s}.arb`),
    );
    for (const [path, text] of files!) await expect(text).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards', path));
  });
});

describe('flutter: ARB files read back', () => {
  it.each(SCENARIOS)('%s: names, @@locale, identifiers, metadata, ICU and meaning', async (scenario) => {
    const { catalog, config, files, diagnostics } = await renderScenario(scenario, [flutterTarget]);
    expect(diagnostics).toEqual([]);
    const bases = expectedBases(catalog.locales);
    const arbs = new Map([...files!].map(([path, text]) => [path, parseArb(path, text)]));
    expect([...arbs.keys()].sort()).toEqual([...catalog.locales, ...bases.keys()].map((l) => `flutter/app_${suffixOf(l)}.arb`).sort());
    const template = arbs.get(`flutter/app_${suffixOf(catalog.sourceLocale)}.arb`)!;
    for (const locale of catalog.locales) {
      const arb = arbs.get(`flutter/app_${suffixOf(locale)}.arb`)!;
      checkFile(arb, locale, catalog, config.identifierPrefix, template);
    }
    for (const [language, variant] of bases) {
      const base = arbs.get(`flutter/app_${language}.arb`)!;
      const copied = arbs.get(`flutter/app_${suffixOf(variant)}.arb`)!;
      expect(base['@@locale']).toBe(language);
      expect(base['@@x-copy-of']).toBe(suffixOf(variant));
      const messages = (arb: Arb) => Object.entries(arb).filter(([k]) => !k.startsWith('@'));
      expect(messages(base)).toEqual(messages(copied));
    }
  });
});

function checkFile(arb: Arb, locale: string, catalog: Catalog, prefix: string, template: Arb) {
  const isTemplate = locale === catalog.sourceLocale;
  expect(arb['@@locale']).toBe(suffixOf(locale));
  expect(arb['@@x-generated']).toMatch(/^Generated by codebook/);
  // Each audience's translated messages (user messages, then details), under that audience's identifiers.
  const named = audiencesOf(catalog, prefix).flatMap((a) =>
    a.catalog.messages.filter((m) => m.translations[locale]).map((m): [Message, string] => [m, identifierOf(m.key, a.identifierPrefix)]),
  );
  const keys = Object.keys(arb).filter((k) => !k.startsWith('@'));
  expect(keys).toEqual(named.map(([, name]) => name));
  for (const key of keys) {
    expect(key, 'gen-l10n method name').toMatch(/^[a-z][A-Za-z0-9_$]*$/);
    expect(DART_RESERVED.has(key)).toBe(false);
  }
  const metadata = Object.keys(arb).filter((k) => k.startsWith('@') && !k.startsWith('@@'));
  expect(metadata).toEqual(isTemplate ? keys.map((k) => `@${k}`) : []);
  for (const [message, name] of named) {
    const meta = template[`@${name}`] as { description: string; placeholders?: Record<string, Placeholder> };
    expect(meta.description).toContain(message.description ?? '');
    const placeholders = meta.placeholders ?? {};
    expect(Object.keys(placeholders)).toEqual(message.params.map((p) => p.name));
    for (const p of Object.values(placeholders)) expect(['String', 'num', 'int', 'double', 'DateTime']).toContain(p.type);
    const value = arb[name] as string;
    const ast = parse(value, { ignoreTag: true, requiresOtherClause: true });
    checkAst(ast, locale, placeholders, `${message.key} ${locale}`);
    if (ast.every((el) => el.type === TYPE.literal))
      expect(genL10nText(value), `${message.key} ${locale}: gen-l10n reads the text`).toBe(
        ast.map((el) => (el as { value: string }).value).join(''),
      );
    const grouped = (n: string) => placeholders[n]?.format === 'decimalPattern';
    for (const values of sampleValues(message)) {
      expect(format(ast, values, locale, grouped), `${message.key} ${locale} ${JSON.stringify(values)}`).toBe(
        format(message.translations[locale].ast, values, locale, () => false),
      );
    }
  }
}

/** Arguments declared, no `#` (gen-l10n does not replace it), plural selectors gen-l10n knows, every CLDR category. */
function checkAst(ast: MessageFormatElement[], locale: string, placeholders: Record<string, Placeholder>, where: string) {
  walk(ast, (el) => {
    expect(el.type, `${where}: no #`).not.toBe(TYPE.pound);
    if ('value' in el && el.type !== TYPE.literal) expect(placeholders, where).toHaveProperty(el.value);
    if (el.type !== TYPE.plural) return;
    const selectors = Object.keys(el.options);
    for (const s of selectors) expect(['=0', '=1', '=2', 'zero', 'one', 'two', 'few', 'many', 'other']).toContain(s);
    const rules = new Intl.PluralRules(locale);
    for (const category of rules.resolvedOptions().pluralCategories) {
      const exact = ['zero', 'one', 'two'].indexOf(category);
      const stoodFor =
        exact >= 0 &&
        selectors.includes(`=${exact}`) &&
        Array.from({ length: 1001 }, (_, i) => (rules.select(i) === category) === (i === exact)).every(Boolean);
      expect(selectors.includes(category) || stoodFor, `${where}: category ${category}`).toBe(true);
    }
  });
}

describe('flutter: ICU quoting', () => {
  const rows: [string, boolean, string][] = [
    ['plain text', false, 'plain text'],
    ["it's", false, "it''s"],
    ["'quoted'", false, "''quoted''"],
    ["''", false, "''''"],
    ['{braces}', false, "'{braces}'"],
    ['a {b} c } d', false, "a '{b} c }' d"],
    ["{it's}", false, "'{it''s}'"],
    ["{'", false, "'{'''"],
    ["}' x", false, "'}''' x"],
    ['# outside a plural', false, '# outside a plural'],
    ['# in a plural', true, "'#' in a plural"],
    ["it's #1 {x}", true, "it''s '#1 {x}'"],
    ['<b>bold</b> & 100%', false, '<b>bold</b> & 100%'],
  ];
  it.each(rows)('%j (in plural: %s) → %s, read alike by formatjs and gen-l10n', (text, inPlural, expected) => {
    expect(quoteLiteral(text, inPlural)).toBe(expected);
    const ast = parse(inPlural ? `{n, plural, other {${expected}}}` : expected, { ignoreTag: true });
    const literal = inPlural && ast[0].type === TYPE.plural ? ast[0].options.other.value : ast;
    expect(literal.map((el) => (el.type === TYPE.literal ? el.value : '?')).join('')).toBe(text);
    expect(genL10nText(expected)).toBe(text);
  });

  it('reports an apostrophe directly before a literal brace, which the two readers cannot agree on', () => {
    expect(quoteLiteral("x'{", false)).toHaveProperty('problem');
    expect(genL10nText("x'''{'")).not.toBe("x'{");
  });
});

// ---------------------------------------------------------------- limits

describe('flutter: what gen-l10n cannot carry', () => {
  const cases: [string, string, string, RegExp][] = [
    ['an exact selector other than =0, =1, =2', '5', '{count, plural, =3 {three} other {# files}}', /=3/],
    ['a selectordinal', '5', '{count, selectordinal, one {#st} other {#th}}', /selectordinal/],
    ['an apostrophe before a literal brace', '8', "x'''{'", /apostrophe/],
    ['a number style', '7', 'User {user}: {limit, number, percent}', /limit/],
    ['=1 beside a one that covers more than 1', '5', '{count, plural, =1 {just one} one {# file} other {# files}}', /=1.*one/],
  ];
  it.each(cases)('%s is a flutter/unrepresentable error', async (_, key, text, detail) => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const locale = /=1 beside/.test(_) ? 'ru' : 'en';
    const { diagnostics } = flutterTarget.plan(withTranslation(catalog, key, locale, text), { config, header: 'h' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'flutter/unrepresentable', severity: 'error', target: 'flutter', key, locale });
    expect(diagnostics[0].message).toContain(`Key ${key} (${locale})`);
    expect(diagnostics[0].message).toContain('flutter');
    expect(diagnostics[0].message).toMatch(detail);
  });

  it('writes =0 for the ar zero category (exactly 0) and reports it where zero covers more (lv)', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const text = '{count, plural, =0 {none} zero {z #} one {o #} other {x #}}';
    const ar = flutterTarget.plan(withTranslation(catalog, '6', 'ar', text), { config, header: 'h' });
    expect(ar.diagnostics).toEqual([]);
    const arb = JSON.parse(renderPlanned(ar.files, 'flutter/app_ar.arb')) as Arb;
    expect(arb.error_6).toBe('{count, plural, =0{none} one{o {count}} two{x {count}} few{x {count}} many{x {count}} other{x {count}}}');
    const lv = flutterTarget.plan(withTranslation({ ...catalog, locales: [...catalog.locales, 'lv'] }, '6', 'lv', text), {
      config,
      header: 'h',
    });
    expect(lv.diagnostics.map((d) => [d.ruleId, d.key, d.locale])).toEqual([['flutter/unrepresentable', '6', 'lv']]);
  });

  it('fills the CLDR categories a translation lacks from other', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const plan = flutterTarget.plan(withTranslation(catalog, '5', 'ru', '{count, plural, one {# файл} other {# файла}}'), {
      config,
      header: 'h',
    });
    const arb = JSON.parse(renderPlanned(plan.files, 'flutter/app_ru.arb')) as Arb;
    expect(arb.error_5).toBe('{count, plural, one{{count} файл} few{{count} файла} many{{count} файла} other{{count} файла}}');
  });

  it('reports keys that are not gen-l10n method names and locales gen-l10n cannot name', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const upper = flutterTarget.plan(catalog, { config: { ...config, identifierPrefix: 'E' }, header: 'h' });
    expect(upper.diagnostics).toHaveLength(catalog.messages.length);
    expect(upper.diagnostics[0].message).toMatch(/E-302|En302/);
    const variant = flutterTarget.plan({ ...catalog, locales: [...catalog.locales, 'ca-ES-valencia'] }, { config, header: 'h' });
    expect(variant.diagnostics.map((d) => [d.ruleId, d.locale])).toEqual([['flutter/unrepresentable', 'ca-ES-valencia']]);
  });
});

// ---------------------------------------------------------------- templates (issue 14)

/** A user's message template: every `@key` also says which catalog key it is (`x-` attributes are the ARB spec's extension point). */
const MESSAGE_OVERRIDE = [
  '  {{key}}: {{value}}{{#if metadata}},',
  '  {{metadataKey}}: {',
  '    "description": {{description}},',
  '    "x-codebook-key": {{messageKey}}{{#if placeholders}},',
  '    "placeholders": {{placeholders}}{{/if}}',
  '  }{{/if}}',
].join('\n');

describe('flutter: templates', () => {
  it('matches the golden entry contexts (what message.arb.hbs is given)', async () => {
    await expectGoldenContexts(flutterTarget, 'message.arb.hbs');
  });

  it('renders every message through the TypeScript fast path exactly as message.arb.hbs does through handlebars', async () => {
    await expectFastPathEqualsHandlebars(flutterTarget, ['hazards', 'default']);
  });

  it("renders the config's message.arb.hbs, changes the @key objects only, and the files read back as before", async () => {
    const project = overrideProject('flutter');
    project.write({ 'message.arb.hbs': MESSAGE_OVERRIDE });
    const result = await generateIn(project.dir, 'flutter');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mine = readOutput(project.out, 'flutter');
    const { catalog, config, files: builtIn } = await renderScenario('hazards', [flutterTarget]);
    expect([...mine.keys()]).toEqual([...builtIn!.keys()]);
    const arbs = new Map([...mine].map(([path, text]) => [path, parseArb(path, text)]));
    const template = arbs.get(`flutter/app_${suffixOf(catalog.sourceLocale)}.arb`)!;
    for (const locale of catalog.locales)
      checkFile(arbs.get(`flutter/app_${suffixOf(locale)}.arb`)!, locale, catalog, config.identifierPrefix, template);
    for (const [path, text] of mine) {
      // Without the added member, each file is the built-in one.
      expect(text.replace(/,\n {4}"x-codebook-key": "[^"]*"/g, ''), path).toBe(builtIn!.get(path));
      expect(text.includes('x-codebook-key'), path).toBe(path === `flutter/app_${suffixOf(catalog.sourceLocale)}.arb`);
    }
    for (const message of catalog.messages)
      expect((template[`@${identifierOf(message.key, config.identifierPrefix)}`] as Record<string, unknown>)['x-codebook-key']).toBe(
        message.key,
      );
  });

  it('reports a message template that drops a comma, and writes nothing', async () => {
    await expectBrokenOverrideWritesNothing(
      'flutter',
      { 'message.arb.hbs': '  {{key}}: {{value}}{{#if metadata}}\n  {{metadataKey}}: {{metadata}}{{/if}}' },
      { template: 'message.arb.hbs', file: 'flutter/app_en.arb', why: /it is not JSON/ },
    );
  });

  it('reports a message template whose values are not strings (JSON, but not ARB), and writes nothing', async () => {
    await expectBrokenOverrideWritesNothing(
      'flutter',
      { 'message.arb.hbs': '  {{key}}: [{{value}}]{{#if metadata}},\n  {{metadataKey}}: {{metadata}}{{/if}}' },
      { template: 'message.arb.hbs', file: 'flutter/app_ja.arb', why: /error_n302 is not a string/ },
    );
  });
});
