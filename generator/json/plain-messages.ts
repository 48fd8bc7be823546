/**
 * A shortcut past ajv for the common messages file: a locale, section titles
 * and messages, each a string or an entry with text, state, note and doubts.
 * The messages schema accepts such a file whatever its keys, so ajv is asked
 * only about any other (user texts, anything unknown or mistyped), and only
 * it words errors. ajv would spend ~0.1 s on a 100k-key file, most of it on
 * the failed branch of each message's oneOf.
 *
 * The walk also counts the file's member names, which the duplicate-member
 * check needs (json-file.ts), so a plain file's 100k messages are walked
 * once for both.
 *
 * The shortcut reads the schema as it was written: it applies only while
 * schema/messages.schema.json has the text hash below (test/json/plain-messages.test.ts
 * fails when the schema changes, so the two are reviewed together).
 */

/** hashText of schema/messages.schema.json, the schema plainMessagesMembers was written against. */
export const PLAIN_MESSAGES_SCHEMA_HASH = 4305985891307440;

/** What a shortcut's walk answers: not known to be valid (ask ajv), or valid with this many member names in all. */
export const NOT_PLAIN = -1;

/**
 * The number of member names in `value` if the messages schema accepts it for certain: an object
 * with a string "locale", at most a string "$schema", "sections" of non-empty strings and
 * "messages" of strings and plain entries, and nothing else. NOT_PLAIN means only "ask ajv".
 */
export function plainMessagesMembers(value: unknown): number {
  const count = plainMembers(value, messagesMember);
  return count !== NOT_PLAIN && typeof (value as Record<string, unknown>).locale === 'string' ? count : NOT_PLAIN;
}

/** The member count inside one top-level member of a plain messages file; NOT_PLAIN for a name the shortcut does not know. */
function messagesMember(name: string, member: unknown): number {
  switch (name) {
    case '$schema':
    case 'locale':
      return typeof member === 'string' ? 0 : NOT_PLAIN;
    case 'sections':
      return nonEmptyStrings(member);
    case 'messages':
      return allMessages(member);
    default:
      return NOT_PLAIN;
  }
}

/**
 * The member count of a file (an object) whose every top-level member `inside` accepts, each
 * counted with the member names inside it; NOT_PLAIN when it is not an object or `inside` refuses one.
 */
export function plainMembers(value: unknown, inside: (name: string, member: unknown) => number): number {
  if (!isObject(value)) return NOT_PLAIN;
  let count = 0;
  for (const name in value) {
    const members = inside(name, value[name]);
    if (members === NOT_PLAIN) return NOT_PLAIN;
    count += 1 + members;
  }
  return count;
}

/** Objects as ajv's `type: object` tells them (for...in, as ajv walks them). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The member count of an object whose every member is a non-empty string (the schema's minLength 1: one UTF-16 unit ⇔ one code point). */
function nonEmptyStrings(value: unknown): number {
  if (!isObject(value)) return NOT_PLAIN;
  // Values only (the schema names no key): no string made for every integer-like key, as for...in would.
  const members = Object.values(value);
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (typeof member !== 'string' || member.length === 0) return NOT_PLAIN;
  }
  return members.length;
}

/** The member count, entries' included, of an object whose every member is a string or a plain entry (the schema's oneOf of the two: nothing is both). */
function allMessages(value: unknown): number {
  if (!isObject(value)) return NOT_PLAIN;
  const members = Object.values(value);
  let count = members.length;
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    if (typeof member === 'string') continue;
    const inside = plainEntry(member);
    if (inside === NOT_PLAIN) return NOT_PLAIN;
    count += inside;
  }
  return count;
}

/** The schema's `message`: an object of at most a string text and note, a known state and a list of string doubts; its member count. */
function plainEntry(value: unknown): number {
  if (!isObject(value)) return NOT_PLAIN;
  let count = 0;
  for (const name in value) {
    const member = value[name];
    switch (name) {
      case 'text':
      case 'note':
        if (typeof member !== 'string') return NOT_PLAIN;
        break;
      case 'state':
        if (member !== 'initial' && member !== 'translated' && member !== 'reviewed' && member !== 'final') return NOT_PLAIN;
        break;
      case 'doubts':
        if (!Array.isArray(member) || !member.every((doubt) => typeof doubt === 'string')) return NOT_PLAIN;
        break;
      default:
        return NOT_PLAIN;
    }
    count++;
  }
  return count;
}
