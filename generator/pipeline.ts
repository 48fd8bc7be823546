/**
 * The only sequencer: load config, load layers, merge, validate, plan,
 * render, then write or check. Each stage returns its value and its
 * diagnostics; the run carries on as far as it can so every problem is
 * reported at once, and nothing is rendered, let alone written, once an
 * error has been reported.
 */
import { resolve } from 'node:path';
import type { Catalog } from './catalog/model.js';
import { loadLayers, type SourceFile } from './catalog/load-layers.js';
import type { Finding } from './review/finding.js';
import { reviewSources } from './review/review-layers.js';
import { mergeLayers } from './catalog/merge.js';
import { schemaErrorsOf } from './catalog/schemas.js';
import { validateCatalog } from './catalog/validate.js';
import { DEFAULT_CONFIG_FILE, loadConfig, type Config } from './config/load-config.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { TemplateRenderer } from './emit/render.js';
import type { Target } from './emit/target.js';
import { compareOutput, writeOutput, type OutputStatus, type WriteResult } from './output/write-output.js';
import { customTarget } from './targets/custom.js';
import { builtInTargets } from './targets/index.js';
import { StageTimer } from './stage-timer.js';

export interface LoadOptions {
  /** Config file; default `codebook.config.json` in `cwd`. */
  config?: string;
  cwd?: string;
  /** Collects the wall time of each stage. */
  timer?: StageTimer;
}

export interface CatalogResult {
  config?: Config;
  catalog?: Catalog;
  diagnostics: Diagnostic[];
  /** Source texts by display path, for code frames. */
  texts: Map<string, string>;
  /** The parsed layer files, in layer order: what translation QA merges layer by layer. */
  sources?: SourceFile[];
}

/** Loads, merges and validates: everything `codebook validate` does. */
export async function loadCatalog(options: LoadOptions = {}): Promise<CatalogResult> {
  const cwd = options.cwd ?? process.cwd();
  const configPath = resolve(cwd, options.config ?? DEFAULT_CONFIG_FILE);
  const timer = options.timer ?? new StageTimer();
  const loaded = await timer.timeAsync('config', () => loadConfig(configPath, options.config ?? DEFAULT_CONFIG_FILE));
  if (!loaded.config) return { diagnostics: loaded.diagnostics, texts: new Map() };
  const config = loaded.config;
  const layers = await timer.timeAsync('load layers', () => loadLayers(config));
  const merged = timer.time('merge', () => mergeLayers(layers.files, config));
  const validated = timer.time('validate', () => validateCatalog(merged.catalog, merged.gaps));
  const diagnostics = [...layers.diagnostics, ...merged.diagnostics, ...validated];
  for (const problem of timer.time('catalog schema', () => schemaErrorsOf('catalog', toPlainCatalog(merged.catalog)))) {
    diagnostics.push({ ruleId: 'catalog/schema', severity: 'error', message: `Internal error: the merged catalog breaks its schema at ${problem}.` });
  }
  return { config, catalog: merged.catalog, diagnostics, texts: layers.texts, sources: layers.files };
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
  result.findings = timer.time('review', () => reviewSources(sources, config, { ...config.review, ...(options.strict ? { strict: true } : {}) }));
  return result;
}

export interface GenerateOptions extends LoadOptions {
  /** Output folder, overriding the config's `out`. */
  out?: string;
  /** Target ids, overriding the config's `targets`. */
  targets?: string[];
  /** Compare with the disk instead of writing. */
  check?: boolean;
}

export interface GenerateResult extends ReviewResult {
  /** Rendered files by path relative to the output folder. */
  files?: Map<string, string>;
  /** With `check`: how the disk differs. */
  status?: OutputStatus;
  /** Without `check`: what was written. */
  written?: WriteResult;
  /** Set when the targets asked for do not exist (a usage error). */
  unknownTargets?: string[];
}

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const result: GenerateResult = await loadCatalog(options);
  const { config, catalog } = result;
  if (!config || !catalog) return result;
  const available = [...builtInTargets, ...config.customTargets.map(customTarget)];
  const wanted = options.targets ?? config.targets;
  const targets = wanted ? available.filter((t) => wanted.includes(t.id)) : available;
  const unknown = (wanted ?? []).filter((id) => !available.some((t) => t.id === id));
  if (unknown.length > 0) {
    result.unknownTargets = unknown;
    result.diagnostics.push({
      ruleId: 'config/unknown-target',
      severity: 'error',
      message: `Unknown target(s) ${unknown.join(', ')}; the targets are ${available.map((t) => t.id).join(', ')}.`,
    });
  }
  const clashing = config.customTargets.filter((c) => builtInTargets.some((t) => t.id === c.id));
  for (const c of clashing) {
    result.diagnostics.push({ ruleId: 'config/duplicate-target', severity: 'error', message: `Custom target ${JSON.stringify(c.id)} has the id of a built-in target.`, place: { file: options.config ?? DEFAULT_CONFIG_FILE } });
  }
  if (hasErrors(result.diagnostics)) return result;

  const timer = options.timer ?? new StageTimer();
  // QA findings feed the review target only; skip the layer-by-layer merges when it is not selected.
  const findings = targets.some((t) => t.id === 'review') ? timer.time('review', () => reviewSources(result.sources ?? [], config, config.review)) : [];
  result.findings = findings;
  const files = renderTargets(catalog, config, targets, result.diagnostics, timer, findings);
  if (!files) return result;
  result.files = files;
  const outDir = options.out ? resolve(options.cwd ?? process.cwd(), options.out) : config.out;
  const owned = targets.map((t) => t.id);
  if (options.check) result.status = await timer.timeAsync('check', () => compareOutput(outDir, files, owned));
  else result.written = await timer.timeAsync('write', () => writeOutput(outDir, files, owned));
  return result;
}

/** Plans every target and renders all files in memory; undefined (with diagnostics added) when a target reports an error. */
export function renderTargets(
  catalog: Catalog,
  config: Config,
  targets: readonly Target[],
  diagnostics: Diagnostic[],
  timer = new StageTimer(),
  findings: readonly Finding[] = [],
): Map<string, string> | undefined {
  const header = `Generated by codebook from ${config.file.split(/[\\/]/).pop()}. Do not edit: run "codebook generate" to regenerate.`;
  const renderer = new TemplateRenderer({ ...config.templates, ...Object.fromEntries(config.customTargets.map((t) => [t.id, t.templates])) });
  const plans = targets.map((target) => ({ target, plan: timer.time(`plan ${target.id}`, () => target.plan(catalog, { config, header, findings })) }));
  for (const { plan } of plans) diagnostics.push(...plan.diagnostics);
  if (hasErrors(diagnostics)) return undefined;
  const files = new Map<string, string>();
  for (const { target, plan } of plans) {
    for (const file of plan.files) {
      if (!file.path.startsWith(`${target.id}/`)) throw new Error(`codebook: target ${target.id} planned ${file.path} outside its folder`);
      files.set(file.path, timer.time(`render ${target.id}`, () => renderer.render(target.id, file)));
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The catalog as plain JSON: what the catalog schema describes (parsed ASTs left out). */
export function toPlainCatalog(catalog: Catalog): unknown {
  return {
    ...catalog,
    messages: catalog.messages.map((m) => ({
      ...m,
      translations: Object.fromEntries(Object.entries(m.translations).map(([locale, { ast: _ast, ...t }]) => [locale, t])),
    })),
  };
}
