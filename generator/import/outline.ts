/**
 * The document's outline: which rows belong to which section. Skips the cover
 * page (everything before the first part heading), intro notes ("説明:" and
 * the text lines after it) and the closing notes ("ご注意:" and the text
 * lines after it), reporting each skip; a note block never swallows a row,
 * a table header or a heading. A section heading is a text line
 * followed by a table header; a table right under a part heading is that
 * part's only section. Every other line it cannot place becomes a doubt.
 */
import { IMPORT_RULES, type ImportReport, linesText, quote } from './report.js';
import { PART_PREFIX, sectionIdFor, sectionRank } from './sections.js';
import type { VendorItem, VendorRow } from './vendor-lines.js';

export interface OutlineSection {
  id: string;
  title: string;
  /** Line of the heading (or of the part heading for a part without sub-headings). */
  line: number;
  rows: VendorRow[];
}

export function outline(items: VendorItem[], report: ImportReport): OutlineSection[] {
  const content = items.filter((it) => it.kind !== 'blank');
  const firstPart = skipCover(content, report);
  if (firstPart < 0) return [];
  const state: OutlineState = { sections: new Map(), part: undefined, report };
  let current: OutlineSection | undefined;

  for (let i = firstPart; i < content.length; i++) {
    const item = content[i];
    switch (item.kind) {
      case 'part':
        state.part = { ordinal: item.ordinal, title: item.title, line: item.line, headings: 0 };
        current = undefined;
        break;
      case 'note': {
        const end = noteEnd(content, i);
        const last = content[end - 1].line;
        const rule = item.note === 'intro' ? IMPORT_RULES.introSkipped : IMPORT_RULES.notesSkipped;
        const what = item.note === 'intro' ? 'intro note' : 'closing notes';
        report.repair(rule, `Skipped the ${what} ${quote(item.text)} (${linesText(item.line, last)}).`, { line: item.line, endLine: last });
        i = end - 1;
        break;
      }
      case 'text':
        if (content[i + 1]?.kind === 'table-header') {
          current = enter(state, item.text, item.line);
        } else {
          report.doubt(
            IMPORT_RULES.unrecognizedLine,
            `Left out line ${item.line} ${quote(item.text)}: it is not a row, a heading or a note.`,
            {
              line: item.line,
            },
          );
        }
        break;
      case 'table-header':
        current ??= enter(state, null, item.line);
        break;
      case 'row':
        if (!current) {
          report.doubt(IMPORT_RULES.rowOutsideSection, `The row at line ${item.line} comes before any table header in its part.`, {
            line: item.line,
            key: item.row.key,
          });
          current = enter(state, null, item.line);
        }
        current.rows.push(item.row);
        break;
    }
  }

  return [...state.sections.values()]
    .map((s, i) => ({ s, i }))
    .sort((a, b) => sectionRank(a.s.id) - sectionRank(b.s.id) || a.i - b.i)
    .map(({ s }) => s);
}

/** The sections found so far and the part being read. */
interface OutlineState {
  sections: Map<string, OutlineSection>;
  part: { ordinal: number; title: string; line: number; headings: number } | undefined;
  report: ImportReport;
}

/** The index of the first part heading, the cover before it reported as skipped; -1 (a doubt) when there is none. */
function skipCover(content: VendorItem[], report: ImportReport): number {
  const firstPart = content.findIndex((it) => it.kind === 'part');
  if (firstPart < 0) {
    report.doubt(IMPORT_RULES.noPartHeading, 'Found no part heading such as “(1) IM SDK …”; nothing was imported.', {
      line: content[0]?.line ?? 1,
    });
  } else if (firstPart > 0) {
    const from = content[0].line;
    const to = content[firstPart - 1].line;
    report.repair(IMPORT_RULES.coverSkipped, `Skipped the cover page (${linesText(from, to)}) before the first part heading.`, {
      line: from,
      endLine: to,
    });
  }
  return firstPart;
}

/** Index just past the note block that starts at `start`: its label and the plain text lines after it (never a row or heading). */
function noteEnd(content: VendorItem[], start: number): number {
  let j = start + 1;
  for (; j < content.length; j++) {
    const it = content[j];
    if (it.kind !== 'text' || content[j + 1]?.kind === 'table-header') break;
  }
  return j;
}

/** The section a heading (null: a table without one) starts in the current part; a known section again when it repeats one. */
function enter(state: OutlineState, heading: string | null, line: number): OutlineSection {
  const { sections, report } = state;
  const p = state.part!;
  p.headings += 1;
  let id: string | undefined = sectionIdFor(p.ordinal, heading);
  const title = heading ?? p.title;
  if (id === undefined) {
    id = `${PART_PREFIX[p.ordinal] ?? `part${p.ordinal}`}-section-${p.headings}`;
    report.doubt(
      IMPORT_RULES.unknownHeading,
      heading === null
        ? `The table at line ${line} has no heading in part ${p.ordinal}; its rows are filed under the section “${id}”.`
        : `The heading ${quote(heading)} at line ${line} is not a known heading of part ${p.ordinal}; its rows are filed under the section “${id}”.`,
      { line },
    );
  }
  const existing = sections.get(id);
  if (existing) {
    report.doubt(
      IMPORT_RULES.duplicateHeading,
      `The heading ${quote(title)} at line ${line} repeats the section “${id}” of line ${existing.line}; its rows are added to that section.`,
      { line },
    );
    return existing;
  }
  const section: OutlineSection = { id, title, line, rows: [] };
  sections.set(id, section);
  return section;
}
