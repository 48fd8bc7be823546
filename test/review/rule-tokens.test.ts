/**
 * The rule filter's values (row-context.ts ruleTokenOf): a row names its
 * rules by their ids, so its HTML does not depend on which other rules the
 * review found (what lets a warm run splice the rows whose findings changed),
 * and the rule select offers the same rules on every page whatever was found.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../generator/config/load-config.js';
import type { Finding } from '../../generator/review/finding.js';
import { reviewPages, type ReviewPage, type SectionPageContext } from '../../generator/review/page-context.js';
import { ruleTokenOf } from '../../generator/review/row-context.js';
import { QA_RULE_IDS, type QaRuleId } from '../../generator/review/rules.js';
import { buildCatalog } from './build-catalog.js';

const { catalog } = buildCatalog({
  messages: { a: { en: 'One.', ja: '一。' }, b: { en: 'Two.', ja: '二。' } },
});

function configWith(severities: Record<string, 'off' | 'warning'> = {}): Config {
  return { layers: [{ name: 'project', files: [] }], review: { severities } } as unknown as Config;
}

function finding(key: string, ruleId: string): Finding {
  return { ruleId: ruleId as QaRuleId, severity: 'warning', key, locales: ['ja'], message: 'm', layer: 'merged', origins: [] };
}

function sectionPage(findings: Finding[], config = configWith()): ReviewPage {
  return reviewPages({ catalog, config, header: 'h', findings }).find((p) => p.rows)!;
}

const rowOf = (page: ReviewPage, key: string) => page.rowContext!(page.rows![page.keys!.indexOf(key)]!);
const offered = (page: ReviewPage) => (page.context as SectionPageContext).rules.map((r) => r.col);

describe('rule tokens', () => {
  it('are the rule id escaped: distinct, and safe in a token list, a class and a query string', () => {
    expect(ruleTokenOf('qa/whitespace')).toBe('r-qa_2f_whitespace');
    const ids = [...QA_RULE_IDS, 'any', 'open', '', 'a b', 'a/b', 'a_2f_b', '"<&>\'', 'é', '🎉', 'r-x', 'x.y'];
    const tokens = ids.map(ruleTokenOf);
    expect(new Set(tokens).size).toBe(ids.length);
    for (const token of tokens) expect(token).toMatch(/^r-[A-Za-z0-9_-]*$/);
    // The select's own values stay apart.
    expect(tokens).not.toContain('any');
    expect(tokens).not.toContain('open');
  });

  it("a row reads the same whichever rules other keys' findings have", () => {
    const alone = sectionPage([finding('a', 'qa/whitespace')]);
    const withOthers = sectionPage([finding('a', 'qa/whitespace'), finding('b', 'qa/numbers-differ'), finding('b', 'qa/end-punctuation')]);
    expect(rowOf(alone, 'a')!.rules).toBe('r-qa_2f_whitespace');
    expect(rowOf(withOthers, 'a')).toEqual(rowOf(alone, 'a'));
    // In the order the row lists its findings (open, severity, rule…).
    expect(rowOf(withOthers, 'b')!.rules).toBe('r-qa_2f_end-punctuation r-qa_2f_numbers-differ');
  });

  it('the select offers every rule the config runs, counted on the page, whatever was found', () => {
    const none = sectionPage([]);
    const some = sectionPage([finding('a', 'qa/whitespace'), finding('b', 'qa/whitespace')]);
    expect(offered(none)).toEqual([...QA_RULE_IDS].sort().map(ruleTokenOf));
    expect(offered(some)).toEqual(offered(none));
    const labels = (some.context as SectionPageContext).rules.map((r) => r.optionLabel);
    expect(labels).toContain('qa/whitespace (2)');
    expect(labels).toContain('qa/numbers-differ (0)');
  });

  it('leaves out a rule turned off, and offers a found rule it does not know, escaped', () => {
    const page = sectionPage([finding('a', 'x y/<&>')], configWith({ 'qa/state-not-final': 'off' }));
    expect(offered(page)).not.toContain(ruleTokenOf('qa/state-not-final'));
    expect(offered(page)).toContain('r-x_20_y_2f__3c__26__3e_');
    expect((page.context as SectionPageContext).rules.find((r) => r.col === 'r-x_20_y_2f__3c__26__3e_')!.optionLabel).toBe(
      'x y/&lt;&amp;&gt; (1)',
    );
  });
});
