/**
 * `lookup-swift/ErrorMessages.swift`: a Swift `enum ErrorMessages` over the
 * tables the `apple` target writes (`<locale>.lproj/Localizable.strings` and
 * `.stringsdict`, or the String Catalog; keys = message keys):
 *
 *   ErrorMessages.key(for: 6014)          // "6014"; a range's key; else "unknown"
 *   ErrorMessages.message(for: 6014)      // what the user is shown, in the user's language
 *   ErrorMessages.message(for: 5, 3)      // arguments in registry order (%1$lld)
 *   ErrorMessages.message(for: 424242)    // the unknown message, filled with 424242
 *   ErrorMessages.detail(for: 6014)       // the developer detail (two audiences only)
 *   ErrorMessages.action(for: 6014)       // "sign-in-again"; nil for a key without one
 *   ErrorMessages.fault(for: 6014)        // "app"; nil for a key without one
 *
 * `key(for:)` is one `switch`: the exact codes, then `case from...to` for each
 * range, then `"unknown"`. `message(for:)` reads the format with
 * `NSLocalizedString(key, tableName: "Localizable", bundle: .main, …)`, else
 * from the source locale's `.lproj` (a key the user's language lacks), and
 * formats it with `String(format:locale:arguments:)` and `Locale.current`:
 * what `String.localizedStringWithFormat` does, but forwarding the variadic
 * arguments; every apple value is a format string, so `%%` becomes `%` and a
 * `.stringsdict` plural picks its form. The unknown message gets the code
 * through `String(format:)` without a locale, so it prints `424242` like the
 * other platforms (`%1$lld` takes a Swift Int; a string-typed code param
 * gets `String(code)` for `%1$@`). A key missing everywhere shows the unknown
 * message; a table without it shows the bare code.
 *
 * Two audiences (emit/audiences.ts): `message(for:)` reads the `Localizable`
 * table, which then holds the user messages, so it keeps returning what apps
 * show; `detail(for:)` reads the developer details from `LocalizableDetail`
 * the same way (same keys and arguments, its own unknown message), through
 * `localized(_:table:)`. A catalog without user messages has no detail table
 * and no `detail(for:)`: `message(for:)` is the one text of each code (with
 * no actions or faults either, the file is what it was before audiences).
 *
 * `action(for:)` and `fault(for:)` switch on `key(for:)`, one `case` per value
 * listing its keys in key order (`case "6014", "6206": return "sign-in-again"`),
 * `default: return nil`; an unknown code answers with the unknown message's
 * key. Each is written only when the registry gives some key that value.
 *
 * Codes are `Int`, 64-bit on iOS and macOS, 32-bit on watchOS (arm64_32,
 * armv7k); the catalog's codes fit 32 bits (lookup-table.ts).
 *
 * Template context (`ErrorMessages.swift.hbs`), all values ready to print:
 * - `header`.
 * - `table`: `"Localizable"`; `sourceLocale`: the source `.lproj` name, both Swift string literals.
 * - `codes[]`: `{ code, key }`, the Int literal and the key as a Swift string literal.
 * - `ranges[]`: `{ from, to, key }`, sorted by `from`.
 * - `unknownKey`: the unknown key literal; `unknownArgument`: `code` or `String(code)`.
 * - `detail`: `false` without user messages; else `{ table, unknownArgument }`,
 *   the `"LocalizableDetail"` literal and what the detail table's unknown message gets.
 * - `actions[]`, `faults[]`: `{ value, keys }`, the value literal (`"sign-in-again"`)
 *   and its keys as comma-separated literals (`"6014", "6206"`); empty when the registry gives none.
 */
import type { Catalog } from '../catalog/model.js';
import { audienceName, audiencesOf } from '../emit/audiences.js';
import { swiftString } from '../emit/escape.js';
import type { Target } from '../emit/target.js';
import { lookupTarget, type KeyGroup, type LookupTable } from './lookup-table.js';

export const lookupSwiftTarget: Target = lookupTarget(
  'lookup-swift',
  'Swift ErrorMessages enum: numeric code → Localizable key, message, detail, action and fault',
  'ErrorMessages.swift',
  (tables, catalog, { config, header }) => {
    const { main, detail } = tables;
    const [mainTable, detailTable] = tableNames(catalog, config.identifierPrefix);
    return {
      header,
      table: swiftString(mainTable!),
      sourceLocale: swiftString(catalog.sourceLocale),
      codes: main.codes.map((e) => ({ code: String(e.code), key: swiftString(e.key) })),
      ranges: main.ranges.map((e) => ({ from: String(e.from), to: String(e.to), key: swiftString(e.key) })),
      unknownKey: swiftString(main.unknown.key),
      unknownArgument: unknownArgument(main),
      detail: detail && detailTable ? { table: swiftString(detailTable), unknownArgument: unknownArgument(detail) } : false,
      actions: tables.actions.map(caseOf),
      faults: tables.faults.map(caseOf),
    };
  },
);

/** The apple target's table of each audience: `Localizable`, then `LocalizableDetail` when there are user messages. */
function tableNames(catalog: Catalog, identifierPrefix: string): string[] {
  return audiencesOf(catalog, identifierPrefix).map((a) => audienceName('Localizable', a, '', 'pascal'));
}

/** What the unknown message's `%1$lld` (or `%1$@` for a string-typed code param) gets. */
function unknownArgument(table: LookupTable): string {
  return table.unknown.codeParam.type === 'string' ? 'String(code)' : 'code';
}

function caseOf(group: KeyGroup): { value: string; keys: string } {
  return { value: swiftString(group.value), keys: group.keys.map(swiftString).join(', ') };
}
