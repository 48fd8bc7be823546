/**
 * The context of one message row of a section page, what
 * `templates/review/row.html.hbs` renders (row-html.ts is the same template
 * in TypeScript). Every string is HTML already (html-escape.ts): element
 * text through `htmlText` (it may hold `<span class="ctl">`), attribute
 * values through `htmlAttr`; templates print them as they are.
 * templates/review/README.md documents each field.
 */
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Catalog, Message, Origin, Param, Translation, TranslationState } from '../catalog/model.js';
import { formFor, pluralCategories, splitPlural, type PluralSplit } from '../emit/plural-forms.js';
import { directionOf } from './direction.js';
import type { Finding } from './finding.js';
import { htmlAttr, htmlText } from './html-escape.js';
import { escapeChar } from './page-files.js';
import { memoByText } from './checks/text.js';

export const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** One QA finding as a row (and the index's orphan list) shows it. */
export interface FindingContext {
  /** A later layer resolved it. */
  resolved: boolean;
  severity: string;
  /** `error`, `warning`, `info`, or `other` for anything else: safe in a class. */
  severityClass: string;
  rule: string;
  layer: string;
  /** The locales involved, `, `-separated. */
  locales: string;
  message: string;
  /** `file:line, …` of the texts the finding is about. */
  origins: string;
  /** `file:line, …` of what resolved it, or ''. */
  resolvedBy: string;
  key: string;
}

/** One declared argument of the message. */
export interface ParamContext {
  /** `{name}`. */
  name: string;
  type: string;
  /** The registry's example value, or ''. */
  example: string;
  description: string;
}

/** One form of a plural text, as the message reads for that selector. */
export interface FormContext {
  /** `=0`…, then the CLDR category (`one`, `other`…). */
  name: string;
  /** The whole message for that form (text around the plural included, `#` kept). */
  text: string;
  lang: string;
  dir: string;
  /** The text lacks this category and shows `other`'s. */
  fallback: boolean;
}

/** One locale's cell of a row. */
export interface CellContext {
  /** The locale's column class, `c0`… (never catalog text). */
  col: string;
  /** The locale has a text (else the cell is a missing one). */
  present: boolean;
  /** The key and locale as attribute values, for `data-key`, `data-locale`, `lang`. */
  key: string;
  locale: string;
  /** `rtl` or `auto`. */
  dir: string;
  text: string;
  /** `initial`, `translated`, `reviewed`, `final`, or `missing`. */
  state: TranslationState | 'missing';
  /** An open finding involves this locale. */
  flagged: boolean;
  /** The text's layer and `file:line`; '' when missing. */
  layer: string;
  origin: string;
  /** The texts it replaced, earliest layer first. */
  overrides: { layer: string; at: string }[];
  note: string;
  /** The importer's doubts about the text. */
  doubts: string[];
  /** For a plural message: its text for each exact selector and each CLDR category of the locale. */
  forms: FormContext[];
  /** For a missing text: the locale of the configured chain that apps show instead, if any (else ''). */
  fallbackTo: string;
  /** With user messages: the key's user message in this locale (where the page shows it above the detail), else null. */
  user: { text: string; origin: string } | null;
}

/** One message row of a section page. */
export interface RowContext {
  /** The row's fragment id (`k-6014`), an attribute value. */
  anchor: string;
  key: string;
  /** `low high` for a range key (`data-range`), else ''. */
  range: string;
  /** `low … high` for a range key, else ''. */
  rangeLabel: string;
  description: string;
  /** With user messages: the detail's action, fault and user message id, else ''. */
  action: string;
  fault: string;
  userId: string;
  params: ParamContext[];
  /** `c0:final c1:missing …`, what the state filter reads. */
  states: string;
  /** The rule tokens (`r-qa_2f_whitespace`, ruleTokenOf) of the key's findings, what the finding filter reads. */
  rules: string;
  /** Open findings on the key. */
  open: number;
  findings: FindingContext[];
  /** One per locale, in locale order. */
  cells: CellContext[];
}

/** What building a row reads besides the message: the catalog, each key's findings, the locale columns. */
export interface RowSource {
  catalog: Catalog;
  byKey: ReadonlyMap<string, Finding[]>;
  col: ReadonlyMap<string, string>;
}

/** The row of a message (`user`: its user message, when the catalog has them). */
export function rowContext(source: RowSource, message: Message, user: Message | undefined): RowContext {
  const { catalog, byKey, col } = source;
  const own = byKey.get(message.key) ?? NO_FINDINGS;
  // Most rows have no finding: no set, list or token to build for them.
  const openLocales = own.length > 0 ? new Set(own.filter((f) => !f.resolvedBy).flatMap((f) => f.locales)) : undefined;
  const key = htmlAttr(message.key);
  const cells = catalog.locales.map((locale) =>
    cellContext(catalog, message, locale, col.get(locale)!, key, openLocales?.has(locale) ?? false, user?.translations[locale]),
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
    params: message.params.map(paramContext),
    states: cells.map((c) => `${c.col}:${c.state}`).join(' '),
    rules: own.length > 0 ? [...new Set(own.map((f) => ruleTokenOf(f.ruleId)))].join(' ') : '',
    open: own.length > 0 ? own.filter((f) => !f.resolvedBy).length : 0,
    findings: own.length > 0 ? own.map(findingContext) : NONE,
    cells,
  };
}

const NO_FINDINGS: readonly Finding[] = [];
/** The empty list of every field that has none (most cells' overrides, doubts and forms): one, frozen, for 300k cells. */
const NONE = Object.freeze([]) as never[];

function paramContext(p: Param): ParamContext {
  return {
    name: htmlText(`{${p.name}}`),
    type: htmlText(p.type),
    example: p.example === undefined ? '' : htmlText(String(p.example)),
    description: htmlText(p.description ?? ''),
  };
}

/** A cell, present or missing, with every field in template order, built as one object (300k cells at 100k keys). */
function cellContext(
  catalog: Catalog,
  message: Message,
  locale: string,
  col: string,
  key: string,
  flagged: boolean,
  userText: Translation | undefined,
): CellContext {
  const t: Translation | undefined = message.translations[locale];
  const fallbackTo = t ? undefined : (catalog.fallback?.[locale] ?? []).find((l) => message.translations[l]);
  return {
    col,
    present: t !== undefined,
    key,
    locale: htmlAttr(locale),
    dir: directionOf(locale),
    text: t ? htmlText(t.text) : '',
    state: t ? t.state : 'missing',
    flagged,
    layer: t ? htmlName(t.origin.layer) : '',
    origin: t ? htmlAt(t.origin) : '',
    overrides: t?.overrides ? t.overrides.map((o) => ({ layer: htmlName(o.layer), at: htmlAt(o) })) : NONE,
    note: t?.note ? htmlText(t.note) : '',
    doubts: t?.doubts ? t.doubts.map(htmlText) : NONE,
    forms: t ? pluralForms(message, t, locale) : NONE,
    fallbackTo: fallbackTo ? htmlAttr(fallbackTo) : '',
    user: userText ? { text: htmlText(userText.text), origin: htmlAt(userText.origin) } : null,
  };
}

/** For a plural message, its text's forms; validation makes every locale use the registry's arguments, so only a message with a plural argument can have a plural. */
function pluralForms(message: Message, t: Translation, locale: string): FormContext[] {
  if (!message.params.some((p) => p.type === 'plural')) return NONE;
  const split = splitPlural(t.ast);
  return split.kind === 'plural' ? formsOf(split.plural, locale) : NONE;
}

/** htmlText of a layer name or file path, remembered: every cell repeats a few of them. */
const htmlName = memoByText(htmlText, 1_000);

/** htmlText(at(origin)): the file escaped once, the line a number. */
function htmlAt(origin: Origin): string {
  return `${htmlName(origin.file)}:${origin.line}`;
}

export function findingContext(f: Finding): FindingContext {
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
function formsOf(plural: PluralSplit, locale: string): FormContext[] {
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

function safeCategories(locale: string): string[] {
  try {
    return pluralCategories(locale);
  } catch {
    return ['other'];
  }
}

/** `file:line`, the way editors and terminals link to a place. */
export function at(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}

/** A fragment id for a key: `k-6014`; any character but letters, digits and `-` as `_hex_`, so distinct keys stay distinct. */
export function anchorOf(key: string): string {
  return `k-${escapedToken(key)}`;
}

/**
 * The token a rule's findings are filtered by (a row's `data-rules`, the rule select's option
 * value, the `rule=` of a carried filter): `r-` and the rule id escaped as anchorOf escapes keys
 * (`qa/whitespace` → `r-qa_2f_whitespace`). It names the rule alone, so a row reads the same
 * whichever other rules the review found (a warm run splices it), and it cannot be taken for the
 * select's `any` and `open` or break an attribute, a class list or a query string.
 */
export function ruleTokenOf(ruleId: string): string {
  return `r-${escapedToken(ruleId)}`;
}

/** `text` with any character but letters, digits and `-` as `_hex_` (one-to-one: a raw `_` is escaped too). */
function escapedToken(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/gu, escapeChar);
}
