/**
 * XML 1.0 escaping, once for every file codebook writes as XML (Android
 * `strings.xml`, Apple `.stringsdict`, XLIFF 2.0 and 1.2) and for the
 * templates' `xmlText`/`xmlAttr` helpers. What differs between platforms is
 * an option, named per platform below (XML_COMMENT, and the `notXml`
 * replacement of xmlText); aapt2's own rules (its `\uXXXX`, `\'`, `%%`…)
 * stay in targets/android-escape.ts, which uses XML_TEXT_ESCAPES for the
 * XML part. test/emit/xml-escape.test.ts holds the table.
 *
 * - Character data (§2.4): `&` and `<` start markup, `>` is escaped too (for
 *   `]]>`), and CR is `&#13;` since a parser turns a raw CR (and CR LF) into LF.
 * - Attribute values (§3.3.3): the same, plus `"`, and TAB and LF as
 *   references so that attribute-value normalisation keeps them.
 * - Characters XML 1.0 cannot carry at all, not even as a reference (§2.2
 *   Char): C0 controls but TAB, LF and CR; U+FFFE and U+FFFF; a lone
 *   surrogate (it has no UTF-8 form). Each platform says what becomes of one:
 *   XLIFF 2.0 text has `<cp hex/>`, notes and comments show its name, Android
 *   comments a U+FFFD; elsewhere it is the caller's "cannot be written".
 * - Comments (§2.5): no `--` inside and no `-` at the end: a space follows
 *   every `-` that another `-` or the end follows (`a---b-` → `a- - -b- `).
 */
import { codePointName } from './naming.js';

/** A high surrogate without its low one, or a low one without its high one. */
export const LONE_SURROGATE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** Not an XML 1.0 Char, not even as a character reference. */
export const NOT_XML_SOURCE = `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|${LONE_SURROGATE_SOURCE}`;

const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);
const NOT_XML = new RegExp(NOT_XML_SOURCE);
const NOT_XML_ALL = new RegExp(NOT_XML_SOURCE, 'g');

/** The first character of `text` XML 1.0 cannot carry, if any. */
export function firstNotXml(text: string): string | undefined {
  return NOT_XML.exec(text)?.[0];
}

/** The first lone surrogate of `text` (no UTF-8 file can carry one), if any. */
export function firstLoneSurrogate(text: string): string | undefined {
  return LONE_SURROGATE.exec(text)?.[0];
}

/** How character data writes the characters it escapes. */
export const XML_TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const TEXT_SPECIAL = /[&<>\r]/g;

export interface XmlTextOptions {
  /** What a character XML cannot carry becomes; without it, such a character is written as it is (the caller has refused it). */
  notXml?: (ch: string) => string;
}

/** XML character data: `&`, `<`, `>` and CR escaped; with `notXml`, the characters XML cannot carry replaced. */
export function xmlText(value: string, options?: XmlTextOptions): string {
  const escaped = value.replace(TEXT_SPECIAL, (ch) => XML_TEXT_ESCAPES[ch]);
  return options?.notXml ? escaped.replace(NOT_XML_ALL, options.notXml) : escaped;
}

/** An XML attribute value in double quotes; TAB and LF as references so attribute normalisation keeps them. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** XLIFF 2.0 §4.3.1.1: a character XML cannot carry, as `<cp hex="…"/>` (hex of the UTF-16 unit, so a lone surrogate too). */
export const xliffCodePoint = (ch: string): string => `<cp hex="${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`;

/** The comment rule of XML (and HTML): a space after every `-` that another `-` or the end of the text follows. */
export function commentDashes(text: string): string {
  return text.replace(/-(?=-|$)/g, '- ');
}

export interface XmlCommentOptions {
  /** Line breaks (CR LF, CR, LF, U+2028, U+2029) become one space each: for a comment written on one line. */
  oneLine?: boolean;
  /** What a character XML cannot carry becomes (default: its name, `U+0007`). */
  notXml?: (ch: string) => string;
}

/** The comment options of each platform that writes XML comments. */
export const XML_COMMENT = {
  /** strings.xml: one line (resource comments sit above their resource); U+FFFD for what XML cannot carry. android-escape.ts adds aapt2's `*\/`. */
  android: { oneLine: true, notXml: () => '\uFFFD' },
  /** .stringsdict: the header on one line. */
  apple: { oneLine: true },
  /** XLIFF: the header as it is (a comment may span lines). */
  xliff: {},
} as const satisfies Record<string, XmlCommentOptions>;

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** Text safe inside `<!-- … -->`: no `--`, no trailing `-`, no character XML cannot carry. */
export function xmlComment(text: string, options: XmlCommentOptions = {}): string {
  const line = options.oneLine ? text.replace(LINE_BREAK, ' ') : text;
  return commentDashes(line.replace(NOT_XML_ALL, options.notXml ?? codePointName));
}
