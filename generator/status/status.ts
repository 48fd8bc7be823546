/**
 * `codebook status`: how complete each locale is, in numbers: texts per
 * state, missing ones (and how many of those a fallback chain fills), per
 * section, and the shared user messages when the catalog has them. Pure:
 * catalog in, figures out; the command prints them.
 */
import type { Catalog, Message, TranslationState } from '../catalog/model.js';
import { pushTo } from '../multimap.js';

const STATES: readonly TranslationState[] = ['initial', 'translated', 'reviewed', 'final'];

export interface LocaleStatus {
  locale: string;
  total: number;
  present: number;
  states: Record<TranslationState, number>;
  missing: number;
  /** Missing texts that the locale's fallback chain fills. */
  fallback: number;
  /** With user messages: the shared user texts this locale has, of all of them. */
  user?: { present: number; total: number };
}

export interface SectionStatus {
  id: string;
  keys: number;
  /** Texts per locale. */
  present: Record<string, number>;
}

export interface CatalogStatus {
  sourceLocale: string;
  locales: LocaleStatus[];
  sections: SectionStatus[];
}

export function catalogStatus(catalog: Catalog): CatalogStatus {
  const total = catalog.messages.length;
  const locales = catalog.locales.map((locale): LocaleStatus => {
    const present = catalog.messages.filter((m) => m.translations[locale]);
    const chain = catalog.fallback?.[locale] ?? [];
    const states = Object.fromEntries(STATES.map((s) => [s, present.filter((m) => m.translations[locale]!.state === s).length])) as Record<
      TranslationState,
      number
    >;
    const fallback = catalog.messages.filter((m) => !m.translations[locale] && chain.some((l) => m.translations[l])).length;
    const texts = catalog.userTexts;
    return {
      locale,
      total,
      present: present.length,
      states,
      missing: total - present.length,
      fallback,
      ...(texts ? { user: { present: texts.filter((t) => t.translations[locale]).length, total: texts.length } } : {}),
    };
  });
  const bySection = new Map<string, Message[]>();
  for (const m of catalog.messages) pushTo(bySection, m.section, m);
  const sections = catalog.sections.map((s): SectionStatus => {
    const messages = bySection.get(s.id) ?? [];
    return {
      id: s.id,
      keys: messages.length,
      present: Object.fromEntries(catalog.locales.map((l) => [l, messages.filter((m) => m.translations[l]).length])),
    };
  });
  return { sourceLocale: catalog.sourceLocale, locales, sections };
}

/** The status as a few aligned tables for a terminal. */
export function formatStatus(status: CatalogStatus): string {
  const pct = (n: number, of: number) => (of === 0 ? '-' : `${Math.floor((n / of) * 1000) / 10}%`);
  const table = (head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    return [head, ...rows]
      .map((r) =>
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  const hasUser = status.locales.some((l) => l.user);
  const locales = table(
    ['locale', 'texts', '%', ...STATES, 'missing', 'fallback', ...(hasUser ? ['user messages'] : [])],
    status.locales.map((l) => [
      l.locale + (l.locale === status.sourceLocale ? ' (source)' : ''),
      `${l.present}/${l.total}`,
      pct(l.present, l.total),
      ...STATES.map((s) => String(l.states[s])),
      String(l.missing),
      String(l.fallback),
      ...(hasUser ? [l.user ? `${l.user.present}/${l.user.total}` : '-'] : []),
    ]),
  );
  const names = status.locales.map((l) => l.locale);
  const sections = table(
    ['section', 'keys', ...names],
    status.sections.map((s) => [s.id, String(s.keys), ...names.map((l) => pct(s.present[l]!, s.keys))]),
  );
  return `${locales}\n\nTexts per section:\n${sections}\n`;
}
