// The load stage's shortcuts must give exactly what the slow, general paths give:
// the shallow position index agrees with momoa's syntax tree, the duplicate-key
// count agrees with momoa's report, the ICU shortcut with the parser, and the remembered
// key order with parsing both keys at each comparison.
import { readFileSync } from 'node:fs';
import { parse as parseJsonTree, type AnyNode } from '@humanwhocodes/momoa';
import { parse as parseIcu } from '@formatjs/icu-messageformat-parser';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { escapePointer, parseJsonFile } from '../../generator/json/json-file.js';
import { parseMessage } from '../../generator/catalog/icu.js';
import { compareKeys, compareMessageKeys, keyOfCode, keyOfRange, parseKey, type KeyedMessage } from '../../generator/catalog/keys.js';

const repoFiles = globSync(['locales/**/*.json', 'test/fixtures/hazards/locales/**/*.json'], { absolute: true }).sort();

/** Every pointer of at most two segments with momoa's key and value positions. */
function treePositions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: AnyNode, pointer: string, depth: number, key?: { line: number; column: number }) => {
    if (depth > 2) return;
    found.set(pointer, `${key ? `${key.line}:${key.column} ` : ''}${node.loc.start.line}:${node.loc.start.column}`);
    if (node.type === 'Object')
      for (const m of node.members)
        visit(m.value, `${pointer}/${escapePointer(m.name.type === 'String' ? m.name.value : m.name.name)}`, depth + 1, m.name.loc.start);
    if (node.type === 'Array') node.elements.forEach((e, i) => visit(e.value, `${pointer}/${i}`, depth + 1));
  };
  visit(parseJsonTree(text.replace(/^\uFEFF/, ''), { mode: 'json' }).body, '', 0);
  return found;
}

function indexedPositions(file: string, text: string, pointers: Iterable<string>): Map<string, string> {
  const { json } = parseJsonFile(file, text);
  const found = new Map<string, string>();
  for (const p of pointers) {
    const value = json!.locate(p);
    const key = json!.locateKey(p);
    const sameAsValue = key.line === value.line && key.column === value.column;
    found.set(p, `${sameAsValue ? '' : `${key.line}:${key.column} `}${value.line}:${value.column}`);
  }
  return found;
}

const oddlyFormatted: Record<string, string> = {
  minified: '{"locale":"en","messages":{"1":"a","2":{"text":"b"},"a/b~c":"d"},"list":[1,[2,3],{"x":[]}]}',
  crlf: '{\r\n  "locale": "en",\r\n  "messages": {\r\n    "1": "a",\r\n    "2": "b"\r\n  }\r\n}\r\n',
  bom: '\uFEFF{\n  "messages": { "1": "x" }\n}',
  escapes: '{ "mes\\u0073ages" : { "\\"q\\"" :\n"v\\\\" , "k\\n" : [ ] } , "tail":\t{ } }',
  wide: '{ "セクション": { "😀": "値", "b": ["x", "y"] }, "z": "💥" }',
};

describe('shallow JSON positions', () => {
  it.each(repoFiles)('agree with momoa for every value up to two levels: %s', (path) => {
    const text = readFileSync(path, 'utf8');
    const expected = treePositions(text);
    expect(indexedPositions(path, text, expected.keys())).toEqual(expected);
  });

  it.each(Object.entries(oddlyFormatted))('agree with momoa on %s text', (_name, text) => {
    const expected = treePositions(text);
    expect(indexedPositions('odd.json', text, expected.keys())).toEqual(expected);
  });

  it.each([...repoFiles.slice(0, 3), ...Object.values(oddlyFormatted)])(
    'by member give what locate and locateKey give (%#)',
    (pathOrText) => {
      const text = pathOrText.startsWith('/') ? readFileSync(pathOrText, 'utf8') : pathOrText;
      const { json } = parseJsonFile('f.json', text);
      const pointers = [...treePositions(text).keys()].filter((p) => p !== '');
      for (const pointer of [...pointers, ...pointers.map((p) => `${p}/deeper`)]) {
        const slash = pointer.lastIndexOf('/');
        const [parent, name] = [
          pointer.slice(0, slash),
          pointer
            .slice(slash + 1)
            .replace(/~1/g, '/')
            .replace(/~0/g, '~'),
        ];
        expect(json!.locateMember(parent, name, true), pointer).toEqual(json!.locateKey(pointer));
        expect(json!.locateMember(parent, name, false), pointer).toEqual(json!.locate(pointer));
      }
    },
  );

  it('fall back to the nearest parent for a missing pointer, as before', () => {
    const { json } = parseJsonFile('f.json', '{\n  "messages": {\n    "1": "a"\n  }\n}');
    expect(json!.locate('/messages/404')).toEqual({ line: 2, column: 15 });
    expect(json!.locate('/messages/1/deeper/still')).toEqual({ line: 3, column: 10 });
  });
});

describe('duplicate keys', () => {
  it('are found at any depth, and only when present', () => {
    const clean = parseJsonFile('f.json', '{ "a": { "b": 1, "c": [ { "b": 2, "d": "\\"b\\": 3" } ] }, "b": 4 }');
    expect(clean.diagnostics).toEqual([]);
    const nested = parseJsonFile('f.json', '{ "a": [ { "x": 1,\n "x": 2 } ] }');
    expect(nested.diagnostics.map((d) => `${d.ruleId} ${d.place?.pointer} ${d.place?.line}:${d.place?.column}`)).toEqual([
      'json/duplicate-key /a/0/x 2:2',
    ]);
    const escaped = parseJsonFile('f.json', '{ "k": 1, "\\u006b": 2 }');
    expect(escaped.diagnostics.map((d) => d.ruleId)).toEqual(['json/duplicate-key']);
  });
});

describe('ICU shortcuts for plain text and simple arguments', () => {
  const texts = [
    ...repoFiles.flatMap((path) => {
      const value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as {
        messages?: Record<string, string | { text?: string }>;
      };
      return Object.values(value.messages ?? {}).flatMap((m) => (typeof m === 'string' ? [m] : m.text !== undefined ? [m.text] : []));
    }),
    '',
    'a # b <b>c</b> & d',
    'tab\tnew\nline 😀',
    "it's {n}",
    "'{literal}'",
    // Apostrophes: a letter unless before what they would quote.
    "it's",
    "don''t",
    "end'",
    "a '<b>' c",
    "x '>' y",
    "'#' x",
    "'}' y",
    "a'b'c",
    "{n}'s",
    "it's {n, number}",
    // Arguments the shortcut reads, and near misses it leaves to the parser (or the parser rejects).
    '{a}',
    '{ a }',
    '{a,number}',
    '{ a , number }',
    'x {a} {b, date} {c, time} y',
    '{a}{b}',
    '{0}',
    '{a_1} and {B2, number}',
    '<b>{a}</b> # {a}',
    '{a, Number}',
    '{a, number, }',
    '{a, number, integer}',
    '{a, date, short}',
    '{a, plural, other {x}}',
    '{a-b}',
    '{a}}',
    'a } b',
    '{}',
    '{a',
    'a {b',
    '{ a\t}',
    '{é}',
    '{a b}',
    '{{a}}',
    '{a, select, x {y} other {z}}',
  ];

  it(`gives the parser's AST for every catalog and fixture text (${texts.length})`, () => {
    for (const text of texts) {
      let expected: unknown;
      try {
        expected = { ok: true, ast: parseIcu(text, { ignoreTag: true, requiresOtherClause: true }) };
      } catch {
        expected = { ok: false };
      }
      const actual = parseMessage(text);
      expect(actual.ok ? actual : { ok: false }, text).toEqual(expected);
      // The same members in the same order: targets may serialize the AST.
      expect(JSON.stringify(actual.ok ? actual : { ok: false }), text).toBe(JSON.stringify(expected));
    }
  });
});

describe('key order remembered by key', () => {
  /** compareKeys as it was before its parse was remembered: both keys parsed at each comparison. */
  function compareByParsing(a: string, b: string): number {
    const pa = parseKey(a);
    const pb = parseKey(b);
    if (pa && pb) {
      const sa = 'code' in pa ? pa.code : pa.range[0];
      const sb = 'code' in pb ? pb.code : pb.range[0];
      if (sa !== sb) return sa - sb;
      return ('code' in pa ? 0 : 1) - ('code' in pb ? 0 : 1);
    }
    if (pa) return -1;
    if (pb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  it('gives the parsing order for every pair of keys, twice', () => {
    const keys = [
      '0',
      '-0',
      '1',
      '-1',
      '7',
      '-302',
      '6014',
      '6014-6020',
      '6013-7000',
      '-5--3',
      '120001-130000',
      '01',
      '1e3',
      'unknown',
      'a',
      'B',
      '',
      ' 1',
      '9007199254740993',
      '-9007199254740993-0',
    ];
    for (let round = 0; round < 2; round++)
      for (const a of keys) for (const b of keys) expect(Math.sign(compareKeys(a, b)), `${a} ${b}`).toBe(Math.sign(compareByParsing(a, b)));
  });
});

describe('messages ordered by their codes and ranges', () => {
  it('gives compareKeys order for every pair of messages as the merge makes them', () => {
    const codes = [0, -0, 1, -1, 7, -302, 6013, 6014, 120001, 9007199254740991, -9007199254740991];
    const ranges: [number, number][] = [
      [6014, 6020],
      [6013, 7000],
      [-5, -3],
      [120001, 130000],
      [0, 0],
    ];
    const messages: KeyedMessage[] = [
      ...codes.map((code) => ({ key: keyOfCode(code), code })),
      ...ranges.map((range) => ({ key: keyOfRange(range), range })),
      // Named keys, one of them looking like a code (the registry reports it; it still sorts as its key says).
      ...['unknown', 'a', 'B', '', '6014', '7-8'].map((key) => ({ key })),
    ];
    for (const a of messages)
      for (const b of messages)
        expect(Math.sign(compareMessageKeys(a, b)) || 0, `${a.key} ${b.key}`).toBe(Math.sign(compareKeys(a.key, b.key)) || 0);
  });
});
