/**
 * The PO reader (generator/import/po/read-po.ts), python-brace-format
 * fields (brace.ts) and Plural-Forms expressions (plural-expression.ts):
 * every escape gettext decodes, a line:column for every character, the
 * rewrites msgmerge and msgcat make, and located syntax errors.
 */
import { describe, expect, it } from 'vitest';
import { parseBraceFormat } from '../../generator/import/po/brace.js';
import { parsePluralForms, samePluralForms, type PluralForms } from '../../generator/import/po/plural-expression.js';
import { decodePo, looksLikePo, readPo, type PoDocument } from '../../generator/import/po/read-po.js';
import { gettextPluralLanguages, gettextPlurals } from '../../generator/targets/gettext-plural-forms.js';

function read(text: string): PoDocument {
  const result = readPo(text);
  if (!result.ok) throw new Error(`${result.at.line}:${result.at.column} ${result.message}`);
  return result.doc;
}

function error(text: string): string {
  const result = readPo(text);
  if (result.ok) throw new Error('read without error');
  return `${result.at.line}:${result.at.column} ${result.message}`;
}

const HEADER =
  'msgid ""\nmsgstr ""\n"Language: ja\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n';

describe('readPo', () => {
  it('decodes every escape gettext does: named, octal and hex (bytes, in the charset)', () => {
    const doc = read(
      `${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr "\\a\\b\\t\\n\\v\\f\\r\\"\\\\\\'\\?|\\007\\0\\1x|\\303\\251|\\xe3\\x81\\x82|\\x41\\x7"\n`,
    );
    expect(doc.entries[0].msgstr!.text).toBe('\u0007\b\t\n\u000b\f\r"\\\'?|\u0007\u0000\u0001x|é|あ|A\u0007');
  });

  it('joins continuation strings and knows where each character came from', () => {
    const text = `${HEADER}\n#. note\n#: a.json:1\n#, fuzzy, python-brace-format\nmsgctxt "7"\nmsgid "User {user}"\nmsgstr ""\n"ユーザー \\t"\n  "{user} \\303\\251"  "!"\n`;
    const doc = read(text);
    const entry = doc.entries[0];
    expect([entry.msgctxt!.text, entry.msgid.text, entry.msgstr!.text, entry.flags]).toEqual([
      '7',
      'User {user}',
      'ユーザー \t{user} é!',
      ['fuzzy', 'python-brace-format'],
    ]);
    expect([entry.at, entry.flagsAt, entry.msgstr!.at]).toEqual([
      { line: 10, column: 1 },
      { line: 9, column: 1 },
      { line: 12, column: 1 },
    ]);
    const s = entry.msgstr!;
    expect([s.position(0), s.position(5), s.position(6), s.position(13), s.position(14), s.position(s.text.length)]).toEqual([
      { line: 13, column: 2 }, // ユ
      { line: 13, column: 7 }, // \t
      { line: 14, column: 4 }, // {
      { line: 14, column: 11 }, // é: the first of its two escapes
      { line: 14, column: 23 }, // ! in the second string of the line
      { line: 14, column: 24 }, // the closing quote
    ]);
  });

  it('reads the header fields, with where each line starts', () => {
    const doc = read(HEADER);
    expect(doc.entries).toEqual([]);
    expect(Object.fromEntries([...doc.header!.fields].map(([k, v]) => [k, [v.value, `${v.at.line}:${v.at.column}`]]))).toEqual({
      Language: ['ja', '3:2'],
      'Content-Type': ['text/plain; charset=UTF-8', '4:2'],
      'Plural-Forms': ['nplurals=1; plural=0;', '5:2'],
    });
  });

  it('skips obsolete entries (#~) with the comments and flags before them, and #| previous strings', () => {
    const doc = read(
      `${HEADER}\n#, fuzzy\n#~ msgctxt "old"\n#~ msgid "Old"\n#~ msgstr "古い"\n\n#| msgctxt "b"\n#| msgid "Bee"\nmsgctxt "b"\nmsgid "B"\nmsgstr "ビー"\n#, fuzzy\nmsgctxt "c"\nmsgid "C"\nmsgstr "シー"\n`,
    );
    expect(doc.entries.map((e) => [e.msgctxt!.text, e.flags])).toEqual([
      ['b', []],
      ['c', ['fuzzy']],
    ]);
  });

  it('reads plural entries, CRLF line ends and a BOM', () => {
    const doc = read(
      `\ufeff${HEADER}\nmsgctxt "5"\nmsgid "{count} file"\nmsgid_plural "{count} files"\nmsgstr[0] "a"\nmsgstr[1] "b"\n`.replace(
        /\n/g,
        '\r\n',
      ),
    );
    const entry = doc.entries[0];
    expect([entry.msgidPlural!.text, entry.msgstrs.map((s) => s.text), entry.msgstr]).toEqual(['{count} files', ['a', 'b'], undefined]);
    expect(doc.header!.fields.get('Language')!.value).toBe('ja');
    expect(entry.msgstrs[1].position(0)).toEqual({ line: 11, column: 12 });
  });

  it("reads the bytes in the header's charset, escapes included", () => {
    const latin1 = Buffer.concat([
      Buffer.from('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgctxt "k"\nmsgid "e"\nmsgstr "caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from(' \\xe9"\n', 'latin1'),
    ]);
    const doc = read(decodePo(latin1));
    expect([doc.charset, doc.entries[0].msgstr!.text]).toEqual(['iso-8859-1', 'café é']);
  });

  it('reports what is not PO where it is', () => {
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr "\\q"\n`)).toBe(
      '9:9 \\q is not a PO escape (\\n \\t \\b \\r \\f \\v \\a \\\\ \\" \\ooo \\xHH).',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr "open\n`)).toBe('9:8 A string that is not closed on its line.');
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgtsr "x"\n`)).toBe(
      '9:1 "msgtsr" is not a PO keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[N]) or a string.',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr "\\x100"\n`)).toBe(
      '9:9 \\x100 is more than a byte (gettext reads hex escapes as bytes).',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr "\\303x"\n`)).toBe(
      "9:9 The escaped bytes \\303 are not text in the file's charset.",
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\n# late\nmsgstr "x"\n`)).toBe(
      '9:1 A comment inside an entry: comments go before its msgctxt or msgid.',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgstr[0] "x"\n`)).toBe(
      '9:1 msgstr[0] needs a msgid_plural; an entry without one has msgstr.',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\nmsgid_plural "b"\nmsgstr[1] "x"\n`)).toBe(
      '10:1 msgstr[1] where msgstr[0] was expected.',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a" x\nmsgstr ""\n`)).toBe(
      '8:11 Unexpected "x" after a string: a PO line holds a keyword and strings only.',
    );
    expect(error(`${HEADER}\nmsgctxt "k"\nmsgid "a"\n`)).toBe('7:1 The last entry has no msgstr.');
    expect(error('msgid ""\nmsgstr "Content-Type: text/plain; charset=KLINGON\\n"\n')).toBe(
      '1:1 The header names the charset "klingon", which this reader does not know.',
    );
  });

  it('tells a PO from other text by its msgid and msgstr lines', () => {
    expect(looksLikePo(HEADER)).toBe(true);
    expect(looksLikePo('# a README\n\nSay msgid "x" and msgstr "y".\n')).toBe(false);
    expect(looksLikePo('')).toBe(false);
  });
});

describe('parseBraceFormat', () => {
  it('reads fields and doubled braces as str.format does', () => {
    expect(parseBraceFormat('{{a}} {user} }}{count}')).toEqual({
      parts: [
        { kind: 'text', text: '{a} ' },
        { kind: 'field', name: 'user', index: 6 },
        { kind: 'text', text: ' }' },
        { kind: 'field', name: 'count', index: 15 },
      ],
      problems: [],
    });
  });

  it('reports a single brace and a field the export never writes, at the brace', () => {
    expect(parseBraceFormat('a {user b } {0} {x!r}').problems).toEqual([
      { message: 'the field "{user b }", which is not an argument name in braces', index: 2 },
      { message: 'the field "{0}", which is not an argument name in braces', index: 12 },
      { message: 'the field "{x!r}", which is not an argument name in braces', index: 16 },
    ]);
    expect(parseBraceFormat('a {user').problems).toEqual([
      { message: 'a "{" that no "}" closes (a literal brace is written "{{")', index: 2 },
    ]);
    expect(parseBraceFormat('a } b').problems).toEqual([{ message: 'a single "}" (a literal brace is written "}}")', index: 2 }]);
  });
});

describe('Plural-Forms expressions', () => {
  const rule = (value: string) => {
    const forms = parsePluralForms(value);
    if ('problem' in forms) throw new Error(forms.problem);
    return forms;
  };

  it('reads every rule of the gettext table', () => {
    for (const language of gettextPluralLanguages) rule(gettextPlurals(language)!.header);
    const ru = rule(gettextPlurals('ru')!.header);
    expect([1, 2, 5, 11, 21, 22, 25, 111, 112].map(ru.plural)).toEqual([0, 1, 2, 2, 0, 1, 2, 2, 2]);
    const ar = rule(gettextPlurals('ar')!.header);
    expect([0, 1, 2, 3, 11, 100].map(ar.plural)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('compares by what the counts 0…1000 get, not by spelling', () => {
    const same = (a: string, b: string) => samePluralForms(rule(a), rule(b));
    expect(same('nplurals=2; plural=n != 1;', 'nplurals=2; plural=(n != 1);')).toBe(true);
    expect(same('nplurals=2; plural=n == 1 ? 0 : 1;', 'nplurals=2; plural=(n != 1);')).toBe(true);
    expect(same('nplurals=2; plural=(n > 1);', 'nplurals=2; plural=(n != 1);')).toBe(false);
    expect(same('nplurals=3; plural=(n != 1);', 'nplurals=2; plural=(n != 1);')).toBe(false);
    expect(samePluralForms(rule('nplurals=2; plural=1 / (n - 1);'), rule('nplurals=2; plural=(n != 1);') as PluralForms)).toBe(false);
  });

  it('gives a reason for what it cannot read', () => {
    expect(parsePluralForms('nplurals=2; plural=n ~ 1;')).toEqual({
      problem: 'its plural expression "n ~ 1" has a character gettext does not read',
    });
    expect(parsePluralForms('plural=n != 1;')).toEqual({ problem: 'it has no nplurals=N (N ≥ 1)' });
    expect(parsePluralForms('nplurals=2; plural=(n != 1;')).toEqual({ problem: 'its plural expression has a ( without its )' });
  });
});
