/**
 * What every importer of a translated file does the same way: read its file
 * into a document or say why it cannot be read, report a rule of its table
 * at a line:column of that file, and find the entries given twice.
 */
import type { Diagnostic, RuleId, Severity } from '../../diagnostics/diagnostic.js';
import type { At } from './apply.js';
import type { RouterRule, WriterRule } from './rules.js';

/** A file read into its document, or why it cannot be (`rule`: the suffix of the format's rule id, `syntax` unless said). */
export type ReadResult<T, R extends string = 'syntax'> = { ok: true; doc: T } | { ok: false; rule: R; message: string; at: At };

export type Reporter<Id extends RuleId> = (ruleId: Id, message: string, at: At, extra?: Partial<Diagnostic>) => void;

/** Reports a rule of `rules` at a place in `fileName`, onto `diagnostics`. */
export function reporter<Id extends RuleId>(
  rules: { readonly [R in Id]: { readonly severity: Severity } },
  fileName: string,
  diagnostics: Diagnostic[],
): Reporter<Id> {
  return (ruleId, message, at, extra = {}) => {
    diagnostics.push({
      ruleId,
      severity: rules[ruleId].severity,
      message,
      place: { file: fileName, line: at.line, column: at.column },
      ...extra,
    });
  };
}

/**
 * `report` for the rules every format shares (translations/rules.ts), named by their suffix and
 * reported under the format's prefix: `shadowed` as `po-import/shadowed`. Each format's table
 * holds them (sharedImportRules), so the prefixed id is one of its ids.
 */
export function sharedReporter<Id extends RuleId>(
  report: Reporter<Id>,
  prefix: string,
): (rule: WriterRule | RouterRule, message: string, at: At, extra?: Partial<Diagnostic>) => void {
  return (rule, message, at, extra) => report(`${prefix}/${rule}` as Id, message, at, extra);
}

/** The first item of each name, and the names given more than once (items without a name are left out). */
export function firstOfEach<T>(
  items: readonly T[],
  nameOf: (item: T) => string | undefined,
): { first: Map<string, T>; repeated: Set<string> } {
  const first = new Map<string, T>();
  const repeated = new Set<string>();
  for (const item of items) {
    const name = nameOf(item);
    if (name === undefined) continue;
    if (first.has(name)) repeated.add(name);
    else first.set(name, item);
  }
  return { first, repeated };
}
