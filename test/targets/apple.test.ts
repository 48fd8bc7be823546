/**
 * The apple target: golden files, then every file through a real parser.
 * `.strings` is read back by GNUstep Foundation (test/tools/gnustep), each
 * `.stringsdict` goes through xmllint, plistutil, Python's plistlib and
 * GNUstep, and the `.xcstrings` through a strict JSON parser; values are
 * compared with format strings built here from the catalog, independently of
 * the target's own conversion.
 */
import { audienceName, audiencesOf } from '../../generator/emit/audiences.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TYPE, type MessageFormatElement, type PluralElement } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../generator/json/json-file.js';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import { renderTargets } from '../../generator/pipeline.js';
import { appleTarget } from '../../generator/targets/apple.js';
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
    const dict = ar.files.find((f) => f.path === 'apple/ar.lproj/Localizable.stringsdict')!.context as {
      entries: { key: string; forms: { category: string; value: string }[] }[];
    };
    expect(dict.entries.find((e) => e.key === '6')!.forms.map((f) => [f.category, f.value])).toEqual([
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
    const dict = plan.files.find((f) => f.path === 'apple/ru.lproj/Localizable.stringsdict')!.context as {
      entries: { key: string; forms: { category: string; value: string }[] }[];
    };
    expect(dict.entries.find((e) => e.key === '5')!.forms.map((f) => f.category + ' ' + f.value)).toEqual([
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
    const xcstrings = appleTarget.plan(changed, { config, header: 'h' }).files.find((f) => f.path.endsWith('.xcstrings'))!.content!;
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
