/**
 * `lookup-kotlin/ErrorMessages.kt`: a Kotlin `object ErrorMessages` that maps
 * a numeric code to the Android string resource the `android` target writes
 * for it (same names, from the one identifier table) and formats it
 * (`resId`, `message`, with user messages `detail`, and `action`/`fault`).
 *
 * What the file does, its template context field by field, what a replacement
 * must keep and how to change its package: templates/lookup-kotlin/README.md;
 * the table the branches come from: lookup-table.ts and templates/README.md
 * ("Lookup tables"). Golden context: test/golden/hazards/lookup-kotlin-context/.
 */
import type { Target } from '../emit/target.js';
import { lookupTarget, type KeyGroup, type LookupEntry, type LookupTable } from './lookup-table.js';

export const lookupKotlinTarget: Target = lookupTarget(
  'lookup-kotlin',
  'Kotlin ErrorMessages object: numeric code → Android resource id and formatted message',
  'ErrorMessages.kt',
  (tables, catalog, { header }) => {
    const { main: table, detail } = tables;
    const entries: LookupEntry[] = [table, ...(detail ? [detail] : [])].flatMap((t) => [...t.codes, ...t.ranges]);
    const plurals = entries.filter((e) => e.quantityIndex !== undefined);
    const formatted = entries.filter((e) => e.quantityIndex === undefined && e.params.length > 0);
    const whenOf = (t: LookupTable) => ({
      codes: t.codes.map((e) => ({ code: String(e.code), resource: resourceOf(e) })),
      ranges: t.ranges.map((e) => ({ from: String(e.from), to: String(e.to), resource: resourceOf(e) })),
      unknown: { resource: resourceOf(t.unknown) },
    });
    const byKey = new Map([...table.codes, ...table.ranges, table.unknown].map((e) => [e.key, resourceOf(e)]));
    const groups = (list: readonly KeyGroup[]) =>
      list.map((g) => ({ value: JSON.stringify(g.value), resources: g.keys.flatMap((k) => byKey.get(k) ?? []) }));
    return {
      header,
      packageName: 'codebook.generated',
      ...whenOf(table),
      ...(detail ? { detail: whenOf(detail) } : {}),
      plurals: plurals.map((e) => ({ resource: resourceOf(e), quantityIndex: e.quantityIndex })),
      formatted: formatted.map((e) => ({ resource: resourceOf(e) })),
      argumentsUsed: plurals.length + formatted.length > 0,
      actions: groups(tables.actions),
      faults: groups(tables.faults),
    };
  },
  // Reads the texts: whether a message is plural in any locale picks R.plurals over R.string, so neither readsNoTranslations nor entriesByKey.
  { quantities: true },
);

/** `R.plurals.<name>` for messages the android target writes as `<plurals>`, else `R.string.<name>`. */
function resourceOf(entry: LookupEntry): string {
  return `R.${entry.quantityIndex === undefined ? 'string' : 'plurals'}.${entry.identifier}`;
}
