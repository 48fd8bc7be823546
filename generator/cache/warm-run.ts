/**
 * One incremental `generate` below the whole-target level: it fingerprints
 * the keys, finds what the last run's entry index says about them, keeps
 * the targets that read no translation (or none that changed: their
 * translation digests) when only texts changed, splices the `entriesByKey`
 * targets (warm-edit.ts), notes where every entry lands in the files
 * rendered whole, and saves the next index.
 */
import type { Catalog } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { entryCount } from '../emit/lazy-entries.js';
import { entryListsOf, type FileLayout, type TemplateRenderer } from '../emit/render.js';
import type { PlanOptions, PlannedFile, Target } from '../emit/target.js';
import type { StagedOutput } from '../output/write-output.js';
import { indexFileFor, readEntryIndex, writeEntryIndex, type EntryIndex, type FileIndex, type TargetIndex } from './entry-index.js';
import type { IncrementalRun } from './incremental.js';
import { hashText } from '../json/text-hash.js';
import { changedTexts, keyFingerprints, type KeyFingerprints } from './key-fingerprints.js';
import type { EditedCatalog } from './edited-catalog.js';
import { editedEntriesOfFiles, knownPositions, layoutsOf, type FileStat, type SourceLayout } from './source-layout.js';
import type { SourceFile } from '../catalog/load-layers.js';
import type { TargetRecord } from './output-cache.js';
import { fileIndexOf, WarmEdit } from './warm-edit.js';

/** A warm run's part in emitTargets (pipeline.ts). */
export interface WarmHooks {
  /** Whether `splice` has a chance: the target was prepared for it. */
  mightSplice(target: Target): boolean;
  /** Writes the target by splicing its files: its plan's diagnostics; undefined (nothing written) when it must be planned whole. */
  splice(target: Target, options: PlanOptions, renderer: TemplateRenderer): Diagnostic[] | undefined;
  /** A file rendered whole and written, with the layout the renderer noted (undefined when it noted none). */
  rendered(target: Target, file: PlannedFile, layout: FileLayout | undefined): void;
}

export class WarmRun {
  /** The next index's files by target; null for a target whose files could not all be indexed. */
  private readonly next = new Map<string, Map<string, FileIndex> | null>();
  /** The next index's translation digests by target, when carried over from the last one. */
  private readonly nextDigests = new Map<string, Float64Array>();
  /** The targets of the run that declare a translation digest. */
  private readonly digesting = new Map<string, Target>();
  private index?: Map<string, number>;
  /** Targets whose files were kept because they read no translation that changed. */
  readonly kept: string[] = [];
  /** Targets whose files got the edited entries spliced in, in run order. */
  readonly spliced: string[] = [];

  private constructor(
    private readonly run: IncrementalRun,
    private readonly catalog: Catalog,
    private readonly fingerprints: KeyFingerprints,
    private readonly previous: EntryIndex | undefined,
    /** The layer files' layouts for the next index: given by an edited catalog, else laid out by `save`. */
    private readonly layouts?: Record<string, SourceLayout>,
  ) {
    const changed = previous && changedTexts(previous.fingerprints, fingerprints);
    this.edit = previous && changed ? new WarmEdit(changed, previous, this.keyIndex) : undefined;
  }

  /**
   * Whether the catalog holds the edited keys alone (edited-catalog.ts): then every target must be
   * kept or spliced, since none can be planned whole from it (`splice` throws WholeCatalogNeeded).
   */
  get partial(): boolean {
    return this.layouts !== undefined;
  }

  /** What the last run's index says about this run's edit; undefined when more than texts changed, or there is no index. */
  private readonly edit: WarmEdit | undefined;

  /** The keys whose texts, or their origins' places, changed since the indexed run; undefined when more than texts changed. */
  get changed(): ReadonlySet<string> | undefined {
    return this.edit?.changed;
  }

  /** Each key's place in this run's key table (the entry index stores places, not keys). */
  private get keyIndex(): Map<string, number> {
    return (this.index ??= new Map(this.fingerprints.keys.map((key, i) => [key, i])));
  }

  /**
   * The warm run of a whole catalog. With its layer files, their layouts (which the next index
   * keeps) are made first and place the origins the fingerprints hash (knownPositions): an array
   * read each, where the JSON files' indexes took a look-up and a search.
   */
  static async open(
    run: IncrementalRun,
    catalog: Catalog,
    sourceHashes: ReadonlyMap<string, number>,
    layerFiles?: { files: readonly SourceFile[]; stats: ReadonlyMap<string, FileStat> },
  ): Promise<WarmRun> {
    const previous = await WarmRun.lastIndex(run);
    const keyIndex = new Map(catalog.messages.map((m, i) => [m.key, i]));
    const layouts = layerFiles && layoutsOf(layerFiles.files, sourceHashes, keyIndex, reusableLayouts(previous, catalog), layerFiles.stats);
    for (const { json } of layerFiles?.files ?? []) {
      const layout = layouts?.[json.file];
      if (layout?.lists) json.knownPositions ??= knownPositions(layout, keyIndex);
    }
    const warm = new WarmRun(run, catalog, keyFingerprints(catalog, sourceHashes, previous?.fingerprints), previous);
    warm.index = keyIndex;
    warm.nextLayouts = layouts;
    return warm;
  }

  /** The last run's entry index, if it has a readable one. */
  static lastIndex(run: IncrementalRun): Promise<EntryIndex | undefined> {
    return readEntryIndex(indexFileFor(run.file));
  }

  /** The warm run of a catalog of the edited keys alone, over the index it was edited from. */
  static ofEdited(run: IncrementalRun, edited: EditedCatalog, previous: EntryIndex, keyIndex: Map<string, number>): WarmRun {
    const warm = new WarmRun(run, edited.catalog, edited.fingerprints, previous, edited.layouts);
    warm.index = keyIndex;
    return warm;
  }

  /**
   * Of `targets`, those whose files stay as they are: only texts changed, and they read none
   * (`readsNoTranslations`) or none of what changed (every edited key's `translationDigest` is
   * as it was). Their recorded diagnostics, by id.
   */
  async keep(targets: readonly Target[]): Promise<Map<string, Diagnostic[]>> {
    const kept = new Map<string, Diagnostic[]>();
    for (const t of targets) if (t.translationDigest) this.digesting.set(t.id, t);
    const { edit } = this;
    if (!edit) return kept;
    for (const target of targets) {
      if (!target.readsNoTranslations && !this.sameDigests(target, edit)) continue;
      const record = await this.run.warmRecord(target.id);
      if (!record || !edit.knows(target.id, record.key)) continue;
      kept.set(target.id, record.diagnostics);
      this.kept.push(target.id);
      this.carry(target.id, edit);
    }
    return kept;
  }

  /** Whether the target declares a translation digest and every edited key's is as the last index has it. */
  private sameDigests(target: Target, edit: WarmEdit): boolean {
    const before = edit.digestsOf(target.id);
    if (!target.translationDigest || !before) return false;
    for (const key of edit.changed) {
      const at = this.keyIndex.get(key)!;
      if (before[at] !== this.digestOf(target, at)) return false;
    }
    return true;
  }

  /** The hash of a key's translation digest, both audiences' (messages and userMessages share their order). */
  private digestOf(target: Target, at: number): number {
    const { messages, userMessages } = this.catalog;
    const digest = target.translationDigest!;
    const i = this.partial ? this.partialPlaces.get(this.fingerprints.keys[at]!) : at;
    if (i === undefined) throw new Error(`codebook: key ${this.fingerprints.keys[at]} is not in the edited catalog`);
    return hashText(`${digest(messages[i]!, this.catalog)}\u0001${userMessages ? digest(userMessages[i]!, this.catalog) : ''}`);
  }

  /** In a partial catalog, each message's place. */
  private get partialPlaces(): Map<string, number> {
    return (this.places ??= new Map(this.catalog.messages.map((m, i) => [m.key, i])));
  }

  private places?: Map<string, number>;

  /** The last index's entry of a target whose files stay. */
  private carry(id: string, edit: WarmEdit): void {
    this.next.set(id, edit.indexOf(id) ?? new Map());
    const digests = edit.digestsOf(id);
    if (digests) this.nextDigests.set(id, digests);
  }

  /** Targets reused whole (their key unchanged): their index carries over when the last run's describes them. */
  reused(targetIds: Iterable<string>, recordKey: (id: string) => string | undefined): void {
    for (const id of targetIds) if (this.edit?.knows(id, recordKey(id))) this.carry(id, this.edit);
  }

  /** Finds the records of the targets a warm edit may splice (their files checked against the disk), before anything is planned. */
  async prepare(targets: readonly Target[]): Promise<void> {
    const { edit } = this;
    if (!edit) return;
    for (const target of targets) {
      if (!target.entriesByKey) continue;
      const record = await this.run.warmRecord(target.id);
      if (record && edit.knows(target.id, record.key)) this.records.set(target.id, record);
    }
  }

  private readonly records = new Map<string, TargetRecord>();

  /**
   * On a partial run, the catalog that a target planned whole but for its entries (`planOfKeys`: the
   * review) plans from: the edited keys' carrying every key's table (cache/review-frame.ts); without
   * one it needs the whole catalog.
   */
  planFrom(catalog: Catalog): void {
    this.planCatalog = catalog;
  }

  private planCatalog?: Catalog;

  /** What emitTargets calls for each target of a run writing to `sink`; `onFile` is told each spliced file's path. */
  hooks(catalog: Catalog, sink: StagedOutput, onFile: (path: string) => void): WarmHooks {
    return {
      mightSplice: (target) => this.records.has(target.id),
      splice: (target, options, renderer) => {
        const record = this.records.get(target.id);
        const from = target.planOfKeys && this.partial ? this.planCatalog : catalog;
        const spliced = record && from && this.edit?.splice(target, from, options, renderer, record, sink);
        if (!spliced && this.partial) throw new WholeCatalogNeeded(target.id);
        if (!spliced) return undefined;
        this.next.set(target.id, spliced.files);
        this.spliced.push(target.id);
        for (const path of spliced.files.keys()) onFile(path);
        return spliced.diagnostics;
      },
      rendered: (target, file, layout) => this.rendered(target, file, layout, sink.sizes.get(file.path)),
    };
  }

  /** Notes a file rendered whole: where its entries are, from the renderer's layout (none when it had no entries). */
  private rendered(target: Target, file: PlannedFile, layout: FileLayout | undefined, size: number | undefined): void {
    if (!target.entriesByKey && !target.readsNoTranslations && !target.translationDigest) return;
    let files = this.next.get(target.id);
    if (files === null) return;
    if (!files) this.next.set(target.id, (files = new Map()));
    if (!target.entriesByKey) return; // kept whole or planned whole: no entry is ever spliced
    const hasEntries = entryListsOf(file).some((l) => entryCount(l) > 0);
    // With planOfKeys, a file without keyed entries (the review's report.json) is rendered whole by a splice: it needs no layout.
    const whole = target.planOfKeys && !entryListsOf(file).some((l) => l.keys);
    const index =
      size === undefined || (hasEntries && !layout && !whole) ? undefined : fileIndexOf(whole ? undefined : layout, size, this.keyIndex);
    if (index) files.set(file.path, index);
    else this.next.set(target.id, null);
  }

  /**
   * The layer files' layouts for the next index: an edited catalog's, else the last index's for a
   * text it laid out and laid out now for the others (once per run: `editedEntryKeys` and `save` share them).
   */
  private layoutsOf(files: readonly SourceFile[], hashes: ReadonlyMap<string, number>, stats: ReadonlyMap<string, FileStat>) {
    return (this.nextLayouts ??=
      this.layouts ?? layoutsOf(files, hashes, this.keyIndex, reusableLayouts(this.previous, this.catalog), stats));
  }

  private nextLayouts?: Record<string, SourceLayout>;

  /** The keys with an entry edited in some layer file since the indexed run (source-layout.ts); undefined when more changed or there is no index. */
  editedEntryKeys(
    files: readonly SourceFile[],
    hashes: ReadonlyMap<string, number>,
    stats: ReadonlyMap<string, FileStat>,
  ): Set<string> | undefined {
    const before = this.previous?.sources;
    const edited = before && editedEntriesOfFiles(before, this.layoutsOf(files, hashes, stats));
    return edited && new Set([...edited].map((at) => this.fingerprints.keys[at]!));
  }

  /** Whether every target left to render will be spliced: what a partial catalog needs. */
  splicesAll(targets: readonly Target[]): boolean {
    return this.edit !== undefined && targets.every((t) => this.records.has(t.id));
  }

  /** Saves the index of this run's targets (call after the incremental record is saved: keys are read from it); `files`: the run's layer files. */
  async save(
    recordKey: (id: string) => string | undefined,
    files: readonly SourceFile[],
    hashes: ReadonlyMap<string, number>,
    stats: ReadonlyMap<string, FileStat>,
  ): Promise<boolean> {
    const targets: Record<string, TargetIndex> = {};
    for (const [id, files] of this.next) {
      const key = recordKey(id);
      if (!files || !key) continue;
      const target = this.digesting.get(id);
      const digests =
        this.nextDigests.get(id) ?? (target && Float64Array.from(this.fingerprints.keys, (_, at) => this.digestOf(target, at)));
      targets[id] = { key, files, ...(digests ? { digests } : {}) };
    }
    const sources = this.layoutsOf(files, hashes, stats);
    return writeEntryIndex(indexFileFor(this.run.file), { fingerprints: this.fingerprints, targets, sources });
  }
}

/**
 * The last index's layouts, when they can describe this run's unchanged texts: a layout names keys
 * by their place in the key table, so after a key is added or removed anywhere its places are another
 * run's (and would place origins on the wrong entries).
 */
function reusableLayouts(previous: EntryIndex | undefined, catalog: Catalog): EntryIndex['sources'] | undefined {
  const keys = previous?.fingerprints.keys;
  if (!keys || keys.length !== catalog.messages.length) return undefined;
  return catalog.messages.every((m, i) => m.key === keys[i]) ? previous.sources : undefined;
}

/** A partial catalog's warm run met a target it cannot splice: the run starts again with the whole catalog. */
export class WholeCatalogNeeded extends Error {
  constructor(readonly targetId: string) {
    super(`codebook: target ${targetId} needs the whole catalog`);
  }
}
