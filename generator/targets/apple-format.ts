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
import { argumentPositions } from '../emit/placeholders.js';
import { categoryIsExactly, formFor, pluralCategories, splitPlural } from '../emit/plural-forms.js';

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

export type Problem = { problem: string };

/** A message for Apple: one format string, or one per plural category (CLDR order, `other` last). */
export type AppleMessage = { kind: 'plain'; value: string } | { kind: 'plural'; arg: string; position: number; forms: [string, string][] };

export function appleMessage(message: Message, locale: string): AppleMessage | Problem | undefined {
  const translation = message.translations[locale];
  if (!translation) return undefined;
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') return { problem: `Apple format strings have no syntax for ${split.reason}` };
  if (split.kind === 'plain') {
    const value = formatString(translation.ast, message);
    return typeof value === 'string' ? { kind: 'plain', value } : value;
  }
  const { arg } = split.plural;
  const position = argumentPositions(message).get(arg);
  if (position === undefined) return { problem: `the plural argument {${arg}} is not a declared param` };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg)) return { problem: `the plural argument name ${JSON.stringify(arg)} cannot be a stringsdict variable` };
  const selectors = pluralSelectors(split.plural.forms, locale);
  if ('problem' in selectors) return selectors;
  const forms: [string, string][] = [];
  for (const [category, elements] of selectors.forms) {
    const value = formatString(elements, message, arg);
    if (typeof value !== 'string') return value;
    forms.push([category, value]);
  }
  return { kind: 'plural', arg, position, forms };
}

/**
 * The stringsdict keys of a plural: every CLDR category of the locale
 * (missing ones take `other`), and `=0` as `zero`, which `.stringsdict`
 * applies to 0 in every language. Other exact values have no key.
 */
function pluralSelectors(forms: Map<string, MessageFormatElement[]>, locale: string): { forms: [string, MessageFormatElement[]][] } | Problem {
  const exact = [...forms.keys()].filter((s) => s.startsWith('='));
  const other = exact.find((s) => s !== '=0');
  if (other) return { problem: `.stringsdict has no key for the exact plural selector ${other} (only =0, as zero)` };
  const categories = pluralCategories(locale);
  const zero = forms.get('=0');
  if (zero && categories.includes('zero') && !categoryIsExactly(locale, 'zero', 0)) {
    return { problem: `=0 and the CLDR category zero of ${locale}, which covers more than 0, would share the stringsdict key zero` };
  }
  const split = { arg: '', forms };
  const out: [string, MessageFormatElement[]][] = zero ? [['zero', zero]] : [];
  for (const category of categories) {
    if (category === 'zero' && zero) continue;
    out.push([category, formFor(split, category)]);
  }
  return { forms: out };
}

/** One format string from ICU parts; `#` becomes the plural argument's placeholder. */
function formatString(elements: readonly MessageFormatElement[], message: Message, pluralArg?: string): string | Problem {
  const positions = argumentPositions(message);
  const placeholder = (name: string): string | Problem => {
    const position = positions.get(name);
    const param = message.params.find((p) => p.name === name);
    if (position === undefined || !param) return { problem: `the argument {${name}} is not a declared param` };
    return `%${position}$${SPECIFIERS[param.type]}`;
  };
  let out = '';
  for (const el of elements) {
    let piece: string | Problem;
    if (el.type === TYPE.literal) piece = el.value.replace(/%/g, '%%');
    else if (el.type === TYPE.argument) piece = placeholder(el.value);
    else if (el.type === TYPE.pound && pluralArg) piece = placeholder(pluralArg);
    else if ((el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) && !el.style) piece = placeholder(el.value);
    else piece = { problem: `${describe(el)} has no printf equivalent` };
    if (typeof piece !== 'string') return piece;
    out += piece;
  }
  return out;
}

function describe(el: MessageFormatElement): string {
  return 'value' in el ? `the ${TYPE[el.type]} element {${el.value}}` : `the ${TYPE[el.type]} element`;
}

/** `.strings` quoted string (CFOldStylePList.c getSlashedChar; formats.md §4.2). */
const STRINGS_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escapes the listed characters, other C0/DEL/C1 controls as `\UXXXX` (never octal: that is NeXTSTEP Latin); the rest raw. */
export function stringsLiteral(text: string): string {
  return text.replace(/["\\\n\r\t\u0000-\u001f\u007f-\u009f]/g, (c) => STRINGS_ESCAPES[c] ?? `\\U${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** XML character data: `&`, `<`, `>`; CR as `&#13;` because parsers turn raw CR and CR LF into LF. */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

export function xmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c]);
}

/** A one-line XML comment: `--` may not occur inside one, nor `-` at its end. */
export function xmlComment(text: string): string {
  return text.replace(/--/g, '- -').replace(/-$/, '- ').replace(/[\r\n]+/g, ' ');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** XML 1.0 Char production: no C0 control but TAB, LF, CR; no U+FFFE/U+FFFF; no lone surrogate. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** The first character a file kind cannot carry, as `U+XXXX`. */
export function unrepresentable(text: string, kind: 'utf8' | 'xml'): string | undefined {
  const found = LONE_SURROGATE.exec(text) ?? (kind === 'xml' ? NOT_XML.exec(text) : null);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
