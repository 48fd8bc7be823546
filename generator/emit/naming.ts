/**
 * The names codebook derives from catalog strings, each rule written once
 * (test/emit/naming.test.ts holds the table):
 *
 * - pascalCase: a namespace as a type, bundle or class name. Each letter or
 *   digit that starts the name or follows `-`, `_` or `.` is upper-cased and
 *   the separator dropped (`errors-detail` → `ErrorsDetail`); the rest is kept
 *   as it is. Java bundles (`Errors_ja.properties`), the lookup-java class's
 *   bundle names and the TypeScript resource types (`ErrorsResources`) use it.
 * - isAsciiIdentifier: `[A-Za-z_][A-Za-z0-9_]*`, the names that
 *   python-brace-format (msgfmt --check reads them as ASCII) and a
 *   `.stringsdict` variable accept.
 * - codePointName: how a diagnostic names a character, `U+0007`
 *   (`U+1F600` above the BMP; a lone surrogate names itself, `U+D800`).
 *
 * Platform identifiers of message keys (`error_6014`) are identifiers.ts.
 */

/** A letter or digit at the start of a name or after `-`, `_` or `.`. */
const WORD_START = /(^|[-_.])([a-z0-9])/gi;

/** `errors` → `Errors`, `errors-detail` → `ErrorsDetail`, `my_app.v2` → `MyAppV2`. */
export function pascalCase(name: string): string {
  return name.replace(WORD_START, (_, _separator, c: string) => c.toUpperCase());
}

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An ASCII letter or `_`, then ASCII letters, digits and `_`. */
export function isAsciiIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name);
}

/** `U+0007`, `U+00A0`, `U+1F600`: the first code point of `ch`, upper-case hex of at least four digits. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
