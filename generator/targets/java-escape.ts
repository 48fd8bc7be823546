/**
 * Escaping for Java `.properties` bundles, in two layers:
 *
 * 1. patternText turns literal text into `java.text.MessageFormat` pattern
 *    text (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/text/MessageFormat.html):
 *    `'` quotes, so a literal one is `''`; `{` and `}` delimit arguments, so
 *    literal ones are quoted.
 * 2. PROPERTIES_* (tables of rules, the first match wins) write a pattern
 *    (or a key) as ASCII for `Properties.load`
 *    (https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Properties.html#load(java.io.Reader)):
 *    ISO-8859-1 for `load(InputStream)` and UTF-8 for Java 9+ bundles agree on
 *    ASCII only, so everything else is `\uXXXX` (per UTF-16 unit).
 */

interface Rule {
  why: string;
  test: (ch: string, at: number, last: number) => boolean;
  out: (ch: string) => string;
}

const hex = (ch: string) => Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`).join('');

/**
 * MessageFormat: `''` is always one quote, and `'` otherwise opens or closes a
 * quoted section in which braces are literal. So quoted sections must never
 * touch (`'}''{'` reads as `}'{`): a whole run of braces and quotes becomes
 * one section with its quotes doubled (`}{` → `'}{'`, `{'{` → `'{''{'`), and
 * a run of quotes alone is just doubled.
 */
export function patternText(text: string): string {
  return text.replace(/[{}']+/g, (run) => (/[{}]/.test(run) ? `'${run.replace(/'/g, "''")}'` : run.replace(/'/g, "''")));
}

const PROPERTIES_COMMON: readonly Rule[] = [
  { why: 'Properties.load: backslash starts an escape (a trailing one joins the next line)', test: (ch) => ch === '\\', out: () => '\\\\' },
  { why: 'Properties.load: `\\t \\n \\r \\f` are the control escapes', test: (ch) => '\t\n\r\f'.includes(ch), out: (ch) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' })[ch] ?? ch },
  { why: 'ASCII only (ISO-8859-1 vs UTF-8 readers); other controls and non-ASCII as `\\uXXXX`', test: (ch) => !/^[\x20-\x7E]$/.test(ch), out: hex },
];

/** Values: the first space would be taken as the separator's whitespace; a last one is lost to editors that trim lines. */
export const PROPERTIES_VALUE: readonly Rule[] = [
  { why: 'Properties.load: leading whitespace of a value is dropped', test: (ch, at) => ch === ' ' && at === 0, out: () => '\\ ' },
  { why: 'editors and hooks strip trailing blanks; `\\u0020` survives them', test: (ch, at, last) => ch === ' ' && at === last, out: () => '\\u0020' },
  ...PROPERTIES_COMMON,
];

/** Keys end at the first unescaped `=`, `:` or whitespace; `#`/`!` first would start a comment. */
export const PROPERTIES_KEY: readonly Rule[] = [
  { why: 'Properties.load: `=`, `:`, space end a key; `#`, `!` start a comment', test: (ch) => '=: #!'.includes(ch), out: (ch) => `\\${ch}` },
  ...PROPERTIES_COMMON,
];

export function applyRules(text: string, rules: readonly Rule[]): string {
  const chars = [...text];
  return chars.map((ch, at) => rules.find((r) => r.test(ch, at, chars.length - 1))?.out(ch) ?? ch).join('');
}

export const propertiesValue = (pattern: string) => applyRules(pattern, PROPERTIES_VALUE);
export const propertiesKey = (key: string) => applyRules(key, PROPERTIES_KEY);

/** Comment text: one line of printable ASCII (non-ASCII as `\uXXXX`, so the file stays ASCII). */
export function propertiesComment(text: string): string {
  return applyRules(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '), [PROPERTIES_COMMON[2]]).replace(/\\$/, '\\ ');
}
