/**
 * Formats without ICU (i18next, Android, gettext, stringsdict…) carry a
 * plural message as one string per category. This expands a message with
 * one plural into those strings' parts; what such formats cannot carry
 * (two plurals, a select, a nested plural) comes back as a reason.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

export interface PluralSplit {
  arg: string;
  /** The parts of the whole message for each selector ("one", "=0"…); `#` stays a pound element. */
  forms: Map<string, MessageFormatElement[]>;
}

export type SplitResult = { kind: 'plain' } | { kind: 'plural'; plural: PluralSplit } | { kind: 'unsupported'; reason: string };

/** The result for a message without plural, select or markup: shared, since nothing in it can change. */
const PLAIN: SplitResult = Object.freeze({ kind: 'plain' });

/**
 * Splits of the ASTs seen so far. Every target splits every translation, some
 * several times; an AST is never changed once parsed and a split is only
 * read, so one split per AST serves them all.
 */
const splits = new WeakMap<readonly MessageFormatElement[], SplitResult>();

export function splitPlural(ast: readonly MessageFormatElement[]): SplitResult {
  // Most messages are text and arguments only: no select, no plural, no markup to look into.
  if (ast.every(isFlat)) return PLAIN;
  let split = splits.get(ast);
  if (split === undefined) {
    split = splitStructured(ast);
    splits.set(ast, split);
  }
  return split;
}

function splitStructured(ast: readonly MessageFormatElement[]): SplitResult {
  if (containsSelect(ast)) return { kind: 'unsupported', reason: 'a select argument' };
  const at = ast.flatMap((el, i) => (el.type === TYPE.plural ? [i] : []));
  if (at.length === 0) {
    return containsPlural(ast) ? { kind: 'unsupported', reason: 'a plural inside markup' } : { kind: 'plain' };
  }
  if (at.length > 1) return { kind: 'unsupported', reason: 'more than one plural' };
  const el = ast[at[0]];
  if (el.type !== TYPE.plural) throw new Error('unreachable');
  if (el.offset !== 0) return { kind: 'unsupported', reason: 'a plural offset' };
  if (el.pluralType === 'ordinal') return { kind: 'unsupported', reason: 'an ordinal plural' };
  const before = ast.slice(0, at[0]);
  const after = ast.slice(at[0] + 1);
  const forms = new Map<string, MessageFormatElement[]>();
  for (const [selector, option] of Object.entries(el.options)) {
    if (containsPlural(option.value)) return { kind: 'unsupported', reason: 'a plural nested in a plural' };
    forms.set(selector, [...before, ...option.value, ...after]);
  }
  return { kind: 'plural', plural: { arg: el.value, forms } };
}

/** The selector whose text a locale shows for a category: the category itself, else `other`. */
export function formFor(split: PluralSplit, category: string): MessageFormatElement[] {
  return split.forms.get(category) ?? split.forms.get('other')!;
}

/** An element with nothing inside that could be a select, a plural or markup. */
function isFlat(el: MessageFormatElement): boolean {
  return (
    el.type === TYPE.literal ||
    el.type === TYPE.argument ||
    el.type === TYPE.number ||
    el.type === TYPE.date ||
    el.type === TYPE.time ||
    el.type === TYPE.pound
  );
}

function containsSelect(elements: readonly MessageFormatElement[]): boolean {
  return elements.some(
    (el) =>
      el.type === TYPE.select ||
      (el.type === TYPE.plural && Object.values(el.options).some((o) => containsSelect(o.value))) ||
      (el.type === TYPE.tag && containsSelect(el.children)),
  );
}

function containsPlural(elements: readonly MessageFormatElement[]): boolean {
  return elements.some((el) => el.type === TYPE.plural || (el.type === TYPE.tag && containsPlural(el.children)));
}

/** CLDR categories in CLDR order, the order every format lists plural forms in. */
export const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * The categories of each locale asked so far. A module-level cache is safe:
 * a locale's plural rules do not change while the process runs, the cached
 * lists are frozen, and callers get their own copy. An invalid locale throws
 * each time, as Intl.PluralRules does, and is not cached.
 */
const categoriesCache = new Map<string, readonly string[]>();

/** The CLDR categories of a locale's cardinal plural rules, in CATEGORY_ORDER. */
export function pluralCategories(locale: string): string[] {
  let categories = categoriesCache.get(locale);
  if (categories === undefined) {
    const found = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    categories = Object.freeze(CATEGORY_ORDER.filter((c) => found.has(c)));
    categoriesCache.set(locale, categories);
  }
  return [...categories];
}

const rulesCache = new Map<string, Intl.PluralRules>();

/** A locale's cardinal Intl.PluralRules, built once per process (building one costs far more than a select). */
export function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesCache.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return rules;
}

const exactCache = new Map<string, boolean>();

/** The integers a category must not hold (but n) to hold n alone: 0…1000, then a few large ones (fr `many` holds 1 000 000). */
const SAMPLES = [...Array.from({ length: 1001 }, (_, i) => i), 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * Whether a CLDR category of a locale holds n and no other of the sampled
 * integers (ar `zero` is {0}; lv `zero` is not; en `one` is {1}). Formats
 * that select by category only (Android, gettext, stringsdict, gen-l10n)
 * can write an exact `=N` form as that category's form exactly then. Cached:
 * it asks the rules a thousand times.
 */
export function categoryIsExactly(locale: string, category: string, n: number): boolean {
  const id = `${locale}|${category}|${n}`;
  let exact = exactCache.get(id);
  if (exact === undefined) {
    const rules = pluralRules(locale);
    exact = rules.select(n) === category;
    for (let i = 0; i < SAMPLES.length && exact; i++) exact = SAMPLES[i] === n || rules.select(SAMPLES[i]) !== category;
    exactCache.set(id, exact);
  }
  return exact;
}

/** The category that holds n alone among integers (categoryIsExactly), if there is one: the category an exact `=N` form can stand for. */
export function categoryHoldingOnly(locale: string, n: number): string | undefined {
  const category = pluralRules(locale).select(n);
  return categoryIsExactly(locale, category, n) ? category : undefined;
}
