/**
 * ICU for Flutter's gen-l10n, re-serialised from the AST so that formatjs
 * (ICU's DOUBLE_OPTIONAL apostrophes) and gen-l10n with `use-escaping: true`
 * (l10n.yaml; flutter_tools `message_parser.dart`) read the same text:
 *
 * - every literal `'` is `''` (gen-l10n would open a quote at any single `'`);
 * - the span of a literal from its first to its last `{`, `}` (and `#` directly
 *   in a plural branch, formatjs's pound) is one quoted run `'…'` with `''`
 *   inside; a quote may only open before such a character in ICU, and
 *   gen-l10n glues adjacent quoted runs with a `'`, so there is one run per
 *   literal, never two in a row;
 * - an apostrophe directly before that span has no spelling both read alike
 *   (`'''{'`: ICU `'{`, gen-l10n `''{`): reported;
 * - `#` becomes `{count}` (gen-l10n does not replace `#`), `{n, number}` becomes
 *   `{n}` with the placeholder's `format` in the template metadata;
 * - plural selectors: gen-l10n knows `=0` `=1` `=2` and the CLDR categories,
 *   and merges `=0`/`zero`, `=1`/`one`, `=2`/`two` into one case. Every CLDR
 *   category of the locale is written (missing ones take `other`); `=N` stands
 *   for its category where that category is exactly N in the locale
 *   (ar `zero`), else the pair cannot be told apart and is reported.
 */
import { TYPE, type MessageFormatElement, type PluralElement } from '@formatjs/icu-messageformat-parser';
import { categoryIsExactly, pluralCategories } from '../emit/plural-forms.js';
import { exactValue, isExactSelector } from '../emit/plural-shape.js';
import { cannot, converted, orProblem, type Converted } from '../emit/unrepresentable.js';

type Parent = 'top' | 'plural' | 'select';

const EXACT_CATEGORIES = ['zero', 'one', 'two'];

/** Text with none of the characters quoteLiteral changes. */
const PLAIN = /[{}#']/;

/** The ARB value of a translation, or why gen-l10n cannot carry it. */
export function arbText(ast: readonly MessageFormatElement[], locale: string): Converted<string> {
  return printElements(ast, locale, 'top', undefined);
}

/** arbText in the shape import/arb reads (the value, or `{ problem }`). */
export function arbValue(ast: readonly MessageFormatElement[], locale: string): string | { problem: string } {
  return orProblem(arbText(ast, locale));
}

function printElements(
  elements: readonly MessageFormatElement[],
  locale: string,
  parent: Parent,
  count: string | undefined,
): Converted<string> {
  let out = '';
  let literal = ''; // the parser may split one run of text into several elements
  for (const el of [...elements, undefined]) {
    if (el?.type === TYPE.literal) {
      literal += el.value;
      continue;
    }
    const text = quoted(literal, parent === 'plural');
    if (!text.ok) return text;
    literal = '';
    const piece = el ? printElement(el, locale, count) : converted('');
    if (!piece.ok) return piece;
    out += text.value + piece.value;
  }
  return converted(out);
}

function printElement(el: MessageFormatElement, locale: string, count: string | undefined): Converted<string> {
  switch (el.type) {
    case TYPE.argument:
      return converted(`{${el.value}}`);
    case TYPE.pound:
      return count ? converted(`{${count}}`) : cannot('a # outside a plural');
    case TYPE.number:
    case TYPE.date:
    case TYPE.time:
      return el.style
        ? cannot(`the style of {${el.value}, ${TYPE[el.type]}, …} has no gen-l10n spelling (placeholder formats are per key)`)
        : converted(`{${el.value}}`);
    case TYPE.select: {
      const options = Object.entries(el.options).map(([selector, option]) => [selector, option.value] as const);
      return printOptions(el.value, 'select', options, locale, count);
    }
    case TYPE.plural: {
      const options = pluralOptions(el, locale);
      return options.ok ? printOptions(el.value, 'plural', options.value, locale, el.value) : options;
    }
    default:
      return cannot(`unsupported ICU element ${TYPE[el.type]}`);
  }
}

function printOptions(
  arg: string,
  kind: 'plural' | 'select',
  options: readonly (readonly [string, MessageFormatElement[]])[],
  locale: string,
  count: string | undefined,
): Converted<string> {
  const parts: string[] = [];
  for (const [selector, value] of options) {
    const body = printElements(value, locale, kind, count);
    if (!body.ok) return body;
    parts.push(`${selector}{${body.value}}`);
  }
  return converted(`{${arg}, ${kind}, ${parts.join(' ')}}`);
}

/** Exact selectors first, then every CLDR category of the locale that no exact selector stands for. */
function pluralOptions(el: PluralElement, locale: string): Converted<[string, MessageFormatElement[]][]> {
  if (el.pluralType === 'ordinal') return cannot('gen-l10n has no selectordinal');
  if (el.offset !== 0) return cannot('gen-l10n has no plural offset');
  const categories = pluralCategories(locale);
  const out: [string, MessageFormatElement[]][] = [];
  const covered = new Set<string>();
  for (const selector of Object.keys(el.options).filter(isExactSelector).sort()) {
    const n = exactValue(selector);
    const category = EXACT_CATEGORIES[n];
    if (!category || selector !== `=${n}`) return cannot(`gen-l10n accepts only =0, =1 and =2, not ${selector}`);
    if (categories.includes(category)) {
      if (!categoryIsExactly(locale, category, n))
        return cannot(`gen-l10n merges ${selector} with the CLDR category ${category}, which covers more than ${n} in ${locale}`);
      covered.add(category);
    }
    out.push([selector, el.options[selector].value]);
  }
  for (const category of categories) {
    if (!covered.has(category)) out.push([category, (el.options[category] ?? el.options.other).value]);
  }
  return converted(out);
}

/** ICU text of a literal run, quoted as described above. */
function quoted(text: string, inPlural: boolean): Converted<string> {
  if (!PLAIN.test(text)) return converted(text); // the common case: nothing to quote or double
  const special = inPlural ? /[{}#]/g : /[{}]/g;
  const at = [...text.matchAll(special)].map((m) => m.index);
  const double = (s: string) => s.replace(/'/g, "''");
  if (at.length === 0) return converted(double(text));
  const [first, last] = [at[0], at[at.length - 1]];
  if (text[first - 1] === "'")
    return cannot(`an apostrophe directly before a literal ${JSON.stringify(text[first])} reads differently in ICU and in gen-l10n`);
  return converted(`${double(text.slice(0, first))}'${double(text.slice(first, last + 1))}'${double(text.slice(last + 1))}`);
}

/** quoted, as test/targets/flutter.test.ts pins it (the text, or `{ problem }`). */
export function quoteLiteral(text: string, inPlural: boolean): string | { problem: string } {
  return orProblem(quoted(text, inPlural));
}
