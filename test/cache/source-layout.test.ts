/**
 * A warm run merges alone the keys whose entries an edit touched only when
 * nothing else of the file can have changed: the layouts of two texts of a
 * messages file name exactly the edited entries, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { editedEntries, editedEntriesOfFiles, knownPositions, layoutsOf, sourceLayout } from '../../generator/cache/source-layout.js';
import { parseJsonFile } from '../../generator/json/json-file.js';
import { hashText } from '../../generator/json/text-hash.js';

const keys = ['1', '2', '3', 'unknown'];
const keyIndex = new Map(keys.map((k, i) => [k, i]));

const BASE = `{
  "locale": "ja",
  "sections": { "generic": "一般" },
  "messages": {
    "1": "一つ目",
    "2": { "text": "二つ目", "note": "n" },
    "3": "三つ目"
  },
  "userOverrides": {
    "unknown": "不明"
  }
}
`;

const layout = (text: string) => sourceLayout('messages', text, hashText(text), keyIndex);
/** The keys an edit of BASE into `text` touched, or undefined. */
const edited = (text: string) => {
  const after = layout(text);
  return after && editedEntries(layout(BASE)!, after)?.map((at) => keys[at]);
};

describe('source layouts', () => {
  it('name the entries whose text changed, in any container', () => {
    expect(edited(BASE)).toEqual([]);
    expect(edited(BASE.replace('一つ目', '一つ目です'))).toEqual(['1']);
    expect(edited(BASE.replace('"note": "n"', '"note": "new note", "state": "reviewed"'))).toEqual(['2']);
    expect(edited(BASE.replace('一つ目', '1').replace('三つ目', '3'))).toEqual(['1', '3']);
    expect(edited(BASE.replace('不明', 'わからない'))).toEqual(['unknown']);
    // The last entry's slice runs to the next top-level member: what lies between is its own.
    expect(edited(BASE.replace('"三つ目"\n  }', '"三つ目"\n    }'))).toEqual(['3']);
  });

  it('give nothing when another entry moved, the rest changed, or the keys changed', () => {
    // A line added in entry 1 moves entries 2 and 3.
    expect(edited(BASE.replace('"一つ目",', '"一つ目",\n'))).toBeUndefined();
    // A section title is no key's: the frame changed.
    expect(edited(BASE.replace('一般', '全般'))).toBeUndefined();
    expect(edited(BASE.replace('"locale": "ja"', '"locale": "ko"'))).toBeUndefined();
    // Keys reordered, added or removed.
    expect(
      edited(BASE.replace('"1": "一つ目",\n    "2"', '"2"').replace('"3": "三つ目"', '"3": "三つ目",\n    "1": "一つ目"')),
    ).toBeUndefined();
    expect(edited(BASE.replace('"3": "三つ目"', '"3": "三つ目", "unknown": "x"'))).toBeUndefined();
    expect(edited(BASE.replace('"unknown": "不明"', ''))).toBeUndefined();
  });

  it('on one line, every edit moves what follows it: nothing', () => {
    const minified = JSON.stringify(JSON.parse(BASE));
    const before = layout(minified)!;
    const edit = (text: string) => editedEntries(before, layout(text)!)?.map((at) => keys[at]);
    expect(edit(minified.replace('一つ目', '一つ目です'))).toBeUndefined();
    expect(edit(minified.replace('不明', 'わからない'))).toBeUndefined();
    expect(edit(minified)).toEqual([]);
  });

  it('cannot lay out a file naming a key the table lacks; a registry file gets its hash alone', () => {
    expect(layout(BASE.replace('"3":', '"9":'))).toBeUndefined();
    const registry = '{ "codes": [] }';
    const files = [
      { kind: 'registry' as const, json: { file: 'codes.json', text: registry, value: JSON.parse(registry) as unknown } },
      { kind: 'messages' as const, json: { file: 'ja.json', text: BASE, value: JSON.parse(BASE) as unknown } },
    ];
    const hashes = new Map([
      ['codes.json', hashText(registry)],
      ['ja.json', hashText(BASE)],
    ]);
    const layouts = layoutsOf(files, hashes, keyIndex);
    expect(layouts['codes.json']?.lists).toEqual({});
    expect(Object.keys(layouts['ja.json']!.lists!)).toEqual(['/messages', '/userOverrides']);
    expect(JSON.parse(layouts['ja.json']!.frame!)).toEqual({ locale: 'ja', sections: { generic: '一般' } });
    // A text laid out before is not laid out again; a stat is the run's own.
    const stat = { size: 1, mtimeMs: 2 };
    const again = layoutsOf(files, hashes, keyIndex, layouts, new Map([['ja.json', stat]]));
    expect(again['ja.json']).toEqual({ ...layouts['ja.json'], stat });
    expect(again['ja.json']!.lists).toBe(layouts['ja.json']!.lists);
    expect(layoutsOf(files, hashes, keyIndex, again)['ja.json']!.stat).toBeUndefined();
  });

  it('place every entry where the JSON reader places it: LF, CR LF, lone CR, a byte order mark, one line', () => {
    const registry =
      '{\n  "sections": [{ "id": "generic" }],\n  "codes": [\n    { "code": 1 }, { "code": 2 },\n\t{ "key": "unknown" }\n  ]\n}\n';
    const variants = [BASE, BASE.replace(/\n/g, '\r\n'), BASE.replace(/\n/g, '\r'), `\ufeff${BASE}`, JSON.stringify(JSON.parse(BASE))];
    const cases = [
      ...variants.map((text) => ({ kind: 'messages' as const, text })),
      ...[registry, `\ufeff${registry.replace(/\n/g, '\r\n')}`].map((text) => ({ kind: 'registry' as const, text })),
    ];
    let compared = 0;
    for (const { kind, text } of cases) {
      const known = knownPositions(sourceLayout(kind, text, hashText(text), keyIndex)!, keyIndex);
      const { json } = parseJsonFile('f.json', text);
      const data = json!.value as Record<string, Record<string, unknown>>;
      for (const parent of kind === 'messages' ? ['/messages', '/userOverrides'] : ['/codes']) {
        for (const name of Object.keys(data[parent.slice(1)]!)) {
          const atKey = kind === 'messages';
          expect(known(parent, name, atKey), `${JSON.stringify(text.slice(0, 8))} ${parent}/${name}`).toEqual(
            json!.locateMember(parent, name, atKey),
          );
          expect(known(parent, name, !atKey)).toBeUndefined();
          compared++;
        }
      }
    }
    expect(compared).toBe(5 * 4 + 2 * 3);
  });

  it("across a run's files: the union of the edited entries, or nothing when a file came, went, or a registry changed", () => {
    const registry = '{ "codes": [{ "code": 1 }] }';
    const ko = BASE.replace('"ja"', '"ko"');
    const runOf = (files: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(files).map(([path, text]) => [
          path,
          sourceLayout(path === 'codes.json' ? 'registry' : 'messages', text, hashText(text), keyIndex, JSON.parse(text))!,
        ]),
      );
    const before = runOf({ 'codes.json': registry, 'ja.json': BASE, 'ko.json': ko });
    const names = (at: Set<number> | undefined) => at && [...at].map((i) => keys[i]).sort();
    expect(names(editedEntriesOfFiles(before, before))).toEqual([]);
    const edits = { 'codes.json': registry, 'ja.json': BASE.replace('一つ目', '1'), 'ko.json': ko.replace('三つ目', '3') };
    expect(names(editedEntriesOfFiles(before, runOf(edits)))).toEqual(['1', '3']);
    expect(editedEntriesOfFiles(before, runOf({ ...edits, 'codes.json': registry.replace('1', '2') }))).toBeUndefined();
    expect(editedEntriesOfFiles(before, runOf({ 'codes.json': registry, 'ja.json': BASE }))).toBeUndefined();
    expect(editedEntriesOfFiles(before, runOf({ ...edits, 'fr.json': BASE.replace('"ja"', '"fr"') }))).toBeUndefined();
  });
});
