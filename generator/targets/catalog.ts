/**
 * `catalog/catalog.json`: the snapshot of the catalog that `codebook diff`
 * compares releases by (catalog-snapshot.ts), as the canonical JSON of
 * serializeSnapshot.
 *
 * Templates: `catalog.json.hbs` is the file, `message.json.hbs` one message
 * object of `messages`, rendered from a SnapshotMessageContext whose fields
 * are JSON text already; both can be overridden (templates/catalog/README.md),
 * and an override's output is checked to be JSON (emit/json-output-check.ts).
 * `codebook diff` reads the file against schema/snapshot.schema.json, so an
 * override that drops a required member makes the file unreadable to it.
 */
import { jsonString } from '../emit/escape.js';
import { lazyEntries } from '../emit/lazy-entries.js';
import type { Target } from '../emit/target.js';
import { SNAPSHOT_FILE, snapshotOf, type Snapshot, type SnapshotMessage, type SnapshotParam } from './catalog-snapshot.js';

/**
 * What `templates/catalog/message.json.hbs` renders: one message of the
 * snapshot. Every field is JSON text, laid out for its place in the built-in
 * file: a member of a message object, whose members are indented by 6 spaces
 * (nested members by 8, 10 …). An optional member that the message lacks is
 * the empty string.
 */
export interface SnapshotMessageContext {
  /** `"6014"`, `"-302"`, `"120001-130000"`, `"unknown"`. */
  key: string;
  /** The numeric code (`6014`), or empty for a range or a named key. */
  code: string;
  /** The inclusive range as a JSON array (`[120001, 130000]`, one bound a line), or empty. */
  range: string;
  /** The section id as a JSON string. */
  section: string;
  /** The parameters as a JSON array of `{ name, type }`, sorted by name; `[]` without parameters. */
  params: string;
  /** The name each built-in platform looks the message up by, as a JSON object by platform id. */
  identifiers: string;
  /** The ICU text by locale, as a JSON object (untranslated locales left out). */
  texts: string;
  /** The registry's `action` as a JSON string, or empty. */
  action: string;
  /** The registry's `fault` as a JSON string, or empty. */
  fault: string;
  /** The end-user text by locale as a JSON object, when the catalog has user messages; else empty. */
  userTexts: string;
}

/** What `templates/catalog/catalog.json.hbs` renders (besides `messages`, the rendered messages joined by `,` and a newline). Every field is JSON text laid out as a member of the top object (indented by 2 spaces). */
export interface SnapshotFileContext {
  /** `"codebook-catalog-snapshot"`. */
  format: string;
  /** `1`. */
  version: string;
  /** The generated-file notice as a JSON string, or empty. */
  generated: string;
  sourceLocale: string;
  /** Source locale first, then the others sorted. */
  locales: string;
  namespace: string;
  identifierPrefix: string;
  /** `{ id, part?, titles }` in the registry's order. */
  sections: string;
}

export const catalogTarget: Target = {
  id: 'catalog',
  description: 'catalog/catalog.json: keys, codes, sections, parameters, identifiers and texts, for "codebook diff"',
  entriesByKey: true,
  plan(catalog, { config, header }) {
    const snapshot = snapshotOf(catalog, { identifierPrefix: config.identifierPrefix, header });
    const file = {
      path: SNAPSHOT_FILE,
      template: 'catalog.json.hbs',
      context: snapshotFileContext(snapshot),
      entries: lazyEntries(
        {
          template: 'message.json.hbs',
          field: 'messages',
          separator: ',\n',
          keys: snapshot.messages.map((m) => m.key),
          builtIn: snapshotMessageText,
        },
        snapshot.messages,
        snapshotMessageContext,
      ),
    };
    return { files: [{ ...file, json: {} }], diagnostics: [] };
  },
};

const MEMBER = '      '; // a member of a message object: messages[i].x

/** JSON.stringify's two-space layout of a value that starts at the given indent. */
function jsonAt(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return text.includes('\n') ? text.replace(/\n/g, `\n${indent}`) : text;
}

/** `"name": ` on a line of its own at MEMBER + 2, by member name (platform ids and locales: a handful). */
const memberPrefixes = new Map<string, string>();

/**
 * jsonAt(record, MEMBER) for a record of strings, written out: a message has
 * three, and at 100k keys JSON.stringify's layout plus re-indenting costs
 * about three times as much.
 */
function recordAt(record: Readonly<Record<string, string>>): string {
  const members: string[] = [];
  for (const name in record) {
    let prefix = memberPrefixes.get(name);
    if (prefix === undefined) memberPrefixes.set(name, (prefix = `\n${MEMBER}  ${JSON.stringify(name)}: `));
    members.push(prefix + jsonString(record[name]!));
  }
  return members.length > 0 ? `{${members.join(',')}\n${MEMBER}}` : '{}';
}

/** jsonAt of a message's parameters, written out for the same reason. */
function paramsAt(params: readonly SnapshotParam[], indent: string): string {
  if (params.length === 0) return '[]';
  const inner = `${indent}    `;
  const items = params.map(
    (p) => `${indent}  {\n${inner}"name": ${JSON.stringify(p.name)},\n${inner}"type": ${JSON.stringify(p.type)}\n${indent}  }`,
  );
  return `[\n${items.join(',\n')}\n${indent}]`;
}

/** The message's fields as JSON text (snapshotOf has put everything in canonical order). */
export function snapshotMessageContext(m: SnapshotMessage): SnapshotMessageContext {
  return {
    key: jsonString(m.key),
    code: m.code !== undefined ? JSON.stringify(m.code) : '',
    range: m.range ? `[\n${MEMBER}  ${m.range[0]},\n${MEMBER}  ${m.range[1]}\n${MEMBER}]` : '',
    section: jsonString(m.section),
    params: paramsAt(m.params, MEMBER),
    identifiers: recordAt(m.identifiers),
    texts: recordAt(m.texts),
    action: m.action !== undefined ? JSON.stringify(m.action) : '',
    fault: m.fault !== undefined ? JSON.stringify(m.fault) : '',
    userTexts: m.userTexts ? recordAt(m.userTexts) : '',
  };
}

function snapshotFileContext(s: Snapshot): SnapshotFileContext {
  return {
    format: JSON.stringify(s.format),
    version: JSON.stringify(s.version),
    generated: s.generated !== undefined ? JSON.stringify(s.generated) : '',
    sourceLocale: JSON.stringify(s.sourceLocale),
    locales: jsonAt(s.locales, '  '),
    namespace: JSON.stringify(s.namespace),
    identifierPrefix: JSON.stringify(s.identifierPrefix),
    sections: jsonAt(s.sections, '  '),
  };
}

/**
 * templates/catalog/message.json.hbs in TypeScript, for when it is not
 * overridden; test/targets/catalog-template.test.ts renders every message both ways.
 */
export function snapshotMessageText(m: SnapshotMessageContext): string {
  let text = `    {\n${MEMBER}"key": ${m.key},\n`;
  if (m.code) text += `${MEMBER}"code": ${m.code},\n`;
  if (m.range) text += `${MEMBER}"range": ${m.range},\n`;
  text += `${MEMBER}"section": ${m.section},\n${MEMBER}"params": ${m.params},\n${MEMBER}"identifiers": ${m.identifiers},\n${MEMBER}"texts": ${m.texts}`;
  if (m.action) text += `,\n${MEMBER}"action": ${m.action}`;
  if (m.fault) text += `,\n${MEMBER}"fault": ${m.fault}`;
  if (m.userTexts) text += `,\n${MEMBER}"userTexts": ${m.userTexts}`;
  return `${text}\n    }`;
}
