/**
 * i18next JSON v4 resource bundles: `i18next/<locale>/<namespace>.json` (the
 * user messages, when the catalog has them, and `<detailNamespace>.json` the
 * developer details), flat
 * keys (the decimal code, the range, `unknown`), ICU converted to i18next's
 * own syntax so a plain `i18next.init` without plugins shows the text:
 * `{{name}}`, `{{n, number}}`, plural suffix keys for every category the
 * locale has (i18next never falls back from a missing category to `_other`),
 * `_zero` for `=0`. i18next selects the form by a value named `count` only,
 * so a plural argument of any other name is written as `{{count}}`; the typed
 * `t` of the types target passes that argument as `count` too. Untranslated messages are left out: an empty string
 * would block fallback. No header: JSON has no comments.
 *
 * Templates: `bundle.json.hbs` is the file, `entry.json.hbs` one key/value
 * pair, rendered from a BundleEntryContext whose strings are JSON already;
 * both can be overridden (templates/i18next/README.md), and an override's
 * output is checked to be an object of strings (emit/json-output-check.ts).
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message, Translation } from '../catalog/model.js';
import { argumentsOf } from '../catalog/icu.js';
import { stringTree } from '../emit/json-output-check.js';
import { formFor, pluralCategories, splitPlural } from '../emit/plural-forms.js';
import type { Target, TargetPlan } from '../emit/target.js';
import { isExactSelector } from '../emit/plural-shape.js';
import { cannot, converted, unrepresentable, type Converted } from '../emit/unrepresentable.js';
import { JSON_ESCAPED, jsonString } from '../emit/escape.js';
import { lazyEntries } from '../emit/lazy-entries.js';

/**
 * What `templates/i18next/entry.json.hbs` renders: one key/value pair of a
 * bundle. Strings are JSON text (quotes and escapes included), so a template
 * prints them as they are.
 */
export interface BundleEntryContext {
  /** The bundle key as a JSON string: `"6014"`, `"5_one"` (a plural form: the message key, `_`, the category). */
  key: string;
  /** The i18next text as a JSON string. */
  value: string;
  /** The message key as a JSON string: `"5"` for each of `"5_one"`, `"5_other"`. */
  messageKey: string;
  /** The plural category as a JSON string (`"one"`, `"zero"` for `=0`), or the JSON `null` when the text has no plural. */
  category: string;
  /** Whether the pair is one form of a plural (`category` is not `null`), for `{{#if plural}}`. */
  plural: boolean;
}

/** What `templates/i18next/bundle.json.hbs` renders (besides `entries`, the rendered pairs joined by `,` and a newline). */
export interface BundleFileContext {
  /** The bundle's locale as a JSON string: `"pt-BR"`. */
  locale: string;
  /** The bundle's namespace as a JSON string: `"errors"`. */
  namespace: string;
}

export const i18nextTarget: Target = {
  id: 'i18next',
  description: 'i18next JSON v4 bundles, one namespace file per locale',
  entriesByKey: true,
  plan(catalog) {
    const plan: TargetPlan = { files: [], diagnostics: [] };
    // With two audiences the namespace holds what users see and a second one the developer details.
    const bundles: [namespace: string, messages: readonly Message[]][] = catalog.userMessages
      ? [
          [catalog.namespace, catalog.userMessages],
          [catalog.detailNamespace, catalog.messages],
        ]
      : [[catalog.namespace, catalog.messages]];
    // Each message key as JSON once, for every locale's bundle.
    const quotedKeys = new Map(bundles.map(([, messages]) => [messages, messages.map((m) => JSON.stringify(m.key))]));
    for (const locale of catalog.locales)
      for (const [namespace, messages] of bundles) {
        const context: BundleFileContext = { locale: JSON.stringify(locale), namespace: JSON.stringify(namespace) };
        const quoted = quotedKeys.get(messages)!;
        const { items, keys } = bundleEntries(messages, quoted, locale, plan);
        plan.files.push({
          path: `i18next/${locale}/${namespace}.json`,
          template: 'bundle.json.hbs',
          context,
          json: { shape: stringTree },
          entries: lazyEntries(
            { template: 'entry.json.hbs', field: 'entries', separator: ',\n', keys, builtIn: bundleEntryText },
            items,
            (item) => (typeof item === 'number' ? quotedEntry(quoted[item]!, messages[item]!.translations[locale]!) : item),
          ),
        });
      }
    return plan;
  },
};

/**
 * templates/i18next/entry.json.hbs in TypeScript, for when it is not
 * overridden; test/targets/i18next-template.test.ts renders every entry both ways.
 */
export function bundleEntryText(e: BundleEntryContext): string {
  return `  ${e.key}: ${e.value}`;
}

/**
 * What the plan keeps of each entry of one locale's bundle, in output order: the index of a
 * message whose text is written as it is (most: its context is built as the renderer reaches it,
 * emit/lazy-entries.ts), or the context of any other entry; and the entries' message keys. What
 * i18next cannot carry is reported in `plan`.
 */
function bundleEntries(
  messages: readonly Message[],
  quotedKeys: readonly string[],
  locale: string,
  plan: TargetPlan,
): { items: (number | BundleEntryContext)[]; keys: string[] } {
  const items: (number | BundleEntryContext)[] = [];
  const keys: string[] = [];
  for (let n = 0; n < messages.length; n++) {
    const message = messages[n]!;
    const translation = message.translations[locale];
    if (!translation) continue;
    const text = literalText(translation.ast);
    if (text !== undefined && !ASKS_A_LOOK.test(text)) {
      items.push(n);
      keys.push(message.key);
      continue;
    }
    const plain = plainText(translation.ast);
    if (plain !== undefined) {
      items.push(plainEntry(quotedKeys[n]!, plain));
      keys.push(message.key);
      continue;
    }
    const result = i18nextEntries(message, locale);
    if (!result.ok) {
      plan.diagnostics.push(unrepresentable('i18next', message, locale, result.why));
      continue;
    }
    const messageKey = quotedKeys[n]!;
    for (const [key, value] of result.value) {
      const plural = key !== message.key; // a plural form's key is the message key and its category
      const category = plural ? JSON.stringify(key.slice(message.key.length + 1)) : 'null';
      items.push({ key: plural ? JSON.stringify(key) : messageKey, value: jsonString(value), messageKey, category, plural });
      keys.push(message.key);
    }
  }
  return { items, keys };
}

/** The entry of a message written as it is, its key given as JSON. */
function plainEntry(messageKey: string, text: string): BundleEntryContext {
  return { key: messageKey, value: jsonString(text), messageKey, category: 'null', plural: false };
}

/** plainEntry of a translation whose one literal neither i18next nor JSON reads anything in (ASKS_A_LOOK): its text between quotes. */
function quotedEntry(messageKey: string, translation: Translation): BundleEntryContext {
  return { key: messageKey, value: `"${literalText(translation.ast)!}"`, messageKey, category: 'null', plural: false };
}

/** The text of an AST that is one literal; undefined for any other. */
function literalText(ast: readonly MessageFormatElement[]): string | undefined {
  const el = ast.length === 1 ? ast[0]! : undefined;
  return el?.type === TYPE.literal ? el.value : undefined;
}

type Entries = Converted<[string, string][]>;

/** By translation: the i18next and types targets both convert every source text. */
const convertedByTranslation = new WeakMap<Translation, Entries>();

/** The bundle entries of one message in one locale (none when untranslated), in output order. */
export function i18nextEntries(message: Message, locale: string): Entries {
  const translation = message.translations[locale];
  if (!translation) return converted([]);
  const plain = plainText(translation.ast);
  if (plain !== undefined) return converted([[message.key, plain]]);
  let result = convertedByTranslation.get(translation);
  if (!result) convertedByTranslation.set(translation, (result = convert(message, locale, translation)));
  return result;
}

/**
 * The text of a translation that is one literal with nothing i18next would
 * read as its own syntax, most texts: `convert` gives it as it is (no
 * argument to rename or check, no plural), so it is neither converted nor
 * memoised. Undefined for any other text.
 */
function plainText(ast: readonly MessageFormatElement[]): string | undefined {
  const text = literalText(ast);
  return text !== undefined && literalProblem(text) === undefined ? text : undefined;
}

const pluralArgumentByMessage = new WeakMap<Message, string>();

/**
 * The name of the argument a message's plural selects by, when it is not
 * `count`: i18next reads it as `count`, so whoever calls t() must pass it so.
 * The first locale (in tag order) with such a plural decides; the others must agree.
 */
export function i18nextPluralArgument(message: Message): string | undefined {
  // Most messages have no plural that renames: nothing to sort or remember for them.
  if (!Object.values(message.translations).some((t) => splitPluralArgument(t) !== undefined)) return undefined;
  let arg = pluralArgumentByMessage.get(message);
  for (const locale of arg === undefined ? Object.keys(message.translations).sort() : []) {
    arg = splitPluralArgument(message.translations[locale]!);
    if (arg !== undefined) {
      pluralArgumentByMessage.set(message, arg);
      break;
    }
  }
  return arg;
}

/** The argument a translation's plural selects by when it is not `count`; undefined for any other translation. */
function splitPluralArgument(translation: Translation): string | undefined {
  const split = splitPlural(translation.ast);
  return split.kind === 'plural' && split.plural.arg !== 'count' ? split.plural.arg : undefined;
}

/** Options i18next's t() reads from the same object as the interpolation values: an argument of that name changes the lookup. */
const I18NEXT_OPTIONS = new Set([
  'lng',
  'lngs',
  'ns',
  'fallbackLng',
  'defaultValue',
  'context',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'keySeparator',
  'nsSeparator',
  'ordinal',
  'skipInterpolation',
]);
/** Intl options i18next's number and datetime formatters take from that object too: an argument of that name changes the format. */
const INTL_OPTIONS = new Set([
  'style',
  'currency',
  'currencyDisplay',
  'currencySign',
  'unit',
  'unitDisplay',
  'notation',
  'compactDisplay',
  'signDisplay',
  'useGrouping',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'minimumSignificantDigits',
  'maximumSignificantDigits',
  'roundingMode',
  'roundingPriority',
  'roundingIncrement',
  'trailingZeroDisplay',
  'numberingSystem',
  'localeMatcher',
  'dateStyle',
  'timeStyle',
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'fractionalSecondDigits',
  'timeZone',
  'timeZoneName',
  'hour12',
  'hourCycle',
  'calendar',
  'dayPeriod',
  'formatMatcher',
]);

/** Why an argument name would be read by i18next as one of its options (found by the fuzz test), or undefined. */
function argumentNameProblem(ast: readonly MessageFormatElement[]): string | undefined {
  const used = argumentsOf(ast);
  const option = [...used.keys()].find((name) => I18NEXT_OPTIONS.has(name));
  if (option) return `i18next reads {{${option}}} as its own option "${option}", not as a value; rename the argument`;
  const formatted = [...used.values()].some((use) => use === 'number' || use === 'plural' || use === 'date' || use === 'time');
  const intl = formatted ? [...used.keys()].find((name) => INTL_OPTIONS.has(name)) : undefined;
  return intl
    ? `i18next passes every value to its number and date formatters, which read {{${intl}}} as their option "${intl}"; rename the argument`
    : undefined;
}

function convert(message: Message, locale: string, translation: Translation): Entries {
  const { key } = message;
  const nameProblem = argumentNameProblem(translation.ast);
  if (nameProblem) return cannot(nameProblem);
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') return cannot(`i18next has no syntax for ${split.reason}`);
  // The plural argument is i18next's {{count}} wherever the text names it.
  const renamed = i18nextPluralArgument(message);
  if (renamed && argumentsOf(translation.ast).has('count'))
    return cannot(`i18next names the plural value {{count}}, which the text also uses as an argument of its own; rename {count}`);
  if (split.kind === 'plain') {
    const text = toI18next(translation.ast, renamed);
    return text.ok ? converted([[key, text.value]]) : text;
  }
  const { arg } = split.plural;
  if (arg !== 'count' && arg !== renamed)
    return cannot(
      `its plural selects by {${arg}}, another locale's by {${renamed}}; i18next passes one value as {{count}}, so every locale must select by the same argument`,
    );
  const entries: [string, string][] = [];
  const exact = [...split.plural.forms.keys()].filter(isExactSelector);
  for (const selector of exact) {
    if (selector !== '=0') return cannot(`i18next has no syntax for the exact plural selector ${selector} (only =0, as _zero)`);
  }
  const forms: [string, MessageFormatElement[]][] = exact.map((s) => ['zero', split.plural.forms.get(s)!]);
  for (const category of pluralCategories(locale)) {
    if (category === 'zero' && forms.length > 0) continue;
    forms.push([category, formFor(split.plural, category)]);
  }
  for (const [category, elements] of forms) {
    const text = toI18next(elements, renamed);
    if (!text.ok) return text;
    entries.push([`${key}_${category}`, text.value]);
  }
  return converted(entries);
}

/** One i18next string from ICU parts, or why it cannot be one; the argument `pluralArg` is written as `count`. */
function toI18next(elements: readonly MessageFormatElement[], pluralArg: string | undefined): Converted<string> {
  let out = '';
  let literal = ''; // the current run of text; the parser may split one run into several elements
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      literal += el.value;
      continue;
    }
    const piece = interpolationOf(el, pluralArg);
    if (!piece.ok) return piece;
    const problem =
      literalProblem(literal) ??
      (literal.endsWith('{') ? 'a literal "{" directly before an argument would merge into i18next\'s {{…}}' : undefined);
    if (problem) return cannot(problem);
    out += literal + piece.value;
    literal = '';
  }
  const problem = literalProblem(literal);
  return problem ? cannot(problem) : converted(out + literal);
}

/** A character the hazards below begin with: most texts have none, and one scan for them is cheaper than the pattern. */
const HAZARD_START = /[{}$]/;

/**
 * A character that literalProblem (HAZARD_START) or jsonString (JSON_ESCAPED) would look at: a
 * literal with none is plain and written between quotes as it is, after one scan instead of two.
 */
const ASKS_A_LOOK = new RegExp(`[${classOf(HAZARD_START)}${classOf(JSON_ESCAPED)}]`);

/** The members of a pattern that is one character class (`[…]`), for a class of both (one class scans faster than an alternation). */
function classOf(pattern: RegExp): string {
  if (!/^\[[^\]]*\]$/.test(pattern.source) || pattern.flags !== '')
    throw new Error(`codebook: ${pattern.source} is not one character class`);
  return pattern.source.slice(1, -1);
}

function literalProblem(text: string): string | undefined {
  if (!HAZARD_START.test(text)) return undefined;
  const hazard = /\{\{|\}\}|\$t\(/.exec(text);
  return hazard ? `the text contains ${JSON.stringify(hazard[0])}, which i18next always interprets and cannot escape` : undefined;
}

function interpolationOf(el: MessageFormatElement, pluralArg: string | undefined): Converted<string> {
  const name = 'value' in el && el.value === pluralArg ? 'count' : (el as { value?: string }).value;
  switch (el.type) {
    case TYPE.argument:
      return converted(`{{${name}}}`);
    case TYPE.pound:
      return converted('{{count, number}}'); // ICU formats # as a number in the locale (1,000,000)
    case TYPE.number:
      return el.style ? cannot(`the number style of {${el.value}} has no i18next equivalent`) : converted(`{{${name}, number}}`);
    case TYPE.date:
      return el.style ? cannot(`the date/time style of {${el.value}} has no i18next equivalent`) : converted(`{{${name}, datetime}}`);
    case TYPE.time:
      // ICU's {t, time} is the medium time (formatjs: hour, minute, second); a bare datetime would show the date.
      return el.style
        ? cannot(`the date/time style of {${el.value}} has no i18next equivalent`)
        : converted(`{{${name}, datetime(hour: numeric; minute: numeric; second: numeric)}}`);
    default:
      return cannot('unsupported ICU element');
  }
}
