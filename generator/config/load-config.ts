/**
 * Finds, parses and validates the config. Paths in the config are relative to
 * the config file; everything returned here is resolved and defaulted, so no
 * later stage reads the raw file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Place, RuleId } from '../diagnostics/diagnostic.js';
import { parseJsonFile, pointerOf, type JsonFile } from '../json/json-file.js';
import { validateAgainstSchema } from '../json/schemas.js';
import { unknownRuleIds, type ReviewSettings } from './review-settings.js';
import { didYouMean } from '../did-you-mean.js';
import { fallbackWithin, isInstalledPackage, PROJECT_ONLY_KEYS, resolveBase } from './extends.js';

export const DEFAULT_CONFIG_FILE = 'codebook.config.json';

export interface LayerConfig {
  name: string;
  /** Glob patterns, relative to `root`. */
  files: string[];
  /** Absolute folder the globs are relative to; the config's folder when unset. */
  root?: string;
  /** Where the layer is declared (its `files`), for diagnostics about what it matches. */
  place?: Place;
  /** Set for a base's layers: the `extends` name they came from. */
  from?: string;
  /** A base's layers inside an installed package: read, never written (imports go to a layer of the project). */
  readOnly?: boolean;
}

export interface Config {
  /** Absolute path of the config file. */
  file: string;
  /** Folder every relative path is resolved against. */
  root: string;
  sourceLocale: string;
  locales: string[];
  fallback: Record<string, string[]>;
  namespace: string;
  /** The namespace of the developer details, when the catalog has user messages. */
  detailNamespace: string;
  /** The base's layers first (when the config extends one), then the config's own. */
  layers: LayerConfig[];
  /** The base this config extends: its name and absolute path. */
  base?: { name: string; file: string };
  /** Absolute folders outside the config's folder that layer files may come from. */
  sharedFolders: string[];
  /** Where a JSON pointer of the config file is, for diagnostics about the config. */
  placeOf(pointer: string): Place;
  /** Absolute output folder. */
  out: string;
  /** Prefix of platform identifiers (`error_6014`). */
  identifierPrefix: string;
  /** Absolute template folders that override built-in targets' templates, by target id. */
  templates: Record<string, string>;
  customTargets: CustomTargetConfig[];
  /** Translation QA settings. */
  review: ReviewSettings;
  types: { i18nextSelector: boolean };
  /** The xliff target's XLIFF version (default "2.0"). */
  xliff: { version: '1.2' | '2.0' };
  /** Java `.properties` values: `with-arguments` makes only messages with arguments MessageFormat patterns (plain `getString()`, Spring's default); `always` every value. */
  java: { messageFormat: JavaMessageFormat };
  targets?: string[];
}

export type JavaMessageFormat = 'with-arguments' | 'always';

export interface CustomTargetConfig {
  id: string;
  description?: string;
  /** Absolute folder of the templates. */
  templates: string;
  files: { template: string; path: string }[];
}

interface RawConfig {
  extends?: string;
  sourceLocale?: string;
  locales?: string[];
  fallback?: Record<string, string[]>;
  namespace?: string;
  detailNamespace?: string;
  layers?: { name: string; files: string[] }[];
  sharedFolders?: string[];
  out?: string;
  identifierPrefix?: string;
  templates?: Record<string, string>;
  customTargets?: CustomTargetConfig[];
  review?: ReviewSettings;
  types?: { i18nextSelector?: boolean };
  xliff?: { version?: '1.2' | '2.0' };
  java?: { messageFormat?: JavaMessageFormat };
  targets?: string[];
}

/**
 * The config a command uses: the one named (`-c`, relative to `cwd`), else
 * the nearest `codebook.config.json` in `cwd` or a folder above it, as ESLint
 * and git find theirs. `displayName` is how diagnostics name it; `missing`
 * is set when none was named and none was found.
 */
export function findConfig(cwd: string, named?: string): { path: string; displayName: string; missing?: true } {
  if (named !== undefined) return { path: resolve(cwd, named), displayName: named };
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const path = join(dir, DEFAULT_CONFIG_FILE);
    if (existsSync(path)) return { path, displayName: relative(cwd, path).split(sep).join('/') };
    if (dirname(dir) === dir) return { path: resolve(cwd, DEFAULT_CONFIG_FILE), displayName: DEFAULT_CONFIG_FILE, missing: true };
  }
}

export interface LoadConfigOptions {
  /** `base` reads the config another one extends: it may not extend again or name project folders. */
  role?: 'project' | 'base';
  /**
   * The rule ids `review.severities` may name: the review's qa/ rules. The
   * review sits above the config, so the caller passes them (the pipeline
   * does); left out, the names are not checked.
   */
  reviewRules?: readonly string[];
}

export async function loadConfig(
  path: string,
  displayName = path,
  searched = false,
  options: LoadConfigOptions = {},
): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
  const read = await readConfigText(path, displayName, searched);
  if ('diagnostics' in read) return read;
  const { json, diagnostics } = parseJsonFile(displayName, read.text);
  if (!json) return { diagnostics };
  diagnostics.push(...validateAgainstSchema('config', json));
  if (diagnostics.length > 0) return { diagnostics };

  const load = new ConfigLoad(path, displayName, json, diagnostics);
  if (options.role === 'base') {
    load.checkBaseKeys();
    if (diagnostics.length > 0) return { diagnostics };
  }
  let base: Config | undefined;
  if (load.raw.extends !== undefined) {
    const loaded = await load.loadBase(load.raw.extends, options);
    if (!loaded.config) return { diagnostics: loaded.diagnostics };
    base = loaded.config;
  }
  // Without a base the schema requires these three.
  const locales = load.raw.locales ?? base!.locales;
  const sourceLocale = load.raw.sourceLocale ?? base!.sourceLocale;
  load.checkLocales(locales, sourceLocale);
  const layers = load.layers(base);
  const templates = load.templates();
  const customTargets = load.customTargets();
  if (options.reviewRules) load.checkReviewRules(options.reviewRules);
  if (diagnostics.length > 0) return { diagnostics };
  return { config: load.config(base, { sourceLocale, locales, layers, templates, customTargets }), diagnostics };
}

/** The config's text, or why it cannot be read (with how to make one when there is none). */
async function readConfigText(
  path: string,
  displayName: string,
  searched: boolean,
): Promise<{ text: string } | { diagnostics: Diagnostic[] }> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    const absent = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = absent
      ? searched
        ? `No ${DEFAULT_CONFIG_FILE} in ${dirname(path)} or any folder above it.`
        : `Cannot read the config: no such file.`
      : `Cannot read the config: ${(error as Error).message}.`;
    const hint = absent
      ? `Create one with "codebook init --locales en,de" (a project that generates on the first try), or name one with -c <file>.`
      : undefined;
    return {
      diagnostics: [{ ruleId: 'config/unreadable', severity: 'error', message, place: { file: displayName }, ...(hint ? { hint } : {}) }],
    };
  }
}

type ResolvedParts = Pick<Config, 'sourceLocale' | 'locales' | 'layers' | 'templates' | 'customTargets'>;

/** One schema-valid config file being checked and resolved, in steps; every problem goes to `diagnostics`. */
class ConfigLoad {
  readonly raw: RawConfig;
  /** Absolute folder of the config: what its relative paths are relative to. */
  private readonly root: string;

  constructor(
    private readonly path: string,
    private readonly displayName: string,
    private readonly json: JsonFile,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.raw = json.value as RawConfig;
    this.root = dirname(resolve(path));
  }

  /** Where a JSON pointer of this file is; an arrow so the config can hand it out as `placeOf`. */
  readonly place = (pointer: string): Place => ({ file: this.displayName, ...this.json.locate(pointer), pointer });

  /**
   * `place`, with the line and column found when first read: a layer keeps its place for the
   * diagnostics it may cause, and finding `/layers/i/files` needs the file's full syntax tree.
   */
  private lazyPlace(pointer: string): Place {
    const { json } = this;
    let position: { line: number; column: number } | undefined;
    const at = () => (position ??= json.locate(pointer));
    return {
      file: this.displayName,
      get line() {
        return at().line;
      },
      get column() {
        return at().column;
      },
      pointer,
    };
  }

  private problem(ruleId: RuleId, message: string, pointer: string): void {
    this.diagnostics.push({ ruleId, severity: 'error', message, place: this.place(pointer) });
  }

  /** A base config may not set what only the project that extends it can. */
  checkBaseKeys(): void {
    for (const key of PROJECT_ONLY_KEYS.filter((k) => k in this.raw))
      this.problem(
        'config/extends',
        `A base config cannot set ${JSON.stringify(key)}: it belongs to the project that extends it.`,
        pointerOf(key),
      );
  }

  /** The config `extends` names, read as a base; a base's problems are the project's. */
  async loadBase(name: string, options: LoadConfigOptions): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
    const found = resolveBase(name, resolve(this.path));
    if ('problem' in found)
      return { diagnostics: [{ ruleId: 'config/extends', severity: 'error', message: found.problem, place: this.place('/extends') }] };
    return loadConfig(found.path, relative(this.root, found.path).split(sep).join('/'), false, { ...options, role: 'base' });
  }

  /** Every locale named (own locales, source locale, fallback chains) is canonical and listed. */
  checkLocales(locales: readonly string[], sourceLocale: string): void {
    const { raw } = this;
    raw.locales?.forEach((locale, i) => {
      const problem = localeProblem(locale);
      if (problem) this.problem('config/invalid-locale', problem, pointerOf('locales', i));
    });
    if (!locales.includes(sourceLocale))
      this.problem(
        'config/invalid-locale',
        `The source locale ${JSON.stringify(sourceLocale)} is not listed in "locales".`,
        raw.sourceLocale ? '/sourceLocale' : raw.locales ? '/locales' : '/extends',
      );
    for (const [locale, chain] of Object.entries(raw.fallback ?? {}))
      for (const [i, target] of [locale, ...chain].entries())
        if (!locales.includes(target))
          this.problem(
            'config/invalid-locale',
            `The fallback locale ${JSON.stringify(target)} is not listed in "locales".`,
            i === 0 ? pointerOf('fallback', locale) : pointerOf('fallback', locale, i - 1),
          );
  }

  /** The base's layers (read-only when installed), then the config's own, each name used once. */
  layers(base: Config | undefined): LayerConfig[] {
    const { raw } = this;
    const layers: LayerConfig[] = (base?.layers ?? []).map((l) => ({
      ...l,
      from: raw.extends!,
      ...(isInstalledPackage(l.root!) ? { readOnly: true } : {}),
    }));
    const baseNames = new Set(layers.map((l) => l.name));
    const names = new Set<string>();
    (raw.layers ?? []).forEach((layer, i) => {
      if (names.has(layer.name) || baseNames.has(layer.name)) {
        const why = baseNames.has(layer.name)
          ? `The base ${JSON.stringify(raw.extends)} has a layer named ${JSON.stringify(layer.name)} already; name this one differently.`
          : `Two layers are named ${JSON.stringify(layer.name)}.`;
        this.problem('config/duplicate-layer', why, pointerOf('layers', i, 'name'));
      }
      names.add(layer.name);
      layers.push({ ...layer, root: this.root, place: this.lazyPlace(pointerOf('layers', i, 'files')) });
    });
    return layers;
  }

  /** Built-in targets' template overrides, by target id, as absolute folders. */
  templates(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(this.raw.templates ?? {}).map(([id, dir]) => [id, this.folder(dir, pointerOf('templates', id))]),
    );
  }

  /** Custom targets with absolute template folders; their outputs stay inside the target's folder and their templates exist. */
  customTargets(): CustomTargetConfig[] {
    return (this.raw.customTargets ?? []).map((target, i) => {
      target.files.forEach((file, j) => {
        if (file.path.split('/').includes('..'))
          this.problem(
            'config/invalid-path',
            `Output path ${JSON.stringify(file.path)} leaves the target's folder.`,
            pointerOf('customTargets', i, 'files', j, 'path'),
          );
      });
      const dir = this.folder(target.templates, pointerOf('customTargets', i, 'templates'));
      target.files.forEach((file, j) => {
        if (existsSync(dir) && !existsSync(resolve(dir, file.template)))
          this.problem(
            'config/missing-templates',
            `Template ${JSON.stringify(file.template)} is not in ${JSON.stringify(target.templates)}.`,
            pointerOf('customTargets', i, 'files', j, 'template'),
          );
      });
      return { ...target, templates: dir };
    });
  }

  /** A template folder, absolute; reported when it does not exist. */
  private folder(dir: string, pointer: string): string {
    const absolute = resolve(this.root, dir);
    if (!existsSync(absolute)) this.problem('config/missing-templates', `Template folder ${JSON.stringify(dir)} does not exist.`, pointer);
    return absolute;
  }

  /** `review.severities` names only rules the review has. */
  checkReviewRules(reviewRules: readonly string[]): void {
    for (const id of unknownRuleIds(this.raw.review?.severities ?? {}, reviewRules))
      this.problem(
        'config/unknown-rule',
        `Unknown review rule ${JSON.stringify(id)}.${didYouMean(id, reviewRules)} The qa/ rules are listed in generator/review/rules.ts.`,
        pointerOf('review', 'severities', id),
      );
  }

  /** The resolved config: the checked parts, then every setting defaulted from the base and then the built-in default. */
  config(base: Config | undefined, parts: ResolvedParts): Config {
    const { raw, root } = this;
    const namespace = raw.namespace ?? base?.namespace ?? 'errors';
    return {
      file: resolve(this.path),
      root,
      sourceLocale: parts.sourceLocale,
      locales: parts.locales,
      fallback: { ...(base ? fallbackWithin(base.fallback, parts.locales) : {}), ...raw.fallback },
      namespace,
      detailNamespace: raw.detailNamespace ?? (raw.namespace === undefined ? base?.detailNamespace : undefined) ?? `${namespace}-detail`,
      layers: parts.layers,
      ...(base ? { base: { name: raw.extends!, file: base.file } } : {}),
      sharedFolders: (raw.sharedFolders ?? []).map((dir) => resolve(root, dir)),
      placeOf: this.place,
      out: resolve(root, raw.out ?? 'dist'),
      identifierPrefix: raw.identifierPrefix ?? base?.identifierPrefix ?? 'error_',
      templates: parts.templates,
      customTargets: parts.customTargets,
      review: mergeReview(base?.review, raw.review),
      types: { i18nextSelector: raw.types?.i18nextSelector ?? base?.types.i18nextSelector ?? false },
      xliff: { version: raw.xliff?.version ?? base?.xliff.version ?? '2.0' },
      java: { messageFormat: raw.java?.messageFormat ?? base?.java.messageFormat ?? 'with-arguments' },
      ...(raw.targets ? { targets: raw.targets } : {}),
    };
  }
}

/** The project's review settings over the base's; jargon lists add up. */
function mergeReview(base: ReviewSettings | undefined, own: ReviewSettings | undefined): ReviewSettings {
  if (!base) return own ?? {};
  const jargon = [...new Set([...(base.jargon ?? []), ...(own?.jargon ?? [])])];
  return { ...base, ...own, severities: { ...base.severities, ...own?.severities }, ...(jargon.length > 0 ? { jargon } : {}) };
}

/** Why a tag is not a canonical BCP 47 tag, or undefined when it is one. */
export function localeProblem(tag: string): string | undefined {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return `${JSON.stringify(tag)} is not a BCP 47 language tag.`;
  }
  if (canonical !== tag) return `${JSON.stringify(tag)} is not in canonical form; write ${JSON.stringify(canonical)}.`;
  return undefined;
}
