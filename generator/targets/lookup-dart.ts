/**
 * `lookup-dart/error_messages.dart`: a Dart extension on the `AppLocalizations`
 * class that Flutter's gen-l10n generates from the `flutter` target's ARB
 * files (`errorMessage`, with user messages `errorDetail`, and `key`,
 * `action`, `fault`).
 *
 * What the file does, its template context field by field, what a replacement
 * must keep and how to change its import: templates/lookup-dart/README.md; the
 * table the branches come from: lookup-table.ts and templates/README.md
 * ("Lookup tables"). Golden context: test/golden/hazards/lookup-dart-context/.
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
  // Keys, codes and params only (gen-l10n's getters): readsNoTranslations.
  { quantities: false },
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
