/** Writing output: all-or-nothing, unchanged files untouched, orphans only inside owned folders. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutput, writeOutput } from '../../generator/output/write-output.js';
import { generate } from '../../generator/pipeline.js';
import { fixtureCopy, readTree } from '../support/files.js';

describe('writeOutput', () => {
  it('leaves every previous file as it was when one write fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-out-'));
    await writeOutput(out, new Map([['a/one.json', '1\n'], ['a/two.json', '2\n'], ['b/blocker', 'x']]), ['a', 'b']);
    const before = readTree(out);
    // "b/blocker/file" cannot be created because b/blocker is a file: the failure comes after a/one.json's new text was staged.
    const next = new Map([['a/one.json', 'NEW\n'], ['a/two.json', '2\n'], ['b/blocker/file', 'y']]);
    await expect(writeOutput(out, next, ['a', 'b'])).rejects.toThrow();
    expect(readTree(out)).toEqual(before);
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
    expect(readTree(out)).toEqual({ 'a/new.json': '{}\n', 'mine/keep.txt': 'user file' });
  });
});

describe('generate, staging files as they are rendered', () => {
  it('leaves the output as it was, without temporary files, when a later target reports an error', async () => {
    const dir = fixtureCopy('hazards', 'codebook-staged-');
    const config = join(dir, 'codebook.config.json');
    expect((await generate({ config, cwd: dir })).written?.written.length).toBeGreaterThan(0);
    const before = readTree(join(dir, 'dist'));

    // A locale every earlier target accepts (so their new files are staged) but flutter, later, cannot name.
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as { locales: string[] };
    writeFileSync(config, JSON.stringify({ ...parsed, locales: [...parsed.locales, 'de-CH-1996'] }));
    mkdirSync(join(dir, 'locales/de-CH-1996'));
    writeFileSync(join(dir, 'locales/de-CH-1996/messages.json'), '{ "locale": "de-CH-1996", "messages": { "unknown": "Fehler {code}" } }');
    const failed = await generate({ config, cwd: dir });
    expect(failed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['flutter/unrepresentable']);
    expect(failed.written).toBeUndefined();
    expect(readTree(join(dir, 'dist'))).toEqual(before);
  });
});
