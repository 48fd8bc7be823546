/**
 * The context custom templates are rendered with: the catalog as plain,
 * template-friendly data, documented field by field in templates/README.md.
 * Values are raw text; templates escape them with the helpers
 * (`{{kotlinString text}}`), never with handlebars' HTML escaping.
 */
import type { Catalog } from '../catalog/model.js';
import { compareKeys } from '../catalog/keys.js';
import { identifierOf } from './identifiers.js';

export interface CatalogContext {
  header: string;
  sourceLocale: string;
  locales: string[];
  namespace: string;
  /** Set in files rendered once per locale; null otherwise. */
  locale: string | null;
  sections: { id: string; part: string | null; title: string; titles: Record<string, string> }[];
  messages: MessageContext[];
}

export interface MessageContext {
  key: string;
  code: number | null;
  range: { from: number; to: number } | null;
  identifier: string;
  section: string;
  description: string;
  params: { name: string; type: string; position: number; example: string | number | null }[];
  /** ICU source text in the source locale. */
  source: string;
  /** ICU text in the file's locale (per-locale files), or the source text; null when that locale has none. */
  text: string | null;
  translations: { locale: string; text: string; state: string }[];
}

export function catalogContext(catalog: Catalog, options: { header: string; identifierPrefix: string; locale?: string }): CatalogContext {
  const shown = options.locale ?? catalog.sourceLocale;
  return {
    header: options.header,
    sourceLocale: catalog.sourceLocale,
    locales: catalog.locales,
    namespace: catalog.namespace,
    locale: options.locale ?? null,
    sections: catalog.sections.map((s) => ({
      id: s.id,
      part: s.part ?? null,
      title: s.titles[shown] ?? s.titles[catalog.sourceLocale] ?? s.id,
      titles: s.titles,
    })),
    messages: [...catalog.messages]
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((m) => ({
        key: m.key,
        code: m.code ?? null,
        range: m.range ? { from: m.range[0], to: m.range[1] } : null,
        identifier: identifierOf(m.key, options.identifierPrefix),
        section: m.section,
        description: m.description ?? '',
        params: m.params.map((p, i) => ({ name: p.name, type: p.type, position: i + 1, example: p.example ?? null })),
        source: m.translations[catalog.sourceLocale]?.text ?? '',
        text: m.translations[shown]?.text ?? null,
        translations: catalog.locales.flatMap((locale) => {
          const t = m.translations[locale];
          return t ? [{ locale, text: t.text, state: t.state }] : [];
        }),
      })),
  };
}
