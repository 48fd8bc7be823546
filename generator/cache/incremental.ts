/**
 * Incremental `generate`, on top of the content-hash record in
 * output-cache.ts. Two levels:
 *
 * - **Whole run.** When the inputs' key (code, config, layer bytes,
 *   templates, targets, output folder) is the key of the last successful run
 *   and every output file is still as written, nothing is loaded, merged,
 *   validated, rendered or written: the run is "up to date".
 * - **Per target.** Otherwise the catalog is loaded and validated as usual.
 *   A target's files depend only on the layer files, the config, its
 *   templates and the code; a target whose key and files are as recorded
 *   is neither planned nor rendered again (a template edit re-renders only
 *   its target).
 *
 * `--check` never uses any of this: it always compares real bytes.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Config } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileStat } from './source-layout.js';
import { fingerprintInputs, hashOf, type InputsFingerprint } from './fingerprint.js';
import { emptyManifest, readManifest, type Manifest } from '../output/manifest.js';
import {
  cacheFileFor,
  type TargetRecord,
  emptyRecord,
  readCacheRecord,
  recordFiles,
  verifyTargetFiles,
  writeCacheRecord,
  type CacheRecord,
} from './output-cache.js';

export interface CacheReport {
  /** `hit`: nothing ran; `partial`: some targets' files were reused or spliced; `miss`: every target was rendered whole. */
  state: 'hit' | 'partial' | 'miss';
  /** Targets whose files were reused as they are. */
  reused: string[];
  /** Targets whose files got the edited keys' entries spliced in (cache/warm-edit.ts); absent on a hit. */
  spliced?: string[];
  /**
   * When a text edit merged and validated its keys alone (cache/edited-catalog.ts): how many, and
   * how many of the layer files were read whole (the others, unchanged, only for those keys' entries).
   */
  edited?: { keys: number; read: number; relaid: number; files: number };
  /** The record file. */
  file: string;
}

export class IncrementalRun {
  /** Each target's files are checked once per run (nothing is written before both checks). */
  private readonly verified = new Map<string, Promise<{ current: boolean; refreshed: boolean }>>();

  private constructor(
    readonly file: string,
    readonly inputs: InputsFingerprint,
    private readonly root: string,
    private readonly outDir: string,
    private readonly targetIds: readonly string[],
    private readonly record: CacheRecord,
    private readonly manifest: Manifest,
    private readonly stats: ReadonlyMap<string, FileStat>,
  ) {}

  /**
   * Reads the last record (a missing or unreadable one counts as empty) and fingerprints the
   * inputs; `stats`: the layer files' sizes and mtimes now (edited-catalog.ts statLayerFiles): a
   * file whose stat is the recorded one is not read to be hashed again.
   */
  static async open(
    config: Config,
    targetIds: readonly string[],
    outDir: string,
    globbed: readonly string[][],
    stats: ReadonlyMap<string, FileStat> = new Map(),
  ): Promise<IncrementalRun> {
    const file = cacheFileFor(config.root, config.file, outDir);
    const record = (await readCacheRecord(file)) ?? emptyRecord();
    const known = new Map<string, string>();
    for (const [path, recorded] of Object.entries(record.layerFiles ?? {})) {
      const now = stats.get(path);
      if (now && recorded.size === now.size && recorded.mtimeMs === now.mtimeMs) known.set(path, recorded.sha256);
    }
    const inputs = await fingerprintInputs(config, targetIds, outDir, globbed, known);
    return new IncrementalRun(file, inputs, config.root, outDir, targetIds, record, manifestOrEmpty(outDir), stats);
  }

  /**
   * On a whole-run hit: the files and diagnostics of the recorded run, and
   * the texts of the files those diagnostics point at (for code frames).
   * Refreshed mtimes are saved. Undefined when anything changed.
   */
  async upToDate(): Promise<{ files: string[]; diagnostics: Diagnostic[]; texts: Map<string, string> } | undefined> {
    const { record } = this;
    if (record.key !== this.inputs.key || record.targets.join(',') !== this.targetIds.join(',')) return undefined;
    const entries = this.targetIds.map((id) => record.entries[id]);
    if (entries.some((e) => !e)) return undefined;
    const verified = await Promise.all(this.targetIds.map((id) => this.verify(id)));
    if (!verified.every((v) => v.current)) return undefined;
    if (verified.some((v) => v.refreshed)) await writeCacheRecord(this.file, record);
    const diagnostics = [...record.diagnostics, ...entries.flatMap((e) => e!.diagnostics)];
    return { files: entries.flatMap((e) => Object.keys(e!.files)).sort(), diagnostics, texts: await sourceTexts(this.root, diagnostics) };
  }

  private verify(id: string): Promise<{ current: boolean; refreshed: boolean }> {
    let pending = this.verified.get(id);
    if (!pending) {
      pending = verifyTargetFiles(this.outDir, this.manifest.targets[id] ?? [], this.record.entries[id]!);
      this.verified.set(id, pending);
    }
    return pending;
  }

  /**
   * The key of one target's files. The catalog is a function of the config
   * and the layer bytes, so those stand for it: hashing the merged catalog
   * itself would cost a full serialisation of it on every run.
   */
  targetKey(targetId: string): string {
    const { code, config, layers, templates } = this.inputs;
    return hashOf(code, config, layers, targetId, templates[targetId] ?? '');
  }

  /** The layer files the last run of this same codebook loaded without a problem, with their text's hash: the load stage may trust them while their text is the same (catalog/load-layers.ts). */
  trustedSources(): Map<string, number> {
    const { clean } = this.record;
    return clean?.code === this.inputs.code ? new Map(Object.entries(clean.files)) : new Map();
  }

  /** What the last run's catalog reported (load, merge, validation), when this same codebook recorded it. */
  recordedCatalogDiagnostics(): Diagnostic[] | undefined {
    const { record } = this;
    if (record.catalog === undefined || record.clean?.code !== this.inputs.code) return undefined;
    return record.diagnostics.slice(0, record.catalog);
  }

  /** The key of one target's code, config and templates, without the catalog: what a warm edit (warm-edit.ts) needs unchanged. */
  baseKey(targetId: string): string {
    const { code, config, templates } = this.inputs;
    return hashOf(code, config, targetId, templates[targetId] ?? '');
  }

  /** The target's record when only the catalog changed since it was made and its files are as recorded: what a warm edit starts from. */
  async warmRecord(targetId: string): Promise<TargetRecord | undefined> {
    const entry = this.record.entries[targetId];
    if (!entry || entry.base !== this.baseKey(targetId)) return undefined;
    return (await this.verify(targetId)).current ? entry : undefined;
  }

  /** The targets whose key and files are as recorded, with the diagnostics their plan reported then. */
  async reusable(): Promise<Map<string, Diagnostic[]>> {
    const reusable = new Map<string, Diagnostic[]>();
    await Promise.all(
      this.targetIds.map(async (id) => {
        const entry = this.record.entries[id];
        if (!entry || entry.key !== this.targetKey(id)) return;
        if ((await this.verify(id)).current) reusable.set(id, entry.diagnostics);
      }),
    );
    return reusable;
  }

  /** The key the record holds for a target. */
  recordedKey(targetId: string): string | undefined {
    return this.record.entries[targetId]?.key;
  }

  /** The recorded files of the given targets. */
  filesOf(targetIds: readonly string[]): string[] {
    return targetIds.flatMap((id) => Object.keys(this.record.entries[id]?.files ?? {}));
  }

  /**
   * Records a successful run: the load diagnostics, and for each rendered
   * target its key, plan diagnostics and files as now on disk, and the
   * layer files that loaded clean. Reused targets keep their entries; `kept`
   * ones (warm-edit.ts) get the new key. Returns false when the record could not be
   * written (the run still succeeded).
   */
  async save(
    loadDiagnostics: readonly Diagnostic[],
    catalogCount: number,
    rendered: ReadonlyMap<string, { diagnostics: Diagnostic[]; files: [path: string, sha256: string][] }>,
    kept: readonly string[] = [],
    clean?: ReadonlyMap<string, number>,
  ): Promise<boolean> {
    const { record } = this;
    if (clean) record.clean = { code: this.inputs.code, files: Object.fromEntries(clean) };
    for (const [id, { diagnostics, files }] of rendered) {
      const recordedFiles = await recordFiles(this.outDir, files);
      record.entries[id] = { key: this.targetKey(id), base: this.baseKey(id), files: recordedFiles, diagnostics, recordedAt: Date.now() };
    }
    // Kept by a warm edit: the files are those of the new catalog too.
    for (const id of kept) record.entries[id]!.key = this.targetKey(id);
    record.key = this.inputs.key;
    record.targets = [...this.targetIds];
    record.diagnostics = [...loadDiagnostics];
    record.catalog = catalogCount;
    record.layerFiles = Object.fromEntries(
      [...this.inputs.layerFiles].map(([path, sha256]) => [path, { sha256, ...this.stats.get(path) }]),
    );
    return writeCacheRecord(this.file, record);
  }
}

/** The output's manifest; an unreadable one counts as empty here (the run that follows reports it). */
function manifestOrEmpty(outDir: string): Manifest {
  try {
    return readManifest(outDir);
  } catch {
    return emptyManifest();
  }
}

/** The texts of the files the diagnostics point at (relative to the config folder). */
async function sourceTexts(root: string, diagnostics: readonly Diagnostic[]): Promise<Map<string, string>> {
  const files = new Set(
    diagnostics.flatMap((d) => [d.place?.file, ...(d.notes ?? []).map((n) => n.place?.file)]).filter((f): f is string => f !== undefined),
  );
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = await readFile(resolve(root, file), 'utf8').catch(() => undefined);
    if (text !== undefined) texts.set(file, text);
  }
  return texts;
}
