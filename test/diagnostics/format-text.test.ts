/** The text format: every error printed, warnings of one rule and locale beyond the first few summed up. */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { formatDiagnosticsText, SHOWN_PER_RULE } from '../../generator/diagnostics/format-text.js';

const missing = (key: number, locale: string): Diagnostic => ({
  ruleId: 'completeness/missing',
  severity: 'warning',
  message: `Key ${key} has no ${locale} text; apps fall back to en.`,
  place: { file: 'codes.json', line: key, column: 5 },
  locale,
});

describe('formatDiagnosticsText', () => {
  it('prints every error, the first warnings of each rule and locale, and counts the rest', () => {
    const de = Array.from({ length: 12 }, (_, i) => missing(i + 1, 'de'));
    const fr = Array.from({ length: 3 }, (_, i) => missing(i + 1, 'fr'));
    const errors: Diagnostic[] = Array.from({ length: 8 }, (_, i) => ({
      ruleId: 'icu/syntax',
      severity: 'error',
      message: `Broken ${i}.`,
      place: { file: 'en.json', line: i + 1, column: 1 },
    }));
    const text = formatDiagnosticsText([...de, ...errors, ...fr], { color: false });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes('[icu/syntax]'))).toHaveLength(8);
    expect(lines.filter((l) => l.includes('no de text'))).toHaveLength(SHOWN_PER_RULE);
    expect(lines.filter((l) => l.includes('no fr text'))).toHaveLength(3);
    expect(lines).toContain(
      `codebook  … and ${12 - SHOWN_PER_RULE} more [completeness/missing] for de, not shown: --format json lists every one, codebook status counts them.`,
    );
    expect(lines.at(-1)).toBe('8 error(s), 15 warning(s)');
  });
});
