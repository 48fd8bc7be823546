/**
 * From outlined rows to one message per key. Guarantees: every key appears
 * once (the first row wins; a duplicated row is a doubt naming both lines),
 * section key lists are in document order, markup cut by the document is
 * closed or reported (see closeMarkup), and an empty vendor message is a doubt,
 * never an empty string.
 */
import { closeMarkup } from './repairs.js';
import type { OutlineSection } from './outline.js';
import { IMPORT_RULES, type ImportReport } from './report.js';
import type { VendorRow } from './vendor-lines.js';

export interface ImportedSection {
  id: string;
  title: string;
  /** Keys in document order. */
  keys: string[];
}

export interface KeptMessage {
  /** The vendor text after repairs; '' when the vendor leaves it empty. */
  text: string;
  line: number;
}

export function collectMessages(
  outlined: OutlineSection[],
  report: ImportReport,
): { sections: ImportedSection[]; messages: Map<string, KeptMessage> } {
  const kept = new Map<string, { row: VendorRow; text: string; section: string }>();
  const sections: ImportedSection[] = [];

  for (const section of outlined) {
    const keys: string[] = [];
    for (const row of section.rows) {
      const text = repairMarkup(row, report);
      const first = kept.get(row.key);
      if (!first) {
        kept.set(row.key, { row, text, section: section.id });
        keys.push(row.key);
        continue;
      }
      const where = first.section === section.id ? '' : ` (sections “${first.section}” and “${section.id}”)`;
      const lines = `lines ${first.row.line} and ${row.line}${where}`;
      if (text === first.text) {
        report.doubt(IMPORT_RULES.duplicateRow, `The vendor document has a duplicated row at ${lines} with the same text; kept one.`, {
          line: row.line,
          key: row.key,
        });
      } else if (first.text === '') {
        report.doubt(
          IMPORT_RULES.duplicateRow,
          `The vendor document has two different rows for this code at ${lines}; kept the one at line ${row.line}, as line ${first.row.line} is empty.`,
          { line: row.line, key: row.key },
        );
        kept.set(row.key, { ...first, row, text });
      } else {
        report.doubt(
          IMPORT_RULES.duplicateRow,
          `The vendor document has two different rows for this code at ${lines}; kept the first (line ${first.row.line}).`,
          { line: row.line, key: row.key },
        );
      }
    }
    sections.push({ id: section.id, title: section.title, keys });
  }

  const messages = new Map<string, KeptMessage>();
  for (const [key, { row, text }] of kept) {
    if (text === '') {
      const why = row.cut ? `line ${row.line}: the row stops right after the code` : `line ${row.line}`;
      report.doubt(IMPORT_RULES.emptyMessage, `The vendor document leaves this message empty (${why}).`, { line: row.line, key });
    }
    messages.set(key, { text, line: row.line });
  }
  return { sections, messages };
}

/** The row's text with markup the document cut closed, each repair and doubt reported. */
function repairMarkup(row: VendorRow, report: ImportReport): string {
  const { text, changes } = closeMarkup(row.text);
  for (const change of changes) {
    const at = { line: row.line, key: row.key };
    if (change.kind === 'closed') {
      report.repair(IMPORT_RULES.markupClosed, `Closed markup the document cut in the message at line ${row.line}: ${change.detail}.`, at);
    } else if (change.kind === 'truncated') {
      report.doubt(IMPORT_RULES.markupTruncated, `The message at line ${row.line} ends in a cut tag: ${change.detail}.`, at);
    } else {
      report.doubt(IMPORT_RULES.markupUnclosed, `The message at line ${row.line} has unclosed markup: ${change.detail}.`, at);
    }
  }
  return text;
}
