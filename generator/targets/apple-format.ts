/**
 * ICU → Apple format strings, and the escaping tables of the Apple files.
 *
 * Every value codebook writes for Apple is a printf-style format string, in
 * all three files alike, because a `.stringsdict` entry only works through
 * `String(format:)`/`String.localizedStringWithFormat` and one lookup should
 * treat every key the same way: a literal `%` is always `%%`, arguments are
 * positional (`%1$@`, position = the registry's param order, so translations
 * may reorder them) with the specifier of the param's registry type.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message, ParamType } from '../catalog/model.js';
import { codePointName, isAsciiIdentifier } from '../emit/naming.js';
import { argumentPositions } from '../emit/placeholders.js';
import { categoryIsExactly, formFor, pluralCategories, splitPlural } from '../emit/plural-forms.js';
import { isExactSelector } from '../emit/plural-shape.js';
import { cannot, converted, orProblem, type Converted } from '../emit/unrepresentable.js';
import { firstLoneSurrogate, firstNotXml, XML_COMMENT, xmlComment as commentWith } from '../emit/xml-escape.js';

export { xmlText } from '../emit/xml-escape.js';

/** Swift `Int` is 64-bit: `%lld`, as Xcode writes for Int interpolations (`%d` reads 32 bits). */
export const INTEGER_SPECIFIER = 'lld';

/** printf conversion by registry param type; dates arrive formatted by the app. */
export const SPECIFIERS: Record<ParamType, string> = {
  string: '@',
  select: '@',
  date: '@',
  time: '@',
  number: INTEGER_SPECIFIER,
  plural: INTEGER_SPECIFIER,
};

/** A message for Apple: one format string, or one per plural category (CLDR order, `other` last). */
export type AppleMessage = { kind: 'plain'; value: string } | { kind: 'plural'; arg: string; position: number; forms: [string, string][] };

/** appleConversion in the shape import/xcstrings reads (AppleMessage, or `{ problem }`). */
export function appleMessage(message: Message, locale: string): AppleMessage | { problem: string } | undefined {
  const result = appleConversion(message, locale);
  return result && orProblem(result);
}

/** The Apple format strings of a message in a locale; undefined when it has no translation there. */
export function appleConversion(message: Message, locale: string): Converted<AppleMessage> | undefined {
  const translation = message.translations[locale];
  if (!translation) return undefined;
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') return cannot(`Apple format strings have no syntax for ${split.reason}`);
  if (split.kind === 'plain') {
    const value = formatString(translation.ast, message);
    return value.ok ? converted({ kind: 'plain', value: value.value }) : value;
  }
  const { arg } = split.plural;
  const position = argumentPositions(message).get(arg);
  if (position === undefined) return cannot(`the plural argument {${arg}} is not a declared param`);
  if (!isAsciiIdentifier(arg)) return cannot(`the plural argument name ${JSON.stringify(arg)} cannot be a stringsdict variable`);
  const selectors = pluralSelectors(split.plural.forms, locale);
  if (!selectors.ok) return selectors;
  const forms: [string, string][] = [];
  for (const [category, elements] of selectors.value) {
    const value = formatString(elements, message, arg);
    if (!value.ok) return value;
    forms.push([category, value.value]);
  }
  return converted({ kind: 'plural', arg, position, forms });
}

/**
 * The stringsdict keys of a plural: every CLDR category of the locale
 * (missing ones take `other`), and `=0` as `zero`, which `.stringsdict`
 * applies to 0 in every language. Other exact values have no key.
 */
function pluralSelectors(forms: Map<string, MessageFormatElement[]>, locale: string): Converted<[string, MessageFormatElement[]][]> {
  const exact = [...forms.keys()].filter(isExactSelector);
  const other = exact.find((s) => s !== '=0');
  if (other) return cannot(`.stringsdict has no key for the exact plural selector ${other} (only =0, as zero)`);
  const categories = pluralCategories(locale);
  const zero = forms.get('=0');
  if (zero && categories.includes('zero') && !categoryIsExactly(locale, 'zero', 0)) {
    return cannot(`=0 and the CLDR category zero of ${locale}, which covers more than 0, would share the stringsdict key zero`);
  }
  const split = { arg: '', forms };
  const out: [string, MessageFormatElement[]][] = zero ? [['zero', zero]] : [];
  for (const category of categories) {
    if (category === 'zero' && zero) continue;
    out.push([category, formFor(split, category)]);
  }
  return converted(out);
}

/** One format string from ICU parts; `#` becomes the plural argument's placeholder. */
function formatString(elements: readonly MessageFormatElement[], message: Message, pluralArg?: string): Converted<string> {
  const positions = argumentPositions(message);
  const placeholder = (name: string): Converted<string> => {
    const position = positions.get(name);
    const param = message.params.find((p) => p.name === name);
    if (position === undefined || !param) return cannot(`the argument {${name}} is not a declared param`);
    return converted(`%${position}$${SPECIFIERS[param.type]}`);
  };
  let out = '';
  for (const el of elements) {
    let piece: Converted<string>;
    if (el.type === TYPE.literal) piece = converted(el.value.replace(/%/g, '%%'));
    else if (el.type === TYPE.argument) piece = placeholder(el.value);
    else if (el.type === TYPE.pound && pluralArg) piece = placeholder(pluralArg);
    else if ((el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) && !el.style) piece = placeholder(el.value);
    else piece = cannot(`${describe(el)} has no printf equivalent`);
    if (!piece.ok) return piece;
    out += piece.value;
  }
  return converted(out);
}

function describe(el: MessageFormatElement): string {
  return 'value' in el ? `the ${TYPE[el.type]} element {${el.value}}` : `the ${TYPE[el.type]} element`;
}

/** `.strings` quoted string (CFOldStylePList.c getSlashedChar; formats.md §4.2). */
const STRINGS_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes the listed characters, other C0/DEL/C1 controls as `\UXXXX` (never octal: that is NeXTSTEP Latin); the rest raw. */
export function stringsLiteral(text: string): string {
  return text.replace(
    /["\\\n\r\t\u0000-\u001f\u007f-\u009f]/g,
    (c) => STRINGS_ESCAPES[c] ?? `\\U${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** The `.stringsdict` header comment: XML's comment rule with Apple's options (emit/xml-escape.ts). */
export function xmlComment(text: string): string {
  return commentWith(text, XML_COMMENT.apple);
}

/** The first character a file kind cannot carry, as `U+XXXX`: a lone surrogate (no UTF-8 form), then (XML) what XML 1.0 cannot carry. */
export function unwritableChar(text: string, kind: 'utf8' | 'xml'): string | undefined {
  const found = firstLoneSurrogate(text) ?? (kind === 'xml' ? firstNotXml(text) : undefined);
  return found === undefined ? undefined : codePointName(found);
}
