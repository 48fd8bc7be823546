/**
 * generator/emit/xml-escape.ts, the one XML escaping module: a table per
 * rule (character data, attributes, the characters XML cannot carry,
 * comments with each platform's options), then the proof that folding the
 * copies the targets had kept each one's output: every BMP code unit against
 * the three not-XML classes they wrote, and random texts against their four
 * comment escapers (where they agreed; where they did not, the table says
 * which reading won).
 */
import { describe, expect, it } from 'vitest';
import {
  commentDashes,
  firstLoneSurrogate,
  firstNotXml,
  XML_COMMENT,
  xliffCodePoint,
  xmlAttr,
  xmlComment,
  xmlText,
} from '../../generator/emit/xml-escape.js';
import { codePointName } from '../../generator/emit/naming.js';
import { xmlAttr as helperAttr, xmlText as helperText } from '../../generator/emit/escape.js';
import { androidComment } from '../../generator/targets/android-escape.js';
import { xmlComment as appleComment, xmlText as appleText } from '../../generator/targets/apple-format.js';
import { commentText, inlineText, noteText, notXmlChar } from '../../generator/targets/xliff-inline.js';
import { displayText, htmlComment, UNWRITABLE } from '../../generator/review/html-escape.js';

describe('xmlText: character data (§2.4)', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [']]>', ']]&gt;'],
    ['a\rb', 'a&#13;b'],
    ['a\r\nb', 'a&#13;\nb'],
    ['tab\tand\nline', 'tab\tand\nline'],
    ['"quotes\' stay', '"quotes\' stay'],
    ['&amp;', '&amp;amp;'],
    ['bell\u0007 stays without notXml', 'bell\u0007 stays without notXml'],
  ])('%j → %j', (text, expected) => {
    expect(xmlText(text)).toBe(expected);
    expect(helperText(text)).toBe(expected);
    expect(appleText(text)).toBe(expected);
  });

  it.each([
    ['a\u0007b', 'a<cp hex="0007"/>b', 'aU+0007b'],
    ['\u0000', '<cp hex="0000"/>', 'U+0000'],
    ['x\uFFFEy', 'x<cp hex="FFFE"/>y', 'xU+FFFEy'],
    ['lone \uD800 high', 'lone <cp hex="D800"/> high', 'lone U+D800 high'],
    ['lone \uDC00 low', 'lone <cp hex="DC00"/> low', 'lone U+DC00 low'],
    ['pair 😀 kept', 'pair 😀 kept', 'pair 😀 kept'],
    ['<\u0001&', '&lt;<cp hex="0001"/>&amp;', '&lt;U+0001&amp;'],
  ])('with notXml, %j → XLIFF inline %j, note %j', (text, inline, note) => {
    expect(xmlText(text, { notXml: xliffCodePoint })).toBe(inline);
    expect(inlineText(text)).toBe(inline);
    expect(xmlText(text, { notXml: codePointName })).toBe(note);
    expect(noteText(text)).toBe(note);
  });
});

describe('xmlAttr: attribute values (§3.3.3)', () => {
  it.each([
    ['{user}', '{user}'],
    ['a "b"', 'a &quot;b&quot;'],
    ['t\tn\nr\r', 't&#9;n&#10;r&#13;'],
    ['<&>', '&lt;&amp;&gt;'],
    ["it's", "it's"],
  ])('%j → %j', (text, expected) => {
    expect(xmlAttr(text)).toBe(expected);
    expect(helperAttr(text)).toBe(expected);
  });
});

describe('the characters XML 1.0 cannot carry (§2.2 Char)', () => {
  it.each([
    ['clean text\t\n\r', undefined, undefined],
    ['a\u0008b', '\u0008', undefined],
    ['\u000B', '\u000B', undefined],
    ['\u001F', '\u001F', undefined],
    ['\u007F and \u0085 are Chars', undefined, undefined],
    ['\uFFFF', '\uFFFF', undefined],
    ['\uD83D\uDE00', undefined, undefined],
    ['x\uDE00', '\uDE00', '\uDE00'],
    ['\u0001 then \uD800', '\u0001', '\uD800'],
  ])('%j: first not XML %j, first lone surrogate %j', (text, notXml, lone) => {
    expect(firstNotXml(text)).toBe(notXml);
    expect(firstLoneSurrogate(text)).toBe(lone);
    expect(notXmlChar(text)).toBe(notXml === undefined ? undefined : codePointName(notXml));
  });

  it('is the class apple-format.ts, xliff-inline.ts and android-escape.ts each wrote, for every BMP code unit and every surrogate pairing', () => {
    const apple =
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const xliff =
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const android =
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const texts = [
      ...Array.from({ length: 0x10000 }, (_, code) => `a${String.fromCharCode(code)}b`),
      '\uD83D\uDE00',
      '\uDE00\uD83D',
      '\uD83D\uD83D\uDE00',
    ];
    for (const text of texts) {
      const found = firstNotXml(text);
      for (const old of [apple, xliff, android]) expect(found, JSON.stringify(text)).toBe(old.exec(text)?.[0]);
    }
  });
});

describe('comments (§2.5): the dash rule, then each platform’s options', () => {
  it.each([
    ['a-b', 'a-b'],
    ['a--b', 'a- -b'],
    ['a---b', 'a- - -b'],
    ['trailing-', 'trailing- '],
    ['--', '- - '],
    ['-', '- '],
    ['<!-- x -->', '<!- - x - ->'],
  ])('commentDashes %j → %j', (text, expected) => {
    expect(commentDashes(text)).toBe(expected);
  });

  it.each([
    // text, android, apple, xliff
    ['from a--b.json -', 'from a- -b.json - ', 'from a- -b.json - ', 'from a- -b.json - '],
    ['a--b\u0001-', 'a- -b\uFFFD- ', 'a- -bU+0001- ', 'a- -bU+0001- '],
    ['two\nlines\r\nhere', 'two lines here', 'two lines here', 'two\nlines\r\nhere'],
    ['sep\u2028x', 'sep x', 'sep x', 'sep\u2028x'],
    ['ends with */', 'ends with *\\/', 'ends with */', 'ends with */'],
    ['lone \uD800', 'lone \uFFFD', 'lone U+D800', 'lone U+D800'],
    ['a---b', 'a- - -b', 'a- - -b', 'a- - -b'],
  ])('%j → android %j, apple %j, xliff %j', (text, android, apple, xliff) => {
    expect(xmlComment(text, XML_COMMENT.android).replace(/\*\//g, '*\\/')).toBe(android);
    expect(androidComment(text)).toBe(android);
    expect(xmlComment(text, XML_COMMENT.apple)).toBe(apple);
    expect(appleComment(text)).toBe(apple);
    expect(xmlComment(text, XML_COMMENT.xliff)).toBe(xliff);
    expect(commentText(text)).toBe(xliff);
  });

  /** What each target wrote before the fold (android-escape.ts, apple-format.ts, xliff-inline.ts, review/html-escape.ts). */
  const before = {
    android: (text: string) =>
      text
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
        .replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          '\uFFFD',
        )
        .replace(/-(?=-|$)/g, '- ')
        .replace(/\*\//g, '*\\/'),
    apple: (text: string) =>
      text
        .replace(/--/g, '- -')
        .replace(/-$/, '- ')
        .replace(/[\r\n]+/g, ' '),
    xliff: (text: string) =>
      text
        .replace(
          /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          (ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        )
        .replace(/--/g, '- -')
        .replace(/-$/, '- '),
  };
  const ALPHABET = ['a', ' ', '-', '-', '-', '*', '/', '\n', '\r', '\u0001', '\uD800', '\uDC00', '<', '!', '>', '😀'];
  const random = (seed: number) => {
    let x = seed;
    const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
    return Array.from({ length: next() % 12 }, () => ALPHABET[next() % ALPHABET.length]).join('');
  };
  const texts = Array.from({ length: 5000 }, (_, i) => random(i + 1));

  it('android: the same output as before on every text', () => {
    for (const text of texts) expect(androidComment(text), JSON.stringify(text)).toBe(before.android(text));
  });

  it('apple and xliff: the same output as before wherever no three dashes meet (there the old `--` rule left a `--`), apple also wherever no line breaks meet and the text is XML (it wrote those raw)', () => {
    for (const text of texts) {
      const dashes = /---/.test(text);
      if (!dashes && !/[\r\n]{2}/.test(text) && firstNotXml(text) === undefined)
        expect(appleComment(text), JSON.stringify(text)).toBe(before.apple(text));
      if (!dashes) expect(commentText(text), JSON.stringify(text)).toBe(before.xliff(text));
      for (const out of [appleComment(text), commentText(text)])
        expect(out.includes('--') || out.endsWith('-'), JSON.stringify(out)).toBe(false);
    }
  });

  it('review: htmlComment keeps its output with the shared dash rule, and UNWRITABLE its class with the shared lone surrogates', () => {
    const oldHtml = (value: string) =>
      displayText(value)
        .replace(/-(?=-)/g, '- ')
        .replace(/<!/g, '< !')
        .replace(/^[>-]/, ' $&')
        .replace(/-$/, '- ');
    for (const text of texts) expect(htmlComment(text), JSON.stringify(text)).toBe(oldHtml(text));
    expect(UNWRITABLE.source).toBe(
      /[\0-\x08\x0B-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
        .source,
    );
    expect(UNWRITABLE.flags).toBe('g');
  });
});
