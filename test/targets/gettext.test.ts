/**
 * The gettext target: golden files; the escaping, wrapping and locale-name
 * tables; what PO cannot carry; gettext's own tools on every file (msgfmt,
 * msgcat, msginit); the Plural-Forms table against msginit; and a read-back
 * through `.mo` files and Python's `gettext.GNUTranslations`, compared with
 * what the catalog's ICU text shows. The escapes are those gettext, babel and
 * translate-toolkit all decode: the readers table below reads every candidate
 * with all three (Debian's /usr/bin/python3 with python3-babel and
 * python3-translate).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { renderTargets } from '../../generator/pipeline.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import { gettextTarget } from '../../generator/targets/gettext.js';
import { gettextLocaleName, gettextPluralLanguages, gettextPlurals } from '../../generator/targets/gettext-plural-forms.js';
import { poField, poUnrepresentable } from '../../generator/targets/gettext-po.js';
import { readPo } from '../../generator/import/po/read-po.js';
import { loadTestCatalog, renderScenario, repoRoot, writeToTemp, withTranslation } from '../support/catalogs.js';
import { checkPos, readBack, run } from '../support/readers/gettext-mo.js';
import { audiencesOf } from '../../generator/emit/audiences.js';
import { haveTools } from '../support/toolchain.js';

const CLDR = '/usr/share/unicode/cldr';

async function render(catalog: Catalog) {
  const { config } = await loadTestCatalog('hazards');
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, config, [gettextTarget], diagnostics);
  return { files, diagnostics };
}

describe('gettext: hazards golden files', () => {
  it('plans the POT and one PO per locale, warns about the forms PO cannot select, and matches the golden copies', async () => {
    const { files, diagnostics } = await renderScenario('hazards', [gettextTarget]);
    expect(diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.key} ${d.locale}`)).toEqual([
      'gettext/plural-form-dropped warning 6 en',
      'gettext/plural-form-dropped warning 5 fr',
      'gettext/plural-form-dropped warning 6 ko',
      'gettext/plural-form-dropped warning 5 pt-BR',
      'gettext/plural-form-dropped warning 6 ru',
    ]);
    expect([...files!.keys()]).toEqual([
      'gettext/ar.po',
      'gettext/en.po',
      'gettext/errors.pot',
      'gettext/fr.po',
      'gettext/ja.po',
      'gettext/ko.po',
      'gettext/pt_BR.po',
      'gettext/ru.po',
      'gettext/zh_CN.po',
    ]);
    for (const [path, text] of files!) await expect(text).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards', path));
    expect(
      readdirSync(join(repoRoot, 'test/golden/hazards/gettext'))
        .map((f) => `gettext/${f}`)
        .sort(),
    ).toEqual([...files!.keys()]);
  });

  it('matches the golden entry contexts (what entry.po.hbs is given), beside the golden files', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const { files: planned } = gettextTarget.plan(catalog, { config, header: 'h' });
    expect(planned.map((f) => f.path).sort()).toEqual([
      'gettext/ar.po',
      'gettext/en.po',
      'gettext/errors.pot',
      'gettext/fr.po',
      'gettext/ja.po',
      'gettext/ko.po',
      'gettext/pt_BR.po',
      'gettext/ru.po',
      'gettext/zh_CN.po',
    ]);
    for (const file of planned) {
      expect([file.template, file.entries?.template, file.entries?.field]).toEqual(['file.po.hbs', 'entry.po.hbs', 'entries']);
      const json = `${JSON.stringify({ file: file.context, entries: file.entries!.contexts }, null, 2)}\n`;
      await expect(json).toMatchFileSnapshot(
        join(repoRoot, 'test/golden/hazards/gettext-context', `${file.path.slice('gettext/'.length)}.json`),
      );
    }
    expect(readdirSync(join(repoRoot, 'test/golden/hazards/gettext-context')).sort()).toEqual(
      planned.map((f) => `${f.path.slice('gettext/'.length)}.json`).sort(),
    );
  });

  it('renders entries in TypeScript exactly as the built-in entry.po.hbs does through handlebars', async () => {
    const renderer = new TemplateRenderer();
    for (const scenario of ['hazards', 'default']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      for (const file of gettextTarget.plan(catalog, { config, header: 'h' }).files) {
        expect(file.entries?.builtIn, file.path).toBeDefined();
        const viaHandlebars = renderer.render('gettext', { ...file, entries: { ...file.entries!, builtIn: undefined } });
        let calls = 0;
        const counted = { ...file.entries!, builtIn: (c: object) => (calls++, file.entries!.builtIn!(c)) };
        expect(renderer.render('gettext', { ...file, entries: counted }), `${scenario} ${file.path}`).toBe(viaHandlebars);
        expect(calls, 'the TypeScript path was taken').toBe(file.entries!.contexts.length);
      }
    }
  });
});

describe('gettext: a user template override of entry.po.hbs', async () => {
  const REVIEWED = '# Reviewed by support';
  const { catalog, config } = await loadTestCatalog('hazards');
  const { files: builtIn } = await renderScenario('hazards', [gettextTarget]);
  // The override: key 1's entry gets a translator comment instead of its #: references; every other entry is as built in.
  const dir = mkdtempSync(join(tmpdir(), 'codebook-gettext-template-'));
  const entry = readFileSync(join(repoRoot, 'templates/gettext/entry.po.hbs'), 'utf8');
  const references = '#: {{#each references}}{{#if @index}} {{/if}}{{this}}{{/each}}\n';
  writeFileSync(
    join(dir, 'entry.po.hbs'),
    entry.replace(references, `{{#if (eq msgctxt.[0] '"1"')}}\n${REVIEWED}\n{{else}}\n${references}{{/if}}\n`),
  );
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, { ...config, templates: { gettext: dir } }, [gettextTarget], diagnostics)!;

  it('changes that one entry in every file, and nothing else', () => {
    expect(entry).toContain(references);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...files.keys()]).toEqual([...builtIn!.keys()]);
    for (const [path, text] of files) {
      const before = builtIn!.get(path)!;
      const line = /^#: .*\n(?=(?:#, .*\n)?msgctxt "1"\n)/m.exec(before)![0];
      expect(text, path).toBe(before.replace(line, `${REVIEWED}\n`));
    }
    expect(files.get('gettext/fr.po')).toContain(`${REVIEWED}\nmsgctxt "1"\nmsgid "It's \\"quoted\\" & <b>bold</b>, 100% sure."\n`);
  });

  it.skipIf(!haveTools('msgfmt', 'msgcat'))(
    'gives PO files msgfmt -c --check-format accepts, where gettext reads the line as a translator comment',
    () => {
      const out = writeToTemp(files, 'codebook-gettext-template-out-');
      for (const path of files.keys()) {
        // -c on the PO files (the POT's header is a template's: --check-format only, as the POT test above); the header has no dates by design.
        const check = run('msgfmt', [...(path.endsWith('.po') ? ['-c'] : []), '--check-format', '-o', '/dev/null', join(out, path)]);
        const complaints = check.stderr.split('\n').filter((l) => l && !/header field 'PO-Revision-Date' missing/.test(l));
        expect([path, check.status, complaints]).toEqual([path, 0, []]);
      }
      // msgcat writes translator comments (`# `) before extracted ones (`#.`): it moved the line up, so it read it as one.
      const cat = run('msgcat', [join(out, 'gettext/fr.po')]);
      expect(cat.status, cat.stderr).toBe(0);
      expect(cat.stdout).toContain(
        `\n${REVIEWED}\n#. Section: Hazards (hazards)\n#. Quotes, ampersand, markup and a percent sign.\nmsgctxt "1"\n`,
      );
    },
  );
});

describe('gettext: tables', () => {
  it('names locales as gettext does (ecosystem.md §2)', () => {
    const names = [
      'en',
      'ja',
      'zh-Hans',
      'zh-Hant',
      'zh-Hant-TW',
      'zh-Hant-HK',
      'pt-BR',
      'sr-Latn',
      'sr-Cyrl',
      'uz-Cyrl',
      'ca-ES-valencia',
      'es-419',
      'de-CH',
    ].map(gettextLocaleName);
    expect(names).toEqual([
      'en',
      'ja',
      'zh_CN',
      'zh_TW',
      'zh_TW',
      'zh_HK',
      'pt_BR',
      'sr@latin',
      'sr',
      'uz@cyrillic',
      'ca_ES@valencia',
      'es_419',
      'de_CH',
    ]);
  });

  it('escapes only \\\\ \\" \\n \\t, writes every other character as it is, and refuses the other C0 controls and DEL', () => {
    expect(poField('msgid', 'a\\b"c\nd\te')).toBe('msgid ""\n"a\\\\b\\"c\\n"\n"d\\te"');
    // Which character is written how, for every BMP code unit.
    const written = new Map<string, string[]>();
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      const field = poUnrepresentable(`x${ch}y`) === undefined ? poField('msgid', ch) : undefined;
      const how = field === undefined ? 'unrepresentable' : field === `msgid "${ch}"` ? 'as itself' : field;
      if (!written.has(how)) written.set(how, []);
      written.get(how)!.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => i !== 0x09 && i !== 0x0a), 0x7f].map(
      (i) => `U+${i.toString(16).toUpperCase().padStart(4, '0')}`,
    );
    expect(written.get('unrepresentable')).toEqual(controls);
    expect(written.get('msgid "\\\\"')).toEqual(['U+005C']);
    expect(written.get('msgid "\\""')).toEqual(['U+0022']);
    expect(written.get('msgid "\\n"')).toEqual(['U+000A']);
    expect(written.get('msgid "\\t"')).toEqual(['U+0009']);
    expect(written.get('as itself')).toHaveLength(0x10000 - controls.length - 4);
    expect(written.size).toBe(6);
    // C1 controls, U+2028 and a lone surrogate are text like any other: as themselves.
    for (const ch of ['\u0080', '\u0085', '\u009f', '\u2028', '\ud800']) expect(poField('msgstr', ch)).toBe(`msgstr "${ch}"`);
    // The target never asks poField for the others; if it did, it fails instead of writing an escape some reader misreads.
    for (const ch of ['\u0000', '\u0007', '\r', '\u001b', '\u007f'])
      expect(() => poField('msgstr', `a${ch}`)).toThrow(/PO cannot carry U\+00/);
  });

  it('splits long strings into continuation lines of at most 79 columns, at spaces and never inside an escape', () => {
    const text = `${'word '.repeat(30)}${'\\'.repeat(100)}${'x'.repeat(90)}`;
    const field = poField('msgstr', text);
    const lines = field.split('\n');
    expect(lines[0]).toBe('msgstr ""');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(79);
    for (const line of lines.slice(1)) expect(line).toMatch(/^"(?:[^"\\]|\\.)*"$/);
    expect(
      lines
        .slice(1)
        .map((l) => JSON.parse(l) as string)
        .join(''),
    ).toBe(text);
    expect(lines[1].endsWith(' "')).toBe(true);
  });

  it('keeps short strings on the keyword line', () => {
    expect(poField('msgctxt', '-302')).toBe('msgctxt "-302"');
  });
});

describe('gettext: what PO cannot carry', () => {
  const cases: [string, string, string, RegExp][] = [
    ['an empty translation', '6014', '', /empty msgstr means "untranslated"/],
    ['a trailing newline the source lacks', '6014', 'ログインしていません。\n', /leading and a trailing newline/],
    ['a select', '6014', '{user, select, a {A} other {B}}', /a select argument/],
    ['a styled number', 'unknown', 'コード {code, number, percent}', /style of \{code\}/],
    ['a plural where the source has none', '6014', '{count, plural, other {#}}', /source text has no plural/],
    [
      'a plural form shown for many counts without the count (msgfmt --check)',
      '5',
      '{count, plural, other {ファイルが残っています}}',
      /msgfmt --check requires msgstr\[0\] \(the other form, shown for many counts\) to use the arguments of msgid_plural \(the source "other" form\), but it lacks \{count\}/,
    ],
    [
      'a BEL',
      '6014',
      'ベル\u0007です',
      /the control character U\+0007, which PO cannot carry so that gettext, babel and translate-toolkit read it alike/,
    ],
    ['a carriage return', '6014', '改行\r\nです', /the control character U\+000D/],
    ['an ESC in a plural form', '5', '{count, plural, other {残り \u001b# 件}}', /the control character U\+001B/],
    ['a DEL in a python-brace entry', 'unknown', 'コード {code}\u007f', /the control character U\+007F/],
    ['a NUL', '6014', '\u0000', /the control character U\+0000/],
  ];
  for (const [what, key, text, reason] of cases) {
    it(`reports ${what} as gettext/unrepresentable`, async () => {
      const { catalog } = await loadTestCatalog('hazards');
      const { files, diagnostics } = await render(withTranslation(catalog, key, 'ja', text));
      expect(files).toBeUndefined();
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        ruleId: 'gettext/unrepresentable',
        severity: 'error',
        target: 'gettext',
        key,
        locale: 'ja',
        place: { file: 'locales/ja/messages.json' },
      });
      expect(errors[0].message).toMatch(new RegExp(`^Key ${key} \\(ja\\) cannot be written for gettext: `));
      expect(errors[0].message).toMatch(reason);
    });
  }

  it('reports a control character of the source text once, for the source locale, and leaves the message out of every file', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const { files, diagnostics } = await render(withTranslation(catalog, '6014', 'en', 'Not logged in\u0007.'));
    expect(files).toBeUndefined();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.target, d.key, d.locale, d.message])).toEqual([
      [
        'gettext/unrepresentable',
        'gettext',
        '6014',
        'en',
        'Key 6014 (en) cannot be written for gettext: it holds the control character U+0007, which PO cannot carry so that gettext, babel and translate-toolkit read it alike (of the control characters only tab and line feed, as \\t and \\n).',
      ],
    ]);
  });

  it('reports a non-ASCII argument name, which msgfmt --check cannot read in python-brace-format', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const renamed: Catalog = {
      ...catalog,
      messages: catalog.messages.map((m) => (m.key === 'unknown' ? { ...m, params: m.params.map((p) => ({ ...p, name: '番号' })) } : m)),
    };
    const { diagnostics } = await render(renamed);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.key, d.locale])).toEqual([['gettext/unrepresentable', 'unknown', 'en']]);
    expect(errors[0]!.message).toContain('not {番号}');
  });

  it('flags initial translations fuzzy, keeps reviewed and final ones plain', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6014', 'ja', 'ログイン前です。', 'initial');
    changed = withTranslation(changed, '-302', 'ja', '多すぎます。', 'final');
    const po = (await render(changed)).files!.get('gettext/ja.po')!;
    expect(po).toContain('#, fuzzy\nmsgctxt "6014"\nmsgid "You are not logged in."\nmsgstr "ログイン前です。"\n');
    expect(po).toContain('#: locales/codes.json:8 locales/en/messages.json:6 locales/ja/messages.json:6\nmsgctxt "-302"\n');
  });
});

/** The Plural-Forms value msginit writes for a gettext locale, continuation lines joined. */
function msginitPluralForms(dir: string, locale: string): string {
  const pot = join(dir, 'plural.pot');
  writeFileSync(pot, 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n');
  const po = execFileSync('msginit', ['--no-translator', '-l', locale, '-i', pot, '-o', '-'], {
    encoding: 'utf8',
    env: { ...process.env, GETTEXTCLDRDIR: CLDR },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const joined = po.replace(/"\n"/g, '');
  return /Plural-Forms: (.*?)\\n/.exec(joined)?.[1] ?? '';
}

/** A Plural-Forms expression as a function (test only: the generator never evaluates it). */
function pluralFunction(header: string): (n: number) => number {
  const expression = /plural=(.*);$/.exec(header)![1];
  return new Function('n', `return Number(${expression});`) as (n: number) => number;
}

describe.skipIf(!haveTools('msginit', '/usr/lib/x86_64-linux-gnu/gettext/cldr-plurals', `${CLDR}/common/supplemental/plurals.xml`))(
  'gettext: Plural-Forms against msginit',
  () => {
    const dir = writeToTemp(new Map(), 'codebook-plurals-');

    it('matches msginit for every language of the table', () => {
      const differing = gettextPluralLanguages.filter((language) => msginitPluralForms(dir, language) !== gettextPlurals(language)!.header);
      expect(differing.map((l) => `${l}: ${msginitPluralForms(dir, l)}`)).toEqual([]);
    });

    it('names, for every language of the table, the category of most counts per index and exactly the categories it loses', () => {
      const counts = [...Array.from({ length: 2001 }, (_, i) => i), 1e4, 1e5, 1e6, 2e6, 1e7, 1e9];
      for (const language of gettextPluralLanguages) {
        const rule = gettextPlurals(language)!;
        const index = pluralFunction(rule.header);
        const rules = new Intl.PluralRules(language.replace('_', '-'));
        const lost = new Set<string>();
        const tally = rule.forms.map(() => new Map<string, number>());
        for (const n of counts) {
          const category = rules.select(n);
          tally[index(n)].set(category, (tally[index(n)].get(category) ?? 0) + 1);
          if (rule.forms[index(n)] !== category) lost.add(`${category}>${rule.forms[index(n)]}`);
        }
        expect(
          tally.map((t) => [...t].sort((a, b) => b[1] - a[1])[0][0]),
          language,
        ).toEqual(rule.forms);
        expect([...lost].sort(), language).toEqual([...rule.lost].map(([from, to]) => `${from}>${to}`).sort());
      }
    });

    it('selects, for n = 0…2000, the msgstr of the CLDR category each locale the tests use shows', async () => {
      const locales = new Set([
        'de-DE',
        ...(await loadTestCatalog('hazards')).catalog.locales,
        ...(await loadTestCatalog('default')).catalog.locales,
      ]);
      for (const locale of locales) {
        const name = gettextLocaleName(locale);
        const rule = gettextPlurals(name)!;
        const ours = pluralFunction(rule.header);
        const theirs = pluralFunction(`plural=${/plural=(.*)$/.exec(msginitPluralForms(dir, name))![1]}`);
        const rules = new Intl.PluralRules(locale);
        for (let n = 0; n <= 2000; n++) {
          expect(ours(n), `${locale} n=${n}`).toBe(theirs(n));
          const category = rules.select(n);
          expect(rule.forms[ours(n)] === category || rule.lost.get(category) === rule.forms[ours(n)], `${locale} n=${n} ${category}`).toBe(
            true,
          );
        }
      }
    });
  },
);

const GETTEXT_TOOLS = ['msgfmt', 'msgcat', 'msginit', 'python3'];

/**
 * Each domain the target writes for a scenario, as the readers expect one: its POT at
 * `gettext/<domain>.pot` and its PO files at `gettext/<ll>.po` (the details' domain lives in
 * `gettext/<domain>/` and is moved up), with the catalog as that domain's audience sees it.
 */
function domains(whole: Catalog, files: ReadonlyMap<string, string>): { name: string; catalog: Catalog; files: Map<string, string> }[] {
  return audiencesOf(whole, 'error_').map(({ catalog, suffix }) => {
    const folder = suffix ? `gettext/${catalog.namespace}/` : 'gettext/';
    const own = [...files].filter(
      ([path]) => path === `gettext/${catalog.namespace}.pot` || (path.startsWith(folder) && /^[^/]+\.po$/.test(path.slice(folder.length))),
    );
    return {
      name: catalog.namespace,
      catalog,
      files: new Map(own.map(([path, text]) => [path.startsWith(folder) ? `gettext/${path.slice(folder.length)}` : path, text])),
    };
  });
}

for (const scenario of ['hazards', 'default']) {
  describe.skipIf(!haveTools(...GETTEXT_TOOLS))(`gettext: ${scenario} through gettext's tools`, async () => {
    const rendered = await renderScenario(scenario, [gettextTarget]);
    const all = domains(rendered.catalog, rendered.files!);

    it('writes one domain per audience', () => {
      expect(all.map((d) => d.name)).toEqual(scenario === 'default' ? ['errors', 'errors-detail'] : ['errors']);
      expect(all.reduce((n, d) => n + d.files.size, 0)).toBe(rendered.files!.size);
    });

    for (const { name, catalog, files } of all) {
      const dir = writeToTemp(files, `codebook-gettext-${scenario}-${name}-`);

      it(`${name}: passes msgfmt --check on every PO, with the expected statistics`, () => checkPos(catalog, files, dir));

      it(`${name}: passes msgcat, msgfmt --check-format --check-domain and msginit + msgfmt -c on the POT`, () => {
        const pot = join(dir, `gettext/${catalog.namespace}.pot`);
        const cat = run('msgcat', [pot]);
        expect([cat.status, cat.stderr]).toEqual([0, '']);
        const check = run('msgfmt', ['--check-format', '--check-domain', '-o', '/dev/null', pot]);
        expect([check.status, check.stderr]).toEqual([0, '']);
        const init = run('msginit', ['--no-translator', '-l', 'de_DE', '-i', pot, '-o', join(dir, 't.po')]);
        expect(init.status, init.stderr).toBe(0);
        const c = run('msgfmt', ['-c', '-o', '/dev/null', join(dir, 't.po')]);
        expect(c.status, c.stderr).toBe(0);
      });

      it(`${name}: reads back through .mo files and GNUTranslations as the catalog text of the right plural form`, () =>
        readBack(catalog, dir));
    }
  });
}

/**
 * Reads a PO with three readers and prints, per reader, each entry's msgstr
 * values by msgctxt: gettext (the `.mo` msgfmt made of it, with --use-fuzzy,
 * through Python's GNUTranslations: entries msgfmt leaves out are absent),
 * babel (`read_po`) and translate-toolkit (`pypo.pofile`). Usage: PO MO.
 */
const THREE_READERS = String.raw`
import gettext, json, sys
from babel.messages.pofile import read_po
from translate.storage import pypo
po, mo = sys.argv[1], sys.argv[2]
out = {'gettext': {}, 'babel': {}, 'translate-toolkit': {}}
with open(mo, 'rb') as f:
    t = gettext.GNUTranslations(f)
for key, value in t._catalog.items():
    index = 0
    if isinstance(key, tuple):
        key, index = key
    if '\x04' not in key:
        continue
    ctx = key.split('\x04', 1)[0]
    values = out['gettext'].setdefault(ctx, [])
    values.extend([None] * (index + 1 - len(values)))
    values[index] = value
with open(po, 'rb') as f:
    for m in read_po(f):
        if m.context is not None:
            out['babel'][m.context] = list(m.string) if isinstance(m.string, (tuple, list)) else [m.string]
with open(po, 'rb') as f:
    store = pypo.pofile(f.read())
for u in store.units:
    if not u.isheader():
        target = u.target
        out['translate-toolkit'][u.getcontext()] = [str(s) for s in target.strings] if hasattr(target, 'strings') else [str(target)]
print(json.dumps(out))
`;

const PYTHON = '/usr/bin/python3';
const READERS = [
  PYTHON,
  '/usr/lib/python3/dist-packages/babel/messages/pofile.py',
  '/usr/lib/python3/dist-packages/translate/storage/pypo.py',
  'msgfmt',
  'msgcat',
];

type ThreeReaders = Record<'gettext' | 'babel' | 'translate-toolkit', Record<string, string[]>>;

/** What the three readers read in a PO file (msgfmt --use-fuzzy makes the .mo). */
function readWithThree(dir: string, po: string): ThreeReaders {
  writeFileSync(join(dir, 'three.py'), THREE_READERS);
  const mo = `${po}.mo`;
  const compiled = run('msgfmt', ['--use-fuzzy', '-o', mo, po]);
  expect(compiled.status, compiled.stderr).toBe(0);
  return JSON.parse(execFileSync(PYTHON, [join(dir, 'three.py'), po, mo], { encoding: 'utf8', maxBuffer: 1 << 28 })) as ThreeReaders;
}

describe.skipIf(!haveTools(...READERS))('gettext: the escapes gettext, babel and translate-toolkit all decode', () => {
  const dir = writeToTemp(new Map(), 'codebook-po-readers-');

  it('reads the candidates as the table of gettext-po.ts says: \\\\ \\" \\n \\t \\r alike, \\a \\b \\f \\v, octal and hex by gettext alone', () => {
    const candidates: [string, string, string][] = [
      ['backslash', '\\\\', '\\'],
      ['quote', '\\"', '"'],
      ['newline', '\\n', '\n'],
      ['tab', '\\t', '\t'],
      ['cr', '\\r', '\r'],
      ['bel', '\\a', '\u0007'],
      ['bs', '\\b', '\b'],
      ['ff', '\\f', '\f'],
      ['vt', '\\v', '\v'],
      ['octal', '\\007', '\u0007'],
      ['hex', '\\x07', '\u0007'],
    ];
    const po = join(dir, 'candidates.po');
    writeFileSync(
      po,
      `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n${candidates.map(([name, escape]) => `\nmsgctxt "${name}"\nmsgid "${name}"\nmsgstr "<${escape}>"\n`).join('')}`,
    );
    const read = readWithThree(dir, po);
    const decodes = (reader: keyof ThreeReaders) =>
      candidates.filter(([name, , ch]) => read[reader][name]?.[0] === `<${ch}>`).map(([name]) => name);
    const literal = (reader: keyof ThreeReaders) =>
      candidates.filter(([name, escape]) => read[reader][name]?.[0] === `<${escape}>`).map(([name]) => name);
    expect(decodes('gettext')).toEqual(candidates.map(([name]) => name));
    expect(decodes('babel')).toEqual(['backslash', 'quote', 'newline', 'tab', 'cr']);
    expect(decodes('translate-toolkit')).toEqual(['backslash', 'quote', 'newline', 'tab', 'cr']);
    // The rest stays backslash text: a reader shows "\a" where gettext shows a bell.
    expect(literal('babel')).toEqual(['bel', 'bs', 'ff', 'vt', 'octal', 'hex']);
    expect(literal('translate-toolkit')).toEqual(['bel', 'bs', 'ff', 'vt', 'octal', 'hex']);
  });

  it("leaves \\r and raw control characters out for gettext's own tools: msgcat warns at \\r and rewrites a raw BEL as \\a; a raw EOT is fatal", () => {
    const write = (name: string, text: string) => {
      const po = join(dir, name);
      writeFileSync(po, `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgctxt "k"\nmsgid "k"\nmsgstr "${text}"\n`);
      return run('msgcat', [po]);
    };
    expect(write('cr.po', 'a\\rb').stderr).toContain("internationalized messages should not contain the '\\r' escape sequence");
    expect(write('bel.po', 'a\u0007b').stdout).toContain('msgstr "a\\ab"');
    expect(write('eot.po', 'a\u0004b')).toMatchObject({ status: 1, stderr: expect.stringContaining('context separator') });
  });

  for (const scenario of ['hazards', 'edge texts']) {
    it(`reads every PO of the gettext target alike with all three, ${scenario}`, async () => {
      const { catalog } = await loadTestCatalog('hazards');
      let changed = catalog;
      if (scenario === 'edge texts') {
        changed = withTranslation(changed, 'unknown', 'ja', "'{'{code}'}' \\\\n\t\"\\\\\"\u0085\u2028 {code}");
        changed = withTranslation(changed, '6014', 'ja', 'タブ\tと改行\nと "引用" と \\\\ と \u009f');
        changed = withTranslation(changed, '-302', 'ja', '\\\\"\\', 'initial');
        changed = withTranslation(changed, '5', 'ja', '{count, plural, other {残り\t{count}\\\\件 "{count}"}}');
      }
      const { files, diagnostics } = await render(changed);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const out = writeToTemp(files!, 'codebook-po-three-');
      for (const path of [...files!.keys()].filter((p) => p.endsWith('.po'))) {
        const read = readWithThree(out, join(out, path));
        expect(Object.keys(read.babel).length, path).toBe(catalog.messages.length);
        expect(read['translate-toolkit'], path).toEqual(read.babel);
        // gettext's .mo holds the translated entries: the same strings; the others are empty in both.
        for (const [ctx, values] of Object.entries(read.babel))
          expect(read.gettext[ctx] ?? values.map(() => ''), `${path} ${ctx}`).toEqual(values);
        // And codebook's own PO import reads them so too.
        const doc = readPo(files!.get(path)!);
        if (!doc.ok) throw new Error(`${path}: ${doc.message}`);
        const imported = Object.fromEntries(
          doc.doc.entries.map((e) => [e.msgctxt!.text, e.msgstr ? [e.msgstr.text] : e.msgstrs.map((m) => m.text)]),
        );
        expect(imported, path).toEqual(read.babel);
      }
      if (scenario === 'edge texts') expect(readWithThree(out, join(out, 'gettext/ja.po')).babel['-302']).toEqual(['\\\\"\\']);
    });
  }
});

describe.skipIf(!haveTools(...GETTEXT_TOOLS))("gettext: edge texts through gettext's tools", () => {
  it('doubles literal braces in python-brace entries, skips fuzzy entries, escapes tab, quote and backslash, carries ar =0 and =2 in zero and two, all read back exactly', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, 'unknown', 'ja', "'{'{code}'}' 不明\u0085\t\"\\");
    changed = withTranslation(changed, '6014', 'ja', '下書き', 'initial');
    changed = withTranslation(changed, '5', 'ja', '{count, plural, other {残り {count} 件 ({count})}}', 'reviewed');
    changed = withTranslation(
      changed,
      '6',
      'ar',
      '{count, plural, =0 {لا محاولات} =2 {محاولتان فقط} zero {صفر} one {محاولة} two {اثنتان} few {# محاولات} many {# محاولة} other {# محاولة}}',
    );
    const { files, diagnostics } = await render(changed);
    expect(diagnostics.filter((d) => d.locale === 'ar' || d.severity === 'error')).toEqual([]);
    expect(files!.get('gettext/ar.po')).toContain('msgstr[0] "لا محاولات"\nmsgstr[1] "محاولة"\nmsgstr[2] "محاولتان فقط"\n');
    expect(files!.get('gettext/ja.po')).toContain('msgstr "{{{code}}} 不明\u0085\\t\\"\\\\"');
    const dir = writeToTemp(files!, 'codebook-gettext-edge-');
    checkPos(changed, files!, dir);
    readBack(changed, dir);
  });
});
