/**
 * Which source file an XLIFF import writes when the user names none: the
 * file of the locale in the LAST layer of the config (merge order), so the
 * translator's text overrides every other layer and a later vendor import
 * does not overwrite it.
 *
 * Layers are searched from last to first. In a layer:
 * - exactly one messages file of the locale → that file;
 * - several → a problem (the user picks one with --out);
 * - none, but a pattern whose `*` is a whole path segment
 *   (`locales/*\/corrections.json`) → that pattern with the locale, created by
 *   the import;
 * - otherwise the previous layer is searched.
 * The layers of a base inside an installed package are never written.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '../../catalog/load-layers.js';
import type { Config } from '../../config/load-config.js';
import { layerFiles, layerRoot } from '../../config/layer-files.js';

export type TargetChoice =
  | {
      ok: true;
      /** Absolute. */ path: string;
      /** Relative to the config folder, as the catalog's origins name files. */ display: string;
      layer: string;
      create: boolean;
    }
  | { ok: false; problem: string };

export async function chooseTargetFile(config: Config, locale: string): Promise<TargetChoice> {
  for (const layer of writableLayers(config).reverse()) {
    const ofLocale = await localeFiles(config, layer, locale, true);
    if (ofLocale.length === 1)
      return { ok: true, path: ofLocale[0], display: displayPath(config, ofLocale[0]), layer: layer.name, create: false };
    if (ofLocale.length > 1) {
      return {
        ok: false,
        problem: `Layer ${JSON.stringify(layer.name)} has ${ofLocale.length} ${locale} files (${ofLocale.map((p) => displayPath(config, p)).join(', ')}); name the one to update with --out.`,
      };
    }
    const path = patternFileOf(config, layer, locale);
    if (path) return { ok: true, path, display: displayPath(config, path), layer: layer.name, create: true };
  }
  return { ok: false, problem: `No layer has a ${locale} messages file or a pattern to create one; name the file to update with --out.` };
}

/**
 * For user texts the locale has none of yet: the locale's file in each
 * layer (relative to the config folder), when the layer has exactly one
 * file of the locale (any messages file: `user` sections need no
 * `messages`), else the file its `*` pattern names.
 */
export async function localeFilesByLayer(config: Config, locale: string): Promise<Map<string, string>> {
  const byLayer = new Map<string, string>();
  for (const layer of writableLayers(config)) {
    const ofLocale = await localeFiles(config, layer, locale, false);
    const path = ofLocale.length === 1 ? ofLocale[0] : ofLocale.length === 0 ? patternFileOf(config, layer, locale) : undefined;
    if (path) byLayer.set(layer.name, displayPath(config, path));
  }
  return byLayer;
}

/** The layer's files of a locale (absolute, sorted); with `withMessages`, only those that have `messages`. */
async function localeFiles(config: Config, layer: Config['layers'][number], locale: string, withMessages: boolean): Promise<string[]> {
  const found: string[] = [];
  for (const path of await layerFiles(config, layer)) {
    const value = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text.replace(/^\ufeff/, '')) as unknown)
      .catch(() => undefined);
    if (
      value !== null &&
      typeof value === 'object' &&
      (value as { locale?: unknown }).locale === locale &&
      (!withMessages || 'messages' in value)
    )
      found.push(path);
  }
  return found;
}

/** The file a layer's one-`*` pattern names for a locale (`locales/*\/user.json` → `locales/ja/user.json`), if it has such a pattern. */
function patternFileOf(config: Config, layer: Config['layers'][number], locale: string): string | undefined {
  const pattern = layer.files.find((p) => p.split('/').filter((s) => s === '*').length === 1 && !/[?[\]{}!]|\*\*|[^/]\*|\*[^/]/.test(p));
  return pattern ? resolve(layerRoot(config, layer), pattern.replace('*', locale)) : undefined;
}

/** The layers an import may write to: not a base's inside an installed package, which the next install would undo. */
function writableLayers(config: Config): Config['layers'] {
  return config.layers.filter((layer) => !layer.readOnly);
}
