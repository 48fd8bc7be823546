/**
 * The one shape every stage reports problems in. Stages return diagnostics
 * instead of throwing, so a run can report every problem at once; only the
 * CLI prints them and turns them into an exit code.
 */
import type { RuleId, Severity } from './rule.js';

export type { RuleId, Severity } from './rule.js';

/** Where a problem is: a file, and inside it a line:column (1-based) and/or a JSON pointer. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  pointer?: string;
}

export interface Note {
  message: string;
  place?: Place;
}

export interface Diagnostic {
  /** Kebab-case, prefixed by the stage: `schema/required`, `merge/conflict`; an id of the rule catalogue (see rule.ts). */
  ruleId: RuleId;
  severity: Severity;
  message: string;
  place?: Place;
  notes?: Note[];
  locale?: string;
  key?: string;
  target?: string;
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
