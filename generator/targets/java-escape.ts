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
import { javaUnicodeEscape as hex } from '../emit/escape.js';

interface Rule {
  why: string;
  test: (ch: string, at: number, last: number) => boolean;
  out: (ch: string) => string;
}

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
  {
    why: 'Properties.load: `\\t \\n \\r \\f` are the control escapes',
    test: (ch) => '\t\n\r\f'.includes(ch),
    out: (ch) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f' })[ch] ?? ch,
  },
  {
    why: 'ASCII only (ISO-8859-1 vs UTF-8 readers); other controls and non-ASCII as `\\uXXXX`',
    test: (ch) => !/^[\x20-\x7E]$/.test(ch),
    out: hex,
  },
];

/** Values: the first space would be taken as the separator's whitespace; a last one is lost to editors that trim lines. */
export const PROPERTIES_VALUE: readonly Rule[] = [
  { why: 'Properties.load: leading whitespace of a value is dropped', test: (ch, at) => ch === ' ' && at === 0, out: () => '\\ ' },
  {
    why: 'editors and hooks strip trailing blanks; `\\u0020` survives them',
    test: (ch, at, last) => ch === ' ' && at === last,
    out: () => '\\u0020',
  },
  ...PROPERTIES_COMMON,
];

/** Keys end at the first unescaped `=`, `:` or whitespace; `#`/`!` first would start a comment. */
export const PROPERTIES_KEY: readonly Rule[] = [
  {
    why: 'Properties.load: `=`, `:`, space end a key; `#`, `!` start a comment',
    test: (ch) => '=: #!'.includes(ch),
    out: (ch) => `\\${ch}`,
  },
  ...PROPERTIES_COMMON,
];

/**
 * The plain evaluation of a table: every code point in its position, the
 * first matching rule wins. This is the specification the fast escapers below
 * are held to (test/targets/escape-equivalence.test.ts); the generator does
 * not call it.
 */
export function applyRules(text: string, rules: readonly Rule[]): string {
  const chars = [...text];
  return chars.map((ch, at) => outAt(rules, ch, at, chars.length - 1)).join('');
}

/** What a table writes for one code point at index `at` of a text whose last index is `last`. */
function outAt(rules: readonly Rule[], ch: string, at: number, last: number): string {
  return rules.find((r) => r.test(ch, at, last))?.out(ch) ?? ch;
}

export const propertiesValueByRules = (pattern: string) => applyRules(pattern, PROPERTIES_VALUE);
export const propertiesKeyByRules = (key: string) => applyRules(key, PROPERTIES_KEY);
export const propertiesCommentByRules = (text: string) => commentOf(text, (line) => applyRules(line, [PROPERTIES_COMMON[2]]));

// ---- fast path: the same tables, applied only where one of their rules can apply ----

/**
 * A table with the runs of characters its position-independent rules touch.
 * Every such character is ASCII or goes to `\uXXXX` per UTF-16 unit, so a
 * code point's output is its units' outputs put together: a run is mapped
 * unit by unit, each unit's output being what the table gives it in the
 * middle of a text (neither first nor last), computed once. The equivalence
 * test checks each pattern against its table for every BMP code point.
 */
class FastTable {
  private readonly outs: (string | undefined)[] = new Array<string | undefined>(0x10000);
  constructor(
    private readonly rules: readonly Rule[],
    private readonly touched: RegExp,
  ) {}

  private unit(code: number): string {
    let out = this.outs[code];
    if (out === undefined) {
      out = outAt(this.rules, String.fromCharCode(code), 1, 2);
      this.outs[code] = out;
    }
    return out;
  }

  private readonly run = (run: string): string => {
    let out = '';
    for (let i = 0; i < run.length; i++) out += this.unit(run.charCodeAt(i));
    return out;
  };

  /** The text through the table, given that no position-dependent rule touches it. */
  escape(text: string): string {
    return text.replace(this.touched, this.run);
  }
}

/** The backslash, and everything but printable ASCII. */
const VALUE_FAST = new FastTable(PROPERTIES_VALUE, /[^\x20-\x5B\x5D-\x7E]+/g);
/** …and the key terminators and comment starts. */
const KEY_FAST = new FastTable(PROPERTIES_KEY, /(?:[^\x20-\x7E]|[\\=: #!])+/g);
/** Everything but printable ASCII. */
const COMMENT_FAST = new FastTable([PROPERTIES_COMMON[2]], /[^\x20-\x7E]+/g);

/**
 * A value: the table's two position-dependent rules (a first and a last
 * space) are checked here, at the real positions; the rest goes through the
 * fast table. Same result as propertiesValueByRules.
 */
export function propertiesValue(pattern: string): string {
  const n = pattern.length;
  const first = n > 0 && pattern.charCodeAt(0) === 0x20;
  const end = n > 1 && pattern.charCodeAt(n - 1) === 0x20;
  if (!first && !end) return VALUE_FAST.escape(pattern);
  let last = -1;
  for (const _ of pattern) last++;
  const at = (ch: string, i: number) => outAt(PROPERTIES_VALUE, ch, i, last);
  return (first ? at(' ', 0) : '') + VALUE_FAST.escape(pattern.slice(first ? 1 : 0, end ? n - 1 : n)) + (end ? at(' ', last) : '');
}

/** A key: its table has no position-dependent rule. Same result as propertiesKeyByRules. */
export const propertiesKey = (key: string) => KEY_FAST.escape(key);

/** Comment text as one line (line breaks become spaces), escaped; a final backslash would join the next line, so it is followed by a space. */
function commentOf(text: string, escape: (line: string) => string): string {
  return escape(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).replace(/\\$/, '\\ ');
}

/** Comment text: one line of printable ASCII (non-ASCII as `\uXXXX`, so the file stays ASCII). Same result as propertiesCommentByRules. */
export function propertiesComment(text: string): string {
  return commentOf(text, (line) => COMMENT_FAST.escape(line));
}
