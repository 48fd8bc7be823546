/**
 * XLIFF inline content (formats.md §1, §4.8): ICU parts as text and
 * placeholders. 2.0: `<ph id equiv disp/>`, the characters XML 1.0 cannot
 * carry as `<cp/>`. 1.2: `<ph id>{name}</ph>`, and no way at all to carry
 * those characters (1.2 has no `<cp>`): a problem.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { codePointName } from '../emit/naming.js';
import { argumentOf } from '../emit/plural-shape.js';
import { cannot, converted, type Converted } from '../emit/unrepresentable.js';
import { placeholderId } from '../emit/xliff-ids.js';
import { firstNotXml, XML_COMMENT, xliffCodePoint, xmlAttr, xmlComment, xmlText } from '../emit/xml-escape.js';

/**
 * Text inside `<source>`/`<target>` (emit/xml-escape.ts): `&` `<` `>` and CR
 * escaped; characters XML cannot carry as `<cp hex="…"/>` (XLIFF 2.0 §4.3.1.1 "cp").
 */
export function inlineText(text: string): string {
  return xmlText(text, { notXml: xliffCodePoint });
}

/** The first character of `text` XML cannot carry (as `U+XXXX`), if any: XLIFF 1.2 has no `<cp>` for it. */
export function notXmlChar(text: string): string | undefined {
  const found = firstNotXml(text);
  return found === undefined ? undefined : codePointName(found);
}

/** Text of a `<note>`, which has no `<cp/>`: characters XML cannot carry are shown as `U+XXXX`. */
export function noteText(text: string): string {
  return xmlText(text, { notXml: codePointName });
}

/** Text of an XML comment (emit/xml-escape.ts, XLIFF's options): no `--`, no trailing `-`, characters XML cannot carry as `U+XXXX`. */
export function commentText(text: string): string {
  return xmlComment(text, XML_COMMENT.xliff);
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
export function inlineOf(
  elements: readonly MessageFormatElement[],
  positions: ReadonlyMap<string, number>,
  pluralArg?: string,
  version: '1.2' | '2.0' = '2.0',
): Converted<Inline> {
  const uses = new Map<string, number>();
  let xml = '';
  let plain = '';
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      if (version === '1.2') {
        const bad = notXmlChar(el.value);
        if (bad) return cannot(`XLIFF 1.2 cannot carry ${bad} (XML 1.0 has no such character, and 1.2 no <cp>)`);
        xml += xmlText(el.value);
      } else xml += inlineText(el.value);
      plain += el.value;
      continue;
    }
    const name = argumentOf(el, pluralArg);
    if (name === undefined) return cannot('XLIFF inline content has no equivalent of this ICU element');
    const use = (uses.get(name) ?? 0) + 1;
    uses.set(name, use);
    const id = placeholderId(positions.get(name) ?? name, use);
    const equiv = el.type === TYPE.pound ? '#' : printAST([el]);
    if (firstNotXml(equiv + name) !== undefined)
      return cannot(`the argument ${JSON.stringify(equiv)} holds a character XML cannot carry in an attribute`);
    xml +=
      version === '1.2'
        ? `<ph id="${xmlAttr(id)}">${xmlText(equiv)}</ph>`
        : `<ph id="${xmlAttr(id)}" equiv="${xmlAttr(equiv)}" disp="${xmlAttr(`{${name}}`)}"/>`;
    plain += 'x';
  }
  return converted({ xml, preserve: /^\s|\s$|\s\s|[\t\n\r]/.test(plain) });
}
