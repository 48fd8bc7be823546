/**
 * HTML escaping for the review page. The renderer never HTML-escapes
 * (handlebars runs with noEscape), so the page context holds only strings
 * that are HTML already: text goes through `htmlText`, attribute values
 * through `htmlAttr`, the header through `htmlComment`.
 *
 * Characters HTML cannot carry are shown, never written raw: C0 controls
 * other than TAB and LF (so CR and FF too), DEL and C1 controls,
 * noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and lone surrogates. vnu
 * rejects them even as character references (HTML § 13.2.5.80), and a raw CR
 * would come back as LF. Each is written as the text `\uXXXX` (uppercase hex;
 * `\u{XXXXX}` above U+FFFF); in element text it is wrapped in
 * `<span class="ctl">` so the page can tell it apart from a literal
 * backslash-u. The text content of an element therefore reads `\u0007` where
 * the catalog has BEL.
 *
 * The lone surrogates and the comment's dash rule are XML's
 * (emit/xml-escape.ts); the rest is HTML's own: it escapes quotes too, and
 * shows as `\uXXXX` the controls XML would write as references.
 */
import { commentDashes, LONE_SURROGATE_SOURCE } from '../emit/xml-escape.js';

/** Every character the review page shows as `\uXXXX` instead of writing it. */
export const UNWRITABLE = new RegExp(
  `[\\0-\\x08\\x0B-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]|${LONE_SURROGATE_SOURCE}`,
  'g',
);

/** How the page shows one unwritable character: `\u0007`, `\u{1FFFE}`. */
export function visibleEscape(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** The text a reader sees for a value: unwritable characters as `\uXXXX`, everything else unchanged. */
export function displayText(value: string): string {
  return value.replace(UNWRITABLE, visibleEscape);
}

/** Anything either escaper might change (surrogates included, so emoji take the slow path); most text has none. */
const MAYBE = /[&<>"'\0-\x08\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

function entities(value: string): string {
  return value.replace(SPECIAL, (ch) => ENTITIES[ch]);
}

/** Element text: `& < > " '` as references, unwritable characters as a visible `<span class="ctl">\uXXXX</span>`. */
export function htmlText(value: string): string {
  if (!MAYBE.test(value)) return value;
  let out = '';
  let last = 0;
  for (const match of value.matchAll(UNWRITABLE)) {
    out += entities(value.slice(last, match.index)) + `<span class="ctl" title="control character">${visibleEscape(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  return out + entities(value.slice(last));
}

/** A double-quoted attribute value (without the quotes): references for `& < > " '`, unwritable characters as `\uXXXX` text. */
export function htmlAttr(value: string): string {
  return MAYBE.test(value) ? entities(displayText(value)) : value;
}

/** Text safe inside `<!-- … -->`: no `--`, no `<!`, no `>` right after the opening, unwritable characters shown. */
export function htmlComment(value: string): string {
  return commentDashes(displayText(value).replace(/<!/g, '< !')).replace(/^[>-]/, ' $&');
}
