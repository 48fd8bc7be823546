/**
 * A messages file that loaded clean, saved with some entries edited, is
 * checked on those entries alone: whatever the whole file's depth,
 * duplicate-member and schema checks would find in them is found.
 */
import { describe, expect, it } from 'vitest';
import { editedEntriesPass } from '../../generator/cache/entry-checks.js';
import { editedEntries, sourceLayout } from '../../generator/cache/source-layout.js';
import type { SourceFile } from '../../generator/catalog/load-layers.js';
import { parseJsonFile } from '../../generator/json/json-file.js';
import { validateAgainstSchema } from '../../generator/json/schemas.js';
import { hashText } from '../../generator/json/text-hash.js';

const keyIndex = new Map(['1', '2', '3'].map((k, i) => [k, i]));
const BASE = `{
  "locale": "ja",
  "messages": {
    "1": "一つ目",
    "2": { "text": "二つ目", "state": "reviewed" },
    "3": "三つ目"
  }
}
`;

/** Whether an edit of entry 2 passes the edited-entry checks, and whether the whole file passes the load stage's. */
function check(entry: string): { entries: boolean; whole: boolean } {
  const text = BASE.replace('{ "text": "二つ目", "state": "reviewed" }', entry);
  // Loaded as the warm run loads it: parsed without the depth and duplicate checks.
  const { json } = parseJsonFile('ja.json', text, { trusted: true });
  const layout = sourceLayout('messages', text, hashText(text), keyIndex, json!.value)!;
  const edited = editedEntries(sourceLayout('messages', BASE, hashText(BASE), keyIndex)!, layout);
  expect(edited).toEqual([1]);
  const source = { kind: 'messages', layer: 'l', json: json!, data: json!.value } as SourceFile;
  const checked = parseJsonFile('ja.json', text);
  const whole = checked.diagnostics.length === 0 && validateAgainstSchema('messages', checked.json!).length === 0;
  return { entries: editedEntriesPass(source, layout, new Set(edited)), whole };
}

describe('checks of edited entries', () => {
  it('pass what the whole file passes', () => {
    expect(check('{ "text": "二つ目です", "state": "final", "note": "n" }')).toEqual({ entries: true, whole: true });
    expect(check('"二つ目です"')).toEqual({ entries: true, whole: true });
  });

  it('find what the whole file would: a duplicate member, a wrong type, an unknown state, too deep', () => {
    expect(check('{ "text": "a", "text": "b" }')).toEqual({ entries: false, whole: false });
    expect(check('{ "text": 2 }')).toEqual({ entries: false, whole: false });
    expect(check('{ "text": "a", "state": "bogus" }')).toEqual({ entries: false, whole: false });
    expect(check(`{ "text": "a", "note": ${'['.repeat(70)}${']'.repeat(70)} }`)).toEqual({ entries: false, whole: false });
  });
});
