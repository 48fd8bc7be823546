/**
 * catalog/catalog.json's templates (issue 14): golden entry contexts, the
 * TypeScript fast path held to handlebars' bytes and to serializeSnapshot, a
 * user's message template whose file still matches schema/snapshot.schema.json
 * (ajv) and parses to the same snapshot, and a broken override that is
 * reported and writes nothing.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../generator/diff/read-side.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import { catalogTarget } from '../../generator/targets/catalog.js';
import { SNAPSHOT_FILE, catalogSnapshot } from '../../generator/targets/catalog-snapshot.js';
import { loadTestCatalog, renderScenario } from '../support/catalogs.js';
import {
  expectBrokenOverrideWritesNothing,
  expectFastPathEqualsHandlebars,
  expectGoldenContexts,
  generateIn,
  overrideProject,
  readOutput,
} from './json-template-support.js';

const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(snapshotSchema());

/** A user's message template: the texts first, right after the key, for people who read the file. */
const MESSAGE_OVERRIDE = [
  '    {',
  '      "key": {{key}},',
  '      "texts": {{texts}},',
  '{{#if code}}',
  '      "code": {{code}},',
  '{{/if}}',
  '{{#if range}}',
  '      "range": {{range}},',
  '{{/if}}',
  '      "section": {{section}},',
  '      "params": {{params}},',
  '      "identifiers": {{identifiers}}{{#if action}},',
  '      "action": {{action}}{{/if}}{{#if fault}},',
  '      "fault": {{fault}}{{/if}}{{#if userTexts}},',
  '      "userTexts": {{userTexts}}{{/if}}',
  '    }',
].join('\n');

describe('catalog templates', () => {
  it('matches the golden entry contexts (what message.json.hbs is given)', async () => {
    await expectGoldenContexts(catalogTarget, 'message.json.hbs');
  });

  it('renders every message through the TypeScript fast path exactly as message.json.hbs does through handlebars', async () => {
    await expectFastPathEqualsHandlebars(catalogTarget, ['hazards', 'default', 'diff/old']);
  });

  it('writes what serializeSnapshot writes (the bytes codebook diff was given before templates)', async () => {
    const renderer = new TemplateRenderer();
    for (const scenario of ['hazards', 'default', 'diff/old']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      const [file] = catalogTarget.plan(catalog, { config, header: 'h' }).files;
      expect(renderer.render('catalog', file), scenario).toBe(
        catalogSnapshot(catalog, { identifierPrefix: config.identifierPrefix, header: 'h' }),
      );
      const empty = catalogTarget.plan({ ...catalog, messages: [], sections: [] }, { config, header: 'h' }).files[0];
      expect(renderer.render('catalog', empty)).toBe(
        catalogSnapshot({ ...catalog, messages: [], sections: [] }, { identifierPrefix: config.identifierPrefix, header: 'h' }),
      );
    }
  });

  it("renders the config's message.json.hbs: the file matches the snapshot schema and holds the same snapshot", async () => {
    const project = overrideProject('catalog');
    project.write({ 'message.json.hbs': MESSAGE_OVERRIDE });
    const result = await generateIn(project.dir, 'catalog');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mine = readOutput(project.out, 'catalog').get(SNAPSHOT_FILE)!;
    const theirs = (await renderScenario('hazards', [catalogTarget])).files!.get(SNAPSHOT_FILE)!;
    expect(mine).not.toBe(theirs);
    expect(mine).toMatch(/\n {4}\{\n {6}"key": "1",\n {6}"texts": \{\n/);
    const parsed = JSON.parse(mine) as { messages: Record<string, unknown>[] };
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed).toEqual(JSON.parse(theirs));
    expect(Object.keys(parsed.messages[0]).slice(0, 2)).toEqual(['key', 'texts']);
  });

  it('reports a message template that leaves an object open, and writes nothing', async () => {
    await expectBrokenOverrideWritesNothing(
      'catalog',
      { 'message.json.hbs': '    { "key": {{key}}' },
      { template: 'message.json.hbs', file: SNAPSHOT_FILE, why: /it is not JSON/ },
    );
  });
});
