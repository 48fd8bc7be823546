/**
 * TypeScript for apps: `types/index.ts` (code and key unions, `isErrorCode`,
 * `messageKey`), `types/resources.d.ts` (the namespace's keys with the
 * source-locale text as literal types, so i18next checks interpolation
 * arguments) and `types/i18next.d.ts` (the CustomTypeOptions augmentation).
 * Unions are written out flat, never derived by generic types, so tsc stays
 * fast on very large catalogs.
 */
import type { Catalog } from '../catalog/model.js';
import { tsString } from '../emit/escape.js';
import type { Target } from '../emit/target.js';
import { i18nextEntries } from './i18next.js';

export const typesTarget: Target = {
  id: 'types',
  description: 'TypeScript key unions, messageKey(code) and the i18next type augmentation',
  plan(catalog, { config, header }) {
    const keys = catalog.messages.map((m) => tsString(m.key));
    const resourcesName = `${pascalCase(catalog.namespace)}Resources`;
    const context = {
      header,
      namespace: tsString(catalog.namespace),
      resourcesName,
      codes: catalog.messages.flatMap((m) => (m.code === undefined ? [] : [String(m.code)])),
      keys,
      sectionIds: catalog.sections.map((s) => tsString(s.id)),
      ranges: catalog.messages.flatMap((m) => (m.range ? [{ from: m.range[0], to: m.range[1], key: tsString(m.key) }] : [])),
      sectionOf: catalog.messages.map((m) => ({ key: tsString(m.key), section: tsString(m.section) })),
      params: catalog.messages
        .filter((m) => m.params.length > 0)
        .map((m) => ({ key: tsString(m.key), params: m.params.map((p) => ({ name: tsString(p.name), type: tsTypeOf(p.type) })) })),
      resources: resourceEntries(catalog),
      selector: config.types.i18nextSelector,
    };
    return {
      files: [
        { path: 'types/index.ts', template: 'index.ts.hbs', context },
        { path: 'types/resources.d.ts', template: 'resources.d.ts.hbs', context },
        { path: 'types/i18next.d.ts', template: 'i18next.d.ts.hbs', context },
      ],
      diagnostics: [],
    };
  },
};

/** The source locale's bundle entries as `"key": "literal"` pairs (problems are reported by the i18next target). */
function resourceEntries(catalog: Catalog): { key: string; value: string }[] {
  return catalog.messages.flatMap((m) => {
    const converted = i18nextEntries(m, catalog.sourceLocale);
    return 'entries' in converted ? converted.entries.map(([key, value]) => ({ key: tsString(key), value: tsString(value) })) : [];
  });
}

function tsTypeOf(type: string): string {
  if (type === 'number' || type === 'plural') return 'number';
  if (type === 'date' || type === 'time') return 'Date | number';
  return 'string';
}

function pascalCase(name: string): string {
  return name.replace(/(^|[-_])([a-z0-9])/gi, (_, _sep, c: string) => c.toUpperCase());
}
