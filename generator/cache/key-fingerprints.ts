/**
 * Which keys an edit touched, told apart from what a whole catalog depends
 * on. A warm run (warm-edit.ts) compares these with the last run's:
 *
 * - `frame`: everything that is no one key's (locales, sections, shared
 *   user texts, namespaces): when it changes, every target plans whole;
 * - per key, in catalog order, `registry`: the message without its
 *   translations (code, section, params, action, origin…), and `texts`: its
 *   translations (text, state, note, doubts, origins) and its own end-user
 *   override.
 *
 * The per-key values are 53-bit hashes over every field (json/text-hash.ts).
 *
 * An origin is hashed by its file and JSON pointer; its line and column are
 * computed only for the files whose bytes changed (most of the cost of this
 * at 100k keys was placing every origin). Per file, a hash of the positions
 * of its origins, in order, tells whether an edit moved any: then every key
 * with an origin there counts as changed.
 */
import type { Catalog, Message, Origin } from '../catalog/model.js';
import { hashOf } from './fingerprint.js';
import { Hash53 } from '../json/text-hash.js';

export interface KeyFingerprints {
  frame: string;
  /** The frame with its origins by file and pointer only (Hash53), which an edited catalog (edited-catalog.ts) compares without placing them. */
  frameShape?: number;
  /** Whether the catalog has end-user messages beside the developer ones (the merge of some keys alone cannot tell). */
  twoAudiences?: boolean;
  keys: string[];
  registry: Float64Array;
  texts: Float64Array;
  /** By source file: a hash of its text (53 bits: hashing 30 MB with SHA-256 cost more than the rest), and of the positions of the origins in it. */
  files: Record<string, { content: string; positions: number }>;
  /** This run's only: by source file, the keys with an origin in it, and whether a registry origin is among them. */
  placed?: Map<string, { keys: number[]; registry: boolean }>;
}

/**
 * The fingerprints of a catalog loaded from files whose texts hash to
 * `sourceHashes` (hashText, by file as the origins name them); `previous`
 * lends the positions of the files whose text is unchanged.
 */
export function keyFingerprints(catalog: Catalog, sourceHashes: ReadonlyMap<string, number>, previous?: KeyFingerprints): KeyFingerprints {
  const { messages, userOverrides } = catalog;
  const count = messages.length;
  const registry = new Float64Array(count);
  const texts = new Float64Array(count);
  const origins = new Map<string, Origin[]>();
  const placed = new Map<string, { keys: number[]; registry: boolean }>();
  let at = 0;
  let inRegistry = false;
  const hash = new Hash53((origin) => {
    (origins.get(origin.file) ?? origins.set(origin.file, []).get(origin.file)!).push(origin);
    const keys = placed.get(origin.file) ?? placed.set(origin.file, { keys: [], registry: false }).get(origin.file)!;
    if (keys.keys[keys.keys.length - 1] !== at) keys.keys.push(at);
    if (inRegistry) keys.registry = true;
  });
  for (; at < count; at++) {
    const message = messages[at]!;
    inRegistry = true;
    registry[at] = registryHash(hash, message);
    inRegistry = false;
    texts[at] = textsHash(hash, message, userOverrides);
  }
  const frame = frameHash(catalog);
  const frameShape = frameShapeHash(catalog);
  const files: KeyFingerprints['files'] = {};
  for (const [file, list] of origins) {
    const hash = sourceHashes.get(file);
    const content = hash === undefined ? '' : String(hash);
    const before = previous?.files[file];
    files[file] = { content, positions: content && before?.content === content ? before.positions : positionsHash(list) };
  }
  const twoAudiences = catalog.userTexts !== undefined;
  return { frame, frameShape, twoAudiences, keys: messages.map((m: Message) => m.key), registry, texts, files, placed };
}

/** A key's registry fields (the message without its translations). */
export function registryHash(hash: Hash53, message: Message): number {
  return hash.start().value(message, 'translations').digest();
}

/** A key's translations and its own end-user override. */
export function textsHash(hash: Hash53, message: Message, userOverrides: Catalog['userOverrides']): number {
  return hash.start().value(message.translations).value(userOverrides?.get(message.key)).digest();
}

/** What is no one key's: locales, sections, shared user texts, namespaces, and whether keys have end-user overrides. */
export function frameHash(catalog: Catalog): string {
  const { messages: _messages, userMessages: _derived, userOverrides, ...rest } = catalog;
  return hashOf(
    JSON.stringify(rest, (key, value: unknown) => (key === 'ast' ? undefined : value)),
    String(userOverrides !== undefined),
  );
}

/** frameHash without the origins' lines and columns. */
export function frameShapeHash(catalog: Catalog): number {
  const { messages: _messages, userMessages: _derived, userOverrides, ...rest } = catalog;
  return new Hash53()
    .start()
    .value(rest)
    .value(userOverrides !== undefined)
    .digest();
}

/** The line and column of every origin, in order: computed here, where they were not needed before. */
function positionsHash(origins: readonly Origin[]): number {
  const hash = new Hash53().start();
  for (const origin of origins) hash.number(origin.line).number(origin.column);
  return hash.digest();
}

/**
 * The keys whose texts differ, or whose translations' origins moved; undefined when anything
 * else does (the frame, a key's registry fields or its origin's place, the keys or their order).
 */
export function changedTexts(before: KeyFingerprints, after: KeyFingerprints): Set<string> | undefined {
  if (before.frame !== after.frame || before.keys.length !== after.keys.length) return undefined;
  const changed = new Set<string>();
  for (let i = 0; i < after.keys.length; i++) {
    if (before.keys[i] !== after.keys[i] || before.registry[i] !== after.registry[i]) return undefined;
    if (before.texts[i] !== after.texts[i]) changed.add(after.keys[i]!);
  }
  for (const [file, { positions }] of Object.entries(after.files)) {
    if (before.files[file]?.positions === positions) continue;
    const moved = after.placed?.get(file);
    if (!moved || moved.registry) return undefined;
    for (const at of moved.keys) changed.add(after.keys[at]!);
  }
  return changed;
}
