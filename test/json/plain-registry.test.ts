/**
 * The shortcut past ajv for plain registry files (json/plain-registry.ts)
 * says "valid" only where the registry schema does, counts every member
 * name, and is tied to the schema's text: this test fails when the schema
 * changes, so that the shortcut is read again with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { NOT_PLAIN } from '../../generator/json/plain-messages.js';
import { PLAIN_REGISTRY_SCHEMA_HASH, plainRegistryMembers } from '../../generator/json/plain-registry.js';
import { ACTIONS, FAULTS, PARAM_TYPES } from '../../generator/json/registry-enums.js';
import { hashText } from '../../generator/json/text-hash.js';
import { repoRoot } from '../support/catalogs.js';
import { memberNames } from '../support/member-names.js';

const schemaText = readFileSync(join(repoRoot, 'schema/registry.schema.json'), 'utf8');
const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;

/** Plain registries and near misses: each member of the document, of a section, of an entry and of a param swapped for other values. */
function documents(): unknown[] {
  const param = { type: 'number', example: 3, description: 'd' };
  const entry = { code: -7, section: 'a-b', description: 'x', user: 'u1', action: 'retry', fault: 'app', note: 'n', params: { n: param } };
  const section = { id: 'a-b', part: 'p' };
  const plain = { $schema: 's', sections: [section], codes: [entry, { code: 0, section: 'a-b' }] };
  const values: unknown[] = [
    '',
    'x',
    'a-b',
    'A',
    'a--b',
    '-a',
    'a-',
    '1a',
    'a\n',
    'ａ',
    0,
    -1,
    1.5,
    1e300,
    2 ** 53,
    null,
    true,
    [],
    ['x'],
    {},
    [1, 2],
    'retry',
    'none',
    'bogus',
    'user',
    'number',
    'plural',
    'String',
    { n: param },
    { n: {} },
    { n: { type: 'bogus' } },
    { n: 'x' },
    [1],
    [1, 2, 3],
    [1.5, 2],
    ['1', 2],
    [-3, 1e300],
  ];
  const docs: unknown[] = [plain, { codes: [] }, {}, [], null, 'x', { sections: [] }, JSON.parse('{"codes":[],"__proto__":"x"}')];
  const swapped = (base: Record<string, unknown>, wrap: (changed: Record<string, unknown>) => unknown, extra: string[]) => {
    for (const name of [...Object.keys(base), ...extra]) {
      for (const value of values) docs.push(wrap({ ...base, [name]: value }));
      const { [name]: _left, ...without } = base;
      docs.push(wrap(without));
    }
  };
  swapped(plain, (doc) => doc, ['other']);
  swapped(section, (s) => ({ ...plain, sections: [section, s] }), ['other']);
  swapped(entry, (e) => ({ ...plain, codes: [entry, e] }), ['range', 'key', 'other']);
  swapped({ range: [1, 2], section: 'a' }, (e) => ({ codes: [e] }), ['code', 'key']);
  swapped({ key: 'unknown', section: 'a' }, (e) => ({ codes: [e] }), ['code', 'range']);
  swapped(param, (p) => ({ ...plain, codes: [{ ...entry, params: { n: param, m: p } }] }), ['other']);
  docs.push(
    { codes: [{ range: [1, 2], section: 'a' }] },
    { codes: [{ key: 'unknown', section: 'a' }] },
    { codes: [{ code: 1, key: 'k', section: 'a' }] },
  );
  docs.push(JSON.parse('{"codes":[{"code":1,"section":"a","__proto__":"x"}]}'), JSON.parse('{"codes":[{"code":1e400,"section":"a"}]}'));
  for (const path of [
    'locales/codes.json',
    'locales/chat.base.json',
    'test/fixtures/hazards/locales/codes.json',
    'test/fixtures/review-page/locales/codes.json',
  ])
    docs.push(read(path));
  return docs;
}

describe('plain registry files', () => {
  it('is written against the schema as it is', () => {
    expect(hashText(schemaText), 'schema/registry.schema.json changed: check plainRegistryMembers against it, then update the hash').toBe(
      PLAIN_REGISTRY_SCHEMA_HASH,
    );
  });

  it("knows the schema's enums as it has them", () => {
    const defs = (
      JSON.parse(schemaText) as { $defs: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> }
    ).$defs;
    expect([...ACTIONS]).toEqual(defs.action!.enum);
    expect([...FAULTS]).toEqual(defs.fault!.enum);
    expect([...PARAM_TYPES]).toEqual(defs.param!.properties!.type!.enum);
  });

  it('accepts only what the schema accepts, and the plain shape, counting every member name', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(JSON.parse(schemaText) as object);
    const docs = documents();
    let accepted = 0;
    for (const doc of docs) {
      const members = plainRegistryMembers(doc);
      if (members === NOT_PLAIN) continue;
      accepted++;
      expect(validate(doc), JSON.stringify(doc)).toBe(true);
      expect(members, JSON.stringify(doc)).toBe(memberNames(doc));
    }
    expect(plainRegistryMembers(docs[0])).toBe(memberNames(docs[0]));
    expect(plainRegistryMembers(read('locales/codes.json'))).not.toBe(NOT_PLAIN);
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(docs.length / 2);
  });
});
