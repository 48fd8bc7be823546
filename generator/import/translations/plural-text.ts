/**
 * One ICU plural rebuilt from the forms a translator's file gives back, for
 * the formats that carry a plural as one string per category (PO msgstr[N],
 * ARB, String Catalog variations, Android `<item quantity>`); and the ICU
 * spelling of the arguments a source text shows, which placeholders come back
 * as. Shared by the PO, ARB, String Catalog and Android imports.
 *
 * A form the file has no string for (an exact `=N` the format cannot carry,
 * a category it merges into another) follows the form whose text it had in
 * the current translation, else is kept as it is and reported by the caller
 * (`kept`). Forms are written in the generator's order: exact selectors by
 * value, then CLDR order.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { CATEGORY_ORDER, type PluralSplit } from '../../emit/plural-forms.js';
import { canonical, partsToIcu, type IcuPart } from './icu-text.js';

/**
 * `given`: each form of the file as [selector, ICU source of the form], in
 * the file's order; `current`: the current translation's plural, if it has
 * one; `otherFrom`: the selector whose form stands for `other` when no form
 * is `other`.
 */
export function pluralIcu(
  arg: string,
  given: readonly (readonly [string, string])[],
  current: PluralSplit | undefined,
  otherFrom: string,
): { text: string; kept: string[] } {
  const forms = new Map<string, string>();
  const newView = new Map<string, string>(); // the meaning of a selector's current text → the form that replaces it
  for (const [selector, icu] of given) {
    forms.set(selector, icu);
    if (current) newView.set(canonical(current.forms.get(selector) ?? current.forms.get('other')!), forms.get(selector)!);
  }
  const kept: string[] = [];
  for (const [selector, elements] of current?.forms ?? []) {
    if (forms.has(selector)) continue;
    const follows = newView.get(canonical(elements));
    if (follows !== undefined) forms.set(selector, follows);
    else {
      forms.set(selector, formIcu(elements));
      kept.push(selector);
    }
  }
  if (!forms.has('other')) forms.set('other', forms.get(otherFrom)!);
  return {
    text: `{${arg}, plural, ${sortSelectors([...forms.keys()])
      .map((s) => `${s} {${forms.get(s)}}`)
      .join(' ')}}`,
    kept,
  };
}

/** Exact selectors by value, then CLDR categories in order. */
export function sortSelectors(selectors: readonly string[]): string[] {
  const exact = (s: string) => s.startsWith('=');
  const order = (s: string) => (exact(s) ? Number(s.slice(1)) : CATEGORY_ORDER.indexOf(s as (typeof CATEGORY_ORDER)[number]));
  return [...selectors].sort((a, b) => Number(exact(b)) - Number(exact(a)) || order(a) - order(b));
}

/** A current plural form written back unchanged, as the ICU source of a form. */
export function formIcu(elements: readonly MessageFormatElement[]): string {
  return partsToIcu(elementParts(elements), true, '}');
}

/** Elements as parts: literals as text, anything else as its ICU source (`#` for the pound). */
export function elementParts(elements: readonly MessageFormatElement[]): IcuPart[] {
  return elements.map((el): IcuPart =>
    el.type === TYPE.literal ? { kind: 'text', text: el.value } : { kind: 'ph', equiv: el.type === TYPE.pound ? '#' : printAST([el]) },
  );
}

/** The ICU spelling of each argument a text shows, first use first: `{name}`, or `{name, number}` (date, time) without a style. */
export function argumentSpellings(elements: readonly MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) setOnce(out, el.value, `{${el.value}}`);
    else if ((el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) && !el.style)
      setOnce(out, el.value, `{${el.value}, ${el.type === TYPE.number ? 'number' : el.type === TYPE.date ? 'date' : 'time'}}`);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      setOnce(out, el.value, `{${el.value}}`);
      for (const option of Object.values(el.options)) argumentSpellings(option.value, out);
    } else if (el.type === TYPE.tag) argumentSpellings(el.children, out);
  }
  return out;
}

function setOnce(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}
