/** Writing output: all-or-nothing, unchanged files untouched, only codebook's own files replaced or removed. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput } from '../../generator/output/commit-journal.js';
import { ForeignFileError, OutputComparison, StagedOutput } from '../../generator/output/write-output.js';
import { generate } from '../../generator/pipeline.js';
import { fixtureCopy, readTree } from '../support/files.js';

async function write(out: string, files: Record<string, string>, targets: string[]) {
  const staged = new StagedOutput(out, targets);
  try {
    for (const [path, text] of Object.entries(files)) staged.add(path, text);
    return await staged.commit();
  } catch (error) {
    await staged.abort();
    throw error;
  }
}

async function compare(out: string, files: Record<string, string>, targets: string[]) {
  const comparison = new OutputComparison(out, targets);
  for (const [path, text] of Object.entries(files)) comparison.add(path, text);
  return comparison.finish();
}

describe('StagedOutput', () => {
  it('stages files flat, in one folder, and commits them to their nested paths', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    const staged = new StagedOutput(out, ['a']);
    staged.add('a/x/y/one.json', '1\n');
    staged.add('a/two.json', '2\n');
    expect(readdirSync(join(out, '.codebook/staging'), { withFileTypes: true }).every((e) => e.isFile())).toBe(true);
    expect((await staged.commit()).written).toEqual(['a/two.json', 'a/x/y/one.json']);
    expect(readTree(out)).toEqual({ 'a/two.json': '2\n', 'a/x/y/one.json': '1\n' });
    expect(existsSync(join(out, '.codebook/staging'))).toBe(false);
  });

  it('finishes a commit interrupted under the journal of codebook 0.1 (files staged at their own paths)', () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    mkdirSync(join(out, '.codebook/staging/a/x'), { recursive: true });
    writeFileSync(join(out, '.codebook/staging/a/x/one.json'), 'new\n');
    writeFileSync(join(out, '.codebook/journal.json'), `${JSON.stringify({ moves: ['a/x/one.json'], removals: [] })}\n`);
    expect(recoverOutput(out)).toBe('rolled-forward');
    expect(readFileSync(join(out, 'a/x/one.json'), 'utf8')).toBe('new\n');
    expect(existsSync(join(out, '.codebook/staging'))).toBe(false);
  });

  it('leaves every previous file as it was when one write fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    await write(out, { 'a/one.json': '1\n', 'a/two.json': '2\n', 'b/blocker': 'x' }, ['a', 'b']);
    const before = readTree(out, { withState: true });
    // "b/blocker/file" cannot be created because b/blocker is a file: the failure comes after a/one.json's new text was staged.
    await expect(write(out, { 'a/one.json': 'NEW\n', 'a/two.json': '2\n', 'b/blocker/file': 'y' }, ['a', 'b'])).rejects.toThrow();
    expect(readTree(out, { withState: true })).toEqual(before);
  });

  it('removes only the files it wrote before; files of the user stay and are reported once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    expect(await write(out, { 'a/old/gone.json': 'x', 'a/kept.json': 'k' }, ['a'])).toMatchObject({
      written: ['a/kept.json', 'a/old/gone.json'],
      removed: [],
      foreign: [],
    });
    mkdirSync(join(out, 'mine'));
    writeFileSync(join(out, 'mine/keep.txt'), 'user file');
    writeFileSync(join(out, 'a/notes.md'), 'user notes');
    const next = { 'a/new.json': '{}\n', 'a/kept.json': 'k' };
    expect(await compare(out, next, ['a'])).toEqual({
      stale: ['.codebook/manifest.json'],
      missing: ['a/new.json'],
      orphaned: ['a/old/gone.json'],
      unchanged: ['a/kept.json'],
    });
    expect(await write(out, next, ['a'])).toEqual({
      written: ['a/new.json'],
      removed: ['a/old/gone.json'],
      unchanged: ['a/kept.json'],
      foreign: ['a/notes.md'],
    });
    expect(readTree(out)).toEqual({ 'a/new.json': '{}\n', 'a/kept.json': 'k', 'a/notes.md': 'user notes', 'mine/keep.txt': 'user file' });
    // Mentioned once: the next run knows it.
    expect((await write(out, next, ['a'])).foreign).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, '.codebook/manifest.json'), 'utf8'))).toEqual({
      generator: 'codebook',
      format: 1,
      targets: { a: ['a/kept.json', 'a/new.json'] },
      foreign: ['a/notes.md'],
    });
  });

  it('never replaces a file it did not write: the run stops before anything changes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    mkdirSync(join(out, 'a'));
    writeFileSync(join(out, 'a/one.json'), 'the user wrote this');
    const error = await write(out, { 'a/one.json': '1\n', 'a/two.json': '2\n' }, ['a']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignFileError);
    expect((error as ForeignFileError).paths).toEqual(['a/one.json']);
    expect(readTree(out, { withState: true })).toEqual({ 'a/one.json': 'the user wrote this' });
    // The same bytes are adopted: nothing would change.
    writeFileSync(join(out, 'a/one.json'), '1\n');
    expect(await write(out, { 'a/one.json': '1\n' }, ['a'])).toMatchObject({ written: [], unchanged: ['a/one.json'] });
  });
});

describe('generate, staging files as they are rendered', () => {
  it('leaves the output as it was, without temporary files, when a later target reports an error', async () => {
    const dir = fixtureCopy('hazards', 'codebook-staged-');
    const config = join(dir, 'codebook.config.json');
    expect((await generate({ config, cwd: dir })).written?.written.length).toBeGreaterThan(0);
    const before = readTree(join(dir, 'dist'), { withState: true });

    // A locale every earlier target accepts (so their new files are staged) but flutter, later, cannot name.
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as { locales: string[] };
    writeFileSync(config, JSON.stringify({ ...parsed, locales: [...parsed.locales, 'de-CH-1996'] }));
    mkdirSync(join(dir, 'locales/de-CH-1996'));
    writeFileSync(join(dir, 'locales/de-CH-1996/messages.json'), '{ "locale": "de-CH-1996", "messages": { "unknown": "Fehler {code}" } }');
    const failed = await generate({ config, cwd: dir });
    expect(failed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['flutter/unrepresentable']);
    expect(failed.written).toBeUndefined();
    expect(readTree(join(dir, 'dist'), { withState: true })).toEqual(before);
  });
});
