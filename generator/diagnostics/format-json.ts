/**
 * `--format json`: ESLint's result shape (one entry per file with its
 * messages and counts), so existing CI annotators read it, plus our own
 * fields (pointer, locale, key, target, notes).
 */
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './format-text.js';

export interface JsonFileResult {
  filePath: string;
  messages: {
    ruleId: string;
    severity: 0 | 1 | 2;
    level: Diagnostic['severity'];
    message: string;
    line?: number;
    column?: number;
    endLine?: number;
    endColumn?: number;
    pointer?: string;
    locale?: string;
    key?: string;
    target?: string;
    hint?: string;
    notes?: Diagnostic['notes'];
  }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const byFile = new Map<string, JsonFileResult>();
  for (const d of sortDiagnostics(diagnostics)) {
    const filePath = d.place?.file ?? '';
    let entry = byFile.get(filePath);
    if (!entry) {
      entry = { filePath, messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 };
      byFile.set(filePath, entry);
    }
    entry.messages.push({
      ruleId: d.ruleId,
      severity: d.severity === 'error' ? 2 : d.severity === 'warning' ? 1 : 0,
      level: d.severity,
      message: d.message,
      line: d.place?.line,
      column: d.place?.column,
      endLine: d.place?.endLine,
      endColumn: d.place?.endColumn,
      pointer: d.place?.pointer,
      locale: d.locale,
      key: d.key,
      target: d.target,
      hint: d.hint,
      notes: d.notes,
    });
    if (d.severity === 'error') entry.errorCount++;
    if (d.severity === 'warning') entry.warningCount++;
  }
  return JSON.stringify([...byFile.values()], null, 2);
}
