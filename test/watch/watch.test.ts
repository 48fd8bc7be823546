/**
 * `codebook generate --watch` through the built binary, on a temporary copy
 * of the hazards fixture: the first run, one regeneration per change, a
 * located error that does not stop the watcher, recovery, a new file that
 * a layer glob matches, and Ctrl-C exiting 0. The test polls the output;
 * it never sleeps a fixed time and asserts no duration.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { cliPath, fixtureCopy } from '../support/files.js';

const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startWatch(dir: string, args: string[] = []) {
  const child = spawn(process.execPath, [cliPath, 'generate', '--watch', ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    exited,
    output: () => output,
    /** Polls until `test` holds for the output so far; fails with the output after `timeoutMs`. */
    async until(test: (output: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      while (!test(output)) {
        if (child.exitCode !== null) throw new Error(`codebook exited (${child.exitCode}) while waiting for ${what}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return output;
    },
  };
}

const count = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(pattern, 'g'))].length;
const GENERATED = /codebook: generated in \d+ ms/;
const FAILED = /codebook: not generated \(\d+ error\(s\)\); watching for changes\./;

describe('generate --watch', () => {
  it('regenerates once per change, survives a broken file, recovers, sees new files and exits 0 on Ctrl-C', async () => {
    const dir = fixtureCopy('hazards', 'codebook-watch-');
    const ja = join(dir, 'locales/ja/messages.json');
    const original = readFileSync(ja, 'utf8');
    const out = join(dir, 'dist/i18next/ja/errors.json');
    const watch = startWatch(dir);

    await watch.until((o) => GENERATED.test(o) && /watching \d+ path\(s\) for changes/.test(o), 'the first run');
    expect(JSON.parse(readFileSync(out, 'utf8'))['6014']).toBe('ログインしていません。');

    // One change: one run, naming the file, listing what it wrote, and the output updated.
    writeFileSync(ja, original.replace('ログインしていません。', 'まだログインしていません。'));
    let output = await watch.until((o) => count(o, GENERATED) >= 2, 'the run after the change');
    expect(output).toContain('codebook: changed locales/ja/messages.json');
    expect(output).toMatch(/ {2}written {2}i18next\/ja\/errors\.json/);
    expect(output).not.toMatch(/ {2}written {2}i18next\/en\/errors\.json/);
    expect(JSON.parse(readFileSync(out, 'utf8'))['6014']).toBe('まだログインしていません。');

    // Broken JSON: the error with its location; the process keeps watching.
    writeFileSync(ja, original.replace('"6014": "ログインしていません。",', '"6014": "ログインしていません。",,'));
    output = await watch.until((o) => FAILED.test(o), 'the error');
    expect(output).toMatch(/locales\/ja\/messages\.json:11:\d+ {2}error {2}/);
    expect(watch.child.exitCode).toBeNull();
    // Exactly one run for the first change: nothing ran between it and the error.
    expect(count(output, GENERATED)).toBe(2);
    expect(JSON.parse(readFileSync(out, 'utf8'))['6014']).toBe('まだログインしていません。');

    // The fix: recovered, regenerated.
    writeFileSync(ja, original.replace('ログインしていません。', 'もうログインしていません。'));
    output = await watch.until((o) => count(o, GENERATED) >= 3, 'the recovery');
    expect(JSON.parse(readFileSync(out, 'utf8'))['6014']).toBe('もうログインしていません。');

    // A new file that a layer glob matches is seen (here it names a locale the config lacks: an error).
    mkdirSync(join(dir, 'locales/de'));
    writeFileSync(join(dir, 'locales/de/messages.json'), '{ "locale": "de", "messages": { "6014": "Nicht angemeldet." } }\n');
    output = await watch.until((o) => count(o, FAILED) >= 2, 'the run for the new file');
    expect(output.slice(output.lastIndexOf('codebook: changed'))).toContain('locales/de/messages.json');
    rmSync(join(dir, 'locales/de'), { recursive: true });
    await watch.until((o) => count(o, GENERATED) >= 4, 'the run after removing it');

    // A change to nothing codebook reads starts no run.
    const runs = count(watch.output(), /codebook: (generated in|not generated)/);
    writeFileSync(join(dir, 'locales/notes.txt'), 'not a layer file\n');
    // Then a real change, to know the watcher has seen both.
    writeFileSync(ja, original);
    output = await watch.until((o) => count(o, GENERATED) >= 5, 'the run after the last change');
    expect(count(output, /codebook: (generated in|not generated)/)).toBe(runs + 1);
    expect(output.slice(output.lastIndexOf('codebook: changed'))).not.toContain('notes.txt');

    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('regenerates the target of a changed template override', async () => {
    const dir = fixtureCopy('hazards', 'codebook-watch-');
    const config = join(dir, 'codebook.config.json');
    cpSync(join(repoRoot, 'templates/java'), join(dir, 'tpl/java'), { recursive: true });
    writeFileSync(config, readFileSync(config, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "templates": { "java": "tpl/java" }'));
    const watch = startWatch(dir, ['--targets', 'java,i18next']);
    await watch.until((o) => GENERATED.test(o), 'the first run');
    const template = join(dir, 'tpl/java/bundle.properties.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}# watched\n`);
    const output = await watch.until((o) => count(o, GENERATED) >= 2, 'the run after the template change');
    expect(output).toContain('codebook: changed tpl/java/bundle.properties.hbs');
    expect(output).toMatch(/cache: reused 1 unchanged target\(s\) \(i18next\)/);
    expect(readFileSync(join(dir, 'dist/java/Errors.properties'), 'utf8')).toMatch(/# watched\n$/);
    watch.child.kill('SIGTERM');
    expect(await watch.exited).toBe(0);
  });
});
