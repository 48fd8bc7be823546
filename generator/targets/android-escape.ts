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
import { javaUnicodeEscape } from '../emit/escape.js';
import { XML_COMMENT, XML_TEXT_ESCAPES, xmlComment } from '../emit/xml-escape.js';

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

/** aapt2 reads Java's `\uXXXX` (the rules below apply it to BMP characters only). */
const hex = javaUnicodeEscape;
const isSpace = (ch?: string) => ch === ' ';

export const RULES: readonly Rule[] = [
  { why: 'aapt2 ends the string at U+0000 (read-back shows it truncated)', test: (ch) => ch === '\u0000', out: () => null },
  { why: 'a lone surrogate has no UTF-8 form; aapt2 drops `\\uD800`', test: (ch) => /^[\uD800-\uDFFF]$/.test(ch), out: () => null },
  { why: 'guide: the backslash escapes, so a literal one is `\\\\`', test: (ch) => ch === '\\', out: () => '\\\\' },
  { why: 'guide: an unescaped apostrophe is an aapt2 error', test: (ch) => ch === "'", out: () => "\\'" },
  { why: 'guide: an unescaped double quote toggles quoting and vanishes', test: (ch) => ch === '"', out: () => '\\"' },
  {
    why: 'guide: newline and tab are `\\n` and `\\t` (raw ones collapse to a space)',
    test: (ch) => ch === '\n' || ch === '\t',
    out: (ch) => (ch === '\n' ? '\\n' : '\\t'),
  },
  {
    why: 'guide: a leading `@` or `?` makes a resource or attribute reference',
    test: (ch, c) => c.at === 0 && (ch === '@' || ch === '?'),
    out: (ch) => `\\${ch}`,
  },
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
  {
    why: 'XML 1.0 §2.4: `&` and `<` start markup (`<b>` stays text); `>` is escaped for `]]>` (emit/xml-escape.ts)',
    test: (ch) => ch === '&' || ch === '<' || ch === '>',
    out: (ch) => XML_TEXT_ESCAPES[ch],
  },
  { why: 'java.util.Formatter: a literal `%` is `%%` in a formatted string', test: (ch, c) => ch === '%' && c.formatted, out: () => '%%' },
];

/** What RULES write for one character in its context: the first matching rule's output, the character itself when none matches, null when it cannot be written. */
function ruleOut(unit: string, c: Context): string | null {
  const rule = RULES.find((r) => r.test(unit, c));
  return rule ? rule.out(unit) : unit;
}

/**
 * The plain evaluation of RULES: every character of every text piece in its
 * context, the first matching rule wins. This is the reference androidText is
 * held to (test/targets/escape-equivalence.test.ts); it allocates a context
 * per character, so the generator does not call it.
 */
export function androidTextByRules(pieces: readonly Piece[], formatted: boolean): { value: string } | { unrepresentable: string } {
  const units = pieces.flatMap((p): (string | { placeholder: string })[] => ('text' in p ? [...p.text] : [p]));
  const charAt = (i: number) => (typeof units[i] === 'string' ? (units[i] as string) : undefined);
  let value = '';
  for (const [at, unit] of units.entries()) {
    if (typeof unit !== 'string') {
      value += unit.placeholder;
      continue;
    }
    const out = ruleOut(unit, { at, last: units.length - 1, prev: charAt(at - 1), next: charAt(at + 1), formatted });
    if (out === null) return { unrepresentable: unit };
    value += out;
  }
  return { value };
}

// ---- fast path: the same RULES, applied only where one of them can apply ----

/**
 * Where a rule can apply inside one text piece. The character class holds
 * every character a position-independent rule touches (NUL and lone
 * surrogates too: in `u` mode a paired surrogate is one code point and does
 * not match); the alternatives after it are the candidates of the two
 * position-dependent rules: a run of spaces, a space or `@`/`?` first in the
 * piece, a space last in the piece. Text without a match is written as is.
 * The equivalence test checks this class against RULES for every BMP code point.
 */
const CANDIDATE =
  '[\\0-\\x1F"\'\\\\&<>%\\x7F-\\x9F\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF\\uFFFE\\uFFFF\\uD800-\\uDFFF]| {2,}|^[ @?]| $';
const HAS_CANDIDATE = new RegExp(CANDIDATE, 'u');
const CANDIDATES = new RegExp(CANDIDATE, 'gu');

/**
 * A context in which no position-dependent rule applies: neither first nor
 * last, no neighbouring space. What RULES give a character there is what they
 * give it anywhere, unless it is a space or a leading `@`/`?`.
 */
const MIDDLE = { at: 1, last: 2 } as const;
/** RULES' output per character in MIDDLE, unformatted [0] and formatted [1]; filled on first use. */
const middleOut = [new Map<string, string | null>(), new Map<string, string | null>()] as const;

function outInMiddle(ch: string, formatted: boolean): string | null {
  const memo = middleOut[formatted ? 1 : 0];
  let out = memo.get(ch);
  if (out === undefined) {
    out = ruleOut(ch, { ...MIDDLE, formatted });
    memo.set(ch, out);
  }
  return out;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The code point that ends at `end` (exclusive) in `s`, or undefined at its start. */
function codePointBefore(s: string, end: number): string | undefined {
  if (end <= 0) return undefined;
  return end >= 2 && isLow(s.charCodeAt(end - 1)) && isHigh(s.charCodeAt(end - 2)) ? s.slice(end - 2, end) : s[end - 1];
}

/** The code point that starts at `start` in `s`, or undefined at its end. */
function codePointAt(s: string, start: number): string | undefined {
  if (start >= s.length) return undefined;
  return isHigh(s.charCodeAt(start)) && isLow(s.charCodeAt(start + 1)) ? s.slice(start, start + 2) : s[start];
}

/** The escaped resource text, or the first character no rule can write. Same result as androidTextByRules. */
export function androidText(pieces: readonly Piece[], formatted: boolean): { value: string } | { unrepresentable: string } {
  // An empty text piece has no character: it is nobody's neighbour.
  const units = pieces.every((p) => !('text' in p) || p.text !== '') ? pieces : pieces.filter((p) => !('text' in p) || p.text !== '');
  let value = '';
  for (let k = 0; k < units.length; k++) {
    const piece = units[k];
    if (!('text' in piece)) {
      value += piece.placeholder;
      continue;
    }
    const text = piece.text;
    if (!HAS_CANDIDATE.test(text)) {
      value += text;
      continue;
    }
    const before = k > 0 ? units[k - 1] : undefined;
    const after = k + 1 < units.length ? units[k + 1] : undefined;
    // A character's context in the whole string, for the position-dependent rules: `at` and `last` stand
    // for the real indices as far as RULES compare them (first? last?).
    const contextAt = (i: number, length: number): Context => {
      const at = k === 0 && i === 0 ? 0 : 1;
      return {
        at,
        last: after === undefined && i + length === text.length ? at : at + 1,
        prev: i > 0 ? codePointBefore(text, i) : before && 'text' in before ? codePointBefore(before.text, before.text.length) : undefined,
        next: i + length < text.length ? codePointAt(text, i + length) : after && 'text' in after ? codePointAt(after.text, 0) : undefined,
        formatted,
      };
    };
    let refused: string | undefined;
    const escaped = text.replace(CANDIDATES, (match: string, offset: number) => {
      let out: string | null = '';
      if (match === ' ' || match === '@' || match === '?') out = ruleOut(match, contextAt(offset, 1));
      else if (match.length > 1 && match[0] === ' ') {
        for (let i = 0; i < match.length && out !== null; i++) {
          const space = ruleOut(' ', contextAt(offset + i, 1));
          out = space === null ? null : out + space;
        }
      } else out = outInMiddle(match, formatted);
      if (out === null) {
        refused ??= match[0];
        return '';
      }
      return out;
    });
    if (refused !== undefined) return { unrepresentable: refused };
    value += escaped;
  }
  return { value };
}

/**
 * Text safe inside a strings.xml comment: XML's comment rule with Android's
 * options (emit/xml-escape.ts: one line, U+FFFD for what XML cannot carry),
 * then aapt2's own: it copies the comment before a resource into R.java's
 * Javadoc, where `*\/` would end it early.
 */
export function androidComment(text: string): string {
  return xmlComment(text, XML_COMMENT.android).replace(/\*\//g, '*\\/');
}
