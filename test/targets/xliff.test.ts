/**
 * The XLIFF 2.0 target: golden files; the OASIS 2.0 schema through xmllint;
 * the structural rules the schema lacks (unique ids, `<ph>` ids agreeing
 * between source and target, `srcLang`/`trgLang`); and a read-back with
 * Python's xml.etree in which every unit, rebuilt as ICU (`<ph>` → `equiv`,
 * literal text ICU-quoted), parses to the catalog's own message or plural form.
 *
 * XLIFF 1.2 (`"xliff": { "version": "1.2" }`) the same way: golden files,
 * OASIS's xliff-core-1.2-strict.xsd, and an xml.etree read-back (`<ph>`
 * content → ICU, 1.2 states mapped back) through the same checks, plus
 * 1.2's own rules (`approved`, `resname`, `xml:space` on the trans-unit).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { Catalog, Message, Translation } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { formFor, pluralCategories, splitPlural } from '../../generator/emit/plural-forms.js';
import { renderTargets } from '../../generator/pipeline.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { PlannedFile } from '../../generator/emit/target.js';
import { userUnits, xliffTarget } from '../../generator/targets/xliff.js';
import { commentText } from '../../generator/targets/xliff-inline.js';
import { loadConfig, type Config } from '../../generator/config/load-config.js';
import { loadTestCatalog, renderScenario, repoRoot, writeToTemp, withTranslation } from '../support/catalogs.js';
import { haveTools } from '../support/toolchain.js';

const SCHEMAS = resolve(repoRoot, '../shared/vendor-schemas');

async function render(catalog: Catalog, version?: '1.2' | '2.0') {
  const { config } = await loadTestCatalog('hazards');
  const diagnostics: Diagnostic[] = [];
  return { files: renderTargets(catalog, withVersion(config, version), [xliffTarget], diagnostics), diagnostics };
}

function withVersion(config: Config, version: '1.2' | '2.0' | undefined): Config {
  return version ? { ...config, xliff: { version } } : config;
}

describe('xliff: hazards golden files', () => {
  it('plans one file per target locale without diagnostics and matches the golden copies', async () => {
    const { files, diagnostics } = await renderScenario('hazards', [xliffTarget]);
    expect(diagnostics).toEqual([]);
    expect([...files!.keys()]).toEqual([
      'xliff/ar.xlf',
      'xliff/fr.xlf',
      'xliff/ja.xlf',
      'xliff/ko.xlf',
      'xliff/pt-BR.xlf',
      'xliff/ru.xlf',
      'xliff/zh-Hans.xlf',
    ]);
    for (const [path, text] of files!) await expect(text).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards', path));
    expect(
      readdirSync(join(repoRoot, 'test/golden/hazards/xliff'))
        .map((f) => `xliff/${f}`)
        .sort(),
    ).toEqual([...files!.keys()]);
  });
});

describe('xliff: what XLIFF cannot carry, and states', () => {
  it('reports a select as xliff/unrepresentable', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const { files, diagnostics } = await render(withTranslation(catalog, '6014', 'ja', '{user, select, a {A} other {B}}'));
    expect(files).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'xliff/unrepresentable',
      severity: 'error',
      target: 'xliff',
      key: '6014',
      locale: 'ja',
      place: { file: 'locales/ja/messages.json' },
    });
    expect(diagnostics[0].message).toBe(
      'Key 6014 (ja) cannot be written for XLIFF: XLIFF core has no representation of a select argument.',
    );
  });

  it('writes the catalog state, a draft target for initial, an empty target for an empty translation', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6014', 'ja', '下書き', 'initial');
    changed = withTranslation(changed, '-302', 'ja', '多すぎます。', 'final');
    changed = withTranslation(changed, '1', 'ja', '', 'reviewed');
    const xlf = (await render(changed)).files!.get('xliff/ja.xlf')!;
    expect(xlf).toMatch(
      /<unit id="6014">[^]*?<segment state="initial">\s*<source>You are not logged in.<\/source>\s*<target>下書き<\/target>/,
    );
    expect(xlf).toMatch(/<unit id="-302">[^]*?<segment state="final">/);
    expect(xlf).toMatch(/<unit id="1">[^]*?<segment state="reviewed">\s*<source>[^<]*(?:<[^/][^>]*>[^<]*)*<\/source>\s*<target><\/target>/);
    expect(xlf).toMatch(/<unit id="2">[^]*?<segment state="initial">\s*<source>@home is not a reference.<\/source>\s*<\/segment>/);
  });

  it('keeps XML comments well-formed', () => {
    expect(commentText('a--b\u0001-')).toBe('a- -bU+0001- ');
  });
});

interface Part {
  0: 't' | 'ph';
  1: string;
  2?: string;
}
interface ReadUnit {
  id: string;
  name: string | null;
  state: string | null;
  source: Part[];
  target: Part[] | null;
  notes: [string, string][];
}
interface ReadItem extends ReadUnit {
  kind: 'unit' | 'group';
  type?: string;
  units?: ReadUnit[];
}
interface ReadFile {
  version: string;
  srcLang: string;
  trgLang: string | null;
  files: string[];
  items: ReadItem[];
  userItems: ReadItem[];
}

/** xml.etree read-back: each unit's segment as parts (text with `<cp/>` decoded, `<ph>` with id and equiv). */
const READ_BACK = String.raw`
import json, sys
import xml.etree.ElementTree as ET
NS = '{urn:oasis:names:tc:xliff:document:2.0}'
def parts(el):
    if el is None: return None
    out = []
    def text(t):
        if not t: return
        if out and out[-1][0] == 't': out[-1][1] += t
        else: out.append(['t', t])
    text(el.text)
    for child in el:
        if child.tag == NS + 'ph': out.append(['ph', child.get('id'), child.get('equiv')])
        elif child.tag == NS + 'cp': text(chr(int(child.get('hex'), 16)))
        else: raise Exception('unexpected element ' + child.tag)
        text(child.tail)
    return out
def notes(el): return [[n.get('category'), n.text] for n in el.findall(NS + 'notes/' + NS + 'note')]
def unit(u):
    segments = u.findall(NS + 'segment')
    assert len(segments) == 1, u.get('id')
    s = segments[0]
    return {'id': u.get('id'), 'name': u.get('name'), 'state': s.get('state'), 'source': parts(s.find(NS + 'source')), 'target': parts(s.find(NS + 'target')), 'notes': notes(u)}
result = {}
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    files = root.findall(NS + 'file')
    def items(file):
        out = []
        for child in file:
            if child.tag == NS + 'unit': out.append({'kind': 'unit', **unit(child)})
            elif child.tag == NS + 'group': out.append({'kind': 'group', 'id': child.get('id'), 'name': child.get('name'), 'type': child.get('type'), 'notes': notes(child), 'units': [unit(u) for u in child.findall(NS + 'unit')]})
            else: raise Exception('unexpected element ' + child.tag)
        return out
    result[path] = {'version': root.get('version'), 'srcLang': root.get('srcLang'), 'trgLang': root.get('trgLang'), 'files': [f.get('id') for f in files], 'items': items(files[0]), 'userItems': [i for f in files[1:] for i in items(f)]}
print(json.dumps(result))
`;

/**
 * The 1.2 read-back, into the 2.0 read-back's shape: a trans-unit's
 * `<target state>` as the catalog state it stands for (none without a
 * target: initial), a plural form's selector from its id, a group's
 * `resname` as its name; and what only 1.2 has (`approved`, `resname`,
 * `xml:space`, the target's own state, the `<file>` attributes) beside it.
 */
const READ_BACK_12 = String.raw`
import json, re, sys
import xml.etree.ElementTree as ET
NS = '{urn:oasis:names:tc:xliff:document:1.2}'
SPACE = '{http://www.w3.org/XML/1998/namespace}space'
BACK = {'needs-translation': 'initial', 'needs-review-translation': 'initial', 'translated': 'translated', 'signed-off': 'reviewed', 'final': 'final'}
def parts(el):
    if el is None: return None
    out = []
    def text(t):
        if not t: return
        if out and out[-1][0] == 't': out[-1][1] += t
        else: out.append(['t', t])
    text(el.text)
    for child in el:
        if child.tag == NS + 'ph' and len(child) == 0: out.append(['ph', child.get('id'), child.text or ''])
        else: raise Exception('unexpected element ' + child.tag)
        text(child.tail)
    return out
def notes(el): return [[n.get('from'), n.text] for n in el.findall(NS + 'note')]
def unit(u, form):
    t = u.find(NS + 'target')
    assert len(u.findall(NS + 'target')) <= 1 and len(u.findall(NS + 'source')) == 1, u.get('id')
    name = None
    if form:
        m = re.match(r'^.*\.(exact(\d+)|zero|one|two|few|many|other)$', u.get('id'))
        name = '=' + m.group(2) if m.group(2) else m.group(1)
    state = t.get('state') if t is not None else None
    return {'id': u.get('id'), 'name': name, 'state': BACK[state] if state else 'initial', 'source': parts(u.find(NS + 'source')), 'target': parts(t), 'notes': notes(u),
            'state12': state, 'approved': u.get('approved'), 'resname': u.get('resname'), 'space': u.get(SPACE), 'targetText': ''.join(t.itertext()) if t is not None else None}
def items(body):
    out = []
    for child in body:
        if child.tag == NS + 'trans-unit': out.append({'kind': 'unit', **unit(child, False)})
        elif child.tag == NS + 'group': out.append({'kind': 'group', 'id': child.get('id'), 'name': child.get('resname'), 'type': child.get('restype'), 'notes': notes(child), 'units': [unit(u, True) for u in child.findall(NS + 'trans-unit')]})
        else: raise Exception('unexpected element ' + child.tag)
    return out
result = {}
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    assert root.tag == NS + 'xliff'
    files = root.findall(NS + 'file')
    attrs = [[f.get('original'), f.get('source-language'), f.get('target-language'), f.get('datatype')] for f in files]
    assert all(a[1:] == attrs[0][1:] for a in attrs), attrs
    result[path] = {'version': root.get('version'), 'srcLang': attrs[0][1], 'trgLang': attrs[0][2], 'datatype': attrs[0][3], 'files': [a[0] for a in attrs], 'items': items(files[0].find(NS + 'body')), 'userItems': [i for f in files[1:] for i in items(f.find(NS + 'body'))]}
print(json.dumps(result))
`;

interface ReadUnit12 extends ReadUnit {
  state12: string | null;
  approved: string | null;
  resname: string | null;
  space: string | null;
  targetText: string | null;
}

/** The contexts a planned file gives its templates: the file context and each \`<file>\` section's entry contexts, by field. */
function contextsOf(file: PlannedFile): string {
  const renderings = [...(file.entries ? [file.entries] : []), ...(file.moreEntries ?? [])];
  const entries = Object.fromEntries(renderings.map((r) => [r.field, { template: r.template, contexts: r.contexts }]));
  return `${JSON.stringify({ template: file.template, context: file.context, entries }, null, 2)}\n`;
}

describe('xliff: golden contexts (what the file and entry templates are given), beside the golden files', () => {
  for (const version of ['2.0', '1.2'] as const) {
    it(`${version}: matches test/golden/hazards/xliff-context/${version === '2.0' ? '' : '1.2/'}`, async () => {
      const { catalog, config } = await loadTestCatalog('hazards');
      const header = `Generated by codebook from ${config.file.split(/[\\/]/).pop()}. Do not edit: run "codebook generate" to regenerate.`;
      const plan = xliffTarget.plan(catalog, { config: withVersion(config, version), header, findings: [] });
      expect(plan.diagnostics).toEqual([]);
      const folder = join(repoRoot, 'test/golden/hazards/xliff-context', version === '2.0' ? '' : '1.2');
      const locales = version === '2.0' ? undefined : ['ja', 'ru'];
      const files = plan.files.filter((f) => !locales || locales.some((l) => f.path === `xliff/${l}.xlf`));
      for (const file of files)
        await expect(contextsOf(file)).toMatchFileSnapshot(join(folder, `${file.path.slice('xliff/'.length)}.json`));
      expect(
        readdirSync(folder)
          .filter((f) => f.endsWith('.json'))
          .sort(),
      ).toEqual(files.map((f) => `${f.path.slice('xliff/'.length)}.json`).sort());
    });
  }
});

function readBack(paths: string[], dir: string, version: '1.2' | '2.0' = '2.0'): Record<string, ReadFile> {
  writeFileSync(join(dir, 'read.py'), version === '1.2' ? READ_BACK_12 : READ_BACK);
  return JSON.parse(execFileSync('python3', [join(dir, 'read.py'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<
    string,
    ReadFile
  >;
}

function xmllint(path: string, version: '1.2' | '2.0' = '2.0') {
  const schema = version === '1.2' ? 'xliff-1.2/xliff-core-1.2-strict.xsd' : 'xliff-2.0/xliff_core_2.0.xsd';
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMAS, schema), path], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
  });
  return { status: r.status, stderr: r.stderr };
}

/** Parts as ICU: `<ph>` → equiv, literal text quoted (`'` doubled, `{` `}` and, in a plural, `#` inside '…'). */
function icuOf(parts: Part[], inPlural: boolean): string {
  const special = inPlural ? /[{}#]+/g : /[{}]+/g;
  return parts.map((p) => (p[0] === 'ph' ? p[2]! : p[1].replace(/'/g, "''").replace(special, (m) => `'${m}'`))).join('');
}

/** An AST without locations and with adjacent literals merged, for comparison. */
function normalize(elements: readonly MessageFormatElement[]): unknown[] {
  const out: unknown[] = [];
  for (const el of elements) {
    const last = out[out.length - 1] as { type: TYPE; value: string } | undefined;
    if (el.type === TYPE.literal && last?.type === TYPE.literal) last.value += el.value;
    else {
      const { location: _location, ...rest } = el as MessageFormatElement & { location?: unknown };
      out.push(el.type === TYPE.literal ? { type: el.type, value: el.value } : rest);
    }
  }
  return out;
}

/** What a side shows for a plural unit's selector (the documented representation). */
function expectedForm(translation: Translation, selector: string, locale: string): MessageFormatElement[] {
  const split = splitPlural(translation.ast);
  if (split.kind !== 'plural') return translation.ast;
  if (split.plural.forms.has(selector) || !selector.startsWith('=')) return formFor(split.plural, selector);
  return formFor(split.plural, new Intl.PluralRules(locale).select(Number(selector.slice(1))));
}

/**
 * `<ph>` ids are unique on each side; a plain unit has the same ids in source
 * and target. A plural form may drop an argument (ar `one`) or use one the
 * source's form lacks (ru `one` covers 21: "# файл" against "One file"), so
 * there every id only has to name a declared argument: `<position>[-<use>]`.
 */
function checkUnitIds(message: Message, unit: ReadUnit, plain: boolean) {
  const ids = (parts: Part[]) => parts.filter((p) => p[0] === 'ph').map((p) => p[1]);
  const source = ids(unit.source);
  expect(new Set(source).size, unit.id).toBe(source.length);
  if (!unit.target) return;
  const target = ids(unit.target);
  expect(new Set(target).size, unit.id).toBe(target.length);
  if (plain) expect([...target].sort(), unit.id).toEqual([...source].sort());
  for (const id of [...source, ...target]) {
    expect(id, unit.id).toMatch(/^\d+(-\d+)?$/);
    expect(Number(id.split('-')[0]), unit.id).toBeLessThanOrEqual(message.params.length);
  }
}

function checkFile(catalog: Catalog, locale: string, file: ReadFile, version: '1.2' | '2.0' = '2.0') {
  const users = userUnits(catalog);
  expect([file.version, file.srcLang, file.trgLang, file.files]).toEqual([
    version,
    catalog.sourceLocale,
    locale,
    users.length > 0 ? [catalog.namespace, 'user'] : [catalog.namespace],
  ]);
  checkItems(catalog, locale, file.items, catalog.messages, version);
  checkItems(
    catalog,
    locale,
    file.userItems,
    users.map((u) => u.message),
    version,
  );
  if (version === '1.2') expect((file as ReadFile & { datatype: string }).datatype).toBe('plaintext');
}

/**
 * 1.2's own rules: `resname` is the unit's id; `approved="yes"` exactly on
 * translated, reviewed and final targets; an initial target is
 * `needs-review-translation`, or `needs-translation` when empty;
 * `xml:space="preserve"` on the trans-unit whenever a side has edge,
 * doubled or control whitespace (xml.etree keeps all of it either way).
 */
function check12(unit: ReadUnit12) {
  expect(unit.resname, unit.id).toBe(unit.id);
  expect(unit.approved, unit.id).toBe(unit.target && unit.state !== 'initial' ? 'yes' : null);
  if (unit.state12 === 'needs-translation' || unit.state12 === 'needs-review-translation')
    expect(unit.state12, unit.id).toBe(unit.targetText === '' ? 'needs-translation' : 'needs-review-translation');
  const plain = (parts: Part[] | null) => (parts ?? []).map((p) => (p[0] === 't' ? p[1] : 'x')).join('');
  const needs = [unit.source, unit.target].some((p) => /^\s|\s$|\s\s|[\t\n\r]/.test(plain(p)));
  expect(unit.space, unit.id).toBe(needs ? 'preserve' : null);
}

/** The items of one `<file>` against the messages they show (a user file's: userUnits). */
function checkItems(catalog: Catalog, locale: string, items: ReadItem[], messages: Message[], version: '1.2' | '2.0' = '2.0') {
  const ids = items.flatMap((item) => [item.id, ...(item.units ?? []).map((u) => u.id)]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[\p{L}\p{N}._:-]+$/u);
  expect(items.map((i) => i.id)).toEqual(messages.map((m) => m.key));
  for (const item of items) {
    const message = messages.find((m) => m.key === item.id)!;
    const source = message.translations[catalog.sourceLocale];
    const target = message.translations[locale];
    const units = item.kind === 'unit' ? [item] : item.units!;
    if (item.kind === 'group') {
      expect(item.type).toBe(version === '1.2' ? 'x-codebook-plural' : 'codebook:plural');
      const exact = [source, target].flatMap((t) => {
        const s = t && splitPlural(t.ast);
        return s?.kind === 'plural' ? [...s.plural.forms.keys()].filter((k) => k.startsWith('=')) : [];
      });
      const byValue = [...new Set(exact)].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
      expect(units.map((u) => u.name)).toEqual([...byValue, ...pluralCategories(locale)]);
    }
    for (const unit of units) {
      checkUnitIds(message, unit, item.kind === 'unit');
      if (version === '1.2') check12(unit as ReadUnit12);
      expect(unit.state).toBe(target?.state ?? 'initial');
      expect(unit.target === null).toBe(!target);
      const inPlural = item.kind === 'group';
      const rebuilt = (parts: Part[]) => {
        const ast = parse(inPlural ? `{${item.name}, plural, other {${icuOf(parts, true)}}}` : icuOf(parts, false), { ignoreTag: true });
        return normalize(inPlural ? (ast[0] as { options: Record<string, { value: MessageFormatElement[] }> }).options.other.value : ast);
      };
      const expected = (t: Translation, l: string) => normalize(inPlural ? expectedForm(t, unit.name!, l) : t.ast);
      expect(rebuilt(unit.source), `${unit.id} source`).toEqual(expected(source, catalog.sourceLocale));
      if (target) expect(rebuilt(unit.target!), `${unit.id} ${locale}`).toEqual(expected(target, locale));
    }
  }
}

async function validateAndReadBack(catalog: Catalog, files: Map<string, string>, prefix: string, version: '1.2' | '2.0' = '2.0') {
  const dir = writeToTemp(files, prefix);
  const paths = [...files.keys()].map((p) => join(dir, p));
  for (const path of paths) {
    const r = xmllint(path, version);
    expect(r.status, r.stderr).toBe(0);
  }
  const read = readBack(paths, dir, version);
  for (const locale of catalog.locales.filter((l) => l !== catalog.sourceLocale))
    checkFile(catalog, locale, read[join(dir, `xliff/${locale}.xlf`)], version);
  return read;
}

for (const scenario of ['hazards', 'default']) {
  describe.skipIf(!haveTools('xmllint', 'python3'))(`xliff: ${scenario} through xmllint and xml.etree`, () => {
    it('validates against the OASIS 2.0 schema, keeps ids unique and agreeing, and reads back as the catalog', async () => {
      const { catalog, files, diagnostics } = await renderScenario(scenario, [xliffTarget]);
      expect(diagnostics).toEqual([]);
      await validateAndReadBack(catalog, files!, `codebook-xliff-${scenario}-`);
    });
  });
}

describe('xliff: the user file (two audiences)', () => {
  it('follows the details file in every locale: one unit per shared user text, with the codes that show it and their actions', async () => {
    const { catalog, files, diagnostics } = await renderScenario('default', [xliffTarget]);
    expect(diagnostics).toEqual([]);
    expect(catalog.userTexts!.length).toBeGreaterThanOrEqual(60);
    const ja = files!.get('xliff/ja.xlf')!;
    const fileIds = [...ja.matchAll(/<file id="([^"]+)">/g)].map((m) => m[1]);
    expect(fileIds).toEqual([catalog.namespace, 'user']);
    const user = ja.slice(ja.indexOf('<file id="user">'));
    expect([...user.matchAll(/<unit id="([^"]+)">/g)].map((m) => m[1])).toEqual(catalog.userTexts!.map((t) => t.id));
    const text = catalog.userTexts!.find((t) => catalog.messages.filter((m) => m.user === t.id).length > 20)!;
    const codes = catalog.messages.filter((m) => m.user === text.id);
    const block = user.slice(user.indexOf(`<unit id="${text.id}">`), user.indexOf('</unit>', user.indexOf(`<unit id="${text.id}">`)));
    expect(block).toContain(
      `<note category="usage">Shown for ${codes.length} codes: ${codes
        .slice(0, 12)
        .map((m) => m.key)
        .join(', ')}, and ${codes.length - 12} more.</note>`,
    );
    expect(block).toMatch(/<note category="action">Offers: [a-z-]+ \(\d+ codes?\)/);
    expect(block).toContain(`<segment state="${text.translations.ja!.state}">`);
    expect(block).toContain(`<note category="location">${text.translations.ja!.origin.file}:${text.translations.ja!.origin.line}</note>`);
    // An argument of a user text is a <ph> like a detail's.
    expect(user).toMatch(/<unit id="unknown">[^]*?<source>Something went wrong \(error <ph id="1" equiv="\{code\}" disp="\{code\}"\/>\)/);
  });

  it('writes a user override as unit key.<key>, and no user file without user texts', async () => {
    const { catalog } = await loadTestCatalog('default');
    const en = catalog.userTexts![0].translations.en!;
    const key = catalog.messages.find((m) => m.user !== undefined)!.key;
    const withOverride: Catalog = {
      ...catalog,
      userOverrides: new Map([[key, { en: { ...en, text: 'Own words.', ast: parse('Own words.') } }]]),
    };
    const { files, diagnostics } = await render(withOverride);
    expect(diagnostics).toEqual([]);
    const ja = files!.get('xliff/ja.xlf')!;
    expect(ja).toMatch(
      new RegExp(
        `<unit id="key\\.${key}">\\s*<notes>\\s*<note category="usage">Override of code ${key}: [^<]*</note>[^]*?<segment state="initial">\\s*<source>Own words.</source>\\s*</segment>`,
      ),
    );
    const { catalog: hazards } = await loadTestCatalog('hazards');
    expect((await render(hazards)).files!.get('xliff/ja.xlf')!).not.toContain('<file id="user">');
  });
});

describe.skipIf(!haveTools('xmllint', 'python3'))('xliff: characters XML cannot carry', () => {
  it('writes C0 controls and U+FFFF as <cp/>, CR as &#13;, and reads them back exactly', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const text = 'a\u0007b\rc\r\nd\u001be\uffff {code}\t ';
    const changed = withTranslation(catalog, 'unknown', 'ja', text);
    const { files, diagnostics } = await render(changed);
    expect(diagnostics).toEqual([]);
    const xlf = files!.get('xliff/ja.xlf')!;
    expect(xlf).toContain(
      '<target xml:space="preserve">a<cp hex="0007"/>b&#13;c&#13;\nd<cp hex="001B"/>e<cp hex="FFFF"/> <ph id="1" equiv="{code}" disp="{code}"/>\t </target>',
    );
    const read = await validateAndReadBack(changed, files!, 'codebook-xliff-cp-');
    const unit = Object.values(read)
      .find((f) => f.trgLang === 'ja')!
      .items.find((i) => i.id === 'unknown')!;
    expect(unit.target!.map((p) => (p[0] === 't' ? p[1] : p[2])).join('')).toBe(text);
  });
});

describe.skipIf(!haveTools('xmllint', 'python3'))('xliff: plural groups', () => {
  it('lists exact selectors of either side by value, then the target categories, and reads back each side as the form it shows', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6', 'ja', '{count, plural, =10 {ちょうど十回} =0 {なし} other {残り # 回}}');
    changed = withTranslation(changed, 'unknown', 'ja', '{code, plural, other {# 件}}');
    changed = withTranslation(changed, '5', 'en', '{count, plural, one {One file left} other {# files left}}');
    const { files, diagnostics } = await render(changed);
    expect(diagnostics).toEqual([]);
    const read = await validateAndReadBack(changed, files!, 'codebook-xliff-plural-');
    const ja = Object.values(read).find((f) => f.trgLang === 'ja')!;
    expect(ja.items.find((i) => i.id === '6')!.units!.map((u) => u.id)).toEqual(['6.exact0', '6.exact10', '6.other']);
    expect(ja.items.find((i) => i.id === 'unknown')).toMatchObject({
      kind: 'group',
      name: 'code',
      units: [
        {
          id: 'unknown.other',
          source: [
            ['t', 'Unknown error (code '],
            ['ph', '1', '{code}'],
            ['t', ').'],
          ],
        },
      ],
    });
    const ru = Object.values(read).find((f) => f.trgLang === 'ru')!;
    expect(ru.items.find((i) => i.id === '5')!.units![0]).toMatchObject({
      id: '5.one',
      source: [['t', 'One file left']],
      target: [
        ['t', 'Остался '],
        ['ph', '1', '#'],
        ['t', ' файл'],
      ],
    });
  });
});

describe('xliff 1.2: hazards golden files', () => {
  it('plans the same files as 2.0 without diagnostics and matches the golden copies', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const diagnostics: Diagnostic[] = [];
    const files = renderTargets(catalog, withVersion(config, '1.2'), [xliffTarget], diagnostics)!;
    expect(diagnostics).toEqual([]);
    expect([...files.keys()]).toEqual([
      'xliff/ar.xlf',
      'xliff/fr.xlf',
      'xliff/ja.xlf',
      'xliff/ko.xlf',
      'xliff/pt-BR.xlf',
      'xliff/ru.xlf',
      'xliff/zh-Hans.xlf',
    ]);
    for (const locale of ['ja', 'ru'])
      await expect(files.get(`xliff/${locale}.xlf`)).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards/xliff-1.2', `${locale}.xlf`));
  });

  it('"2.0" (and no setting) writes 2.0 exactly as before', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    expect(config.xliff).toEqual({ version: '2.0' });
    const diagnostics: Diagnostic[] = [];
    const files = renderTargets(catalog, withVersion(config, '2.0'), [xliffTarget], diagnostics)!;
    for (const [path, text] of files) expect(text).toBe(readFileSync(join(repoRoot, 'test/golden/hazards', path), 'utf8'));
  });
});

for (const scenario of ['hazards', 'default']) {
  describe.skipIf(!haveTools('xmllint', 'python3'))(`xliff 1.2: ${scenario} through xmllint and xml.etree`, () => {
    it('validates against the OASIS 1.2 strict schema, keeps ids unique and agreeing, and reads back as the catalog', async () => {
      const { catalog, config } = await loadTestCatalog(scenario);
      const diagnostics: Diagnostic[] = [];
      const files = renderTargets(catalog, withVersion(config, '1.2'), [xliffTarget], diagnostics);
      expect(diagnostics).toEqual([]);
      await validateAndReadBack(catalog, files!, `codebook-xliff12-${scenario}-`, '1.2');
    });
  });
}

describe.skipIf(!haveTools('xmllint', 'python3'))('xliff 1.2: states, notes, placeholders, plural groups', () => {
  it("maps the catalog states onto 1.2's, approving what is translated", async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6014', 'ja', '下書き', 'initial');
    changed = withTranslation(changed, '-302', 'ja', '多すぎます。', 'final');
    changed = withTranslation(changed, '1', 'ja', '', 'reviewed');
    changed = withTranslation(changed, '8', 'ja', '', 'initial');
    const { files, diagnostics } = await render(changed, '1.2');
    expect(diagnostics).toEqual([]);
    const xlf = files!.get('xliff/ja.xlf')!;
    expect(xlf).toMatch(
      /<trans-unit id="6014" resname="6014">\s*<source>You are not logged in.<\/source>\s*<target state="needs-review-translation">下書き<\/target>/,
    );
    expect(xlf).toMatch(/<trans-unit id="-302" resname="-302" approved="yes">\s*<source>[^<]*<\/source>\s*<target state="final">/);
    expect(xlf).toMatch(/<trans-unit id="1" resname="1" approved="yes">\s*<source>[^<]*<\/source>\s*<target state="signed-off"><\/target>/);
    expect(xlf).toMatch(/<trans-unit id="8" resname="8">\s*<source>[^]*?<\/source>\s*<target state="needs-translation"><\/target>/);
    expect(xlf).toMatch(
      /<trans-unit id="unknown" resname="unknown" approved="yes">\s*<source>[^]*?<\/source>\s*<target state="translated">/,
    );
    // Untranslated: no target, so no state.
    expect(xlf).toMatch(/<trans-unit id="2" resname="2">\s*<source>@home is not a reference.<\/source>\s*<note /);
    await validateAndReadBack(changed, files!, 'codebook-xliff12-states-', '1.2');
  });

  it('writes notes as from="developer" after the target, placeholders as <ph> holding the ICU spelling, plurals as an x-codebook-plural group', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const xlf = (await render(catalog, '1.2')).files!.get('xliff/ja.xlf')!;
    expect(xlf).toContain(
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="errors" source-language="en" target-language="ja" datatype="plaintext">\n    <body>\n',
    );
    expect(xlf).toContain(
      [
        '      <trans-unit id="7" resname="7" approved="yes">',
        '        <source>User <ph id="2">{user}</ph> reached the limit of <ph id="1">{limit, number}</ph> requests.</source>',
        '        <target state="translated">ユーザー <ph id="2">{user}</ph> がリクエスト上限 <ph id="1">{limit, number}</ph> 件に達しました。</target>',
        '        <note from="developer">Section: Hazards (hazards)</note>',
      ].join('\n'),
    );
    expect(xlf).toMatch(
      /<note from="developer">Argument: \{user\}: string[^<]*<\/note>\n[^]*?<note from="developer">Location: locales\/ja\/messages.json:\d+<\/note>\n {6}<\/trans-unit>/,
    );
    expect(xlf).toMatch(
      / {6}<group id="5" resname="count" restype="x-codebook-plural">\n( {8}<note from="developer">[^\n]*\n)+ {8}<trans-unit id="5.other" resname="5.other" approved="yes">\n {10}<source><ph id="1">#<\/ph> files left<\/source>\n {10}<target state="translated">残り <ph id="1">#<\/ph> 件のファイル<\/target>\n {8}<\/trans-unit>\n {6}<\/group>/,
    );
  });

  it('refuses what XML 1.0 cannot carry (1.2 has no <cp>), and keeps CR, TAB and edge spaces', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const control = await render(withTranslation(catalog, 'unknown', 'ja', 'a\u0007b {code}'), '1.2');
    expect(control.files).toBeUndefined();
    expect(control.diagnostics.map((d) => [d.ruleId, d.key, d.locale, d.message])).toEqual([
      [
        'xliff/unrepresentable',
        'unknown',
        'ja',
        'Key unknown (ja) cannot be written for XLIFF: XLIFF 1.2 cannot carry U+0007 (XML 1.0 has no such character, and 1.2 no <cp>).',
      ],
    ]);
    const text = 'a\rb\r\nc\td {code}\t ';
    const changed = withTranslation(catalog, 'unknown', 'ja', text);
    const { files, diagnostics } = await render(changed, '1.2');
    expect(diagnostics).toEqual([]);
    const xlf = files!.get('xliff/ja.xlf')!;
    expect(xlf).toContain('<trans-unit id="unknown" resname="unknown" approved="yes" xml:space="preserve">');
    expect(xlf).toContain('<target state="translated">a&#13;b&#13;\nc\td <ph id="1">{code}</ph>\t </target>');
    const read = await validateAndReadBack(changed, files!, 'codebook-xliff12-ws-', '1.2');
    const unit = Object.values(read)
      .find((f) => f.trgLang === 'ja')!
      .items.find((i) => i.id === 'unknown')!;
    expect(unit.target!.map((p) => (p[0] === 't' ? p[1] : p[2])).join('')).toBe(text);
  });

  it('plural groups: exact selectors of either side, then the target categories, each side reading back as the form it shows', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6', 'ja', '{count, plural, =10 {ちょうど十回} =0 {なし} other {残り # 回}}');
    changed = withTranslation(changed, '5', 'en', '{count, plural, one {One file left} other {# files left}}');
    const { files, diagnostics } = await render(changed, '1.2');
    expect(diagnostics).toEqual([]);
    const read = await validateAndReadBack(changed, files!, 'codebook-xliff12-plural-', '1.2');
    const ja = Object.values(read).find((f) => f.trgLang === 'ja')!;
    expect(ja.items.find((i) => i.id === '6')!.units!.map((u) => u.id)).toEqual(['6.exact0', '6.exact10', '6.other']);
    const ru = Object.values(read).find((f) => f.trgLang === 'ru')!;
    expect(ru.items.find((i) => i.id === '5')!.units![0]).toMatchObject({
      id: '5.one',
      source: [['t', 'One file left']],
      target: [
        ['t', 'Остался '],
        ['ph', '1', '#'],
        ['t', ' файл'],
      ],
    });
  });
});

describe('xliff 1.2: the user file', () => {
  it('follows the details file as <file original="user">, a trans-unit per user text with its usage and action notes', async () => {
    const { catalog, config } = await loadTestCatalog('default');
    const diagnostics: Diagnostic[] = [];
    const ja = renderTargets(catalog, withVersion(config, '1.2'), [xliffTarget], diagnostics)!.get('xliff/ja.xlf')!;
    expect(diagnostics).toEqual([]);
    expect(
      [...ja.matchAll(/<file original="([^"]+)" source-language="en" target-language="ja" datatype="plaintext">/g)].map((m) => m[1]),
    ).toEqual([catalog.namespace, 'user']);
    const user = ja.slice(ja.indexOf('<file original="user"'));
    expect([...user.matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1])).toEqual(catalog.userTexts!.map((t) => t.id));
    expect(user).toMatch(
      /<trans-unit id="unknown" resname="unknown"[^>]*>\s*<source>Something went wrong \(error <ph id="1">\{code\}<\/ph>\)[^]*?<note from="developer">Shown for [^<]*<\/note>/,
    );
  });
});

describe('xliff: the "xliff.version" setting', () => {
  it('defaults to 2.0; a base config may set it and the project override it; other values are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-xliff-config-'));
    const write = (name: string, config: object) => writeFileSync(join(dir, name), JSON.stringify(config));
    write('base.json', {
      sourceLocale: 'en',
      locales: ['en', 'ja'],
      layers: [{ name: 'messages', files: ['locales/*.json'] }],
      xliff: { version: '1.2' },
    });
    const version = async (config: object) => {
      write('codebook.config.json', config);
      const { config: loaded, diagnostics } = await loadConfig(join(dir, 'codebook.config.json'));
      return loaded ? loaded.xliff.version : diagnostics.map((d) => `${d.ruleId} ${d.place?.pointer ?? ''}`);
    };
    expect(await version({ sourceLocale: 'en', locales: ['en', 'ja'], layers: [{ name: 'messages', files: ['locales/*.json'] }] })).toBe(
      '2.0',
    );
    expect(await version({ extends: './base.json' })).toBe('1.2');
    expect(await version({ extends: './base.json', xliff: { version: '2.0' } })).toBe('2.0');
    expect(await version({ extends: './base.json', xliff: { version: '2.1' } })).toEqual([expect.stringMatching(/ \/xliff\/version$/)]);
  });
});

describe('the built-in unit templates in TypeScript', () => {
  it('render every entry exactly as unit.xlf.hbs and unit-1.2.xlf.hbs do through handlebars', async () => {
    const renderer = new TemplateRenderer();
    for (const scenario of ['hazards', 'default']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      for (const version of ['2.0', '1.2'] as const) {
        for (const file of xliffTarget.plan(catalog, { config: withVersion(config, version), header: 'h' }).files) {
          const viaHandlebars = renderer.render('xliff', {
            ...file,
            moreEntries: file.moreEntries!.map((e) => ({ ...e, builtIn: undefined })),
          });
          let calls = 0;
          const counted = file.moreEntries!.map((e) => ({ ...e, builtIn: (c: object) => (calls++, e.builtIn!(c)) }));
          expect(renderer.render('xliff', { ...file, moreEntries: counted }), `${scenario} ${version} ${file.path}`).toBe(viaHandlebars);
          expect(calls, 'the TypeScript path was taken').toBe(file.moreEntries!.reduce((n, e) => n + e.contexts.length, 0));
        }
      }
    }
  });
});
