/**
 * `lookup-kotlin/ErrorMessages.kt`: a Kotlin `object ErrorMessages` that maps
 * a numeric code to the Android string resource the `android` target writes
 * for it (same names, from the one identifier table) and formats it:
 *
 *   ErrorMessages.resId(6014)                    // R.string.error_6014
 *   ErrorMessages.message(context, 6014)         // the text in the user's language
 *   ErrorMessages.message(context, 5, 3)         // arguments in registry order
 *   ErrorMessages.message(context, 424242)       // the unknown message, filled with 424242
 *   ErrorMessages.detail(context, 6206)          // with user messages: the developer detail (R.string.error_detail_6206)
 *   ErrorMessages.action(6206)                   // "sign-in-again"; null when the registry gives none
 *   ErrorMessages.fault(6206)                    // "app"
 *
 * `resId` is one `when`: the exact codes, then `in from..to` for each range,
 * then the unknown message. `message` calls `getString(id)` for messages
 * without arguments (their text is not a format string, see android.ts),
 * `getString(id, *args)` for the others, `resources.getQuantityString(id, n,
 * *args)` for a message the android target writes as `<plurals>` (n = its
 * plural argument), and `getString(unknown, code)` for the fallback.
 *
 * The file is in the package `codebook.generated` and refers to `R`
 * unqualified. To put it in your app's namespace, or to import your `R`,
 * replace the template: copy `templates/lookup-kotlin/ErrorMessages.kt.hbs`
 * to a folder of your own, edit its `package` line (or add `import
 * com.example.app.R`), and name that folder in the config:
 * `"templates": { "lookup-kotlin": "my-templates/lookup-kotlin" }`.
 *
 * Template context (`ErrorMessages.kt.hbs`), all values ready to print:
 * - `header`: the generated-file line, for a `//` comment (`{{> slash-header}}`).
 * - `packageName`: `codebook.generated`.
 * - `codes[]`: `{ code, resource }`, the code as an Int literal and
 *   `R.string.error_6014` (or `R.plurals.…`), sorted by code.
 * - `ranges[]`: `{ from, to, resource }`, sorted by `from`.
 * - `unknown`: `{ resource }`.
 * - `plurals[]`: `{ resource, quantityIndex }` of the plural messages.
 * - `formatted[]`: `{ resource }` of the other messages that take arguments.
 * - `argumentsUsed`: whether any of them exists (else `args` is unused and
 *   its warning suppressed).
 * - `detail`: with user messages, `{ codes, ranges, unknown }` as above over
 *   the detail resources (`R.string.error_detail_6014`); their plural and
 *   formatted ones are in `plurals[]` and `formatted[]` too. Unset otherwise,
 *   and `detailResId()`/`detail()` are not written.
 * - `actions[]`, `faults[]`: `{ value, resources[] }`, the main resources by
 *   action and by fault (a Kotlin string literal and `R.string.…`); empty
 *   when the registry gives none, and `action()`/`fault()` are not written.
 * Codes are 32-bit (lookup-table.ts); the plain Kotlin compiles with 1.3.
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
);

/** `R.plurals.<name>` for messages the android target writes as `<plurals>`, else `R.string.<name>`. */
function resourceOf(entry: LookupEntry): string {
  return `R.${entry.quantityIndex === undefined ? 'string' : 'plurals'}.${entry.identifier}`;
}
