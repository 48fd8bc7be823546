/**
 * What a rule is: the kind of problem it reports (which chooses the exit
 * code), its default severity and a one-line explanation.
 *
 * Each stage defines the rules it reports in a table of its own, next to the
 * code that reports them (json/rules.ts, config/rules.ts, catalog/rules.ts,
 * output/rules.ts, emit/rules.ts, review/rules.ts, targets/rules.ts,
 * import/rules.ts and import/<format>/rules.ts, diff/rules.ts), and adds its
 * ids to RuleIds. generator/rules.ts assembles the one catalogue where all
 * stages meet. This module, at the bottom, imports none of them.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * What went wrong, for the exit code of a command: 1 for `input`, 2 for the
 * others (generator/cli/common.ts).
 * - `input`: a source file, the catalog or an imported document is invalid;
 * - `config`: the config cannot be used as written;
 * - `output`: the output folder cannot be written as asked;
 * - `usage`: the command line names something that does not exist.
 */
export type RuleKind = 'input' | 'config' | 'output' | 'usage';

export interface RuleInfo {
  kind: RuleKind;
  severity: Severity;
  explanation: string;
}

/**
 * Every rule id, as the keys of this interface. Empty here: each rules table
 * adds its ids by declaration merging, so that a diagnostic with an id no
 * table defines does not compile, while this module depends on no stage:
 *
 *     declare module '../diagnostics/rule.js' {
 *       interface RuleIds extends Record<keyof typeof CONFIG_RULES, true> {}
 *     }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, as above
export interface RuleIds {}

/** A rule id of the catalogue: `schema/required`, `config/unknown-target`, `qa/numbers-differ`… */
export type RuleId = keyof RuleIds & string;

/**
 * A table of rules of one kind, each given the kind:
 * `rulesOf('config', { 'config/unreadable': { severity: 'error', explanation: '…' } })`.
 * The ids and severities keep their literal types.
 */
export function rulesOf<const K extends RuleKind, const T extends Record<string, Omit<RuleInfo, 'kind'>>>(
  kind: K,
  rules: T,
): { readonly [R in keyof T]: T[R] & { readonly kind: K } } {
  return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, { kind, ...rule }])) as {
    readonly [R in keyof T]: T[R] & { readonly kind: K };
  };
}
