/**
 * A shortcut past ajv for the common registry file: sections, and entries
 * that each give a code, a range or a key, a section and the plain facts
 * about it. The registry schema accepts such a file for certain, so ajv is
 * asked only about any other, and only it words errors. ajv spends ~0.1 s
 * on a 100k-code registry, most of it on the oneOf of each entry (two failed
 * branches, with their error objects).
 *
 * Like plain-messages.ts, the shortcut reads the schema as it was written:
 * it applies only while schema/registry.schema.json has the text hash below
 * (test/json/plain-registry.test.ts fails when the schema changes). Its walk
 * counts the member names too, as plainMessagesMembers's does.
 */
import { isObject, NOT_PLAIN, plainMembers } from './plain-messages.js';
import { ACTIONS as REGISTRY_ACTIONS, FAULTS as REGISTRY_FAULTS, PARAM_TYPES as REGISTRY_PARAM_TYPES } from './registry-enums.js';

/** hashText of schema/registry.schema.json, the schema plainRegistryMembers was written against. */
export const PLAIN_REGISTRY_SCHEMA_HASH = 6224567882809238;

/** The schema's `id` pattern (ajv compiles it with the u flag; this pattern means the same without). */
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ACTIONS: ReadonlySet<unknown> = new Set(REGISTRY_ACTIONS);
const FAULTS: ReadonlySet<unknown> = new Set(REGISTRY_FAULTS);
const PARAM_TYPES: ReadonlySet<unknown> = new Set(REGISTRY_PARAM_TYPES);

/**
 * The number of member names in `value` if the registry schema accepts it for certain: an object
 * with "codes" of plain entries, at most "sections" of plain sections and a string "$schema", and
 * nothing else. NOT_PLAIN means only "ask ajv".
 */
export function plainRegistryMembers(value: unknown): number {
  const ids = new Set<string>();
  const count = plainMembers(value, (name, member) => {
    switch (name) {
      case '$schema':
        return typeof member === 'string' ? 0 : NOT_PLAIN;
      case 'sections':
        return allOf(member, (section) => plainSection(section, ids));
      case 'codes':
        return allOf(member, (entry) => plainEntry(entry, ids));
      default:
        return NOT_PLAIN;
    }
  });
  return count !== NOT_PLAIN && (value as Record<string, unknown>).codes !== undefined ? count : NOT_PLAIN;
}

/** The member count of an array whose every item is plain by `plain` (its member count). */
function allOf(value: unknown, plain: (item: unknown) => number): number {
  if (!Array.isArray(value)) return NOT_PLAIN;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const inside = plain(value[i]);
    if (inside === NOT_PLAIN) return NOT_PLAIN;
    count += inside;
  }
  return count;
}

/** A string of the schema's `id` pattern; `ids` remembers those that were (a registry names a few sections 100k times). */
function isId(value: unknown, ids: Set<string>): boolean {
  if (typeof value !== 'string') return false;
  if (ids.has(value)) return true;
  if (!ID.test(value)) return false;
  ids.add(value);
  return true;
}

/** The schema's `section`: an id and at most a part; its member count. */
function plainSection(value: unknown, ids: Set<string>): number {
  if (!isObject(value)) return NOT_PLAIN;
  let count = 0;
  for (const name in value) {
    if ((name !== 'id' && name !== 'part') || !isId(value[name], ids)) return NOT_PLAIN;
    count++;
  }
  return value.id !== undefined ? count : NOT_PLAIN;
}

/** The schema's `entry`: one of an integer code, a range of two and a key (its oneOf), a section, and plain facts; its member count. */
function plainEntry(value: unknown, ids: Set<string>): number {
  if (!isObject(value)) return NOT_PLAIN;
  let count = 0;
  for (const name in value) {
    const member = value[name];
    switch (name) {
      case 'code':
        if (!Number.isInteger(member)) return NOT_PLAIN;
        break;
      case 'range':
        if (!Array.isArray(member) || member.length !== 2 || !Number.isInteger(member[0]) || !Number.isInteger(member[1])) return NOT_PLAIN;
        break;
      case 'section':
      case 'user':
        if (!isId(member, ids)) return NOT_PLAIN;
        break;
      case 'key':
      case 'description':
      case 'note':
        if (typeof member !== 'string') return NOT_PLAIN;
        break;
      case 'action':
        if (!ACTIONS.has(member)) return NOT_PLAIN;
        break;
      case 'fault':
        if (!FAULTS.has(member)) return NOT_PLAIN;
        break;
      case 'params': {
        const inside = plainParams(member);
        if (inside === NOT_PLAIN) return NOT_PLAIN;
        count += inside;
        break;
      }
      default:
        return NOT_PLAIN;
    }
    count++;
  }
  // The oneOf: exactly one of code, range and key.
  const named = Number(value.code !== undefined) + Number(value.range !== undefined) + Number(value.key !== undefined);
  return named === 1 && value.section !== undefined ? count : NOT_PLAIN;
}

/** The schema's `params`: an object of params, each a known type, at most a string or finite number example and a string description; its member count. */
function plainParams(value: unknown): number {
  if (!isObject(value)) return NOT_PLAIN;
  let count = 0;
  for (const param in value) {
    const declared = value[param];
    if (!isObject(declared) || declared.type === undefined) return NOT_PLAIN;
    for (const name in declared) {
      const member = declared[name];
      const plain =
        name === 'type'
          ? PARAM_TYPES.has(member)
          : name === 'example'
            ? typeof member === 'string' || Number.isFinite(member)
            : name === 'description' && typeof member === 'string';
      if (!plain) return NOT_PLAIN;
      count++;
    }
    count++;
  }
  return count;
}
