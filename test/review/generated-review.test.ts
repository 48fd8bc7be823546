/**
 * The review output `generate` writes for the Chat catalog, with the real QA
 * findings (not hand-made ones): report.json and the pages agree that 51011's
 * numbers differ in the vendor layer and were resolved by the ko correction.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { repoRoot } from '../support/catalogs.js';
import { haveTools, launchChromium } from '../support/toolchain.js';

const out = mkdtempSync(join(tmpdir(), 'codebook-review-'));
const generated = generate({ config: join(repoRoot, 'codebook.config.json'), cwd: repoRoot, out, targets: ['review'] });

/** The numbers rule's filter value (review/row-context.ts ruleTokenOf). */
const NUMBERS = 'r-qa_2f_numbers-differ';

interface ReportFinding {
  rule: string;
  key: string;
  locales: string[];
  layer: string;
  resolvedBy: string[] | null;
}

describe('the generated review of the Chat catalog', () => {
  it('report.json lists 51011 under qa/numbers-differ, resolved by the corrections layer, and no other number finding', async () => {
    expect((await generated).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = JSON.parse(readFileSync(join(out, 'review/report.json'), 'utf8')) as { findings: ReportFinding[] };
    const numbers = report.findings.filter((f) => f.rule === 'qa/numbers-differ');
    expect(numbers.map((f) => [f.key, f.locales.join(','), f.layer, f.resolvedBy])).toEqual([
      ['51011', 'en,ko', 'vendor', ['locales/ko/corrections.json:8']],
      ['51011', 'ja,ko', 'vendor', ['locales/ko/corrections.json:8']],
      ['51011', 'ko,zh-Hans', 'vendor', ['locales/ko/corrections.json:8']],
    ]);
    const emptyJa = report.findings.filter((f) => f.rule === 'qa/import-doubt' && f.locales.join() === 'ja' && f.resolvedBy);
    expect(emptyJa).toHaveLength(17);
    expect(report.findings.some((f) => f.rule === 'qa/import-doubt' && f.key === '10062')).toBe(true);
    expect(readFileSync(join(out, 'review/summary.md'), 'utf8')).toContain('51011');
  });

  it.skipIf(!haveTools('/usr/bin/chromium'))('the index finds 51011, whose page filters to it by the numbers rule', async () => {
    await generated;
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(join(out, 'review/index.html')).href);
      await tab.locator('#find').waitFor({ state: 'visible' });
      await tab.fill('#find-key', '51011');
      await tab.press('#find-key', 'Enter');
      await tab.waitForURL(/\/review\/sections\/server-recent-contacts\.html#k-51011$/);
      await tab.locator('#filters').waitFor({ state: 'visible' });
      const option = tab.locator('#f-rule option', { hasText: 'qa/numbers-differ' });
      // The rule's own token, not its place among the rules found: a row reads the same whatever else the review found.
      await expect(option.getAttribute('value')).resolves.toBe(NUMBERS);
      await tab.selectOption('#f-rule', { label: (await option.textContent())!.trim() });
      const rows = await tab.locator('#messages > .row[data-states]:visible').evaluateAll((els) => els.map((el) => el.id));
      expect(rows).toEqual(['k-51011']);
      await expect(tab.locator('#k-51011').getAttribute('data-rules')).resolves.toContain(NUMBERS);
      await expect(tab.locator('#k-51011 .resolved-by').first().textContent()).resolves.toBe('resolved by locales/ko/corrections.json:8');
      // The filter travels to the next page, which offers the rule though none of its rows has it.
      const next = tab.locator('a[rel="next"]').first();
      await expect(next.getAttribute('href')).resolves.toMatch(new RegExp(`\\?rule=${NUMBERS}$`));
      await next.click();
      await tab.locator('#filters').waitFor({ state: 'visible' });
      await expect(tab.inputValue('#f-rule')).resolves.toBe(NUMBERS);
      await expect(tab.locator('#f-rule option:checked').textContent()).resolves.toBe('qa/numbers-differ (0)');
      await expect(tab.locator('#messages > .row[data-states]:visible').count()).resolves.toBe(0);
      await expect(tab.locator('#no-match').isVisible()).resolves.toBe(true);
    } finally {
      await browser.close();
    }
  });
});
