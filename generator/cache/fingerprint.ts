/**
 * What a generated tree depends on, as hashes: the code that generates it
 * (codebook's version, its own modules, its dependencies' versions and the
 * runtime's Unicode data), the config text, the bytes of every layer file
 * the globs match now, and the bytes of every template a target reads.
 * Computing this reads those files but parses none of them, so it costs a
 * small fraction of a run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load-config.js';
import { layerFiles } from '../config/layer-files.js';
import { packageRoot, templatesDir } from '../package-root.js';

/** Hex SHA-256 of strings and byte buffers, each length-prefixed so that no two lists collide. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

let codeVersion: string | undefined;

/**
 * codebook's version plus a hash of its own modules (so a rebuilt generator
 * never trusts outputs of the previous build), its runtime dependencies'
 * versions and the Node/ICU/Unicode versions (plural rules and canonical
 * locales come from the runtime). Computed once per process.
 */
export function codeFingerprint(): string {
  if (codeVersion !== undefined) return codeVersion;
  const parts: string[] = [];
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    version?: string;
    dependencies?: Record<string, string>;
  };
  parts.push(
    `codebook@${pkg.version ?? '?'}`,
    `node@${process.versions.node}`,
    `icu@${process.versions.icu ?? '-'}`,
    `unicode@${process.versions.unicode ?? '-'}`,
  );
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) parts.push(`${name}@${installedVersion(name)}`);
  const generatorDir = dirname(dirname(fileURLToPath(import.meta.url)));
  const modules = (readdirSync(generatorDir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && /\.(js|mjs|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of modules) parts.push(relative(generatorDir, path).split(sep).join('/'), hashOf(readFileSync(path)));
  codeVersion = hashOf(...parts);
  return codeVersion;
}

/** The version of a dependency as installed next to codebook, or "?" when it cannot be found. */
function installedVersion(name: string): string {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? '?';
      } catch {
        return '?';
      }
    }
    if (dirname(dir) === dir) return '?';
  }
}

/** The files every layer's globs match now, resolved exactly as the load stage resolves them, in layer order. */
export async function layerPaths(config: Config): Promise<string[][]> {
  return Promise.all(config.layers.map((layer) => layerFiles(config, layer)));
}

/**
 * Hash of the layer files: their paths (relative to the config, per layer) and the SHA-256 of
 * their bytes, and those hashes by path. `known`: hashes of files whose size and mtime are as
 * when they were last hashed (incremental.ts), which are not read again.
 */
export async function layersHash(
  config: Config,
  globbed?: readonly string[][],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<{ hash: string; files: Map<string, string> }> {
  const perLayer = globbed ?? (await layerPaths(config));
  const parts: string[] = [];
  const files = new Map<string, string>();
  await Promise.all(
    perLayer.map(async (paths, i) => {
      const layer: string[] = [`layer ${config.layers[i]!.name}`];
      for (const path of paths) {
        const name = relative(config.root, path).split(sep).join('/');
        const hash = known.get(name) ?? hashOf(await readFile(path));
        files.set(name, hash);
        layer.push(name, hash);
      }
      parts[i] = hashOf(...layer);
    }),
  );
  return { hash: hashOf(...parts), files };
}

/** The template folders a target reads, in lookup order: its override (or custom folder), its built-in folder, and the shared partials. */
export function templateFoldersOf(config: Config, targetId: string): string[] {
  const custom = config.customTargets.find((t) => t.id === targetId);
  const folders = custom
    ? [custom.templates]
    : [...(config.templates[targetId] ? [config.templates[targetId]] : []), join(templatesDir, targetId)];
  return [...folders, join(templatesDir, '_partials')];
}

/** Every template folder of the config: built-in, overrides and custom targets. */
export function allTemplateFolders(config: Config): string[] {
  return [...new Set([templatesDir, ...Object.values(config.templates), ...config.customTargets.map((t) => t.templates)])];
}

/** Hash of the files (names and bytes) under each folder; a missing folder hashes as empty. */
export async function foldersHash(folders: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    const hashes = await Promise.all(files.map(async (path) => hashOf(relative(folder, path).split(sep).join('/'), await readFile(path))));
    parts.push(hashOf(folder, ...hashes));
  }
  return hashOf(...parts);
}

export interface InputsFingerprint {
  /** Everything: matches the last run's key only when no input changed. */
  key: string;
  code: string;
  config: string;
  layers: string;
  /** Each layer file's SHA-256, by display path. */
  layerFiles: Map<string, string>;
  /** Templates a target reads, by target id. */
  templates: Record<string, string>;
  /** Every template folder together: when it is unchanged, compiled templates can be reused. */
  allTemplates: string;
}

/**
 * Fingerprints the inputs of a run of `targetIds` into `outDir`: the config
 * and the base it extends (whose settings are the config's too), the layer
 * files, the templates. `globbed`: the layer files as layerPaths gives them,
 * when the caller has them already.
 */
export async function fingerprintInputs(
  config: Config,
  targetIds: readonly string[],
  outDir: string,
  globbed?: readonly string[][],
  knownLayerFiles?: ReadonlyMap<string, string>,
): Promise<InputsFingerprint> {
  const code = codeFingerprint();
  const [configText, baseText, layers, allTemplates, ...perTarget] = await Promise.all([
    readFile(config.file),
    config.base ? readFile(config.base.file) : '',
    layersHash(config, globbed, knownLayerFiles),
    foldersHash(allTemplateFolders(config)),
    ...targetIds.map((id) => foldersHash(templateFoldersOf(config, id))),
  ]);
  const configHash = hashOf(config.file, configText, config.base?.file ?? '', baseText);
  const templates = Object.fromEntries(targetIds.map((id, i) => [id, perTarget[i]!]));
  const key = hashOf(code, configHash, layers.hash, allTemplates, outDir, ...targetIds.map((id) => `${id}=${templates[id]}`));
  return { key, code, config: configHash, layers: layers.hash, layerFiles: layers.files, templates, allTemplates };
}
