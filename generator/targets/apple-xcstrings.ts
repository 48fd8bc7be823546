/**
 * `Localizable.xcstrings`, the String Catalog (formats.md §4.4): every key
 * with its description as `comment`, `extractionState: "manual"` (the keys
 * are not extracted from Swift code) and one localization per translated
 * locale: a `stringUnit`, or `variations.plural.<category>.stringUnit` with
 * the same categories as the `.stringsdict`.
 *
 * States: the catalog's `translated`, `reviewed` and `final` are all
 * `translated` (the catalog has no reviewed state); `initial` (text exists
 * but nobody vouched for it) is `needs_review`, which Xcode still builds and
 * flags, where `new` would claim there is no translation yet.
 *
 * Written as Xcode writes it (2-space indent, `"key" : value`, keys sorted)
 * so that opening the file in Xcode does not rewrite it. JSON has no
 * comments: no generated-file header.
 *
 * Templates: `Localizable.xcstrings.hbs` is the file, `entry.xcstrings.hbs`
 * one key, rendered from an XcstringsEntryContext whose every value is JSON
 * already: an override lays out members and may add some, but cannot break
 * a string. What it renders is parsed before anything is written
 * (emit/json-output-check.ts, with stringCatalogShape).
 */
import type { Catalog, Message, TranslationState } from '../catalog/model.js';
import { jsonString } from '../emit/escape.js';
import type { JsonShape } from '../emit/json-output-check.js';
import type { PlannedFile } from '../emit/target.js';
import { escapePointer } from '../json/json-file.js';
import type { AppleMessage } from './apple-format.js';

/** As JSON strings, the form the contexts hold them in. */
const STATES: Record<TranslationState, string> = {
  initial: '"needs_review"',
  translated: '"translated"',
  reviewed: '"translated"',
  final: '"translated"',
};

/** The `forms` of every localization that is not plural: one array, not one per localization (300k at 100k keys × 3 locales). */
const NO_FORMS: XcstringsLocalization['forms'] = [];

/** What `templates/apple/Localizable.xcstrings.hbs` renders (besides `entries`, the rendered keys joined by `,\n`). Values are JSON. */
export interface XcstringsFileContext {
  /** The source locale as a JSON string: `"en"`. */
  sourceLanguage: string;
  /** The String Catalog format version as a JSON string: `"1.0"`. */
  version: string;
}

/** What `templates/apple/entry.xcstrings.hbs` renders: one key of the String Catalog. Every value but `messageKey` is JSON text. */
export interface XcstringsEntryContext {
  /** The catalog key as it is, for branching only (`{{#if (eq messageKey "6014")}}`); print `key`. */
  messageKey: string;
  /** The key as a JSON string: `"6014"`. */
  key: string;
  /** The description as a JSON string, or empty when the message has none. */
  comment: string;
  /** `"manual"`: the keys are not extracted from Swift code. */
  extractionState: string;
  /** One per translated locale, sorted by locale in code-unit order. */
  localizations: XcstringsLocalization[];
}

export interface XcstringsLocalization {
  /** The locale as a JSON string: `"pt-BR"`. */
  locale: string;
  /** The String Catalog state as a JSON string: `"translated"` or `"needs_review"`. */
  state: string;
  /** True when the text has plural forms (`forms`), false for one `value`. */
  plural: boolean;
  /** The format string as a JSON string; empty when plural. */
  value: string;
  /** The plural forms, categories in code-unit order as Xcode sorts them; empty when not plural. */
  forms: { category: string; value: string }[];
}

/** The String Catalog of one table, rendered through its two templates. */
export function xcstringsFile(
  catalog: Catalog,
  converted: ReadonlyMap<string, ReadonlyMap<string, AppleMessage>>,
  path: string,
): PlannedFile {
  const locales = [...catalog.locales].sort(byCodeUnits).map((locale) => ({ locale, json: JSON.stringify(locale) }));
  const messages = [...catalog.messages].sort((a, b) => byCodeUnits(a.key, b.key));
  const contexts = messages.map((message) => entryContext(message, locales, converted.get(message.key)));
  const context: XcstringsFileContext = { sourceLanguage: JSON.stringify(catalog.sourceLocale), version: '"1.0"' };
  return {
    path,
    template: 'Localizable.xcstrings.hbs',
    context,
    entries: {
      template: 'entry.xcstrings.hbs',
      field: 'entries',
      separator: ',\n',
      contexts,
      keys: messages.map((m) => m.key),
      builtIn: xcstringsEntryText,
    },
    json: { shape: stringCatalogShape },
  };
}

function entryContext(
  message: Message,
  locales: readonly { locale: string; json: string }[],
  byLocale: ReadonlyMap<string, AppleMessage> | undefined,
): XcstringsEntryContext {
  const localizations: XcstringsLocalization[] = [];
  for (const { locale, json } of locales) {
    const value = byLocale?.get(locale);
    if (!value) continue;
    const state = STATES[message.translations[locale].state];
    localizations.push(
      value.kind === 'plain'
        ? { locale: json, state, plural: false, value: jsonString(value.value), forms: NO_FORMS }
        : { locale: json, state, plural: true, value: '', forms: sortedForms(value.forms) },
    );
  }
  return {
    messageKey: message.key,
    key: jsonString(message.key),
    comment: message.description ? jsonString(message.description) : '',
    extractionState: '"manual"',
    localizations,
  };
}

/** Xcode sorts object members, so the plural categories too (`few`, `many`, `one`, `other`), unlike the `.stringsdict`'s CLDR order. */
function sortedForms(forms: readonly [string, string][]): { category: string; value: string }[] {
  return [...forms]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([category, value]) => ({ category: JSON.stringify(category), value: jsonString(value) }));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * templates/apple/entry.xcstrings.hbs in TypeScript, for when it is not
 * overridden (handlebars per key costs about 1.4 s more at 100k keys);
 * test/targets/apple.test.ts renders every key both ways.
 */
export function xcstringsEntryText(e: XcstringsEntryContext): string {
  const localizations = e.localizations.map(
    (l) => `        ${l.locale} : {\n${l.plural ? pluralJson(l) : stringUnitJson(l.state, l.value, '          ')}\n        }`,
  );
  return `    ${e.key} : {\n${e.comment ? `      "comment" : ${e.comment},\n` : ''}      "extractionState" : ${e.extractionState},\n      "localizations" : {\n${localizations.join(',\n')}\n      }\n    }`;
}

function pluralJson(l: XcstringsLocalization): string {
  const forms = l.forms.map(
    (f) => `              ${f.category} : {\n${stringUnitJson(l.state, f.value, '                ')}\n              }`,
  );
  return `          "variations" : {\n            "plural" : {\n${forms.join(',\n')}\n            }\n          }`;
}

/** A `stringUnit` member at `indent`, without a final newline. */
function stringUnitJson(state: string, value: string, indent: string): string {
  return `${indent}"stringUnit" : {\n${indent}  "state" : ${state},\n${indent}  "value" : ${value}\n${indent}}`;
}

/** What Xcode needs to open a String Catalog: the three members of the file, and an object per key. */
export const stringCatalogShape: JsonShape = (value) => {
  if (!isObject(value)) return { pointer: '', why: 'a String Catalog that is not an object' };
  for (const name of ['sourceLanguage', 'version'])
    if (typeof value[name] !== 'string') return { pointer: `/${name}`, why: `a String Catalog without a "${name}" string` };
  if (!isObject(value.strings)) return { pointer: '/strings', why: 'a String Catalog whose "strings" is not an object' };
  for (const [key, entry] of Object.entries(value.strings))
    if (!isObject(entry)) return { pointer: `/strings/${escapePointer(key)}`, why: `a String Catalog whose key ${key} is not an object` };
  return undefined;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
