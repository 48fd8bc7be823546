/**
 * `lookup-swift/ErrorMessages.swift`: a Swift `enum ErrorMessages` over the
 * tables the `apple` target writes (`key(for:)`, `message(for:)`, with user
 * messages `detail(for:)`, and `action(for:)`/`fault(for:)`).
 *
 * What the file does (how it reads and formats the tables, the two
 * audiences), its template context field by field and what a replacement must
 * keep: templates/lookup-swift/README.md; the table the branches come from:
 * lookup-table.ts and templates/README.md ("Lookup tables"). Golden context:
 * test/golden/hazards/lookup-swift-context/.
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
  // Keys, codes and the registry only: readsNoTranslations.
  { quantities: false },
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
