import type { Catalog } from '../catalog/model.js';

/** Each section's title in the source locale, by section id: what comments and notes name a message's section by. */
export function sourceSectionTitles(catalog: Catalog): Map<string, string | undefined> {
  return new Map(catalog.sections.map((section) => [section.id, section.titles[catalog.sourceLocale]]));
}
