/**
 * The one renaming table from message keys to platform identifiers (Android
 * resource names, ARB/Dart keys, lookup tables): `6014` → `error_6014`,
 * `-302` → `error_n302`, `120001-130000` → `error_120001_130000`, `unknown`
 * → `error_unknown`. Every native target goes through it, so the names agree
 * across platforms; two keys mapping to one name are reported, not merged.
 */
import type { Catalog } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { placeOf } from '../catalog/merge.js';

export const DEFAULT_IDENTIFIER_PREFIX = 'error_';

export function identifierOf(key: string, prefix = DEFAULT_IDENTIFIER_PREFIX): string {
  const body = key
    .replace(/^-/, 'n')
    .replace(/(\d)-(-?)(\d)/, (_, a: string, minus: string, b: string) => `${a}_${minus ? 'n' : ''}${b}`)
    .replace(/[^A-Za-z0-9_]/g, '_');
  return `${prefix}${body}`;
}

/** Identifier of every key, plus a diagnostic for each collision. */
export function identifierTable(catalog: Catalog, prefix = DEFAULT_IDENTIFIER_PREFIX, target?: string): { names: Map<string, string>; diagnostics: Diagnostic[] } {
  const names = new Map<string, string>();
  const owner = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const message of catalog.messages) {
    const name = identifierOf(message.key, prefix);
    const first = owner.get(name);
    if (first !== undefined) {
      diagnostics.push({
        ruleId: 'emit/identifier-collision',
        severity: 'error',
        message: `Keys ${JSON.stringify(first)} and ${JSON.stringify(message.key)} both become the identifier ${name}.`,
        place: placeOf(message.origin),
        key: message.key,
        ...(target ? { target } : {}),
      });
      continue;
    }
    owner.set(name, message.key);
    names.set(message.key, name);
  }
  return { names, diagnostics };
}
