/**
 * Surgical edits of a locale source file: every byte outside the edited
 * spans stays as it was, so hand formatting, key order, escapes and the
 * line ending survive an import.
 *
 * - An existing string entry: its value span is replaced (by an object
 *   `{ "text": …, "state": … }` when the state is not `translated`, the
 *   default of a plain string).
 * - An existing object entry: only the `text` and `state` values change;
 *   `note` and `doubts` stay. A missing member is inserted (`text` first,
 *   `state` after `text`).
 * - A new entry goes before the first key that sorts after it (compareKeys),
 *   else last, separated from its neighbours the way the file separates
 *   them (the text between two existing members, comma included).
 * - Values are written as JSON.stringify writes them; an object entry is one
 *   line, as in `locales/<locale>/corrections.json`.
 */
import { parse, type AnyNode, type MemberNode, type ObjectNode } from '@humanwhocodes/momoa';
import { compareKeys } from '../../catalog/keys.js';
import type { TranslationState } from '../../catalog/model.js';

export interface EntryUpdate {
  key: string;
  text: string;
  state: TranslationState;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The file text with the entries of `updates` written into its `section`
 * object: `messages` (which must exist), or `user` / `userOverrides`, added
 * as the root's last member when the file has none.
 */
export function updateEntries(
  source: string,
  updates: readonly EntryUpdate[],
  section: 'messages' | 'user' | 'userOverrides' = 'messages',
): string {
  if (updates.length === 0) return source;
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = parse(source.slice(bom), { mode: 'json', ranges: true });
  const span = (node: AnyNode): [number, number] => [node.range![0] + bom, node.range![1] + bom];
  const messagesMember = memberOf(doc.body, section);
  if (!messagesMember && section !== 'messages' && doc.body.type === 'Object') {
    const added = applyEdits(
      source,
      insertMembers(source, doc.body, [{ index: doc.body.members.length, text: `${JSON.stringify(section)}: {}` }], span, 'block'),
    );
    return updateEntries(added, updates, section);
  }
  if (!messagesMember || messagesMember.value.type !== 'Object')
    throw new Error(`codebook: the target file has no ${JSON.stringify(section)} object`);
  const messages = messagesMember.value;
  const edits: Edit[] = [];
  const replace = (node: AnyNode, text: string) => {
    const [start, end] = span(node);
    edits.push({ start, end, text });
  };
  const newEntries: { index: number; key: string; text: string }[] = [];

  for (const update of updates) {
    const member = memberOf(messages, update.key);
    if (!member) {
      newEntries.push({
        index: insertionIndex(messages, update.key),
        key: update.key,
        text: `${JSON.stringify(update.key)}: ${entryValue(update)}`,
      });
      continue;
    }
    const value = member.value;
    if (value.type === 'String') {
      if (update.state !== 'translated' || value.value !== update.text) replace(value, entryValue(update));
    } else if (value.type === 'Object') {
      const inserts: { index: number; text: string }[] = [];
      const text = memberOf(value, 'text');
      const state = memberOf(value, 'state');
      if (!text) inserts.push({ index: 0, text: `"text": ${JSON.stringify(update.text)}` });
      else if (text.value.type !== 'String' || text.value.value !== update.text) replace(text.value, JSON.stringify(update.text));
      if (state) {
        if (state.value.type !== 'String' || state.value.value !== update.state) replace(state.value, JSON.stringify(update.state));
      } else if (update.state !== 'translated') {
        inserts.push({ index: text ? value.members.indexOf(text) + 1 : 0, text: `"state": ${JSON.stringify(update.state)}` });
      }
      edits.push(...insertMembers(source, value, inserts, span, 'inline'));
    } else {
      throw new Error(`codebook: the entry ${JSON.stringify(update.key)} is neither a string nor an object`);
    }
  }
  newEntries.sort((a, b) => a.index - b.index || compareKeys(a.key, b.key));
  edits.push(...insertMembers(source, messages, newEntries, span, 'block'));
  return applyEdits(source, edits);
}

function entryValue({ text, state }: EntryUpdate): string {
  return state === 'translated' ? JSON.stringify(text) : `{ "text": ${JSON.stringify(text)}, "state": ${JSON.stringify(state)} }`;
}

/** The last member of that name (what JSON.parse keeps). */
function memberOf(node: AnyNode, name: string): MemberNode | undefined {
  if (node.type !== 'Object') return undefined;
  return node.members.findLast((m) => (m.name.type === 'String' ? m.name.value : m.name.name) === name);
}

function insertionIndex(object: ObjectNode, key: string): number {
  const i = object.members.findIndex((m) => compareKeys(m.name.type === 'String' ? m.name.value : m.name.name, key) > 0);
  return i < 0 ? object.members.length : i;
}

/**
 * Edits inserting members (`index` = position among the existing members,
 * in order) with the object's own separator. An empty object gets its
 * members on lines of their own (`block`, one indent deeper than the line
 * the object starts on) or on its line (`inline`).
 */
function insertMembers(
  source: string,
  object: ObjectNode,
  inserts: readonly { index: number; text: string }[],
  span: (node: AnyNode) => [number, number],
  empty: 'block' | 'inline',
): Edit[] {
  if (inserts.length === 0) return [];
  const members = object.members;
  const [open, close] = span(object);
  if (members.length === 0) {
    if (empty === 'inline') return [{ start: open + 1, end: close - 1, text: ` ${inserts.map((i) => i.text).join(', ')} ` }];
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const indent = lineIndent(source, open);
    const inner = indent + indentUnit(source);
    return [{ start: open + 1, end: close - 1, text: `${eol}${inserts.map((i) => inner + i.text).join(`,${eol}`)}${eol}${indent}` }];
  }
  const separator = (index: number): string => {
    if (members.length === 1) {
      const lead = source.slice(open + 1, span(members[0])[0]);
      return /[\r\n]/.test(lead) ? `,${lead}` : ', ';
    }
    const j = Math.min(Math.max(index, 1), members.length - 1);
    return source.slice(span(members[j - 1])[1], span(members[j])[0]);
  };
  const edits: Edit[] = [];
  for (let k = 0; k < inserts.length;) {
    const index = inserts[k].index;
    const group: string[] = [];
    for (; k < inserts.length && inserts[k].index === index; k++) group.push(inserts[k].text);
    const sep = separator(index);
    if (index >= members.length) {
      const at = span(members[members.length - 1])[1];
      edits.push({ start: at, end: at, text: group.map((t) => sep + t).join('') });
    } else {
      const at = span(members[index])[0];
      edits.push({ start: at, end: at, text: group.map((t) => t + sep).join('') });
    }
  }
  return edits;
}

/** The spaces and tabs that start the line holding `offset`. */
function lineIndent(source: string, offset: number): string {
  const start = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(source.slice(start))![0];
}

/** The indent of the first line that has one (two spaces if none does). */
function indentUnit(source: string): string {
  return /[\r\n]([ \t]+)\S/.exec(source)?.[1] ?? '  ';
}

function applyEdits(source: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error('codebook: overlapping edits of the target file');
    out += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + source.slice(cursor);
}
