/**
 * The review pages' template contexts, built from the catalog and the QA
 * findings: one for `review/index.html` and one for each section page
 * (page-files.ts cuts the sections into pages). Every string in them is
 * HTML already (html-escape.ts): element text may contain
 * `<span class="ctl">` for unwritable characters, attribute values are
 * escaped for double quotes. Templates print them as they are.
 *
 * Filter values never carry catalog text: locales are columns `c0…`, rules
 * `r0…` (indexes over the whole review, so a filter carried from one page
 * to the next means the same thing), so no id, class or token can be
 * broken by what a catalog or a finding contains.
 *
 * Output is deterministic: messages in catalog order, findings sorted
 * (open first, then severity, rule, layer in config order, locales,
 * message), counts and percentages computed, no dates.
 *
 * The steps, in the order reviewPages runs them: indexFindings (sort and
 * group the findings), localeColumns, sectionGroups (page-files.ts),
 * then the index (localeSummaries, sectionSummaries, pageKeysJson) and each
 * section page (pageRows, which builds rowView and cellView for each
 * message, and pageNav).
 */
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { compareKeys } from '../catalog/keys.js';
import type { Catalog, Message, Origin, Section, Translation, TranslationState } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import { formFor, pluralCategories, splitPlural, type PluralSplit } from '../emit/plural-forms.js';
import type { Finding } from './finding.js';
import { htmlAttr, htmlComment, htmlText } from './html-escape.js';
import { rowsPerPage, sectionGroups, type PagePlan, type SectionGroup } from './page-files.js';
import { PAGE_CSP, PAGE_SCRIPT } from './page-script.js';

export const STATES: readonly TranslationState[] = ['initial', 'translated', 'reviewed', 'final'];
const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** Scripts written right to left (ISO 15924), for `dir="rtl"`; every other locale gets `dir="auto"`. */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Armi',
  'Avst',
  'Chrs',
  'Cprt',
  'Elym',
  'Hatr',
  'Hebr',
  'Hung',
  'Khar',
  'Lydi',
  'Mand',
  'Mani',
  'Mend',
  'Merc',
  'Mero',
  'Narb',
  'Nbat',
  'Nkoo',
  'Orkh',
  'Ougr',
  'Palm',
  'Phli',
  'Phlp',
  'Phnx',
  'Prti',
  'Rohg',
  'Samr',
  'Sarb',
  'Sogd',
  'Sogo',
  'Syrc',
  'Thaa',
  'Yezi',
]);

const directions = new Map<string, 'rtl' | 'auto'>();

/** `rtl` when the locale's script (explicit, or CLDR's likely script: he → Hebr) is written right to left, else `auto`. */
export function directionOf(locale: string): 'rtl' | 'auto' {
  let dir = directions.get(locale);
  if (!dir) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(locale).maximize().script;
    } catch {
      script = undefined;
    }
    dir = script && RTL_SCRIPTS.has(script) ? 'rtl' : 'auto';
    directions.set(locale, dir);
  }
  return dir;
}

export interface ReviewPageInput {
  catalog: Catalog;
  config: Config;
  header: string;
  findings: readonly Finding[];
}

export interface ReviewPageOptions {
  /** Rows a section page holds; by default rowsPerPage(locale count) (page-files.ts). Tests set a small one. */
  rowsPerPage?: number;
}

/** One page to render: its path under the output folder and its template context. */
export interface ReviewPage {
  path: string;
  context: IndexContext | SectionPageContext;
}

interface FindingView {
  resolved: boolean;
  severity: string;
  /** `error`, `warning`, `info`, or `other` for anything else: safe in a class. */
  severityClass: string;
  rule: string;
  layer: string;
  locales: string;
  message: string;
  origins: string;
  resolvedBy: string;
  key: string;
}

interface CellView {
  col: string;
  present: boolean;
  key: string;
  locale: string;
  dir: string;
  text: string;
  state: string;
  flagged: boolean;
  layer: string;
  origin: string;
  overrides: { layer: string; at: string }[];
  note: string;
  doubts: string[];
  /** For a plural message: its text for each exact selector and each CLDR category of the locale. */
  forms: { name: string; text: string; lang: string; dir: string; fallback: boolean }[];
  /** For a missing text: the locale of the configured chain that apps show instead, if any (else ''). */
  fallbackTo: string;
  /** With user messages: the key's user message in this locale (where the page shows it above the detail), else null. */
  user: { text: string; origin: string } | null;
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

/** The findings sorted for display, the rule columns and each key's findings. */
interface FindingIndex {
  sorted: Finding[];
  ruleIds: string[];
  ruleCol: Map<string, string>;
  byKey: Map<string, Finding[]>;
}

/** What every step reads: the input, the finding index, the locale columns and the section groups. */
interface Review extends ReviewPageInput, FindingIndex {
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
  const review = prepare(input, options.rowsPerPage ?? rowsPerPage(input.catalog.locales.length));
  const pages: ReviewPage[] = [{ path: 'review/index.html', context: indexContext(review) }];
  const order = review.groups.flatMap((group) => group.pages.map((page) => ({ group, page })));
  order.forEach(({ group, page }, i) => {
    pages.push({ path: page.path, context: sectionPageContext(review, group, page, pageNav(review, order[i - 1], order[i + 1])) });
  });
  return pages;
}

function prepare(input: ReviewPageInput, perPage: number): Review {
  const { catalog } = input;
  const found = indexFindings(input.findings, input.config);
  const { col, locales } = localeColumns(catalog);
  const titles = new Map(catalog.sections.map((s) => [s.id, s.titles[catalog.sourceLocale] ?? s.id]));
  const namespace = htmlText(catalog.namespace);
  const sourceLocale = htmlText(catalog.sourceLocale);
  const stateNames = [...STATES, 'missing'];
  return {
    ...input,
    ...found,
    col,
    locales,
    groups: sectionGroups(catalog, perPage),
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

/** Step 1: the findings in display order, a column `rN` per rule id (sorted), and each key's findings. */
function indexFindings(findings: readonly Finding[], config: Config): FindingIndex {
  const layerOrder = [...config.layers.map((l) => l.name), 'merged'];
  const sorted = [...findings].sort((a, b) => compareFindings(a, b, layerOrder));
  const ruleIds = [...new Set(sorted.map((f) => f.ruleId))].sort();
  const ruleCol = new Map(ruleIds.map((r, i) => [r, `r${i}`]));
  const byKey = new Map<string, Finding[]>();
  for (const f of sorted) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  return { sorted, ruleIds, ruleCol, byKey };
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
  const { catalog, sorted } = review;
  const keys = new Set(catalog.messages.map((m) => m.key));
  const sections = sectionSummaries(review);
  const open = sorted.filter((f) => !f.resolvedBy);
  return {
    ...review.common(`Translator review: ${catalog.namespace}`, true),
    total: catalog.messages.length,
    findingCount: sorted.length,
    openCount: open.length,
    sectionCount: sections.length,
    pageCount: review.groups.reduce((n, g) => n + g.pages.length, 0),
    severities: SEVERITY_ORDER,
    sections,
    /** Open findings on the catalog's keys, by severity (the sections table's last row). */
    openBySeverity: severityCounts(open.filter((f) => keys.has(f.key))),
    summary: localeSummaries(review),
    overall: ruleCounts(sorted),
    orphans: sorted
      .filter((f) => !keys.has(f.key))
      .sort((a, b) => compareKeys(a.key, b.key))
      .map(findingView),
    pageKeys: pageKeysJson(review),
  };
}

/** Per locale: share with text, share reviewed or final, counts by state, findings by rule, and what the fallback chain fills. */
function localeSummaries({ catalog, sorted, col }: Review) {
  const total = catalog.messages.length;
  return catalog.locales.map((locale) => {
    const present = catalog.messages.filter((m) => m.translations[locale]);
    const done = present.filter((m) => ['reviewed', 'final'].includes(m.translations[locale].state)).length;
    const involved = sorted.filter((f) => f.locales.includes(locale));
    // Missing texts that the configured chain fills (zh-Hant's details from zh-Hans): a fallback, not a translation.
    const chain = catalog.fallback?.[locale] ?? [];
    const viaChain =
      chain.length === 0 ? 0 : catalog.messages.filter((m) => !m.translations[locale] && chain.some((l) => m.translations[l])).length;
    return {
      col: col.get(locale)!,
      tag: htmlText(locale),
      fallback: viaChain > 0 ? htmlText(`${viaChain} shown from ${chain.join(' → ')}`) : '',
      present: present.length,
      total,
      percent: percent(present.length, total),
      ratio: ratio(present.length, total),
      donePercent: percent(done, total),
      states: [...STATES.map((s) => present.filter((m) => m.translations[locale].state === s).length), total - present.length],
      findings: ruleCounts(involved),
    };
  });
}

/** Per section: its titles, message count, open findings by severity and by rule, and its pages with their key ranges. */
function sectionSummaries(review: Review) {
  const { byKey } = review;
  return review.groups.map((group) => {
    const open = group.messages.flatMap((m) => (byKey.get(m.key) ?? []).filter((f) => !f.resolvedBy));
    const s = group.section;
    return {
      id: htmlText(group.id),
      part: htmlText(s?.part ?? ''),
      title: htmlText(review.titleOf(group.id)),
      count: group.messages.length,
      /** The first page, linked from the title; '' for a section without messages. */
      href: group.pages.length > 0 ? `sections/${group.pages[0].name}` : '',
      open: open.length,
      bySeverity: severityCounts(open),
      byRule: ruleCounts(open).map(({ rule, open: n }) => ({ rule, open: n })),
      pages: group.pages.map((page) => {
        const first = group.messages[page.from].key;
        const last = group.messages[page.to - 1].key;
        return {
          href: `sections/${page.name}`,
          number: page.number,
          rows: page.to - page.from,
          keys: htmlText(first === last ? first : `${first} … ${last}`),
          open: group.messages
            .slice(page.from, page.to)
            .reduce((n, m) => n + (byKey.get(m.key) ?? []).filter((f) => !f.resolvedBy).length, 0),
        };
      }),
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
function pageKeysJson({ groups, titleOf }: Review): string {
  const pages: [string, string][] = [];
  const keys: string[][] = [];
  const ranges: [number, string, number, number][] = [];
  for (const group of groups) {
    for (const page of group.pages) {
      const label = `${titleOf(group.id)} (${group.id})${page.of > 1 ? `, page ${page.number} of ${page.of}` : ''}`;
      const messages = group.messages.slice(page.from, page.to);
      for (const m of messages) if (m.range) ranges.push([pages.length, m.key, m.range[0], m.range[1]]);
      pages.push([`sections/${page.name}`, label]);
      keys.push(messages.map((m) => m.key));
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

function sectionPageContext(review: Review, group: SectionGroup, page: PagePlan, nav: ReturnType<typeof pageNav>) {
  const { catalog, ruleIds, ruleCol } = review;
  const messages = group.messages.slice(page.from, page.to);
  const findings = messages.flatMap((m) => review.byKey.get(m.key) ?? []);
  const title = `${review.titleOf(group.id)} (${group.id})`;
  const total = messages.length;
  return {
    ...review.common(`Translator review: ${catalog.namespace} · ${title}${page.of > 1 ? ` · ${page.number}/${page.of}` : ''}`, false),
    section: {
      id: htmlText(group.id),
      part: htmlText(group.section?.part ?? ''),
      title: htmlText(review.titleOf(group.id)),
      titles: titleViews(review, group.section),
    },
    page: {
      number: page.number,
      of: page.of,
      multi: page.of > 1,
      first: page.from + 1,
      last: page.to,
      sectionTotal: group.messages.length,
    },
    nav,
    /** Rows on this page. */
    total,
    /** The header row and one row per message (`aria-rowcount`). */
    rowCount: total + 1,
    // Columns keep a readable width however many locales there are; the page scrolls sideways, the message column stays.
    tableMinWidth: `${17 + catalog.locales.length * 13.5}rem`,
    findingCount: findings.length,
    openCount: findings.filter((f) => !f.resolvedBy).length,
    /** Every rule of the review (so a filter carried from another page still applies), counted on this page. */
    rules: ruleIds.map((rule) => {
      const count = findings.filter((f) => f.ruleId === rule).length;
      return { col: ruleCol.get(rule)!, optionLabel: htmlAttr(`${rule} (${count})`) };
    }),
    rows: pageRows(review, group, page),
  };
}

/** The page's rows: each message of the section from `page.from` to `page.to`, with its user message when the catalog has them. */
function pageRows(review: Review, group: SectionGroup, page: PagePlan) {
  const rows: ReturnType<typeof rowView>[] = [];
  for (let i = page.from; i < page.to; i++) rows.push(rowView(review, group.messages[i], review.catalog.userMessages?.[group.indexes[i]]));
  return rows;
}

function rowView(review: Review, message: Message, user: Message | undefined) {
  const { catalog, byKey, ruleCol, col } = review;
  const own = byKey.get(message.key) ?? [];
  const openLocales = new Set(own.filter((f) => !f.resolvedBy).flatMap((f) => f.locales));
  const cells = catalog.locales.map((locale) =>
    cellView(catalog, message, locale, col.get(locale)!, openLocales.has(locale), user?.translations[locale]),
  );
  return {
    anchor: htmlAttr(anchorOf(message.key)),
    key: htmlText(message.key),
    range: message.range ? `${message.range[0]} ${message.range[1]}` : '',
    rangeLabel: message.range ? htmlText(`${message.range[0]} … ${message.range[1]}`) : '',
    description: htmlText(message.description ?? ''),
    action: htmlText(message.action ?? ''),
    fault: htmlText(message.fault ?? ''),
    userId: htmlText(message.user ?? ''),
    params: message.params.map((p) => ({
      name: htmlText(`{${p.name}}`),
      type: htmlText(p.type),
      example: p.example === undefined ? '' : htmlText(String(p.example)),
      description: htmlText(p.description ?? ''),
    })),
    states: cells.map((c) => `${c.col}:${c.present ? c.state : 'missing'}`).join(' '),
    rules: [...new Set(own.map((f) => ruleCol.get(f.ruleId)!))].join(' '),
    open: own.filter((f) => !f.resolvedBy).length,
    findings: own.map(findingView),
    cells,
  };
}

function cellView(
  catalog: Catalog,
  message: Message,
  locale: string,
  col: string,
  flagged: boolean,
  userText: Translation | undefined,
): CellView {
  const t: Translation | undefined = message.translations[locale];
  const user = userText ? { text: htmlText(userText.text), origin: htmlText(at(userText.origin)) } : null;
  const key = htmlAttr(message.key);
  const lang = htmlAttr(locale);
  const dir = directionOf(locale);
  if (!t) {
    const fallbackTo = (catalog.fallback?.[locale] ?? []).find((l) => message.translations[l]);
    return {
      col,
      present: false,
      key,
      locale: lang,
      dir,
      text: '',
      state: 'missing',
      flagged,
      layer: '',
      origin: '',
      overrides: [],
      note: '',
      doubts: [],
      forms: [],
      fallbackTo: fallbackTo ? htmlAttr(fallbackTo) : '',
      user,
    };
  }
  // Validation makes every locale use the registry's arguments, so only a message with a plural argument can have a plural.
  const split = message.params.some((p) => p.type === 'plural') ? splitPlural(t.ast) : undefined;
  return {
    col,
    present: true,
    key,
    locale: lang,
    dir,
    text: htmlText(t.text),
    state: t.state,
    flagged,
    layer: htmlText(t.origin.layer),
    origin: htmlText(at(t.origin)),
    overrides: (t.overrides ?? []).map((o) => ({ layer: htmlText(o.layer), at: htmlText(at(o)) })),
    note: htmlText(t.note ?? ''),
    doubts: (t.doubts ?? []).map(htmlText),
    forms: split?.kind === 'plural' ? formsOf(split.plural, locale) : [],
    fallbackTo: '',
    user,
  };
}

function findingView(f: Finding): FindingView {
  return {
    resolved: !!f.resolvedBy,
    severity: htmlText(f.severity),
    severityClass: SEVERITY_ORDER.includes(f.severity) ? f.severity : 'other',
    rule: htmlText(f.ruleId),
    layer: htmlText(f.layer),
    locales: htmlText(f.locales.join(', ')),
    message: htmlText(f.message),
    origins: htmlText(f.origins.map(at).join(', ')),
    resolvedBy: htmlText((f.resolvedBy ?? []).map(at).join(', ')),
    key: htmlText(f.key),
  };
}

/**
 * The forms a plural message selects: exact selectors (`=0`) in numeric
 * order, then the locale's CLDR categories in CLDR order; each is the whole
 * message for that form (text around the plural included, `#` kept), and a
 * category the text lacks shows `other`'s text, marked as a fallback.
 */
function formsOf(plural: PluralSplit, locale: string): CellView['forms'] {
  const exact = [...plural.forms.keys()].filter((s) => s.startsWith('=')).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const lang = htmlAttr(locale);
  const dir = directionOf(locale);
  return [...exact, ...safeCategories(locale)].map((selector) => ({
    name: htmlText(selector),
    text: htmlText(printAST(formFor(plural, selector))),
    lang,
    dir,
    fallback: !plural.forms.has(selector),
  }));
}

/** `file:line`, the way editors and terminals link to a place. */
function at(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}

/** A fragment id for a key: `k-6014`; any character but letters, digits and `-` as `_hex_`, so distinct keys stay distinct. */
export function anchorOf(key: string): string {
  return `k-${key.replace(/[^A-Za-z0-9-]/gu, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}

function safeCategories(locale: string): string[] {
  try {
    return pluralCategories(locale);
  } catch {
    return ['other'];
  }
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

function compareFindings(a: Finding, b: Finding, layerOrder: string[]): number {
  const layer = (f: Finding) => {
    const i = layerOrder.indexOf(f.layer);
    return i < 0 ? layerOrder.length : i;
  };
  return (
    Number(!!a.resolvedBy) - Number(!!b.resolvedBy) ||
    rank(SEVERITY_ORDER, a.severity) - rank(SEVERITY_ORDER, b.severity) ||
    cmp(a.ruleId, b.ruleId) ||
    layer(a) - layer(b) ||
    cmp(a.layer, b.layer) ||
    cmp(a.locales.join(','), b.locales.join(',')) ||
    cmp(a.message, b.message) ||
    cmp(JSON.stringify(a.origins), JSON.stringify(b.origins)) ||
    cmp(JSON.stringify(a.resolvedBy ?? []), JSON.stringify(b.resolvedBy ?? []))
  );
}

function rank(order: string[], value: string): number {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
