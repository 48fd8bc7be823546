/**
 * Merges the layers into one catalog. Guarantees: the registry defines every
 * key exactly once and no code sits inside another code's range; a later
 * layer overrides an earlier one for the same key and locale and the
 * replaced origins are kept; two files of the same layer giving the same key
 * and locale are a conflict, reported, never resolved silently; messages and
 * locales come out in one fixed order whatever the input order.
 */
import type { Diagnostic, RuleId } from '../diagnostics/diagnostic.js';
import type { Config } from '../config/load-config.js';
import { localeProblem } from '../config/load-config.js';
import { compareKeys, keyOfCode, keyOfRange, parseKey, UNKNOWN_KEY } from './keys.js';
import type { JsonFile } from '../json/json-file.js';
import type { MessageEntry, RegistryData, SourceFile } from './load-layers.js';
import type { Catalog, Message, Origin, Param, Section, Translation, UserText } from './model.js';
import { placeOf, SourceOrigin } from './origin.js';
import { unsafeKeyReason } from './unsafe-keys.js';

/** A key a layer mentions without text (an empty vendor message), kept so completeness checks can say why. */
export interface Gap {
  key: string;
  locale: string;
  origin: Origin;
  doubts: string[];
}

export interface MergeResult {
  catalog: Catalog;
  gaps: Gap[];
  diagnostics: Diagnostic[];
}

export function mergeLayers(files: readonly SourceFile[], config: Config): MergeResult {
  const diagnostics: Diagnostic[] = [];
  const sections = new Map<string, Section>();
  const messages = new Map<string, Message>();
  const userTexts = new Map<string, UserText>();
  const userOverrides = new Map<string, Record<string, Translation>>();
  const gaps: Gap[] = [];

  for (const source of files) {
    if (source.kind !== 'registry') continue;
    const { json, layer } = source;
    for (const [i, s] of (source.data.sections ?? []).entries()) {
      const origin = originOf(layer, json, '/sections', i);
      const first = sections.get(s.id);
      if (first) {
        diagnostics.push(error('registry/duplicate-section', `Section ${JSON.stringify(s.id)} is defined twice.`, origin, first.origin));
        continue;
      }
      sections.set(s.id, { id: s.id, ...(s.part ? { part: s.part } : {}), titles: {}, origin });
    }
    for (const [i, entry] of source.data.codes.entries()) {
      const origin = originOf(layer, json, '/codes', i);
      const key = entry.code !== undefined ? keyOfCode(entry.code) : entry.range ? keyOfRange(entry.range) : entry.key!;
      if (entry.key !== undefined) {
        const unsafe = unsafeKeyReason(key);
        if (unsafe)
          diagnostics.push(
            error('key/unsafe', `Key ${JSON.stringify(key)} is unsafe: ${unsafe}.`, originOf(layer, json, `/codes/${i}`, 'key')),
          );
        else if (parseKey(key))
          diagnostics.push(
            error('registry/invalid-key', `Key ${JSON.stringify(key)} looks like a code; use "code" or "range" instead of "key".`, origin),
          );
      }
      if (entry.range && entry.range[0] > entry.range[1]) {
        diagnostics.push(
          error('registry/invalid-range', `Range ${key} ends before it starts.`, originOf(layer, json, `/codes/${i}`, 'range')),
        );
        continue;
      }
      const first = messages.get(key);
      if (first) {
        const what = entry.code !== undefined ? `Code ${key}` : `Key ${JSON.stringify(key)}`;
        diagnostics.push(error('registry/duplicate-code', `${what} is defined twice.`, origin, first.origin));
        continue;
      }
      if (!sections.has(entry.section)) {
        diagnostics.push(
          error(
            'registry/unknown-section',
            `Section ${JSON.stringify(entry.section)} is not defined in any registry "sections".`,
            originOf(layer, json, `/codes/${i}`, 'section'),
          ),
        );
      }
      // Built field by field, in the documented order, without a spread per optional field.
      const message = { key } as Message;
      if (entry.code !== undefined) message.code = entry.code;
      if (entry.range) message.range = [entry.range[0], entry.range[1]];
      message.section = entry.section;
      if (entry.description !== undefined) message.description = entry.description;
      message.params = paramsOf(entry.params);
      if (entry.user !== undefined) message.user = entry.user;
      if (entry.action !== undefined) message.action = entry.action;
      if (entry.fault !== undefined) message.fault = entry.fault;
      message.translations = {};
      message.origin = origin;
      messages.set(key, message);
    }
  }
  diagnostics.push(...checkRanges([...messages.values()]));
  if (!messages.has(UNKNOWN_KEY) && files.some((f) => f.kind === 'registry')) {
    diagnostics.push({
      ruleId: 'registry/missing-unknown',
      severity: 'error',
      message: `The registry has no "${UNKNOWN_KEY}" entry; every app needs the generic message for codes the catalog lacks.`,
      place: { file: files.find((f) => f.kind === 'registry')!.json.file },
      hint: `Add { "key": "unknown", "section": "generic", "params": { "code": { "type": "number" } } } to "codes", and a text for it in each locale, such as "Something went wrong (error {code})."`,
    });
  }

  for (const source of files) {
    if (source.kind !== 'messages') continue;
    const { json, layer, data } = source;
    const locale = data.locale;
    const problem =
      localeProblem(locale) ??
      (config.locales.includes(locale)
        ? undefined
        : `Locale ${JSON.stringify(locale)} is not listed in the config's "locales" (${config.locales.join(', ')}).`);
    if (problem) {
      diagnostics.push(error('locale/unknown-locale', problem, originOf(layer, json, '', 'locale')));
      continue;
    }
    for (const [id, title] of Object.entries(data.sections ?? {})) {
      const section = sections.get(id);
      if (section) section.titles[locale] = title;
      else
        diagnostics.push(
          error(
            'locale/unknown-section',
            `Section ${JSON.stringify(id)} is not defined in the registry.`,
            originOf(layer, json, '/sections', id, true),
          ),
        );
    }
    for (const key in data.messages) {
      if (!Object.hasOwn(data.messages, key)) continue;
      const origin = originOf(layer, json, '/messages', key, true);
      const message = knownKey(key, origin, locale);
      if (!message) continue;
      const entry = entryOf(data.messages[key]!);
      if (entry.text === undefined) gaps.push({ key, locale, origin, doubts: entry.doubts ?? [] });
      else mergeInto(message.translations, `Key ${key}`, key, locale, layer, entry, origin);
    }
    for (const id in data.user) {
      if (!Object.hasOwn(data.user, id)) continue;
      const origin = originOf(layer, json, '/user', id, true);
      const text = userTexts.get(id) ?? userTexts.set(id, { id, translations: {}, origin }).get(id)!;
      const entry = entryOf(data.user[id]!);
      if (entry.text !== undefined)
        mergeInto(text.translations, `User message ${JSON.stringify(id)}`, undefined, locale, layer, entry, origin);
    }
    for (const key in data.userOverrides) {
      if (!Object.hasOwn(data.userOverrides, key)) continue;
      const origin = originOf(layer, json, '/userOverrides', key, true);
      if (!knownKey(key, origin, locale)) continue;
      const entry = entryOf(data.userOverrides[key]!);
      const byLocale = userOverrides.get(key) ?? userOverrides.set(key, {}).get(key)!;
      if (entry.text !== undefined) mergeInto(byLocale, `The user message of key ${key}`, key, locale, layer, entry, origin);
    }
  }
  // Each text's origin is where the source locale defines it (else where it was first seen).
  for (const text of userTexts.values()) text.origin = text.translations[config.sourceLocale]?.origin ?? text.origin;
  const twoAudiences = userTexts.size > 0 || userOverrides.size > 0 || [...messages.values()].some((m) => m.user !== undefined);
  if (twoAudiences) {
    for (const message of messages.values()) {
      if (message.user !== undefined && !userTexts.has(message.user)) {
        diagnostics.push({
          ...error(
            'registry/unknown-user-message',
            `Key ${message.key} names the user message ${JSON.stringify(message.user)}, which no messages file defines under "user".`,
            message.origin,
          ),
          key: message.key,
        });
      }
    }
  }

  /** The registry's message for `key`, or undefined after reporting why the key cannot be used. */
  function knownKey(key: string, origin: Origin, locale: string): Message | undefined {
    const message = messages.get(key);
    if (message) return message;
    // A registry key is already known safe; only keys outside it need the check.
    const unsafe = unsafeKeyReason(key);
    if (unsafe) diagnostics.push(error('key/unsafe', `Key ${JSON.stringify(key)} is unsafe: ${unsafe}.`, origin));
    else
      diagnostics.push({
        ...error('locale/unknown-key', `Key ${JSON.stringify(key)} is not in the registry.`, origin),
        locale,
        key,
        hint: 'Add the code to a registry file, or remove the message.',
      });
    return undefined;
  }

  /** Puts one layer's text for a locale over the earlier layers' (keeping their origins); two in one layer are a conflict. */
  function mergeInto(
    translations: Record<string, Translation>,
    what: string,
    key: string | undefined,
    locale: string,
    layer: string,
    entry: MessageEntry,
    origin: Origin,
  ): void {
    const previous = translations[locale];
    if (previous && previous.origin.layer === layer) {
      diagnostics.push({
        ...error(
          'merge/conflict',
          `${what} in ${locale} is given twice in layer ${JSON.stringify(layer)}; order files by putting them in separate layers.`,
          origin,
          previous.origin,
        ),
        locale,
        ...(key !== undefined ? { key } : {}),
      });
      return;
    }
    const translation: Translation = { text: entry.text!, ast: [], state: entry.state ?? 'translated', origin };
    if (previous) translation.overrides = [...(previous.overrides ?? []), previous.origin];
    if (entry.note !== undefined) translation.note = entry.note;
    if (entry.doubts?.length) translation.doubts = entry.doubts;
    translations[locale] = translation;
  }

  const locales = [config.sourceLocale, ...config.locales.filter((l) => l !== config.sourceLocale).sort()];
  return {
    catalog: {
      sourceLocale: config.sourceLocale,
      locales,
      namespace: config.namespace,
      detailNamespace: config.detailNamespace,
      ...(Object.keys(config.fallback).length > 0 ? { fallback: config.fallback } : {}),
      sections: [...sections.values()],
      messages: [...messages.values()].sort((a, b) => compareKeys(a.key, b.key)),
      ...(twoAudiences
        ? { userTexts: [...userTexts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), userOverrides }
        : {}),
    },
    gaps,
    diagnostics,
  };
}

function entryOf(value: string | MessageEntry): MessageEntry {
  return typeof value === 'string' ? { text: value } : value;
}

/** Sorted by name: JSON member order carries no meaning, and positional formats (%1$s, {0}) number params in this order. */
function paramsOf(declared: RegistryData['codes'][number]['params']): Param[] {
  if (!declared) return [];
  return Object.entries(declared)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, p]) => ({ name, ...p }));
}

/** Overlapping ranges and codes inside a range make the code → key mapping ambiguous. */
function checkRanges(messages: Message[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ranges = messages.filter((m) => m.range).sort((a, b) => a.range![0] - b.range![0]);
  for (let i = 1; i < ranges.length; i++) {
    const [a, b] = [ranges[i - 1], ranges[i]];
    if (b.range![0] <= a.range![1]) {
      diagnostics.push(error('registry/overlapping-ranges', `Range ${b.key} overlaps range ${a.key}.`, b.origin, a.origin));
    }
  }
  for (const m of messages) {
    if (m.code === undefined) continue;
    const range = findRange(ranges, m.code);
    if (range)
      diagnostics.push(
        error(
          'registry/code-in-range',
          `Code ${m.key} lies inside range ${range.key}; lookups by number would be ambiguous.`,
          m.origin,
          range.origin,
        ),
      );
  }
  return diagnostics;
}

function findRange(sorted: Message[], code: number): Message | undefined {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = sorted[mid].range!;
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return sorted[mid];
  }
  return undefined;
}

/** The origin of member `name` of the value at `parent` (a pointer); `atKey`: at the member's name. */
function originOf(layer: string, json: JsonFile, parent: string, name: string | number, atKey = false): Origin {
  return new SourceOrigin(layer, json, parent, name, atKey);
}

function error(ruleId: RuleId, message: string, at: Origin, first?: Origin): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message,
    place: placeOf(at),
    ...(first ? { notes: [{ message: 'first defined here', place: placeOf(first) }] } : {}),
  };
}
