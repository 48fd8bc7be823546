/**
 * `lookup-java/ErrorMessages.java`: a Java class over the ResourceBundle the
 * `java` target writes (`Errors*.properties`, keys = message keys):
 *
 *   ErrorMessages.keyOf(6014)                       // "6014"; a range's key; else "unknown"
 *   ErrorMessages.message(Locale.JAPANESE, 6014)    // the Japanese text
 *   ErrorMessages.message(locale, 7, 100, "alice")  // arguments in registry order ({0}, {1})
 *   ErrorMessages.message(locale, 424242)           // the unknown message, filled with 424242
 *   ErrorMessages.detail(locale, 6206)              // with user messages: the developer detail
 *   ErrorMessages.action(6206)                      // "sign-in-again"; null when the registry gives none
 *   ErrorMessages.fault(6206)                       // "app"
 *
 * `keyOf` is a `switch` on the exact codes (javac rejects a duplicate case),
 * then one `if` per range in order, then `"unknown"`. `message` reads
 * `ResourceBundle.getBundle("Errors", locale)` and formats with
 * `new MessageFormat(pattern, locale)` the values that are patterns, as the
 * config's `java.messageFormat` made them (java.ts): with `always` every
 * value; with `with-arguments` (the default) only those of the messages that
 * take arguments, whose keys the class carries as a set (`PATTERNS`, and
 * `DETAIL_PATTERNS` for the details), built at class load from a few
 * space-separated string constants: a constant holds up to 64 KB and a method
 * (a `switch`, an array initializer) up to 64 KB of bytecode, so the set
 * stays within both at 100k keys. The other values are shown as they are. A key the bundles on the class path
 * lack (`MissingResourceException`, say an older bundle) shows the unknown
 * message instead. The unknown message gets the code as a String, so a plain
 * `{0}` prints `424242` like every other platform, not MessageFormat's grouped
 * `424,242`; only a pattern that asks for a number format (`{0,number}`) gets
 * the Integer.
 *
 * Plurals follow the recipe of java.ts: a plural message is a key group
 * (`<key>.locale`, `<key>.=N`, `<key>.<category>`). The CLDR category comes
 * from ICU's `PluralRules`, found by reflection (`android.icu.text` on Android
 * 7+, `com.ibm.icu.text` from ICU4J), since java.text has no plural rules. The
 * limit: without ICU on the class path every count that has no `=N` form
 * takes the `other` form ("1 files left").
 *
 * The class is in the package `codebook.generated`; the bundles are at the
 * class path root, where the java target's files go. To change the package,
 * replace the template (`"templates": { "lookup-java": "my-templates/lookup-java" }`,
 * a copy of `templates/lookup-java/ErrorMessages.java.hbs` with another
 * `package` line).
 *
 * Template context (`ErrorMessages.java.hbs`), all values ready to print:
 * - `header`, `packageName` (`codebook.generated`).
 * - `bundle`: the base name as a Java string literal (`"Errors"`: the
 *   namespace in PascalCase, as java.ts names the files).
 * - `detailBundle`: with user messages, the base name of the details
 *   (`"ErrorsDetail"`); unset otherwise, and `detail()` is not written.
 * - `actions[]`, `faults[]`: `{ value, keys[] }`, the keys (Java literals) by
 *   action and by fault; empty when the registry gives none, and `action()`
 *   or `fault()` is not written.
 * - `codes[]`: `{ code, key }`, the int literal and the key as a Java string literal.
 * - `ranges[]`: `{ from, to, key }`, sorted by `from`.
 * - `unknownKey`: `"unknown"` as a literal.
 * - `plurals[]`: `{ key, quantityIndex }` of the messages plural in either audience.
 * - `withArguments`: true with `java.messageFormat` `with-arguments`; then
 *   `patternKeys` (and with details `detailPatternKeys`) is the argument list
 *   of `keys(…)`: Java string literals of space-separated keys, each under
 *   8000 characters, joined by `,` and a line break; empty for no key.
 * Codes are 32-bit ints (lookup-table.ts).
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
