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
import { readFile, stat } from 'node:fs/promises';
import { decodeSource } from '../catalog/source-text.js';
import { hashText } from '../json/text-hash.js';
import { relaidOut } from './relayout.js';
import { displayPath, loadLayers, type LoadedLayers, type SourceFile } from '../catalog/load-layers.js';
import { mergeLayers, type Gap } from '../catalog/merge.js';
import { validateCatalog } from '../catalog/validate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Hash53 } from '../json/text-hash.js';
import type { EntryIndex } from './entry-index.js';
import { frameShapeHash, registryHash, textsHash, type KeyFingerprints } from './key-fingerprints.js';
import { editedEntries, knownPositions, sourceLayout, type FileStat, type SourceLayout } from './source-layout.js';
import { partialSource } from './partial-source.js';
import { racyWindow } from './output-cache.js';
import { FileTexts } from './file-texts.js';
import { editedEntriesPass } from './entry-checks.js';
import { fewEdited } from './warm-edit.js';

export interface EditedCatalog {
  /** The layer files as the merge saw them: the ones read, and the others with the edited keys' entries alone. */
  layers: LoadedLayers;
  /** The catalog cut down to the edited keys (what catalogOfKeys of the whole merge gives). */
  catalog: Catalog;
  gaps: Gap[];
  /** The whole catalog's diagnostics: the last run's of the other keys and the edited keys' own. */
  diagnostics: Diagnostic[];
  edited: ReadonlySet<string>;
  /** How many layer files were read whole (the others only for the edited keys' entries). */
  read: number;
  /** How many changed files were laid out again from their last layout instead (relayout.ts). */
  relaid: number;
  /** The last run's fingerprints with the edited keys' texts hashed again. */
  fingerprints: KeyFingerprints;
  /** Every layer file's layout, the edited files' anew. */
  layouts: Record<string, SourceLayout>;
  /**
   * The layer files read for the edited keys and `more` besides, and their merge cut down to those
   * keys (validated: its texts parsed) as the whole merge would have them; undefined when a key is
   * not in the key table or a read is not as laid out.
   */
  mergeOf(more: ReadonlySet<string>): { files: SourceFile[]; merged: { catalog: Catalog; gaps: Gap[] } } | undefined;
}

/** What a warm run knows before it reads anything: the last run's index and catalog diagnostics, the files trusted by content, and every layer file's stat. */
export interface EditContext {
  previous: EntryIndex;
  recorded: readonly Diagnostic[];
  trusted: ReadonlyMap<string, number>;
  keyIndex: ReadonlyMap<string, number>;
  /** By display path, each layer file's size and mtime now (statLayerFiles). */
  stats: ReadonlyMap<string, FileStat>;
}

export async function editedCatalog(
  config: Config,
  globbed: readonly string[][],
  context: EditContext,
): Promise<EditedCatalog | undefined> {
  const { previous, recorded, trusted, keyIndex } = context;
  const read = await readEdits(config, globbed, context);
  if (!read || !fewEdited(read.edited.size, previous.fingerprints.keys.length)) return undefined;
  const { loaded, unread, deferred, layouts, edited, relaid } = read;
  /** The layer files with the entries of the keys at `places` (those read whole as they are), in the layer order the last run read them (which its layouts kept). */
  const sourcesOf = (places: ReadonlySet<number>): SourceFile[] | undefined => {
    const partial = unread.map((f) => partialSource({ ...f, layout: layouts[f.file]! }, places, keyIndex));
    if (partial.some((p) => !p)) return undefined;
    const byPath = new Map([...loaded.files, ...(partial as SourceFile[])].map((f) => [f.json.file, f]));
    const sources = Object.keys(previous.sources).map((path) => byPath.get(path)!);
    // The keys' origins are placed from the layouts: no file is indexed again for them.
    for (const { json } of sources) {
      const layout = layouts[json.file];
      if (layout?.lists) json.knownPositions ??= knownPositions(layout, keyIndex);
    }
    return sources;
  };
  const sources = sourcesOf(edited);
  if (!sources) return undefined;
  // A file laid out again from its last layout is checked on its edited entry alone, as a deferred one read whole is
  // (one whose text is the one that loaded clean last time, its stat alone changed, has nothing new to check).
  for (const source of sources) {
    const path = source.json.file;
    const layout = layouts[path]!;
    if (relaid.has(path) && layout.content !== previous.sources[path]!.content && !editedEntriesPass(source, layout, edited))
      return undefined;
  }
  const keys = new Set([...edited].map((at) => previous.fingerprints.keys[at]!));
  const { twoAudiences } = previous.fingerprints;
  if (twoAudiences === undefined) return undefined;
  const merged = mergeLayers(sources, config, { keys, twoAudiences });
  const fresh = [...merged.diagnostics, ...validateCatalog(merged.catalog, merged.gaps)];
  if (fresh.some((d) => d.severity === 'error')) return undefined;
  const changed = [...loaded.files.map((f) => f.json.file), ...relaid].filter(
    (path) => previous.sources[path]!.content !== (loaded.hashes.get(path) ?? layouts[path]!.content),
  );
  const fingerprints = patchedFingerprints(previous.fingerprints, merged.catalog, keyIndex, loaded.hashes, changed);
  if (!fingerprints) return undefined;
  const ofEdited = (d: Diagnostic) => d.key !== undefined && keys.has(d.key);
  const hashes = new Map(sources.map((f) => [f.json.file, loaded.hashes.get(f.json.file) ?? layouts[f.json.file]!.content]));
  // Loaded clean, checked on its edited entries, or left unread as it loaded clean last time.
  const clean = new Map(
    [...hashes].filter(
      ([path, hash]) => loaded.clean.has(path) || deferred.has(path) || (!loaded.hashes.has(path) && trusted.get(path) === hash),
    ),
  );
  return {
    catalog: merged.catalog,
    gaps: merged.gaps,
    diagnostics: [...recorded.filter((d) => !ofEdited(d)), ...fresh.filter(ofEdited)],
    edited: keys,
    read: loaded.files.length,
    relaid: relaid.size,
    fingerprints,
    layouts,
    mergeOf(more) {
      const places = new Set(edited);
      for (const key of more) {
        const at = keyIndex.get(key);
        if (at === undefined) return undefined;
        places.add(at);
      }
      const files = sourcesOf(places);
      if (!files) return undefined;
      const all = new Set([...places].map((at) => previous.fingerprints.keys[at]!));
      const { catalog, gaps } = mergeLayers(files, config, { keys: all, twoAudiences });
      // A key whose entries the reads missed (a registry not in key-table order) is not merged as the whole merge has it.
      if (catalog.messages.length !== all.size) return undefined;
      validateCatalog(catalog, gaps);
      return { files, merged: { catalog, gaps } };
    },
    layers: { files: sources, failed: [], texts: new FileTexts(config.root, loaded.texts), diagnostics: [], hashes, clean },
  };
}

/**
 * Reads the layer files whose size or mtime changed and lays out the changed ones again: the
 * edited keys (key-table places), the files not parsed whole (read in part: unchanged, or laid out
 * again from their last layout), those checked on their edited entries alone, and the next
 * layouts; undefined when an edit is not one inside entries.
 */
async function readEdits(config: Config, globbed: readonly string[][], context: EditContext) {
  const { previous, trusted, keyIndex, stats } = context;
  const files = layerFilesOf(config, globbed);
  if (files.length !== Object.keys(previous.sources).length || files.some((f) => !previous.sources[f.file])) return undefined;
  // A file whose size and mtime are as laid out is not read whole; the others are loaded as usual.
  const unread = files.filter((f) => previous.sources[f.file]!.kind && sameStat(previous.sources[f.file]!.stat, stats.get(f.file)));
  const skipped = new Set(unread.map((f) => f.path));
  // A file that loaded clean as laid out is checked on its edited entries alone (entry-checks.ts).
  const deferred = new Set(
    files.filter((f) => !skipped.has(f.path) && trusted.get(f.file) === previous.sources[f.file]!.content).map((f) => f.file),
  );
  const layouts = { ...previous.sources };
  const edited = new Set<number>();
  const relaid = new Set<string>();
  const texts = new Map<string, string>();
  for (const { f, text, layout, at } of await relaidFiles(
    files.filter((f) => deferred.has(f.file)),
    context,
  )) {
    unread.push(f);
    skipped.add(f.path);
    relaid.add(f.file);
    texts.set(f.file, text);
    layouts[f.file] = layout;
    if (at !== undefined) edited.add(at);
  }
  const loaded = await loadLayers(
    config,
    globbed.map((paths) => paths.filter((p) => !skipped.has(p))),
    trusted,
    deferred,
  );
  // A layer whose files all went unread looks empty to the loader; a really empty one was reported last run (recorded).
  if (loaded.failed.length > 0 || loaded.diagnostics.some((d) => d.ruleId !== 'config/empty-layer')) return undefined;
  for (const [file, text] of texts) loaded.texts.set(file, text);
  for (const source of loaded.files) {
    const path = source.json.file;
    const before = previous.sources[path]!;
    const content = loaded.hashes.get(path)!;
    if (before.content === content) continue;
    if (source.kind !== 'messages') return undefined;
    const after = sourceLayout('messages', source.json.text, content, keyIndex, source.json.value, source.json.shallow);
    const entries = after && editedEntries(before, after);
    if (!entries || (deferred.has(path) && !editedEntriesPass(source, after, new Set(entries)))) return undefined;
    for (const at of entries) edited.add(at);
    const stat = stats.get(path);
    layouts[path] = stat ? { ...after, stat } : after;
  }
  return edited.size === 0 ? undefined : { loaded, unread, deferred, layouts, edited, relaid };
}

/**
 * Of the changed files that loaded clean as laid out, those whose text is the last one or whose
 * edit is one entry's (relayout.ts): each with its text, its layout now and the edited key (none
 * when only its stat changed). The others are left to the loader, which reports what it finds.
 */
async function relaidFiles<F extends { path: string; file: string }>(files: readonly F[], { previous, stats }: EditContext) {
  const relaid: { f: F; text: string; layout: SourceLayout; at?: number }[] = [];
  for (const f of files) {
    const { path, file } = f;
    const before = previous.sources[file]!;
    if (before.kind !== 'messages') continue;
    const { text } = decodeSource(file, await readFile(path));
    if (text === undefined) continue;
    const stat = stats.get(file);
    const withStat = (layout: SourceLayout) => (stat ? { ...layout, stat } : layout);
    const content = hashText(text);
    if (content === before.content) relaid.push({ f, text, layout: withStat(before) });
    else {
      const next = relaidOut(before, text, previous.fingerprints.keys);
      if (next) relaid.push({ f, text, layout: withStat({ ...next.layout, content }), at: next.edited });
    }
  }
  return relaid;
}

/** Every layer file with its layer and display path, in layer order. */
function layerFilesOf(config: Config, globbed: readonly string[][]): { layer: string; path: string; file: string }[] {
  return globbed.flatMap((paths, i) => paths.map((path) => ({ layer: config.layers[i]!.name, path, file: displayPath(config, path) })));
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

/** Whether a stat is the one a layout recorded (a layout without one was read too soon after a write to trust it). */
function sameStat(recorded: FileStat | undefined, now: FileStat | undefined): boolean {
  return recorded !== undefined && now !== undefined && recorded.size === now.size && recorded.mtimeMs === now.mtimeMs;
}

/**
 * Each layer file's size and mtime, by display path, taken before it is read: a file whose
 * mtime is too recent to tell a later same-size write apart gets none (output-cache.ts racyWindow).
 */
export async function statLayerFiles(config: Config, globbed: readonly string[][]): Promise<Map<string, FileStat>> {
  const now = Date.now();
  const stats = new Map<string, FileStat>();
  await Promise.all(
    globbed.flat().map(async (path) => {
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > racyWindow(info.mtimeMs))
        stats.set(displayPath(config, path), { size: info.size, mtimeMs: info.mtimeMs });
    }),
  );
  return stats;
}
