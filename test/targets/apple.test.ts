/**
 * The apple target: golden files, then every file through a real parser.
 * `.strings` is read back by GNUstep Foundation (test/tools/gnustep), each
 * `.stringsdict` goes through xmllint, plistutil, Python's plistlib and
 * GNUstep, and the `.xcstrings` through a strict JSON parser; values are
 * compared with format strings built here from the catalog, independently of
 * the target's own conversion. Then the entry templates: golden contexts, the
 * TypeScript fast paths against handlebars, an override of each entry
 * template read back by the same tools, and a broken String Catalog override.
 */
import { audienceName, audiencesOf } from '../../generator/emit/audiences.js';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TYPE, type MessageFormatElement, type PluralElement } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../generator/json/json-file.js';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import type { Config } from '../../generator/config/load-config.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import { generate, loadCatalog, renderTargets } from '../../generator/pipeline.js';
import type { PlannedFile } from '../../generator/emit/target.js';
import { appleTarget, type StringsdictEntryContext, type StringsEntryContext } from '../../generator/targets/apple.js';
import type { XcstringsEntryContext } from '../../generator/targets/apple-xcstrings.js';
import { stringsLiteral, xmlComment, xmlText } from '../../generator/targets/apple-format.js';
import { loadTestCatalog, renderScenario, repoRoot, writeToTemp, withTranslation } from '../support/catalogs.js';
import { haveTools } from '../support/toolchain.js';

const SCENARIOS = ['hazards', 'default'];
type Dict = { [key: string]: string | Dict };

// ---------------------------------------------------------------- oracle

/** The Apple format string of ICU parts: `%%`, `%<position>$@` for text, `%<position>$lld` for numbers. */
function expectedFormat(elements: readonly MessageFormatElement[], message: Message, count?: string): string {
  const spec = (name: string) => {
    const i = message.params.findIndex((p) => p.name === name);
    return `%${i + 1}$${['number', 'plural'].includes(message.params[i].type) ? 'lld' : '@'}`;
  };
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value.split('%').join('%%');
      if (el.type === TYPE.pound) return spec(count!);
      if (el.type === TYPE.argument || el.type === TYPE.number) return spec(el.value);
      throw new Error(`the fixture uses ${TYPE[el.type]}; extend the oracle`);
    })
    .join('');
}

/** Plural forms by stringsdict key: every CLDR category (missing ones from `other`), `=0` as `zero`; undefined for plain messages. */
function expectedForms(message: Message, locale: string): Record<string, string> | undefined {
  const ast = message.translations[locale].ast;
  const at = ast.findIndex((el) => el.type === TYPE.plural);
  if (at < 0) return undefined;
  const plural = ast[at] as PluralElement;
  const whole = (selector: string) =>
    expectedFormat([...ast.slice(0, at), ...plural.options[selector].value, ...ast.slice(at + 1)], message, plural.value);
  const forms: Record<string, string> = {};
  for (const category of new Intl.PluralRules(locale).resolvedOptions().pluralCategories)
    forms[category] = whole(category in plural.options ? category : 'other');
  if ('=0' in plural.options) forms.zero = whole('=0');
  return forms;
}

function translated(catalog: Catalog, locale: string): Message[] {
  return catalog.messages.filter((m) => m.translations[locale]);
}

function expectedStrings(catalog: Catalog, locale: string): Record<string, string> {
  return Object.fromEntries(
    translated(catalog, locale).map((m) => [m.key, expectedForms(m, locale)?.other ?? expectedFormat(m.translations[locale].ast, m)]),
  );
}

// ---------------------------------------------------------------- tools

function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, { encoding: 'utf8', cwd, maxBuffer: 64 * 1024 * 1024 });
}

let reader = '';
function buildReader() {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-gnustep-'));
  const source = join(repoRoot, 'test/tools/gnustep/plist-reader.m');
  run('sh', ['-c', `gcc $(gnustep-config --objc-flags) "${source}" -o reader $(gnustep-config --base-libs)`], dir);
  reader = join(dir, 'reader');
}

function readBack(mode: 'strings' | 'plist', file: string): Dict {
  return JSON.parse(run(reader, [mode, file])) as Dict;
}

/** Each strings table the target writes for a catalog, with the catalog as that table's audience sees it. */
function tables(whole: Catalog): { catalog: Catalog; table: string }[] {
  return audiencesOf(whole, 'error_').map((a) => ({ catalog: a.catalog, table: audienceName('Localizable', a, '', 'pascal') }));
}

async function rendered(scenario: string) {
  const result = await renderScenario(scenario, [appleTarget]);
  expect(result.diagnostics).toEqual([]);
  return { ...result, files: result.files!, dir: writeToTemp(result.files!, `codebook-apple-${scenario}-`) };
}

// ---------------------------------------------------------------- tests

describe('apple: hazards golden files', () => {
  it('plans the expected files without diagnostics and matches the golden copies', async () => {
    const { files } = await rendered('hazards');
    expect([...files.keys()]).toEqual([
      'apple/Localizable.xcstrings',
      ...['ar', 'en', 'fr', 'ja', 'ko', 'pt-BR', 'ru'].flatMap((l) => [
        `apple/${l}.lproj/Localizable.strings`,
        `apple/${l}.lproj/Localizable.stringsdict`,
      ]),
      'apple/zh-Hans.lproj/Localizable.strings',
    ]);
    for (const [path, text] of files) await expect(text).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards', path));
  });
});

describe.skipIf(!haveTools('gcc', 'gnustep-config'))('apple: .strings read back by GNUstep Foundation', () => {
  beforeAll(buildReader);

  it.each(SCENARIOS)('%s: every value equals the catalog text as a format string', async (scenario) => {
    const { catalog: whole, dir } = await rendered(scenario);
    for (const { catalog, table } of tables(whole))
      for (const locale of catalog.locales) {
        const file = join(dir, `apple/${locale}.lproj/${table}.strings`);
        const text = readFileSync(file, 'utf8');
        expect(text.charCodeAt(0), 'no BOM').not.toBe(0xfeff);
        expect(readBack('strings', file), `${scenario} ${locale}`).toEqual(expectedStrings(catalog, locale));
        const keys = [...text.matchAll(/^"((?:[^"\\]|\\.)*)" = /gm)].map((m) => m[1]);
        expect(new Set(keys).size, 'duplicate keys (the reader keeps the last silently)').toBe(keys.length);
        const escapes = [...text.matchAll(/\\(.)/gs)].map((m) => m[1]);
        expect(
          escapes.filter((c) => /[0-7]/.test(c)),
          'octal escapes are NeXTSTEP Latin',
        ).toEqual([]);
      }
  });

  it('escapes by table, and Foundation reads every row back unchanged', () => {
    const rows: [string, string][] = [
      ['say "hi"', 'say \\"hi\\"'],
      ['C:\\temp\\new', 'C:\\\\temp\\\\new'],
      ['line\nbreak\r\n', 'line\\nbreak\\r\\n'],
      ['tab\there', 'tab\\there'],
      ['bell\u0007 nul\u0000 esc\u001b', 'bell\\U0007 nul\\U0000 esc\\U001B'],
      ['del\u007f nel\u0085', 'del\\U007F nel\\U0085'],
      ['\u0007F', '\\U0007F'],
      ["it's 100% /* not */ // a comment", "it's 100% /* not */ // a comment"],
      ['🎉 日本語 \u2028 \u202e bidi', '🎉 日本語 \u2028 \u202e bidi'],
      ['  edge  ', '  edge  '],
      ['@home ?attr <b>&amp;</b>', '@home ?attr <b>&amp;</b>'],
    ];
    for (const [raw, escaped] of rows) expect(stringsLiteral(raw), JSON.stringify(raw)).toBe(escaped);
    const file = join(mkdtempSync(join(tmpdir(), 'codebook-strings-')), 'rows.strings');
    writeFileSync(file, rows.map(([raw], i) => `"row${i}" = "${stringsLiteral(raw)}";\n`).join(''));
    expect(readBack('strings', file)).toEqual(Object.fromEntries(rows.map(([raw], i) => [`row${i}`, raw])));
  });
});

describe.skipIf(!haveTools('xmllint', 'plistutil', 'python3', 'gcc', 'gnustep-config'))(
  'apple: .stringsdict through xmllint, plistutil, plistlib and GNUstep',
  () => {
    beforeAll(buildReader);

    it.each(SCENARIOS)('%s: valid plists with every CLDR category and the expected forms', async (scenario) => {
      const { catalog: whole, files, dir } = await rendered(scenario);
      const paths = [...files.keys()].filter((p) => p.endsWith('.stringsdict')).map((p) => join(dir, p));
      for (const file of paths) {
        run('xmllint', ['--noout', '--nonet', file]);
        run('plistutil', ['-i', file, '-f', 'bin', '-o', '/dev/null']);
      }
      const script = 'import json, plistlib, sys; print(json.dumps({p: plistlib.load(open(p, "rb")) for p in sys.argv[1:]}))';
      const python = JSON.parse(run('python3', ['-c', script, ...paths])) as Record<string, Dict>;
      for (const { catalog, table } of tables(whole))
        for (const locale of catalog.locales) {
          const plurals = translated(catalog, locale).filter((m) => expectedForms(m, locale));
          const file = join(dir, `apple/${locale}.lproj/${table}.stringsdict`);
          if (plurals.length === 0) {
            expect(files.has(`apple/${locale}.lproj/${table}.stringsdict`)).toBe(false);
            continue;
          }
          expect(readBack('plist', file), 'GNUstep and plistlib agree').toEqual(python[file]);
          expect(Object.keys(python[file]).sort()).toEqual(plurals.map((m) => m.key).sort());
          for (const message of plurals) checkPluralEntry(python[file][message.key] as Dict, message, locale);
        }
    });
  },
);

describe.skipIf(!haveTools('xmllint', 'python3', 'gcc', 'gnustep-config'))('apple: XML specials and CR in plural forms', () => {
  beforeAll(buildReader);

  it('survive xmllint, plistlib and GNUstep unchanged (raw CR would come back as LF from expat)', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const changed = withTranslation(catalog, '5', 'en', '{count, plural, one {# <file> & "x" ]]> a\r\nb} other {# files\r}}');
    const files = renderTargets(changed, config, [appleTarget], [])!;
    const file = join(writeToTemp(files, 'codebook-apple-cr-'), 'apple/en.lproj/Localizable.stringsdict');
    run('xmllint', ['--noout', '--nonet', file]);
    const script = 'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))';
    const python = JSON.parse(run('python3', ['-c', script, file])) as Dict;
    expect(readBack('plist', file)).toEqual(python);
    checkPluralEntry(
      python['5'] as Dict,
      changed.messages.find((m) => m.key === '5')!,
      'en',
    );
    expect(((python['5'] as Dict).count as Dict).one).toBe('%1$lld <file> & "x" ]]> a\r\nb');
  });
});

/** The entry contexts of a planned `.stringsdict` (what entry.stringsdict.hbs is given). */
function stringsdictEntries(files: readonly PlannedFile[], path: string): StringsdictEntryContext[] {
  return files.find((f) => f.path === path)!.entries!.contexts as StringsdictEntryContext[];
}

function checkPluralEntry(entry: Dict, message: Message, locale: string) {
  const format = /^%(?:(\d+)\$)?#@([A-Za-z_]\w*)@$/.exec(entry.NSStringLocalizedFormatKey as string);
  expect(format, `${message.key} ${locale} NSStringLocalizedFormatKey`).not.toBeNull();
  const variable = entry[format![2]] as Dict;
  expect(Object.keys(entry).sort()).toEqual(['NSStringLocalizedFormatKey', format![2]].sort());
  expect(variable.NSStringFormatSpecTypeKey).toBe('NSStringPluralRuleType');
  expect(['d', 'ld', 'lld', 'lu', 'llu']).toContain(variable.NSStringFormatValueTypeKey);
  const forms = Object.fromEntries(Object.entries(variable).filter(([k]) => !k.startsWith('NSString')));
  for (const category of [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories, 'other'])
    expect(forms, `${message.key} ${locale}`).toHaveProperty(category);
  expect(forms).toEqual(expectedForms(message, locale));
}

describe('apple: Localizable.xcstrings', () => {
  it.each(SCENARIOS)('%s: strict JSON in Xcode layout with every localization', async (scenario) => {
    const { catalog: whole, files } = await rendered(scenario);
    for (const { catalog, table } of tables(whole)) {
      const text = files.get(`apple/${table}.xcstrings`)!;
      expect(text.charCodeAt(0), 'no BOM').not.toBe(0xfeff);
      const { json, diagnostics } = parseJsonFile('Localizable.xcstrings', text);
      expect(diagnostics, 'strict JSON without duplicate keys').toEqual([]);
      for (const line of text.split('\n').slice(1, -2)) expect(line, 'Xcode layout').toMatch(/^( {2})+("(?:[^"\\]|\\.)*" : |\}|\},?$)/);
      const file = json!.value as { sourceLanguage: string; version: string; strings: Record<string, Dict> };
      expect(Object.keys(file)).toEqual(['sourceLanguage', 'strings', 'version']);
      expect([file.sourceLanguage, file.version]).toEqual([catalog.sourceLocale, '1.0']);
      expect(Object.keys(file.strings).sort()).toEqual(catalog.messages.map((m) => m.key).sort());
      for (const message of catalog.messages) {
        const entry = file.strings[message.key];
        expect(entry.extractionState).toBe('manual');
        expect(entry.comment).toBe(message.description);
        const localizations = entry.localizations as Record<string, Dict>;
        expect(Object.keys(localizations).sort()).toEqual(catalog.locales.filter((l) => message.translations[l]).sort());
        for (const [locale, localization] of Object.entries(localizations)) {
          const forms = expectedForms(message, locale);
          const units = forms ? ((localization.variations as Dict).plural as Record<string, Dict>) : { only: localization };
          expect(Object.keys(localization)).toEqual([forms ? 'variations' : 'stringUnit']);
          for (const unit of Object.values(units)) expect(Object.keys(unit)).toEqual(['stringUnit']);
          const values = Object.fromEntries(Object.entries(units).map(([k, u]) => [k, (u.stringUnit as Dict).value]));
          expect(values, `${message.key} ${locale}`).toEqual(forms ?? { only: expectedFormat(message.translations[locale].ast, message) });
          for (const unit of Object.values(units))
            expect(['new', 'translated', 'needs_review', 'stale']).toContain((unit.stringUnit as Dict).state);
        }
      }
    }
  });
});

// ---------------------------------------------------------------- limits

describe('apple: what the formats cannot carry', () => {
  const cases: [string, string, string, string, RegExp][] = [
    [
      'a C0 control in a plural form (stringsdict XML)',
      '5',
      'en',
      '{count, plural, one {# file\u0007} other {# files}}',
      /U\+0007.*stringsdict/,
    ],
    ['a lone surrogate', '2', 'en', 'broken \ud800 text', /U\+D800/],
    ['an exact plural selector other than =0', '5', 'en', '{count, plural, =1 {one file} other {# files}}', /=1/],
    ['a select', '3', 'en', '{count, select, a {A} other {B}}', /select/],
    ['a number style', '7', 'en', 'User {user}: {limit, number, percent}', /limit/],
  ];
  it.each(cases)('%s is an apple/unrepresentable error', async (_, key, locale, text, detail) => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const { diagnostics } = appleTarget.plan(withTranslation(catalog, key, locale, text), { config, header: 'h' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'apple/unrepresentable', severity: 'error', target: 'apple', key, locale });
    expect(diagnostics[0].message).toContain(`Key ${key} (${locale})`);
    expect(diagnostics[0].message).toContain('apple');
    expect(diagnostics[0].message).toMatch(detail);
    expect(diagnostics[0].place?.file).toBeTruthy();
  });

  it('=0 is an error where the CLDR zero covers more than 0 (lv), and zero where it is exactly 0 (ar)', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const text = '{count, plural, =0 {none} zero {z #} one {o #} other {x #}}';
    const lv = withTranslation({ ...catalog, locales: [...catalog.locales, 'lv'] }, '6', 'lv', text);
    expect(appleTarget.plan(lv, { config, header: 'h' }).diagnostics.map((d) => [d.key, d.locale])).toEqual([['6', 'lv']]);
    const ar = appleTarget.plan(withTranslation(catalog, '6', 'ar', text), { config, header: 'h' });
    expect(ar.diagnostics).toEqual([]);
    const entries = stringsdictEntries(ar.files, 'apple/ar.lproj/Localizable.stringsdict');
    expect(entries.find((e) => e.key === '6')!.forms.map((f) => [f.category, f.value])).toEqual([
      ['zero', 'none'],
      ['one', 'o %1$lld'],
      ['two', 'x %1$lld'],
      ['few', 'x %1$lld'],
      ['many', 'x %1$lld'],
      ['other', 'x %1$lld'],
    ]);
  });

  it('fills the CLDR categories a translation lacks from other', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const plan = appleTarget.plan(withTranslation(catalog, '5', 'ru', '{count, plural, one {# файл} other {# файла}}'), {
      config,
      header: 'h',
    });
    const entries = stringsdictEntries(plan.files, 'apple/ru.lproj/Localizable.stringsdict');
    expect(entries.find((e) => e.key === '5')!.forms.map((f) => f.category + ' ' + f.value)).toEqual([
      'one %1$lld файл',
      'few %1$lld файла',
      'many %1$lld файла',
      'other %1$lld файла',
    ]);
  });

  it('maps catalog states to String Catalog states', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6014', 'ja', 'まだ', 'initial');
    changed = withTranslation(changed, '6014', 'ru', 'Да', 'final');
    changed = withTranslation(changed, '6014', 'ar', 'نعم', 'reviewed');
    const xcstrings = renderTargets(changed, config, [appleTarget], [])!.get('apple/Localizable.xcstrings')!;
    const localizations = JSON.parse(xcstrings).strings['6014'].localizations as Record<string, { stringUnit: { state: string } }>;
    const states = Object.fromEntries(Object.entries(localizations).map(([l, u]) => [l, u.stringUnit.state]));
    expect(states).toEqual({
      ar: 'translated',
      en: 'translated',
      fr: 'translated',
      ja: 'needs_review',
      ko: 'translated',
      'pt-BR': 'translated',
      ru: 'translated',
      'zh-Hans': 'translated',
    });
  });

  it('escapes XML text and keeps the header comment well-formed', () => {
    expect(xmlText('a & b < c > d\re')).toBe('a &amp; b &lt; c &gt; d&#13;e');
    expect(xmlComment('from a--b.json -')).toBe('from a- -b.json - ');
  });
});

// ---------------------------------------------------------------- templates

/** The entry template of each file kind. */
const ENTRY_TEMPLATES: Record<string, string> = {
  strings: 'entry.strings.hbs',
  stringsdict: 'entry.stringsdict.hbs',
  xcstrings: 'entry.xcstrings.hbs',
};
const kindOf = (path: string) => path.slice(path.lastIndexOf('.') + 1);

describe('apple: entry templates', () => {
  it('matches the golden entry contexts (what each entry template is given), beside the golden files', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const { files } = await rendered('hazards');
    const planned = appleTarget.plan(catalog, { config, header: 'h' }).files;
    expect(planned.map((f) => f.path).sort()).toEqual([...files.keys()]);
    for (const file of planned) {
      expect(file.entries!.template).toBe(ENTRY_TEMPLATES[kindOf(file.path)]);
      const json = `${JSON.stringify(file.entries!.contexts, null, 2)}\n`;
      await expect(json).toMatchFileSnapshot(
        join(repoRoot, 'test/golden/hazards/apple-context', `${file.path.slice('apple/'.length)}.json`),
      );
    }
  });

  it('renders every entry in TypeScript exactly as the built-in entry templates do through handlebars', async () => {
    const renderer = new TemplateRenderer();
    const kinds = new Set<string>();
    for (const scenario of SCENARIOS) {
      const { catalog, config } = await loadTestCatalog(scenario);
      for (const file of appleTarget.plan(catalog, { config, header: 'h' }).files) {
        const entries = file.entries!;
        const viaHandlebars = renderer.render('apple', { ...file, entries: { ...entries, builtIn: undefined } });
        let calls = 0;
        const counted = { ...entries, builtIn: (c: object) => (calls++, entries.builtIn!(c)) };
        expect(renderer.render('apple', { ...file, entries: counted }), `${scenario} ${file.path}`).toBe(viaHandlebars);
        expect(calls, 'the TypeScript path was taken').toBe(entries.contexts.length);
        kinds.add(kindOf(file.path));
      }
    }
    expect([...kinds].sort()).toEqual(Object.keys(ENTRY_TEMPLATES));
  });
});

// A user's templates folder, named in the config. `.strings`: the comment after the entry, and a note on plural keys.
const STRINGS_ENTRY =
  '"{{key}}" = "{{value}}";{{#if comment}} /* {{comment}} */{{/if}}{{#if plural}} /* plural: see the .stringsdict */{{/if}}';
// `.stringsdict`: two-space indents, each key and its value on one line, the variable before the format key.
const STRINGSDICT_ENTRY = [
  '  <key>{{key}}</key>',
  '  <dict>',
  '    <key>{{variable}}</key>',
  '    <dict>',
  '      <key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>',
  '      <key>NSStringFormatValueTypeKey</key><string>{{valueType}}</string>',
  '{{#each forms}}',
  '      <key>{{category}}</key><string>{{value}}</string>',
  '{{/each}}',
  '    </dict>',
  '    <key>NSStringLocalizedFormatKey</key><string>{{formatKey}}</string>',
  '  </dict>{{!-- no final newline --~}}',
  '',
].join('\n');
// `.xcstrings`: one line per localization, and a field of its own for one key.
const XCSTRINGS_ENTRY = [
  '    {{key}} : {',
  '{{#if comment}}',
  '      "comment" : {{comment}},',
  '{{/if}}',
  '{{#if (eq messageKey "unknown")}}',
  '      "shouldTranslate" : false,',
  '{{/if}}',
  '      "extractionState" : {{extractionState}},',
  '      "localizations" : {',
  '{{#each localizations}}',
  '        {{locale}} : { {{#if plural}}"variations" : { "plural" : { {{#each forms}}{{category}} : { "stringUnit" : { "state" : {{../state}}, "value" : {{value}} } }{{#unless @last}}, {{/unless}}{{/each}} } }{{else}}"stringUnit" : { "state" : {{state}}, "value" : {{value}} }{{/if}} }{{#unless @last}},{{/unless}}',
  '{{/each}}',
  '      }',
  '    }{{!-- no final newline --~}}',
  '',
].join('\n');

/** The hazards fixture in a temp folder with `templates` (file name → text) as its apple override folder. */
async function withAppleOverride(templates: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-apple-override-'));
  cpSync(join(repoRoot, 'test/fixtures/hazards'), dir, { recursive: true });
  mkdirSync(join(dir, 'my-templates', 'apple'), { recursive: true });
  for (const [name, text] of Object.entries(templates)) writeFileSync(join(dir, 'my-templates', 'apple', name), text);
  const configPath = join(dir, 'codebook.config.json');
  const raw = JSON.parse(readFileSync(configPath, 'utf8')) as object;
  writeFileSync(configPath, JSON.stringify({ ...raw, $schema: undefined, templates: { apple: 'my-templates/apple' } }));
  const loaded = await loadCatalog({ config: configPath, cwd: repoRoot });
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { dir, configPath, catalog: loaded.catalog!, config: loaded.config! };
}

const PLIST_SCRIPT = 'import json, plistlib, sys; print(json.dumps({p: plistlib.load(open(p, "rb")) for p in sys.argv[1:]}))';
// Python's json, strict (no NaN) and refusing duplicate keys: a second reader of the String Catalog.
const JSON_SCRIPT = [
  'import json, sys',
  'def pairs(p):',
  '    keys = [k for k, _ in p]',
  '    assert len(keys) == len(set(keys)), keys',
  '    return dict(p)',
  'def nan(c): raise ValueError(c)',
  'print(json.dumps({p: json.load(open(p, encoding="utf-8"), object_pairs_hook=pairs, parse_constant=nan) for p in sys.argv[1:]}))',
].join('\n');

describe.skipIf(!haveTools('xmllint', 'plistutil', 'python3', 'gcc', 'gnustep-config'))(
  'apple: template overrides through GNUstep, xmllint, plistutil, plistlib and a strict JSON reader',
  () => {
    beforeAll(buildReader);

    it('renders a .strings, a .stringsdict and an .xcstrings entry as overridden, and every reader gets the same values', async () => {
      const { catalog: whole, config } = await withAppleOverride({
        'entry.strings.hbs': STRINGS_ENTRY,
        'entry.stringsdict.hbs': STRINGSDICT_ENTRY,
        'entry.xcstrings.hbs': XCSTRINGS_ENTRY,
      });
      const diagnostics: Diagnostic[] = [];
      const files = renderTargets(whole, config, [appleTarget], diagnostics)!;
      expect(diagnostics).toEqual([]);
      const { files: builtIn, dir: builtInDir } = await rendered('hazards');
      expect([...files.keys()]).toEqual([...builtIn.keys()]);
      for (const path of files.keys()) expect(files.get(path), path).not.toEqual(builtIn.get(path));
      const dir = writeToTemp(files, 'codebook-apple-override-out-');
      // the contexts, planned without the override (which renders the String Catalog in the plan)
      const planned = appleTarget.plan(whole, { config: { ...config, templates: {} }, header: 'h' }).files;
      const contexts = (path: string) => planned.find((f) => f.path === path)!.entries!.contexts;

      // One .strings entry, by the override and by the built-in template; Foundation reads every value back.
      const one = (contexts('apple/en.lproj/Localizable.strings') as StringsEntryContext[]).find((c) => c.comment && !c.plural)!;
      const plural = (contexts('apple/en.lproj/Localizable.strings') as StringsEntryContext[]).find((c) => c.plural)!;
      const strings = files.get('apple/en.lproj/Localizable.strings')!;
      expect(strings).toContain(`\n"${one.key}" = "${one.value}"; /* ${one.comment} */\n`);
      expect(strings).toContain(
        `\n"${plural.key}" = "${plural.value}";${plural.comment ? ` /* ${plural.comment} */` : ''} /* plural: see the .stringsdict */\n`,
      );
      expect(builtIn.get('apple/en.lproj/Localizable.strings')).toContain(`\n/* ${one.comment} */\n"${one.key}" = "${one.value}";\n`);
      for (const { catalog, table } of tables(whole))
        for (const locale of catalog.locales)
          expect(readBack('strings', join(dir, `apple/${locale}.lproj/${table}.strings`)), locale).toEqual(
            expectedStrings(catalog, locale),
          );

      // One .stringsdict entry; xmllint and plistutil accept every file, and plistlib and GNUstep read what the built-in files hold.
      const five = (contexts('apple/en.lproj/Localizable.stringsdict') as StringsdictEntryContext[]).find((c) => c.key === '5')!;
      expect(files.get('apple/en.lproj/Localizable.stringsdict')).toContain(
        [
          '<dict>',
          '  <key>5</key>',
          '  <dict>',
          `    <key>${five.variable}</key>`,
          '    <dict>',
          '      <key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string>',
          `      <key>NSStringFormatValueTypeKey</key><string>${five.valueType}</string>`,
          ...five.forms.map((f) => `      <key>${f.category}</key><string>${f.value}</string>`),
          '    </dict>',
          `    <key>NSStringLocalizedFormatKey</key><string>${five.formatKey}</string>`,
          '  </dict>',
        ].join('\n'),
      );
      const dicts = [...files.keys()].filter((p) => p.endsWith('.stringsdict'));
      for (const path of dicts) {
        run('xmllint', ['--noout', '--nonet', join(dir, path)]);
        run('plistutil', ['-i', join(dir, path), '-f', 'bin', '-o', '/dev/null']);
      }
      const mine = JSON.parse(run('python3', ['-c', PLIST_SCRIPT, ...dicts.map((p) => join(dir, p))])) as Record<string, Dict>;
      const theirs = JSON.parse(run('python3', ['-c', PLIST_SCRIPT, ...dicts.map((p) => join(builtInDir, p))])) as Record<string, Dict>;
      for (const path of dicts) {
        expect(mine[join(dir, path)], path).toEqual(theirs[join(builtInDir, path)]);
        expect(readBack('plist', join(dir, path)), `${path}: GNUstep and plistlib agree`).toEqual(mine[join(dir, path)]);
      }

      // One .xcstrings entry; the catalog parses strictly, twice, to the built-in one plus the field the override adds.
      const catalogs = (contexts('apple/Localizable.xcstrings') as XcstringsEntryContext[]).filter((c) => c.messageKey === '1');
      const [first] = catalogs[0].localizations;
      expect(files.get('apple/Localizable.xcstrings')).toContain(
        `\n        ${first.locale} : { "stringUnit" : { "state" : ${first.state}, "value" : ${first.value} } },\n`,
      );
      const path = 'apple/Localizable.xcstrings';
      expect(parseJsonFile(path, files.get(path)!).diagnostics).toEqual([]);
      const parsed = JSON.parse(run('python3', ['-c', JSON_SCRIPT, join(dir, path), join(builtInDir, path)])) as Record<string, Dict>;
      const expected = JSON.parse(builtIn.get(path)!) as { strings: Record<string, Dict> };
      expected.strings.unknown = { ...expected.strings.unknown, shouldTranslate: false as unknown as string };
      expect(parsed[join(dir, path)]).toEqual(expected);
      expect(parsed[join(builtInDir, path)]).toEqual(JSON.parse(builtIn.get(path)!));
    });
  },
);

/** The apple files as the pipeline renders them (overridden JSON checked), and the errors; `files` is undefined after one. */
function renderApple(catalog: Catalog, config: Config) {
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, config, [appleTarget], diagnostics);
  return { files, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('apple: an overridden String Catalog that is not one', () => {
  const builtIn = (name: string) => readFileSync(join(repoRoot, 'templates/apple', name), 'utf8');

  it('is an emit/template-invalid-json error at the override, with the line of the rendered file, and nothing is written', async () => {
    // A comma after every localization, the last one too.
    const broken = builtIn('entry.xcstrings.hbs').replace('        }{{#unless @last}},{{/unless}}', '        },');
    expect(broken).not.toBe(builtIn('entry.xcstrings.hbs'));
    const { dir, configPath, catalog, config } = await withAppleOverride({ 'entry.xcstrings.hbs': broken });
    const { files, errors } = renderApple(catalog, config);
    expect(files).toBeUndefined();
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toMatchObject({
      ruleId: 'emit/template-invalid-json',
      severity: 'error',
      target: 'apple',
      place: { file: 'my-templates/apple/entry.xcstrings.hbs' },
    });
    expect(error.message).toContain('apple/Localizable.xcstrings');
    expect(error.notes?.[0].place).toMatchObject({
      file: 'apple/Localizable.xcstrings',
      line: expect.any(Number),
      column: expect.any(Number),
    });

    const result = await generate({ config: configPath, cwd: dir, targets: ['apple'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['emit/template-invalid-json']);
    expect(existsSync(join(dir, 'dist')) ? readdirSync(join(dir, 'dist'), { recursive: true }) : []).toEqual([]);
  });

  it('is an error when the JSON is not a String Catalog', async () => {
    const file = builtIn('Localizable.xcstrings.hbs').replace('"version" : {{version}}', '"version" : 1');
    const { catalog, config } = await withAppleOverride({ 'Localizable.xcstrings.hbs': file });
    const { errors } = renderApple(catalog, config);
    expect(errors.map((d) => [d.ruleId, d.place?.file])).toEqual([
      ['emit/template-invalid-json', 'my-templates/apple/Localizable.xcstrings.hbs'],
    ]);
    expect(errors[0].message).toContain('"version"');
  });

  it('leaves the .strings and .stringsdict overrides unparsed as JSON', async () => {
    const { catalog, config } = await withAppleOverride({ 'entry.strings.hbs': STRINGS_ENTRY, 'entry.stringsdict.hbs': STRINGSDICT_ENTRY });
    const { files, errors } = renderApple(catalog, config);
    expect(errors).toEqual([]);
    // Rendered through the overrides (not JSON, so never parsed as JSON): they differ from the built-in files.
    const builtIns = renderTargets(catalog, { ...config, templates: {} }, [appleTarget], [])!;
    const strings = [...files!.keys()].filter((p) => /\.(strings|stringsdict)$/.test(p));
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.some((p) => files!.get(p) !== builtIns.get(p))).toBe(true);
  });
});
