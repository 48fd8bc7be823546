/**
 * The text of an Android string resource as aapt2 reads it: the inverse of
 * targets/android-escape.ts, from the decoded XML content of a `<string>` or
 * `<item>` to the string an app gets from `getString()`, each character with
 * the offset in the file it comes from. aapt2's StringBuilder
 * (ResourceUtils.cpp AppendText), after the XML parser has decoded
 * references and CDATA:
 *
 * - the raw text is trimmed of ASCII whitespace at both ends;
 * - outside `"…"`, a run of ASCII whitespace (`isspace`: space, tab, LF, CR,
 *   VT, FF) is one space; inside, whitespace is kept;
 * - an unescaped `"` toggles that quoting and is no text (reported as a
 *   warning: a translator who typed it meant a quote);
 * - `\t` `\n` are tab and newline; `\#` `\@` `\?` `\"` `\'` `\\` the
 *   character; `\uXXXX` (up to four hex digits) the code unit; any other
 *   `\c` is `c`; a `\` at the very end is dropped;
 * - an unescaped `'` outside quotes is an aapt2 error;
 * - a text that starts with an unescaped `@` or `?` is a resource or
 *   attribute reference to aapt2, not text: an error.
 * - `<xliff:g>` (untranslatable spans, which Android Studio writes around
 *   placeholders) is transparent; any other element is markup (a styled
 *   span) that a catalog message cannot hold.
 *
 * Then the resource string of a message that takes arguments is a
 * java.util.Formatter pattern: `%%` is `%`, `%N$s` the argument at position
 * N (emit/placeholders.ts); any other conversion is reported. A message
 * without arguments is not formatted: its `%` is literal.
 */
import type { ContentPiece } from '../translations/xml-text.js';

export interface ResourceText {
  /** The string at runtime (placeholders still `%1$s`). */
  text: string;
  /** The file offset of each UTF-16 unit of `text`. */
  offsets: number[];
  problems: TextProblem[];
}

export interface TextProblem {
  kind: 'escape' | 'markup' | 'quote' | 'reference';
  message: string;
  offset: number;
}

const XLIFF_G = /^[^:]+:g$/;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
const HEX = /^[0-9A-Fa-f]$/;

/** What aapt2 makes of an element's content. */
export function resourceText(pieces: readonly ContentPiece[]): ResourceText {
  const problems: TextProblem[] = [];
  const { chars, from } = contentChars(pieces, problems);
  let first = 0;
  let last = chars.length;
  while (first < last && isSpace(chars[first])) first++;
  while (last > first && isSpace(chars[last - 1])) last--;
  if (chars[first] === '@' || chars[first] === '?') {
    problems.push({
      kind: 'escape',
      message: `the text starts with an unescaped "${chars[first]}", which aapt2 reads as a resource ${chars[first] === '@' ? 'reference' : 'attribute'}; write \\${chars[first]}`,
      offset: from[first],
    });
  }
  return { ...unescaped(chars, from, first, last, problems), problems };
}

/** The characters of the content with their file offsets; entities XML does not define and markup but <xliff:g> reported. */
function contentChars(pieces: readonly ContentPiece[], problems: TextProblem[]): { chars: string[]; from: number[] } {
  const chars: string[] = [];
  const from: number[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      for (let k = 0; k < piece.text.length; k++) {
        chars.push(piece.text[k]);
        from.push(piece.offsets[k]);
      }
    } else if (piece.kind === 'undefined-reference') {
      problems.push({
        kind: 'reference',
        message: `&${piece.name}; is not an entity XML defines (write the character itself, or &#…;)`,
        offset: piece.offset,
      });
    } else if (!XLIFF_G.test(piece.name) && piece.kind === 'open') {
      problems.push({
        kind: 'markup',
        message: `<${piece.name}> is markup (a styled span) that a catalog message cannot hold; write the text without it, or escape "<" as &lt;`,
        offset: piece.offset,
      });
    }
  }
  return { chars, from };
}

/** The text of chars[first, last) as aapt2 reads it: whitespace collapsed outside quotes, `"` toggling them, escapes resolved. */
function unescaped(
  chars: string[],
  from: number[],
  first: number,
  last: number,
  problems: TextProblem[],
): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  const out = (s: string, offset: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) offsets.push(offset);
  };
  let quote = false;
  let lastWasSpace = false;
  for (let i = first; i < last; i++) {
    const c = chars[i];
    if (!quote && isSpace(c)) {
      if (!lastWasSpace) out(' ', from[i]);
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    if (c === '\\') {
      if (i + 1 >= last) continue;
      const next = chars[++i];
      if (next === 't') out('\t', from[i - 1]);
      else if (next === 'n') out('\n', from[i - 1]);
      else if (next === 'u') {
        let hex = '';
        while (hex.length < 4 && i + 1 < last && HEX.test(chars[i + 1])) hex += chars[++i];
        if (hex.length < 4 && i + 1 < last) {
          problems.push({
            kind: 'escape',
            message: `\\u${hex} is not followed by four hex digits (aapt2: "invalid unicode escape sequence")`,
            offset: from[i - hex.length - 1],
          });
          continue;
        }
        out(hex === '' ? '\u0000' : String.fromCharCode(parseInt(hex, 16)), from[i - hex.length - 1]);
      } else out(next, from[i - 1]);
    } else if (c === '"') {
      quote = !quote;
      problems.push({
        kind: 'quote',
        message: 'an unescaped " starts or ends an aapt2 quoted run and is not part of the text (write \\" for a quotation mark)',
        offset: from[i],
      });
    } else if (!quote && c === "'") {
      problems.push({
        kind: 'escape',
        message: `an unescaped apostrophe, which aapt2 rejects ("unescaped apostrophe in string"); write \\'`,
        offset: from[i],
      });
      out(c, from[i]);
    } else out(c, from[i]);
  }
  return { text, offsets };
}

export type FormatPart = { kind: 'text'; text: string } | { kind: 'arg'; position: number; offset: number };

/**
 * A formatted resource string as literal text and positional arguments;
 * problems at the `%` of what is neither `%%` nor `%N$s`.
 */
export function formatParts(resource: Pick<ResourceText, 'text' | 'offsets'>): {
  parts: FormatPart[];
  problems: { message: string; offset: number }[];
} {
  const parts: FormatPart[] = [];
  const problems: { message: string; offset: number }[] = [];
  const { text, offsets } = resource;
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '%') {
      literal += c;
      continue;
    }
    if (text[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    const m = /^%([1-9]\d*)\$s/.exec(text.slice(i, i + 12));
    if (m) {
      flush();
      parts.push({ kind: 'arg', position: Number(m[1]), offset: offsets[i] });
      i += m[0].length - 1;
      continue;
    }
    const conversion = /^%(?:\d+\$)?[-#+ 0,(]*\d*(?:\.\d+)?[a-zA-Z%]?/.exec(text.slice(i))![0];
    problems.push({
      message:
        conversion === '%'
          ? 'a single "%" (a literal percent sign is "%%" in a string with arguments)'
          : `${JSON.stringify(conversion)}, which is not an argument as codebook writes them (%N$s, N its position) nor "%%"`,
      offset: offsets[i],
    });
    literal += conversion;
    i += conversion.length - 1;
  }
  flush();
  return { parts, problems };
}

/** Raw XML character data (as the writer produces it: references, no markup) as a content piece, offsets being indices into `raw`. */
export function textPiece(raw: string): ContentPiece[] {
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '&') {
      const semi = raw.indexOf(';', i);
      const name = raw.slice(i + 1, semi);
      const char =
        name === 'amp'
          ? '&'
          : name === 'lt'
            ? '<'
            : name === 'gt'
              ? '>'
              : name === 'quot'
                ? '"'
                : name === 'apos'
                  ? "'"
                  : name.startsWith('#x')
                    ? String.fromCodePoint(parseInt(name.slice(2), 16))
                    : String.fromCodePoint(parseInt(name.slice(1), 10));
      for (let k = 0; k < char.length; k++) offsets.push(i);
      text += char;
      i = semi;
    } else {
      text += raw[i];
      offsets.push(i);
    }
  }
  return [{ kind: 'text', text, offsets }];
}
