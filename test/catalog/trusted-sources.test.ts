/**
 * The load stage trusts a layer file that loaded clean in the last
 * incremental run only while its text is byte for byte the same: then its
 * schema, depth and duplicate-member checks are skipped (they would find
 * nothing again); any other text is checked in full.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLayers } from '../../generator/catalog/load-layers.js';
import { hashText } from '../../generator/json/text-hash.js';
import { loadProjectConfig } from '../../generator/pipeline.js';
import { fixtureCopy } from '../support/files.js';

async function load(dir: string, trusted?: ReadonlyMap<string, number>) {
  const { config } = await loadProjectConfig(join(dir, 'codebook.config.json'));
  return loadLayers(config!, undefined, trusted);
}

describe('trusted layer files', () => {
  it('records the clean files of an incremental load, with their text hash, and none of a plain one', async () => {
    const dir = fixtureCopy('hazards', 'codebook-trusted-');
    const incremental = await load(dir, new Map());
    expect([...incremental.clean.keys()]).toContain('locales/ja/messages.json');
    expect(incremental.clean.get('locales/ja/messages.json')).toBe(hashText(incremental.texts.get('locales/ja/messages.json')!));
    expect((await load(dir)).clean.size).toBe(0);
  });

  it('skips the checks of a trusted text, and checks any other text in full', async () => {
    const dir = fixtureCopy('hazards', 'codebook-trusted-');
    const file = 'locales/ja/messages.json';
    // A duplicate member and a schema error: what the skipped checks would report.
    const text = '{\n  "locale": "ja",\n  "messages": { "1": "一", "1": "二", "5": { "text": "五", "state": "bogus" } }\n}\n';
    writeFileSync(join(dir, file), text);
    const rules = (r: Awaited<ReturnType<typeof load>>) => r.diagnostics.filter((d) => d.place?.file === file).map((d) => d.ruleId);
    const checked = await load(dir, new Map([[file, hashText(`${text} `)]]));
    expect(rules(checked)).toEqual(expect.arrayContaining(['json/duplicate-key']));
    expect(rules(checked).some((r) => r.startsWith('schema/'))).toBe(true);
    expect(checked.clean.has(file)).toBe(false);
    // Only a record could claim this text clean; the run then trusts it, as it trusts what it checked before.
    expect(rules(await load(dir, new Map([[file, hashText(text)]])))).toEqual([]);
  });
});
