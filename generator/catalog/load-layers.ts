/**
 * Reads every file of every layer named in the config, in layer order, and
 * sorts files within a layer by path so the result never depends on the
 * order the file system lists them in. Each file is parsed, classified as a
 * registry file (`codes`) or a messages file (`locale`), and checked against
 * its schema (layer-load.ts); a file with errors is reported and left out of
 * the merge.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { pointerOf } from '../json/json-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config, LayerConfig } from '../config/load-config.js';
import { layerFiles, layerRoot } from '../config/layer-files.js';
import { LayerLoad, type LayerRead, type LoadSettings } from './layer-load.js';
import type { LoadedLayers } from './source-files.js';

export type { FailedFile, LoadedLayers, MessageEntry, MessagesData, RegistryData, SourceFile } from './source-files.js';

/**
 * `globbed`: the layer files as cache/fingerprint.ts layerPaths gives them, when the caller has
 * them already. `trusted`: files (display path → text hash) that loaded without a problem in the
 * last run of this codebook (the incremental record; empty when it has none): when a file's text
 * is that text, its schema, depth and duplicate-member checks are skipped, as they would find
 * nothing again. `deferred`: files (display paths) whose checks the caller makes itself on the
 * parts that changed (cache/edited-catalog.ts); they are loaded as trusted but never count as clean.
 */
export async function loadLayers(
  config: Config,
  globbed?: readonly string[][],
  trusted?: ReadonlyMap<string, number>,
  deferred?: ReadonlySet<string>,
): Promise<LoadedLayers> {
  const diagnostics: Diagnostic[] = [];
  const reads = await readLayers(config, globbed, diagnostics);
  const load = new LayerLoad(loadSettings(config), { ...(trusted ? { trusted } : {}), ...(deferred ? { deferred } : {}) });
  reads.forEach((read, i) => load.add(read, i));
  return load.result(diagnostics);
}

/** The bytes of every layer file, in layer order (`read`: how a file is read); what reading them found goes to `diagnostics`. */
export async function readLayers(
  config: Config,
  globbed: readonly string[][] | undefined,
  diagnostics: Diagnostic[],
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<LayerRead[]> {
  const perLayer = await Promise.all(config.layers.map((layer, i) => readLayer(config, layer, i, globbed?.[i], diagnostics, read)));
  return perLayer.flat();
}

/** What the load needs of the config (of layers that share a name, the last one counts). */
export function loadSettings(config: Config): LoadSettings {
  const byName = new Map(config.layers.map((l) => [l.name, l]));
  return { locales: config.locales, baseLayers: [...byName.values()].filter((l) => l.from).map((l) => l.name) };
}

/** The bytes of every file a layer matches inside the folders it may read; a layer that matches none is reported. */
async function readLayer(
  config: Config,
  layer: LayerConfig,
  index: number,
  globbed: readonly string[] | undefined,
  diagnostics: Diagnostic[],
  read: (path: string) => Promise<Uint8Array>,
): Promise<LayerRead[]> {
  const matched = globbed ?? (await layerFiles(config, layer));
  const outside = matched.filter((path) => !isAllowedSource(config, layer, path));
  if (outside.length > 0) diagnostics.push(outsideProject(config, layer, index, outside));
  const paths = matched.filter((path) => isAllowedSource(config, layer, path));
  if (paths.length === 0) {
    diagnostics.push({
      ruleId: 'config/empty-layer',
      severity: 'warning',
      message: `Layer ${JSON.stringify(layer.name)} matches no file (${layer.files.join(', ')}).`,
      place: layer.place ?? { file: displayPath(config, config.file) },
    });
  }
  return Promise.all(paths.map(async (path) => ({ layer: layer.name, file: displayPath(config, path), bytes: await read(path) })));
}

function outsideProject(config: Config, layer: LayerConfig, index: number, outside: readonly string[]): Diagnostic {
  const shown = outside.slice(0, 3).map((p) => displayPath(config, p));
  return {
    ruleId: 'config/layer-outside-project',
    severity: 'error',
    message: `Layer ${JSON.stringify(layer.name)} matches ${outside.length} file(s) outside the config's folder (${shown.join(', ')}${outside.length > 3 ? ', …' : ''}); list their folder in "sharedFolders" to read them on purpose.`,
    place: layer.place ?? config.placeOf(pointerOf('layers', index, 'files')),
  };
}

/** Whether a layer file lies inside the config's folder, a folder the config shares on purpose, or (for a base's layer) the base's folder. */
function isAllowedSource(config: Config, layer: LayerConfig, path: string): boolean {
  return [config.root, ...config.sharedFolders, ...(layer.from ? [layerRoot(config, layer)] : [])].some((dir) => {
    const rel = relative(dir, path);
    return (
      rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && resolve(dir, rel) === resolve(path) && !/^[a-zA-Z]:|^[\\/]/.test(rel)
    );
  });
}

/** Paths in diagnostics and provenance: relative to the config folder, with forward slashes on every OS. */
export function displayPath(config: Config, path: string): string {
  return relative(config.root, resolve(path)).split(sep).join('/');
}
