/**
 * XLIFF 2.0 inline content (formats.md §1, §4.8): ICU parts as text and
 * `<ph/>` placeholders, with the characters XML 1.0 cannot carry as `<cp/>`.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { xmlAttr, xmlText } from '../emit/escape.js';

/** Not an XML 1.0 `Char`, not even as a reference: C0 but TAB/LF/CR, U+FFFE, U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex = (ch: string) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * Text inside `<source>`/`<target>`: `&` `<` `>` escaped; CR as `&#13;`
 * (XML parsers turn a raw CR LF into LF); non-XML characters as
 * `<cp hex="…"/>` (XLIFF 2.0 §4.3.1.1 "cp").
 */
export function inlineText(text: string): string {
  return xmlText(text).replace(/\r/g, '&#13;').replace(NOT_XML, (ch) => `<cp hex="${hex(ch)}"/>`);
}

/** Text of a `<note>` or comment, which has no `<cp/>`: non-XML characters are shown as `U+XXXX`. */
export function noteText(text: string): string {
  return xmlText(text).replace(/\r/g, '&#13;').replace(NOT_XML, (ch) => `U+${hex(ch)}`);
}

/** Text of an XML comment: no `--`, no trailing `-`, no non-XML characters. */
export function commentText(text: string): string {
  return text.replace(NOT_XML, (ch) => `U+${hex(ch)}`).replace(/--/g, '- -').replace(/-$/, '- ');
}

export interface Inline {
  xml: string;
  /** Leading, trailing or doubled whitespace, TAB, LF or CR: needs `xml:space="preserve"`. */
  preserve: boolean;
}

/**
 * ICU parts as inline XML. Each argument is `<ph id equiv disp/>`: `equiv`
 * is its ICU spelling (`{user}`, `{limit, number}`, `#`), so the import can
 * rebuild the message; `id` is the argument's position in the registry's
 * params (its second use in one text `<pos>-2`…), so source and target agree
 * whatever order a translation uses. Literal text is plain, ICU quoting undone.
 */
export function inlineOf(elements: readonly MessageFormatElement[], positions: ReadonlyMap<string, number>, pluralArg?: string): Inline | { problem: string } {
  const uses = new Map<string, number>();
  let xml = '';
  let plain = '';
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      xml += inlineText(el.value);
      plain += el.value;
      continue;
    }
    const name = el.type === TYPE.pound ? pluralArg : el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time ? el.value : undefined;
    if (name === undefined) return { problem: 'XLIFF inline content has no equivalent of this ICU element' };
    const use = (uses.get(name) ?? 0) + 1;
    uses.set(name, use);
    const id = `${positions.get(name) ?? name}${use > 1 ? `-${use}` : ''}`;
    const equiv = el.type === TYPE.pound ? '#' : printAST([el]);
    if (new RegExp(NOT_XML.source).test(equiv + name)) return { problem: `the argument ${JSON.stringify(equiv)} holds a character XML cannot carry in an attribute` };
    xml += `<ph id="${xmlAttr(id)}" equiv="${xmlAttr(equiv)}" disp="${xmlAttr(`{${name}}`)}"/>`;
    plain += 'x';
  }
  return { xml, preserve: /^\s|\s$|\s\s|[\t\n\r]/.test(plain) };
}
