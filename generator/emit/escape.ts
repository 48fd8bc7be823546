/**
 * Escapers for the languages codebook writes source code in. Every target
 * escapes through these (or its own table, citing the platform rule), never
 * through handlebars.
 */

/** A double-quoted TypeScript/JavaScript string literal (U+2028/2029 escaped too, for older parsers). */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a `/** … *\/` comment: no comment terminator, one line. */
export function docComment(value: string): string {
  return value.replace(/\*\//g, '*\\/').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
