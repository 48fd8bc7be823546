/**
 * `lookup-dart/error_messages.dart`: a Dart extension on the `AppLocalizations`
 * class that Flutter's gen-l10n generates from the `flutter` target's ARB
 * files (`app_<locale>.arb`, keys = the identifiers: `error_6014`):
 *
 *   AppLocalizations.of(context)!.errorMessage(6014)         // what the user is shown, in the app's locale
 *   AppLocalizations.of(context)!.errorMessage(7, [100, 'alice'])  // arguments in registry order
 *   AppLocalizations.of(context)!.errorMessage(424242)       // error_unknown(424242)
 *   AppLocalizations.of(context)!.errorDetail(6014)          // error_detail_6014 (two audiences only)
 *   ErrorMessages.key(6014)                                  // "6014"; a range's key; else "unknown"
 *   ErrorMessages.action(6014)                               // "sign-in-again"; null for a key without one
 *   ErrorMessages.fault(6014)                                // "app"; null for a key without one
 *
 * `errorMessage` is a `switch` on the exact codes, each case returning the
 * gen-l10n getter (`error_6014`) or calling its method with the arguments
 * (`error_7(args[0] as num, args[1] as String)`: gen-l10n's parameters follow
 * the ARB placeholders, which the flutter target lists in registry order,
 * typed as there), then an `if` per range, then `error_unknown(code)` (or
 * `code.toString()` for a string-typed code param).
 *
 * Two audiences (emit/audiences.ts): the ARB files then hold the user
 * messages under the usual identifiers, so `errorMessage` keeps returning
 * what apps show, and the developer details under `error_detail_6014`, which
 * `errorDetail` calls the same way (same codes and arguments, its own
 * `error_detail_unknown(code)`). A catalog without user messages has no
 * `error_detail_` keys and no `errorDetail`: `errorMessage` is the one text of
 * each code.
 *
 * `action` and `fault` are static members of the extension (they need no
 * locale), each a `switch` on `key(code)` with one group of `case` labels per
 * value, its keys in key order, then `return null`; an unknown code answers
 * with the unknown message's key. `key` is the code's catalog key (exact
 * code, else range, else `"unknown"`). The three are written only when the
 * registry gives some key an action or a fault, each of `action` and `fault`
 * only when it gives that one.
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
 * - `codes[]`: `{ code, value, key }`, the int literal, the Dart expression of its
 *   message and its key as a Dart string literal.
 * - `ranges[]`: `{ from, to, value, key }`, sorted by `from`.
 * - `unknownValue`: `error_unknown(code)`; `unknownKey`: the unknown key literal.
 * - `detail`: `false` without user messages; else `{ codes[], ranges[], unknownValue }`
 *   like the fields above (without `key`), calling the `error_detail_` members.
 * - `classified`: whether `actions` or `faults` has a group (then `key` is written).
 * - `actions[]`, `faults[]`: `{ value, keys[] }`, the value and each of its keys as
 *   Dart string literals; empty when the registry gives none.
 */
import { dartString } from '../emit/escape.js';
import type { Target } from '../emit/target.js';
import { DART_TYPES } from './flutter.js';
import { lookupTarget, type KeyGroup, type LookupEntry, type LookupTable } from './lookup-table.js';

export const lookupDartTarget: Target = lookupTarget(
  'lookup-dart',
  'Dart extension on gen-l10n AppLocalizations: numeric code → localized message, detail, action and fault',
  'error_messages.dart',
  (tables, catalog, { header }) => {
    const { main, detail } = tables;
    const branches = branchesOf(main);
    return {
      header,
      codes: branches.codes.map((b, i) => ({ ...b, key: dartString(main.codes[i]!.key) })),
      ranges: branches.ranges.map((b, i) => ({ ...b, key: dartString(main.ranges[i]!.key) })),
      unknownValue: branches.unknownValue,
      unknownKey: dartString(main.unknown.key),
      detail: detail ? branchesOf(detail) : false,
      classified: tables.actions.length > 0 || tables.faults.length > 0,
      actions: tables.actions.map(casesOf),
      faults: tables.faults.map(casesOf),
    };
  },
);

/** The branches of one lookup: the exact codes, the ranges, the unknown message given the code. */
function branchesOf(table: LookupTable) {
  const { unknown } = table;
  return {
    codes: table.codes.map((e) => ({ code: String(e.code), value: valueOf(e) })),
    ranges: table.ranges.map((e) => ({ from: String(e.from), to: String(e.to), value: valueOf(e) })),
    unknownValue: `${unknown.identifier}(${unknown.codeParam.type === 'string' ? 'code.toString()' : 'code'})`,
  };
}

/** The getter, or the method called with the caller's arguments in position order. */
function valueOf(entry: LookupEntry): string {
  if (entry.params.length === 0) return entry.identifier;
  return `${entry.identifier}(${entry.params.map((p, i) => `args[${i}] as ${DART_TYPES[p.type]}`).join(', ')})`;
}

function casesOf(group: KeyGroup): { value: string; keys: string[] } {
  return { value: dartString(group.value), keys: group.keys.map(dartString) };
}
