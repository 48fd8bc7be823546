/**
 * The only sequencer: load config, load layers, merge, validate, plan,
 * render, then write or check. Each stage returns its value and its
 * diagnostics; the run carries on as far as it can so every problem is
 * reported at once, and nothing is rendered, let alone written, once an
 * error has been reported.
 */
import { resolve } from 'node:path';
import type { Catalog, Translation } from './catalog/model.js';
import type { FailedFile, LoadedLayers, SourceFile } from './catalog/load-layers.js';
import { loadLayersEarly, type EarlyLoad } from './catalog/parallel-load.js';
import type { Finding } from './review/finding.js';
import { reviewSources } from './review/review-layers.js';
import { QA_RULE_IDS } from './review/rules.js';
import { mergeLayers, type Gap } from './catalog/merge.js';
import { validateCatalog } from './catalog/validate.js';
import { DEFAULT_CONFIG_FILE, findConfig, loadConfig, type Config } from './config/load-config.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { TemplateRenderer, type FileLayout } from './emit/render.js';
import { jsonOutputProblem } from './emit/json-output-check.js';
import type { Target } from './emit/target.js';
import { OutputComparison, StagedOutput, type OutputStatus, type WriteResult } from './output/write-output.js';
import { textOfChunks, type Chunk } from './output/streamed-file.js';
import { hasPendingJournal } from './output/commit-journal.js';
import { openOutputForWriting, outputFailure } from './output/output-session.js';
import { checkOutputFolder } from './config/output-guard.js';
import { layerPaths } from './cache/fingerprint.js';
import { customTarget } from './targets/custom.js';
import { builtInTargets } from './targets/index.js';
import { StageTimer } from './stage-timer.js';
import { templateOverrideProblems } from './config/template-overrides.js';
import { didYouMean } from './did-you-mean.js';
import { IncrementalRun, type CacheReport } from './cache/incremental.js';
import { templateOverrides, type WarmState } from './cache/warm.js';
import { WarmRun, WholeCatalogNeeded, type WarmHooks } from './cache/warm-run.js';
import { editedCatalog, statLayerFiles, type EditedCatalog } from './cache/edited-catalog.js';
import type { FileStat } from './cache/source-layout.js';
import type { EntryIndex } from './cache/entry-index.js';
import { WarmReview } from './cache/warm-review.js';

export interface LoadOptions {
  /** Config file; default the nearest `codebook.config.json` in `cwd` or a folder above it. */
  config?: string;
  cwd?: string;
  /** Collects the wall time of each stage. */
  timer?: StageTimer;
  /** Whether the layer files' checks run in a worker (catalog/parallel-load.ts); by default for a large catalog. */
  parallelLoad?: boolean;
}

export interface CatalogResult {
  config?: Config;
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  /** Source texts by display path, for code frames. */
  texts: Map<string, string>;
  /** The parsed layer files, in layer order: what translation QA merges layer by layer. */
  sources?: SourceFile[];
  /** Keys a layer mentions without text (empty vendor messages), for translation QA. */
  gaps?: Gap[];
  /** In an incremental run: every layer file's text hash, and the files that loaded clean (loadLayers), which the record keeps. */
  hashes?: Map<string, number>;
  clean?: Map<string, number>;
}

/** Loads, merges and validates: everything `codebook validate` does. */
export async function loadCatalog(options: LoadOptions = {}): Promise<CatalogResult> {
  const timer = options.timer ?? new StageTimer();
  const loaded = await configStage(options, timer);
  if (!loaded.config) return { diagnostics: loaded.diagnostics, texts: new Map() };
  return loadCatalogOf(loaded.config, timer, options.parallelLoad);
}

/** The config stage: the config named by the options, else the nearest `codebook.config.json` from `cwd` up. */
function configStage(options: LoadOptions, timer: StageTimer): ReturnType<typeof loadConfig> {
  const found = findConfig(options.cwd ?? process.cwd(), options.config);
  return timer.timeAsync('config', () => loadProjectConfig(found.path, found.displayName, found.missing));
}

/** Reads a config as every command does: `review.severities` may name the review's qa/ rules only (the config cannot know them). */
export function loadProjectConfig(path: string, displayName?: string, searched?: boolean): ReturnType<typeof loadConfig> {
  return loadConfig(path, displayName, searched, { reviewRules: QA_RULE_IDS });
}

/** loadCatalog after the config stage. */
async function loadCatalogOf(config: Config, timer: StageTimer, parallel?: boolean): Promise<CatalogResult> {
  const early = await timer.timeAsync('load layers', () => loadLayersEarly(config, undefined, undefined, { parallel }));
  return (await checkedCatalogOf(config, early, timer)).result;
}

/**
 * The merged and validated catalog of an early load (catalog/parallel-load.ts): merged while the
 * files' checks run, and merged again without the files they left out, if any (a merge of files
 * that fail their schema may also throw: that is then no one's error).
 */
async function checkedCatalogOf(
  config: Config,
  early: EarlyLoad,
  timer: StageTimer,
): Promise<{ result: CatalogResult; layers: LoadedLayers }> {
  let checks: ReturnType<typeof mergeAndValidate> | undefined;
  let failure: { error: unknown } | undefined;
  try {
    checks = mergeAndValidate(config, early.layers.files, timer);
  } catch (error) {
    failure = { error };
  }
  const layers = await timer.timeAsync('load checks', () => early.checked);
  if (layers.files !== early.layers.files) return { result: catalogOf(config, layers, timer), layers };
  if (failure) throw failure.error;
  return { result: catalogResultOf(config, layers, checks!), layers };
}

/** The merged and validated catalog of loaded layers. */
function catalogOf(config: Config, layers: LoadedLayers, timer: StageTimer): CatalogResult {
  return catalogResultOf(config, layers, mergeAndValidate(config, layers.files, timer));
}

function mergeAndValidate(config: Config, files: readonly SourceFile[], timer: StageTimer) {
  const merged = timer.time('merge', () => mergeLayers(files, config));
  const validated = timer.time('validate', () => validateCatalog(merged.catalog, merged.gaps));
  return { merged, validated };
}

function catalogResultOf(config: Config, layers: LoadedLayers, { merged, validated }: ReturnType<typeof mergeAndValidate>): CatalogResult {
  const diagnostics = [...layers.diagnostics, ...withoutCascades([...merged.diagnostics, ...validated], layers.failed)];
  return {
    config,
    catalog: merged.catalog,
    diagnostics,
    texts: layers.texts,
    sources: layers.files,
    gaps: merged.gaps,
    hashes: layers.hashes,
    clean: layers.clean,
  };
}

export interface ReviewRunOptions extends LoadOptions {
  /** Open warnings become errors. */
  strict?: boolean;
}

export interface ReviewResult extends CatalogResult {
  findings?: Finding[];
}

/** Loads and validates like loadCatalog, then runs translation QA on every layer stack. */
export async function review(options: ReviewRunOptions = {}): Promise<ReviewResult> {
  const result: ReviewResult = await loadCatalog(options);
  const { config, sources } = result;
  if (!config || !sources) return result;
  const timer = options.timer ?? new StageTimer();
  result.findings = timer.time('review', () =>
    reviewSources(sources, config, { ...config.review, ...(options.strict ? { strict: true } : {}) }, mergedOf(result)),
  );
  return result;
}

export interface GenerateOptions extends LoadOptions {
  /** Output folder, overriding the config's `out`. */
  out?: string;
  /** Target ids, overriding the config's `targets`. */
  targets?: string[];
  /** Compare with the disk instead of writing. */
  check?: boolean;
  /**
   * Incremental run (generator/cache/): skip everything when no input changed
   * since the last successful run and the output is as written, and skip the
   * targets whose inputs did not change. Ignored with `check`, which always
   * compares real bytes. Off by default in the library; on in the CLI.
   */
  cache?: boolean;
  /** Kept across runs by a long-lived caller (watch mode): compiled templates are reused. */
  warm?: WarmState;
}

export interface GenerateResult extends ReviewResult {
  /** Paths of the rendered files, relative to the output folder, sorted. */
  files?: string[];
  /** With `check`: how the disk differs. */
  status?: OutputStatus;
  /** Without `check`: what was written. */
  written?: WriteResult;
  /** Set when the targets asked for do not exist (a usage error). */
  unknownTargets?: string[];
  /**
   * With `cache`: whether the last run's outputs were reused. On a `hit`
   * nothing was loaded (`catalog`, `files` and `findings` are unset); on a
   * `partial` run `files` holds the rendered targets' files only, and when
   * `edited` is set only the edited keys were merged (`catalog` is unset).
   */
  cache?: CacheReport;
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const timer = options.timer ?? new StageTimer();
  const loaded = await configStage(options, timer);
  if (!loaded.config) return { diagnostics: loaded.diagnostics, texts: new Map() };
  const config = loaded.config;
  const outDir = outDirOf(options, config);
  // The layer files are found once, for the output folder check, the cache's fingerprint and the load.
  const globbed = await layerPaths(config);
  const refused = refusedOutput(config, outDir, globbed, options);
  if (refused.length > 0) return { config, diagnostics: refused, texts: new Map() };
  // Taken before any layer file is read, for this run and the next to tell unchanged files by (cache/edited-catalog.ts).
  const stats = options.cache && !options.check ? await statLayerFiles(config, globbed) : undefined;
  // A run whose inputs and outputs are as the last one left them stops here (generator/cache/).
  const incremental = stats ? await openIncremental(config, options, outDir, timer, globbed, stats) : undefined;
  if (incremental?.upToDate) return incremental.upToDate;

  const run = incremental?.run;
  // A text edit inside some keys' entries reads the edited files and merges those keys alone.
  // Not tried for a target whose entries follow more than their keys' texts unless it plans whole but for its entries (the review: cache/warm-review.ts).
  const onlyTexts = !selectTargets(config, options.targets).targets.some((t) => t.entriesAlsoChanged && !t.planOfKeys);
  const edited =
    run && stats && onlyTexts ? await timer.timeAsync('load edited keys', () => editedCatalogOf(run, config, globbed, stats)) : undefined;
  if (edited) {
    const done = await generateFrom(edited.result, edited.catalog.layers, { options, config, outDir, run, timer, edited, stats });
    if (done) return done;
  }
  const early = await timer.timeAsync('load layers', () =>
    loadLayersEarly(config, globbed, run?.trustedSources(), { parallel: options.parallelLoad }),
  );
  const { result, layers } = await checkedCatalogOf(config, early, timer);
  return (await generateFrom(result, layers, { options, config, outDir, run, timer, stats }))!;
}

interface RunContext {
  options: GenerateOptions;
  config: Config;
  outDir: string;
  run?: IncrementalRun;
  timer: StageTimer;
  /** The catalog of the edited keys alone, and the last run's entry index it was made from. */
  edited?: { index: EntryIndex; catalog: EditedCatalog; keyIndex: Map<string, number> };
  /** Each layer file's size and mtime before it was read (incremental runs). */
  stats?: ReadonlyMap<string, FileStat>;
}

/** generate() from a loaded catalog; undefined when an edited catalog cannot serve (a target must be planned whole). */
async function generateFrom(result: GenerateResult, layers: LoadedLayers, context: RunContext): Promise<GenerateResult | undefined> {
  const { options, config, outDir, run, timer, edited, stats } = context;
  if (!result.catalog) return result;
  const catalogCount = result.diagnostics.length;
  const targets = checkTargets(config, options, result);
  if (hasErrors(result.diagnostics)) return result;
  // Targets whose key and files are as recorded are neither planned nor rendered.
  const reused = run ? await timer.timeAsync('cache', () => run.reusable()) : new Map<string, Diagnostic[]>();
  // Below the target level: which keys' texts changed, and what can be kept or spliced (cache/warm-run.ts).
  const warm = run ? await timer.timeAsync('cache', () => openWarmRun(run, result, targets, reused, edited, stats)) : undefined;
  const toRender = targets.filter((t) => !reused.has(t.id));
  // A catalog of the edited keys alone serves only runs whose every target is kept or spliced.
  if (warm?.partial && !warm.splicesAll(toRender)) return undefined;
  const loadDiagnostics = [...result.diagnostics];
  // QA findings feed the review target only; skip the layer-by-layer merges when it is not selected (warm: cache/warm-review.ts).
  const qa = run && toRender.some((t) => t.id === 'review') ? await timer.timeAsync('cache', () => WarmReview.open(run)) : undefined;
  // From the edited keys alone, the review is warm or the catalog is loaded whole.
  const partialFindings =
    qa && edited
      ? timer.time('review', () => qa.partialFindings({ config, settings: config.review ?? {} }, edited.catalog, timer))
      : undefined;
  if (qa && edited && !partialFindings) return undefined;
  if (qa?.planCatalog) warm?.planFrom(qa.planCatalog);
  result.findings = toRender.some((t) => t.id === 'review')
    ? (partialFindings ??
      timer.time('review', () =>
        qa
          ? qa.findings(
              { files: result.sources ?? [], config, settings: config.review ?? {}, merged: mergedOf(result)! },
              warm?.editedEntryKeys(result.sources ?? [], result.hashes ?? new Map(), stats ?? new Map()),
              warm?.changed,
              timer,
            )
          : reviewSources(result.sources ?? [], config, config.review, mergedOf(result)),
      ))
    : [];
  const renderer = (await options.warm?.rendererFor(config)) ?? new TemplateRenderer(templateOverrides(config));
  const planned = new Map<string, Diagnostic[]>();
  let sink: StagedOutput | OutputComparison | undefined;
  try {
    sink = await writeTargets(result, {
      config,
      outDir,
      targets,
      reused,
      toRender,
      check: options.check === true,
      hashing: run !== undefined,
      timer,
      renderer,
      planned,
      warm,
      findingsChanged: qa?.findingsChanged,
    });
  } catch (error) {
    if (error instanceof WholeCatalogNeeded) return undefined;
    throw error;
  }
  if (!sink) return result;
  if (result.written?.foreign?.length) result.diagnostics.push(foreignFilesWarning(result.written.foreign));
  if (run && result.written) {
    await timer.timeAsync('cache', () =>
      recordRun(run, sink, {
        loadDiagnostics,
        catalogCount,
        toRender,
        planned,
        warm,
        layers: layers.files,
        hashes: layers.hashes,
        stats: stats ?? new Map(),
        qa,
        clean: result.clean,
      }),
    );
    // Reused targets' files count as unchanged.
    result.written.unchanged = [...result.written.unchanged, ...run.filesOf([...reused.keys()])].sort();
    const reusedIds = targets.filter((t) => reused.has(t.id)).map((t) => t.id);
    const spliced = warm?.spliced ?? [];
    result.cache = {
      state: reused.size + spliced.length > 0 ? 'partial' : 'miss',
      reused: reusedIds,
      spliced,
      ...(edited
        ? {
            edited: {
              keys: edited.catalog.edited.size,
              read: edited.catalog.read,
              relaid: edited.catalog.relaid,
              files: edited.catalog.layers.files.length,
            },
          }
        : {}),
      file: run.file,
    };
  }
  if (warm?.partial) {
    // What a library caller reads of the catalog would be the edited keys alone: it is left unset, as on a whole hit.
    delete result.catalog;
    delete result.gaps;
  }
  return result;
}

/** The edited catalog of a text edit (cache/edited-catalog.ts), as a load result; undefined when the catalog must be merged whole. */
async function editedCatalogOf(
  run: IncrementalRun,
  config: Config,
  globbed: readonly string[][],
  stats: ReadonlyMap<string, FileStat>,
): Promise<{ result: GenerateResult; index: EntryIndex; catalog: EditedCatalog; keyIndex: Map<string, number> } | undefined> {
  const recorded = run.recordedCatalogDiagnostics();
  const index = recorded && (await WarmRun.lastIndex(run));
  if (!recorded || !index) return undefined;
  const keyIndex = new Map(index.fingerprints.keys.map((key, i) => [key, i]));
  const catalog = await editedCatalog(config, globbed, { previous: index, recorded, trusted: run.trustedSources(), keyIndex, stats });
  if (!catalog) return undefined;
  const { layers } = catalog;
  return {
    result: {
      config,
      catalog: catalog.catalog,
      diagnostics: catalog.diagnostics,
      texts: layers.texts,
      sources: layers.files,
      gaps: catalog.gaps,
      hashes: layers.hashes,
      clean: layers.clean,
    },
    index,
    catalog,
    keyIndex,
  };
}

/** Before anything touches the output folder: why it is not a folder codebook may write and clean up (empty when it is). */
function refusedOutput(config: Config, outDir: string, globbed: readonly string[][], options: GenerateOptions): Diagnostic[] {
  const fromFlag = options.out !== undefined ? { fromFlag: options.out } : {};
  return checkOutputFolder({ config, outDir, layerFiles: globbed.flat(), ...fromFlag });
}

/** The targets of the run, after reporting unknown ids, custom targets named like built-in ones and template overrides that replace nothing. */
function checkTargets(config: Config, options: GenerateOptions, result: GenerateResult): Target[] {
  const { targets, unknown, available } = selectTargets(config, options.targets);
  if (unknown.length > 0) {
    result.unknownTargets = unknown;
    result.diagnostics.push({
      ruleId: 'config/unknown-target',
      severity: 'error',
      message: `Unknown target(s) ${unknown.join(', ')}.${unknown
        .map((id) =>
          didYouMean(
            id,
            available.map((t) => t.id),
          ),
        )
        .join('')} The targets are ${available.map((t) => t.id).join(', ')}.`,
    });
  }
  const clashing = config.customTargets.filter((c) => builtInTargets.some((t) => t.id === c.id));
  for (const c of clashing) {
    result.diagnostics.push({
      ruleId: 'config/duplicate-target',
      severity: 'error',
      message: `Custom target ${JSON.stringify(c.id)} has the id of a built-in target.`,
      place: { file: options.config ?? DEFAULT_CONFIG_FILE },
    });
  }
  result.diagnostics.push(
    ...templateOverrideProblems(
      config,
      builtInTargets.map((t) => t.id),
    ),
  );
  return targets;
}

interface WriteRun {
  config: Config;
  outDir: string;
  /** Every target of the run, those reused (with their recorded diagnostics) and those to render. */
  targets: readonly Target[];
  reused: ReadonlyMap<string, Diagnostic[]>;
  toRender: readonly Target[];
  check: boolean;
  /** Hash every file (the incremental cache records them). */
  hashing: boolean;
  timer: StageTimer;
  renderer: TemplateRenderer;
  /** Filled with each rendered target's plan diagnostics. */
  planned: Map<string, Diagnostic[]>;
  warm?: WarmRun;
  /** The keys whose findings changed since the review's recorded files, when known (warm-review.ts). */
  findingsChanged?: ReadonlySet<string> | undefined;
}

/**
 * Plans and renders the targets into the output (or, with `check`, against
 * it): each file goes to the disk or the comparison as it is rendered, so
 * memory holds one file's chunk, not the output. One writing run at a time
 * per output folder; an interrupted commit is finished (or dropped) first.
 * Returns the staged output once committed (undefined when nothing was).
 */
async function writeTargets(result: GenerateResult, run: WriteRun): Promise<StagedOutput | OutputComparison | undefined> {
  const { config, outDir, toRender, timer } = run;
  const writing = run.check ? undefined : await openOutputForWriting(outDir, config.root);
  if (writing && 'diagnostics' in writing) {
    result.diagnostics.push(...writing.diagnostics);
    return undefined;
  }
  const owned = toRender.map((t) => t.id);
  let sink: OutputComparison | StagedOutput | undefined;
  const paths: string[] = [];
  try {
    sink = run.check ? new OutputComparison(outDir, owned) : new StagedOutput(outDir, owned, { hash: run.hashing });
    const open = sink;
    const emitted = emitTargets(
      result.catalog!,
      config,
      toRender,
      [...result.diagnostics],
      (path, text) => {
        paths.push(path);
        timer.time(run.check ? 'check' : 'write', () => open.add(path, text));
      },
      {
        timer,
        findings: result.findings ?? [],
        renderer: run.renderer,
        planned: run.planned,
        ...(run.findingsChanged ? { findingsChanged: run.findingsChanged } : {}),
        ...(run.warm && open instanceof StagedOutput ? { warm: run.warm.hooks(result.catalog!, open, (path) => paths.push(path)) } : {}),
      },
    );
    result.diagnostics.push(...run.targets.flatMap((t) => run.reused.get(t.id) ?? run.planned.get(t.id) ?? []));
    if (!emitted) {
      if (open instanceof StagedOutput) await open.abort();
      return undefined;
    }
    result.files = paths.sort();
    if (open instanceof OutputComparison) result.status = await timer.timeAsync('check', () => open.finish());
    else result.written = await timer.timeAsync('write', () => open.commit());
    return open;
  } catch (error) {
    const failure = outputFailure(error, config.root, outDir);
    if (!failure) {
      // A partial catalog met a target it cannot splice: nothing of this attempt may stay staged.
      if (error instanceof WholeCatalogNeeded && sink instanceof StagedOutput) await sink.abort();
      throw error;
    }
    result.diagnostics.push(...failure);
    if (sink instanceof StagedOutput && !hasPendingJournal(outDir)) await sink.abort();
    return undefined;
  } finally {
    await writing?.release();
  }
}

function foreignFilesWarning(foreign: readonly string[]): Diagnostic {
  return {
    ruleId: 'output/foreign-files',
    severity: 'warning',
    message: `Left alone ${foreign.length} file(s) in the output's target folders that codebook did not write: ${foreign.join(', ')}. They are not mentioned again.`,
  };
}

/** Saves the incremental record of a written run (each rendered target's diagnostics and files with their hashes), then the entry index. */
async function recordRun(
  run: IncrementalRun,
  sink: StagedOutput | OutputComparison,
  {
    loadDiagnostics,
    catalogCount,
    toRender,
    planned,
    warm,
    layers,
    hashes,
    stats,
    qa,
    clean,
  }: {
    loadDiagnostics: Diagnostic[];
    /** How many of loadDiagnostics the catalog's load, merge and validation reported (the rest are the config's checks of targets). */
    catalogCount: number;
    toRender: readonly Target[];
    planned: Map<string, Diagnostic[]>;
    warm?: WarmRun;
    layers: readonly SourceFile[];
    hashes: ReadonlyMap<string, number>;
    stats: ReadonlyMap<string, FileStat>;
    qa?: WarmReview;
    clean?: ReadonlyMap<string, number>;
  },
): Promise<void> {
  if (!(sink instanceof StagedOutput)) return;
  const byTarget = new Map(
    toRender.map((t) => [
      t.id,
      { diagnostics: planned.get(t.id) ?? [], files: [...sink.hashes].filter(([path]) => path.startsWith(`${t.id}/`)) },
    ]),
  );
  if (!(await run.save(loadDiagnostics, catalogCount, byTarget, warm?.kept, clean))) return;
  await warm?.save((id) => run.recordedKey(id), layers, hashes, stats);
  await qa?.save(run.recordedKey('review'));
}

/** The warm run of an incremental one: `reused` (the targets whose key is unchanged) gains those a text edit leaves as they are. */
async function openWarmRun(
  run: IncrementalRun,
  { catalog, hashes, sources }: CatalogResult,
  targets: readonly Target[],
  reused: Map<string, Diagnostic[]>,
  edited: RunContext['edited'],
  stats: ReadonlyMap<string, FileStat> | undefined,
): Promise<WarmRun> {
  const warm = edited
    ? WarmRun.ofEdited(run, edited.catalog, edited.index, edited.keyIndex)
    : await WarmRun.open(run, catalog!, hashes ?? new Map(), sources && { files: sources, stats: stats ?? new Map() });
  warm.reused(reused.keys(), (id) => run.recordedKey(id));
  for (const [id, diagnostics] of await warm.keep(targets.filter((t) => !reused.has(t.id)))) reused.set(id, diagnostics);
  await warm.prepare(targets.filter((t) => !reused.has(t.id)));
  return warm;
}

/** The targets a run renders (the config's or the ones asked for, in built-in order) and the ids that name no target. */
function selectTargets(
  config: Config,
  asked: readonly string[] | undefined,
): { targets: Target[]; unknown: string[]; available: Target[] } {
  const available = [...builtInTargets, ...config.customTargets.map(customTarget)];
  const wanted = asked ?? config.targets;
  const targets = wanted ? available.filter((t) => wanted.includes(t.id)) : available;
  const unknown = (wanted ?? []).filter((id) => !available.some((t) => t.id === id));
  return { targets, unknown, available };
}

function outDirOf(options: GenerateOptions, config: Config): string {
  return options.out ? resolve(options.cwd ?? process.cwd(), options.out) : config.out;
}

/**
 * The start of an incremental run: loads the config and fingerprints the
 * inputs. When they are those of the last successful run and every output
 * file is as written, `upToDate` is the whole result (the recorded
 * diagnostics are replayed). Anything unusual (a config that does not load,
 * unknown targets) is left to the normal run, which reports it.
 */
async function openIncremental(
  config: Config,
  options: GenerateOptions,
  outDir: string,
  timer: StageTimer,
  globbed: readonly string[][],
  stats: ReadonlyMap<string, FileStat>,
): Promise<{ run?: IncrementalRun; upToDate?: GenerateResult }> {
  const { targets, unknown } = selectTargets(config, options.targets);
  if (unknown.length > 0 || config.customTargets.some((c) => builtInTargets.some((t) => t.id === c.id))) return {};
  const run = await timer.timeAsync('cache', () =>
    IncrementalRun.open(
      config,
      targets.map((t) => t.id),
      outDir,
      globbed,
      stats,
    ),
  );
  const hit = await timer.timeAsync('cache', () => run.upToDate());
  if (!hit) return { run };
  const { diagnostics, texts, files } = hit;
  return {
    run,
    upToDate: {
      config,
      diagnostics,
      texts,
      written: { written: [], removed: [], unchanged: files },
      cache: { state: 'hit', reused: targets.map((t) => t.id), file: run.file },
    },
  };
}

export interface EmitOptions {
  timer?: StageTimer;
  /** QA findings, for the review target. */
  findings?: readonly Finding[];
  renderer?: TemplateRenderer;
  /** Filled with what each target's plan reported, by target id (the cache records it per target). */
  planned?: Map<string, Diagnostic[]>;
  /** A warm run's splices and entry index (cache/warm-run.ts). */
  warm?: WarmHooks;
  /** For the review target's splice: the keys whose findings changed since its recorded files. */
  findingsChanged?: ReadonlySet<string>;
}

/**
 * Plans each target and renders its files, handing each file to `emit` as
 * soon as it is rendered. Once any error is reported (by the load or by a
 * plan), nothing more is rendered, but the remaining targets are still
 * planned so every problem is reported at once. Returns whether every file
 * was emitted.
 */
export function emitTargets(
  catalog: Catalog,
  config: Config,
  targets: readonly Target[],
  diagnostics: Diagnostic[],
  emit: (path: string, text: Iterable<Chunk>) => void,
  {
    timer = new StageTimer(),
    findings = [],
    renderer = new TemplateRenderer(templateOverrides(config)),
    planned,
    warm,
    findingsChanged,
  }: EmitOptions = {},
): boolean {
  const header = `Generated by codebook from ${config.file.split(/[\\/]/).pop()}. Do not edit: run "codebook generate" to regenerate.`;
  for (const target of targets) {
    const options = { config, header, findings, ...(findingsChanged ? { findingsChanged } : {}) };
    const spliced =
      warm?.mightSplice(target) && !hasErrors(diagnostics)
        ? timer.time(`splice ${target.id}`, () => warm.splice(target, options, renderer))
        : undefined;
    if (spliced) {
      planned?.set(target.id, spliced);
      diagnostics.push(...spliced);
      continue;
    }
    const plan = timer.time(`plan ${target.id}`, () => target.plan(catalog, options));
    planned?.set(target.id, plan.diagnostics);
    diagnostics.push(...plan.diagnostics);
    if (hasErrors(diagnostics)) continue;
    for (const file of plan.files) {
      if (!file.path.startsWith(`${target.id}/`)) throw new Error(`codebook: target ${target.id} planned ${file.path} outside its folder`);
      const overridden = file.json ? renderer.overriddenTemplates(target.id, file) : [];
      if (overridden.length > 0) {
        // JSON laid out by a user's template: the whole text is parsed and checked before it may be written.
        const text = timer.time(`render ${target.id}`, () => renderer.render(target.id, file));
        const problem = jsonOutputProblem(target.id, file.path, text, file.json!.shape, overridden, config);
        if (problem) {
          plan.diagnostics.push(problem);
          diagnostics.push(problem);
        } else if (!hasErrors(diagnostics)) {
          emit(file.path, [text]);
          warm?.rendered(target, file, undefined);
        }
        continue;
      }
      // After a failed check nothing more is rendered; otherwise lazily, chunk by chunk, as the sink consumes the file.
      if (hasErrors(diagnostics)) continue;
      let layout: FileLayout | undefined;
      emit(file.path, timer.timeEach(`render ${target.id}`, renderer.chunks(target.id, file, warm && ((noted) => (layout = noted)))));
      warm?.rendered(target, file, layout);
    }
  }
  return !hasErrors(diagnostics);
}

/** emitTargets into memory: every file by path, sorted; undefined (with diagnostics added) when anything reported an error. */
export function renderTargets(
  catalog: Catalog,
  config: Config,
  targets: readonly Target[],
  diagnostics: Diagnostic[],
  options: EmitOptions = {},
): Map<string, string> | undefined {
  const files = new Map<string, string>();
  if (!emitTargets(catalog, config, targets, diagnostics, (path, text) => files.set(path, textOfChunks(text)), options)) return undefined;
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The catalog as plain JSON: what the catalog schema describes (parsed ASTs left out). */
export function toPlainCatalog(catalog: Catalog): unknown {
  const plain = (translations: Record<string, Translation>) =>
    Object.fromEntries(Object.entries(translations).map(([locale, { ast: _ast, ...t }]) => [locale, t]));
  const { userOverrides, ...rest } = catalog;
  return {
    ...rest,
    messages: catalog.messages.map((m) => ({ ...m, translations: plain(m.translations) })),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map((m) => ({ ...m, translations: plain(m.translations) })) } : {}),
    ...(catalog.userTexts ? { userTexts: catalog.userTexts.map((t) => ({ ...t, translations: plain(t.translations) })) } : {}),
    ...(userOverrides
      ? { userOverrides: Object.fromEntries([...userOverrides].map(([key, translations]) => [key, plain(translations)])) }
      : {}),
  };
}

/**
 * Checks on the merge that a file which failed to load would make wrong:
 * with a registry gone every key looks unknown and every message missing;
 * with one locale's file gone, that locale looks incomplete. They are left
 * out and summed up in one line, so the file's own error is what is read.
 */
function withoutCascades(diagnostics: Diagnostic[], failed: readonly FailedFile[]): Diagnostic[] {
  if (failed.length === 0) return diagnostics;
  const everything = failed.some((f) => f.kind !== 'messages' || f.locale === undefined);
  const locales = new Set(failed.map((f) => f.locale));
  const dependent = (d: Diagnostic) => everything || (d.locale !== undefined && locales.has(d.locale) && CASCADING_RULES.test(d.ruleId));
  const kept = diagnostics.filter((d) => !dependent(d));
  const skipped = diagnostics.length - kept.length;
  if (skipped === 0) return kept;
  const files = failed.map((f) => f.file).join(', ');
  return [
    ...kept,
    {
      ruleId: 'load/skipped-checks',
      severity: 'warning',
      message: `Skipped ${skipped} finding(s) of checks that depend on ${files}, which did not load; fix ${failed.length === 1 ? 'it' : 'them'} first.`,
    },
  ];
}

/** Rules whose findings for a locale depend on that locale's files all loading. */
const CASCADING_RULES = /^(completeness|params|icu)\//;

/** The validated full merge of a load, for QA to reuse as its last layer stack. */
function mergedOf(result: CatalogResult): { catalog: Catalog; gaps: Gap[] } | undefined {
  return result.catalog && result.gaps ? { catalog: result.catalog, gaps: result.gaps } : undefined;
}
