/**
 * Finds, parses and validates the config. Paths in the config are relative to
 * the config file; everything returned here is resolved and defaulted, so no
 * later stage reads the raw file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { parseJsonFile, pointerOf } from '../catalog/json-file.js';
import { validateAgainstSchema } from '../catalog/schemas.js';
import type { ReviewSettings } from '../review/review-layers.js';
import { qaRuleIds, unknownRuleIds } from '../review/severity.js';
import { didYouMean } from '../did-you-mean.js';

export const DEFAULT_CONFIG_FILE = 'codebook.config.json';

export interface LayerConfig {
  name: string;
  files: string[];
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
  layers: LayerConfig[];
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
  targets?: string[];
}

export interface CustomTargetConfig {
  id: string;
  description?: string;
  /** Absolute folder of the templates. */
  templates: string;
  files: { template: string; path: string }[];
}

interface RawConfig {
  sourceLocale: string;
  locales: string[];
  fallback?: Record<string, string[]>;
  namespace?: string;
  detailNamespace?: string;
  layers: LayerConfig[];
  sharedFolders?: string[];
  out?: string;
  identifierPrefix?: string;
  templates?: Record<string, string>;
  customTargets?: CustomTargetConfig[];
  review?: ReviewSettings;
  types?: { i18nextSelector?: boolean };
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

export async function loadConfig(path: string, displayName = path, searched = false): Promise<{ config?: Config; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const absent = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = absent
      ? searched
        ? `No ${DEFAULT_CONFIG_FILE} in ${dirname(path)} or any folder above it.`
        : `Cannot read the config: no such file.`
      : `Cannot read the config: ${(error as Error).message}.`;
    const hint = absent ? `Create one with "codebook init --locales en,de" (a project that generates on the first try), or name one with -c <file>.` : undefined;
    return { diagnostics: [{ ruleId: 'config/unreadable', severity: 'error', message, place: { file: displayName }, ...(hint ? { hint } : {}) }] };
  }
  const { json, diagnostics } = parseJsonFile(displayName, text);
  if (!json) return { diagnostics };
  diagnostics.push(...validateAgainstSchema('config', json));
  if (diagnostics.length > 0) return { diagnostics };

  const raw = json.value as RawConfig;
  const place = (pointer: string) => ({ file: displayName, ...json.locate(pointer), pointer });
  raw.locales.forEach((locale, i) => {
    const problem = localeProblem(locale);
    if (problem) diagnostics.push({ ruleId: 'config/invalid-locale', severity: 'error', message: problem, place: place(pointerOf('locales', i)) });
  });
  if (!raw.locales.includes(raw.sourceLocale)) {
    diagnostics.push({
      ruleId: 'config/invalid-locale',
      severity: 'error',
      message: `The source locale ${JSON.stringify(raw.sourceLocale)} is not listed in "locales".`,
      place: place('/sourceLocale'),
    });
  }
  for (const [locale, chain] of Object.entries(raw.fallback ?? {})) {
    for (const [i, target] of [locale, ...chain].entries()) {
      if (!raw.locales.includes(target)) {
        diagnostics.push({
          ruleId: 'config/invalid-locale',
          severity: 'error',
          message: `The fallback locale ${JSON.stringify(target)} is not listed in "locales".`,
          place: place(i === 0 ? pointerOf('fallback', locale) : pointerOf('fallback', locale, i - 1)),
        });
      }
    }
  }
  const names = new Set<string>();
  raw.layers.forEach((layer, i) => {
    if (names.has(layer.name)) {
      diagnostics.push({ ruleId: 'config/duplicate-layer', severity: 'error', message: `Two layers are named ${JSON.stringify(layer.name)}.`, place: place(pointerOf('layers', i, 'name')) });
    }
    names.add(layer.name);
  });
  const root = dirname(resolve(path));
  const folder = (dir: string, pointer: string): string => {
    const absolute = resolve(root, dir);
    if (!existsSync(absolute)) diagnostics.push({ ruleId: 'config/missing-templates', severity: 'error', message: `Template folder ${JSON.stringify(dir)} does not exist.`, place: place(pointer) });
    return absolute;
  };
  const templates = Object.fromEntries(Object.entries(raw.templates ?? {}).map(([id, dir]) => [id, folder(dir, pointerOf('templates', id))]));
  const customTargets = (raw.customTargets ?? []).map((target, i) => {
    target.files.forEach((file, j) => {
      if (file.path.split('/').includes('..')) diagnostics.push({ ruleId: 'config/invalid-path', severity: 'error', message: `Output path ${JSON.stringify(file.path)} leaves the target's folder.`, place: place(pointerOf('customTargets', i, 'files', j, 'path')) });
    });
    const dir = folder(target.templates, pointerOf('customTargets', i, 'templates'));
    target.files.forEach((file, j) => {
      if (existsSync(dir) && !existsSync(resolve(dir, file.template))) {
        diagnostics.push({ ruleId: 'config/missing-templates', severity: 'error', message: `Template ${JSON.stringify(file.template)} is not in ${JSON.stringify(target.templates)}.`, place: place(pointerOf('customTargets', i, 'files', j, 'template')) });
      }
    });
    return { ...target, templates: dir };
  });
  for (const id of unknownRuleIds(raw.review?.severities ?? {})) {
    diagnostics.push({ ruleId: 'config/unknown-rule', severity: 'error', message: `Unknown review rule ${JSON.stringify(id)}.${didYouMean(id, qaRuleIds())} The qa/ rules are listed in generator/diagnostics/codes.ts.`, place: place(pointerOf('review', 'severities', id)) });
  }
  if (diagnostics.length > 0) return { diagnostics };

  return {
    config: {
      file: resolve(path),
      root,
      sourceLocale: raw.sourceLocale,
      locales: raw.locales,
      fallback: raw.fallback ?? {},
      namespace: raw.namespace ?? 'errors',
      detailNamespace: raw.detailNamespace ?? `${raw.namespace ?? 'errors'}-detail`,
      layers: raw.layers,
      sharedFolders: (raw.sharedFolders ?? []).map((dir) => resolve(root, dir)),
      placeOf: place,
      out: resolve(root, raw.out ?? 'dist'),
      identifierPrefix: raw.identifierPrefix ?? 'error_',
      templates,
      customTargets,
      review: raw.review ?? {},
      types: { i18nextSelector: raw.types?.i18nextSelector ?? false },
      ...(raw.targets ? { targets: raw.targets } : {}),
    },
    diagnostics,
  };
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
