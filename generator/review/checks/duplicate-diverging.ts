/**
 * qa/duplicate-diverging: texts that should agree and do not.
 *
 * - Keys whose source texts are identical but whose texts in a locale
 *   differ: one meaning translated two ways. Reported once per group and
 *   locale, on the group's first key.
 * - Keys whose texts in a locale are identical but whose source texts
 *   differ: two meanings merged into one translation, or a source worded
 *   two ways for one meaning. Texts that are only codes or identifiers are
 *   skipped.
 * - A code the vendor document lists twice (the import kept one row and
 *   recorded a doubt naming both lines): the duplicate may have hidden a
 *   second, different message.
 *
 * Texts are compared with whitespace collapsed.
 */
import type { Catalog, Message, Origin } from '../../catalog/model.js';
import type { CheckHit, QaCheck, Subject } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { hasWords } from './same-as-source.js';
import { hasText, listOf, literalText, normalizeSpace, quote } from './text.js';

const DUPLICATE_ROW = /duplicated row|two different rows/iu;

/** Keys sharing a text, in key order (the catalog's), with their positions in `catalog.messages`. */
interface Group {
  keys: string[];
  positions: number[];
}

/** One locale's texts, collapsed: each distinct text once, and each message's as a number. */
interface LocaleTexts {
  /** By message position: the id of its text, or -1 without text. */
  ids: Int32Array;
  /** By id. */
  texts: string[];
}

interface Index {
  textsOf: Map<string, LocaleTexts>;
  /** Groups of two or more keys with the same source text, by first key. */
  bySource: Map<string, Group>;
  /** Per locale, groups of two or more keys with the same text, by first key. */
  byText: Map<string, Map<string, Group>>;
}

const indexes = new WeakMap<Catalog, Index>();

/**
 * Each locale's texts as ids, read once per catalog: whether a group's texts in another locale
 * agree (almost always) is then a comparison of numbers, not of texts normalised again.
 */
function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (index) return index;
  const textsOf = new Map(catalog.locales.map((l) => [l, localeTexts(catalog.messages, l)]));
  const groupsOf = (locale: string, skipCodes: boolean): Map<string, Group> => {
    const { ids, texts } = textsOf.get(locale)!;
    const count = new Uint32Array(texts.length);
    for (const id of ids) if (id >= 0) count[id]++;
    // The positions of every text two or more messages have (few do), ascending: in key order, as catalog.messages is sorted.
    const shared = new Map<number, number[]>();
    for (let p = 0; p < ids.length; p++) {
      const id = ids[p];
      if (id < 0 || count[id] < 2) continue;
      const positions = shared.get(id);
      if (positions) positions.push(p);
      else shared.set(id, [p]);
    }
    const groups = new Map<string, Group>();
    for (const candidates of shared.values()) {
      // Texts that are only codes do not group: asked of a shared text's messages alone, the words are read for few texts.
      const positions = skipCodes ? candidates.filter(withWords(catalog.messages, locale)) : candidates;
      if (positions.length < 2) continue;
      const keys = positions.map((p) => catalog.messages[p].key);
      groups.set(keys[0], { keys, positions });
    }
    return groups;
  };
  index = {
    textsOf,
    bySource: groupsOf(catalog.sourceLocale, false),
    byText: new Map(targetLocales(catalog).map((l) => [l, groupsOf(l, true)])),
  };
  indexes.set(catalog, index);
  return index;
}

/** The messages' texts in `locale`, whitespace collapsed, each distinct one numbered in order of first use. */
function localeTexts(messages: readonly Message[], locale: string): LocaleTexts {
  const ids = new Int32Array(messages.length).fill(-1);
  const texts: string[] = [];
  const idOf = new Map<string, number>();
  for (let p = 0; p < messages.length; p++) {
    const t = messages[p].translations[locale];
    if (!hasText(t)) continue;
    const text = normalizeSpace(t.text);
    let id = idOf.get(text);
    if (id === undefined) {
      id = texts.length;
      idOf.set(text, id);
      texts.push(text);
    }
    ids[p] = id;
  }
  return { ids, texts };
}

export const duplicateDiverging: QaCheck = {
  ...qaRule('qa/duplicate-diverging'),
  // A key's hits read the keys with its source text and those with its text in a locale (with or without words: a superset is safe).
  groups(message, catalog) {
    const groups: string[] = [];
    for (const locale of catalog.locales) {
      const t = message.translations[locale];
      if (hasText(t)) groups.push(`${locale}\u0000${normalizeSpace(t.text)}`);
    }
    return groups;
  },
  check(message, catalog, { gaps }) {
    const index = indexOf(catalog);
    const source = catalog.sourceLocale;
    const hits: CheckHit[] = [];

    const sameSource = index.bySource.get(message.key);
    if (sameSource) {
      for (const locale of targetLocales(catalog)) {
        const variants = variantsOf(sameSource, index.textsOf.get(locale)!);
        if (variants.length < 2) continue;
        hits.push({
          locales: [source, locale].sort(),
          message: `${listOf(sameSource.keys)} share the ${source} text ${quote(message.translations[source].text, 50)}, but their ${locale} texts differ: ${describe(variants)}.`,
          ...involving(sameSource, [source, locale], catalog),
          id: `same-source:${locale}`,
        });
      }
    }
    for (const locale of targetLocales(catalog)) {
      const sameText = index.byText.get(locale)?.get(message.key);
      if (!sameText) continue;
      const variants = variantsOf(sameText, index.textsOf.get(source)!);
      if (variants.length < 2) continue;
      hits.push({
        locales: [source, locale].sort(),
        message: `${listOf(sameText.keys)} share the ${locale} text ${quote(message.translations[locale].text, 50)}, but their ${source} texts differ: ${describe(variants)}.`,
        ...involving(sameText, [source, locale], catalog),
        id: `same-text:${locale}`,
      });
    }
    for (const locale of catalog.locales) {
      const translation = message.translations[locale];
      // Doubts are recorded on the translation, or on the gaps of a locale without text: most keys have neither.
      if (!translation?.doubts?.length && (hasText(translation) || gaps.length === 0)) continue;
      const recorded: { doubt: string; origin: Origin }[] = [
        ...(translation?.doubts ?? []).map((doubt) => ({ doubt, origin: translation!.origin })),
        ...(hasText(translation)
          ? []
          : gaps.filter((g) => g.locale === locale).flatMap((g) => g.doubts.map((doubt) => ({ doubt, origin: g.origin })))),
      ];
      for (const { doubt, origin } of recorded.filter((r) => DUPLICATE_ROW.test(r.doubt))) {
        hits.push({
          locales: [locale],
          message: `The vendor document lists ${message.key} twice for ${locale}; the import kept one row: ${doubt}`,
          origins: [origin],
          subjects: [{ key: message.key, locale, origin }],
          id: `vendor-row:${locale}:${doubt}`,
        });
      }
    }
    return hits;
  },
};

/** A filter of positions whose message's text in `locale` has words; the messages of a shared text mostly have one literal text, read once. */
function withWords(messages: readonly Message[], locale: string): (position: number) => boolean {
  let last: { literal: string; words: boolean } | undefined;
  return (position) => {
    const literal = literalText(messages[position].translations[locale]);
    if (last?.literal !== literal) last = { literal, words: hasWords(literal) };
    return last.words;
  };
}

/** The distinct texts of a group's keys in a locale, each with the keys that have it, in key order; none when they agree (most groups). */
function variantsOf(group: Group, { ids, texts }: LocaleTexts): { text: string; keys: string[] }[] {
  if (!differ(group.positions, ids)) return [];
  const variants: { id: number; text: string; keys: string[] }[] = [];
  group.positions.forEach((p, i) => {
    const id = ids[p];
    if (id < 0) return;
    const found = variants.find((v) => v.id === id);
    if (found) found.keys.push(group.keys[i]);
    else variants.push({ id, text: texts[id], keys: [group.keys[i]] });
  });
  return variants;
}

/** Whether the messages at `positions` have two or more distinct texts (ids; -1 is no text). */
function differ(positions: readonly number[], ids: Int32Array): boolean {
  let first = -1;
  for (const p of positions) {
    const id = ids[p];
    if (id < 0) continue;
    if (first < 0) first = id;
    else if (id !== first) return true;
  }
  return false;
}

function describe(variants: { text: string; keys: string[] }[]): string {
  return variants.map((v) => `${listOf(v.keys)} ${quote(v.text, 40)}`).join('; ');
}

function involving(group: Group, locales: readonly string[], catalog: Catalog): { origins: Origin[]; subjects: Subject[] } {
  const subjects: Subject[] = [];
  const sorted = [...locales].sort();
  group.positions.forEach((p, i) => {
    for (const locale of sorted) {
      const t = catalog.messages[p].translations[locale];
      if (hasText(t)) subjects.push({ key: group.keys[i], locale, origin: t.origin });
    }
  });
  return { origins: subjects.map((s) => s.origin!), subjects };
}
