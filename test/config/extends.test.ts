/**
 * `"extends"`: a project on top of the embedded Chat catalog, installed as a
 * package would be (a copy under node_modules/codebook): the base's layers
 * first and read-only, the project's settings winning, a subset of locales
 * with the fallback chains cut to it, and jargon lists added up.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/load-config.js';
import { chooseTargetFile } from '../../generator/import/xliff/target-file.js';
import { generate } from '../../generator/pipeline.js';
import { repoRoot } from '../support/catalogs.js';

const dir = join(repoRoot, 'test/tmp/extends');
const configFile = join(dir, 'codebook.config.json');
const writeConfig = (config: object) => writeFileSync(configFile, JSON.stringify(config, null, 2));

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const part of ['package.json', 'locales', 'schema'])
    cpSync(join(repoRoot, part), join(dir, 'node_modules/codebook', part), { recursive: true });
  // A project of its own, so Node resolves codebook/chat in its node_modules (not as this repo's self-reference).
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'app/en.json'), JSON.stringify({ locale: 'en', userOverrides: { '6014': 'Please sign in to Acme again.' } }));
});

describe('extends', () => {
  it('takes the base layers first, read-only inside node_modules, and the project settings over the base', async () => {
    writeConfig({
      extends: 'codebook/chat',
      locales: ['en', 'zh-Hant'],
      layers: [{ name: 'app', files: ['app/*.json'] }],
      review: { jargon: ['Acme'] },
      out: 'out',
    });
    const { config, diagnostics } = await loadConfig(configFile);
    expect(diagnostics).toEqual([]);
    expect(config!.base).toEqual({ name: 'codebook/chat', file: join(dir, 'node_modules/codebook/locales/chat.base.json') });
    expect(config!.layers.map((l) => [l.name, l.readOnly ?? false, l.from ?? null])).toEqual([
      ['registry', true, 'codebook/chat'],
      ['project', true, 'codebook/chat'],
      ['user', true, 'codebook/chat'],
      ['vendor', true, 'codebook/chat'],
      ['corrections', true, 'codebook/chat'],
      ['app', false, null],
    ]);
    expect(config!.layers[0]!.root).toBe(join(dir, 'node_modules/codebook/locales'));
    expect(config!.sourceLocale).toBe('en');
    expect(config!.namespace).toBe('errors');
    // zh-Hant → zh-Hans is cut: zh-Hans is not a locale of this project.
    expect(config!.fallback).toEqual({});
    expect(config!.review.jargon).toEqual(expect.arrayContaining(['UserSig', 'サーバー', 'Acme']));
  });

  it('generates only the chosen locales, with the app override on top of the base', async () => {
    writeConfig({ extends: 'codebook/chat', locales: ['en', 'ja'], layers: [{ name: 'app', files: ['app/*.json'] }], out: 'out' });
    const result = await generate({ config: configFile, cwd: dir, cache: false, targets: ['i18next'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readdirSync(join(dir, 'out/i18next')).sort()).toEqual(['en', 'ja']);
    const { catalog } = result;
    expect(catalog!.userMessages!.find((m) => m.key === '6014')!.translations.en!.text).toBe('Please sign in to Acme again.');
    // Positions name the base's files where they are.
    expect(catalog!.messages.find((m) => m.key === '6014')!.translations.ja!.origin.file).toBe(
      ['node_modules', 'codebook', 'locales', 'ja', 'vendor.json'].join('/'),
    );
  });

  it('never picks a base file inside node_modules for an import to write', async () => {
    writeConfig({ extends: 'codebook/chat', layers: [{ name: 'app', files: ['locales/*/app.json'] }], out: 'out' });
    const withApp = (await loadConfig(configFile)).config!;
    expect(await chooseTargetFile(withApp, 'ja')).toMatchObject({ ok: true, display: 'locales/ja/app.json', layer: 'app', create: true });
    writeConfig({ extends: 'codebook/chat', out: 'out' });
    const baseOnly = (await loadConfig(configFile)).config!;
    expect(await chooseTargetFile(baseOnly, 'ja')).toMatchObject({ ok: false });
  });

  it("in this repo, the base is the repo's own locales/, which stays writable", async () => {
    const { config } = await loadConfig(join(repoRoot, 'codebook.config.json'));
    expect(config!.layers.every((l) => !l.readOnly && l.root === join(repoRoot, 'locales'))).toBe(true);
    expect(config!.layers[0]!.root!.split(sep)).not.toContain('node_modules');
  });

  it('a change to the base config (an upgrade) is a change of input for the incremental cache', async () => {
    writeConfig({ extends: 'codebook/chat', locales: ['en', 'ja'], out: 'out-cache' });
    const run = () => generate({ config: configFile, cwd: dir, cache: true, targets: ['i18next'] });
    await run();
    expect((await run()).cache?.state).toBe('hit');
    const baseFile = join(dir, 'node_modules/codebook/locales/chat.base.json');
    const base = JSON.parse(readFileSync(baseFile, 'utf8')) as { namespace: string };
    writeFileSync(baseFile, JSON.stringify({ ...base, namespace: 'chat-errors' }, null, 2));
    const after = await run();
    expect(after.cache?.state).toBe('miss');
    expect(readdirSync(join(dir, 'out-cache/i18next/en'))).toEqual(['chat-errors-detail.json', 'chat-errors.json']);
    writeFileSync(baseFile, JSON.stringify(base, null, 2));
  });
});
