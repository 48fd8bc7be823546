/**
 * The Java target: golden files for the hazard catalog (both settings of
 * java.messageFormat), the escaping tables against hostile values, and the JDK
 * itself: test/tools/java/BundleReader loads every file with Properties.load
 * (ISO-8859-1) and a strict UTF-8 PropertyResourceBundle, resolves each locale
 * with ResourceBundle.getBundle (JVM default locale set to another catalog
 * locale), and formats each value that is a pattern with MessageFormat and
 * sentinel arguments (the plain ones as getString gives them); the result must
 * equal the catalog's text with the same sentinels, so no quote swallowed a
 * placeholder. Then the consumers that exist, run on the JDK: getString() as
 * it is, and Spring's MessageSource logic with alwaysUseMessageFormat false
 * (its default: MessageFormat only when arguments are given) and true.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import { loadConfig, type Config, type JavaMessageFormat } from '../../generator/config/load-config.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { loadCatalog, renderTargets } from '../../generator/pipeline.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { EntryRendering, PlannedFile } from '../../generator/emit/target.js';
import { patternText, propertiesKey, propertiesValue } from '../../generator/targets/java-escape.js';
import { bundleSuffix, javaTarget, type BundleEntryContext } from '../../generator/targets/java.js';
import { fixturesDir, loadTestCatalog, renderScenario, repoRoot, writeToTemp } from '../support/catalogs.js';
import { audiencesOf } from '../../generator/emit/audiences.js';
import { bundleBaseName } from '../../generator/targets/lookup-java.js';
import { compileBundleReader, expectReadBack, readBundles, type ReadBack } from '../support/readers/java-bundles.js';
import { haveTools } from '../support/toolchain.js';

const MODES: JavaMessageFormat[] = ['with-arguments', 'always'];

/** The config with java.messageFormat set. */
const withMode = (config: Config, messageFormat: JavaMessageFormat): Config => ({ ...config, java: { ...config.java, messageFormat } });

/** The java target's files for a catalog under a java.messageFormat setting. */
function renderJava(catalog: Catalog, config: Config, mode: JavaMessageFormat) {
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, withMode(config, mode), [javaTarget], diagnostics);
  return { files, diagnostics };
}

/** Golden folder by mode: "always" keeps the files written before the setting existed. */
const GOLDEN: Record<JavaMessageFormat, string> = {
  always: '../golden/hazards/java',
  'with-arguments': '../golden/hazards/java-with-arguments',
};

describe('java.messageFormat in the config', () => {
  it('defaults to with-arguments', async () => {
    expect((await loadTestCatalog('hazards')).config.java).toEqual({ messageFormat: 'with-arguments' });
    expect((await loadTestCatalog('default')).config.java).toEqual({ messageFormat: 'with-arguments' });
  });

  it('comes from a base config unless the project sets it, and takes only the two values', async () => {
    const base = {
      sourceLocale: 'en',
      locales: ['en'],
      layers: [{ name: 'registry', files: ['codes.json'] }],
      java: { messageFormat: 'always' },
    };
    const dir = writeToTemp(new Map([['base.json', JSON.stringify(base)]]), 'codebook-java-config-');
    const load = async (own: object) => {
      writeFileSync(join(dir, 'codebook.config.json'), JSON.stringify({ extends: './base.json', ...own }));
      return loadConfig(join(dir, 'codebook.config.json'), 'codebook.config.json');
    };
    expect((await load({})).config?.java).toEqual({ messageFormat: 'always' });
    expect((await load({ java: { messageFormat: 'with-arguments' } })).config?.java).toEqual({ messageFormat: 'with-arguments' });
    const bad = await load({ java: { messageFormat: 'sometimes' } });
    expect(bad.config).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.place?.pointer)).toContain('/java/messageFormat');
  });
});

describe.each(MODES)('java target on the hazard catalog, java.messageFormat %s', async (mode) => {
  const { catalog, config } = await loadTestCatalog('hazards');
  const { files, diagnostics } = renderJava(catalog, config, mode);

  it('writes the root bundle, one bundle per other locale and the source-language stub', () => {
    expect([...files!.keys()]).toEqual([
      'java/Errors.properties',
      'java/Errors_ar.properties',
      'java/Errors_en.properties',
      'java/Errors_fr.properties',
      'java/Errors_ja.properties',
      'java/Errors_ko.properties',
      'java/Errors_pt_BR.properties',
      'java/Errors_ru.properties',
      'java/Errors_zh_Hans.properties',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('matches the golden files', async () => {
    for (const [path, text] of files!) await expect(text).toMatchFileSnapshot(`${GOLDEN[mode]}/${path.slice('java/'.length)}`);
  });

  it('starts every file with the generated-file header as a comment', () => {
    for (const text of files!.values()) expect(text).toMatch(/^# Generated by codebook from codebook\.config\.json\. Do not edit/);
  });

  it(
    mode === 'always'
      ? 'writes every value as a MessageFormat pattern'
      : 'writes the messages without arguments as plain text, those with arguments as patterns, and says so',
    () => {
      const root = files!.get('java/Errors.properties')!;
      const note =
        "# Values of messages with arguments are java.text.MessageFormat patterns (format them: '' is one quote); the others are plain text, as getString() returns them.";
      if (mode === 'always') {
        expect(root).toContain(`\n1=It''s "quoted" & <b>bold</b>, 100% sure.\n`);
        expect(root).toContain(`\n8=Party \\uD83C\\uDF89 \\u2014 \\u65E5\\u672C\\u8A9E and '{'literal braces'}'.\n`);
        expect(root).not.toContain(note);
      } else {
        expect(root).toContain(`\n1=It's "quoted" & <b>bold</b>, 100% sure.\n`);
        expect(root).toContain(`\n8=Party \\uD83C\\uDF89 \\u2014 \\u65E5\\u672C\\u8A9E and {literal braces}.\n`);
        expect(root).toContain(`\n9=Path C:\\\\temp\\\\new isn't 'quoted'.\n`);
        for (const [path, text] of files!) if (path !== 'java/Errors_en.properties') expect(text.split('\n')[1], path).toBe(note);
      }
      // A message with arguments is a pattern either way.
      expect(root).toContain('\n7=User {1} reached the limit of {0,number} requests.\n');
      expect(root).toContain('\nunknown=Unknown error (code {0}).\n');
    },
  );
});

describe('java entry contexts', () => {
  it('matches the golden entry contexts (what entry.properties.hbs is given), beside the golden files', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const { files: planned } = javaTarget.plan(catalog, { config, header: 'h' });
    for (const file of planned) {
      expect(entriesOf(file).template).toBe('entry.properties.hbs');
      const json = `${JSON.stringify(entriesOf(file).contexts, null, 2)}\n`;
      await expect(json).toMatchFileSnapshot(`../golden/hazards/java-context/${file.path.slice('java/'.length)}.json`);
    }
  });

  it('marks plural groups and patterns', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    for (const mode of MODES) {
      const root = javaTarget
        .plan(catalog, { config: withMode(config, mode), header: 'h' })
        .files.find((f) => f.path === 'java/Errors.properties')!;
      for (const c of entriesOf(root).contexts as BundleEntryContext[]) {
        const message = catalog.messages.find((m) => m.key === c.messageKey)!;
        expect(c.pattern, c.messageKey).toBe(mode === 'always' || message.params.length > 0);
        expect(c.plural, c.messageKey).toBe(c.properties.length > 1);
        if (c.plural) expect(c.properties[0].key).toBe(`${c.messageKey}.locale`);
      }
    }
  });
});

describe('the built-in entry template in TypeScript', () => {
  it('renders every entry exactly as entry.properties.hbs does through handlebars, in both java.messageFormat modes', async () => {
    const renderer = new TemplateRenderer();
    let files = 0;
    for (const scenario of ['hazards', 'default']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      for (const mode of MODES) {
        for (const file of javaTarget.plan(catalog, { config: withMode(config, mode), header: 'h' }).files) {
          const entries = entriesOf(file);
          const viaHandlebars = renderer.render('java', { ...file, entries: { ...entries, builtIn: undefined } });
          let calls = 0;
          const counted = { ...entries, builtIn: (c: object) => (calls++, entries.builtIn!(c)) };
          expect(renderer.render('java', { ...file, entries: counted }), `${scenario} ${mode} ${file.path}`).toBe(viaHandlebars);
          expect(calls, 'the TypeScript path was taken').toBe(entries.contexts.length);
          files++;
        }
      }
    }
    expect(files).toBeGreaterThan(20);
  });
});

/** The one entry rendering of a java file (its message blocks). */
function entriesOf(file: PlannedFile): EntryRendering {
  const { entries } = file;
  if (!entries || !('field' in entries)) throw new Error(`${file.path}: expected one entry rendering`);
  return entries;
}

it('"always" writes the same bundles as before the setting, "with-arguments" differs only in the values of messages without arguments and the note', async () => {
  const { catalog, config } = await loadTestCatalog('hazards');
  const always = renderJava(catalog, config, 'always').files!;
  const plain = renderJava(catalog, config, 'with-arguments').files!;
  const argless = new Set(catalog.messages.filter((m) => m.params.length === 0).map((m) => m.key));
  for (const [path, text] of always) {
    const lines = text.split('\n');
    const other = plain
      .get(path)!
      .split('\n')
      .filter((l) => !l.startsWith('# Values of messages with arguments'));
    expect(other.length, path).toBe(lines.length);
    lines.forEach((line, i) => {
      if (line !== other[i]) expect(argless.has(line.slice(0, line.indexOf('='))), `${path}: ${line}`).toBe(true);
    });
  }
});

describe('java escaping', () => {
  it.each([
    ["It's", "It''s"],
    ["''", "''''"],
    ['{x}', "'{'x'}'"],
    ["'{'", "'''{'''"],
    ['}{', "'}{'"],
    ["{'{", "'{''{'"],
    ['a{b}c', "a'{'b'}'c"],
    ['# and ! and = and :', '# and ! and = and :'],
  ])('MessageFormat text %j → %j', (input, escaped) => expect(patternText(input)).toBe(escaped));

  it.each([
    [' lead', '\\ lead'],
    ['trail ', 'trail\\u0020'],
    ['a  b', 'a  b'],
    ['C:\\new\\', 'C:\\\\new\\\\'],
    ['tab\tnl\ncr\rff\f', 'tab\\tnl\\ncr\\rff\\f'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell\\u0007 nul\\u0000 del\\u007F'],
    ['é 日本 🎉', '\\u00E9 \\u65E5\\u672C \\uD83C\\uDF89'],
    ['lone \ud800', 'lone \\uD800'],
    ['#!=: stay', '#!=: stay'],
  ])('.properties value %j → %j', (input, escaped) => expect(propertiesValue(input)).toBe(escaped));

  it.each([
    ['6014', '6014'],
    ['-302', '-302'],
    ['120001-130000', '120001-130000'],
    ['6.=0', '6.\\=0'],
    ['#a!b c:d=e', '\\#a\\!b\\ c\\:d\\=e'],
    ['ключ', '\\u043A\\u043B\\u044E\\u0447'],
  ])('.properties key %j → %j', (input, escaped) => expect(propertiesKey(input)).toBe(escaped));

  it.each([
    ['ja', '_ja'],
    ['zh-Hans', '_zh_Hans'],
    ['zh-Hant-TW', '_zh_Hant_TW'],
    ['pt-BR', '_pt_BR'],
    ['es-419', '_es_419'],
    ['sr-Latn', '_sr_Latn'],
    ['de-CH-1996', '_de_CH_1996'],
    ['en-u-ca-buddhist', undefined],
  ])('bundle suffix of %s is %s', (tag, suffix) => expect(bundleSuffix(tag)).toBe(suffix));

  it('reports what MessageFormat cannot carry, naming the target and key', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const bad = withMessages(catalog, [
      icu('pick', { en: '{g, select, a {x} other {y}}' }, 'select'),
      icu('skeleton', { en: '{n, number, ::percent}' }, 'number'),
    ]);
    const { diagnostics } = javaTarget.plan(bad, { config, header: 'h' });
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.target, d.key, d.locale])).toEqual([
      ['java/unrepresentable', 'error', 'java', 'pick', 'en'],
      ['java/unrepresentable', 'error', 'java', 'skeleton', 'en'],
    ]);
    expect(diagnostics[0].message).toMatch(/Key pick \(en\) cannot be written for Java.*select/);
  });
});

describe.skipIf(!haveTools('javac', 'java'))('java bundles through Properties, ResourceBundle and MessageFormat', () => {
  let classes: string;
  beforeAll(() => {
    classes = compileBundleReader();
  });

  it.each(MODES)('reads back the hazard catalog exactly, java.messageFormat %s', async (mode) => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const { files } = renderJava(catalog, config, mode);
    expectReadBack(catalog, readBundles(classes, files!, catalog, mode));
  });

  it('reads back the default catalog exactly: the user messages as Errors, the details as ErrorsDetail', async () => {
    const { catalog, files } = await renderScenario('default', [javaTarget]);
    const audiences = audiencesOf(catalog, 'error_');
    expect(audiences.map((a) => bundleBaseName(a.catalog.namespace))).toEqual(['Errors', 'ErrorsDetail']);
    for (const { catalog: view } of audiences) {
      const base = bundleBaseName(view.namespace);
      const own = new Map([...files!].filter(([path]) => new RegExp(`^java/${base}(_[A-Za-z0-9_]+)?\\.properties$`).test(path)));
      expect(own.size).toBeGreaterThan(catalog.locales.length - 1);
      expectReadBack(view, readBundles(classes, own, view));
    }
  });

  it.each(MODES)('reads back hostile values, exact selectors and extra locales, java.messageFormat %s', async (mode) => {
    const { catalog: hazards, config } = await loadTestCatalog('hazards');
    const hostile = [
      ' ',
      ' lead',
      'trail ',
      "'",
      "''",
      "'{'",
      '{',
      '}{',
      '\\',
      'a\\',
      '\\u0041',
      '#x',
      '!x',
      '=x',
      ':x',
      '\t\n\r\f',
      '\u0000\u0007\u007f\u0085\u2028',
      'é日本🎉\ud800',
      '',
    ];
    const messages = [
      ...hostile.map((text, i) => ({
        ...icu(`h${i}`, { en: 'x' }),
        params: [],
        translations: { en: translation([{ type: TYPE.literal, value: text }]) },
      })),
      icu('hzero', {
        en: '{count, plural, =0 {none} one {# item} other {# items}}',
        ar: '{count, plural, =0 {لا شيء} =2 {اثنان بالضبط} zero {صفر} one {واحد} two {اثنان} few {# قليلة} many {# كثيرة} other {# أخرى}}',
      }),
      icu('hmixed', { en: "{count, plural, one {# file, it''s '{'1'}'} other {# files}}", ja: '{count} 件のファイル' }),
      icu('hdate', { en: 'On {when, date, short} at {when, time}' }, 'date', 'when'),
    ];
    const catalog = withMessages(withLocales(hazards, ['zh-Hant-TW', 'es-419', 'sr-Latn', 'de-CH-1996']), messages);
    const { files, diagnostics } = renderJava(catalog, config, mode);
    expect(diagnostics).toEqual([]);
    const read = readBundles(classes, files!, catalog, mode);
    expect(read.files['Errors.properties']['h0']).toBe(' ');
    // Without arguments: the text itself, or its pattern.
    expect(read.files['Errors.properties']['h7']).toBe(mode === 'always' ? "'}{'" : '}{');
    expect(read.bundles.ar.values['hzero.=2'].text).toBe('اثنان بالضبط');
    expect(read.bundles['pt-BR'].values['hzero.=2'].text).toBe('\u27E60\u27E7 items');
    expectReadBack(catalog, read);
  });

  describe("the consumers that exist: getString(), Spring's MessageSource (alwaysUseMessageFormat false and true), on the JDK", () => {
    let consumers: string;
    beforeAll(() => {
      consumers = mkdtempSync(join(tmpdir(), 'codebook-java-consumers-'));
      writeFileSync(join(consumers, 'Consumers.java'), CONSUMERS);
      execFileSync('javac', ['-encoding', 'UTF-8', '-Xlint:all', '-Werror', '-d', consumers, join(consumers, 'Consumers.java')]);
    });

    /** Messages without arguments that hold quotes and braces, and ones with arguments, with the arguments to pass and the text to show. */
    const cases: [key: string, args: string[], shown: string][] = [
      ['q1', [], "It's {not} an argument, isn't it?"],
      ['1', [], 'It\'s "quoted" & <b>bold</b>, 100% sure.'],
      ['8', [], 'Party 🎉 — 日本語 and {literal braces}.'],
      ['9', [], "Path C:\\temp\\new isn't 'quoted'."],
      ['q2', ['alice'], "alice can't use {braces}"],
      ['7', ['100', 'alice'], 'User alice reached the limit of 100 requests.'],
      ['unknown', ['-1'], 'Unknown error (code -1).'],
    ];
    /** Which consumer shows every text exactly under each setting: the README's advice. */
    type Right = 'all' | 'without arguments' | 'with arguments' | 'none';
    const exact: Record<JavaMessageFormat, Record<'getString' | 'springDefault' | 'springAlways', Right>> = {
      'with-arguments': { getString: 'without arguments', springDefault: 'all', springAlways: 'with arguments' },
      always: { getString: 'none', springDefault: 'with arguments', springAlways: 'all' },
    };

    it.each(MODES)('java.messageFormat %s', async (mode) => {
      const { catalog: hazards, config } = await loadTestCatalog('hazards');
      const catalog = withMessages(hazards, [
        textMessage('q1', "It''s '{not}' an argument, isn''t it?", []),
        textMessage('q2', "{user} can''t use '{braces}'", [{ name: 'user', type: 'string' }]),
      ]);
      const { files, diagnostics } = renderJava(catalog, config, mode);
      expect(diagnostics).toEqual([]);
      const dir = join(writeToTemp(files!, 'codebook-java-consumers-'), 'java');
      const run = spawnSync(
        'java',
        ['-cp', consumers, 'Consumers', dir, 'Errors', 'en', ...cases.map(([key, args]) => [key, ...args].join('|'))],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const shown = JSON.parse(run.stdout) as { getString: string; springDefault: string; springAlways: string }[];
      /** For which messages a consumer shows the catalog's text: all, none, or only those without or with arguments. */
      const consumersShowing = (consumer: keyof (typeof shown)[number]): string => {
        const right = cases.map(([, , text], i) => shown[i][consumer] === text);
        const withArgs = cases.map(([, args]) => args.length > 0);
        if (right.every(Boolean)) return 'all';
        if (!right.some(Boolean)) return 'none';
        if (right.every((r, i) => r === !withArgs[i])) return 'without arguments';
        if (right.every((r, i) => r === withArgs[i])) return 'with arguments';
        return JSON.stringify(shown.map((s) => s[consumer]));
      };
      expect({
        getString: consumersShowing('getString'),
        springDefault: consumersShowing('springDefault'),
        springAlways: consumersShowing('springAlways'),
      }).toEqual(exact[mode]);
      // The case issue 15 names: getString() of a message without arguments shows the catalog's text, not the pattern.
      expect(shown[0].getString).toBe(mode === 'always' ? "It''s '{'not'}' an argument, isn''t it?" : "It's {not} an argument, isn't it?");
    });
  });

  it('reads back a template override: an entry template that adds "# reviewed" before one key, from the config\'s "templates" folder', async () => {
    // A user's templates folder, named in the config: the block of message 7 gets a "# reviewed" line before its key.
    const ENTRY = [
      '# {{comment}}{{#each properties}}',
      '{{#if (eq ../messageKey "7")}}',
      '# reviewed',
      '{{/if}}',
      '{{key}}={{value}}{{/each~}}',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'codebook-java-override-'));
    cpSync(join(fixturesDir, 'hazards'), dir, { recursive: true });
    mkdirSync(join(dir, 'my-templates', 'java'), { recursive: true });
    writeFileSync(join(dir, 'my-templates', 'java', 'entry.properties.hbs'), ENTRY);
    const configPath = join(dir, 'codebook.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ ...JSON.parse(readFileSync(configPath, 'utf8')), $schema: undefined, templates: { java: 'my-templates/java' } }),
    );
    const loaded = await loadCatalog({ config: configPath, cwd: repoRoot });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { catalog, config } = { catalog: loaded.catalog!, config: loaded.config! };
    const diagnostics: Diagnostic[] = [];
    const files = renderTargets(catalog, config, [javaTarget], diagnostics)!;
    expect(diagnostics).toEqual([]);
    const { files: builtIn } = await renderScenario('hazards', [javaTarget]);
    expect([...files.keys()]).toEqual([...builtIn!.keys()]);

    // The override changed message 7's block, and only that: the files are the built-in ones with "# reviewed" added before 7=.
    const mine = files.get('java/Errors.properties')!;
    expect(mine).toContain('\n# reviewed\n7=User {1} reached the limit of {0,number} requests.\n');
    for (const [path, text] of builtIn!) {
      const expected = text.replace(/^7=/m, '# reviewed\n7=');
      expect(files.get(path), path).toBe(expected);
    }
    expect(mine).not.toEqual(builtIn!.get('java/Errors.properties'));

    // The JDK reads every bundle back with every value unchanged.
    const read = readBundles(classes, files, catalog, config.java.messageFormat);
    expectReadBack(catalog, read);
    expect(read).toEqual(readBundles(classes, builtIn!, catalog, config.java.messageFormat));
  });

  it('shows a placeholder swallowed by a lone apostrophe, which the read-back comparison then catches', () => {
    const dir = writeToTemp(new Map([['Errors.properties', "a=It's {0}\nb=It''s {0}\n"]]), 'codebook-java-quote-');
    const result = spawnSync('java', ['-cp', classes, 'BundleReader', dir, 'Errors', 'en', 'en'], { encoding: 'utf8' });
    const values = (JSON.parse(result.stdout) as ReadBack).bundles.en.values;
    expect([values.a.text, values.b.text]).toEqual(['Its {0}', "It's \u27E60\u27E7"]);
  });

  it.each([
    ['a byte order mark', '\uFEFFa=b\n', 'BOM'],
    ['raw non-ASCII', 'a=\u00e9\n', 'not printable ASCII'],
    ['a repeated key', 'a=1\na=2\n', 'repeated keys'],
    ['a trailing backslash joining lines', 'a=x\\\nb=y\n', 'continues'],
    ['a named MessageFormat argument', 'a={x}\n', 'not a MessageFormat pattern'],
  ])('the reader rejects %s', (_, text, complaint) => {
    const dir = writeToTemp(new Map([['Errors.properties', text]]), 'codebook-java-bad-');
    const result = spawnSync('java', ['-cp', classes, 'BundleReader', dir, 'Errors', 'en', 'en'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(complaint);
  });
});

/**
 * What three consumers of a bundle show for each KEY|ARG|ARG… (an integer ARG
 * is passed as an Integer), as JSON: getString() as it is, and Spring's
 * AbstractMessageSource.getMessageInternal with alwaysUseMessageFormat false
 * (its default: without arguments resolveCodeWithoutArguments, the bundle's
 * string as it is; with arguments a MessageFormat) and true (a MessageFormat
 * always). A pattern MessageFormat rejects shows as "!" and the exception.
 */
const CONSUMERS = `
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

public final class Consumers {
  public static void main(String[] args) throws Exception {
    Locale locale = Locale.forLanguageTag(args[2]);
    ResourceBundle bundle = ResourceBundle.getBundle(args[1], locale, new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, null));
    StringBuilder out = new StringBuilder("[");
    for (int i = 3; i < args.length; i++) {
      String[] parts = args[i].split("\\\\|", -1);
      Object[] values = new Object[parts.length - 1];
      for (int j = 1; j < parts.length; j++) values[j - 1] = parts[j].matches("-?\\\\d+") ? (Object) Integer.valueOf(parts[j]) : parts[j];
      String raw = bundle.getString(parts[0]);
      out.append(i > 3 ? "," : "").append("{\\"getString\\":").append(quote(raw))
          .append(",\\"springDefault\\":").append(quote(values.length == 0 ? raw : format(raw, locale, values)))
          .append(",\\"springAlways\\":").append(quote(format(raw, locale, values))).append('}');
    }
    System.out.println(out.append(']'));
  }

  private static String format(String pattern, Locale locale, Object[] values) {
    try {
      return new MessageFormat(pattern, locale).format(values);
    } catch (IllegalArgumentException e) {
      return "!" + e;
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\\\' || c < ' ' || c > '~') b.append(String.format("\\\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
`;

/** A message of the hazards section with an ICU text in the source locale (en) only, and the given arguments. */
function textMessage(key: string, text: string, params: Message['params']): Message {
  return {
    key,
    section: 'hazards',
    params,
    translations: { en: { ...translation(parse(text, { ignoreTag: true })), text } },
    origin: translation([]).origin,
  };
}

function translation(ast: MessageFormatElement[]) {
  return {
    text: '(synthetic)',
    ast,
    state: 'final' as const,
    origin: { layer: 'test', file: 'synthetic.json', pointer: '', line: 1, column: 1 },
  };
}

/** A message with ICU texts by locale and one argument. */
function icu(
  key: string,
  texts: Record<string, string>,
  type: Message['params'][number]['type'] = 'plural',
  name = type === 'plural' ? 'count' : type === 'select' ? 'g' : 'n',
): Message {
  const translations = Object.fromEntries(
    Object.entries(texts).map(([locale, text]) => [locale, { ...translation(parse(text, { ignoreTag: true })), text }]),
  );
  return { key, section: 'hazards', params: [{ name, type }], translations, origin: translation([]).origin };
}

function withMessages(catalog: Catalog, messages: Message[]): Catalog {
  return { ...catalog, messages: [...catalog.messages, ...messages] };
}

function withLocales(catalog: Catalog, locales: string[]): Catalog {
  return {
    ...catalog,
    locales: [...catalog.locales, ...locales],
    messages: catalog.messages.map((m) => ({
      ...m,
      translations: { ...m.translations, ...Object.fromEntries(locales.map((l) => [l, m.translations[catalog.sourceLocale]])) },
    })),
  };
}
