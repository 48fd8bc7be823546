/**
 * PO syntax (formats.md §1 and §4.6): string escaping, `""` continuation
 * lines, comments, and ICU → python-brace-format text. Templates receive the
 * finished lines; nothing here knows about the catalog.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { codePointName } from '../emit/naming.js';
import { cannot, converted, orProblem, type Converted } from '../emit/unrepresentable.js';

/**
 * PO string escapes: only those every PO reader decodes alike. Checked on
 * gettext 0.21 (msgfmt → .mo → Python's GNUTranslations, and msgunfmt), babel
 * 2.10.3 (`babel.messages.pofile.unescape`: the regex `\\([\\trn"])`) and
 * translate-toolkit 3.8.4 (`translate.storage.pypo.unescape`, table
 * `po_unescape_map`), each reading a PO of every candidate
 * (test/targets/gettext.test.ts shows the table):
 *
 * | written | gettext | babel | translate-toolkit |
 * |---|---|---|---|
 * | `\\` `\"` `\n` `\t` | decoded | decoded | decoded |
 * | `\r` | decoded, but msgcat and msgmerge warn at every one ("should not contain the '\r' escape sequence") | decoded | decoded |
 * | `\a` `\b` `\f` `\v`, octal `\007`, hex `\x07` | decoded | kept as backslash text | kept as backslash text |
 * | a raw control byte | read, but msgcat/msgmerge rewrite BEL BS VT FF CR as `\a \b \v \f \r`, and EOT (U+0004, the msgctxt separator) is fatal | read | read |
 *
 * So only `\\ \" \n \t` are written; every other C0 control and DEL cannot
 * be written in a PO that all three read alike: poUnrepresentable finds it,
 * and the gettext target reports it (`gettext/unrepresentable`) before
 * escaping. Never `\xHH`, which is also greedy. C1 controls (U+0080–U+009F)
 * are UTF-8 text like any other character: written as they are.
 */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t' };

/** The characters PO cannot carry so that every reader reads them alike: C0 controls but tab and line feed, and DEL. */
const UNREPRESENTABLE = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The first character of a text that PO cannot carry (see ESCAPES), or undefined. */
export function poUnrepresentable(text: string): string | undefined {
  return UNREPRESENTABLE.exec(text)?.[0];
}

/** One code point as PO text: ESCAPES, else itself; a control character without an escape is a caller's error (check poUnrepresentable first). */
function escapedPiece(ch: string): string {
  const escaped = ESCAPES[ch];
  if (escaped !== undefined) return escaped;
  if (UNREPRESENTABLE.test(ch))
    throw new Error(`PO cannot carry ${codePointName(ch)}: check texts with poUnrepresentable before writing them`);
  return ch;
}

/** The escaped string as unbreakable pieces: one escape sequence or one code point each. */
function escapedPieces(text: string): string[] {
  return [...text].map(escapedPiece);
}

/** Column limit of msgcat's default layout. */
const WIDTH = 79;

/**
 * A keyword and its string, as PO lines: one line when it fits, else `""`
 * followed by continuation lines broken after each `\n` and after the last
 * space that keeps a line within WIDTH, never inside an escape or a code point.
 *
 * This is the plain version, piece by piece: the specification poField is
 * held to (test/targets/escape-equivalence.test.ts). Its wrap joins the rest
 * of a line on every break (quadratic in the line's length); the generator
 * does not call it.
 */
export function poFieldByPieces(keyword: string, text: string): string {
  const lines: string[][] = [[]];
  for (const piece of escapedPieces(text)) {
    lines[lines.length - 1].push(piece);
    if (piece === '\\n') lines.push([]);
  }
  if (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  const single = lines.length === 1 ? lines[0].join('') : undefined;
  if (single !== undefined && keyword.length + single.length + 3 <= WIDTH) return `${keyword} "${single}"`;
  return [`${keyword} ""`, ...lines.flatMap(wrap).map((l) => `"${l}"`)].join('\n');
}

function wrap(pieces: string[]): string[] {
  const out: string[] = [];
  let rest = pieces;
  while (rest.join('').length > WIDTH - 2) {
    let width = 0;
    let cut = 0;
    let lastSpace = -1;
    while (cut < rest.length && width + rest[cut].length <= WIDTH - 2) {
      if (rest[cut] === ' ') lastSpace = cut;
      width += rest[cut++].length;
    }
    const at = lastSpace > 0 ? lastSpace + 1 : Math.max(cut, 1);
    out.push(rest.slice(0, at).join(''));
    rest = rest.slice(at);
  }
  return [...out, rest.join('')];
}

// ---- fast path: the same escapes and breaks, on whole strings ----

/** Every character escapedPiece changes (checked against it for every BMP code point by the equivalence test). */
const ESCAPED = /[\u0000-\u001f\u007f\\"]/g;
const escapedChars = new Map<string, string>();

/** The text escaped: what escapedPieces gives, joined. */
function escapePo(text: string): string {
  return text.replace(ESCAPED, (ch) => {
    let out = escapedChars.get(ch);
    if (out === undefined) escapedChars.set(ch, (out = escapedPiece(ch)));
    return out;
  });
}

/**
 * The length of the piece that starts at `i` of an escaped string. A
 * backslash there always starts an escape (a literal one is itself escaped)
 * of two characters; a surrogate pair is one code point; anything else is
 * one character.
 */
function pieceLength(escaped: string, i: number): number {
  const code = escaped.charCodeAt(i);
  if (code === 0x5c) return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = escaped.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return 1;
}

/** wrap on an escaped line, with a running width: each piece is looked at once per break. */
function wrapEscaped(line: string, out: string[]): void {
  const limit = WIDTH - 2;
  let start = 0;
  while (line.length - start > limit) {
    let width = 0;
    let end = start;
    let pieces = 0;
    let afterSpace = -1; // where a break after the last fitting space (not the first piece) would be
    while (end < line.length) {
      const length = pieceLength(line, end);
      if (width + length > limit) break;
      if (pieces > 0 && line.charCodeAt(end) === 0x20) afterSpace = end + 1;
      width += length;
      end += length;
      pieces++;
    }
    const at = afterSpace > 0 ? afterSpace : pieces > 0 ? end : start + pieceLength(line, start);
    out.push(`"${line.slice(start, at)}"`);
    start = at;
  }
  out.push(`"${line.slice(start)}"`);
}

/**
 * A keyword and its string, as PO lines: one line when it fits, else `""`
 * followed by continuation lines broken after each `\n` and after the last
 * space that keeps a line within WIDTH, never inside an escape or a code point.
 * Same result as poFieldByPieces, in time linear in the text.
 */
export function poField(keyword: string, text: string): string {
  return `${keyword} ${poStringLines(keyword, text).join('\n')}`;
}

/**
 * The string of a field as the quoted lines poField writes after `keyword `:
 * one (`"text"`) when it fits, else `""` and the continuation lines. Escaped
 * and wrapped: what a template prints as `keyword {{#each lines}}{{this}}\n{{/each}}`.
 * The keyword only counts for its length (the first line's width).
 */
export function poStringLines(keyword: string, text: string): string[] {
  const newline = text.indexOf('\n');
  const oneLine = newline === -1 || newline === text.length - 1;
  if (oneLine) {
    const single = escapePo(text);
    if (keyword.length + single.length + 3 <= WIDTH) return [`"${single}"`];
  }
  const out = ['""'];
  if (text === '') out.push('""');
  // A line ends after each newline; nothing follows a final one.
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next + 1;
    wrapEscaped(escapePo(text.slice(start, end)), out);
    start = end;
  }
  return out;
}

/** The lines of a comment's text, split at every line break (CR LF, CR, LF, U+2028, U+2029): what follows `#.` or `#` on each line. */
export function poCommentLines(text: string): string[] {
  return LINE_BREAK.test(text) ? text.split(/\r\n|[\r\n\u2028\u2029]/) : [text];
}

/** Comment lines with a prefix (`#.`, `#`), one per line of the text. */
export function poComment(prefix: string, text: string): string[] {
  return poCommentLines(text).map((line) => (line ? `${prefix} ${line}` : prefix));
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** A `#:` reference; a file name with whitespace goes between U+2068 and U+2069, as gettext 0.20+ reads it. */
export function poReference(file: string, line: number): string {
  let prefix = referencePrefixes.get(file);
  if (prefix === undefined) referencePrefixes.set(file, (prefix = `${/\s/.test(file) ? `\u2068${file}\u2069` : file}:`));
  return prefix + line;
}

/** `<file>:` by file: a catalog has a few files and PO files hundreds of thousands of references. */
const referencePrefixes = new Map<string, string>();

const BRACE = /[{}]/;

/**
 * ICU parts as PO text. With `brace` (python-brace-format) arguments become
 * `{name}`, `#` becomes `{<plural argument>}` and literal braces double;
 * without it the text is literal. Styled numbers and dates have no
 * python-brace equivalent.
 */
export function poMessageText(elements: readonly MessageFormatElement[], brace: boolean, pluralArg?: string): Converted<string> {
  let out = '';
  for (const el of elements) {
    if (el.type === TYPE.literal) out += brace && BRACE.test(el.value) ? el.value.replace(/[{}]/g, '$&$&') : el.value;
    else if (el.type === TYPE.argument) out += `{${el.value}}`;
    else if (el.type === TYPE.pound && pluralArg) out += `{${pluralArg}}`;
    else if ((el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) && !el.style) out += `{${el.value}}`;
    else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      return cannot(`python-brace-format has no equivalent of the style of {${el.value}}`);
    else return cannot('PO text has no equivalent of this ICU element');
  }
  return converted(out);
}

/** poMessageText in the shape import/po reads (the text, or `{ problem }`). */
export function poText(elements: readonly MessageFormatElement[], brace: boolean, pluralArg?: string): string | { problem: string } {
  return orProblem(poMessageText(elements, brace, pluralArg));
}
