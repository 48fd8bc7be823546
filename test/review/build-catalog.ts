/**
 * Small in-memory catalogs for the QA check tests. Every text gets an
 * origin `locales/<locale>/<layer>.json`, line = its order in that file + 2,
 * and its ICU AST; a text given as `{ doubts }` without `text` becomes a
 * merge gap, as an empty vendor row does.
 */
import type { Gap } from '../../generator/catalog/merge.js';
import { parseMessage } from '../../generator/catalog/icu.js';
import { compareKeys } from '../../generator/catalog/keys.js';
import type { Catalog, Message, Origin, TranslationState } from '../../generator/catalog/model.js';
import type { CheckHit, QaCheck } from '../../generator/review/checks/check.js';

export interface TextSpec {
  text?: string;
  state?: TranslationState;
  /** Default: "project" for the source locale, "vendor" for the others. */
  layer?: string;
  doubts?: string[];
  note?: string;
}

export interface CatalogSpec {
  sourceLocale?: string;
  locales?: string[];
  /** key → locale → text. */
  messages: Record<string, Record<string, string | TextSpec>>;
  /** Gaps besides those of text-less entries: a key an earlier layer left empty and a later one filled. */
  gaps?: { key: string; locale: string; doubts: string[]; layer?: string }[];
}

export interface BuiltCatalog {
  catalog: Catalog;
  gaps: Gap[];
}

export function buildCatalog(spec: CatalogSpec): BuiltCatalog {
  const sourceLocale = spec.sourceLocale ?? 'en';
  const locales = spec.locales ?? [...new Set([sourceLocale, ...Object.values(spec.messages).flatMap((m) => Object.keys(m))])];
  const lines = new Map<string, number>();
  const gaps: Gap[] = [];
  const originOf = (key: string, locale: string, layer: string): Origin => {
    const file = `locales/${locale}/${layer}.json`;
    const line = (lines.get(file) ?? 2) + 1;
    lines.set(file, line);
    return { layer, file, pointer: `/messages/${key}`, line, column: 5 };
  };
  const messages: Message[] = Object.keys(spec.messages)
    .sort(compareKeys)
    .map((key, i) => {
      const message: Message = {
        key,
        ...(/^-?\d+$/.test(key) ? { code: Number(key) } : {}),
        section: 'test',
        params: [],
        translations: {},
        origin: { layer: 'registry', file: 'locales/codes.json', pointer: `/codes/${i}`, line: i + 3, column: 5 },
      };
      for (const [locale, value] of Object.entries(spec.messages[key])) {
        const entry: TextSpec = typeof value === 'string' ? { text: value } : value;
        const origin = originOf(key, locale, entry.layer ?? (locale === sourceLocale ? 'project' : 'vendor'));
        if (entry.text === undefined) {
          gaps.push({ key, locale, origin, doubts: entry.doubts ?? [] });
          continue;
        }
        const parsed = parseMessage(entry.text);
        message.translations[locale] = {
          text: entry.text,
          ast: parsed.ok ? parsed.ast : [],
          state: entry.state ?? 'translated',
          origin,
          ...(entry.note ? { note: entry.note } : {}),
          ...(entry.doubts?.length ? { doubts: entry.doubts } : {}),
        };
      }
      return message;
    });
  for (const gap of spec.gaps ?? [])
    gaps.push({ key: gap.key, locale: gap.locale, origin: originOf(gap.key, gap.locale, gap.layer ?? 'vendor'), doubts: gap.doubts });
  const ordered = [sourceLocale, ...locales.filter((l) => l !== sourceLocale).sort()];
  return {
    catalog: { sourceLocale, locales: ordered, namespace: 'errors', detailNamespace: 'errors-detail', sections: [], messages },
    gaps,
  };
}

/** The hits of one check on one key of a spec. */
export function hitsOf(check: QaCheck, spec: CatalogSpec, key = Object.keys(spec.messages)[0]): CheckHit[] {
  const { catalog, gaps } = buildCatalog(spec);
  const message = catalog.messages.find((m) => m.key === key);
  if (!message) throw new Error(`no key ${key}`);
  return check.check(message, catalog, { gaps: gaps.filter((g) => g.key === key) });
}

/** The hits of one check on every key. */
export function allHitsOf(check: QaCheck, spec: CatalogSpec): (CheckHit & { key: string })[] {
  const { catalog, gaps } = buildCatalog(spec);
  return catalog.messages.flatMap((m) =>
    check.check(m, catalog, { gaps: gaps.filter((g) => g.key === m.key) }).map((h) => ({ ...h, key: h.key ?? m.key })),
  );
}
