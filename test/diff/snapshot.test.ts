/**
 * catalog/catalog.json: what it holds, that its bytes depend on the catalog's
 * content only, that it matches its schema, and that its identifiers are the
 * names the platform targets really write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../generator/catalog/model.js';
import { catalogTarget } from '../../generator/targets/catalog.js';
import { snapshotSchema } from '../../generator/diff/read-side.js';
import { PLATFORM_NAMING, SNAPSHOT_FILE, catalogSnapshot, snapshotOf } from '../../generator/targets/catalog-snapshot.js';
import { androidTarget } from '../../generator/targets/android.js';
import { flutterTarget } from '../../generator/targets/flutter.js';
import { builtInTargets } from '../../generator/targets/index.js';
import { fixturesDir, loadTestCatalog, renderScenario } from '../support/catalogs.js';

const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(snapshotSchema());

/** The same catalog with every array and object the loader sorts given in reverse order (not sections: their order is the display order). */
function shuffled(catalog: Catalog): Catalog {
  const reversed = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).reverse());
  return {
    ...catalog,
    locales: [...catalog.locales].reverse(),
    sections: catalog.sections.map((s) => ({ ...s, titles: reversed(s.titles) })),
    messages: [...catalog.messages]
      .reverse()
      .map((m) => ({ ...m, params: [...m.params].reverse(), translations: reversed(m.translations) })),
  };
}

describe('catalogSnapshot', () => {
  it('writes the old diff fixture as the expected file', async () => {
    const { catalog } = await loadTestCatalog('diff/old');
    const expected = readFileSync(join(fixturesDir, 'diff/expected/old.catalog.json'), 'utf8');
    expect(catalogSnapshot(catalog, { identifierPrefix: 'error_' })).toBe(expected);
  });

  it('gives the same bytes for the same input, loaded twice', async () => {
    const first = catalogSnapshot((await loadTestCatalog('hazards')).catalog, { identifierPrefix: 'error_' });
    const second = catalogSnapshot((await loadTestCatalog('hazards')).catalog, { identifierPrefix: 'error_' });
    expect(second).toBe(first);
  });

  it('gives the same bytes whatever the order of locales, messages, params, translations and titles', async () => {
    for (const scenario of ['hazards', 'diff/old', 'diff/new']) {
      const { catalog } = await loadTestCatalog(scenario);
      const twisted = shuffled(catalog);
      expect(twisted.messages[0].key).not.toBe(catalog.messages[0].key);
      expect(catalogSnapshot(twisted, { identifierPrefix: 'x_' })).toBe(catalogSnapshot(catalog, { identifierPrefix: 'x_' }));
    }
  });

  it('leaves out origins, descriptions, states and examples, and keeps every text as written', async () => {
    const { catalog } = await loadTestCatalog('hazards');
    const text = catalogSnapshot(catalog);
    for (const noise of ['"origin"', '"line"', '"column"', '"description"', '"state"', '"example"', '"overrides"', '"ast"'])
      expect(text).not.toContain(noise);
    const parsed = JSON.parse(text) as ReturnType<typeof snapshotOf>;
    for (const m of catalog.messages) {
      const s = parsed.messages.find((x) => x.key === m.key)!;
      expect(s.texts).toEqual(Object.fromEntries(Object.entries(m.translations).map(([l, t]) => [l, t.text])));
    }
    expect(parsed.messages.map((m) => m.key)).toEqual(catalog.messages.map((m) => m.key));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('matches its schema for the embedded catalog, the hazards and the diff fixtures', async () => {
    for (const scenario of ['default', 'hazards', 'diff/old', 'diff/new']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      const value: unknown = JSON.parse(catalogSnapshot(catalog, { identifierPrefix: config.identifierPrefix, header: 'Generated.' }));
      expect(validate(value), `${scenario}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('has a schema that rejects what it does not describe', async () => {
    const { catalog } = await loadTestCatalog('diff/old');
    const good = snapshotOf(catalog);
    const bad: unknown[] = [
      { ...good, extra: true },
      { ...good, version: 2 },
      { ...good, messages: [{ ...good.messages[0], params: [{ name: 'x', type: 'text' }] }] },
      { ...good, messages: [{ ...good.messages[0], texts: { 1: 'integer-like locale' } }] },
      { ...good, messages: [{ ...good.messages[0], range: [1] }] },
    ];
    for (const value of bad) expect(validate(value), JSON.stringify(value).slice(0, 200)).toBe(false);
  });
});

describe('identifiers', () => {
  it('names every built-in platform whose files apps look messages up in by name', () => {
    // Targets apps never look a message up in by name: this snapshot, the review page, and the
    // generated lookup functions (they take a code, and read the android/apple/flutter/java names).
    const nameless = new Set([catalogTarget.id, 'review', 'lookup-kotlin', 'lookup-java', 'lookup-swift', 'lookup-dart']);
    const ids = builtInTargets.map((t) => t.id);
    expect(ids.filter((id) => !nameless.has(id) && !Object.hasOwn(PLATFORM_NAMING, id))).toEqual([]);
    expect(Object.keys(PLATFORM_NAMING).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('are the names the Android and Flutter targets write, under the config prefix', async () => {
    const { catalog, files } = await renderScenario('diff/old', [androidTarget, flutterTarget]);
    const snapshot = snapshotOf(catalog, { identifierPrefix: 'error_' });
    const strings = files!.get('android/values/strings.xml')!;
    const arb = JSON.parse(files!.get('flutter/app_en.arb')!) as Record<string, unknown>;
    for (const m of snapshot.messages) {
      expect(strings).toContain(`name="${m.identifiers.android}"`);
      expect(arb).toHaveProperty([m.identifiers.flutter]);
      for (const platform of ['apple', 'gettext', 'i18next', 'java', 'types', 'xliff']) expect(m.identifiers[platform]).toBe(m.key);
    }
    expect(snapshot.messages.find((m) => m.key === '5000-5999')!.identifiers.android).toBe('error_5000_5999');
    expect(snapshotOf(catalog, { identifierPrefix: 'err' }).messages[0].identifiers).toMatchObject({
      android: 'err1001',
      flutter: 'err1001',
      i18next: '1001',
    });
  });
});

describe('catalog target', () => {
  it(`plans ${SNAPSHOT_FILE} with the header and the config's prefix`, async () => {
    const { catalog, config, files, diagnostics } = await renderScenario('diff/old', [catalogTarget]);
    expect(diagnostics).toEqual([]);
    expect([...files!.keys()]).toEqual(['catalog/catalog.json']);
    const header = 'Generated by codebook from codebook.config.json. Do not edit: run "codebook generate" to regenerate.';
    expect(files!.get(SNAPSHOT_FILE)).toBe(catalogSnapshot(catalog, { identifierPrefix: config.identifierPrefix, header }));
    expect(JSON.parse(files!.get(SNAPSHOT_FILE)!)).toMatchObject({ format: 'codebook-catalog-snapshot', version: 1, generated: header });
  });
});
