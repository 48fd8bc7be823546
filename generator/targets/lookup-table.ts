/**
 * What the four lookup targets (lookup-kotlin, lookup-java, lookup-swift,
 * lookup-dart) share: the table from a numeric code to its message, built
 * once per audience from the catalog and the one identifier table, so every
 * platform's lookup names the same resources as the android, apple, flutter
 * and java bundles it reads.
 *
 * `codes` (sorted by code), `ranges` (sorted by start) and `unknown` (exactly
 * one number or string argument, the code); every code and bound a signed
 * 32-bit integer; `quantityIndex` for a message plural in any locale
 * (emit/plural-shape.ts). What each means for the templates, and why 32 bits,
 * is documented once for the four targets in templates/README.md ("Lookup
 * tables").
 */
import type { Catalog, Message, Param } from '../catalog/model.js';
import { UNKNOWN_KEY, type CodeRange } from '../catalog/keys.js';
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
  /** 0-based position of the plural argument when the message is plural in any locale; always undefined in a table built without `quantities`. */
  quantityIndex: number | undefined;
}

export interface LookupTable {
  codes: (LookupEntry & { code: number })[];
  ranges: (LookupEntry & { from: number; to: number })[];
  unknown: LookupEntry & { codeParam: Param };
}

/**
 * The lookup table of a catalog, or undefined when it cannot be built (with
 * the reasons as diagnostics). Only `quantities` (whether a message is plural)
 * reads the texts.
 */
export function lookupTable(
  catalog: Catalog,
  identifierPrefix: string,
  target: string,
  quantities = true,
): { table: LookupTable | undefined; diagnostics: Diagnostic[] } {
  const { names, diagnostics } = identifierTable(catalog, identifierPrefix, target);
  const builder = new TableBuilder(catalog, names, target, diagnostics, quantities);
  for (const message of catalog.messages) builder.add(message);
  return { table: builder.result(), diagnostics };
}

/** The branches of one lookup table as the catalog's messages are added, and what they report. */
class TableBuilder {
  private readonly codes: LookupTable['codes'] = [];
  private readonly ranges: LookupTable['ranges'] = [];
  private unknown: LookupTable['unknown'] | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly names: ReadonlyMap<string, string>,
    private readonly target: string,
    private readonly diagnostics: Diagnostic[],
    private readonly quantities: boolean,
  ) {}

  /** A message: an exact-code branch, a range branch, the unknown message, or (a named key) nothing. */
  add(message: Message): void {
    if (message.code !== undefined) this.addCode(message, message.code);
    else if (message.range) this.addRange(message, message.range);
    else if (message.key === UNKNOWN_KEY) this.addUnknown(message);
  }

  /** The table with its branches sorted, or undefined without a usable unknown message (reported). */
  result(): LookupTable | undefined {
    const { codes, ranges, unknown } = this;
    if (!unknown) {
      this.missingUnknown();
      return undefined;
    }
    codes.sort((a, b) => a.code - b.code);
    ranges.sort((a, b) => a.from - b.from);
    return { codes, ranges, unknown };
  }

  private addCode(message: Message, code: number): void {
    if (this.outOfRange(message, [code])) return;
    const entry = this.entryOf(message);
    if (entry) this.codes.push({ ...entry, code });
  }

  private addRange(message: Message, [from, to]: CodeRange): void {
    if (this.outOfRange(message, [from, to])) return;
    const entry = this.entryOf(message);
    if (entry) this.ranges.push({ ...entry, from, to });
  }

  /** The fallback: exactly one argument, of type number or string, which the lookup fills with the code. */
  private addUnknown(message: Message): void {
    const entry = this.entryOf(message);
    const [codeParam] = message.params;
    if (message.params.length !== 1 || (codeParam.type !== 'number' && codeParam.type !== 'string')) {
      this.diagnostics.push({
        ruleId: 'lookup/unknown-message',
        severity: 'error',
        target: this.target,
        key: message.key,
        place: placeOf(message.origin),
        message: `The unknown message must take exactly one argument, the code, of type number or string; it takes ${describeParams(message.params)}.`,
      });
    } else if (entry) this.unknown = { ...entry, codeParam };
  }

  /** The catalog has no unknown message at all (one it has but cannot use is reported by addUnknown). */
  private missingUnknown(): void {
    if (this.catalog.messages.some((m) => m.key === UNKNOWN_KEY)) return;
    this.diagnostics.push({
      ruleId: 'lookup/unknown-message',
      severity: 'error',
      target: this.target,
      message: 'The catalog has no "unknown" message, which the lookups show for every code they do not know.',
    });
  }

  /** The entry of a message, or undefined when its identifier collides with another's (already reported). */
  private entryOf(message: Message): LookupEntry | undefined {
    const identifier = this.names.get(message.key);
    if (identifier === undefined) return undefined;
    const quantityIndex = this.quantities ? pluralParamIndex(message, this.catalog.locales) : undefined;
    return { key: message.key, identifier, params: message.params, quantityIndex };
  }

  /** Whether a code or range bound does not fit a signed 32-bit integer (reported). */
  private outOfRange(message: Message, values: readonly number[]): boolean {
    const bad = values.find((v) => !Number.isSafeInteger(v) || v < INT32_MIN || v > INT32_MAX);
    if (bad === undefined) return false;
    this.diagnostics.push({
      ruleId: 'lookup/code-out-of-range',
      severity: 'error',
      target: this.target,
      key: message.key,
      place: placeOf(message.origin),
      message: `Key ${message.key}: ${bad} does not fit a signed 32-bit integer, the code type of the lookups (Kotlin and Java Int, Swift Int on watchOS, Dart int on the web).`,
    });
    return true;
  }
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
 * when the tables cannot be built (their diagnostics say why). Without
 * `quantities` no entry has a quantityIndex and the plan reads no text at
 * all, so the target declares `readsNoTranslations`.
 */
export function lookupTarget(
  id: string,
  description: string,
  file: string,
  contextOf: (tables: LookupTables, catalog: Catalog, options: PlanOptions) => object,
  { quantities }: { quantities: boolean },
): Target {
  return {
    id,
    description,
    ...(quantities
      ? { translationDigest: (message: Message, catalog: Catalog) => String(pluralParamIndex(message, catalog.locales)) }
      : { readsNoTranslations: true }),
    plan(catalog, options) {
      const { tables, diagnostics } = lookupTables(catalog, options.config.identifierPrefix, id, quantities);
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
  quantities = true,
): { tables: LookupTables | undefined; diagnostics: Diagnostic[] } {
  const [main, detail] = audiencesOf(catalog, identifierPrefix).map((a) => lookupTable(a.catalog, a.identifierPrefix, target, quantities));
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
