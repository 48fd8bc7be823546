/**
 * `catalog/catalog.json`: the merged catalog reduced to what apps depend on,
 * so two releases can be compared from their dist/ folders alone. Per
 * message: key, code or range, section, parameters (name and type), the
 * identifier every built-in platform looks it up by, and the ICU text per
 * locale. Origins, overrides, descriptions, states, notes, doubts, parameter
 * examples and ASTs are left out: they change without an app noticing.
 *
 * The bytes depend on the catalog's content only: messages in key order
 * (compareKeys), parameters by name, locales source first then sorted, the
 * members of every object in a fixed order. Sections keep the registry's
 * order: it is their display order, and the registry fixes it.
 */
import type { Action, Catalog, ParamType } from '../catalog/model.js';
import type { Fault } from '../catalog/model.js';
import { compareKeys } from '../catalog/keys.js';
import { DEFAULT_IDENTIFIER_PREFIX, identifierOf } from '../emit/identifiers.js';

export const SNAPSHOT_FORMAT = 'codebook-catalog-snapshot';
export const SNAPSHOT_VERSION = 1;
/** Where the `catalog` target writes the snapshot, relative to the output folder. */
export const SNAPSHOT_FILE = 'catalog/catalog.json';

export interface SnapshotParam {
  name: string;
  type: ParamType;
}

export interface SnapshotSection {
  id: string;
  part?: string;
  /** Localized titles by locale. */
  titles: Record<string, string>;
}

export interface SnapshotMessage {
  key: string;
  code?: number;
  range?: [number, number];
  section: string;
  /** Sorted by name: the order positional formats (%1$s, {0}) number them in. */
  params: SnapshotParam[];
  /** The name each built-in platform looks the message up by, by platform id. */
  identifiers: Record<string, string>;
  /** ICU MessageFormat source by locale; an untranslated locale has no entry. The developer detail when there are user messages. */
  texts: Record<string, string>;
  /** What the app should offer and whose fault it is (registry `action`, `fault`). */
  action?: Action;
  fault?: Fault;
  /** The end-user message by locale, when the catalog has user messages. */
  userTexts?: Record<string, string>;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** The "do not edit" line; ignored when comparing. */
  generated?: string;
  sourceLocale: string;
  /** Source locale first, then the others sorted. */
  locales: string[];
  namespace: string;
  identifierPrefix: string;
  /** In display order (the registry's). */
  sections: SnapshotSection[];
  /** Sorted by key (compareKeys). */
  messages: SnapshotMessage[];
}

/**
 * How each built-in target names a message in what it writes: `key` for the
 * message key itself (i18next and types keys, Apple and Java keys, gettext
 * msgctxt, XLIFF unit ids), `identifier` for the shared identifier table
 * (Android resource names, Flutter ARB keys). Keep in step with targets/index.ts.
 */
export const PLATFORM_NAMING: Readonly<Record<string, 'key' | 'identifier'>> = {
  android: 'identifier',
  apple: 'key',
  flutter: 'identifier',
  gettext: 'key',
  i18next: 'key',
  java: 'key',
  types: 'key',
  xliff: 'key',
};

export interface SnapshotOptions {
  /** The config's `identifierPrefix`; default `error_`. */
  identifierPrefix?: string;
  /** The generated-file header line, stored as `generated`. */
  header?: string;
}

/** The snapshot as a value (canonical order). */
export function snapshotOf(catalog: Catalog, options: SnapshotOptions = {}): Snapshot {
  const prefix = options.identifierPrefix ?? DEFAULT_IDENTIFIER_PREFIX;
  const locales = sortLocales(catalog.locales, catalog.sourceLocale);
  return canonicalSnapshot({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    ...(options.header !== undefined ? { generated: options.header } : {}),
    sourceLocale: catalog.sourceLocale,
    locales,
    namespace: catalog.namespace,
    identifierPrefix: prefix,
    sections: catalog.sections.map((s) => ({ id: s.id, ...(s.part !== undefined ? { part: s.part } : {}), titles: { ...s.titles } })),
    messages: catalog.messages.map((m, i) => ({
      key: m.key,
      ...(m.code !== undefined ? { code: m.code } : {}),
      ...(m.range ? { range: [m.range[0], m.range[1]] as [number, number] } : {}),
      section: m.section,
      params: m.params.map((p) => ({ name: p.name, type: p.type })),
      identifiers: Object.fromEntries(
        Object.entries(PLATFORM_NAMING).map(([platform, naming]) => [platform, naming === 'key' ? m.key : identifierOf(m.key, prefix)]),
      ),
      texts: Object.fromEntries(Object.entries(m.translations).map(([locale, t]) => [locale, t.text])),
      ...(m.action !== undefined ? { action: m.action } : {}),
      ...(m.fault !== undefined ? { fault: m.fault } : {}),
      ...(catalog.userMessages
        ? { userTexts: Object.fromEntries(Object.entries(catalog.userMessages[i]!.translations).map(([locale, t]) => [locale, t.text])) }
        : {}),
    })),
  });
}

/** `catalog/catalog.json`: the snapshot as canonical JSON text, two-space indented, ending in a newline. */
export function catalogSnapshot(catalog: Catalog, options: SnapshotOptions = {}): string {
  return serializeSnapshot(snapshotOf(catalog, options));
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return `${JSON.stringify(canonicalSnapshot(snapshot), null, 2)}\n`;
}

/**
 * The same snapshot with every array and object in canonical order and every
 * object's members in schema order. Object keys are locales, platform ids or
 * names, never integer-like, so JSON.stringify keeps the order given here.
 */
export function canonicalSnapshot(s: Snapshot): Snapshot {
  return {
    format: s.format,
    version: s.version,
    ...(s.generated !== undefined ? { generated: s.generated } : {}),
    sourceLocale: s.sourceLocale,
    locales: sortLocales(s.locales, s.sourceLocale),
    namespace: s.namespace,
    identifierPrefix: s.identifierPrefix,
    sections: s.sections.map((x) => ({ id: x.id, ...(x.part !== undefined ? { part: x.part } : {}), titles: sortedRecord(x.titles) })),
    messages: [...s.messages]
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((m) => ({
        key: m.key,
        ...(m.code !== undefined ? { code: m.code } : {}),
        ...(m.range ? { range: [m.range[0], m.range[1]] as [number, number] } : {}),
        section: m.section,
        params: [...m.params].sort((a, b) => compareText(a.name, b.name)).map((p) => ({ name: p.name, type: p.type })),
        identifiers: sortedRecord(m.identifiers),
        texts: sortedRecord(m.texts),
        ...(m.action !== undefined ? { action: m.action } : {}),
        ...(m.fault !== undefined ? { fault: m.fault } : {}),
        ...(m.userTexts ? { userTexts: sortedRecord(m.userTexts) } : {}),
      })),
  };
}

function sortLocales(locales: readonly string[], sourceLocale: string): string[] {
  const others = [...new Set(locales)].filter((l) => l !== sourceLocale).sort(compareText);
  return locales.includes(sourceLocale) ? [sourceLocale, ...others] : others;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** Code-unit order: the same in every process locale (unlike localeCompare). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
