/**
 * The catalog of a warm edit without the whole merge: when the only layer
 * files whose text changed since the last run are messages files whose edit
 * stays inside some keys' entries (source-layout.ts), those keys alone are
 * merged and validated, and the last run's diagnostics of every other key
 * are kept, since nothing they depend on changed. At 100k keys this skips a
 * merge and a validation of the whole catalog (about 1.5 s) and the
 * fingerprints of every key (key-fingerprints.ts).
 *
 * Anything this cannot be sure of gives undefined, and the run merges whole:
 * a file added, removed or failing to load, a registry file changed, an edit
 * outside entries or that moves another entry, more than a few keys, a
 * problem reported on the edited keys that is an error, a changed frame or
 * registry field.
 */
import type { Config } from '../config/load-config.js';
import type { Catalog } from '../catalog/model.js';
import type { LoadedLayers } from '../catalog/load-layers.js';
import { mergeLayers, type Gap } from '../catalog/merge.js';
import { validateCatalog } from '../catalog/validate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Hash53 } from '../json/text-hash.js';
import type { EntryIndex } from './entry-index.js';
import { frameShapeHash, registryHash, textsHash, type KeyFingerprints } from './key-fingerprints.js';
import { editedEntries, knownPositions, sourceLayout, type SourceLayout } from './source-layout.js';
import { fewEdited } from './warm-edit.js';

export interface EditedCatalog {
  /** The catalog cut down to the edited keys (what catalogOfKeys of the whole merge gives). */
  catalog: Catalog;
  gaps: Gap[];
  /** The whole catalog's diagnostics: the last run's of the other keys and the edited keys' own. */
  diagnostics: Diagnostic[];
  edited: ReadonlySet<string>;
  /** The last run's fingerprints with the edited keys' texts hashed again. */
  fingerprints: KeyFingerprints;
  /** Every layer file's layout, the edited files' anew. */
  layouts: Record<string, SourceLayout>;
}

export function editedCatalog(
  layers: LoadedLayers,
  config: Config,
  previous: EntryIndex,
  recorded: readonly Diagnostic[],
  keyIndex: ReadonlyMap<string, number>,
): EditedCatalog | undefined {
  if (layers.failed.length > 0 || layers.diagnostics.length > 0) return undefined;
  const changed = changedFiles(layers, previous);
  if (!changed) return undefined;
  const layouts = { ...previous.sources };
  const edited = new Set<string>();
  for (const path of changed) {
    const before = previous.sources[path];
    const source = layers.files.find((f) => f.json.file === path);
    if (!before?.lists || source?.kind !== 'messages') return undefined;
    const after = sourceLayout('messages', source.json.text, layers.hashes.get(path)!, keyIndex);
    const entries = after && editedEntries(before, after);
    if (!entries) return undefined;
    for (const at of entries) edited.add(previous.fingerprints.keys[at]!);
    layouts[path] = after;
  }
  if (edited.size === 0 || !fewEdited(edited.size, previous.fingerprints.keys.length)) return undefined;
  // The edited keys' origins are placed from the layouts: no file is indexed again for them.
  for (const { json } of layers.files) {
    const layout = layouts[json.file];
    if (layout?.lists) json.knownPositions = knownPositions(layout, keyIndex);
  }

  const merged = mergeLayers(layers.files, config, edited);
  const fresh = [...merged.diagnostics, ...validateCatalog(merged.catalog, merged.gaps)];
  if (fresh.some((d) => d.severity === 'error')) return undefined;
  const fingerprints = patchedFingerprints(previous.fingerprints, merged.catalog, keyIndex, layers.hashes, changed);
  if (!fingerprints) return undefined;
  const ofEdited = (d: Diagnostic) => d.key !== undefined && edited.has(d.key);
  return {
    catalog: merged.catalog,
    gaps: merged.gaps,
    diagnostics: [...recorded.filter((d) => !ofEdited(d)), ...fresh.filter(ofEdited)],
    edited,
    fingerprints,
    layouts,
  };
}

/** The layer files whose text changed; undefined when files were added or removed. */
function changedFiles({ hashes }: LoadedLayers, previous: EntryIndex): string[] | undefined {
  const before = Object.keys(previous.sources);
  if (before.length !== hashes.size || before.some((path) => !hashes.has(path))) return undefined;
  return before.filter((path) => previous.sources[path]!.content !== hashes.get(path));
}

/** The last fingerprints with the edited keys' texts; undefined when their registry fields or the frame differ. */
function patchedFingerprints(
  before: KeyFingerprints,
  catalog: Catalog,
  keyIndex: ReadonlyMap<string, number>,
  hashes: ReadonlyMap<string, number>,
  changed: readonly string[],
): KeyFingerprints | undefined {
  // The layouts showed every origin where it was: the frame's shape decides, and its positions are the last run's.
  if (before.frameShape === undefined || frameShapeHash(catalog) !== before.frameShape) return undefined;
  const texts = Float64Array.from(before.texts);
  const hash = new Hash53();
  for (const message of catalog.messages) {
    const at = keyIndex.get(message.key);
    if (at === undefined || registryHash(hash, message) !== before.registry[at]) return undefined;
    texts[at] = textsHash(hash, message, catalog.userOverrides);
  }
  // Every origin is where it was (source-layout.ts): only the edited files' text hashes change.
  const files = { ...before.files };
  for (const path of changed) if (files[path]) files[path] = { ...files[path], content: String(hashes.get(path)) };
  return { ...before, texts, files };
}
