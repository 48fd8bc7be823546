/**
 * A shortcut past ajv for the common messages file: a locale, section titles
 * and messages, each a string or an entry with text, state, note and doubts.
 * The messages schema accepts such a file whatever its keys, so ajv is asked
 * only about any other (user texts, anything unknown or mistyped), and only
 * it words errors. ajv would spend ~0.1 s on a 100k-key file, most of it on
 * the failed branch of each message's oneOf.
 *
 * The shortcut reads the schema as it was written: it applies only while
 * schema/messages.schema.json has the text hash below (test/json/plain-messages.test.ts
 * fails when the schema changes, so the two are reviewed together).
 */

/** hashText of schema/messages.schema.json, the schema plainMessagesFile was written against. */
export const PLAIN_MESSAGES_SCHEMA_HASH = 4305985891307440;

/**
 * Whether the messages schema accepts `value` for certain: an object with a string "locale", at
 * most a string "$schema", "sections" of non-empty strings and "messages" of strings and plain
 * entries, and nothing else. False means only "ask ajv".
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
        if (!nonEmptyStrings(member)) return false;
        break;
      case 'messages':
        if (!allMessages(member)) return false;
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

/** An object whose every member is a non-empty string (the schema's minLength 1: one UTF-16 unit ⇔ one code point). */
function nonEmptyStrings(value: unknown): boolean {
  if (!isObject(value)) return false;
  // Values only (the schema names no key): no string made for every integer-like key, as for...in would.
  const members = Object.values(value);
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (typeof member !== 'string' || member.length === 0) return false;
  }
  return true;
}

/** An object whose every member is a string or a plain entry (the schema's oneOf of the two: nothing is both). */
function allMessages(value: unknown): boolean {
  if (!isObject(value)) return false;
  const members = Object.values(value);
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (typeof member !== 'string' && !plainEntry(member)) return false;
  }
  return true;
}

/** The schema's `message`: an object of at most a string text and note, a known state and a list of string doubts. */
function plainEntry(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const name in value) {
    const member = value[name];
    switch (name) {
      case 'text':
      case 'note':
        if (typeof member !== 'string') return false;
        break;
      case 'state':
        if (member !== 'initial' && member !== 'translated' && member !== 'reviewed' && member !== 'final') return false;
        break;
      case 'doubts':
        if (!Array.isArray(member) || !member.every((doubt) => typeof doubt === 'string')) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
