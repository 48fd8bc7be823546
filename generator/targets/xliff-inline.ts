/**
 * XLIFF inline content (formats.md §1, §4.8): ICU parts as text and
 * placeholders. 2.0: `<ph id equiv disp/>`, the characters XML 1.0 cannot
 * carry as `<cp/>`. 1.2: `<ph id>{name}</ph>`, and no way at all to carry
 * those characters (1.2 has no `<cp>`): a problem.
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

/** The first character of `text` XML cannot carry (as `U+XXXX`), if any: XLIFF 1.2 has no `<cp>` for it. */
export function notXmlChar(text: string): string | undefined {
  const found = new RegExp(NOT_XML.source).exec(text);
  return found ? `U+${hex(found[0])}` : undefined;
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
 * ICU parts as inline XML. Each argument is a placeholder whose ICU spelling
 * (`{user}`, `{limit, number}`, `#`) lets the import rebuild the message:
 * 2.0 `<ph id equiv disp/>` with the spelling in `equiv`; 1.2
 * `<ph id>{user}</ph>` with the spelling as the content, the native code
 * 1.2's `<ph>` holds, so readers that flatten inline markup to text
 * (translate-toolkit's `unit.source`, Xcode) still show the argument where
 * `<x/>` would show nothing. `id` is the argument's position in the
 * registry's params (its second use in one text `<pos>-2`…), so source and
 * target agree whatever order a translation uses. Literal text is plain, ICU
 * quoting undone.
 */
export function inlineOf(elements: readonly MessageFormatElement[], positions: ReadonlyMap<string, number>, pluralArg?: string, version: '1.2' | '2.0' = '2.0'): Inline | { problem: string } {
  const uses = new Map<string, number>();
  let xml = '';
  let plain = '';
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      if (version === '1.2') {
        const bad = notXmlChar(el.value);
        if (bad) return { problem: `XLIFF 1.2 cannot carry ${bad} (XML 1.0 has no such character, and 1.2 no <cp>)` };
        xml += xmlText(el.value);
      } else xml += inlineText(el.value);
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
    xml += version === '1.2' ? `<ph id="${xmlAttr(id)}">${xmlText(equiv)}</ph>` : `<ph id="${xmlAttr(id)}" equiv="${xmlAttr(equiv)}" disp="${xmlAttr(`{${name}}`)}"/>`;
    plain += 'x';
  }
  return { xml, preserve: /^\s|\s$|\s\s|[\t\n\r]/.test(plain) };
}
