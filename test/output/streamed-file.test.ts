/**
 * Files written as streams of chunks: the bytes on disk, the verdict
 * (changed or not), the hash and the copied prefix must be exactly those of
 * writing the joined text at once, whatever the chunking and wherever the
 * old file differs; and every built-in target's chunks join to its text.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInTargets } from '../../generator/targets/index.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import { encodedBatches, fileSha256, streamFile, textOfChunks, type Chunk } from '../../generator/output/streamed-file.js';
import { loadTestCatalog } from '../support/catalogs.js';

const dir = mkdtempSync(join(tmpdir(), 'codebook-stream-'));

/** Streams `chunks` over `old` (undefined: no file) and returns what the disk and the result say. */
function run(chunks: Iterable<Chunk>, old: Buffer | undefined, stopAtDifference = false) {
  const existing = join(dir, 'old');
  const staged = join(dir, 'staged');
  rmSync(existing, { force: true });
  rmSync(staged, { force: true });
  if (old) writeFileSync(existing, old);
  let opened = 0;
  const result = streamFile(
    chunks,
    old ? existing : undefined,
    () => {
      opened += 1;
      return stopAtDifference ? undefined : openSync(staged, 'w');
    },
    { hash: true },
  );
  return { result, opened, staged: existsSync(staged) ? readFileSync(staged) : undefined };
}

// Texts of one-, two-, three- and four-byte characters, so batches and differences fall inside multi-byte sequences.
const text = fc.string({ unit: fc.constantFrom('a', '\n', 'é', '語', '😀', '\u0000'), maxLength: 300 });
const chunked = (s: string, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
  const units = [...s];
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    out.push(units.slice(at, Math.max(at, p)).join(''));
    at = Math.max(at, p);
  }
  out.push(units.slice(at).join(''));
  return out;
};

/** Every other piece as UTF-8 bytes in one reused buffer, as a renderer gives its entries. */
function* asBytesAtTimes(pieces: string[]): Generator<Chunk> {
  const reused = Buffer.allocUnsafe(4096);
  for (const [i, piece] of pieces.entries()) {
    if (i % 2 === 0) {
      yield piece;
      continue;
    }
    const length = reused.write(piece, 0);
    yield reused.subarray(0, length);
    reused.fill(0xff); // what the next chunk would overwrite: a consumer that kept this one would see it
  }
}

describe('streamFile', () => {
  it('writes exactly the joined text, and only when it differs from the old file', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), fc.option(text), fc.boolean(), (s, cuts, oldText, bytesToo) => {
        const bytes = Buffer.from(s, 'utf8');
        const old = oldText === null ? undefined : Buffer.from(oldText, 'utf8');
        const pieces = chunked(s, cuts);
        const { result, opened, staged } = run(bytesToo ? asBytesAtTimes(pieces) : pieces, old);
        const same = old !== undefined && old.equals(bytes);
        expect(result.changed).toBe(!same);
        expect(opened).toBe(same ? 0 : 1);
        if (!same) expect(staged!.equals(bytes)).toBe(true);
        expect(result.sha256).toBe(fileSha256(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('copies the matching prefix of a large old file and notices a difference in the last byte, an extra byte or a missing one', () => {
    const big = 'x'.repeat(600_000) + '語'.repeat(200_000);
    const bytes = Buffer.from(big, 'utf8');
    const chunks = chunked(big, [1, 99_999, 300_000, 650_000]);
    const lastChanged = Buffer.from(bytes);
    lastChanged[lastChanged.length - 1] ^= 1;
    for (const [name, old] of [
      ['last byte', lastChanged],
      ['longer', Buffer.concat([bytes, Buffer.from('!')])],
      ['shorter', bytes.subarray(0, bytes.length - 3)],
    ] as const) {
      const { result, staged } = run(chunks, old);
      expect(result.changed, name).toBe(true);
      expect(staged!.equals(bytes), name).toBe(true);
    }
    expect(run(chunks, bytes).result.changed).toBe(false);
  });

  it('stops at the first difference when asked, without a hash', () => {
    const { result, opened, staged } = run(['same ', 'different'], Buffer.from('same old'), true);
    expect(result).toEqual({ changed: true });
    expect(opened).toBe(1);
    expect(staged).toBeUndefined();
  });

  it('writes an empty file for no chunks, and calls an empty old file unchanged', () => {
    expect(run([], undefined).staged!.length).toBe(0);
    expect(run([], Buffer.alloc(0)).result.changed).toBe(false);
    expect(run([''], Buffer.from('x')).result.changed).toBe(true);
  });

  it('never leaves a descriptor open when a chunk throws', () => {
    const before = openSync('/dev/null', 'r');
    closeSync(before);
    function* failing() {
      yield 'start';
      throw new Error('template failed');
    }
    expect(() => streamFile(failing(), undefined, () => openSync(join(dir, 'staged'), 'w'), { hash: true })).toThrow('template failed');
    const after = openSync('/dev/null', 'r');
    closeSync(after);
    expect(after).toBe(before);
  });
});

describe('encodedBatches', () => {
  it('encodes chunks of every size (a batch filled to its last bytes, a chunk larger than a batch) as the joined text', () => {
    const sizes = [1, 300_000, 49_000, 349_525, 1, 0, 2_000_000, 70_000, 5];
    const units = ['a', 'é', '語', '😀'];
    const chunks = sizes.map((n, i) => units[i % units.length]!.repeat(Math.ceil(n / units[i % units.length]!.length)));
    const copies: Buffer[] = [];
    for (const batch of encodedBatches(chunks)) copies.push(Buffer.from(batch)); // each batch is a view the next one overwrites
    expect(Buffer.concat(copies).equals(Buffer.from(chunks.join(''), 'utf8'))).toBe(true);
  });

  it('passes chunks of bytes through in order, after the text before them', () => {
    const pieces = ['a', 'é語', '😀', '', 'tail'];
    const copies: Buffer[] = [];
    for (const batch of encodedBatches(asBytesAtTimes(pieces))) copies.push(Buffer.from(batch));
    expect(Buffer.concat(copies).toString('utf8')).toBe(pieces.join(''));
    expect(textOfChunks(asBytesAtTimes(pieces))).toBe(pieces.join(''));
  });
});

describe('TemplateRenderer.chunks', () => {
  for (const scenario of ['hazards', 'default']) {
    it(`joins to render's text for every file of every built-in target (${scenario})`, async () => {
      const { catalog, config } = await loadTestCatalog(scenario);
      const renderer = new TemplateRenderer();
      let streamed = 0;
      for (const target of builtInTargets) {
        const plan = target.plan(catalog, { config, header: 'header', findings: [] });
        for (const file of plan.files) {
          let count = 0;
          const text = textOfChunks(
            (function* counted(chunks) {
              for (const chunk of chunks) yield (count++, chunk);
            })(renderer.chunks(target.id, file)),
          );
          if (count > 1) streamed += 1;
          expect(text, file.path).toBe(renderer.render(target.id, file));
        }
      }
      // The entry-templated targets really stream (android, gettext, java, xliff at least).
      expect(streamed).toBeGreaterThan(4);
    });
  }
});
