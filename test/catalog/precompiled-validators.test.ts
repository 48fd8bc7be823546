// The build's standalone validators (generator/precompile.ts) must judge every document
// exactly as ajv compiling the same schema at run time does: same verdict, same errors.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { precompiledValidatorsSource, SCHEMA_NAMES } from '../../generator/json/schemas.js';
import { repoRoot } from '../support/catalogs.js';

const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;

const samples: Record<string, Record<string, unknown>[]> = {
  registry: [read('locales/codes.json'), read('test/fixtures/hazards/locales/codes.json')],
  messages: [read('locales/ja/vendor.json'), read('locales/ko/corrections.json'), read('test/fixtures/hazards/locales/ar/messages.json')],
  config: [read('codebook.config.json'), read('test/fixtures/hazards/codebook.config.json')],
  catalog: [],
};

/** Each sample, then broken copies: a member removed, an unknown member, a wrong type. */
function variants(doc: Record<string, unknown>): unknown[] {
  const [first] = Object.keys(doc);
  const { [first]: _removed, ...missing } = doc;
  return [doc, missing, { ...doc, surplus: true }, { ...doc, [first]: 42 }, [], 'text'];
}

describe('precompiled validators', () => {
  // Inside the repo: the generated module requires ajv's runtime helpers from node_modules.
  mkdirSync(join(repoRoot, 'test/tmp'), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, 'test/tmp/validators-'));
  const file = join(dir, 'validators.cjs');
  writeFileSync(file, precompiledValidatorsSource());
  const module = createRequire(import.meta.url)(file) as {
    validators: Record<string, ((data: unknown) => boolean) & { errors?: unknown }>;
    sources: Record<string, string>;
  };
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });

  it.each(SCHEMA_NAMES.filter((n) => samples[n].length > 0))('%s: same verdict and errors as ajv at run time', (name) => {
    const source = readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8');
    expect(module.sources[name]).toBe(source);
    const runtime = ajv.compile(JSON.parse(source) as object);
    const docs = samples[name].flatMap(variants);
    const verdicts = docs.map((doc) => {
      const ok = module.validators[name](doc);
      const expected = runtime(doc);
      expect(module.validators[name].errors ?? null).toEqual(runtime.errors ?? null);
      expect(ok).toBe(expected);
      return ok;
    });
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});
