/**
 * What the four lookup targets (lookup-kotlin, lookup-java, lookup-swift,
 * lookup-dart) share: the table from a numeric code to its message, built
 * once from the catalog and the one identifier table, so every platform's
 * lookup names the same resources as the android, apple, flutter and java
 * bundles it reads.
 *
 * - `codes`: every message with a code of its own, in key order (negative
 *   codes first). Each becomes an exact-code branch.
 * - `ranges`: every range message, in order of its start. The catalog's
 *   validation guarantees that ranges neither overlap nor hold a code, so the
 *   branches can be checked in any order; they are listed sorted.
 * - `unknown`: the fallback for any other code. It must take exactly one
 *   argument, of type number or string, which the lookup fills with the code
 *   (`lookup/unknown-message` otherwise).
 *
 * Numbers: every code and range bound must fit a signed 32-bit integer
 * (`lookup/code-out-of-range` otherwise). That is Kotlin's and Java's `Int`,
 * and Swift's `Int` on arm64_32 watchOS; Swift's `Int` is 64-bit elsewhere and
 * Dart's `int` is 64-bit on the VM and exact to 2^53 on the web, so a 32-bit
 * code means the same number on every platform.
 *
 * Arguments: messages that take arguments get them from the caller, in the
 * registry's parameter order (`params`, the order `%1$s`/`{0}` number them).
 * A message is plural when any locale's text is plural (emit/plural-shape.ts,
 * as for the android and java targets); `quantityIndex` is then the 0-based
 * position of its plural argument.
 */
import type { Catalog, Message, Param } from '../catalog/model.js';
import { UNKNOWN_KEY } from '../catalog/keys.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audiencesOf } from '../emit/audiences.js';
import type { PlanOptions, Target } from '../emit/target.js';
import { identifierTable } from '../emit/identifiers.js';
import { pushTo } from '../multimap.js';
import { pluralParamIndex } from '../emit/plural-shape.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export interface LookupEntry {
  key: string;
  /** The platform identifier of the key (`error_6014`). */
  identifier: string;
  /** The message's declared arguments, in position order. */
  params: Param[];
  /** 0-based position of the plural argument when the message is plural in any locale. */
  quantityIndex: number | undefined;
}

export interface LookupTable {
  codes: (LookupEntry & { code: number })[];
  ranges: (LookupEntry & { from: number; to: number })[];
  unknown: LookupEntry & { codeParam: Param };
}

/** The lookup table of a catalog, or undefined when it cannot be built (with the reasons as diagnostics). */
export function lookupTable(
  catalog: Catalog,
  identifierPrefix: string,
  target: string,
): { table: LookupTable | undefined; diagnostics: Diagnostic[] } {
  const { names, diagnostics } = identifierTable(catalog, identifierPrefix, target);
  const entryOf = (message: Message): LookupEntry | undefined => {
    const identifier = names.get(message.key);
    if (identifier === undefined) return undefined; // a collision, already reported
    return { key: message.key, identifier, params: message.params, quantityIndex: pluralParamIndex(message, catalog.locales) };
  };
  const outOfRange = (message: Message, values: number[]) => {
    const bad = values.find((v) => !Number.isSafeInteger(v) || v < INT32_MIN || v > INT32_MAX);
    if (bad === undefined) return false;
    diagnostics.push({
      ruleId: 'lookup/code-out-of-range',
      severity: 'error',
      target,
      key: message.key,
      place: placeOf(message.origin),
      message: `Key ${message.key}: ${bad} does not fit a signed 32-bit integer, the code type of the lookups (Kotlin and Java Int, Swift Int on watchOS, Dart int on the web).`,
    });
    return true;
  };

  const codes: LookupTable['codes'] = [];
  const ranges: LookupTable['ranges'] = [];
  let unknown: LookupTable['unknown'] | undefined;
  for (const message of catalog.messages) {
    if (message.code !== undefined) {
      if (outOfRange(message, [message.code])) continue;
      const entry = entryOf(message);
      if (entry) codes.push({ ...entry, code: message.code });
    } else if (message.range) {
      if (outOfRange(message, [...message.range])) continue;
      const entry = entryOf(message);
      if (entry) ranges.push({ ...entry, from: message.range[0], to: message.range[1] });
    } else if (message.key === UNKNOWN_KEY) {
      const entry = entryOf(message);
      const [codeParam] = message.params;
      if (message.params.length !== 1 || (codeParam.type !== 'number' && codeParam.type !== 'string')) {
        diagnostics.push({
          ruleId: 'lookup/unknown-message',
          severity: 'error',
          target,
          key: message.key,
          place: placeOf(message.origin),
          message: `The unknown message must take exactly one argument, the code, of type number or string; it takes ${describeParams(message.params)}.`,
        });
      } else if (entry) unknown = { ...entry, codeParam };
    }
  }
  if (!unknown) {
    if (!catalog.messages.some((m) => m.key === UNKNOWN_KEY)) {
      diagnostics.push({
        ruleId: 'lookup/unknown-message',
        severity: 'error',
        target,
        message: 'The catalog has no "unknown" message, which the lookups show for every code they do not know.',
      });
    }
    return { table: undefined, diagnostics };
  }
  codes.sort((a, b) => a.code - b.code);
  ranges.sort((a, b) => a.from - b.from);
  return { table: { codes, ranges, unknown }, diagnostics };
}

/**
 * The lookup tables a lookup target writes: `main` over what apps show (the
 * user messages, or the one text of a catalog without them), `detail` over
 * the developer details when the catalog has user messages, and the keys by
 * action and by fault (empty when the registry gives none), for
 * `action(code)` and `fault(code)`.
 */
export interface LookupTables {
  main: LookupTable;
  detail?: LookupTable;
  actions: KeyGroup[];
  faults: KeyGroup[];
}

/** Keys that share a value, in key order. */
export interface KeyGroup {
  value: string;
  keys: string[];
}

/**
 * A lookup target: one file, `<id>/<file>` rendered from `<file>.hbs` with
 * the context `contextOf` builds from the catalog's lookup tables; no file
 * when the tables cannot be built (their diagnostics say why).
 */
export function lookupTarget(
  id: string,
  description: string,
  file: string,
  contextOf: (tables: LookupTables, catalog: Catalog, options: PlanOptions) => object,
): Target {
  return {
    id,
    description,
    plan(catalog, options) {
      const { tables, diagnostics } = lookupTables(catalog, options.config.identifierPrefix, id);
      return {
        files: tables ? [{ path: `${id}/${file}`, template: `${file}.hbs`, context: contextOf(tables, catalog, options) }] : [],
        diagnostics,
      };
    },
  };
}

export function lookupTables(
  catalog: Catalog,
  identifierPrefix: string,
  target: string,
): { tables: LookupTables | undefined; diagnostics: Diagnostic[] } {
  const [main, detail] = audiencesOf(catalog, identifierPrefix).map((a) => lookupTable(a.catalog, a.identifierPrefix, target));
  const diagnostics = [...main!.diagnostics, ...(detail?.diagnostics ?? [])];
  if (!main!.table || (detail && !detail.table)) return { tables: undefined, diagnostics };
  const groups = (valueOf: (m: Message) => string | undefined): KeyGroup[] => {
    const byValue = new Map<string, string[]>();
    for (const m of catalog.messages) {
      const value = valueOf(m);
      if (value !== undefined) pushTo(byValue, value, m.key);
    }
    return [...byValue].map(([value, keys]) => ({ value, keys }));
  };
  return {
    tables: {
      main: main!.table,
      ...(detail ? { detail: detail.table! } : {}),
      actions: groups((m) => m.action),
      faults: groups((m) => m.fault),
    },
    diagnostics,
  };
}

function describeParams(params: readonly Param[]): string {
  return params.length === 0 ? 'none' : params.map((p) => `{${p.name}} (${p.type})`).join(', ');
}
