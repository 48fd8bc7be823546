/**
 * A file spliced from the old one (output/spliced-file.ts) must be exactly
 * the old bytes with the ranges replaced, whatever the ranges; a splice whose
 * bytes are already there stages nothing, and the size it reports is the
 * new file's. The entry index it relies on reads back what was written.
 */
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { spliceFile, type Splice } from '../../generator/output/spliced-file.js';
import { readEntryIndex, writeEntryIndex, type EntryIndex } from '../../generator/cache/entry-index.js';
import { NOT_A_MESSAGE } from '../../generator/cache/warm-edit.js';

const dir = mkdtempSync(join(tmpdir(), 'codebook-splice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Cuts `old` at sorted random points into ranges, some replaced. */
const case_ = fc
  .tuple(
    fc.uint8Array({ maxLength: 3000 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 40 }), fc.boolean()), { maxLength: 8 }),
  )
  .map(([old, cuts]) => {
    const points = cuts.flatMap(([a, b]) => [a % (old.length + 1), b % (old.length + 1)]).sort((x, y) => x - y);
    const splices: Splice[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) {
      const [start, end] = [points[i]!, points[i + 1]!];
      const [, , bytes, same] = cuts[i / 2]!;
      splices.push({ start, end, bytes: same ? Buffer.from(old.subarray(start, end)) : Buffer.from(bytes) });
    }
    return { old: Buffer.from(old), splices };
  });

describe('spliceFile', () => {
  it('writes the old bytes with the ranges replaced, and stages nothing when every range already holds its bytes', () => {
    fc.assert(
      fc.property(case_, ({ old, splices }) => {
        const [existing, staged] = [join(dir, 'old'), join(dir, 'staged')];
        writeFileSync(existing, old);
        rmSync(staged, { force: true });
        let opened = 0;
        const result = spliceFile(existing, splices, () => (opened++, openSync(staged, 'w')));
        const expected: Buffer[] = [];
        let at = 0;
        for (const s of splices) {
          expected.push(old.subarray(at, s.start), s.bytes);
          at = s.end;
        }
        expected.push(old.subarray(at));
        const bytes = Buffer.concat(expected);
        expect(result.changed).toBe(!bytes.equals(old));
        expect(result.size).toBe(bytes.length);
        expect(opened).toBe(result.changed ? 1 : 0);
        if (result.changed) expect(readFileSync(staged).equals(bytes)).toBe(true);
        expect(readFileSync(existing).equals(old)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a range past the old file's end", () => {
    const existing = join(dir, 'short');
    writeFileSync(existing, 'abcdef');
    const staged = join(dir, 'short.staged');
    expect(() => spliceFile(existing, [{ start: 2, end: 9, bytes: Buffer.from('x') }], () => openSync(staged, 'w'))).toThrow(
      /past its end/,
    );
  });
});

describe('the entry index', () => {
  it('reads back what was written: fingerprints, pieces, keys (in catalog order or not, entries of no message) and lengths', async () => {
    const keys = ['a', 'b', 'c', 'd'];
    const index: EntryIndex = {
      fingerprints: {
        frame: 'f',
        keys,
        registry: Float64Array.from([1, 2, 3, 2 ** 52]),
        texts: Float64Array.from([5, 6, 7, 8]),
        files: { 'locales/ja/messages.json': { content: 'c', positions: 2 ** 40 + 3 } },
      },
      targets: {
        i18next: {
          key: 'k1',
          files: new Map([
            [
              'i18next/ja/errors.json',
              {
                pieces: ['{\n', 0, '\n}\n'],
                size: 99,
                lists: [{ separatorBytes: 2, keys: Uint32Array.from([0, 1, 2, 3]), lengths: Uint32Array.from([4, 5, 6, 7]) }],
              },
            ],
            ['i18next/notes', { pieces: [], size: 3, lists: [] }],
          ]),
        },
        xliff: {
          key: 'k2',
          files: new Map([
            [
              'xliff/ja.xlf',
              {
                pieces: ['<', 1, '>'],
                size: 9,
                lists: [
                  { separatorBytes: 1, keys: new Uint32Array(0), lengths: new Uint32Array(0) },
                  { separatorBytes: 1, keys: Uint32Array.from([2, 2, NOT_A_MESSAGE]), lengths: Uint32Array.from([1, 2, 3]) },
                ],
              },
            ],
          ]),
        },
      },
      sources: {
        'locales/codes.json': { content: 11, rest: 0 },
        'locales/ja/messages.json': {
          content: 2 ** 52 + 1,
          rest: 12,
          restPieces: [
            { from: 0, to: 18, hash: 3 },
            { from: 45, to: 47, hash: 2 ** 50 + 3 },
          ],
          frame: '{"locale":"ja"}',
          stat: { size: 123, mtimeMs: 1733244000123.5 },
          lists: {
            '/messages': {
              keys: Uint32Array.from([3, 0]),
              lines: Uint32Array.from([4, 5]),
              columns: Uint32Array.from([2, 2]),
              hashes: Float64Array.from([2 ** 50, 7]),
              bytes: Uint32Array.from([20, 40, 61]),
              chars: Uint32Array.from([18, 30, 45]),
            },
          },
        },
      },
    };
    const file = join(dir, 'index.bin');
    expect(await writeEntryIndex(file, index)).toBe(true);
    const back = await readEntryIndex(file);
    expect(back?.fingerprints.keys).toEqual(keys);
    expect([...back!.fingerprints.registry]).toEqual([...index.fingerprints.registry]);
    expect([...back!.fingerprints.texts]).toEqual([...index.fingerprints.texts]);
    expect(back!.fingerprints.files).toEqual(index.fingerprints.files);
    const plain = (i: EntryIndex) =>
      Object.fromEntries(
        Object.entries(i.targets).map(([id, t]) => [
          id,
          {
            key: t.key,
            files: [...t.files].map(([p, f]) => [p, f.pieces, f.size, f.lists.map((l) => [l.separatorBytes, [...l.keys], [...l.lengths]])]),
          },
        ]),
      );
    expect(plain(back!)).toEqual(plain(index));
    const layouts = (i: EntryIndex) =>
      Object.entries(i.sources).map(([path, { lists, ...rest }]) => [
        path,
        rest,
        lists &&
          Object.entries(lists).map(([pointer, l]) => [pointer, [...l.keys], [...l.lines], [...l.columns], [...l.hashes], [...l.bytes]]),
      ]);
    expect(layouts(back!)).toEqual(layouts(index));
    writeFileSync(file, Buffer.from([9, 9]));
    expect(await readEntryIndex(file)).toBeUndefined();
  });
});
