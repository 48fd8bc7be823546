/**
 * The load stage on two threads (catalog/parallel-load.ts) finds exactly
 * what the one-thread load finds: the same diagnostics in the same order,
 * the same failed and kept files, texts, hashes and clean files; and a
 * catalog merged while the worker checked is merged again when a file
 * failed its checks. The worker is the build's (npm test builds first):
 * these tests import the built modules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as LoadLayersModule from '../../generator/catalog/load-layers.js';
import type * as ParallelLoadModule from '../../generator/catalog/parallel-load.js';
import type * as PipelineModule from '../../generator/pipeline.js';
import { repoRoot } from '../support/catalogs.js';
import { fixtureCopy } from '../support/files.js';

const built = (path: string) => import(join(repoRoot, 'build/generator', path));
const { loadLayers } = (await built('catalog/load-layers.js')) as typeof LoadLayersModule;
const { loadLayersEarly } = (await built('catalog/parallel-load.js')) as typeof ParallelLoadModule;
const { loadCatalog, loadProjectConfig } = (await built('pipeline.js')) as typeof PipelineModule;

/** Each way a layer file can fail its load, as an edit of the hazards fixture. */
const FAULTS: Record<string, (dir: string) => void> = {
  clean: () => undefined,
  'duplicate member': (dir) => edit(dir, 'locales/ja/messages.json', '"messages": {', '"messages": { "1": "一",'),
  'schema error': (dir) => edit(dir, 'locales/en/messages.json', '"messages": {', '"messages": { "1": { "text": "x", "state": "bogus" },'),
  'number form': (dir) => edit(dir, 'locales/codes.json', '"codes": [', '"codes": [{ "code": 1e3, "section": "general" },'),
  'too deep': (dir) => edit(dir, 'locales/ko/messages.json', '"messages": {', `"messages": { "x": ${'['.repeat(70)}${']'.repeat(70)},`),
  'invalid UTF-8': (dir) => writeFileSync(join(dir, 'locales/fr/messages.json'), Buffer.from([0x7b, 0xff, 0x7d])),
  'syntax error': (dir) => edit(dir, 'locales/ru/messages.json', '"messages": {', '"messages" {'),
  'no kind': (dir) => writeFileSync(join(dir, 'locales/ar/messages.json'), '{ "other": 1 }\n'),
  'registry not a list': (dir) => edit(dir, 'locales/codes.json', '"codes": [', '"codes": "abc", "codesx": ['),
};

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function configOf(dir: string) {
  return (await loadProjectConfig(join(dir, 'codebook.config.json'))).config!;
}

describe('the load on two threads', () => {
  for (const [fault, apply] of Object.entries(FAULTS)) {
    it(`loads as one thread does: ${fault}`, async () => {
      const dir = fixtureCopy('hazards', 'codebook-parallel-');
      apply(dir);
      const config = await configOf(dir);
      for (const trusted of [undefined, new Map<string, number>()]) {
        const serial = await loadLayers(config, undefined, trusted);
        const early = await loadLayersEarly(config, undefined, trusted, { parallel: true });
        const checked = await early.checked;
        expect(plain(checked.diagnostics)).toEqual(plain(serial.diagnostics));
        expect(checked.failed).toEqual(serial.failed);
        expect(checked.files.map((f) => [f.json.file, f.kind, f.layer])).toEqual(serial.files.map((f) => [f.json.file, f.kind, f.layer]));
        expect(checked.files.map((f) => f.json.value)).toEqual(serial.files.map((f) => f.json.value));
        expect([...checked.texts]).toEqual([...serial.texts]);
        expect([...checked.hashes]).toEqual([...serial.hashes]);
        expect([...checked.clean]).toEqual([...serial.clean]);
        // The early files stand exactly when the checks left none of them out.
        expect(checked.files === early.layers.files).toBe(checked.files.length === early.layers.files.length);
      }
      // The catalog and everything reported, whether merged while the worker checked or merged again.
      const one = await loadCatalog({ config: join(dir, 'codebook.config.json'), parallelLoad: false });
      const two = await loadCatalog({ config: join(dir, 'codebook.config.json'), parallelLoad: true });
      expect(plain(two.diagnostics)).toEqual(plain(one.diagnostics));
      expect(two.catalog?.messages.length).toBe(one.catalog?.messages.length);
      expect(plain(two.catalog?.messages)).toEqual(plain(one.catalog?.messages));
    });
  }

  it('keeps the early files when every check passes, and leaves out one that fails', async () => {
    const dir = fixtureCopy('hazards', 'codebook-parallel-');
    const config = await configOf(dir);
    const clean = await loadLayersEarly(config, undefined, undefined, { parallel: true });
    expect((await clean.checked).files).toBe(clean.layers.files);
    FAULTS['schema error']!(dir);
    const failing = await loadLayersEarly(config, undefined, undefined, { parallel: true });
    const checked = await failing.checked;
    expect(failing.layers.files.map((f) => f.json.file)).toContain('locales/en/messages.json');
    expect(checked.files.map((f) => f.json.file)).not.toContain('locales/en/messages.json');
    expect(checked.failed).toEqual([{ file: 'locales/en/messages.json', kind: 'messages', locale: 'en' }]);
  });
});
