/**
 * The one renaming table from message keys to platform identifiers (Android
 * resource names, ARB/Dart keys, lookup tables): `6014` → `error_6014`,
 * `-302` → `error_n302`, `120001-130000` → `error_120001_130000`, `unknown`
 * → `error_unknown`. Every native target goes through it, so the names agree
 * across platforms; two keys mapping to one name are reported, not merged.
 */
import type { Catalog, Message } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { placeOf } from '../catalog/origin.js';

export const DEFAULT_IDENTIFIER_PREFIX = 'error_';

/** A plain non-negative code (`6014`), the bulk of every catalog: it needs none of the replacements. */
const DIGITS = /^\d+$/;

export function identifierOf(key: string, prefix = DEFAULT_IDENTIFIER_PREFIX): string {
  if (DIGITS.test(key)) return `${prefix}${key}`;
  const body = key
    .replace(/^-/, 'n')
    .replace(/(\d)-(-?)(\d)/, (_, a: string, minus: string, b: string) => `${a}_${minus ? 'n' : ''}${b}`)
    .replace(/[^A-Za-z0-9_]/g, '_');
  return `${prefix}${body}`;
}

interface NameTable {
  names: ReadonlyMap<string, string>;
  /** Each key whose identifier an earlier key already has, with that key. */
  collisions: { message: Message; first: string; name: string }[];
}

/** Tables by catalog and prefix: six targets ask for the same one, and a catalog never changes. */
const tables = new WeakMap<Catalog, Map<string, NameTable>>();

function nameTable(catalog: Catalog, prefix: string): NameTable {
  let byPrefix = tables.get(catalog);
  if (byPrefix === undefined) tables.set(catalog, (byPrefix = new Map()));
  let table = byPrefix.get(prefix);
  if (table === undefined) {
    const names = new Map<string, string>();
    const owner = new Map<string, string>();
    const collisions: NameTable['collisions'] = [];
    for (const message of catalog.messages) {
      const name = identifierOf(message.key, prefix);
      const first = owner.get(name);
      if (first !== undefined) {
        collisions.push({ message, first, name });
        continue;
      }
      owner.set(name, message.key);
      names.set(message.key, name);
    }
    table = { names, collisions };
    byPrefix.set(prefix, table);
  }
  return table;
}

/** Identifier of every key, plus a diagnostic for each collision. The map is shared between callers: read it, do not change it. */
export function identifierTable(
  catalog: Catalog,
  prefix = DEFAULT_IDENTIFIER_PREFIX,
  target?: string,
): { names: ReadonlyMap<string, string>; diagnostics: Diagnostic[] } {
  const { names, collisions } = nameTable(catalog, prefix);
  const diagnostics = collisions.map(({ message, first, name }): Diagnostic => ({
    ruleId: 'emit/identifier-collision',
    severity: 'error',
    message: `Keys ${JSON.stringify(first)} and ${JSON.stringify(message.key)} both become the identifier ${name}.`,
    place: placeOf(message.origin),
    key: message.key,
    ...(target ? { target } : {}),
  }));
  return { names, diagnostics };
}
