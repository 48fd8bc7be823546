/**
 * The two ways `codebook diff` prints its result: a text report grouped by
 * severity (breaking first), and `--format json` with the change objects as
 * `diffCatalogs` returns them plus counts.
 */
import { styleText } from 'node:util';
import { CHANGE_KINDS, SEVERITY_ORDER, type Change, type ChangeKind, type ChangeSeverity } from './diff.js';

export interface DiffReportOptions {
  /** Breaking changes that do not fail the check (`--allow`, `--allow-breaking`). */
  allowed: 'all' | ReadonlySet<string>;
  color?: boolean;
}

export interface DiffSummary {
  breaking: number;
  warning: number;
  info: number;
  /** Breaking changes not allowed: the check fails when this is not 0. */
  blocking: number;
}

const HEADINGS: Record<ChangeSeverity, string> = { breaking: 'Breaking changes', warning: 'Warnings', info: 'Info' };
const COLORS = { breaking: 'red', warning: 'yellow', info: 'cyan' } as const;
const KIND_WIDTH = 'translation-removed'.length;

export function isAllowed(change: Change, allowed: 'all' | ReadonlySet<string>): boolean {
  return change.severity === 'breaking' && (allowed === 'all' || allowed.has(change.kind));
}

export function summarize(changes: readonly Change[], allowed: 'all' | ReadonlySet<string>): DiffSummary {
  const count = (s: ChangeSeverity) => changes.filter((c) => c.severity === s).length;
  return {
    breaking: count('breaking'),
    warning: count('warning'),
    info: count('info'),
    blocking: changes.filter((c) => c.severity === 'breaking' && !isAllowed(c, allowed)).length,
  };
}

export function formatDiffText(changes: readonly Change[], options: DiffReportOptions): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (options.color ? styleText(style, text) : text);
  if (changes.length === 0) return 'No changes.\n';
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const group = changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(paint(['bold', COLORS[severity]], `${HEADINGS[severity]} (${group.length}):`));
    for (const change of sharedTextsTogether(group)) {
      const allowed = isAllowed(change, options.allowed) ? paint('gray', '  (allowed)') : '';
      lines.push(`  ${change.kind.padEnd(KIND_WIDTH)}  ${change.message}${allowed}`);
      for (const detail of details(change)) lines.push(`  ${' '.repeat(KIND_WIDTH)}    ${detail}`);
    }
  }
  const summary = summarize(changes, options.allowed);
  lines.push('', `${summary.breaking} breaking, ${summary.warning} warning(s), ${summary.info} info.${verdict(changes, summary)}`);
  return `${lines.join('\n')}\n`;
}

function verdict(changes: readonly Change[], summary: DiffSummary): string {
  if (summary.blocking > 0) {
    const present = new Set(changes.filter((c) => c.severity === 'breaking').map((c) => c.kind));
    const kinds = Object.keys(CHANGE_KINDS).filter((k) => present.has(k as ChangeKind));
    return ` The breaking changes fail the check; accept them with --allow-breaking or --allow ${kinds.join(',')}.`;
  }
  return summary.breaking > 0 ? ' The breaking changes are allowed.' : '';
}

/**
 * One entry per reworded shared user text: a base upgrade that rewords the
 * text 155 codes show is one change to read, with the codes listed, not 155.
 */
function sharedTextsTogether(group: readonly Change[]): Change[] {
  const byText = new Map<string, Extract<Change, { kind: 'user-text-changed' }>[]>();
  const out: Change[] = [];
  for (const change of group) {
    if (change.kind !== 'user-text-changed') {
      out.push(change);
      continue;
    }
    const id = JSON.stringify([change.locale, change.old, change.new]);
    const same = byText.get(id);
    if (same) same.push(change);
    else {
      byText.set(id, [change]);
      out.push(change);
    }
  }
  return out.map((change) => {
    if (change.kind !== 'user-text-changed') return change;
    const same = byText.get(JSON.stringify([change.locale, change.old, change.new]))!;
    if (same.length === 1) return change;
    const keys = same.map((c) => c.key);
    const listed = keys.length > 12 ? `${keys.slice(0, 10).join(', ')} and ${keys.length - 10} more` : keys.join(', ');
    return {
      ...change,
      message: `The ${change.locale} user message of ${keys.length} codes was ${change.old === undefined ? 'added' : change.new === undefined ? 'removed' : 'reworded'} (${listed}).`,
    };
  });
}

/** Old and new text under a text change, quoted as JSON strings so whitespace and newlines show. */
function details(change: Change): string[] {
  switch (change.kind) {
    case 'user-text-changed':
      return [
        ...(change.old === undefined ? [] : [`- ${JSON.stringify(change.old)}`]),
        ...(change.new === undefined ? [] : [`+ ${JSON.stringify(change.new)}`]),
      ];
    case 'text-changed':
      return [`- ${JSON.stringify(change.old)}`, `+ ${JSON.stringify(change.new)}`];
    case 'translation-removed':
      return [`- ${JSON.stringify(change.old)}`];
    case 'translation-added':
      return [`+ ${JSON.stringify(change.new)}`];
    default:
      return [];
  }
}

/** `--format json`: `{ summary, changes }`; allowed breaking changes carry `"allowed": true`. */
export function formatDiffJson(changes: readonly Change[], options: Pick<DiffReportOptions, 'allowed'>): string {
  const out = {
    summary: summarize(changes, options.allowed),
    changes: changes.map((c) => (isAllowed(c, options.allowed) ? { ...c, allowed: true } : c)),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
