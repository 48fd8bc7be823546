import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLayers } from '../../generator/catalog/load-layers.js';
import { loadConfig } from '../../generator/config/load-config.js';
import type { Finding } from '../../generator/review/finding.js';
import { qaChecks } from '../../generator/review/checks/index.js';
import { buildLayerStacks, reviewLayers, reviewOptionsOf, reviewSources, type LayerStack } from '../../generator/review/review-layers.js';
import { applyStrict, hasOpenErrors, unknownRuleIds } from '../../generator/review/severity.js';
import { repoRoot } from '../support/catalogs.js';
import { buildCatalog } from './build-catalog.js';

async function layered() {
  const { config } = await loadConfig(join(repoRoot, 'test/fixtures/review/layered/codebook.config.json'));
  const layers = await loadLayers(config!);
  expect(layers.diagnostics).toEqual([]);
  return { config: config!, files: layers.files };
}

const brief = (f: Finding) =>
  `${f.layer} ${f.ruleId} ${f.key} ${f.locales.join(',')}${f.resolvedBy ? ` → ${f.resolvedBy.map((o) => `${o.file}:${o.line}`).join(',')}` : ''}`;

describe('reviewLayers on a layered fixture', () => {
  it('builds one stack per layer prefix, the last named "merged", with ASTs filled', async () => {
    const { config, files } = await layered();
    const stacks = buildLayerStacks(files, config);
    expect(stacks.map((s) => s.layer)).toEqual(['registry', 'project', 'vendor', 'merged']);
    expect(stacks.map((s) => s.catalog.messages.filter((m) => m.translations.ja).length)).toEqual([0, 1, 3, 4]);
    expect(stacks[2].gaps?.map((g) => `${g.key} ${g.locale}`)).toEqual(['70013 ja']);
    expect(stacks[3].catalog.messages.find((m) => m.key === '51011')!.translations.ko.ast.length).toBeGreaterThan(0);
  });

  it("keeps the vendor's problems with the corrections that resolved them, and reports the rest as merged", async () => {
    const { config, files } = await layered();
    const findings = reviewLayers(buildLayerStacks(files, config));
    expect(findings.map(brief)).toEqual([
      'vendor qa/numbers-differ 51011 en,ko → locales/ko/corrections.json:5',
      'vendor qa/numbers-differ 51011 ja,ko → locales/ko/corrections.json:5',
      'merged qa/state-not-final 51011 ko',
      'vendor qa/import-doubt 70013 ja → locales/ja/corrections.json:5',
      'vendor qa/missing-translation 70013 ja → locales/ja/corrections.json:5',
      'merged qa/state-not-final 70013 ja',
    ]);
    const numbers = findings[0];
    expect(numbers.origins.map((o) => `${o.layer} ${o.file}:${o.line}`)).toEqual([
      'project locales/en/messages.json:7',
      'vendor locales/ko/vendor.json:7',
    ]);
    expect(numbers.resolvedBy![0]).toMatchObject({ layer: 'corrections', pointer: '/messages/51011' });
  });

  it('does not depend on the order of the files within a layer', async () => {
    const { config, files } = await layered();
    const forward = reviewLayers(buildLayerStacks(files, config));
    const reversed = config.layers.flatMap((layer) => files.filter((f) => f.layer === layer.name).reverse());
    expect(reversed).not.toEqual(files);
    const backward = reviewLayers(buildLayerStacks(reversed, config));
    expect(backward).toEqual(forward);
  });

  it('applies configured severities, turns rules off, and applies strict', async () => {
    const { config, files } = await layered();
    const findings = reviewSources(files, config, {
      severities: { 'qa/numbers-differ': 'off', 'qa/state-not-final': 'warning' },
      strict: true,
    });
    expect(findings.some((f) => f.ruleId === 'qa/numbers-differ')).toBe(false);
    const states = findings.filter((f) => f.ruleId === 'qa/state-not-final');
    expect(states.map((f) => f.severity)).toEqual(['error', 'error']);
    const resolved = findings.filter((f) => f.resolvedBy);
    expect(resolved.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(hasOpenErrors(findings)).toBe(true);
    expect(hasOpenErrors(reviewSources(files, config))).toBe(false);
  });
});

describe('registries-only stacks', () => {
  // The layered fixture and the Chat catalog (two audiences: its registry names user messages).
  const projects = ['test/fixtures/review/layered/codebook.config.json', 'codebook.config.json'];
  const load = async (path: string) => {
    const { config } = await loadConfig(join(repoRoot, path));
    return { config: config!, files: (await loadLayers(config!)).files, options: reviewOptionsOf(config!.review ?? {}) };
  };
  /** The stack as a plain object: its catalog merged, and reviewed in full. */
  const plain = ({ layer, catalog, gaps }: LayerStack): LayerStack => ({ layer, catalog, gaps });

  it.each(projects)('are marked textless and skipped, and reviewing them in full finds nothing more (%s)', async (path) => {
    const { config, files, options } = await load(path);
    const stacks = buildLayerStacks(files, config);
    expect(stacks.map((s) => s.textless ?? false)).toEqual(stacks.map((s, i) => i === 0));
    const skipped = reviewLayers(stacks, options);
    expect(skipped.length).toBeGreaterThan(0);
    expect(reviewLayers(stacks.map(plain), options)).toEqual(skipped);
  });

  it.each(projects)('have a catalog without texts, in which the checks without scope find nothing (%s)', async (path) => {
    const { config, files, options } = await load(path);
    const registry = buildLayerStacks(files, config)[0];
    const { catalog, gaps = [] } = registry;
    expect(catalog.messages.length).toBeGreaterThan(0);
    expect(catalog.messages.every((m) => Object.keys(m.translations).length === 0)).toBe(true);
    expect(gaps).toEqual([]);
    const crossKey = qaChecks.filter((c) => c.scope !== 'message');
    expect(crossKey.length).toBeGreaterThan(0);
    const hits = crossKey.flatMap((c) => catalog.messages.flatMap((m) => c.check(m, catalog, { gaps: [], settings: options.settings })));
    expect(hits).toEqual([]);
  });
});

describe('reviewLayers on in-memory stacks', () => {
  it('reports a problem that survives to the merged catalog once, as merged', () => {
    const vendor = buildCatalog({ messages: { '1': { en: 'Error.', ja: 'エラー。 ' } } });
    const merged = buildCatalog({ messages: { '1': { en: 'Error.', ja: 'エラー。 ' } } });
    const findings = reviewLayers([
      { layer: 'vendor', ...vendor },
      { layer: 'merged', ...merged },
    ]);
    expect(findings.map(brief)).toEqual(['merged qa/whitespace 1 ja']);
  });

  it("leaves out an earlier stack's finding that involves no text of its own layer", () => {
    // In the project stack ja is simply not there yet; that is not a problem the project layer has.
    const project = buildCatalog({ messages: { '1': { en: 'Error.' } } });
    const merged = buildCatalog({ messages: { '1': { en: 'Error.', ja: 'エラー。' } } });
    expect(
      reviewLayers([
        { layer: 'project', ...project },
        { layer: 'merged', ...merged },
      ]),
    ).toEqual([]);
  });

  it('sorts by key, then rule, locales and layer', () => {
    const merged = buildCatalog({
      messages: {
        '10': { en: 'Error.', ja: 'Error.' },
        '-5': { en: 'Error.', ja: { text: 'エラー ', state: 'initial' } },
        unknown: { en: 'Unknown error (code {code}).', ja: '不明 ' },
      },
    });
    const findings = reviewLayers([{ layer: 'merged', ...merged }]);
    expect(findings.map((f) => `${f.key} ${f.ruleId} ${f.locales.join(',')}`)).toEqual([
      '-5 qa/duplicate-diverging en,ja',
      '-5 qa/end-punctuation en,ja',
      '-5 qa/state-not-final ja',
      '-5 qa/whitespace ja',
      '10 qa/end-punctuation ja',
      '10 qa/same-as-source en,ja',
      'unknown qa/end-punctuation en,ja',
      'unknown qa/length-ratio en,ja',
      'unknown qa/placeholders-differ en,ja',
      'unknown qa/whitespace ja',
    ]);
  });

  it('lists unknown rule ids of a severities setting', () => {
    expect(unknownRuleIds({ 'qa/numbers-differ': 'off', 'qa/numbers-differs': 'error' })).toEqual(['qa/numbers-differs']);
  });

  it('strict turns only open warnings into errors', () => {
    const base = { key: '1', locales: ['ja'], message: 'm', layer: 'merged', origins: [] };
    const findings: Finding[] = [
      { ...base, ruleId: 'qa/whitespace', severity: 'warning' },
      { ...base, ruleId: 'qa/state-not-final', severity: 'info' },
      { ...base, ruleId: 'qa/numbers-differ', severity: 'warning', layer: 'vendor', resolvedBy: [] },
    ];
    expect(applyStrict(findings).map((f) => f.severity)).toEqual(['error', 'info', 'warning']);
  });
});
