/**
 * The text of one Android string resource, escaped for aapt2 and XML 1.0.
 * A resource string is a run of literal characters and positional
 * placeholders (`%1$s`); each literal character goes through RULES, the
 * first matching rule wins. Sources: string-resource guide,
 * https://developer.android.com/guide/topics/resources/string-resource#FormattingAndStyling
 * (escapes, whitespace, formatting), aapt2's StringBuilder (ResourceUtils.cpp:
 * `\t \n \@ \? \" \' \\ \uXXXX`, whitespace runs collapsed, ends trimmed,
 * any other `\c` → `c`), XML 1.0 §2.2 (Char) and §2.4 (character data).
 */

/** Literal text, or a placeholder written as is. */
export type Piece = { text: string } | { placeholder: string };

interface Context {
  /** Index of the character in the whole resource string. */
  at: number;
  last: number;
  prev?: string;
  next?: string;
  /** The string is run through String.format (the message takes arguments). */
  formatted: boolean;
}

interface Rule {
  why: string;
  test: (ch: string, c: Context) => boolean;
  /** The escaped form, or `null` when the character cannot be written at all. */
  out: (ch: string) => string | null;
}

const hex = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const isSpace = (ch?: string) => ch === ' ';

export const RULES: readonly Rule[] = [
  { why: 'aapt2 ends the string at U+0000 (read-back shows it truncated)', test: (ch) => ch === '\u0000', out: () => null },
  { why: 'a lone surrogate has no UTF-8 form; aapt2 drops `\\uD800`', test: (ch) => /^[\uD800-\uDFFF]$/.test(ch), out: () => null },
  { why: 'guide: the backslash escapes, so a literal one is `\\\\`', test: (ch) => ch === '\\', out: () => '\\\\' },
  { why: "guide: an unescaped apostrophe is an aapt2 error", test: (ch) => ch === "'", out: () => "\\'" },
  { why: 'guide: an unescaped double quote toggles quoting and vanishes', test: (ch) => ch === '"', out: () => '\\"' },
  { why: 'guide: newline and tab are `\\n` and `\\t` (raw ones collapse to a space)', test: (ch) => ch === '\n' || ch === '\t', out: (ch) => (ch === '\n' ? '\\n' : '\\t') },
  { why: 'guide: a leading `@` or `?` makes a resource or attribute reference', test: (ch, c) => c.at === 0 && (ch === '@' || ch === '?'), out: (ch) => `\\${ch}` },
  {
    why: 'guide: aapt2 trims the ends and collapses space runs; `\\u0020` survives both',
    test: (ch, c) => isSpace(ch) && (c.at === 0 || c.at === c.last || isSpace(c.prev) || isSpace(c.next)),
    out: () => '\\u0020',
  },
  {
    why: 'XML 1.0 Char forbids C0 (and the parser turns CR into LF); C1, DEL, noncharacters U+FFFE/FFFF, U+2028/2029 and other Unicode spaces (aapt2 collapses what the host iswspace() calls space) are written as `\\uXXXX`',
    test: (ch) => /^[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]$/.test(ch) || (ch !== ' ' && ch !== '\u00A0' && /^\s$/.test(ch)),
    out: hex,
  },
  { why: 'XML 1.0 §2.4: `&` and `<` start markup (`<b>` stays text); `>` is escaped for `]]>`', test: (ch) => ch === '&' || ch === '<' || ch === '>', out: (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;') },
  { why: 'java.util.Formatter: a literal `%` is `%%` in a formatted string', test: (ch, c) => ch === '%' && c.formatted, out: () => '%%' },
];

/** The escaped resource text, or the first character no rule can write. */
export function androidText(pieces: readonly Piece[], formatted: boolean): { value: string } | { unrepresentable: string } {
  const units = pieces.flatMap((p): (string | { placeholder: string })[] => ('text' in p ? [...p.text] : [p]));
  const charAt = (i: number) => (typeof units[i] === 'string' ? (units[i] as string) : undefined);
  let value = '';
  for (const [at, unit] of units.entries()) {
    if (typeof unit !== 'string') {
      value += unit.placeholder;
      continue;
    }
    const rule = RULES.find((r) => r.test(unit, { at, last: units.length - 1, prev: charAt(at - 1), next: charAt(at + 1), formatted }));
    const out = rule ? rule.out(unit) : unit;
    if (out === null) return { unrepresentable: unit };
    value += out;
  }
  return { value };
}

/** `U+0007` style name of a character, for diagnostics. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text safe inside an XML comment: one line, no `--`, no trailing `-`, no characters XML forbids. */
export function xmlComment(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/-(?=-|$)/g, '- ')
    // aapt2 copies the comment before a resource into R.java's Javadoc, where "*/" would end it early.
    .replace(/\*\//g, '*\\/');
}
