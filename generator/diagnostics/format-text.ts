/**
 * Diagnostics for people: one line per problem (`file:line:col  severity
 * message  [rule]`), then the source line with a caret, then the notes.
 * Colour only when the stream is a terminal and NO_COLOR is unset (or
 * FORCE_COLOR is set), per no-color.org. Warnings of one rule and locale
 * beyond the first few are counted, not printed: a project that adds a
 * locale to a 400-code base must not scroll 400 lines past its one error.
 */
import { styleText } from 'node:util';
import type { Diagnostic, Place } from './diagnostic.js';

export interface TextFormatOptions {
  color: boolean;
  /** Source texts by path, for code frames. */
  texts?: ReadonlyMap<string, string>;
}

type Style = Parameters<typeof styleText>[0];

/** Warnings (and infos) of one rule in one locale printed in full; the rest are summed up in one line. */
export const SHOWN_PER_RULE = 5;

export function formatDiagnosticsText(diagnostics: readonly Diagnostic[], options: TextFormatOptions): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text) : text);
  const lines: string[] = [];
  const sourceLines = new Map<string, string[]>();
  const linesOf = (file: string): string[] | undefined => {
    const text = options.texts?.get(file);
    if (text === undefined) return undefined;
    let split = sourceLines.get(file);
    if (!split) sourceLines.set(file, (split = text.split(/\r?\n/)));
    return split;
  };
  const shown = new Map<string, number>();
  for (const d of sortDiagnostics(diagnostics)) {
    if (d.severity !== 'error') {
      const group = `${d.ruleId}\u0000${d.locale ?? ''}`;
      const count = (shown.get(group) ?? 0) + 1;
      shown.set(group, count);
      if (count > SHOWN_PER_RULE) continue;
    }
    const severity = paint(d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan', d.severity);
    lines.push(`${paint('bold', placeText(d.place) || 'codebook')}  ${severity}  ${d.message}  ${paint('gray', `[${d.ruleId}]`)}`);
    const frame = codeFrame(d.place, linesOf);
    if (frame) lines.push(...frame.map((l) => paint('gray', l)));
    for (const note of d.notes ?? []) lines.push(`    note: ${note.message}${note.place ? ` (${placeText(note.place)})` : ''}`);
    if (d.hint) lines.push(`    hint: ${d.hint}`);
  }
  for (const [group, count] of shown) {
    if (count <= SHOWN_PER_RULE) continue;
    const [ruleId, locale] = group.split('\u0000');
    lines.push(
      `${paint('bold', 'codebook')}  … and ${count - SHOWN_PER_RULE} more [${ruleId}]${locale ? ` for ${locale}` : ''}, not shown: --format json lists every one${ruleId!.startsWith('completeness/') ? ', codebook status counts them' : ''}.`,
    );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) lines.push(`${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n');
}

export function placeText(place: Place | undefined): string {
  if (!place) return '';
  if (place.line === undefined) return place.file;
  return `${place.file}:${place.line}:${place.column ?? 1}`;
}

/** The source line with a caret under the column; `linesOf` splits each file once, however many problems it has. */
function codeFrame(place: Place | undefined, linesOf: (file: string) => string[] | undefined): string[] | undefined {
  if (!place?.line) return undefined;
  const line = linesOf(place.file)?.[place.line - 1];
  if (line === undefined) return undefined;
  const gutter = String(place.line).length;
  const shown = line.length > 160 ? `${line.slice(0, 157)}...` : line;
  return [`  ${place.line} | ${shown}`, `  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, (place.column ?? 1) - 1))}^`];
}

/** Rules of files that did not load or could not be written: the root causes, printed before what follows from them. */
const ROOT_CAUSE = /^(source|json|schema|config|output|registry\/number-form)\b/;

/** Root causes first, then file, line, column, rule: the same order on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const keyed = diagnostics.map((d) => ({
    d,
    key: [ROOT_CAUSE.test(d.ruleId) ? 0 : 1, d.place?.file ?? '', d.place?.line ?? 0, d.place?.column ?? 0, d.ruleId, d.message] as const,
  }));
  keyed.sort(({ key: ka }, { key: kb }) => {
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
  return keyed.map(({ d }) => d);
}
