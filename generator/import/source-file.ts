/**
 * The locale source file an import writes, as canonical text (stringifySource:
 * messages sorted by key, same input → same bytes). A message is its ICU
 * source as a plain string, or `{ text?, doubts }` when the report holds
 * doubts about its key — the doubts are the report's warning messages for
 * that key, in line order; an empty vendor message has no `text`. Every text
 * is checked to round-trip through the ICU parser; a failure is an error in
 * the report (the importer's own bug, never expected).
 */
import { stringifySource } from '../catalog/source-json.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { icuLiteral, isIcuLiteralOf } from './icu-literal.js';
import type { ImportedSection, KeptMessage } from './messages.js';
import { IMPORT_RULES, type ImportReport } from './report.js';

export const MESSAGES_SCHEMA_REF = '../../schema/messages.schema.json';

export type SourceMessage = string | { text?: string; doubts?: string[] };

export function buildSourceFile(
  locale: string,
  sections: ImportedSection[],
  messages: Map<string, KeptMessage>,
  report: ImportReport,
): string {
  const doubts = doubtsByKey(report.sorted());
  const out: Record<string, SourceMessage> = {};
  for (const [key, { text, line }] of messages) {
    const source = text === '' ? undefined : icuLiteral(text);
    if (source !== undefined && !isIcuLiteralOf(source, text)) {
      report.error(
        IMPORT_RULES.icuRoundTrip,
        `The ICU source written for the message at line ${line} does not read back as the vendor text.`,
        {
          line,
          key,
        },
      );
    }
    const own = doubts.get(key);
    if (own === undefined && source !== undefined) out[key] = source;
    else out[key] = source === undefined ? { doubts: own ?? [] } : { text: source, doubts: own };
  }
  const titles: Record<string, string> = {};
  for (const s of sections) titles[s.id] = s.title;
  return stringifySource({ $schema: MESSAGES_SCHEMA_REF, locale, sections: titles, messages: out });
}

function doubtsByKey(report: Diagnostic[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const d of report) {
    if (d.severity !== 'warning' || d.key === undefined) continue;
    const list = byKey.get(d.key) ?? [];
    if (!list.includes(d.message)) list.push(d.message);
    byKey.set(d.key, list);
  }
  return byKey;
}
