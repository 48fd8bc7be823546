/** Writing output: all-or-nothing, unchanged files untouched, orphans only inside owned folders. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutput, writeOutput } from '../../generator/output/write-output.js';

function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

describe('writeOutput', () => {
  it('leaves every previous file as it was when one write fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    await writeOutput(out, new Map([['a/one.json', '1\n'], ['a/two.json', '2\n'], ['b/blocker', 'x']]), ['a', 'b']);
    const before = tree(out);
    // "b/blocker/file" cannot be created because b/blocker is a file: the failure comes after a/one.json's new text was staged.
    const next = new Map([['a/one.json', 'NEW\n'], ['a/two.json', '2\n'], ['b/blocker/file', 'y']]);
    await expect(writeOutput(out, next, ['a', 'b'])).rejects.toThrow();
    expect(tree(out)).toEqual(before);
  });

  it('reports and removes orphans only in the folders it owns', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    mkdirSync(join(out, 'a/old'), { recursive: true });
    mkdirSync(join(out, 'mine'));
    writeFileSync(join(out, 'a/old/gone.json'), 'x');
    writeFileSync(join(out, 'mine/keep.txt'), 'user file');
    const files = new Map([['a/new.json', '{}\n']]);
    expect(await compareOutput(out, files, ['a'])).toEqual({ stale: [], missing: ['a/new.json'], orphaned: ['a/old/gone.json'], unchanged: [] });
    const result = await writeOutput(out, files, ['a']);
    expect(result).toEqual({ written: ['a/new.json'], removed: ['a/old/gone.json'], unchanged: [] });
    expect(tree(out)).toEqual({ 'a/new.json': '{}\n', 'mine/keep.txt': 'user file' });
  });
});
