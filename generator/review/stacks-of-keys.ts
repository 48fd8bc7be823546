/**
 * The layer stacks cut down to some keys: what a warm review checks when
 * only those keys need their findings again (warm-qa.ts). Each earlier stack
 * merges the layer files cut down to the keys; the last is the full merge
 * cut down. A key of `keys` has in each cut stack the message, translations
 * and gaps it has in the whole one, because a merge handles every key on its
 * own; shared user texts and user overrides are kept whole, and so is one
 * code that names a user text, so the catalogs keep their two audiences.
 *
 * A registry code's origin is its place in the `codes` array, which cutting
 * the array moves: the cut registries' messages get their origins back from
 * the full merge, which is right while every registry is in the first layer
 * (every stack then has the same registry facts); otherwise the registries
 * are merged whole.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { mergeLayers, type Gap } from '../catalog/merge.js';
import type { SourceFile } from '../catalog/load-layers.js';
import type { Catalog, Message } from '../catalog/model.js';
import { catalogOfKeys } from '../catalog/of-keys.js';
import type { Config } from '../config/load-config.js';
import { fillAsts, MERGED_LAYER, type LayerStack } from './review-layers.js';

export function stacksOfKeys(
  files: readonly SourceFile[],
  config: Config,
  merged: { catalog: Catalog; gaps: Gap[] },
  keys: ReadonlySet<string>,
): LayerStack[] {
  const names = config.layers.map((l) => l.name);
  const last: LayerStack = { layer: MERGED_LAYER, catalog: catalogOfKeys(merged.catalog, keys), gaps: gapsOf(merged.gaps, keys) };
  const finalByKey = new Map(last.catalog.messages.map((m) => [m.key, m]));
  const cutRegistries = files.every((f) => f.kind !== 'registry' || f.layer === names[0]);
  // The codes the cut registries keep: the keys', and each message file's first overridden key (a user override alone makes two audiences).
  const coded = new Map(finalByKey);
  const overridden = new Set(files.flatMap((f) => (f.kind === 'messages' ? Object.keys(f.data.userOverrides ?? {}).slice(0, 1) : [])));
  if (cutRegistries && overridden.size > 0) for (const m of merged.catalog.messages) if (overridden.has(m.key)) coded.set(m.key, m);
  const cutFiles = files.map((f) => (f.kind === 'registry' ? (cutRegistries ? cutRegistry(f, coded) : f) : cutFile(f, keys)));
  // The ASTs of the keys' merged texts, as buildLayerStacks lends them to the earlier stacks.
  const asts = new Map<string, MessageFormatElement[] | null>();
  for (const message of last.catalog.messages)
    for (const t of Object.values(message.translations)) if (t.ast.length > 0) asts.set(t.text, t.ast);
  return names.map((name, i) => {
    if (i === names.length - 1) return last;
    const included = new Set(names.slice(0, i + 1));
    const stack = mergeLayers(
      cutFiles.filter((f) => included.has(f.layer)),
      config,
    );
    fillAsts(stack.catalog, asts);
    const catalog = catalogOfKeys(stack.catalog, keys);
    if (cutRegistries) for (const m of catalog.messages) m.origin = finalByKey.get(m.key)!.origin;
    return { layer: name, catalog, gaps: gapsOf(stack.gaps, keys) };
  });
}

/** A registry with only the codes of the messages given (found by their origins' pointers, `/codes/<i>`) and its first code naming a user text. */
function cutRegistry(file: SourceFile & { kind: 'registry' }, messages: ReadonlyMap<string, Message>): SourceFile {
  const { codes } = file.data;
  const kept = new Set<number>();
  for (const m of messages.values()) {
    const at = m.origin.file === file.json.file ? /^\/codes\/(\d+)$/.exec(m.origin.pointer) : null;
    if (at) kept.add(Number(at[1]));
  }
  const naming = firstNaming(codes);
  if (naming >= 0) kept.add(naming);
  return { ...file, data: { ...file.data, codes: [...kept].sort((a, b) => a - b).map((i) => codes[i]!) } };
}

/** The first code naming a user text (a warm edit's registry is a sparse array of the codes it read: cache/partial-source.ts). */
function firstNaming(codes: readonly ({ user?: unknown } | undefined)[]): number {
  return codes.findIndex((c) => c?.user !== undefined);
}

/**
 * The keys of each registry's first code naming a user text, which cut registries keep: what a
 * warm edit that reads some keys alone must read too; undefined when one has no message.
 */
export function userNamingKeys(files: readonly SourceFile[], catalog: Catalog): string[] | undefined {
  const pointers = new Map<string, string>();
  for (const f of files) {
    const at = f.kind === 'registry' ? firstNaming(f.data.codes) : -1;
    if (at >= 0) pointers.set(f.json.file, `/codes/${at}`);
  }
  const keys = catalog.messages.filter((m) => pointers.get(m.origin.file) === m.origin.pointer).map((m) => m.key);
  return keys.length === pointers.size ? keys : undefined;
}

/** A message file with only the keys' messages (its sections, shared user texts and user overrides whole); a registry as it is. */
function cutFile(file: SourceFile, keys: ReadonlySet<string>): SourceFile {
  if (file.kind !== 'messages' || !file.data.messages) return file;
  const all = file.data.messages;
  const messages: typeof all = {};
  for (const key of keys) if (Object.hasOwn(all, key)) messages[key] = all[key]!;
  return { ...file, data: { ...file.data, messages } };
}

function gapsOf(gaps: readonly Gap[], keys: ReadonlySet<string>): Gap[] {
  return gaps.filter((g) => keys.has(g.key));
}
