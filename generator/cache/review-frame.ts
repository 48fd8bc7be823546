/**
 * What the review's plan reads of the keys it renders no row for: each
 * key's section and code range (its place on the pages, the index's "find a
 * code") and, per locale, whether it has a text, its state and whether that
 * text is blank (the index's, report.json's and summary.md's counts). Kept
 * in review.bin (review-state.ts) in key-table order, so that a warm edit
 * whose catalog holds some keys alone (edited-catalog.ts) can plan the
 * review: frameCatalog gives a catalog of every key, those keys' messages
 * as merged and the others' stand-ins that carry only what these counts
 * read. A stand-in's row must never be rendered (warm-edit.ts asks
 * stand-insOf before planning rows).
 */
import type { Catalog, Message, Translation, TranslationState } from '../catalog/model.js';
import { hashText } from '../json/text-hash.js';
import { STATES } from '../review/page-context.js';

/** A text's byte: 0 when the key has none in the locale, else PRESENT, BLANK when its text trims to '', and its state's place in STATES + 1 shifted by 2. */
const PRESENT = 1;
const BLANK = 2;

export interface ReviewFrame {
  /** The catalog's own fields the pages print (namespace, locales, sections…), hashed: a partial catalog must have the same. */
  shape: number;
  /** Section ids, each key's an index into it. */
  sections: string[];
  sectionOf: Uint32Array;
  /** [key-table place, from, to] of each key with a code range. */
  ranges: [number, number, number][];
  /** One byte per key and locale (catalog locale order), key-major. */
  texts: Uint8Array;
}

/** The frame of a whole catalog (its messages in key-table order). */
export function frameOf(catalog: Catalog): ReviewFrame {
  const { messages, locales } = catalog;
  const sections: string[] = [];
  const sectionIds = new Map<string, number>();
  const sectionOf = new Uint32Array(messages.length);
  const ranges: [number, number, number][] = [];
  const texts = new Uint8Array(messages.length * locales.length);
  messages.forEach((message, at) => {
    let id = sectionIds.get(message.section);
    if (id === undefined) sectionIds.set(message.section, (id = sections.push(message.section) - 1));
    sectionOf[at] = id;
    if (message.range) ranges.push([at, message.range[0], message.range[1]]);
    locales.forEach((locale, l) => (texts[at * locales.length + l] = textByte(message.translations[locale])));
  });
  return { shape: shapeOf(catalog), sections, sectionOf, ranges, texts };
}

/** The frame with the messages of `catalog` (some keys, merged as the whole catalog would have them) in place of the recorded ones. */
export function patchedFrame(frame: ReviewFrame, catalog: Catalog, keyIndex: ReadonlyMap<string, number>): ReviewFrame | undefined {
  if (shapeOf(catalog) !== frame.shape) return undefined;
  const sections = [...frame.sections];
  const sectionOf = Uint32Array.from(frame.sectionOf);
  const texts = Uint8Array.from(frame.texts);
  const ranges = new Map(frame.ranges.map((r) => [r[0], r]));
  const { locales } = catalog;
  for (const message of catalog.messages) {
    const at = keyIndex.get(message.key);
    if (at === undefined) return undefined;
    let id = sections.indexOf(message.section);
    if (id < 0) id = sections.push(message.section) - 1;
    sectionOf[at] = id;
    if (message.range) ranges.set(at, [at, message.range[0], message.range[1]]);
    else ranges.delete(at);
    locales.forEach((locale, l) => (texts[at * locales.length + l] = textByte(message.translations[locale])));
  }
  return { shape: frame.shape, sections, sectionOf, ranges: [...ranges.values()].sort((a, b) => a[0] - b[0]), texts };
}

/**
 * A catalog of every key of `keys` (the key table) for the review's plan: `partial`'s messages (and
 * user messages) where it has them, stand-ins elsewhere; undefined when the frame is not of this
 * key table or `partial`'s own fields differ from the recorded ones.
 */
export function frameCatalog(frame: ReviewFrame, keys: readonly string[], partial: Catalog): Catalog | undefined {
  const { locales } = partial;
  if (frame.sectionOf.length !== keys.length || frame.texts.length !== keys.length * locales.length || shapeOf(partial) !== frame.shape)
    return undefined;
  const real = new Map(partial.messages.map((m, i) => [m.key, i]));
  const ranges = new Map(frame.ranges.map(([at, from, to]) => [at, [from, to] as const]));
  const messages: Message[] = [];
  const userMessages: Message[] | undefined = partial.userMessages ? [] : undefined;
  const standIns = new Set<string>();
  // One stand-in translation per byte value: the counts read `state` and whether `text` trims to ''.
  const translationOf = new Map<number, Translation>();
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at]!;
    const i = real.get(key);
    if (i !== undefined) {
      messages.push(partial.messages[i]!);
      if (userMessages) userMessages[at] = partial.userMessages![i]!;
      continue;
    }
    standIns.add(key);
    const translations: Record<string, Translation> = {};
    for (let l = 0; l < locales.length; l++) {
      const byte = frame.texts[at * locales.length + l]!;
      if (byte === 0) continue;
      translations[locales[l]!] = translationOf.get(byte) ?? translationOf.set(byte, standInTranslation(byte)).get(byte)!;
    }
    const range = ranges.get(at);
    messages.push({
      key,
      section: frame.sections[frame.sectionOf[at]!]!,
      params: [],
      translations,
      origin: NO_ORIGIN,
      ...(range ? { range } : {}),
    });
  }
  const catalog: Catalog = { ...partial, messages, ...(userMessages ? { userMessages } : {}) };
  standInsByCatalog.set(catalog, standIns);
  return catalog;
}

/** The keys of a frameCatalog that are stand-ins (whose rows cannot be rendered); undefined for any other catalog. */
export function standInsOf(catalog: Catalog): ReadonlySet<string> | undefined {
  return standInsByCatalog.get(catalog);
}

const standInsByCatalog = new WeakMap<Catalog, ReadonlySet<string>>();

const NO_ORIGIN = { layer: '', file: '', pointer: '', line: 0, column: 0 };

function textByte(t: Translation | undefined): number {
  if (!t) return 0;
  return PRESENT | (t.text.trim() === '' ? BLANK : 0) | ((STATES.indexOf(t.state) + 1) << 2);
}

function standInTranslation(byte: number): Translation {
  const state = STATES[(byte >> 2) - 1] ?? ('unknown' as TranslationState);
  return { text: byte & BLANK ? '' : 'x', ast: [], state, origin: NO_ORIGIN };
}

/**
 * The catalog's fields besides its messages that the review's pages read: not the sections'
 * origins, which they do not print and which a partial read places by reading the file whole.
 */
function shapeOf({ namespace, sourceLocale, locales, fallback, sections }: Catalog): number {
  const titled = sections.map(({ id, part, titles }) => ({ id, part: part ?? null, titles }));
  return hashText(JSON.stringify({ namespace, sourceLocale, locales, fallback: fallback ?? null, sections: titled }));
}
