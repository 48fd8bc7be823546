/**
 * Merges the layers into one catalog. Guarantees: the registry defines every
 * key exactly once and no code sits inside another code's range; a later
 * layer overrides an earlier one for the same key and locale and the
 * replaced origins are kept; two files of the same layer giving the same key
 * and locale are a conflict, reported, never resolved silently; messages and
 * locales come out in one fixed order whatever the input order.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Diagnostic, RuleId } from '../diagnostics/diagnostic.js';
import type { Config } from '../config/load-config.js';
import { localeProblem } from '../config/load-config.js';
import { compareMessageKeys, keyOfCode, keyOfRange, parseKey, UNKNOWN_KEY } from './keys.js';
import type { JsonFile } from '../json/json-file.js';
import type { MessageEntry, RegistryData, SourceFile } from './load-layers.js';
import type { Catalog, Message, Origin, Param, Section, Translation, UserText } from './model.js';
import { OriginScope, placeOf } from './origin.js';
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

/**
 * `only`: merge these keys alone (a warm run's edited keys, cache/edited-catalog.ts), in a
 * catalog that has two audiences or not (which the other keys decide too). Everything that is no
 * one key's (sections, shared user texts) is merged whole, so the catalog is the full one cut
 * down to those keys (catalog/of-keys.ts), and the checks across keys (ranges, the generic
 * message) are left to the full merge that preceded it. A registry's codes may then have holes.
 */
export function mergeLayers(files: readonly SourceFile[], config: Config, only?: MergeOnly): MergeResult {
  const merge = new Merge(config, only);
  const registries = files.filter((f) => f.kind === 'registry');
  for (const source of registries) merge.addRegistry(source);
  if (!only) merge.checkRegistry(registries[0]);
  for (const source of files) if (source.kind === 'messages') merge.addMessages(source);
  return merge.result();
}

export interface MergeOnly {
  keys: ReadonlySet<string>;
  twoAudiences: boolean;
}

type RegistrySource = Extract<SourceFile, { kind: 'registry' }>;
type MessagesSource = Extract<SourceFile, { kind: 'messages' }>;
type RegistryEntry = RegistryData['codes'][number];

/** The catalog being merged, in steps: every registry, then every messages file, in layer order. */
class Merge {
  readonly diagnostics: Diagnostic[] = [];
  private readonly sections = new Map<string, Section>();
  private readonly messages = new Map<string, Message>();
  private readonly userTexts = new Map<string, UserText>();
  private readonly userOverrides = new Map<string, Record<string, Translation>>();
  private readonly gaps: Gap[] = [];
  private readonly only?: ReadonlySet<string>;

  constructor(
    private readonly config: Config,
    private readonly keysOnly?: MergeOnly,
  ) {
    this.only = keysOnly?.keys;
  }

  /** A registry file: its sections and its codes, each defined once. */
  addRegistry(source: RegistrySource): void {
    const { json, layer } = source;
    for (const [i, s] of (source.data.sections ?? []).entries()) {
      const origin = originOf(layer, json, '/sections', i);
      const first = this.sections.get(s.id);
      if (first) {
        this.diagnostics.push(
          error('registry/duplicate-section', `Section ${JSON.stringify(s.id)} is defined twice.`, origin, first.origin),
        );
        continue;
      }
      this.sections.set(s.id, { id: s.id, ...(s.part ? { part: s.part } : {}), titles: {}, origin });
    }
    const codesScope = new OriginScope(layer, json, '/codes', false);
    for (const [i, entry] of source.data.codes.entries()) if (entry) this.addCode(source, entry, i, codesScope);
  }

  private addCode({ json, layer }: RegistrySource, entry: RegistryEntry, i: number, codesScope: OriginScope): void {
    const key = entry.code !== undefined ? keyOfCode(entry.code) : entry.range ? keyOfRange(entry.range) : entry.key!;
    if (this.only && !this.only.has(key)) return;
    const origin = codesScope.member(i);
    if (entry.key !== undefined) {
      const unsafe = unsafeKeyReason(key);
      if (unsafe)
        this.diagnostics.push(
          error('key/unsafe', `Key ${JSON.stringify(key)} is unsafe: ${unsafe}.`, originOf(layer, json, `/codes/${i}`, 'key')),
        );
      else if (parseKey(key))
        this.diagnostics.push(
          error('registry/invalid-key', `Key ${JSON.stringify(key)} looks like a code; use "code" or "range" instead of "key".`, origin),
        );
    }
    if (entry.range && entry.range[0] > entry.range[1]) {
      this.diagnostics.push(
        error('registry/invalid-range', `Range ${key} ends before it starts.`, originOf(layer, json, `/codes/${i}`, 'range')),
      );
      return;
    }
    const first = this.messages.get(key);
    if (first) {
      const what = entry.code !== undefined ? `Code ${key}` : `Key ${JSON.stringify(key)}`;
      this.diagnostics.push(error('registry/duplicate-code', `${what} is defined twice.`, origin, first.origin));
      return;
    }
    if (!this.sections.has(entry.section)) {
      this.diagnostics.push(
        error(
          'registry/unknown-section',
          `Section ${JSON.stringify(entry.section)} is not defined in any registry "sections".`,
          originOf(layer, json, `/codes/${i}`, 'section'),
        ),
      );
    }
    this.messages.set(key, messageOf(key, entry, origin));
  }

  /** After every registry: ranges that overlap or hold a code, and the generic message every app needs. */
  checkRegistry(first: RegistrySource | undefined): void {
    this.diagnostics.push(...checkRanges([...this.messages.values()]));
    if (this.messages.has(UNKNOWN_KEY) || !first) return;
    this.diagnostics.push({
      ruleId: 'registry/missing-unknown',
      severity: 'error',
      message: `The registry has no "${UNKNOWN_KEY}" entry; every app needs the generic message for codes the catalog lacks.`,
      place: { file: first.json.file },
      hint: `Add { "key": "unknown", "section": "generic", "params": { "code": { "type": "number" } } } to "codes", and a text for it in each locale, such as "Something went wrong (error {code})."`,
    });
  }

  /** A messages file: section titles, texts by key, shared user texts and per-key user overrides of its locale. */
  addMessages(source: MessagesSource): void {
    const { json, layer, data } = source;
    const locale = data.locale;
    const problem =
      localeProblem(locale) ??
      (this.config.locales.includes(locale)
        ? undefined
        : `Locale ${JSON.stringify(locale)} is not listed in the config's "locales" (${this.config.locales.join(', ')}).`);
    if (problem) {
      this.diagnostics.push(error('locale/unknown-locale', problem, originOf(layer, json, '', 'locale')));
      return;
    }
    for (const [id, title] of Object.entries(data.sections ?? {})) {
      const section = this.sections.get(id);
      if (section) section.titles[locale] = title;
      else
        this.diagnostics.push(
          error(
            'locale/unknown-section',
            `Section ${JSON.stringify(id)} is not defined in the registry.`,
            originOf(layer, json, '/sections', id, true),
          ),
        );
    }
    const messagesScope = new OriginScope(layer, json, '/messages', true);
    for (const key of this.keysOf(data.messages)) {
      const known = this.messages.get(key);
      // Named by the registry's key string when known: the member name read here then dies young.
      const origin = messagesScope.member(known?.key ?? key);
      const message = known ?? this.unknownKey(key, origin, locale);
      if (!message) continue;
      const entry = data.messages![key]!;
      const text = textOf(entry);
      if (text === undefined) this.gaps.push({ key, locale, origin, doubts: (entry as MessageEntry).doubts ?? [] });
      else this.mergeInto(message.translations, 'key', key, locale, layer, text, entry, origin);
    }
    for (const id in data.user) {
      if (!Object.hasOwn(data.user, id)) continue;
      const origin = originOf(layer, json, '/user', id, true);
      const shared = this.userTexts.get(id) ?? this.userTexts.set(id, { id, translations: {}, origin }).get(id)!;
      const entry = data.user[id]!;
      const text = textOf(entry);
      if (text !== undefined) this.mergeInto(shared.translations, 'user', id, locale, layer, text, entry, origin);
    }
    for (const key of this.keysOf(data.userOverrides)) {
      const origin = originOf(layer, json, '/userOverrides', key, true);
      if (!this.knownKey(key, origin, locale)) continue;
      const entry = data.userOverrides![key]!;
      const text = textOf(entry);
      const byLocale = this.userOverrides.get(key) ?? this.userOverrides.set(key, {}).get(key)!;
      if (text !== undefined) this.mergeInto(byLocale, 'override', key, locale, layer, text, entry, origin);
    }
  }

  /** A container's member names, or with `only` those of its members it lists (a few keys of 100k: none of the others is visited). */
  private keysOf(container: Record<string, unknown> | undefined): string[] {
    if (!container) return [];
    return this.only ? [...this.only].filter((key) => Object.hasOwn(container, key)) : Object.keys(container);
  }

  /** The merged catalog, in its fixed order, with the user texts' origins and references settled. */
  result(): MergeResult {
    const { config } = this;
    // Each text's origin is where the source locale defines it (else where it was first seen).
    for (const text of this.userTexts.values()) text.origin = text.translations[config.sourceLocale]?.origin ?? text.origin;
    const twoAudiences = this.keysOnly
      ? this.keysOnly.twoAudiences
      : this.userTexts.size > 0 || this.userOverrides.size > 0 || [...this.messages.values()].some((m) => m.user !== undefined);
    if (twoAudiences) this.checkUserReferences();
    const locales = [config.sourceLocale, ...config.locales.filter((l) => l !== config.sourceLocale).sort()];
    return {
      catalog: {
        sourceLocale: config.sourceLocale,
        locales,
        namespace: config.namespace,
        detailNamespace: config.detailNamespace,
        ...(Object.keys(config.fallback).length > 0 ? { fallback: config.fallback } : {}),
        sections: [...this.sections.values()],
        messages: [...this.messages.values()].sort(compareMessageKeys),
        ...(twoAudiences
          ? {
              userTexts: [...this.userTexts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
              userOverrides: this.userOverrides,
            }
          : {}),
      },
      gaps: this.gaps,
      diagnostics: this.diagnostics,
    };
  }

  /** Every key that names a user message names one some messages file defines. */
  private checkUserReferences(): void {
    for (const message of this.messages.values()) {
      if (message.user === undefined || this.userTexts.has(message.user)) continue;
      this.diagnostics.push({
        ...error(
          'registry/unknown-user-message',
          `Key ${message.key} names the user message ${JSON.stringify(message.user)}, which no messages file defines under "user".`,
          message.origin,
        ),
        key: message.key,
      });
    }
  }

  /** The registry's message for `key`, or undefined after reporting why the key cannot be used. */
  private knownKey(key: string, origin: Origin, locale: string): Message | undefined {
    return this.messages.get(key) ?? this.unknownKey(key, origin, locale);
  }

  /** Reports why `key`, which the registry lacks, cannot be used. */
  private unknownKey(key: string, origin: Origin, locale: string): undefined {
    // A registry key is already known safe; only keys outside it need the check.
    const unsafe = unsafeKeyReason(key);
    if (unsafe) this.diagnostics.push(error('key/unsafe', `Key ${JSON.stringify(key)} is unsafe: ${unsafe}.`, origin));
    else
      this.diagnostics.push({
        ...error('locale/unknown-key', `Key ${JSON.stringify(key)} is not in the registry.`, origin),
        locale,
        key,
        hint: 'Add the code to a registry file, or remove the message.',
      });
    return undefined;
  }

  /**
   * Puts one layer's text for a locale over the earlier layers' (keeping their origins); two in one layer are a conflict.
   * `of`: what the text is of, a key's message (`name` the key), a shared user text (its id) or a key's own user text.
   */
  private mergeInto(
    translations: Record<string, Translation>,
    of: 'key' | 'user' | 'override',
    name: string,
    locale: string,
    layer: string,
    text: string,
    entry: string | MessageEntry,
    origin: Origin,
  ): void {
    const previous = translations[locale];
    if (previous && previous.origin.layer === layer) {
      const what =
        of === 'key' ? `Key ${name}` : of === 'user' ? `User message ${JSON.stringify(name)}` : `The user message of key ${name}`;
      this.diagnostics.push({
        ...error(
          'merge/conflict',
          `${what} in ${locale} is given twice in layer ${JSON.stringify(layer)}; order files by putting them in separate layers.`,
          origin,
          previous.origin,
        ),
        locale,
        ...(of !== 'user' ? { key: name } : {}),
      });
      return;
    }
    // A plain string is the common entry: read without wrapping it in an object.
    const full = typeof entry === 'string' ? undefined : entry;
    const translation: Translation = { text, ast: NOT_PARSED, state: full?.state ?? 'translated', origin };
    if (previous) translation.overrides = [...(previous.overrides ?? []), previous.origin];
    if (full?.note !== undefined) translation.note = full.note;
    if (full?.doubts?.length) translation.doubts = full.doubts;
    translations[locale] = translation;
  }
}

/** The AST of every translation until the validate stage parses its text: one shared empty list, frozen (nothing adds to an AST). */
const NOT_PARSED = Object.freeze([]) as unknown as MessageFormatElement[];

/** A registry entry as a message without translations, built field by field in the documented order (no spread per optional field). */
function messageOf(key: string, entry: RegistryEntry, origin: Origin): Message {
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
  return message;
}

/** An entry's text: the string itself, or its `text`. */
function textOf(entry: string | MessageEntry): string | undefined {
  return typeof entry === 'string' ? entry : entry.text;
}

/** Sorted by name: JSON member order carries no meaning, and positional formats (%1$s, {0}) number params in this order. */
function paramsOf(declared: RegistryEntry['params']): Param[] {
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
  return new OriginScope(layer, json, parent, atKey).member(name);
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
