/**
 * The layer stacks cut down to some keys: what a warm review checks when
 * only those keys need their findings again (warm-qa.ts). Each earlier stack
 * merges the registries whole (a registry code's origin is its place in the
 * `codes` array, which a cut-down array would move) with the message files
 * cut down to the keys; the last is the full merge cut down. A key of `keys`
 * has in each cut stack the message, translations and gaps it has in the
 * whole one, because a merge handles every key on its own; shared user
 * texts and user overrides are kept whole, so the catalogs keep their two
 * audiences.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { mergeLayers, type Gap } from '../catalog/merge.js';
import type { SourceFile } from '../catalog/load-layers.js';
import type { Catalog } from '../catalog/model.js';
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
  const cutFiles = files.map((f) => cutFile(f, keys));
  const last: LayerStack = { layer: MERGED_LAYER, catalog: catalogOfKeys(merged.catalog, keys), gaps: gapsOf(merged.gaps, keys) };
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
    return { layer: name, catalog: catalogOfKeys(stack.catalog, keys), gaps: gapsOf(stack.gaps, keys) };
  });
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
