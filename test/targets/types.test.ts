/**
 * The types target's files for tsc speed on large catalogs: key unions in keys.d.ts, only
 * messages with arguments typed with their text in resources.d.ts, plural messages as one key
 * for the selector API, the data of index.js as JSON strings, and a plural by any argument name
 * working through the typed t() and real i18next.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { generate, renderTargets } from '../../generator/pipeline.js';
import { typesTarget } from '../../generator/targets/types.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { loadTestCatalog, repoRoot } from '../support/catalogs.js';

async function render(selector: boolean) {
  const { catalog, config } = await loadTestCatalog('hazards');
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, { ...config, types: { ...config.types, i18nextSelector: selector } }, [typesTarget], diagnostics);
  if (!files) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const file = (name: string) => files.get(`types/${name}`)!;
  return { catalog, diagnostics, file };
}

describe('types target', () => {
  it('matches the golden context: the one object all five templates are given', async () => {
    const { catalog, config } = await loadTestCatalog('hazards');
    const planned = typesTarget.plan(catalog, { config, header: 'h' }).files;
    expect(planned.map((f) => [f.path, f.template])).toEqual(
      ['index.js', 'index.d.ts', 'keys.d.ts', 'resources.d.ts', 'i18next.d.ts'].map((name) => [`types/${name}`, `${name}.hbs`]),
    );
    for (const file of planned) expect(file.context).toBe(planned[0].context);
    const json = `${JSON.stringify(planned[0].context, null, 2)}\n`;
    await expect(json).toMatchFileSnapshot('../golden/hazards/types-context/context.json');
  });

  it('writes MessageKey as ErrorCode as strings plus the other keys, and MessageParams with only the messages that take arguments', async () => {
    const { catalog, file } = await render(false);
    const keys = file('keys.d.ts');
    const members = (name: string) =>
      new RegExp(`export type ${name} =\\n([\\s\\S]*?)\\n {2};`)
        .exec(keys)![1]!
        .split('\n')
        .map((l) => l.replace(/^\s*\| /, ''));
    const [codeKeys, ...others] = members('MessageKey');
    expect(codeKeys).toBe('`${ErrorCode}`');
    // What tsc makes of `${ErrorCode}`: each number literal as JavaScript prints it.
    const all = [...members('ErrorCode').map((c) => String(JSON.parse(c))), ...others.map((l) => JSON.parse(l) as string)];
    expect(all.sort()).toEqual(catalog.messages.map((m) => m.key).sort());
    const params = /export interface MessageParams \{\n([\s\S]*?)\n\}/
      .exec(keys)![1]!
      .split('\n')
      .filter((l) => /^ {2}"/.test(l))
      .map((l) => JSON.parse(l.trim().replace(/: \{$/, '')));
    expect(params.sort()).toEqual(
      catalog.messages
        .filter((m) => m.params.length > 0)
        .map((m) => m.key)
        .sort(),
    );
    expect(file('index.d.ts')).not.toMatch(/^export type MessageKey/m);
  });

  it('types only messages with arguments by their text; plural forms stay suffixed for string keys', async () => {
    const { catalog, file } = await render(false);
    const resources = file('resources.d.ts');
    const plain = catalog.messages.find((m) => m.params.length === 0 && m.code !== undefined)!;
    expect(resources).toContain(`  ${JSON.stringify(plain.key)}: string;\n`);
    expect(resources).toMatch(/ {2}"5_one": ".*\{\{count/);
    expect(resources).toMatch(/ {2}"5_other": ".*\{\{count/);
    expect(resources).not.toMatch(/ {2}"5": /);
    expect(file('i18next.d.ts')).not.toContain('enableSelector');
  });

  it('for the selector API, a plural message is one key typed with its other form', async () => {
    const { file } = await render(true);
    const resources = file('resources.d.ts');
    expect(resources).toMatch(/ {2}"5": ".*\{\{count/);
    expect(resources).not.toContain('"5_one"');
    expect(resources).not.toContain('"5_other"');
    expect(file('i18next.d.ts')).toContain('enableSelector: "optimize";');
  });

  it('writes the data of index.js as JSON strings, and index.d.ts without a body for tsc to check', async () => {
    const { catalog, file } = await render(false);
    const index = file('index.js');
    expect(file('index.d.ts')).not.toMatch(/JSON\.parse|\{\s*return/);
    const codes = JSON.parse(JSON.parse(/const codes = JSON\.parse\((".*")\);/.exec(index)![1]!));
    expect(codes).toEqual(catalog.messages.flatMap((m) => (m.code === undefined ? [] : [m.code])));
    const sections = JSON.parse(JSON.parse(/sectionsByKey\(JSON\.parse\((".*")\)\)/.exec(index)![1]!));
    for (const m of catalog.messages) expect(sections[m.section], m.key).toContain(m.code ?? m.key);
  });
});

describe('a plural that selects by an argument not named count', () => {
  it('is written as {{count}} for i18next, and the typed t() passes the argument as count', async () => {
    const dir = join(repoRoot, 'test/tmp/types-plural-name');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files: Record<string, unknown> = {
      'codebook.config.json': {
        sourceLocale: 'en',
        locales: ['en', 'ja', 'pl'],
        layers: [
          { name: 'registry', files: ['codes.json'] },
          { name: 'messages', files: ['*.json', '!codes.json', '!codebook.config.json'] },
        ],
        out: 'out',
      },
      'codes.json': {
        sections: [{ id: 'files' }],
        codes: [
          { code: 7, section: 'files', params: { n: { type: 'plural' }, folder: { type: 'string' } } },
          { key: 'unknown', section: 'files', params: { code: { type: 'number' } } },
        ],
      },
      'en.json': {
        locale: 'en',
        sections: { files: 'Files' },
        messages: { '7': '{n, plural, one {# file is} other {# files are}} in {folder} ({n} in all).', unknown: 'Error {code}.' },
      },
      // Japanese has no plural; its {n} is {{count}} too, so one value serves every locale.
      'ja.json': {
        locale: 'ja',
        sections: { files: 'ファイル' },
        messages: { '7': '{folder} に {n} 個のファイルがあります。', unknown: 'エラー {code}' },
      },
      'pl.json': {
        locale: 'pl',
        sections: { files: 'Pliki' },
        messages: { '7': '{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}} w {folder}.', unknown: 'Błąd {code}.' },
      },
    };
    for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value));
    const result = await generate({ config: join(dir, 'codebook.config.json'), cwd: dir, cache: false, targets: ['i18next', 'types'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bundle = (lng: string) =>
      JSON.parse(readFileSync(join(dir, 'out/i18next', lng, 'errors.json'), 'utf8')) as Record<string, string>;
    expect(bundle('en')['7_other']).toBe('{{count, number}} files are in {{folder}} ({{count}} in all).');
    expect(bundle('ja')['7']).toBe('{{folder}} に {{count}} 個のファイルがあります。');

    const t18 = i18next.createInstance();
    await t18.init({
      lng: 'en',
      resources: { en: { errors: bundle('en') }, ja: { errors: bundle('ja') }, pl: { errors: bundle('pl') } },
      interpolation: { escapeValue: false },
    });
    const { messageT } = (await import(join(dir, 'out/types/index.js'))) as typeof import('../../dist/types/index.js');
    const t = messageT(t18) as (key: string, options: object) => string;
    expect(t('7', { n: 1, folder: 'Inbox' })).toBe('1 file is in Inbox (1 in all).');
    expect(t('7', { n: 1200, folder: 'Inbox' })).toBe('1,200 files are in Inbox (1200 in all).');
    expect(messageT(t18.getFixedT('pl'))('7' as never, { n: 3, folder: 'Skrzynka' } as never)).toBe('3 pliki w Skrzynka.');
    expect(messageT(t18.getFixedT('pl'))('7' as never, { n: 5, folder: 'Skrzynka' } as never)).toBe('5 plików w Skrzynka.');
    expect(messageT(t18.getFixedT('ja'))('7' as never, { n: 3, folder: '受信箱' } as never)).toBe('受信箱 に 3 個のファイルがあります。');
    // The keys.d.ts parameters stay the registry's: n, not count.
    expect(readFileSync(join(dir, 'out/types/keys.d.ts'), 'utf8')).toContain('"n": number;');
  });
});
