/**
 * The shortcut past ajv for plain messages files (json/plain-messages.ts)
 * says "valid" only where the messages schema does, and it is tied to the
 * schema's text: this test fails when the schema changes, so that the
 * shortcut is read again with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { NOT_PLAIN, PLAIN_MESSAGES_SCHEMA_HASH, plainMessagesMembers } from '../../generator/json/plain-messages.js';
import { hashText } from '../../generator/json/text-hash.js';
import { repoRoot } from '../support/catalogs.js';
import { memberNames } from '../support/member-names.js';

const schemaText = readFileSync(join(repoRoot, 'schema/messages.schema.json'), 'utf8');
const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;

/** Plain files and every near miss: each member's value swapped for the values of the other shapes. */
function documents(): unknown[] {
  const plain = { $schema: 's', locale: 'en', sections: { a: 'A' }, messages: { '1': 'one', '-2': '', x: '{n}' } };
  const entries: unknown[] = [
    { text: 'x' },
    {},
    { text: 'x', state: 'initial', note: 'n', doubts: ['d'] },
    { state: 'final' },
    { state: 'bogus' },
    { state: 'initial ' },
    { text: 1 },
    { note: null },
    { doubts: 'd' },
    { doubts: [1] },
    { doubts: [] },
    { text: 'x', other: 'y' },
    { __proto__: null, text: 'x' },
    JSON.parse('{"text":"x","__proto__":"y"}'),
    ['x'],
    null,
  ];
  const values: unknown[] = ['', 'x', 1, null, true, [], ['x'], {}, { a: 'x' }, { a: '' }, { a: 1 }, { a: ['x'] }];
  for (const entry of entries) values.push({ a: entry }, { a: 'x', b: entry });
  const docs: unknown[] = [
    plain,
    { locale: 'en' },
    { locale: 'en', messages: {} },
    {},
    [],
    'en',
    null,
    JSON.parse('{"locale":"en","__proto__":"x"}'),
  ];
  for (const name of ['$schema', 'locale', 'sections', 'messages', 'user', 'userOverrides', 'other']) {
    for (const value of values) docs.push({ ...plain, [name]: value });
    const { [name as keyof typeof plain]: _left, ...without } = plain;
    docs.push(without);
  }
  docs.push(JSON.parse('{"locale":"en","messages":{"__proto__":"x","constructor":"y"}}'));
  for (const path of [
    'locales/ja/vendor.json',
    'locales/ko/corrections.json',
    'test/fixtures/hazards/locales/ar/messages.json',
    'test/fixtures/hazards/locales/ja/messages.json',
  ])
    docs.push(read(path));
  return docs;
}

describe('plain messages files', () => {
  it('is written against the schema as it is', () => {
    expect(hashText(schemaText), 'schema/messages.schema.json changed: check plainMessagesMembers against it, then update the hash').toBe(
      PLAIN_MESSAGES_SCHEMA_HASH,
    );
  });

  it('accepts only what the schema accepts, and the plain shape, counting every member name', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(JSON.parse(schemaText) as object);
    const docs = documents();
    let accepted = 0;
    for (const doc of docs) {
      const members = plainMessagesMembers(doc);
      if (members === NOT_PLAIN) continue;
      accepted++;
      expect(validate(doc), JSON.stringify(doc)).toBe(true);
      expect(members, JSON.stringify(doc)).toBe(memberNames(doc));
    }
    expect(plainMessagesMembers(docs[0])).toBe(memberNames(docs[0]));
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThan(docs.length / 2);
  });
});
