/**
 * The review page's template context, built from the catalog and the QA
 * findings. Every string in it is HTML already (html-escape.ts): element
 * text may contain `<span class="ctl">` for unwritable characters, attribute
 * values are escaped for double quotes. Templates print them as they are.
 *
 * Filter values never carry catalog text: locales are columns `c0…`,
 * sections `s0…`, rules `r0…` (indexes), so no id, class or token can be
 * broken by what a catalog or a finding contains.
 *
 * Output is deterministic: messages in catalog order, findings sorted
 * (open first, then severity, rule, layer in config order, locales,
 * message), counts and percentages computed, no dates.
 */
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { compareKeys } from '../catalog/keys.js';
import type { Catalog, Message, Origin, Translation, TranslationState } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import { formFor, pluralCategories, splitPlural, type PluralSplit } from '../emit/plural-forms.js';
import type { Finding } from './finding.js';
import { htmlAttr, htmlComment, htmlText } from './html-escape.js';
import { PAGE_CSP, PAGE_SCRIPT } from './page-script.js';

export const STATES: readonly TranslationState[] = ['initial', 'translated', 'reviewed', 'final'];
const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** Scripts written right to left (ISO 15924), for `dir="rtl"`; every other locale gets `dir="auto"`. */
const RTL_SCRIPTS = new Set([
  'Adlm', 'Arab', 'Aran', 'Armi', 'Avst', 'Chrs', 'Cprt', 'Elym', 'Hatr', 'Hebr', 'Hung', 'Khar', 'Lydi', 'Mand', 'Mani', 'Mend', 'Merc', 'Mero',
  'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Ougr', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd', 'Sogo', 'Syrc', 'Thaa', 'Yezi',
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
  /** For a missing text: the locale of the configured chain that apps show instead, if any. */
  fallbackTo?: string;
  /** With user messages: the key's user message in this locale (where the page shows it above the detail). */
  user?: { text: string; origin: string };
}

export function reviewPageContext({ catalog, config, header, findings }: ReviewPageInput) {
  const layerOrder = [...config.layers.map((l) => l.name), 'merged'];
  const sorted = [...findings].sort((a, b) => compareFindings(a, b, layerOrder));
  const ruleIds = [...new Set(sorted.map((f) => f.ruleId))].sort();
  const ruleCol = new Map(ruleIds.map((r, i) => [r, `r${i}`]));
  const col = new Map(catalog.locales.map((l, i) => [l, `c${i}`]));
  const sectionCol = new Map(catalog.sections.map((s, i) => [s.id, `s${i}`]));
  const byKey = new Map<string, Finding[]>();
  for (const f of sorted) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  const keys = new Set(catalog.messages.map((m) => m.key));
  const titleOf = (id: string) => catalog.sections.find((s) => s.id === id)?.titles[catalog.sourceLocale] ?? id;

  const locales = catalog.locales.map((locale) => ({
    col: col.get(locale)!,
    tag: htmlText(locale),
    dir: directionOf(locale),
    rtl: directionOf(locale) === 'rtl',
    source: locale === catalog.sourceLocale,
  }));

  const userByKey = new Map((catalog.userMessages ?? []).map((m) => [m.key, m]));
  const rows = catalog.messages.map((message) => {
    const own = byKey.get(message.key) ?? [];
    const openLocales = new Set(own.filter((f) => !f.resolvedBy).flatMap((f) => f.locales));
    const cells: CellView[] = catalog.locales.map((locale) => withUserText(cellOf(message, locale, col.get(locale)!, openLocales.has(locale)), userByKey.get(message.key)?.translations[locale]));
    return {
      anchor: htmlAttr(anchorOf(message.key)),
      key: htmlText(message.key),
      range: message.range ? `${message.range[0]} ${message.range[1]}` : '',
      rangeLabel: message.range ? htmlText(`${message.range[0]} … ${message.range[1]}`) : '',
      sectionCol: sectionCol.get(message.section) ?? '',
      sectionId: htmlText(message.section),
      sectionTitle: htmlText(titleOf(message.section)),
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
  });

  const total = catalog.messages.length;
  const summary = catalog.locales.map((locale) => {
    const present = catalog.messages.filter((m) => m.translations[locale]);
    const done = present.filter((m) => ['reviewed', 'final'].includes(m.translations[locale].state)).length;
    const involved = sorted.filter((f) => f.locales.includes(locale));
    // Missing texts that the configured chain fills (zh-Hant's details from zh-Hans): a fallback, not a translation.
    const chain = catalog.fallback?.[locale] ?? [];
    const viaChain = chain.length === 0 ? 0 : catalog.messages.filter((m) => !m.translations[locale] && chain.some((l) => m.translations[l])).length;
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

  return {
    header: htmlComment(header),
    csp: htmlAttr(PAGE_CSP),
    script: PAGE_SCRIPT,
    namespace: htmlText(catalog.namespace),
    /** For `<title>`, which holds text only (no `<span class="ctl">`). */
    namespacePlain: htmlAttr(catalog.namespace),
    sourceLocale: htmlText(catalog.sourceLocale),
    total,
    /** The header row and one row per message (`aria-rowcount`). */
    rowCount: total + 1,
    // Columns keep a readable width however many locales there are; the page scrolls sideways, the message column stays.
    tableMinWidth: `${17 + catalog.locales.length * 13.5}rem`,
    findingCount: sorted.length,
    openCount: sorted.filter((f) => !f.resolvedBy).length,
    locales,
    stateNames: [...STATES, 'missing'],
    sections: catalog.sections.map((s) => ({
      col: sectionCol.get(s.id)!,
      id: htmlText(s.id),
      part: htmlText(s.part ?? ''),
      title: htmlText(titleOf(s.id)),
      /** For `<option>`, which holds text only. */
      optionLabel: htmlAttr(`${titleOf(s.id)} (${s.id})`),
      count: catalog.messages.filter((m) => m.section === s.id).length,
      titles: catalog.locales.map((locale) => {
        const title = s.titles[locale];
        return { col: col.get(locale)!, present: title !== undefined, text: htmlText(title ?? ''), lang: htmlAttr(locale), dir: directionOf(locale) };
      }),
    })),
    rules: ruleIds.map((rule) => {
      const of = sorted.filter((f) => f.ruleId === rule);
      return { col: ruleCol.get(rule)!, id: htmlText(rule), optionLabel: htmlAttr(`${rule} (${of.length})`), count: of.length, open: of.filter((f) => !f.resolvedBy).length };
    }),
    summary,
    overall: ruleCounts(sorted),
    rows,
    orphans: sorted
      .filter((f) => !keys.has(f.key))
      .sort((a, b) => compareKeys(a.key, b.key))
      .map(findingView),
  };

  function cellOf(message: Message, locale: string, column: string, flagged: boolean): CellView {
    const t: Translation | undefined = message.translations[locale];
    const base = { col: column, key: htmlAttr(message.key), locale: htmlAttr(locale), dir: directionOf(locale), flagged };
    if (!t) {
      const fallbackTo = (catalog.fallback?.[locale] ?? []).find((l) => message.translations[l]);
      return { ...base, present: false, text: '', state: 'missing', layer: '', origin: '', overrides: [], note: '', doubts: [], forms: [], ...(fallbackTo ? { fallbackTo: htmlAttr(fallbackTo) } : {}) };
    }
    // Validation makes every locale use the registry's arguments, so only a message with a plural argument can have a plural.
    const split = message.params.some((p) => p.type === 'plural') ? splitPlural(t.ast) : undefined;
    return {
      ...base,
      present: true,
      text: htmlText(t.text),
      state: t.state,
      layer: htmlText(t.origin.layer),
      origin: htmlText(at(t.origin)),
      overrides: (t.overrides ?? []).map((o) => ({ layer: htmlText(o.layer), at: htmlText(at(o)) })),
      note: htmlText(t.note ?? ''),
      doubts: (t.doubts ?? []).map(htmlText),
      forms: split?.kind === 'plural' ? formsOf(split.plural, locale) : [],
    };
  }

  function withUserText(cell: CellView, user: Translation | undefined): CellView {
    return user ? { ...cell, user: { text: htmlText(user.text), origin: htmlText(at(user.origin)) } } : cell;
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
