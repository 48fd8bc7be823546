/**
 * Reports of the translation review: canonical JSON for tools (keys sorted
 * at every level, findings in review order, one trailing newline), a short
 * Markdown summary for a pull-request comment, and plain text for a
 * terminal (`codebook review`).
 */
import type { Catalog, Origin } from '../catalog/model.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Finding } from './finding.js';
import { keyTableOf, localeCounts } from './key-table.js';
import { compareFindings } from './review-layers.js';
import { pushTo } from '../multimap.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** The Markdown report stays within about this many lines. */
export const MARKDOWN_LINE_LIMIT = 60;

export function provenance(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}

interface LocaleCompleteness {
  translated: number;
  total: number;
  /** Percent, one decimal. */
  complete: number;
}

/** Messages with a non-blank text in each locale, over all messages (counted on the catalog's key table, review/key-table.ts). */
export function completeness(catalog: Catalog): Record<string, LocaleCompleteness> {
  const table = keyTableOf(catalog);
  const total = table.keys.length;
  const counts = localeCounts(table, catalog);
  return Object.fromEntries(
    catalog.locales.map((locale, l) => {
      const translated = counts[l]!.nonBlank;
      return [locale, { translated, total, complete: total === 0 ? 100 : Math.floor((translated / total) * 1000) / 10 }];
    }),
  );
}

export function reportJson(findings: readonly Finding[], catalog: Catalog): string {
  return `${JSON.stringify(sortKeys(reportObject(findings, catalog)), null, 2)}\n`;
}

/** One finding as report.json has it. */
export interface ReportFinding {
  rule: string;
  severity: Severity;
  key: string;
  locales: string[];
  message: string;
  layer: string;
  provenance: string[];
  resolvedBy: string[] | null;
}

/** What report.json holds, before its keys are sorted: the findings in review order and the summary. */
export function reportObject(findings: readonly Finding[], catalog: Catalog): { findings: ReportFinding[]; summary: object } {
  const sorted = [...findings].sort((a, b) => compareFindings(a, b));
  return { findings: sorted.map(reportFinding), summary: reportSummary(sorted, catalog) };
}

function reportFinding(f: Finding): ReportFinding {
  return {
    rule: f.ruleId,
    severity: f.severity,
    key: f.key,
    locales: f.locales,
    message: f.message,
    layer: f.layer,
    provenance: f.origins.map(provenance),
    resolvedBy: f.resolvedBy ? f.resolvedBy.map(provenance) : null,
  };
}

/** Per locale: completeness and the findings involving it by rule; per rule: counts by severity; open by severity; resolved. */
function reportSummary(sorted: readonly Finding[], catalog: Catalog): object {
  const open = sorted.filter((f) => !f.resolvedBy);
  const resolved = sorted.filter((f) => f.resolvedBy);
  const done = completeness(catalog);
  const rules: Record<string, Record<string, number>> = {};
  for (const f of sorted) {
    const r = (rules[f.ruleId] ??= { error: 0, warning: 0, info: 0, resolved: 0 });
    if (f.resolvedBy) r.resolved++;
    else r[f.severity]++;
  }
  const involving = (list: readonly Finding[], locale: string) => countByRule(list.filter((f) => f.locales.includes(locale)));
  return {
    locales: Object.fromEntries(
      catalog.locales.map((locale) => [
        locale,
        {
          ...done[locale],
          source: locale === catalog.sourceLocale,
          open: involving(open, locale),
          resolved: involving(resolved, locale),
        },
      ]),
    ),
    rules,
    open: Object.fromEntries(SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length])),
    resolved: resolved.length,
  };
}

function countByRule(list: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of list) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

/** Keys sorted at every level: what makes report.json canonical. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The Markdown summary, within about MARKDOWN_LINE_LIMIT lines: the locale
 * and rule tables, then the open errors and warnings and the resolved
 * findings, each list cut to the lines left. The review target renders the
 * same context with templates/review/summary.md.hbs.
 */
export function reportMarkdown(findings: readonly Finding[], catalog: Catalog): string {
  return summaryMarkdown(summaryContext(findings, catalog));
}

/** What summary.md shows; list entries are finished Markdown lines (message text escaped and shortened). */
export interface SummaryContext {
  locales: {
    locale: string;
    source: boolean;
    complete: number;
    translated: number;
    total: number;
    errors: number;
    warnings: number;
    info: number;
  }[];
  rules: { rule: string; errors: number; warnings: number; info: number; resolved: number }[];
  /** The lists below the tables, each cut to the lines left; `more` counts the entries left out. */
  lists: { title: string; entries: string[]; more: number }[];
}

export function summaryContext(findings: readonly Finding[], catalog: Catalog): SummaryContext {
  const sorted = [...findings].sort((a, b) => compareFindings(a, b));
  const open = sorted.filter((f) => !f.resolvedBy);
  const locales = localeRows(open, catalog);
  const rules = ruleRows(sorted);
  const lists = findingLists(open, sorted);
  const headLines = 4 + locales.length + (rules.length > 0 ? 3 + rules.length : 2);
  const shown = fitLists(lists, MARKDOWN_LINE_LIMIT - headLines - lists.length * 2);
  return {
    locales,
    rules,
    lists: lists.map((l, i) => ({ title: l.title, entries: l.entries(shown[i]!), more: l.count - shown[i]! })),
  };
}

/** templates/review/summary.md.hbs in TypeScript: what `codebook review --format markdown` prints. */
export function summaryMarkdown(c: SummaryContext): string {
  const lines = ['### Translation review', '', '| locale | complete | errors | warnings | info |', '|---|---:|---:|---:|---:|'];
  for (const l of c.locales)
    lines.push(
      `| ${l.locale}${l.source ? ' (source)' : ''} | ${l.complete}% (${l.translated}/${l.total}) | ${l.errors} | ${l.warnings} | ${l.info} |`,
    );
  if (c.rules.length === 0) lines.push('', 'No findings.');
  else {
    lines.push('', '| rule | errors | warnings | info | resolved |', '|---|---:|---:|---:|---:|');
    for (const r of c.rules) lines.push(`| \`${r.rule}\` | ${r.errors} | ${r.warnings} | ${r.info} | ${r.resolved} |`);
  }
  for (const list of c.lists) {
    lines.push('', list.title, ...list.entries);
    if (list.more > 0) lines.push(`- …and ${list.more} more`);
  }
  return `${lines.join('\n')}\n`;
}

/** Per locale: completeness and open findings by severity. */
function localeRows(open: readonly Finding[], catalog: Catalog): SummaryContext['locales'] {
  const done = completeness(catalog);
  return catalog.locales.map((locale) => {
    const mine = open.filter((f) => f.locales.includes(locale));
    const n = (s: Severity) => mine.filter((f) => f.severity === s).length;
    return {
      locale,
      source: locale === catalog.sourceLocale,
      ...done[locale],
      errors: n('error'),
      warnings: n('warning'),
      info: n('info'),
    };
  });
}

/** Per rule: open findings by severity and resolved ones. */
function ruleRows(sorted: readonly Finding[]): SummaryContext['rules'] {
  return [...new Set(sorted.map((f) => f.ruleId))].sort().map((rule) => {
    const mine = sorted.filter((f) => f.ruleId === rule);
    const n = (s: Severity) => mine.filter((f) => !f.resolvedBy && f.severity === s).length;
    return { rule, errors: n('error'), warnings: n('warning'), info: n('info'), resolved: mine.filter((f) => f.resolvedBy).length };
  });
}

/** A list below the tables: its title, its entry count and its first `n` entries (only the lines shown are written). */
interface FindingList {
  title: string;
  count: number;
  entries(n: number): string[];
}

/** The lists below the tables: open errors and warnings (errors first), then what later layers resolved. */
function findingLists(open: readonly Finding[], sorted: readonly Finding[]): FindingList[] {
  const blocking = bySeverity(open.filter((f) => f.severity !== 'info'));
  const resolved = sorted.filter((f) => f.resolvedBy);
  const sections: FindingList[] = [];
  if (blocking.length > 0)
    sections.push({
      title: `**Open errors and warnings (${blocking.length})**`,
      count: blocking.length,
      entries: (n) => blocking.slice(0, n).map(openLine),
    });
  if (resolved.length > 0) {
    const entries = resolvedEntries(resolved);
    sections.push({
      title: `**Resolved by a later layer (${resolved.length})**`,
      count: entries.length,
      entries: (n) => entries.slice(0, n),
    });
  }
  return sections;
}

/**
 * Findings in compareFindings order, stably sorted by severity (SEVERITIES order, any other first):
 * each severity's findings in the order given, which is the sort by severity, then compareFindings.
 */
function bySeverity(sorted: readonly Finding[]): Finding[] {
  const ranks = [...SEVERITIES.map(() => [] as Finding[]), [] as Finding[]];
  for (const f of sorted) {
    const at = SEVERITIES.indexOf(f.severity);
    ranks[at < 0 ? 0 : at + 1]!.push(f);
  }
  return ranks.flat();
}

/**
 * How many entries of each list fit in `available` lines: the open problems
 * first, keeping room for up to 6 entries (and a "more" line) of each later list.
 */
function fitLists(sections: readonly { count: number }[], available: number): number[] {
  return sections.map((s, i) => {
    const reserve = sections.slice(i + 1).reduce((n, later) => n + Math.min(later.count, 6) + (later.count > 6 ? 1 : 0), 0);
    const room = available - reserve;
    const count = s.count <= room ? s.count : Math.max(3, room - 1);
    available -= count + (count < s.count ? 1 : 0);
    return count;
  });
}

function openLine(f: Finding): string {
  return `- ${f.severity} \`${f.key}\` ${f.locales.join(', ')} · \`${f.ruleId}\`: ${inline(f.message)} (${where(f.origins)})`;
}

function resolvedLine(f: Finding): string {
  return `- \`${f.key}\` ${f.locales.join(', ')} · \`${f.ruleId}\` in \`${f.layer}\`: ${inline(f.message)} (${where(f.origins)}) → resolved by ${where(f.resolvedBy ?? [])}`;
}

/**
 * Resolved findings of one rule and layer that the same files resolved are
 * one entry when there are more than three of them (the 17 empty vendor
 * rows filled by one corrections file); smaller groups are listed one by one.
 */
function resolvedEntries(resolved: readonly Finding[]): string[] {
  const ordered = resolvedGroups(resolved);
  return ordered.flatMap((group) => {
    if (group.length <= 3) return group.map(resolvedLine);
    const keys = [...new Set(group.map((f) => f.key))];
    const shownKeys =
      keys
        .slice(0, 20)
        .map((k) => `\`${k}\``)
        .join(', ') + (keys.length > 20 ? `, … (${keys.length - 20} more)` : '');
    const locales = [...new Set(group.flatMap((f) => f.locales))].sort().join(', ');
    const files = [...new Set(group.flatMap((f) => (f.resolvedBy ?? []).map((o) => `\`${o.file}\``)))].sort().join(', ');
    return [
      `- \`${group[0].ruleId}\` in \`${group[0].layer}\`, ${group.length} findings (${locales}): ${shownKeys} → resolved by ${files || 'later layers'}`,
    ];
  });
}

/** Resolved findings by rule, layer and the files that resolved them; smaller groups first, so the unusual ones stay visible. */
function resolvedGroups(resolved: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of resolved) {
    const files = [...new Set((f.resolvedBy ?? []).map((o) => o.file))].sort().join(', ');
    const id = [f.ruleId, f.layer, files].join('\u0000');
    pushTo(groups, id, f);
  }
  return [...groups.values()].sort((a, b) => a.length - b.length || compareFindings(a[0], b[0]));
}

function where(origins: readonly Origin[]): string {
  if (origins.length === 0) return 'no text';
  const shown = origins.slice(0, 2).map((o) => `\`${provenance(o)}\``);
  return origins.length > 2 ? `${shown.join(', ')} +${origins.length - 2}` : shown.join(', ');
}

/** A message as Markdown text: shortened, with the characters that would format or break a table escaped. */
function inline(text: string, max = 160): string {
  const chars = [...text.replace(/\s+/gu, ' ')];
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
  return short.replace(/[\\`*_[\]<>|#]/gu, (c) => `\\${c}`);
}

export interface TextReportOptions {
  /** Errors only. */
  quiet?: boolean;
  /** Also list open info findings (by default they are only counted). */
  infos?: boolean;
  /** List every resolved finding (by default a group of more than three that one file resolved is one line). */
  resolved?: boolean;
}

/**
 * One line per finding, like the diagnostics: `file:line  severity  key
 * (locales): message  [rule]`, at the text the finding is mostly about (its
 * last origin); then the resolved findings with what resolved them; a count
 * line ends the report.
 */
export function reportText(findings: readonly Finding[], options: TextReportOptions = {}): string {
  const sorted = [...findings].sort((a, b) => compareFindings(a, b));
  const open = sorted.filter((f) => !f.resolvedBy);
  const resolved = sorted.filter((f) => f.resolvedBy);
  const shown = open.filter((f) => (options.quiet ? f.severity === 'error' : options.infos || f.severity !== 'info'));
  const at = (f: Finding) => (f.origins.length > 0 ? provenance(f.origins[f.origins.length - 1]) : '(no text)');
  const lines = shown.map((f) => `${at(f)}  ${f.severity}  ${f.key} (${f.locales.join(', ')}): ${f.message}  [${f.ruleId}]`);
  if (!options.quiet) {
    for (const group of resolvedGroups(resolved)) {
      if (group.length <= 3 || options.resolved) {
        for (const f of group) {
          lines.push(`${at(f)}  resolved  ${f.key} (${f.locales.join(', ')}) in layer ${f.layer}: ${f.message}  [${f.ruleId}]`);
          lines.push(`    resolved by ${(f.resolvedBy ?? []).map(provenance).join(', ') || 'a later layer'}`);
        }
      } else {
        const files = [...new Set(group.flatMap((f) => (f.resolvedBy ?? []).map((o) => o.file)))].sort().join(', ') || 'later layers';
        const keys = [...new Set(group.map((f) => f.key))];
        lines.push(`resolved  ${group.length} × ${group[0].ruleId} of layer ${group[0].layer}, by ${files}: ${keys.join(', ')}`);
      }
    }
  }
  const count = (s: Severity) => open.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')} open; ${resolved.length} resolved by a later layer.`,
  );
  return `${lines.join('\n')}\n`;
}
