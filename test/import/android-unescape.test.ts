/**
 * The Android import reads resource text as aapt2 does (import/android/
 * unescape.ts), the inverse of targets/android-escape.ts: every text the
 * target escapes reads back as exactly that text (a table of the hazards,
 * then random strings), through the XML reader the import uses; and text the
 * target never writes (raw whitespace, quoted runs, other escapes) reads as
 * aapt2 reads it, its problems located at their character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatParts, readStringsXml, resourceText } from '../../generator/import/android/index.js';
import { androidText, type Piece } from '../../generator/targets/android-escape.js';

/** The resource string aapt2 reads from the `<string>` holding `xml` (its content as written), with the offsets into `xml`. */
function read(xml: string) {
  const head = '<resources>\n<string name="x">';
  const parsed = readStringsXml(`${head}${xml}</string>\n</resources>\n`);
  if (!parsed.ok) throw new Error(parsed.message);
  const rt = resourceText(parsed.doc.resources[0]!.value!.pieces);
  return {
    ...rt,
    offsets: rt.offsets.map((o) => o - head.length),
    problems: rt.problems.map((p) => ({ ...p, offset: p.offset - head.length })),
  };
}

/** What the target writes for the pieces, read back: the runtime string, and for a formatted one its parts. */
function roundTrip(pieces: Piece[], formatted: boolean) {
  const escaped = androidText(pieces, formatted);
  if (!('value' in escaped)) throw new Error(`unrepresentable ${escaped.unrepresentable}`);
  const rt = read(escaped.value);
  expect(rt.problems, escaped.value).toEqual([]);
  if (!formatted) return rt.text;
  const { parts, problems } = formatParts(rt);
  expect(problems, escaped.value).toEqual([]);
  return parts.map((p) => (p.kind === 'text' ? p.text : `{${p.position}}`)).join('');
}

const TABLE: [string, string][] = [
  ['plain text', 'Hello, world.'],
  ['quotes, ampersand, markup, percent', `It's "quoted" & <b>bold</b>, 100% sure.`],
  ['leading @', '@home is not a reference.'],
  ['leading ?', '?attr is not an attribute.'],
  ['@ and ? elsewhere', 'mail me @ home? yes'],
  ['edge and double spaces, tab, newline', '  two  spaces, a\ttab and a\nnewline '],
  ['only spaces', '   '],
  ['one space', ' '],
  ['backslashes', 'Path C:\\temp\\new isn\'t \\"quoted\\".'],
  ['comment-like and printf-like', '# is not a comment, ! is not a key, %s and 50% are not placeholders.'],
  ['terminators and separators', 'Ends ]]> and */ early; line\u2028separator\u2029; -- -->'],
  ['combining mark and RTL', 'cafe\u0301; \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.'],
  ['emoji and CJK', 'Party 🎉 — 日本語'],
  ['no-break and other spaces', 'a\u00a0b\u2003c\u3000d\u202fe\u1680f'],
  ['C0, DEL, C1, BOM, noncharacters', 'a\u0001b\u001fc\u007fd\u0085e\ufeff\ufffe\uffff'],
  ['carriage returns', 'a\rb\r\nc'],
  ['braces', "{not} '{an}' argument"],
  ['a lone backslash at the end', 'ends with \\'],
  ['\\u-like text', '\\u0020 is six characters'],
];

describe('aapt2 reading of what the android target writes', () => {
  it.each(TABLE)('%s reads back unchanged, unformatted and formatted', (_, text) => {
    expect(roundTrip([{ text }], false)).toBe(text);
    expect(roundTrip([{ text }], true)).toBe(text);
  });

  it('placeholders come back by position, with the text around them', () => {
    const pieces: Piece[] = [{ text: ' 50% of ' }, { placeholder: '%2$s' }, { text: '  ' }, { placeholder: '%1$s' }, { text: "'s " }];
    expect(roundTrip(pieces, true)).toBe(" 50% of {2}  {1}'s ");
  });

  it('random strings over the hazard alphabet read back unchanged', () => {
    const alphabet = [...' \t\n\r\'"\\@?%&<>#!{}abc日🎉\u00a0\u2028\u3000\u0301\u0007\u0085'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (s, formatted) => {
        expect(roundTrip([{ text: s }], formatted)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('aapt2 reading of text the target never writes', () => {
  it('collapses raw whitespace outside quotes, trims the ends, keeps quoted runs and decodes every escape', () => {
    expect(read('  a \n\t b  ').text).toBe('a b');
    expect(read('"  a  b  "').text).toBe('  a  b  ');
    expect(read('x"  \'kept\'  "y').text).toBe("x  'kept'  y");
    expect(read('\\t\\n\\#\\@\\?\\"\\\'\\\\\\q').text).toBe('\t\n#@?"\'\\q');
    expect(read('\\u00e9\\u3042').text).toBe('é\u3042');
    // A character reference is the character to aapt2: &quot; toggles quoting like a raw ".
    expect(read('&#32;&#32;a&#x9;b &amp;&lt;&gt;&apos;&quot;').text).toBe("a b &<>'");
    expect(read('<![CDATA[<b>  x</b>]]>').text).toBe('<b> x</b>');
    expect(read('a<xliff:g id="n" example="5">%1$s</xliff:g>b').text).toBe('a%1$sb');
    expect(read('a<!-- note -->b').text).toBe('ab');
  });

  it('reports what aapt2 rejects or reads otherwise, at its character', () => {
    const at = (xml: string) => read(xml).problems.map((p) => [p.kind, p.offset, p.message]);
    expect(at("it's")).toEqual([['escape', 2, expect.stringContaining('unescaped apostrophe')]]);
    expect(at('  @string/app')).toEqual([['escape', 2, expect.stringContaining('resource reference')]]);
    expect(at('?attr')).toEqual([['escape', 0, expect.stringContaining('resource attribute')]]);
    expect(at('bad \\u12g4')).toEqual([['escape', 4, expect.stringContaining('four hex digits')]]);
    expect(at('a <b>bold</b>')).toEqual([['markup', 2, expect.stringContaining('<b> is markup')]]);
    expect(at('say "hi"')).toEqual([
      ['quote', 4, expect.stringContaining('unescaped "')],
      ['quote', 7, expect.stringContaining('unescaped "')],
    ]);
    expect(at('&nbsp;x')).toEqual([['reference', 0, expect.stringContaining('&nbsp;')]]);
  });

  it("reads a formatted string's conversions, and locates the ones codebook does not write", () => {
    const rt = read('%1$s has 100%% of %2$s');
    expect(formatParts(rt)).toEqual({
      parts: [
        { kind: 'arg', position: 1, offset: 0 },
        { kind: 'text', text: ' has 100% of ' },
        { kind: 'arg', position: 2, offset: 18 },
      ],
      problems: [],
    });
    const bad = read('%1$d and %s and 5%. and %2$.2f');
    expect(formatParts(bad).problems.map((p) => [p.offset, p.message])).toEqual([
      [0, expect.stringContaining('"%1$d"')],
      [9, expect.stringContaining('"%s"')],
      [17, expect.stringContaining('a single "%"')],
      [24, expect.stringContaining('"%2$.2f"')],
    ]);
  });
});
