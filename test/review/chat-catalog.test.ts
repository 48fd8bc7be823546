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

const EMPTY_JA_VENDOR_ROWS = [
  '6206',
  '10036',
  '10037',
  '40007',
  '40008',
  '40605',
  '40610',
  '60020',
  '70003',
  '70005',
  '70013',
  '70014',
  '70016',
  '70050',
  '72001',
  '90010',
  '90043',
];

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
  it('has the stacks registry, project, user, vendor and merged', () => {
    expect(stacks.map((s) => s.layer)).toEqual(['registry', 'project', 'user', 'vendor', 'merged']);
  });

  it('finds every numbers-differ of the vendor stack, and only 51011', () => {
    const vendor = stacks.find((s) => s.layer === 'vendor')!;
    const all = reviewLayers([vendor], { checks: [numbersDiffer] });
    console.log(`qa/numbers-differ on the vendor stack (${all.length}):\n${all.map(line).join('\n')}`);
    expect(all.map((f) => `${f.key} ${f.locales.join(',')}`)).toEqual(['51011 en,ko', '51011 ja,ko', '51011 ko,zh-Hans']);
    expect(all.map((f) => f.message)).toEqual([
      'Numbers differ: en has “32 characters”, which ko lacks; ko has “20”, which en lacks.',
      'Numbers differ: ja has “32文字”, which ko lacks; ko has “20”, which ja lacks.',
      'Numbers differ: ko has “20”, which zh-Hans lacks; zh-Hans has “32”, which ko lacks.',
    ]);
  });

  it('reports 51011 from the vendor stack, resolved by the ko correction', () => {
    const numbers = findings.filter((f) => f.ruleId === 'qa/numbers-differ');
    console.log(`qa/numbers-differ in the review (${numbers.length}):\n${numbers.map(line).join('\n')}`);
    expect(numbers.map((f) => `${f.layer} ${f.key} ${f.locales.join(',')}`)).toEqual([
      'vendor 51011 en,ko',
      'vendor 51011 ja,ko',
      'vendor 51011 ko,zh-Hans',
    ]);
    for (const f of numbers) {
      expect(f.origins.some((o) => o.file === 'locales/ko/vendor.json')).toBe(true);
      expect(f.resolvedBy?.map((o) => `${o.layer} ${o.file} ${o.pointer}`)).toEqual([
        'corrections locales/ko/corrections.json /messages/51011',
      ]);
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
    expect(
      findings.filter((f) => f.ruleId === 'qa/missing-translation' && f.locales.includes('ja')).map((f) => `${f.layer} ${f.key}`),
    ).toEqual(EMPTY_JA_VENDOR_ROWS.map((k) => `vendor ${k}`));
    // zh-Hant has no details of its own: each is listed as a fallback to zh-Hans (an info), none as missing.
    const zhHant = findings.filter((f) => f.ruleId === 'qa/missing-translation' && f.locales.includes('zh-Hant'));
    expect(zhHant).toHaveLength(421);
    expect(zhHant.every((f) => f.severity === 'info' && f.message.includes('falls back to zh-Hans, as configured'))).toBe(true);
  });

  it("reports 10062's duplicated vendor row in ja and ko, still open", () => {
    const rows = findings.filter((f) => f.key === '10062' && !f.locales.includes('zh-Hant'));
    expect(rows.map((f) => `${f.layer} ${f.ruleId} ${f.locales.join(',')}`)).toEqual([
      'merged qa/duplicate-diverging ja',
      'merged qa/duplicate-diverging ko',
      'merged qa/import-doubt ja',
      'merged qa/import-doubt ko',
    ]);
    expect(rows.every((f) => /duplicated row at lines \d+ and \d+/.test(f.message) && !f.resolvedBy)).toBe(true);
  });

  it('leaves nothing of the registry, project and user stacks, whose missing texts are no fault of theirs', () => {
    expect(findings.filter((f) => f.layer === 'registry' || f.layer === 'project' || f.layer === 'user')).toEqual([]);
  });

  it('finds no jargon, no over-long user message and no code without an action', () => {
    expect(findings.filter((f) => ['qa/user-jargon', 'qa/user-too-long', 'qa/no-action'].includes(f.ruleId))).toEqual([]);
  });

  it('fits the pull-request comment into about 60 lines', () => {
    const md = reportMarkdown(findings, stacks[stacks.length - 1].catalog);
    expect(md.trimEnd().split('\n').length).toBeLessThanOrEqual(60);
    expect(md).toContain('`51011` en, ko');
    expect(md).toContain('resolved by `locales/ko/corrections.json:8`');
  });
});
