/**
 * What the review reads of every key besides its row: its key, section and
 * code range (its place on the pages, the index's "find a code") and, per
 * locale, one byte: whether it has a text, whether that text is blank and
 * its state (the index's, report.json's and summary.md's counts), in catalog
 * order. The pages, report.json and summary.md count from this table, not
 * from the messages, so that a warm edit whose catalog holds some keys alone
 * (cache/edited-catalog.ts) can plan the review from the last run's table
 * (cache/review-frame.ts keeps it in review.bin): such a catalog carries the
 * table (withKeyTable), and the review builds rows of its messages only.
 */
import type { Catalog, Message, Translation, TranslationState } from '../catalog/model.js';

export const STATES: readonly TranslationState[] = ['initial', 'translated', 'reviewed', 'final'];

/** A text's byte: 0 when the key has none in the locale, else PRESENT, BLANK when its text trims to '', and its state's place in STATES + 1 shifted by 2 (0: another state). */
export const PRESENT = 1;
export const BLANK = 2;

export function textByte(t: Translation | undefined): number {
  if (!t) return 0;
  return PRESENT | (t.text.trim() === '' ? BLANK : 0) | ((STATES.indexOf(t.state) + 1) << 2);
}

/** The place in STATES of a present text's state; -1 for a state STATES does not list. */
export function stateAt(byte: number): number {
  return (byte >> 2) - 1;
}

export interface KeyTable {
  /** Every key of the catalog, in catalog order; `at` below is a place in it. */
  keys: readonly string[];
  /** Section ids: the key at `at` is in section `sectionIds[sectionOf[at]]`. */
  sectionIds: readonly string[];
  sectionOf: ArrayLike<number>;
  /** One byte per key and locale (textByte, catalog locale order), key-major: `texts[at * locales + l]`. */
  texts: Uint8Array;
  rangeOf(at: number): readonly [number, number] | undefined;
  /** The message at `at` and its user message; undefined (the message) for a key whose row the table cannot give. */
  messageAt(at: number): Message | undefined;
  userMessageAt(at: number): Message | undefined;
  /** The key's place; undefined for a key the catalog does not have. */
  positionOf(key: string): number | undefined;
}

const attached = new WeakMap<Catalog, KeyTable>();

/** The catalog's table: the one it carries (withKeyTable), else built from its messages. */
export function keyTableOf(catalog: Catalog): KeyTable {
  return attached.get(catalog) ?? tableOfCatalog(catalog);
}

/** A copy of `catalog` that the review plans from `table` (every key) instead of its messages (its rows only). */
export function withKeyTable(catalog: Catalog, table: KeyTable): Catalog {
  const carrying: Catalog = { ...catalog };
  attached.set(carrying, table);
  return carrying;
}

/** Whether the catalog carries a table (its messages are some keys' alone). */
export function carriesKeyTable(catalog: Catalog): boolean {
  return attached.has(catalog);
}

/** The table of a whole catalog. */
export function tableOfCatalog(catalog: Catalog): KeyTable {
  const { messages, locales, userMessages } = catalog;
  const sectionIds: string[] = [];
  const idOf = new Map<string, number>();
  const sectionOf = new Uint32Array(messages.length);
  const texts = new Uint8Array(messages.length * locales.length);
  const keys: string[] = new Array<string>(messages.length);
  for (let at = 0; at < messages.length; at++) {
    const message = messages[at]!;
    keys[at] = message.key;
    let id = idOf.get(message.section);
    if (id === undefined) idOf.set(message.section, (id = sectionIds.push(message.section) - 1));
    sectionOf[at] = id;
    for (let l = 0; l < locales.length; l++) texts[at * locales.length + l] = textByte(message.translations[locales[l]!]);
  }
  let places: Map<string, number> | undefined;
  return {
    keys,
    sectionIds,
    sectionOf,
    texts,
    rangeOf: (at) => messages[at]!.range,
    messageAt: (at) => messages[at],
    userMessageAt: (at) => userMessages?.[at],
    positionOf: (key) => (places ??= new Map(keys.map((k, at) => [k, at]))).get(key),
  };
}

/** Per locale (catalog order): how many keys have a text, a non-blank one, one in each state (STATES order), and none but one of the locale's fallback chain. */
export interface LocaleCounts {
  present: number;
  nonBlank: number;
  byState: number[];
  viaChain: number;
}

/** Each table's counts (the index, report.json and summary.md all read them), with the fallback chains they were counted with. */
const counted = new WeakMap<KeyTable, { fallback: Catalog['fallback']; counts: LocaleCounts[] }>();

/** Every locale's counts, in one pass over the table's bytes (once per table). */
export function localeCounts(table: KeyTable, catalog: Pick<Catalog, 'locales' | 'fallback'>): LocaleCounts[] {
  const known = counted.get(table);
  if (known && known.fallback === catalog.fallback) return known.counts;
  const { locales } = catalog;
  const width = locales.length;
  const { texts } = table;
  const present = new Uint32Array(width);
  const nonBlank = new Uint32Array(width);
  const byState = new Uint32Array(width * STATES.length);
  for (let i = 0, l = 0; i < texts.length; i++) {
    const byte = texts[i]!;
    if (byte !== 0) {
      present[l]!++;
      if ((byte & BLANK) === 0) nonBlank[l]!++;
      const state = stateAt(byte);
      if (state >= 0) byState[l * STATES.length + state]!++;
    }
    if (++l === width) l = 0;
  }
  const counts = locales.map((locale, l) => {
    // A missing text that the configured chain fills (zh-Hant's details from zh-Hans): a fallback, not a translation.
    const chain = (catalog.fallback?.[locale] ?? []).map((c) => locales.indexOf(c)).filter((c) => c >= 0);
    let viaChain = 0;
    if (chain.length > 0)
      for (let at = 0; at < table.keys.length; at++)
        if (texts[at * width + l] === 0 && chain.some((c) => texts[at * width + c] !== 0)) viaChain++;
    return {
      present: present[l]!,
      nonBlank: nonBlank[l]!,
      byState: [...byState.subarray(l * STATES.length, (l + 1) * STATES.length)],
      viaChain,
    };
  });
  counted.set(table, { fallback: catalog.fallback, counts });
  return counts;
}
