/**
 * What the formats with translator notes say about a message, each line
 * written once (test/emit/message-notes.test.ts holds the table):
 *
 * - messageComment: the comment above an entry in strings.xml and
 *   `.properties`, `6014 (auth): Shown when the session expired`.
 * - sectionLabel: the section as gettext's `#. Section:` and XLIFF's
 *   `section` note name it, `Authentication (auth)`, or the id alone when
 *   the section has no title in the source locale.
 * - paramNote: one argument as gettext's `#.` lines and XLIFF's `argument`
 *   notes describe it, `{count}: plural, e.g. 3 (files left)`.
 * - sourceOrigins and location: where a message comes from (its registry
 *   entry, then its source text), as `locales/en/messages.json:6`.
 */
import type { Catalog, Message, Origin, Param } from '../catalog/model.js';

/** `<key> (<section>)`, then `: <description>` when there is one. */
export function messageComment(message: Pick<Message, 'key' | 'section' | 'description'>): string {
  return `${message.key} (${message.section})${message.description ? `: ${message.description}` : ''}`;
}

/** `<title> (<section>)`, or the section id when it has no title. */
export function sectionLabel(section: string, title: string | undefined): string {
  return title ? `${title} (${section})` : section;
}

/** `{<name>}: <type>`, then `, e.g. <example>` and ` (<description>)` when given. */
export function paramNote(param: Param): string {
  return `{${param.name}}: ${param.type}${param.example !== undefined ? `, e.g. ${param.example}` : ''}${param.description ? ` (${param.description})` : ''}`;
}

/** Where a message is defined: its registry entry, then its source-locale text, each when known. */
export function sourceOrigins(catalog: Pick<Catalog, 'sourceLocale'>, message: Message): Origin[] {
  return [message.origin, message.translations[catalog.sourceLocale]?.origin].filter((o): o is Origin => o !== undefined);
}

/** `<file>:<line>`. */
export function location(origin: Pick<Origin, 'file' | 'line'>): string {
  return `${origin.file}:${origin.line}`;
}
