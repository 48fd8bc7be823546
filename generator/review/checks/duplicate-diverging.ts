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
import { compareKeys } from '../../catalog/keys.js';
import type { Catalog, Message, Origin } from '../../catalog/model.js';
import type { CheckHit, QaCheck, Subject } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { hasWords } from './same-as-source.js';
import { hasText, listOf, literalText, normalizeSpace, quote } from './text.js';

const DUPLICATE_ROW = /duplicated row|two different rows/iu;

interface Group {
  /** Sorted by compareKeys. */
  keys: string[];
}

interface Index {
  byKey: Map<string, Message>;
  /** Groups of two or more keys with the same source text, by first key. */
  bySource: Map<string, Group>;
  /** Per locale, groups of two or more keys with the same text, by first key. */
  byText: Map<string, Map<string, Group>>;
}

const indexes = new WeakMap<Catalog, Index>();

function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (index) return index;
  const byKey = new Map(catalog.messages.map((m) => [m.key, m]));
  const groupBy = (locale: string, skipCodes: boolean): Map<string, Group> => {
    // The first message of each text, and every message of a text two or more have (few do): no list per text.
    const firstOf = new Map<string, Message>();
    const shared = new Map<string, Message[]>();
    for (const m of catalog.messages) {
      const t = m.translations[locale];
      if (!hasText(t)) continue;
      const text = normalizeSpace(t.text);
      const first = firstOf.get(text);
      if (first === undefined) {
        firstOf.set(text, m);
        continue;
      }
      const messages = shared.get(text);
      if (messages) messages.push(m);
      else shared.set(text, [first, m]);
    }
    const groups = new Map<string, Group>();
    for (const candidates of shared.values()) {
      // Texts that are only codes do not group: asked of a shared text's messages alone, the words are read for few texts.
      const messages = skipCodes ? candidates.filter(withWords(locale)) : candidates;
      if (messages.length < 2) continue;
      const sorted = messages.map((m) => m.key).sort(compareKeys);
      groups.set(sorted[0], { keys: sorted });
    }
    return groups;
  };
  index = {
    byKey,
    bySource: groupBy(catalog.sourceLocale, false),
    byText: new Map(targetLocales(catalog).map((l) => [l, groupBy(l, true)])),
  };
  indexes.set(catalog, index);
  return index;
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
    const { byKey } = index;
    const source = catalog.sourceLocale;
    const hits: CheckHit[] = [];

    const sameSource = index.bySource.get(message.key);
    if (sameSource) {
      for (const locale of targetLocales(catalog)) {
        const variants = variantsOf(sameSource.keys, locale, byKey);
        if (variants.length < 2) continue;
        hits.push({
          locales: [source, locale].sort(),
          message: `${listOf(sameSource.keys)} share the ${source} text ${quote(byKey.get(message.key)!.translations[source].text, 50)}, but their ${locale} texts differ: ${describe(variants)}.`,
          ...involving(sameSource.keys, [source, locale], byKey),
          id: `same-source:${locale}`,
        });
      }
    }
    for (const locale of targetLocales(catalog)) {
      const sameText = index.byText.get(locale)?.get(message.key);
      if (!sameText) continue;
      const variants = variantsOf(sameText.keys, source, byKey);
      if (variants.length < 2) continue;
      hits.push({
        locales: [source, locale].sort(),
        message: `${listOf(sameText.keys)} share the ${locale} text ${quote(message.translations[locale].text, 50)}, but their ${source} texts differ: ${describe(variants)}.`,
        ...involving(sameText.keys, [source, locale], byKey),
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

/** A filter of messages whose text in `locale` has words; the messages of a shared text mostly have one literal text, read once. */
function withWords(locale: string): (message: Message) => boolean {
  let last: { literal: string; words: boolean } | undefined;
  return (message) => {
    const literal = literalText(message.translations[locale]);
    if (last?.literal !== literal) last = { literal, words: hasWords(literal) };
    return last.words;
  };
}

/** The distinct texts of `keys` in `locale`, each with the keys that have it, in key order. */
function variantsOf(keys: readonly string[], locale: string, byKey: Map<string, Message>): { text: string; keys: string[] }[] {
  const variants: { text: string; keys: string[] }[] = [];
  for (const key of keys) {
    const t = byKey.get(key)!.translations[locale];
    if (!hasText(t)) continue;
    const text = normalizeSpace(t.text);
    const found = variants.find((v) => v.text === text);
    if (found) found.keys.push(key);
    else variants.push({ text, keys: [key] });
  }
  return variants;
}

function describe(variants: { text: string; keys: string[] }[]): string {
  return variants.map((v) => `${listOf(v.keys)} ${quote(v.text, 40)}`).join('; ');
}

function involving(
  keys: readonly string[],
  locales: readonly string[],
  byKey: Map<string, Message>,
): { origins: Origin[]; subjects: Subject[] } {
  const subjects: Subject[] = [];
  for (const key of keys) {
    for (const locale of [...locales].sort()) {
      const t = byKey.get(key)!.translations[locale];
      if (hasText(t)) subjects.push({ key, locale, origin: t.origin });
    }
  }
  return { origins: subjects.map((s) => s.origin!), subjects };
}
