/**
 * Reports of the translation review: canonical JSON for tools (keys sorted
 * at every level, findings in review order, one trailing newline), a short
 * Markdown summary for a pull-request comment, and plain text for a
 * terminal (`codebook review`).
 */
import type { Catalog, Origin } from '../catalog/model.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Finding } from './finding.js';
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

/** Messages with a non-blank text in each locale, over all messages. */
export function completeness(catalog: Catalog): Record<string, LocaleCompleteness> {
  const total = catalog.messages.length;
  return Object.fromEntries(
    catalog.locales.map((locale) => {
      const translated = catalog.messages.filter((m) => (m.translations[locale]?.text.trim() ?? '') !== '').length;
      return [locale, { translated, total, complete: total === 0 ? 100 : Math.floor((translated / total) * 1000) / 10 }];
    }),
  );
}

export function reportJson(findings: readonly Finding[], catalog: Catalog): string {
  const sorted = [...findings].sort((a, b) => compareFindings(a, b));
  const open = sorted.filter((f) => !f.resolvedBy);
  const resolved = sorted.filter((f) => f.resolvedBy);
  const done = completeness(catalog);
  const countBy = (list: readonly Finding[], keyOf: (f: Finding) => string) => {
    const counts: Record<string, number> = {};
    for (const f of list) counts[keyOf(f)] = (counts[keyOf(f)] ?? 0) + 1;
    return counts;
  };
  const rules: Record<string, Record<string, number>> = {};
  for (const f of sorted) {
    const r = (rules[f.ruleId] ??= { error: 0, warning: 0, info: 0, resolved: 0 });
    if (f.resolvedBy) r.resolved++;
    else r[f.severity]++;
  }
  const report = {
    findings: sorted.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      key: f.key,
      locales: f.locales,
      message: f.message,
      layer: f.layer,
      provenance: f.origins.map(provenance),
      resolvedBy: f.resolvedBy ? f.resolvedBy.map(provenance) : null,
    })),
    summary: {
      locales: Object.fromEntries(
        catalog.locales.map((locale) => {
          const involving = (list: readonly Finding[]) => list.filter((f) => f.locales.includes(locale));
          return [
            locale,
            {
              ...done[locale],
              source: locale === catalog.sourceLocale,
              open: countBy(involving(open), (f) => f.ruleId),
              resolved: countBy(involving(resolved), (f) => f.ruleId),
            },
          ];
        }),
      ),
      rules,
      open: Object.fromEntries(SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length])),
      resolved: resolved.length,
    },
  };
  return `${JSON.stringify(sortKeys(report), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
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

export function reportMarkdown(findings: readonly Finding[], catalog: Catalog): string {
  const sorted = [...findings].sort((a, b) => compareFindings(a, b));
  const open = sorted.filter((f) => !f.resolvedBy);
  const blocking = open
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareFindings(a, b));
  const resolved = sorted.filter((f) => f.resolvedBy);
  const done = completeness(catalog);

  const head: string[] = ['### Translation review', ''];
  head.push('| locale | complete | errors | warnings | info |', '|---|---:|---:|---:|---:|');
  for (const locale of catalog.locales) {
    const mine = open.filter((f) => f.locales.includes(locale));
    const n = (s: Severity) => mine.filter((f) => f.severity === s).length;
    const { complete, translated, total } = done[locale];
    head.push(
      `| ${locale}${locale === catalog.sourceLocale ? ' (source)' : ''} | ${complete}% (${translated}/${total}) | ${n('error')} | ${n('warning')} | ${n('info')} |`,
    );
  }
  const ruleIds = [...new Set(sorted.map((f) => f.ruleId))].sort();
  if (ruleIds.length > 0) {
    head.push('', '| rule | errors | warnings | info | resolved |', '|---|---:|---:|---:|---:|');
    for (const id of ruleIds) {
      const mine = sorted.filter((f) => f.ruleId === id);
      const n = (s: Severity) => mine.filter((f) => !f.resolvedBy && f.severity === s).length;
      head.push(`| \`${id}\` | ${n('error')} | ${n('warning')} | ${n('info')} | ${mine.filter((f) => f.resolvedBy).length} |`);
    }
  } else {
    head.push('', 'No findings.');
  }

  const sections: { title: string; entries: string[] }[] = [];
  if (blocking.length > 0) sections.push({ title: `**Open errors and warnings (${blocking.length})**`, entries: blocking.map(openLine) });
  if (resolved.length > 0)
    sections.push({ title: `**Resolved by a later layer (${resolved.length})**`, entries: resolvedEntries(resolved) });
  // Each section costs a blank line and its title; the lines left go to the open problems first,
  // keeping room for up to 6 entries (and a tail) of each later section.
  let available = MARKDOWN_LINE_LIMIT - head.length - sections.length * 2;
  const shown = sections.map((s, i) => {
    const reserve = sections
      .slice(i + 1)
      .reduce((n, later) => n + Math.min(later.entries.length, 6) + (later.entries.length > 6 ? 1 : 0), 0);
    const room = available - reserve;
    const count = s.entries.length <= room ? s.entries.length : Math.max(3, room - 1);
    available -= count + (count < s.entries.length ? 1 : 0);
    return count;
  });

  const lines = [...head];
  sections.forEach((s, i) => {
    lines.push('', s.title);
    lines.push(...s.entries.slice(0, shown[i]));
    if (shown[i] < s.entries.length) lines.push(`- …and ${s.entries.length - shown[i]} more`);
  });
  return `${lines.join('\n')}\n`;
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
