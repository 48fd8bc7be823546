/**
 * Cross-checks the imports of the same vendor document in several languages:
 * every key that some imports have and others lack is a doubt (severity
 * 'warning', rule import/key-only-in-locale), reported against each file that
 * has the key, in key order. The per-locale files are not changed.
 */
import { compareKeys } from '../catalog/keys.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IMPORT_RULES } from './report.js';
import type { ImportedSection } from './messages.js';

export interface NamedImport {
  sourceName: string;
  /** An import's locale and keys (an ImportResult of index.ts). */
  result: { locale: string; sections: readonly Pick<ImportedSection, 'keys'>[] };
}

export function compareImportedKeys(imports: readonly NamedImport[]): Diagnostic[] {
  const keySets = imports.map(({ result }) => new Set(result.sections.flatMap((s) => s.keys)));
  const all = [...new Set(keySets.flatMap((s) => [...s]))].sort(compareKeys);
  const out: Diagnostic[] = [];
  for (const key of all) {
    const missing = imports.filter((_, i) => !keySets[i].has(key)).map(({ result }) => result.locale);
    if (missing.length === 0) continue;
    imports.forEach(({ sourceName, result }, i) => {
      if (!keySets[i].has(key)) return;
      out.push({
        ruleId: IMPORT_RULES.keyOnlyInLocale,
        severity: 'warning',
        message: `The ${result.locale} document has the key ${key}, but the ${missing.join(', ')} document${missing.length > 1 ? 's do' : ' does'} not.`,
        place: { file: sourceName },
        locale: result.locale,
        key,
      });
    });
  }
  return out;
}
