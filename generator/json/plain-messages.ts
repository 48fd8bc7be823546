/**
 * A shortcut past ajv for the common messages file: a locale, section titles
 * and messages that are all plain strings. The messages schema accepts such
 * a file whatever its keys, so ajv is asked only about any other (objects
 * with state or notes, user texts, anything unknown), and only it words
 * errors. ajv would spend ~0.1 s on a 100k-key file, most of it on the
 * failed `$ref` branch of each string's oneOf.
 *
 * The shortcut reads the schema as it was written: it applies only while
 * schema/messages.schema.json has the text hash below (test/json/plain-messages.test.ts
 * fails when the schema changes, so the two are reviewed together).
 */

/** hashText of schema/messages.schema.json, the schema plainMessagesFile was written against. */
export const PLAIN_MESSAGES_SCHEMA_HASH = 4305985891307440;

/**
 * Whether the messages schema accepts `value` for certain: an object with a string "locale", at
 * most a string "$schema", "sections" of non-empty strings and "messages" of strings, and nothing
 * else. False means only "ask ajv".
 */
export function plainMessagesFile(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const name in value) {
    const member = value[name];
    switch (name) {
      case '$schema':
      case 'locale':
        if (typeof member !== 'string') return false;
        break;
      case 'sections':
        if (!allStrings(member, 1)) return false;
        break;
      case 'messages':
        if (!allStrings(member, 0)) return false;
        break;
      default:
        return false;
    }
  }
  return typeof value.locale === 'string';
}

/** Objects as ajv's `type: object` tells them (for...in, as ajv walks them). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object whose every member is a string of at least `minLength` UTF-16 units (1 unit ⇔ 1 code point, for minLength 0 or 1). */
function allStrings(value: unknown, minLength: 0 | 1): boolean {
  if (!isObject(value)) return false;
  for (const name in value) {
    const member = value[name];
    if (typeof member !== 'string' || member.length < minLength) return false;
  }
  return true;
}
