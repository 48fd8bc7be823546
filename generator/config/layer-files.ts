/** The files a layer's globs match, the one way every stage resolves them. */
import { glob } from 'tinyglobby';
import type { Config, LayerConfig } from './load-config.js';

/** Absolute folder the layer's globs are relative to: the base's folder for a base layer, else the config's. */
export const layerRoot = (config: Config, layer: LayerConfig): string => layer.root ?? config.root;

/** Absolute paths, sorted, so no result depends on the order the file system lists files in. */
export async function layerFiles(config: Config, layer: LayerConfig): Promise<string[]> {
  return (await glob(layer.files, { cwd: layerRoot(config, layer), absolute: true, onlyFiles: true })).sort();
}
