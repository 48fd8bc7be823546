/**
 * V8's code cache for the built command line (generator/code-cache.ts): the
 * bundle's modules load from the cache the build recorded, and a cache that
 * does not belong to a module's text (same length, other bytes; or damaged)
 * is never used: the module is compiled from its text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';

const codeCache = pathToFileURL(join(repoRoot, 'build/generator/code-cache.js')).href;

/** Runs an ES module script in a fresh node; its last stdout line is JSON. */
function node(script: string, cwd: string = repoRoot): unknown {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

/** Loads `file` (CommonJS, in `buildDir`) through the code cache, recording with `record`; prints what it exported and what the cache did. */
const load = (buildDir: string, file: string, record = false) => `
  import { createRequire } from 'node:module';
  import { useCodeCache } from ${JSON.stringify(codeCache)};
  const cache = useCodeCache({ buildDir: ${JSON.stringify(buildDir)}, record: ${record} });
  const value = createRequire(${JSON.stringify(join(buildDir, 'x.js'))})(${JSON.stringify(file)})(21);
  const written = cache.save().length;
  console.log(JSON.stringify({ value, used: cache.used.length, compiled: cache.compiled.length, written }));
`;

describe('the code cache', () => {
  it('is what the built command line loads its bundle from', () => {
    const out = mkdtempSync(join(tmpdir(), 'codebook-code-cache-out-'));
    const seen = node(`
      import { createRequire } from 'node:module';
      import { basename } from 'node:path';
      import { useCodeCache } from ${JSON.stringify(codeCache)};
      const cache = useCodeCache();
      await createRequire(${JSON.stringify(join(repoRoot, 'build/generator/cli.js'))})('./bundle/cli.js').main(['generate', '--no-cache', '-q', '-o', ${JSON.stringify(out)}]);
      console.log(JSON.stringify({ used: cache.used.map((f) => basename(f)), compiled: cache.compiled.map((f) => basename(f)) }));
    `) as { used: string[]; compiled: string[] };
    expect(seen.compiled).toEqual([]);
    expect(seen.used).toEqual(expect.arrayContaining(['cli.js', 'templates.cjs', 'validators.cjs']));
    expect(seen.used.some((f) => f.startsWith('core-'))).toBe(true);
  });

  it('covers every module of the bundle: none has a dynamic import (a script of vm cannot run one)', () => {
    const bundle = join(repoRoot, 'build/generator/bundle');
    const withImport = readdirSync(bundle).filter((f) => f.endsWith('.js') && /\bimport\(/.test(readFileSync(join(bundle, f), 'utf8')));
    expect(withImport).toEqual([]);
  });

  it('leaves a module with a dynamic import to Node, which runs it', () => {
    const buildDir = mkdtempSync(join(tmpdir(), 'codebook-code-cache-'));
    writeFileSync(join(buildDir, 'dynamic.cjs'), 'module.exports = (x) => (import("node:path"), x + 21);\n');
    expect(node(load(buildDir, './dynamic.cjs', true))).toEqual({ value: 42, used: 0, compiled: 0, written: 0 });
  });

  it('is recorded, used, and never used for another text of the same length or when damaged', () => {
    const buildDir = mkdtempSync(join(tmpdir(), 'codebook-code-cache-'));
    const module = join(buildDir, 'twice.cjs');
    writeFileSync(module, '#!/usr/bin/env node\nmodule.exports = (x) => x * 2;\n');
    expect(node(load(buildDir, './twice.cjs', true))).toEqual({ value: 42, used: 0, compiled: 1, written: 1 });
    expect(node(load(buildDir, './twice.cjs'))).toEqual({ value: 42, used: 1, compiled: 0, written: 0 });

    // V8 checks only a source's length: the same length with other bytes must not run the cached code.
    writeFileSync(module, '#!/usr/bin/env node\nmodule.exports = (x) => x * 3;\n');
    expect(node(load(buildDir, './twice.cjs'))).toEqual({ value: 63, used: 0, compiled: 1, written: 0 });

    writeFileSync(module, '#!/usr/bin/env node\nmodule.exports = (x) => x * 2;\n');
    const [cached] = readdirSync(join(buildDir, 'v8-cache'));
    const bytes = readFileSync(join(buildDir, 'v8-cache', cached!));
    bytes.fill(7, 0, 16);
    writeFileSync(join(buildDir, 'v8-cache', cached!), bytes);
    expect(node(load(buildDir, './twice.cjs'))).toEqual({ value: 42, used: 0, compiled: 1, written: 0 });
  });
});
