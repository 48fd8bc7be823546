/**
 * The plural shape of a message across its locales, for the formats that
 * select a plural form outside the text (Android `<plurals>`, the Java key
 * groups, the lookups' quantity argument, XLIFF plural groups). plural-forms.ts
 * splits one text; this module holds the rules that look at a message as a
 * whole or name its forms, each once (test/emit/plural-shape.test.ts holds
 * the table):
 *
 * - The plural argument: a message is plural when any locale's text is, and
 *   it is selected by the plural argument of the first locale (catalog order,
 *   the source first) whose text is plural. A locale whose plural is on
 *   another argument is the target's "cannot be written".
 * - Its position: the 0-based index of that argument in the message's
 *   params (the order `%1$s`/`{0}` number them, placeholders.ts).
 * - Exact selectors (`=0`): written `=N`; their value is N. Across locales,
 *   the exact selectors of a message are each one once, by value.
 * - The form a locale shows for a selector: its own form when it has one;
 *   else, for `=N`, the form of N's CLDR category; else (a category it lacks)
 *   its `other` form. A text without a plural shows itself for every selector.
 * - The order of selectors: exact ones first, by value, then CLDR categories
 *   in CLDR order (what every format lists and the XLIFF import rebuilds).
 * - The argument of an element: `{n}`, `{n, number}`, `{d, date}`,
 *   `{t, time}` show their argument; `#` shows the plural argument.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message } from '../catalog/model.js';
import { CATEGORY_ORDER, formFor, pluralRules, splitPlural, type PluralSplit } from './plural-forms.js';

export interface PluralShape {
  /** The argument that selects the form. */
  arg: string;
  /** The value of every exact selector any locale uses, once each, ascending. */
  exact: number[];
}

/** The plural argument of a message: that of the first of `locales` (source first) whose text is plural; undefined when none is. */
export function pluralArgumentOf(message: Message, locales: readonly string[]): string | undefined {
  for (const locale of locales) {
    const translation = message.translations[locale];
    const split = translation && splitPlural(translation.ast);
    if (split && split.kind === 'plural') return split.plural.arg;
  }
  return undefined;
}

/** The plural argument and the exact selectors of every locale's plural; undefined when no text is plural. */
export function pluralShapeOf(message: Message, locales: readonly string[]): PluralShape | undefined {
  const plurals = locales.flatMap((locale) => {
    const translation = message.translations[locale];
    const split = translation && splitPlural(translation.ast);
    return split && split.kind === 'plural' ? [split.plural] : [];
  });
  if (plurals.length === 0) return undefined;
  return { arg: plurals[0].arg, exact: [...new Set(exactSelectors(plurals).map(exactValue))] };
}

/** 0-based index of the plural argument in the message's params; undefined when it has no plural or the argument is not a param. */
export function pluralParamIndex(message: Message, locales: readonly string[]): number | undefined {
  const arg = pluralArgumentOf(message, locales);
  const index = arg === undefined ? -1 : message.params.findIndex((p) => p.name === arg);
  return index < 0 ? undefined : index;
}

/** `=0`, `=12`: a selector for one value rather than a CLDR category. */
export function isExactSelector(selector: string): boolean {
  return selector.startsWith('=');
}

/** The value an exact selector selects (`=12` → 12). */
export function exactValue(selector: string): number {
  return Number(selector.slice(1));
}

/** The exact selectors of some plurals, each spelling once, by value. */
export function exactSelectors(plurals: Iterable<PluralSplit>): string[] {
  const found = new Set<string>();
  for (const plural of plurals) for (const selector of plural.forms.keys()) if (isExactSelector(selector)) found.add(selector);
  return [...found].sort((a, b) => exactValue(a) - exactValue(b));
}

/** What a plural shows for a selector in a locale: its own form, else (`=N`) the form of N's category, else `other`. */
export function pluralFormFor(plural: PluralSplit, selector: string, locale: string): MessageFormatElement[] {
  if (plural.forms.has(selector) || !isExactSelector(selector)) return formFor(plural, selector);
  return formFor(plural, pluralRules(locale).select(exactValue(selector)));
}

/** What a text shows for a selector: pluralFormFor of its plural; a text without one shows itself. */
export function formShownFor(ast: MessageFormatElement[], selector: string, locale: string): MessageFormatElement[] {
  const split = splitPlural(ast);
  return split.kind === 'plural' ? pluralFormFor(split.plural, selector, locale) : ast;
}

const EXACT_SPELLING = /^=(0|[1-9]\d*)$/;

/** A selector a plural form can be written under: `=N` (N a whole number without leading zeros) or a CLDR category. */
export function isPluralSelector(selector: string): boolean {
  return EXACT_SPELLING.test(selector) || (CATEGORY_ORDER as readonly string[]).includes(selector);
}

/** The order of selectors: exact ones first by value, then CLDR categories in CLDR order. */
export function compareSelectors(a: string, b: string): number {
  const order = (s: string) => (isExactSelector(s) ? exactValue(s) : CATEGORY_ORDER.indexOf(s as (typeof CATEGORY_ORDER)[number]));
  return Number(isExactSelector(b)) - Number(isExactSelector(a)) || order(a) - order(b);
}

/** The argument an element shows: its own for an argument, number, date or time; the plural argument for `#`; undefined for anything else. */
export function argumentOf(el: MessageFormatElement, pluralArg: string | undefined): string | undefined {
  if (el.type === TYPE.pound) return pluralArg;
  return el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time ? el.value : undefined;
}
