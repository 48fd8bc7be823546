/**
 * `lookup-swift/ErrorMessages.swift`: a Swift `enum ErrorMessages` over the
 * `Localizable` table the `apple` target writes (`<locale>.lproj/Localizable.strings`
 * and `.stringsdict`, or the String Catalog; keys = message keys):
 *
 *   ErrorMessages.key(for: 6014)          // "6014"; a range's key; else "unknown"
 *   ErrorMessages.message(for: 6014)      // the text in the user's language
 *   ErrorMessages.message(for: 5, 3)      // arguments in registry order (%1$lld)
 *   ErrorMessages.message(for: 424242)    // the unknown message, filled with 424242
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
 * Codes are `Int`, 64-bit on iOS and macOS, 32-bit on watchOS (arm64_32,
 * armv7k); the catalog's codes fit 32 bits (lookup-table.ts).
 *
 * Template context (`ErrorMessages.swift.hbs`), all values ready to print:
 * - `header`.
 * - `table`: `"Localizable"`; `sourceLocale`: the source `.lproj` name, both Swift string literals.
 * - `codes[]`: `{ code, key }`, the Int literal and the key as a Swift string literal.
 * - `ranges[]`: `{ from, to, key }`, sorted by `from`.
 * - `unknownKey`: the unknown key literal; `unknownArgument`: `code` or `String(code)`.
 */
import { swiftString } from '../emit/escape.js';
import type { Target } from '../emit/target.js';
import { lookupTable } from './lookup-table.js';

export const lookupSwiftTarget: Target = {
  id: 'lookup-swift',
  description: 'Swift ErrorMessages enum: numeric code → Localizable key and formatted message',
  plan(catalog, { config, header }) {
    const { table, diagnostics } = lookupTable(catalog, config.identifierPrefix, 'lookup-swift');
    if (!table) return { files: [], diagnostics };
    const context = {
      header,
      table: swiftString('Localizable'),
      sourceLocale: swiftString(catalog.sourceLocale),
      codes: table.codes.map((e) => ({ code: String(e.code), key: swiftString(e.key) })),
      ranges: table.ranges.map((e) => ({ from: String(e.from), to: String(e.to), key: swiftString(e.key) })),
      unknownKey: swiftString(table.unknown.key),
      unknownArgument: table.unknown.codeParam.type === 'string' ? 'String(code)' : 'code',
    };
    return { files: [{ path: 'lookup-swift/ErrorMessages.swift', template: 'ErrorMessages.swift.hbs', context }], diagnostics };
  },
};
