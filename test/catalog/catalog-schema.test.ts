// The merged catalog's shape is documented by schema/catalog.schema.json. The pipeline no
// longer re-validates every merge against it at run time (a full copy and walk of the
// catalog on every run); this test holds the merge to the schema instead.
import { describe, expect, it } from 'vitest';
import { schemaErrorsOf } from '../../generator/json/schemas.js';
import { toPlainCatalog } from '../../generator/pipeline.js';
import { loadTestCatalog } from '../support/catalogs.js';

describe('the merged catalog', () => {
  it.each(['default', 'hazards'])('of %s matches schema/catalog.schema.json as JSON', async (scenario) => {
    const { catalog } = await loadTestCatalog(scenario);
    const plain = JSON.parse(JSON.stringify(toPlainCatalog(catalog))) as { messages: { origin: Record<string, unknown> }[] };
    expect(schemaErrorsOf('catalog', plain)).toEqual([]);
    expect(plain.messages[0].origin).toEqual({
      layer: 'registry',
      file: expect.any(String),
      pointer: expect.stringMatching(/^\/codes\/\d+$/),
      line: expect.any(Number),
      column: expect.any(Number),
    });
    delete plain.messages[0].origin.line;
    expect(schemaErrorsOf('catalog', plain)).not.toEqual([]);
  });
});
