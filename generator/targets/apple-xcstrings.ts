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
 */
import type { Catalog, TranslationState } from '../catalog/model.js';
import type { AppleMessage } from './apple-format.js';

const STATES: Record<TranslationState, string> = {
  initial: 'needs_review',
  translated: 'translated',
  reviewed: 'translated',
  final: 'translated',
};

type Json = string | { [key: string]: Json };

export function xcstringsFile(catalog: Catalog, converted: ReadonlyMap<string, ReadonlyMap<string, AppleMessage>>): string {
  const locales = [...catalog.locales].sort(byCodeUnits);
  const strings = [...catalog.messages]
    .sort((a, b) => byCodeUnits(a.key, b.key))
    .map((message) => {
      const byLocale = converted.get(message.key);
      const localizations: string[] = [];
      for (const locale of locales) {
        const value = byLocale?.get(locale);
        if (!value) continue;
        const state = STATES[message.translations[locale].state];
        const json =
          value.kind === 'plain'
            ? stringUnitJson(state, value.value, LOCALIZATION_INDENT)
            : xcodeJson({ variations: { plural: pluralUnits(state, value.forms) } }, LOCALIZATION_INDENT);
        localizations.push(`${LOCALIZATION_INDENT}${JSON.stringify(locale)} : ${json}`);
      }
      const members = [
        ...(message.description ? [`      "comment" : ${JSON.stringify(message.description)}`] : []),
        '      "extractionState" : "manual"',
        `      "localizations" : ${objectJson(localizations, '      ')}`,
      ];
      return `    ${JSON.stringify(message.key)} : ${objectJson(members, '    ')}`;
    });
  return `{\n  "sourceLanguage" : ${JSON.stringify(catalog.sourceLocale)},\n  "strings" : ${objectJson(strings, '  ')},\n  "version" : "1.0"\n}\n`;
}

/**
 * The file is written member by member rather than through xcodeJson: a
 * 100k-member object sorted and serialised generically costs seconds. The
 * layout is xcodeJson's; each message's members are listed in sorted order.
 */
const LOCALIZATION_INDENT = '        ';

/** An object from its member lines, as xcodeJson lays it out. */
function objectJson(members: readonly string[], indent: string): string {
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** xcodeJson(stringUnit(state, value), indent), written directly. */
function stringUnitJson(state: string, value: string, indent: string): string {
  return `{\n${indent}  "stringUnit" : {\n${indent}    "state" : ${JSON.stringify(state)},\n${indent}    "value" : ${JSON.stringify(value)}\n${indent}  }\n${indent}}`;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function stringUnit(state: string, value: string): Json {
  return { stringUnit: { state, value } };
}

function pluralUnits(state: string, forms: readonly [string, string][]): Json {
  return Object.fromEntries(forms.map(([category, value]) => [category, stringUnit(state, value)]));
}

/** Xcode's layout: objects broken over lines, 2 spaces, `" : "`, keys in code-unit order (never JS object order). */
function xcodeJson(value: Json, indent: string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}  `;
  const keys = Object.keys(value).sort(byCodeUnits);
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)} : ${xcodeJson(value[k], inner)}`).join(',\n')}\n${indent}}`;
}
