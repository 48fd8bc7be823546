import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { formatImportReport } from '../../generator/import/write-report.js';

describe('formatImportReport', () => {
  it('prints one line per item, repairs before doubts, each group by line', () => {
    const report: Diagnostic[] = [
      {
        ruleId: 'import/empty-message',
        severity: 'warning',
        message: 'The vendor document leaves this message empty (line 40).',
        place: { file: 'v.txt', line: 40 },
        key: '6206',
      },
      { ruleId: 'import/range-joined', severity: 'info', message: 'Joined the range.', place: { file: 'v.txt', line: 396, endLine: 399 } },
      { ruleId: 'import/duplicate-row', severity: 'warning', message: 'Duplicated.', place: { file: 'v.txt', line: 7 } },
      { ruleId: 'import/cover-skipped', severity: 'info', message: 'Skipped the cover.', place: { file: 'v.txt', line: 3 } },
      { ruleId: 'import/key-only-in-locale', severity: 'warning', message: 'Only in ja.', place: { file: 'v.txt' } },
    ];
    expect(formatImportReport(report)).toBe(
      [
        'v.txt:3  import/cover-skipped  Skipped the cover.',
        'v.txt:396  import/range-joined  Joined the range.',
        'v.txt  import/key-only-in-locale  Only in ja.',
        'v.txt:7  import/duplicate-row  Duplicated.',
        'v.txt:40  import/empty-message  The vendor document leaves this message empty (line 40).',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for an empty report', () => {
    expect(formatImportReport([])).toBe('');
  });
});
