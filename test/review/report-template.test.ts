/**
 * review/summary.md through summary.md.hbs, which must print what
 * `codebook review --format markdown` prints; and
 * review/report.json through its templates (report.json.hbs, one
 * finding.json.hbs per finding): the golden contexts of the hazards
 * fixture with hostile findings, the TypeScript finding template against
 * handlebars and against reportJson (the bytes `codebook review --format
 * json` prints), and a user's override: one that parses is written as it
 * renders, one that does not stops the run with a located error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, Origin } from '../../generator/catalog/model.js';
import type { Config } from '../../generator/config/load-config.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { PlannedFile } from '../../generator/emit/target.js';
import type { Finding } from '../../generator/review/finding.js';
import { reportJson, reportMarkdown } from '../../generator/review/report.js';
import { reviewTarget } from '../../generator/targets/review.js';
import { loadTestCatalog, repoRoot } from '../support/catalogs.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { renderTargets } from '../../generator/pipeline.js';

const at = (file: string, line: number, layer = 'messages'): Origin => ({ layer, file, pointer: '/messages/1', line, column: 5 });

/** Findings whose strings JSON must escape: quotes, backslashes, controls, U+2028, a lone surrogate, markup. */
const FINDINGS: Finding[] = [
  {
    ruleId: 'qa/numbers-differ',
    severity: 'error',
    key: '5',
    locales: ['ar', 'en'],
    message: 'ar says "1"\u0001 where en has \\n # </script>\u2028 and \ud800.',
    layer: 'messages',
    origins: [at('locales/ar/messages.json', 7), at('locales/en/messages.json', 11)],
  },
  {
    ruleId: 'qa/state-not-final',
    severity: 'info',
    key: '1',
    locales: [],
    message: 'No locale, no origin.',
    layer: 'merged',
    origins: [],
    resolvedBy: [at('locales/ja/corrections.json', 3, 'corrections')],
  },
];

const { catalog, config } = await loadTestCatalog('hazards');

function reportOf(of: Catalog, findings: readonly Finding[], withConfig: Config = config) {
  const plan = reviewTarget.plan(of, { config: withConfig, header: 'h', findings });
  return { plan, file: plan.files.find((f) => f.path === 'review/report.json')! };
}

/** Every review file rendered as the pipeline renders it (overridden JSON checked); `files` is undefined after an error. */
function renderedWith(withConfig: Config) {
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, withConfig, [reviewTarget], diagnostics, { findings: FINDINGS });
  return { files, diagnostics };
}

/** A config whose templates folder for the review holds `files`. */
function overriding(files: Record<string, string>): Config {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-review-report-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { ...config, templates: { ...config.templates, review: dir } };
}

describe('review/report.json templates', () => {
  it('matches the golden contexts (what report.json.hbs and finding.json.hbs are given)', async () => {
    const { file } = reportOf(catalog, FINDINGS);
    expect(file.template).toBe('report.json.hbs');
    expect(file.entries!.template).toBe('finding.json.hbs');
    const json = `${JSON.stringify({ file: file.context, findings: file.entries!.contexts }, null, 2)}\n`;
    await expect(json).toMatchFileSnapshot('../golden/hazards/review-context/report.json.json');
  });

  it('renders the bytes reportJson prints, in TypeScript and through handlebars, with findings and without', () => {
    const renderer = new TemplateRenderer();
    for (const findings of [FINDINGS, [FINDINGS[1]], []]) {
      const { file } = reportOf(catalog, findings);
      const entries = file.entries!;
      let calls = 0;
      const counted: PlannedFile = { ...file, entries: { ...entries, builtIn: (c: object) => (calls++, entries.builtIn!(c)) } };
      const expected = reportJson(findings, catalog);
      expect(renderer.render('review', counted)).toBe(expected);
      expect(calls, 'the TypeScript path was taken').toBe(findings.length);
      expect(renderer.render('review', { ...file, entries: { ...entries, builtIn: undefined } })).toBe(expected);
    }
  });

  it('writes an override that parses as it renders, and stops on one that does not', () => {
    const mine = overriding({
      'finding.json.hbs': '    { "rule": {{rule}}, "key": {{key}}, "where": {{provenance}}, "message": {{message}} }',
      'row.html.hbs': `<!-- my row -->${readFileSync(join(repoRoot, 'templates/review/row.html.hbs'), 'utf8')}`,
    });
    const written = renderedWith(mine);
    expect(written.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parsed = JSON.parse(written.files!.get('review/report.json')!) as { findings: Record<string, unknown>[]; summary: object };
    const canonical = JSON.parse(reportJson(FINDINGS, catalog)) as { findings: Record<string, unknown>[]; summary: object };
    expect(parsed.findings).toEqual(canonical.findings.map((f) => ({ rule: f.rule, key: f.key, where: f.provenance, message: f.message })));
    expect(parsed.findings.map((f) => f.message)).toContain(FINDINGS[0].message);
    expect(parsed.summary).toEqual(canonical.summary);
    // The pages are not JSON: an overridden row template renders them, unchecked.
    expect(written.files!.get('review/sections/hazards.html')).toContain('<!-- my row -->');

    const broken = renderedWith(overriding({ 'finding.json.hbs': '    { "rule": {{rule}} "key": {{key}} }' }));
    expect(broken.files).toBeUndefined();
    const errors = broken.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.target])).toEqual([['emit/template-invalid-json', 'review']]);
    expect(errors[0].message).toMatch(/renders review\/report\.json wrong at line 3/);

    const wrongShape = renderedWith(overriding({ 'report.json.hbs': '[{{#if findings}}\n{{findings}}\n{{/if}}]\n' }));
    expect(wrongShape.diagnostics.find((d) => d.ruleId === 'emit/template-invalid-json')?.message).toContain('the file is not an object');
  });
});

describe('review/summary.md template', () => {
  it('renders what reportMarkdown prints: no findings, a few, and more than fit', () => {
    const renderer = new TemplateRenderer();
    const many = Array.from({ length: 90 }, (_, i): Finding => ({
      ...FINDINGS[i % 2],
      key: String(i),
      message: `Finding ${i} | with *markup* and a long tail ${'x'.repeat(i * 3)}`,
    }));
    for (const findings of [[], FINDINGS, many]) {
      const file = reviewTarget.plan(catalog, { config, header: 'h', findings }).files.find((f) => f.path === 'review/summary.md')!;
      expect(file.template).toBe('summary.md.hbs');
      expect(renderer.render('review', file)).toBe(reportMarkdown(findings, catalog));
    }
    expect(reportMarkdown(many, catalog)).toMatch(/- …and \d+ more\n/);
  });
});
