/**
 * Human-readable import report: one line per diagnostic,
 * `file:line  ruleId  message`, repairs (info) first, then doubts (warning),
 * then errors; inside each group by file and line, ties in the given order.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const GROUP_ORDER: Record<Diagnostic['severity'], number> = { info: 0, warning: 1, error: 2 };

export function formatImportReport(report: Diagnostic[]): string {
  return report
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        GROUP_ORDER[a.d.severity] - GROUP_ORDER[b.d.severity] ||
        compareText(a.d.place?.file ?? '', b.d.place?.file ?? '') ||
        (a.d.place?.line ?? 0) - (b.d.place?.line ?? 0) ||
        a.i - b.i,
    )
    .map(({ d }) => `${where(d)}  ${d.ruleId}  ${d.message}\n`)
    .join('');
}

function where(d: Diagnostic): string {
  const file = d.place?.file ?? '-';
  return d.place?.line === undefined ? file : `${file}:${d.place.line}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
