/**
 * The load stage's checks of a messages file, made on its edited entries
 * alone: when the file loaded clean last time and its layout shows that
 * only those entries changed (the rest byte for byte in place, the same
 * keys in the same order), what the depth, duplicate-member and schema
 * checks could newly find lies in those entries. At 100k keys this skips
 * the schema walk of a 17 MB file and its member count on every save.
 */
import type { SourceFile } from '../catalog/load-layers.js';
import { parseJsonFile } from '../json/json-file.js';
import { schemaErrorsOf } from '../json/schemas.js';
import { parseSlice } from './partial-source.js';
import type { SourceLayout } from './source-layout.js';

/** Whether the edited entries (key-table places) of a messages file pass the checks its whole text would have had. */
export function editedEntriesPass(source: SourceFile, layout: SourceLayout, edited: ReadonlySet<number>): boolean {
  if (source.kind !== 'messages') return false;
  const texts: string[] = [];
  const entries: Record<string, Record<string, unknown>> = {};
  for (const [pointer, list] of Object.entries(layout.lists ?? {})) {
    if (!list.slice) return false;
    const members: Record<string, unknown> = (entries[pointer.slice(1)] = {});
    for (let i = 0; i < list.keys.length; i++) {
      if (!edited.has(list.keys[i]!)) continue;
      const entry = parseSlice(list.slice(i));
      if (!entry) return false;
      texts.push(entry.text);
      members[entry.name] = entry.value;
    }
  }
  // Depth and duplicate members, as parseJsonFile finds them in a whole file.
  if (parseJsonFile(source.json.file, `[${texts.join(',')}]`).diagnostics.length > 0) return false;
  // The schema, on the file with its other entries left out: the members are checked one by one.
  const { messages: _m, userOverrides: _o, ...frame } = source.data;
  return schemaErrorsOf('messages', { ...frame, ...entries }).length === 0;
}
