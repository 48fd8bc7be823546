import { describe, expect, it } from 'vitest';
import type { Origin } from '../../generator/catalog/model.js';
import type { Finding } from '../../generator/review/finding.js';
import { MARKDOWN_LINE_LIMIT, reportJson, reportMarkdown, reportText } from '../../generator/review/report.js';
import { buildCatalog } from './build-catalog.js';

const at = (file: string, line: number, layer = 'vendor'): Origin => ({ layer, file, pointer: '/messages/1', line, column: 5 });

const { catalog } = buildCatalog({
  locales: ['en', 'ja', 'ko'],
  messages: { '1': { en: 'A.', ja: 'あ。', ko: '가.' }, '2': { en: 'B.', ja: 'い。' }, '51011': { en: 'C.', ja: 'う。', ko: '다.' } },
});

const findings: Finding[] = [
  {
    ruleId: 'qa/numbers-differ',
    severity: 'warning',
    key: '51011',
    locales: ['en', 'ko'],
    message: 'Numbers differ: en has “32 characters”, which ko lacks; ko has “20”, which en lacks.',
    layer: 'vendor',
    origins: [at('locales/en/messages.json', 350, 'project'), at('locales/ko/vendor.json', 354)],
    resolvedBy: [at('locales/ko/corrections.json', 8, 'corrections')],
  },
  {
    ruleId: 'qa/markup-differs',
    severity: 'warning',
    key: '2',
    locales: ['en', 'ja'],
    message: 'Markup <br> appears 0× in en and 1× in ja | pipe *star*.',
    layer: 'merged',
    origins: [at('locales/ja/vendor.json', 4)],
  },
  {
    ruleId: 'qa/state-not-final',
    severity: 'info',
    key: '1',
    locales: ['ja'],
    message: 'The ja text is in state "initial".',
    layer: 'merged',
    origins: [at('locales/ja/corrections.json', 5, 'corrections')],
  },
  {
    ruleId: 'qa/placeholders-differ',
    severity: 'error',
    key: '1',
    locales: ['en', 'ko'],
    message: 'The ko text lacks {code}.',
    layer: 'merged',
    origins: [at('locales/ko/vendor.json', 3)],
  },
];

describe('reportJson', () => {
  it('is canonical: keys sorted, the same whatever the input order', () => {
    const json = reportJson(findings, catalog);
    expect(reportJson([...findings].reverse(), catalog)).toBe(json);
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['findings', 'summary']);
    expect(Object.keys(parsed.findings[0])).toEqual(['key', 'layer', 'locales', 'message', 'provenance', 'resolvedBy', 'rule', 'severity']);
  });

  it('gives every finding its provenance and resolution, and per-locale completeness and counts', () => {
    const parsed = JSON.parse(reportJson(findings, catalog));
    expect(parsed.findings.map((f: { key: string; rule: string }) => `${f.key} ${f.rule}`)).toEqual([
      '1 qa/placeholders-differ',
      '1 qa/state-not-final',
      '2 qa/markup-differs',
      '51011 qa/numbers-differ',
    ]);
    expect(parsed.findings[3]).toMatchObject({
      layer: 'vendor',
      provenance: ['locales/en/messages.json:350', 'locales/ko/vendor.json:354'],
      resolvedBy: ['locales/ko/corrections.json:8'],
    });
    expect(parsed.findings[0].resolvedBy).toBeNull();
    expect(parsed.summary.locales.ko).toEqual({
      complete: 66.6,
      translated: 2,
      total: 3,
      source: false,
      open: { 'qa/placeholders-differ': 1 },
      resolved: { 'qa/numbers-differ': 1 },
    });
    expect(parsed.summary.locales.en.complete).toBe(100);
    expect(parsed.summary.open).toEqual({ error: 1, info: 1, warning: 1 });
    expect(parsed.summary.resolved).toBe(1);
    expect(parsed.summary.rules['qa/numbers-differ']).toEqual({ error: 0, info: 0, resolved: 1, warning: 0 });
  });
});

describe('reportMarkdown', () => {
  it('summarises completeness and rules, lists open errors and warnings, and how vendor findings were resolved', () => {
    const md = reportMarkdown(findings, catalog);
    expect(md).toContain('| ko | 66.6% (2/3) | 1 | 0 | 0 |');
    expect(md).toContain('| `qa/numbers-differ` | 0 | 0 | 0 | 1 |');
    const open = md.slice(md.indexOf('**Open errors and warnings (2)**'), md.indexOf('**Resolved'));
    expect(
      open
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .map((l) => l.split(' · ')[0]),
    ).toEqual(['- error `1` en, ko', '- warning `2` en, ja']);
    expect(md).toContain('Markup \\<br\\> appears 0× in en and 1× in ja \\| pipe \\*star\\*.');
    expect(md).not.toContain('state-not-final`: ');
    expect(md).toContain('- `51011` en, ko · `qa/numbers-differ` in `vendor`: ');
    expect(md).toContain('→ resolved by `locales/ko/corrections.json:8`');
  });

  it(`stays within ${MARKDOWN_LINE_LIMIT} lines with a "…and N more" tail`, () => {
    const many: Finding[] = Array.from({ length: 150 }, (_, i) => ({
      ruleId: i % 2 ? 'qa/whitespace' : 'qa/end-punctuation',
      severity: 'warning',
      key: String(1000 + i),
      locales: ['ja'],
      message: `Problem ${i}.`,
      layer: i < 100 ? 'merged' : 'vendor',
      origins: [at('locales/ja/vendor.json', i + 3)],
      ...(i < 100 ? {} : { resolvedBy: [at(`locales/ja/corrections-${i % 3}.json`, i, 'corrections')] }),
    }));
    const md = reportMarkdown(many, catalog);
    const lines = md.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(MARKDOWN_LINE_LIMIT);
    expect(md).toMatch(/- …and \d+ more/);
    expect(md).toContain('**Open errors and warnings (100)**');
    expect(md).toContain('**Resolved by a later layer (50)**');
  });

  it('says so when there is nothing to report', () => {
    expect(reportMarkdown([], catalog)).toContain('No findings.');
  });
});

describe('reportText', () => {
  it('prints open errors and warnings, resolved findings with what resolved them, and the counts', () => {
    expect(reportText(findings)).toBe(
      [
        'locales/ko/vendor.json:3  error  1 (en, ko): The ko text lacks {code}.  [qa/placeholders-differ]',
        'locales/ja/vendor.json:4  warning  2 (en, ja): Markup <br> appears 0× in en and 1× in ja | pipe *star*.  [qa/markup-differs]',
        'locales/ko/vendor.json:354  resolved  51011 (en, ko) in layer vendor: Numbers differ: en has “32 characters”, which ko lacks; ko has “20”, which en lacks.  [qa/numbers-differ]',
        '    resolved by locales/ko/corrections.json:8',
        '1 error, 1 warning, 1 info open; 1 resolved by a later layer.',
        '',
      ].join('\n'),
    );
    expect(reportText(findings, { quiet: true }).split('\n')).toHaveLength(3);
    expect(reportText(findings, { infos: true })).toContain('[qa/state-not-final]');
  });
});
