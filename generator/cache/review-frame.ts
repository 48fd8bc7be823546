/**
 * The review's key table (review/key-table.ts: each key's section, code
 * range and one byte per locale for its text) as the last run left it, kept
 * in review.bin (review-state.ts) in key-table order, so that a warm edit
 * whose catalog holds some keys alone (edited-catalog.ts) can plan the
 * review: patchedFrame puts those keys' messages in, and frameCatalog gives
 * their catalog carrying the table of every key. The review counts from the
 * table and builds rows of the catalog's messages only; warm-edit.ts asks
 * rowKeysOf before planning rows.
 */
import type { Catalog } from '../catalog/model.js';
import { hashText } from '../json/text-hash.js';
import { tableOfCatalog, textByte, withKeyTable, type KeyTable } from '../review/key-table.js';

export interface ReviewFrame {
  /** The catalog's own fields the pages print (namespace, locales, sections…), hashed: a partial catalog must have the same. */
  shape: number;
  /** Section ids, each key's an index into it. */
  sections: string[];
  sectionOf: Uint32Array;
  /** [key-table place, from, to] of each key with a code range, by place. */
  ranges: [number, number, number][];
  /** One byte per key and locale (catalog locale order), key-major. */
  texts: Uint8Array;
}

/** The frame of a whole catalog (its messages in key-table order). */
export function frameOf(catalog: Catalog, table: KeyTable = tableOfCatalog(catalog)): ReviewFrame {
  const ranges: [number, number, number][] = [];
  catalog.messages.forEach((message, at) => {
    if (message.range) ranges.push([at, message.range[0], message.range[1]]);
  });
  return {
    shape: shapeOf(catalog),
    sections: [...table.sectionIds],
    sectionOf: Uint32Array.from(table.sectionOf),
    ranges,
    texts: table.texts,
  };
}

/** The frame with the messages of `catalog` (some keys, merged as the whole catalog would have them) in place of the recorded ones. */
export function patchedFrame(frame: ReviewFrame, catalog: Catalog, keyIndex: ReadonlyMap<string, number>): ReviewFrame | undefined {
  if (shapeOf(catalog) !== frame.shape) return undefined;
  const sections = [...frame.sections];
  const sectionOf = Uint32Array.from(frame.sectionOf);
  const texts = Uint8Array.from(frame.texts);
  const ranges = [...frame.ranges];
  const { locales } = catalog;
  for (const message of catalog.messages) {
    const at = keyIndex.get(message.key);
    if (at === undefined) return undefined;
    let id = sections.indexOf(message.section);
    if (id < 0) id = sections.push(message.section) - 1;
    sectionOf[at] = id;
    // The ranges stay sorted by place: the key's is replaced, added or removed where it belongs.
    const i = rangePlace(ranges, at);
    const has = ranges[i]?.[0] === at;
    if (message.range) ranges.splice(i, has ? 1 : 0, [at, message.range[0], message.range[1]]);
    else if (has) ranges.splice(i, 1);
    locales.forEach((locale, l) => (texts[at * locales.length + l] = textByte(message.translations[locale])));
  }
  return { shape: frame.shape, sections, sectionOf, ranges, texts };
}

/** The first place in `ranges` (sorted by key place) whose key place is not below `at`. */
function rangePlace(ranges: readonly [number, number, number][], at: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid]![0] < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `partial` (some keys' messages and user messages) carrying the table of every key of `keys` (the
 * key table, `keyIndex` each one's place) for the review's plan; undefined when the frame is not of
 * this key table or `partial`'s own fields differ from the recorded ones.
 */
export function frameCatalog(
  frame: ReviewFrame,
  keys: readonly string[],
  partial: Catalog,
  keyIndex: ReadonlyMap<string, number> = new Map(keys.map((k, i) => [k, i])),
): Catalog | undefined {
  const { locales } = partial;
  if (frame.sectionOf.length !== keys.length || frame.texts.length !== keys.length * locales.length || shapeOf(partial) !== frame.shape)
    return undefined;
  const real = new Map<number, number>();
  for (const [i, message] of partial.messages.entries()) {
    const at = keyIndex.get(message.key);
    if (at === undefined) return undefined;
    real.set(at, i);
  }
  const rangeAt = new Int32Array(keys.length).fill(-1);
  frame.ranges.forEach(([at], i) => (rangeAt[at] = i));
  const table: KeyTable = {
    keys,
    sectionIds: frame.sections,
    sectionOf: frame.sectionOf,
    texts: frame.texts,
    rangeOf(at) {
      const i = rangeAt[at]!;
      return i < 0 ? undefined : [frame.ranges[i]![1], frame.ranges[i]![2]];
    },
    messageAt: (at) => partial.messages[real.get(at) ?? -1],
    userMessageAt: (at) => partial.userMessages?.[real.get(at) ?? -1],
    positionOf: (key) => keyIndex.get(key),
  };
  const catalog = withKeyTable(partial, table);
  rowKeys.set(catalog, new Set(partial.messages.map((m) => m.key)));
  return catalog;
}

/** The keys whose rows a frameCatalog can plan (its messages'); undefined for any other catalog (every key's). */
export function rowKeysOf(catalog: Catalog): ReadonlySet<string> | undefined {
  return rowKeys.get(catalog);
}

const rowKeys = new WeakMap<Catalog, ReadonlySet<string>>();

/**
 * The catalog's fields besides its messages that the review's pages read: not the sections'
 * origins, which they do not print and which a partial read places by reading the file whole.
 */
function shapeOf({ namespace, sourceLocale, locales, fallback, sections }: Catalog): number {
  const titled = sections.map(({ id, part, titles }) => ({ id, part: part ?? null, titles }));
  return hashText(JSON.stringify({ namespace, sourceLocale, locales, fallback: fallback ?? null, sections: titled }));
}
