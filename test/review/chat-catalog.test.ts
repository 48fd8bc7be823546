/**
 * The review on the embedded Chat catalog: the vendor's known problems are
 * found in the vendor stack and shown resolved by the corrections layer.
 * The numbers-differ lists are exact, so a change in the number reader or
 * in the catalog shows up here.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLayers } from '../../generator/catalog/load-layers.js';
import { loadConfig } from '../../generator/config/load-config.js';
import { numbersDiffer } from '../../generator/review/checks/numbers-differ.js';
import type { Finding } from '../../generator/review/finding.js';
import { buildLayerStacks, reviewLayers, type LayerStack } from '../../generator/review/review-layers.js';
import { reportMarkdown } from '../../generator/review/report.js';
import { repoRoot } from '../support/catalogs.js';

const EMPTY_JA_VENDOR_ROWS = ['6206', '10036', '10037', '40007', '40008', '40605', '40610', '60020', '70003', '70005', '70013', '70014', '70016', '70050', '72001', '90010', '90043'];

let stacks: LayerStack[];
let findings: Finding[];

const line = (f: Finding) =>
  `${f.layer} ${f.key} ${f.locales.join(',')}: ${f.message} [${f.origins.map((o) => `${o.file}:${o.line}`).join(', ')}]${f.resolvedBy ? ` resolved by ${f.resolvedBy.map((o) => `${o.file}:${o.line}`).join(', ')}` : ''}`;

beforeAll(async () => {
  const { config } = await loadConfig(join(repoRoot, 'codebook.config.json'));
  const layers = await loadLayers(config!);
  stacks = buildLayerStacks(layers.files, config!);
  findings = reviewLayers(stacks);
});

describe('review of the Chat catalog', () => {
  it('has the stacks registry, project, vendor and merged', () => {
    expect(stacks.map((s) => s.layer)).toEqual(['registry', 'project', 'vendor', 'merged']);
  });

  it('finds every numbers-differ of the vendor stack, and only 51011', () => {
    const vendor = stacks.find((s) => s.layer === 'vendor')!;
    const all = reviewLayers([vendor], { checks: [numbersDiffer] });
    console.log(`qa/numbers-differ on the vendor stack (${all.length}):\n${all.map(line).join('\n')}`);
    expect(all.map((f) => `${f.key} ${f.locales.join(',')}`)).toEqual(['51011 en,ko', '51011 ja,ko']);
    expect(all.map((f) => f.message)).toEqual([
      'Numbers differ: en has “32 characters”, which ko lacks; ko has “20”, which en lacks.',
      'Numbers differ: ja has “32文字”, which ko lacks; ko has “20”, which ja lacks.',
    ]);
  });

  it('reports 51011 from the vendor stack, resolved by the ko correction', () => {
    const numbers = findings.filter((f) => f.ruleId === 'qa/numbers-differ');
    console.log(`qa/numbers-differ in the review (${numbers.length}):\n${numbers.map(line).join('\n')}`);
    expect(numbers.map((f) => `${f.layer} ${f.key} ${f.locales.join(',')}`)).toEqual(['vendor 51011 en,ko', 'vendor 51011 ja,ko']);
    for (const f of numbers) {
      expect(f.origins.some((o) => o.file === 'locales/ko/vendor.json')).toBe(true);
      expect(f.resolvedBy?.map((o) => `${o.layer} ${o.file} ${o.pointer}`)).toEqual(['corrections locales/ko/corrections.json /messages/51011']);
    }
  });

  it('has no numbers-differ left in the merged catalog', () => {
    const merged = findings.filter((f) => f.ruleId === 'qa/numbers-differ' && f.layer === 'merged');
    expect(merged.map(line)).toEqual([]);
    const direct = reviewLayers([stacks[stacks.length - 1]], { checks: [numbersDiffer] });
    expect(direct.map(line)).toEqual([]);
  });

  it('reports the 17 empty ja vendor rows as import doubts of the vendor stack, each filled by the ja corrections in state "initial"', () => {
    const doubts = findings.filter((f) => f.ruleId === 'qa/import-doubt' && f.layer === 'vendor');
    expect(doubts.map((f) => f.key)).toEqual(EMPTY_JA_VENDOR_ROWS);
    const merged = stacks[stacks.length - 1].catalog;
    for (const f of doubts) {
      expect(f.locales).toEqual(['ja']);
      expect(f.message).toMatch(/The vendor document leaves this message empty \(line \d+/);
      expect(f.origins.map((o) => o.file)).toEqual(['locales/ja/vendor.json']);
      expect(f.resolvedBy?.map((o) => o.file)).toEqual(['locales/ja/corrections.json']);
      const ja = merged.messages.find((m) => m.key === f.key)!.translations.ja;
      expect(ja.state).toBe('initial');
      expect(ja.origin.file).toBe('locales/ja/corrections.json');
      expect(ja.text.trim()).not.toBe('');
    }
    expect(findings.filter((f) => f.ruleId === 'qa/missing-translation').map((f) => `${f.layer} ${f.key}`)).toEqual(EMPTY_JA_VENDOR_ROWS.map((k) => `vendor ${k}`));
  });

  it("reports 10062's duplicated vendor row in ja and ko, still open", () => {
    const rows = findings.filter((f) => f.key === '10062');
    expect(rows.map((f) => `${f.layer} ${f.ruleId} ${f.locales.join(',')}`)).toEqual([
      'merged qa/duplicate-diverging ja',
      'merged qa/duplicate-diverging ko',
      'merged qa/import-doubt ja',
      'merged qa/import-doubt ko',
    ]);
    expect(rows.every((f) => /duplicated row at lines \d+ and \d+/.test(f.message) && !f.resolvedBy)).toBe(true);
  });

  it('leaves nothing of the registry and project stacks, whose missing texts are no fault of theirs', () => {
    expect(findings.filter((f) => f.layer === 'registry' || f.layer === 'project')).toEqual([]);
  });

  it('fits the pull-request comment into about 60 lines', () => {
    const md = reportMarkdown(findings, stacks[stacks.length - 1].catalog);
    expect(md.trimEnd().split('\n').length).toBeLessThanOrEqual(60);
    expect(md).toContain('`51011` en, ko');
    expect(md).toContain('resolved by `locales/ko/corrections.json:8`');
  });
});
