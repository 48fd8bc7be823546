/**
 * `lookup-dart/error_messages.dart`: a Dart extension on the `AppLocalizations`
 * class that Flutter's gen-l10n generates from the `flutter` target's ARB
 * files (`app_<locale>.arb`, keys = the identifiers: `error_6014`):
 *
 *   AppLocalizations.of(context)!.errorMessage(6014)         // the text in the app's locale
 *   AppLocalizations.of(context)!.errorMessage(7, [100, 'alice'])  // arguments in registry order
 *   AppLocalizations.of(context)!.errorMessage(424242)       // error_unknown(424242)
 *
 * `errorMessage` is a `switch` on the exact codes, each case returning the
 * gen-l10n getter (`error_6014`) or calling its method with the arguments
 * (`error_7(args[0] as num, args[1] as String)`: gen-l10n's parameters follow
 * the ARB placeholders, which the flutter target lists in registry order,
 * typed as there), then an `if` per range, then `error_unknown(code)` (or
 * `code.toString()` for a string-typed code param).
 *
 * It imports `app_localizations.dart`, gen-l10n's default output file for
 * `app_*.arb`: put it beside that file (`output-dir`), or replace the template
 * (`"templates": { "lookup-dart": "my-templates/lookup-dart" }`, a copy of
 * `templates/lookup-dart/error_messages.dart.hbs` with another import, e.g.
 * `package:flutter_gen/gen_l10n/app_localizations.dart`).
 *
 * Codes are Dart `int`s: 64-bit on the VM, exact to 2^53 on the web; the
 * catalog's codes fit 32 bits (lookup-table.ts).
 *
 * Template context (`error_messages.dart.hbs`), all values ready to print:
 * - `header`.
 * - `codes[]`: `{ code, value }`, the int literal and the Dart expression of its message.
 * - `ranges[]`: `{ from, to, value }`, sorted by `from`.
 * - `unknownValue`: `error_unknown(code)`.
 */
import type { Param } from '../catalog/model.js';
import type { Target } from '../emit/target.js';
import { lookupTable, type LookupEntry } from './lookup-table.js';

/** The Dart type gen-l10n gives each placeholder, as the flutter target declares it. */
const DART_TYPES: Record<Param['type'], string> = { string: 'String', select: 'String', number: 'num', plural: 'int', date: 'DateTime', time: 'DateTime' };

export const lookupDartTarget: Target = {
  id: 'lookup-dart',
  description: 'Dart extension on gen-l10n AppLocalizations: numeric code → localized message',
  plan(catalog, { config, header }) {
    const { table, diagnostics } = lookupTable(catalog, config.identifierPrefix, 'lookup-dart');
    if (!table) return { files: [], diagnostics };
    const { unknown } = table;
    const context = {
      header,
      codes: table.codes.map((e) => ({ code: String(e.code), value: valueOf(e) })),
      ranges: table.ranges.map((e) => ({ from: String(e.from), to: String(e.to), value: valueOf(e) })),
      unknownValue: `${unknown.identifier}(${unknown.codeParam.type === 'string' ? 'code.toString()' : 'code'})`,
    };
    return { files: [{ path: 'lookup-dart/error_messages.dart', template: 'error_messages.dart.hbs', context }], diagnostics };
  },
};

/** The getter, or the method called with the caller's arguments in position order. */
function valueOf(entry: LookupEntry): string {
  if (entry.params.length === 0) return entry.identifier;
  return `${entry.identifier}(${entry.params.map((p, i) => `args[${i}] as ${DART_TYPES[p.type]}`).join(', ')})`;
}
