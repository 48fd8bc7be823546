/**
 * The XLIFF 2.0 target: golden files; the OASIS 2.0 schema through xmllint;
 * the structural rules the schema lacks (unique ids, `<ph>` ids agreeing
 * between source and target, `srcLang`/`trgLang`); and a read-back with
 * Python's xml.etree in which every unit, rebuilt as ICU (`<ph>` → `equiv`,
 * literal text ICU-quoted), parses to the catalog's own message or plural form.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { Catalog, Message, Translation } from '../../generator/catalog/model.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { formFor, pluralCategories, splitPlural } from '../../generator/emit/plural-forms.js';
import { renderTargets } from '../../generator/pipeline.js';
import { userUnits, xliffTarget } from '../../generator/targets/xliff.js';
import { commentText } from '../../generator/targets/xliff-inline.js';
import { loadTestCatalog, renderScenario, repoRoot, writeToTemp, withTranslation } from '../support/catalogs.js';
import { haveTools } from '../support/toolchain.js';

const SCHEMAS = resolve(repoRoot, '../shared/vendor-schemas');

async function render(catalog: Catalog) {
  const { config } = await loadTestCatalog('hazards');
  const diagnostics: Diagnostic[] = [];
  return { files: renderTargets(catalog, config, [xliffTarget], diagnostics), diagnostics };
}

describe('xliff: hazards golden files', () => {
  it('plans one file per target locale without diagnostics and matches the golden copies', async () => {
    const { files, diagnostics } = await renderScenario('hazards', [xliffTarget]);
    expect(diagnostics).toEqual([]);
    expect([...files!.keys()]).toEqual(['xliff/ar.xlf', 'xliff/fr.xlf', 'xliff/ja.xlf', 'xliff/ko.xlf', 'xliff/pt-BR.xlf', 'xliff/ru.xlf', 'xliff/zh-Hans.xlf']);
    for (const [path, text] of files!) await expect(text).toMatchFileSnapshot(join(repoRoot, 'test/golden/hazards', path));
    expect(readdirSync(join(repoRoot, 'test/golden/hazards/xliff')).map((f) => `xliff/${f}`).sort()).toEqual([...files!.keys()]);
  });
});

describe('xliff: what XLIFF cannot carry, and states', () => {
  it('reports a select as xliff/unrepresentable', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const { files, diagnostics } = await render(withTranslation(catalog, '6014', 'ja', '{user, select, a {A} other {B}}'));
    expect(files).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'xliff/unrepresentable', severity: 'error', target: 'xliff', key: '6014', locale: 'ja', place: { file: 'locales/ja/messages.json' } });
    expect(diagnostics[0].message).toBe('Key 6014 (ja) cannot be written for XLIFF: XLIFF core has no representation of a select argument.');
  });

  it('writes the catalog state, a draft target for initial, an empty target for an empty translation', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    let changed = withTranslation(catalog, '6014', 'ja', '下書き', 'initial');
    changed = withTranslation(changed, '-302', 'ja', '多すぎます。', 'final');
    changed = withTranslation(changed, '1', 'ja', '', 'reviewed');
    const xlf = (await render(changed)).files!.get('xliff/ja.xlf')!;
    expect(xlf).toMatch(/<unit id="6014">[^]*?<segment state="initial">\s*<source>You are not logged in.<\/source>\s*<target>下書き<\/target>/);
    expect(xlf).toMatch(/<unit id="-302">[^]*?<segment state="final">/);
    expect(xlf).toMatch(/<unit id="1">[^]*?<segment state="reviewed">\s*<source>[^<]*(?:<[^/][^>]*>[^<]*)*<\/source>\s*<target><\/target>/);
    expect(xlf).toMatch(/<unit id="2">[^]*?<segment state="initial">\s*<source>@home is not a reference.<\/source>\s*<\/segment>/);
  });

  it('keeps XML comments well-formed', () => {
    expect(commentText('a--b\u0001-')).toBe('a- -bU+0001- ');
  });
});

interface Part { 0: 't' | 'ph'; 1: string; 2?: string }
interface ReadUnit { id: string; name: string | null; state: string | null; source: Part[]; target: Part[] | null; notes: [string, string][] }
interface ReadItem extends ReadUnit { kind: 'unit' | 'group'; type?: string; units?: ReadUnit[] }
interface ReadFile { version: string; srcLang: string; trgLang: string | null; files: string[]; items: ReadItem[]; userItems: ReadItem[] }

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

function readBack(paths: string[], dir: string): Record<string, ReadFile> {
  writeFileSync(join(dir, 'read.py'), READ_BACK);
  return JSON.parse(execFileSync('python3', [join(dir, 'read.py'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, ReadFile>;
}

function xmllint(path: string) {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMAS, 'xliff-2.0/xliff_core_2.0.xsd'), path], { encoding: 'utf8', env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') } });
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

function checkFile(catalog: Catalog, locale: string, file: ReadFile) {
  const users = userUnits(catalog);
  expect([file.version, file.srcLang, file.trgLang, file.files]).toEqual(['2.0', catalog.sourceLocale, locale, users.length > 0 ? [catalog.namespace, 'user'] : [catalog.namespace]]);
  checkItems(catalog, locale, file.items, catalog.messages);
  checkItems(catalog, locale, file.userItems, users.map((u) => u.message));
}

/** The items of one `<file>` against the messages they show (a user file's: userUnits). */
function checkItems(catalog: Catalog, locale: string, items: ReadItem[], messages: Message[]) {
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
      expect(item.type).toBe('codebook:plural');
      const exact = [source, target].flatMap((t) => { const s = t && splitPlural(t.ast); return s?.kind === 'plural' ? [...s.plural.forms.keys()].filter((k) => k.startsWith('=')) : []; });
      const byValue = [...new Set(exact)].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
      expect(units.map((u) => u.name)).toEqual([...byValue, ...pluralCategories(locale)]);
    }
    for (const unit of units) {
      checkUnitIds(message, unit, item.kind === 'unit');
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

async function validateAndReadBack(catalog: Catalog, files: Map<string, string>, prefix: string) {
  const dir = writeToTemp(files, prefix);
  const paths = [...files.keys()].map((p) => join(dir, p));
  for (const path of paths) {
    const r = xmllint(path);
    expect(r.status, r.stderr).toBe(0);
  }
  const read = readBack(paths, dir);
  for (const locale of catalog.locales.filter((l) => l !== catalog.sourceLocale)) checkFile(catalog, locale, read[join(dir, `xliff/${locale}.xlf`)]);
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
    expect(block).toContain(`<note category="usage">Shown for ${codes.length} codes: ${codes.slice(0, 12).map((m) => m.key).join(', ')}, and ${codes.length - 12} more.</note>`);
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
    const withOverride: Catalog = { ...catalog, userOverrides: new Map([[key, { en: { ...en, text: 'Own words.', ast: parse('Own words.') } }]]) };
    const { files, diagnostics } = await render(withOverride);
    expect(diagnostics).toEqual([]);
    const ja = files!.get('xliff/ja.xlf')!;
    expect(ja).toMatch(new RegExp(`<unit id="key\\.${key}">\\s*<notes>\\s*<note category="usage">Override of code ${key}: [^<]*</note>[^]*?<segment state="initial">\\s*<source>Own words.</source>\\s*</segment>`));
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
    expect(xlf).toContain('<target xml:space="preserve">a<cp hex="0007"/>b&#13;c&#13;\nd<cp hex="001B"/>e<cp hex="FFFF"/> <ph id="1" equiv="{code}" disp="{code}"/>\t </target>');
    const read = await validateAndReadBack(changed, files!, 'codebook-xliff-cp-');
    const unit = Object.values(read).find((f) => f.trgLang === 'ja')!.items.find((i) => i.id === 'unknown')!;
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
    expect(ja.items.find((i) => i.id === 'unknown')).toMatchObject({ kind: 'group', name: 'code', units: [{ id: 'unknown.other', source: [['t', 'Unknown error (code '], ['ph', '1', '{code}'], ['t', ').']] }] });
    const ru = Object.values(read).find((f) => f.trgLang === 'ru')!;
    expect(ru.items.find((i) => i.id === '5')!.units![0]).toMatchObject({ id: '5.one', source: [['t', 'One file left']], target: [['t', 'Остался '], ['ph', '1', '#'], ['t', ' файл']] });
  });
});
