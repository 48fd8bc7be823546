/**
 * Platform identifiers back to keys, for the imports of files whose entries
 * are named by them (ARB `error_6014`, Android `error_n302`): the same
 * identifier table the targets write with (emit/identifiers.ts), per
 * audience (emit/audiences.ts: `error_6014` the user message,
 * `error_detail_6014` the developer detail), inverted. Never re-derived
 * from the name: a key whose identifier another key already has is in no
 * table, as in the targets.
 */
import type { Catalog, Message } from '../../catalog/model.js';
import { audiencesOf } from '../../emit/audiences.js';
import { identifierTable } from '../../emit/identifiers.js';
import type { AudienceId } from './audience.js';

export interface IdentifiedEntry {
  audience: AudienceId;
  /** The audience's message of the key. */
  message: Message;
}

/** Every identifier of the catalog's audiences with its key's message. */
export function identifierIndex(catalog: Catalog, identifierPrefix: string): Map<string, IdentifiedEntry> {
  const index = new Map<string, IdentifiedEntry>();
  for (const audience of audiencesOf(catalog, identifierPrefix)) {
    const { names } = identifierTable(audience.catalog, audience.identifierPrefix);
    for (const message of audience.catalog.messages) {
      const name = names.get(message.key);
      if (name !== undefined && !index.has(name)) index.set(name, { audience: audience.id, message });
    }
  }
  return index;
}

/** The identifier of each key of an audience. */
export function audienceNames(catalog: Catalog, identifierPrefix: string, audience: AudienceId): ReadonlyMap<string, string> {
  const view = audiencesOf(catalog, identifierPrefix).find((a) => a.id === audience)!;
  return identifierTable(view.catalog, view.identifierPrefix).names;
}

/** The target locales as a list for messages: `ja, ko, zh-Hans`. */
export function targetLocaleList(catalog: Catalog, show: (locale: string) => string = (l) => l): string {
  return catalog.locales
    .filter((l) => l !== catalog.sourceLocale)
    .map(show)
    .join(', ');
}
