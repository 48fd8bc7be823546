/**
 * The importer's diagnostics: every rule id it can emit, and the two ways it
 * reports — a repair (severity 'info', the text was changed mechanically) or a
 * doubt (severity 'warning', something a person has to decide). Every
 * diagnostic names the vendor file and line it is about.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { VendorImportRuleId } from './rules.js';

/** The rules of rules.ts by the names the importer's code uses. */
export const IMPORT_RULES = {
  coverSkipped: 'import/cover-skipped',
  introSkipped: 'import/intro-skipped',
  notesSkipped: 'import/notes-skipped',
  pageBreakJoined: 'import/page-break-joined',
  pageBreakAmbiguous: 'import/page-break-ambiguous',
  rangeJoined: 'import/range-joined',
  rangeIncomplete: 'import/range-incomplete',
  straySeparator: 'import/stray-separator',
  markupClosed: 'import/markup-closed',
  markupTruncated: 'import/markup-truncated',
  markupUnclosed: 'import/markup-unclosed',
  rowUnclosed: 'import/row-unclosed',
  duplicateRow: 'import/duplicate-row',
  emptyMessage: 'import/empty-message',
  unknownHeading: 'import/unknown-heading',
  duplicateHeading: 'import/duplicate-heading',
  rowOutsideSection: 'import/row-outside-section',
  unrecognizedLine: 'import/unrecognized-line',
  noPartHeading: 'import/no-part-heading',
  icuRoundTrip: 'import/icu-round-trip',
  keyOnlyInLocale: 'import/key-only-in-locale',
} as const satisfies Record<string, VendorImportRuleId>;

export type ImportRuleId = (typeof IMPORT_RULES)[keyof typeof IMPORT_RULES];

/** Where a diagnostic points: the vendor file, a line, optionally the last line of a span. */
export interface ReportPlace {
  line?: number;
  endLine?: number;
  key?: string;
}

/** Collects diagnostics for one vendor file; knows the file name and locale so callers give only line and key. */
export class ImportReport {
  readonly items: Diagnostic[] = [];

  constructor(
    readonly sourceName: string,
    readonly locale: string,
  ) {}

  /** A mechanical change to the vendor text (report only). */
  repair(ruleId: ImportRuleId, message: string, at: ReportPlace = {}): Diagnostic {
    return this.add('info', ruleId, message, at);
  }

  /** Something the importer could not decide; when it has a key, it is also written into the locale file. */
  doubt(ruleId: ImportRuleId, message: string, at: ReportPlace = {}): Diagnostic {
    return this.add('warning', ruleId, message, at);
  }

  /** A broken guarantee of the importer itself (never expected). */
  error(ruleId: ImportRuleId, message: string, at: ReportPlace = {}): Diagnostic {
    return this.add('error', ruleId, message, at);
  }

  /** Diagnostics by line (document order; ties keep the order they were made in). */
  sorted(): Diagnostic[] {
    return this.items
      .map((d, i) => ({ d, i }))
      .sort((a, b) => (a.d.place?.line ?? 0) - (b.d.place?.line ?? 0) || a.i - b.i)
      .map(({ d }) => d);
  }

  private add(severity: Diagnostic['severity'], ruleId: ImportRuleId, message: string, at: ReportPlace): Diagnostic {
    const place: Diagnostic['place'] = { file: this.sourceName };
    if (at.line !== undefined) place.line = at.line;
    if (at.endLine !== undefined && at.endLine !== at.line) place.endLine = at.endLine;
    const d: Diagnostic = { ruleId, severity, message, place, locale: this.locale };
    if (at.key !== undefined) d.key = at.key;
    this.items.push(d);
    return d;
  }
}

/** "line 40" or "lines 56–58". */
export function linesText(line: number, endLine?: number): string {
  return endLine !== undefined && endLine !== line ? `lines ${line}–${endLine}` : `line ${line}`;
}

/** A vendor snippet quoted for a message, shortened to `max` characters, tabs shown as "⇥". */
export function quote(text: string, max = 40): string {
  const shown = text.replace(/\t/g, '⇥');
  return `“${shown.length > max ? `${shown.slice(0, max - 1)}…` : shown}”`;
}
