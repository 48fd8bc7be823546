/**
 * The types target's files for tsc speed on large catalogs: key unions in keys.d.ts, only
 * messages with arguments typed with their text in resources.d.ts, plural messages as one key
 * for the selector API, and the data of index.ts as JSON strings.
 */
import { describe, expect, it } from 'vitest';
import { renderTargets } from '../../generator/pipeline.js';
import { typesTarget } from '../../generator/targets/types.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { loadTestCatalog } from '../support/catalogs.js';

async function render(selector: boolean) {
  const { catalog, config } = await loadTestCatalog('hazards');
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, { ...config, types: { ...config.types, i18nextSelector: selector } }, [typesTarget], diagnostics);
  if (!files) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const file = (name: string) => files.get(`types/${name}`)!;
  return { catalog, diagnostics, file };
}

describe('types target', () => {
  it('writes MessageKey flat and MessageParams with only the messages that take arguments', async () => {
    const { catalog, file } = await render(false);
    const keys = file('keys.d.ts');
    const all = /export type MessageKey =\n([\s\S]*?)\n  ;/.exec(keys)![1]!.split('\n').map((l) => JSON.parse(l.replace(/^\s*\| /, '')));
    const params = /export interface MessageParams \{\n([\s\S]*?)\n\}/.exec(keys)![1]!.split('\n').filter((l) => /^  "/.test(l)).map((l) => JSON.parse(l.trim().replace(/: \{$/, '')));
    expect(all).toEqual(catalog.messages.map((m) => m.key));
    expect(params.sort()).toEqual(catalog.messages.filter((m) => m.params.length > 0).map((m) => m.key).sort());
    expect(file('index.ts')).not.toMatch(/^export type MessageKey/m);
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

  it('writes the data of index.ts as JSON strings, not as checked literals', async () => {
    const { catalog, file } = await render(false);
    const index = file('index.ts');
    const codes = JSON.parse(JSON.parse(/const codes: readonly number\[\] = JSON\.parse\((".*")\);/.exec(index)![1]!));
    expect(codes).toEqual(catalog.messages.flatMap((m) => (m.code === undefined ? [] : [m.code])));
    const sections = JSON.parse(JSON.parse(/sectionsByKey\(JSON\.parse\((".*")\)\)/.exec(index)![1]!));
    for (const m of catalog.messages) expect(sections[m.section], m.key).toContain(m.code ?? m.key);
  });
});
