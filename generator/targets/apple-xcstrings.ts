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

const STATES: Record<TranslationState, string> = { initial: 'needs_review', translated: 'translated', reviewed: 'translated', final: 'translated' };

type Json = string | { [key: string]: Json };

export function xcstringsFile(catalog: Catalog, converted: ReadonlyMap<string, ReadonlyMap<string, AppleMessage>>): string {
  const strings: Record<string, Json> = {};
  for (const message of catalog.messages) {
    const localizations: Record<string, Json> = {};
    for (const [locale, value] of converted.get(message.key) ?? []) {
      const state = STATES[message.translations[locale].state];
      localizations[locale] = value.kind === 'plain' ? stringUnit(state, value.value) : { variations: { plural: pluralUnits(state, value.forms) } };
    }
    strings[message.key] = {
      ...(message.description ? { comment: message.description } : {}),
      extractionState: 'manual',
      localizations,
    };
  }
  return `${xcodeJson({ sourceLanguage: catalog.sourceLocale, strings, version: '1.0' }, '')}\n`;
}

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
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)} : ${xcodeJson(value[k], inner)}`).join(',\n')}\n${indent}}`;
}
