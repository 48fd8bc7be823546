/**
 * parseJsonFile tells a repeated member name by counting the member names in
 * the text against those JSON.parse kept: strings with escaped quotes,
 * backslashes and colons must neither hide a repeat nor invent one.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../generator/json/json-file.js';

const rules = (text: string) => parseJsonFile('f.json', text).diagnostics.map((d) => d.ruleId);

describe('duplicate members', () => {
  const tricky = [
    String.raw`{ "a": "x\": y", "b": "\\", "c": "\\\"", "d": ":" }`,
    String.raw`{ "a\"": "\\\\", "a": { "a": ["\"", ":", "\\:"] } }`,
    '{\r\n\t"a"\t:\r\n "b" , "c" \n : [ "d" , { "e" : "f" } ] }',
    String.raw`{ "\\": "\"\"", "\"": { "\\\\": "" } }`,
    '["a", "b", ":", {"c": ":"}]',
    '"just a string"',
    '{}',
  ];

  it('finds none where there is none', () => {
    for (const text of tricky) expect(rules(text), text).toEqual([]);
  });

  it('finds the repeat wherever it is', () => {
    for (const text of tricky.filter((t) => t.startsWith('{ "'))) {
      const repeated = `${text.slice(0, -1)}, "z": 1, "z": 2 }`;
      expect(rules(repeated), repeated).toEqual(['json/duplicate-key']);
    }
    expect(rules(String.raw`{ "a": { "x\"": 1, "x\"" : 2 } }`)).toEqual(['json/duplicate-key']);
    expect(rules(String.raw`{ "a\\": 1, "a\\": 2 }`)).toEqual(['json/duplicate-key']);
  });
});
