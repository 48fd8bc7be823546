/**
 * Escapers for the languages codebook writes source code in. Built-in
 * targets build their contexts with these (or their own table, citing the
 * platform rule); custom templates reach them as handlebars helpers. None
 * relies on handlebars' HTML escaping.
 */

/** What JSON.stringify escapes in a string: `"`, `\\`, C0 controls and (lone) surrogates; a surrogate pair is left to it too. */
export const JSON_ESCAPED = /["\\\x00-\x1f\ud800-\udfff]/;

/** What tsString escapes: JSON's characters and the two line separators. */
const TS_ESCAPED = /["\\\x00-\x1f\ud800-\udfff\u2028\u2029]/;

/** A double-quoted TypeScript/JavaScript string literal (U+2028/2029 escaped too, for older parsers); text that needs no escape only gets quotes. */
export function tsString(value: string): string {
  if (!TS_ESCAPED.test(value)) return `"${value}"`;
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** JSON.stringify of a string, with a cheaper path for the many texts it would only put quotes around (test/emit/json-string.test.ts holds them equal). */
export function jsonString(value: string): string {
  return JSON_ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** Text safe inside a `/** … *\/` comment: no comment terminator, one line. */
export function docComment(value: string): string {
  return value.replace(/\*\//g, '*\\/').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** A Java string literal: JLS §3.10.6 escapes; other controls and non-ASCII as \uXXXX (UTF-16 units), so any source encoding works. */
export function javaString(value: string): string {
  return `"${escapeC(value, /[^\x20-\x7e]/, javaUnicodeEscape)}"`;
}

/** Java's `\uXXXX` for each UTF-16 unit of `ch` (JLS §3.3, and `Properties.load`): `é` → `\u00E9`, `😀` → `\uD83D\uDE00`. */
export function javaUnicodeEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${hex4(ch.charCodeAt(i))}`;
  return out;
}

/** A Kotlin string literal: Java's escapes plus `$`, which would start a string template. */
export function kotlinString(value: string): string {
  return javaString(value).replace(/\$/g, '\\$');
}

const CONTROLS = /[\x00-\x1f\x7f\u2028\u2029]/u;
const codePointEscape = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16)}}`;

/** A Swift string literal: `\u{…}` escapes for controls (The Swift Programming Language, "Special Characters in String Literals"). */
export function swiftString(value: string): string {
  return `"${escapeC(value, CONTROLS, codePointEscape)}"`;
}

/** A Dart string literal in double quotes: `$` escaped (interpolation), controls as `\u{…}`. */
export function dartString(value: string): string {
  return `"${escapeC(value, CONTROLS, codePointEscape).replace(/\$/g, '\\$')}"`;
}

/** XML character data and attribute values: the one XML escaping module's (xml-escape.ts), for the templates' helpers. */
export { xmlAttr, xmlText } from './xml-escape.js';

const C_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** C-family escaping: the fixed escapes, then `escape` for every character matching `needs`. */
function escapeC(value: string, needs: RegExp, escape: (ch: string) => string): string {
  let out = '';
  for (const ch of value) out += C_ESCAPES[ch] ?? (needs.test(ch) ? escape(ch) : ch);
  return out;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}
