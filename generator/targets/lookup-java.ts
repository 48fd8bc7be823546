/**
 * `lookup-java/ErrorMessages.java`: a Java class that maps a numeric code to
 * its key in the ResourceBundle the `java` target writes (`keyOf`) and formats
 * its message (`message`, with user messages `detail`, and `action`/`fault`),
 * under either `java.messageFormat` setting.
 *
 * What the file does, its template context field by field, what a replacement
 * must keep and how to change its package: templates/lookup-java/README.md;
 * the table the branches come from: lookup-table.ts and templates/README.md
 * ("Lookup tables"). Golden contexts: test/golden/hazards/lookup-java-context/.
 */
import { javaString } from '../emit/escape.js';
import { pascalCase } from '../emit/naming.js';
import type { Target } from '../emit/target.js';
import type { JavaMessageFormat } from '../config/load-config.js';
import { isPatternMessage } from './java.js';
import { lookupTarget, type KeyGroup, type LookupTable } from './lookup-table.js';

export const lookupJavaTarget: Target = lookupTarget(
  'lookup-java',
  'Java ErrorMessages class: numeric code → ResourceBundle key and MessageFormat message',
  'ErrorMessages.java',
  (tables, catalog, { config, header }) => {
    const { main: table, detail } = tables;
    const plurals = new Map<string, number>();
    for (const e of [...table.codes, ...table.ranges, ...(detail ? [...detail.codes, ...detail.ranges] : [])])
      if (e.quantityIndex !== undefined) plurals.set(e.key, e.quantityIndex);
    const groups = (list: readonly KeyGroup[]) => list.map((g) => ({ value: javaString(g.value), keys: g.keys.map(javaString) }));
    const mode = config.java.messageFormat;
    const withArguments = mode === 'with-arguments';
    return {
      header,
      packageName: 'codebook.generated',
      bundle: javaString(bundleBaseName(catalog.namespace)),
      ...(detail ? { detailBundle: javaString(bundleBaseName(catalog.detailNamespace)) } : {}),
      codes: table.codes.map((e) => ({ code: String(e.code), key: javaString(e.key) })),
      ranges: table.ranges.map((e) => ({ from: String(e.from), to: String(e.to), key: javaString(e.key) })),
      unknownKey: javaString(table.unknown.key),
      plurals: [...plurals].map(([key, quantityIndex]) => ({ key: javaString(key), quantityIndex })),
      actions: groups(tables.actions),
      faults: groups(tables.faults),
      ...(withArguments ? { withArguments, patternKeys: keyChunks(patternKeysOf(table, mode)) } : {}),
      ...(withArguments && detail ? { detailPatternKeys: keyChunks(patternKeysOf(detail, mode)) } : {}),
    };
  },
  // Reads the texts: a message plural in any locale is a key group to look up, so neither readsNoTranslations nor entriesByKey.
  { quantities: true },
);

/** The keys of a table whose values the java target writes as MessageFormat patterns. */
function patternKeysOf(table: LookupTable, mode: JavaMessageFormat): string[] {
  return [...table.codes, ...table.ranges, table.unknown].filter((e) => isPatternMessage(e, mode)).map((e) => e.key);
}

/** Characters of one chunk at most: far below the 65535 bytes of a class-file string constant (keys are ASCII). */
const CHUNK = 8000;

/** Keys as the arguments of `keys(…)`: string literals of space-separated keys (keys have no spaces). */
export function keyChunks(keys: readonly string[], limit = CHUNK): string {
  const chunks: string[] = [];
  let chunk = '';
  for (const key of keys) {
    if (chunk && chunk.length + 1 + key.length > limit) {
      chunks.push(chunk);
      chunk = '';
    }
    chunk += chunk ? ` ${key}` : key;
  }
  if (chunk) chunks.push(chunk);
  return chunks.map(javaString).join(',\n            ');
}

/** The bundle base name the java target gives its files: the namespace in PascalCase (`errors` → `Errors`). */
export function bundleBaseName(namespace: string): string {
  return pascalCase(namespace);
}
