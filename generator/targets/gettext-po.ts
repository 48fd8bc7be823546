/**
 * PO syntax (formats.md §1 and §4.6): string escaping, `""` continuation
 * lines, comments, and ICU → python-brace-format text. Templates receive the
 * finished lines; nothing here knows about the catalog.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** PO string escapes (gettext manual, "PO Files"; formats.md §1): these five by name, other C0 and DEL as 3-digit octal, never `\xHH`, which is greedy. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** The escaped string as unbreakable pieces: one escape sequence or one code point each. */
function escapedPieces(text: string): string[] {
  return [...text].map((ch) => ESCAPES[ch] ?? (/[\u0000-\u001f\u007f]/.test(ch) ? `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}` : ch));
}

/** Column limit of msgcat's default layout. */
const WIDTH = 79;

/**
 * A keyword and its string, as PO lines: one line when it fits, else `""`
 * followed by continuation lines broken after each `\n` and after the last
 * space that keeps a line within WIDTH, never inside an escape or a code point.
 */
export function poField(keyword: string, text: string): string {
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

/** Comment lines with a prefix (`#.`, `#`), one per line of the text. */
export function poComment(prefix: string, text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => (line ? `${prefix} ${line}` : prefix));
}

/** A `#:` reference; a file name with whitespace goes between U+2068 and U+2069, as gettext 0.20+ reads it. */
export function poReference(file: string, line: number): string {
  return `${/\s/.test(file) ? `\u2068${file}\u2069` : file}:${line}`;
}

/**
 * ICU parts as PO text. With `brace` (python-brace-format) arguments become
 * `{name}`, `#` becomes `{<plural argument>}` and literal braces double;
 * without it the text is literal. Styled numbers and dates have no
 * python-brace equivalent.
 */
export function poText(elements: readonly MessageFormatElement[], brace: boolean, pluralArg?: string): string | { problem: string } {
  let out = '';
  for (const el of elements) {
    if (el.type === TYPE.literal) out += brace ? el.value.replace(/[{}]/g, '$&$&') : el.value;
    else if (el.type === TYPE.argument) out += `{${el.value}}`;
    else if (el.type === TYPE.pound && pluralArg) out += `{${pluralArg}}`;
    else if ((el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) && !el.style) out += `{${el.value}}`;
    else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) return { problem: `python-brace-format has no equivalent of the style of {${el.value}}` };
    else return { problem: 'PO text has no equivalent of this ICU element' };
  }
  return out;
}
