/**
 * The catalog cut down to some keys: what a warm run plans when only those
 * keys' texts changed (cache/warm-edit.ts). Everything that is not one
 * key's (locales, sections, shared user texts) is kept whole, so a target
 * that declares `entriesByKey` plans the same files with fewer entries.
 */
import type { Catalog } from './model.js';

export function catalogOfKeys(catalog: Catalog, keys: ReadonlySet<string>): Catalog {
  const { userOverrides } = catalog;
  return {
    ...catalog,
    messages: catalog.messages.filter((m) => keys.has(m.key)),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.filter((m) => keys.has(m.key)) } : {}),
    ...(userOverrides ? { userOverrides: new Map([...userOverrides].filter(([key]) => keys.has(key))) } : {}),
  };
}
