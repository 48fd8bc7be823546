/**
 * The review pages' template contexts, built from the catalog and the QA
 * findings: one for `review/index.html` and one for each section page
 * (page-files.ts cuts the sections into pages). Every string in them is
 * HTML already (html-escape.ts): element text may contain
 * `<span class="ctl">` for unwritable characters, attribute values are
 * escaped for double quotes. Templates print them as they are.
 *
 * Filter values never carry catalog text: locales are columns `c0…`
 * (indexes of the config's locales), rules `r-<escaped rule id>`
 * (row-context.ts ruleTokenOf), so no id, class or token can be broken by
 * what a catalog or a finding contains, and a filter carried from one page
 * to the next means the same thing. Neither depends on which rules the
 * review found: a row's HTML depends on its own key alone, and the rule
 * select offers every rule the config runs (a warm run splices the rows of
 * the keys whose findings changed into pages whose shells did not).
 *
 * Output is deterministic: messages in catalog order, findings sorted
 * (open first, then severity, rule, layer in config order, locales,
 * message), counts and percentages computed, no dates.
 *
 * Every count over the messages reads the catalog's key table
 * (key-table.ts), not its messages: a warm edit plans the review from the
 * edited keys' messages and the last run's table of every key.
 *
 * The steps, in the order reviewPages runs them: indexFindings (sort and
 * group the findings), localeColumns, sectionGroups (page-files.ts),
 * findingsOfPages, then the index (localeSummaries, sectionSummaries, pageKeysJson) and each
 * section page (pageNav, then sectionPageContext: pageHeading, pagePosition,
 * ruleOptions, and pageRows, which builds each message's RowContext in
 * row-context.ts; the page template prints the rows row.html.hbs renders
 * from them).
 */
import { compareKeys } from '../catalog/keys.js';
import type { Catalog, Message, Section } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import { directionOf } from './direction.js';
import type { Finding } from './finding.js';
import { htmlAttr, htmlComment, htmlText } from './html-escape.js';
import { keyTableOf, localeCounts, STATES, type KeyTable } from './key-table.js';
import { rowsPerPage, sectionGroups, type PagePlan, type SectionGroup } from './page-files.js';
import { PAGE_CSP, PAGE_SCRIPT } from './page-script.js';
import { findingContext, rowContext, ruleTokenOf, SEVERITY_ORDER, type RowContext } from './row-context.js';
import { QA_RULE_IDS } from './rules.js';

export { directionOf } from './direction.js';
export { anchorOf } from './row-context.js';

export { STATES } from './key-table.js';

export interface ReviewPageInput {
  catalog: Catalog;
  config: Config;
  header: string;
  findings: readonly Finding[];
}

export interface ReviewPageOptions {
  /** Rows a section page holds; by default rowsPerPage(locale count) (page-files.ts). Tests set a small one. */
  rowsPerPage?: number;
  /** Only the rows of these keys (a warm run's splice): every page's context is the whole review's. */
  only?: ReadonlySet<string>;
  /** False: the section pages alone, without the index (whose context costs the most to build). */
  index?: boolean;
  /** The review prepareReview gave for this input (and `rowsPerPage`). */
  prepared?: PreparedReview;
}

/** One page to render: its path under the output folder, its template context and, on a section page, its rows' contexts. */
export interface ReviewPage {
  path: string;
  context: IndexContext | SectionPageContext;
  /**
   * What each row shows (its message and user message), for row.html.hbs through `rowContext`; the
   * page template gets the rendered rows as `rows`. Absent on the index. A row's context is built as
   * the page is rendered, so that 100k rows' contexts never live at once.
   */
  rows?: readonly PageRow[];
  rowContext?: (row: PageRow) => RowContext;
  /** Each row's message key, parallel to `rows`. */
  keys?: string[];
}

export interface PageRow {
  message: Message;
  user: Message | undefined;
}

interface LocaleView {
  col: string;
  tag: string;
  dir: string;
  rtl: boolean;
  source: boolean;
}

interface TitleView {
  col: string;
  tag: string;
  present: boolean;
  text: string;
  lang: string;
  dir: string;
}

/** Everything both kinds of page print: the head, the styles' locale classes, the script. */
interface CommonContext {
  /** True on review/index.html, false on a section page (the template's one switch). */
  index: boolean;
  header: string;
  csp: string;
  script: string;
  /** For `<title>`, which holds text only (no `<span class="ctl">`). */
  title: string;
  namespace: string;
  sourceLocale: string;
  locales: LocaleView[];
  stateNames: string[];
}

export type IndexContext = ReturnType<typeof indexContext>;
export type SectionPageContext = ReturnType<typeof sectionPageContext>;

/** The findings sorted for display, the rules the select offers and each key's findings. */
interface FindingIndex {
  sorted: Finding[];
  ruleIds: string[];
  byKey: Map<string, Finding[]>;
}

/** What every step reads: the input, the finding index, the locale columns and the section groups. */
export type PreparedReview = Review;

interface Review extends ReviewPageInput, FindingIndex {
  /** Every key's section, range and text states, and the messages rows are built of (key-table.ts). */
  table: KeyTable;
  /** Each page's findings, pages in reading order (counts only: in no particular order). */
  pageFindings: Finding[][];
  /** The keys with findings that the catalog does not have (the index lists them apart). */
  orphanKeys: ReadonlySet<string>;
  col: Map<string, string>;
  locales: LocaleView[];
  groups: SectionGroup[];
  titleOf(id: string): string;
  common(title: string, index: boolean): CommonContext;
}

/**
 * The pages of the review: `review/index.html` first, then every section
 * page in reading order (the order of previous/next).
 */
export function reviewPages(input: ReviewPageInput, options: ReviewPageOptions = {}): ReviewPage[] {
  const review = options.prepared ?? prepareReview(input, options.rowsPerPage);
  const pages: ReviewPage[] = options.index === false ? [] : [{ path: 'review/index.html', context: indexContext(review) }];
  const order = review.groups.flatMap((group) => group.pages.map((page) => ({ group, page })));
  order.forEach(({ group, page }, i) => {
    const nav = pageNav(review, order[i - 1], order[i + 1]);
    pages.push({
      path: page.path,
      context: sectionPageContext(review, group, page, i, nav),
      ...pageRows(review, group, page, options.only),
    });
  });
  return pages;
}

/**
 * What every page of a review reads, prepared once (the findings sorted, the messages grouped): a
 * warm run's splice plans the review twice with the same input (its rows, then the pages whose
 * counts changed with all their rows) and hands the second plan the first one's.
 */
export function prepareReview(input: ReviewPageInput, perPage = rowsPerPage(input.catalog.locales.length)): PreparedReview {
  const { catalog } = input;
  const table = keyTableOf(catalog);
  const indexed = indexFindings(input.findings, input.config);
  const groups = sectionGroups(catalog.sections, table, perPage);
  const { col, locales } = localeColumns(catalog);
  const titles = new Map(catalog.sections.map((s) => [s.id, s.titles[catalog.sourceLocale] ?? s.id]));
  const namespace = htmlText(catalog.namespace);
  const sourceLocale = htmlText(catalog.sourceLocale);
  const stateNames = [...STATES, 'missing'];
  return {
    ...input,
    ...indexed,
    ...findingsOfPages(table, groups, indexed.byKey),
    table,
    col,
    locales,
    groups,
    titleOf: (id) => titles.get(id) ?? id,
    common: (title, index) => ({
      index,
      header: htmlComment(input.header),
      csp: htmlAttr(PAGE_CSP),
      script: PAGE_SCRIPT,
      title: htmlAttr(title),
      namespace,
      sourceLocale,
      locales,
      stateNames,
    }),
  };
}

/**
 * Step 1: the findings in display order, the rules the select offers (every rule the config does
 * not turn off, and any other found, sorted) and each key's findings.
 */
function indexFindings(findings: readonly Finding[], config: Config): FindingIndex {
  const sorted = (displayed.get(findings) ?? displayOrder(findings, config)).map((at) => findings[at]!);
  const severities = config.review?.severities ?? {};
  const run = QA_RULE_IDS.filter((id) => severities[id] !== 'off');
  const ruleIds = [...new Set<string>([...run, ...sorted.map((f) => f.ruleId)])].sort();
  const byKey = new Map<string, Finding[]>();
  for (const f of sorted) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  return { sorted, ruleIds, byKey };
}

/**
 * Step 3b (after sectionGroups): each page's findings, bucketed by their keys' places, so that the
 * counts read the findings (thousands), not every key (a hundred thousand); and the orphans' keys.
 */
function findingsOfPages(
  table: KeyTable,
  groups: readonly SectionGroup[],
  byKey: ReadonlyMap<string, Finding[]>,
): { pageFindings: Finding[][]; orphanKeys: Set<string> } {
  const pageAt = new Uint32Array(table.keys.length);
  let page = 0;
  for (const group of groups)
    for (const { from, to } of group.pages) {
      for (let i = from; i < to; i++) pageAt[group.positions[i]!] = page;
      page++;
    }
  const pageFindings = Array.from({ length: page }, (): Finding[] => []);
  const orphanKeys = new Set<string>();
  for (const [key, found] of byKey) {
    const at = table.positionOf(key);
    if (at === undefined) orphanKeys.add(key);
    else pageFindings[pageAt[at]!]!.push(...found);
  }
  return { pageFindings, orphanKeys };
}

/** Step 2: a column `cN` per locale, in config order, with its tag and direction. */
function localeColumns(catalog: Catalog): { col: Map<string, string>; locales: LocaleView[] } {
  const col = new Map(catalog.locales.map((l, i) => [l, `c${i}`]));
  const locales = catalog.locales.map((locale) => ({
    col: col.get(locale)!,
    tag: htmlText(locale),
    dir: directionOf(locale),
    rtl: directionOf(locale) === 'rtl',
    source: locale === catalog.sourceLocale,
  }));
  return { col, locales };
}

// ── The index page ──────────────────────────────────────────────────────────

function indexContext(review: Review) {
  const { catalog, sorted, table, orphanKeys } = review;
  const sections = sectionSummaries(review);
  const open = sorted.filter((f) => !f.resolvedBy);
  return {
    ...review.common(`Translator review: ${catalog.namespace}`, true),
    total: table.keys.length,
    findingCount: sorted.length,
    openCount: open.length,
    sectionCount: sections.length,
    pageCount: review.groups.reduce((n, g) => n + g.pages.length, 0),
    severities: SEVERITY_ORDER,
    sections,
    /** Open findings on the catalog's keys, by severity (the sections table's last row). */
    openBySeverity: severityCounts(orphanKeys.size > 0 ? open.filter((f) => !orphanKeys.has(f.key)) : open),
    summary: localeSummaries(review),
    overall: ruleCounts(sorted),
    orphans: sorted
      .filter((f) => orphanKeys.has(f.key))
      .sort((a, b) => compareKeys(a.key, b.key))
      .map(findingContext),
    pageKeys: pageKeysJson(review),
  };
}

/** Per locale: share with text, share reviewed or final, counts by state, findings by rule, and what the fallback chain fills. */
function localeSummaries({ catalog, sorted, col, table }: Review) {
  const total = table.keys.length;
  const counts = localeCounts(table, catalog);
  return catalog.locales.map((locale, l) => {
    const { byState, present, viaChain } = counts[l]!;
    const chain = catalog.fallback?.[locale] ?? [];
    const done = byState[STATES.indexOf('reviewed')]! + byState[STATES.indexOf('final')]!;
    const involved = sorted.filter((f) => f.locales.includes(locale));
    return {
      col: col.get(locale)!,
      tag: htmlText(locale),
      fallback: viaChain > 0 ? htmlText(`${viaChain} shown from ${chain.join(' → ')}`) : '',
      present,
      total,
      percent: percent(present, total),
      ratio: ratio(present, total),
      donePercent: percent(done, total),
      states: [...byState, total - present],
      findings: ruleCounts(involved),
    };
  });
}

/** Per section: its titles, message count, open findings by severity and by rule, and its pages with their key ranges. */
function sectionSummaries(review: Review) {
  const { keys } = review.table;
  let pageNumber = 0;
  return review.groups.map((group) => {
    const { positions } = group;
    const open: Finding[] = [];
    const pages = group.pages.map((page) => {
      const before = open.length;
      for (const f of review.pageFindings[pageNumber++]!) if (!f.resolvedBy) open.push(f);
      const first = keys[positions[page.from]!]!;
      const last = keys[positions[page.to - 1]!]!;
      return {
        href: `sections/${page.name}`,
        number: page.number,
        rows: page.to - page.from,
        keys: htmlText(first === last ? first : `${first} … ${last}`),
        open: open.length - before,
      };
    });
    const s = group.section;
    return {
      id: htmlText(group.id),
      part: htmlText(s?.part ?? ''),
      title: htmlText(review.titleOf(group.id)),
      count: positions.length,
      /** The first page, linked from the title; '' for a section without messages. */
      href: group.pages.length > 0 ? `sections/${group.pages[0].name}` : '',
      open: open.length,
      bySeverity: severityCounts(open),
      byRule: ruleCounts(open).map(({ rule, open: n }) => ({ rule, open: n })),
      pages,
      titles: titleViews(review, s),
    };
  });
}

/**
 * The index's "find a code" data: each page's link and label, then each
 * page's keys, then the ranges (page, key, low, high). JSON for a
 * `<script type="application/json">`, so `<`, `>` and `&` are written
 * `\u003C`…, and so is every character HTML cannot carry (JSON.stringify
 * already escapes C0 controls and lone surrogates).
 */
function pageKeysJson({ groups, titleOf, table }: Review): string {
  const pages: [string, string][] = [];
  const keys: string[][] = [];
  const ranges: [number, string, number, number][] = [];
  for (const group of groups) {
    for (const page of group.pages) {
      const label = `${titleOf(group.id)} (${group.id})${page.of > 1 ? `, page ${page.number} of ${page.of}` : ''}`;
      const pageKeys: string[] = [];
      for (let i = page.from; i < page.to; i++) {
        const at = group.positions[i]!;
        const key = table.keys[at]!;
        const range = table.rangeOf(at);
        if (range) ranges.push([pages.length, key, range[0], range[1]]);
        pageKeys.push(key);
      }
      pages.push([`sections/${page.name}`, label]);
      keys.push(pageKeys);
    }
  }
  return JSON.stringify({ pages, keys, ranges }).replace(JSON_UNSAFE, (s) =>
    [...s].map((unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(''),
  );
}

/** In inline JSON: markup characters, DEL, C1, U+2028/9, noncharacters (a supplementary one as its surrogate pair). */
const JSON_UNSAFE = /[<>&\u007F-\u009F\u2028\u2029\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDFFE\uDFFF]/g;

/** A section's title in every locale, in locale order (`present` false where it has none). */
function titleViews({ catalog, col }: Review, section: Section | undefined): TitleView[] {
  return catalog.locales.map((locale) => {
    const title = section?.titles[locale];
    return {
      col: col.get(locale)!,
      tag: htmlText(locale),
      present: title !== undefined,
      text: htmlText(title ?? ''),
      lang: htmlAttr(locale),
      dir: directionOf(locale),
    };
  });
}

// ── A section page ──────────────────────────────────────────────────────────

interface NavLink {
  href: string;
  label: string;
}

/** Previous and next page in reading order (crossing sections), and the way back to the index. */
function pageNav(
  review: Review,
  prev: { group: SectionGroup; page: PagePlan } | undefined,
  next: { group: SectionGroup; page: PagePlan } | undefined,
) {
  const link = (to: { group: SectionGroup; page: PagePlan } | undefined): NavLink | null =>
    to
      ? {
          href: to.page.name,
          label: htmlText(`${review.titleOf(to.group.id)}${to.page.of > 1 ? ` (${to.page.number}/${to.page.of})` : ''}`),
        }
      : null;
  return { index: '../index.html', prev: link(prev), next: link(next) };
}

/** A section page's context; its rows are rendered apart (pageRows, row.html.hbs) and given to the page as `rows`. */
function sectionPageContext(review: Review, group: SectionGroup, page: PagePlan, pageNumber: number, nav: ReturnType<typeof pageNav>) {
  const { catalog } = review;
  const findings = review.pageFindings[pageNumber]!;
  const total = page.to - page.from;
  return {
    ...review.common(pageTitle(review, group, page), false),
    section: pageHeading(review, group),
    page: pagePosition(group, page),
    nav,
    /** Rows on this page. */
    total,
    /** The header row and one row per message (`aria-rowcount`). */
    rowCount: total + 1,
    // Columns keep a readable width however many locales there are; the page scrolls sideways, the message column stays.
    tableMinWidth: `${17 + catalog.locales.length * 13.5}rem`,
    findingCount: findings.length,
    openCount: findings.filter((f) => !f.resolvedBy).length,
    rules: ruleOptions(review, findings),
  };
}

/** The `<title>` text (not HTML yet): namespace, section title and id, and the page number when the section has several. */
function pageTitle(review: Review, group: SectionGroup, page: PagePlan): string {
  const title = `${review.titleOf(group.id)} (${group.id})`;
  return `Translator review: ${review.catalog.namespace} · ${title}${page.of > 1 ? ` · ${page.number}/${page.of}` : ''}`;
}

/** The section the page belongs to: id, part, title and its title in every locale. */
function pageHeading(review: Review, group: SectionGroup) {
  return {
    id: htmlText(group.id),
    part: htmlText(group.section?.part ?? ''),
    title: htmlText(review.titleOf(group.id)),
    titles: titleViews(review, group.section),
  };
}

/** Where the page is within its section (1-based rows, `first` to `last`). */
function pagePosition(group: SectionGroup, page: PagePlan) {
  return {
    number: page.number,
    of: page.of,
    multi: page.of > 1,
    first: page.from + 1,
    last: page.to,
    sectionTotal: group.positions.length,
  };
}

/** Every rule the review offers (so a filter carried from another page still applies), counted on this page. */
function ruleOptions({ ruleIds }: Review, findings: readonly Finding[]) {
  return ruleIds.map((rule) => {
    const count = findings.filter((f) => f.ruleId === rule).length;
    return { col: ruleTokenOf(rule), optionLabel: htmlAttr(`${rule} (${count})`) };
  });
}

/** The page's rows: each message of the section from `page.from` to `page.to` (of `only`, when given), with its user message when the catalog has them. */
function pageRows(
  review: Review,
  group: SectionGroup,
  page: PagePlan,
  only?: ReadonlySet<string>,
): Required<Pick<ReviewPage, 'rows' | 'rowContext' | 'keys'>> {
  const rows: PageRow[] = [];
  const keys: string[] = [];
  const { table } = review;
  for (let i = page.from; i < page.to; i++) {
    const at = group.positions[i]!;
    const key = table.keys[at]!;
    if (only && !only.has(key)) continue;
    const message = table.messageAt(at);
    // A warm edit's table holds the messages of the keys it plans rows for (cache/warm-edit.ts asks first).
    if (!message) throw new Error(`codebook: the review has no message of key ${key} to build its row from`);
    rows.push({ message, user: table.userMessageAt(at) });
    keys.push(key);
  }
  return { rows, keys, rowContext: (row) => rowContext(review, row.message, row.user) };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0' : ((part * 100) / whole).toFixed(1);
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '0' : (part / whole).toFixed(4);
}

/** Counts by severity, in SEVERITY_ORDER (the index's columns). */
function severityCounts(findings: readonly Finding[]): number[] {
  return SEVERITY_ORDER.map((s) => findings.filter((f) => f.severity === s).length);
}

function ruleCounts(findings: readonly Finding[]): { rule: string; open: number; resolved: number }[] {
  const counts = new Map<string, { open: number; resolved: number }>();
  for (const f of findings) {
    const c = counts.get(f.ruleId) ?? { open: 0, resolved: 0 };
    if (f.resolvedBy) c.resolved++;
    else c.open++;
    counts.set(f.ruleId, c);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, c]) => ({ rule: htmlText(rule), ...c }));
}

/** Findings whose display order is known (a warm review's, kept from the last run: cache/warm-review.ts), by their array. */
const displayed = new WeakMap<readonly Finding[], readonly number[]>();

/** Notes the display order of `findings` (places in it, as displayOrder gives them), for the pages planned from that array. */
export function noteDisplayOrder(findings: readonly Finding[], order: readonly number[]): void {
  displayed.set(findings, order);
}

/**
 * The findings' places in display order: open first, then severity, rule, layer in config order,
 * locales, message, origins and what resolved them; findings equal in all that in the order given.
 * `kept`: the places of some of them, already in display order (a warm review's, whose other findings
 * are those of the few keys it reviewed again): only the others are sorted, and merged in.
 */
export function displayOrder(findings: readonly Finding[], config: Config, kept?: readonly number[]): number[] {
  const layers = [...config.layers.map((l) => l.name), 'merged'];
  const layerOrder = new Map<string, number>();
  layers.forEach((name, i) => layerOrder.has(name) || layerOrder.set(name, i));
  // Each finding's sort fields, computed once (a sort compares each one ~log n times); origins only on a tie.
  const fields = findings.map((f, at) => ({
    at,
    f,
    resolved: Number(!!f.resolvedBy),
    severity: rank(SEVERITY_ORDER, f.severity),
    layer: layerOrder.get(f.layer) ?? layers.length,
    locales: f.locales.join(','),
    origins: undefined as string | undefined,
    resolvedBy: undefined as string | undefined,
  }));
  type Fields = (typeof fields)[number];
  const origins = (x: Fields) => (x.origins ??= JSON.stringify(x.f.origins));
  const resolvedBy = (x: Fields) => (x.resolvedBy ??= JSON.stringify(x.f.resolvedBy ?? []));
  const compare = (a: Fields, b: Fields) =>
    a.resolved - b.resolved ||
    a.severity - b.severity ||
    cmp(a.f.ruleId, b.f.ruleId) ||
    a.layer - b.layer ||
    cmp(a.f.layer, b.f.layer) ||
    cmp(a.locales, b.locales) ||
    cmp(a.f.message, b.f.message) ||
    cmp(origins(a), origins(b)) ||
    cmp(resolvedBy(a), resolvedBy(b)) ||
    a.at - b.at;
  if (!kept) return fields.sort(compare).map((x) => x.at);
  const isKept = new Uint8Array(findings.length);
  for (const at of kept) isKept[at] = 1;
  const fresh = fields.filter((x) => !isKept[x.at]).sort(compare);
  const order: number[] = [];
  let k = 0;
  for (const x of fresh) {
    while (k < kept.length && compare(fields[kept[k]!]!, x) < 0) order.push(kept[k++]!);
    order.push(x.at);
  }
  while (k < kept.length) order.push(kept[k++]!);
  return order;
}

function rank(order: string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
