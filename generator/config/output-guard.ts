/**
 * Refuses output folders where writing or cleaning up could reach the
 * user's own files: the file-system root, the project folder, any folder
 * above the config, and any folder that holds the config, a layer file or a
 * template folder. Each refusal is a config error located at `"out"` (or
 * named as the `-o` flag), checked before anything is read from or written
 * to the output folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, parse, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import type { Config } from './load-config.js';

export interface OutputGuardInput {
  config: Config;
  /** The absolute output folder. */
  outDir: string;
  /** Set when the folder came from `-o` rather than the config. */
  fromFlag?: string;
  /** Every layer file (absolute). */
  layerFiles: readonly string[];
}

export function checkOutputFolder({ config, outDir, fromFlag, layerFiles }: OutputGuardInput): Diagnostic[] {
  const out = realOf(outDir);
  const named =
    fromFlag !== undefined ? `-o ${JSON.stringify(fromFlag)}` : `"out": ${JSON.stringify(relative(config.root, outDir) || '.')}`;
  const place: Place | undefined = fromFlag !== undefined ? undefined : config.placeOf('/out');
  const refuse = (ruleId: 'config/unsafe-out' | 'config/out-not-a-folder', why: string): Diagnostic[] => [
    {
      ruleId,
      severity: 'error',
      message: `Refusing to write to ${named}: ${why}. codebook removes files it no longer produces in its output folder, so it must be a folder of its own, such as "dist".`,
      ...(place ? { place } : {}),
    },
  ];
  if (parse(out).root === out) return refuse('config/unsafe-out', 'it is the root of the file system');
  const root = realOf(config.root);
  if (out === root) return refuse('config/unsafe-out', 'it is the project folder (the folder of the config)');
  if (isInside(root, out)) return refuse('config/unsafe-out', 'it is a folder above the config');
  const sources: [what: string, path: string][] = [
    ['the config', config.file],
    ...layerFiles.map((f): [string, string] => ['the layer file', f]),
    ...Object.values(config.templates).map((d): [string, string] => ['the template folder', d]),
    ...config.customTargets.map((t): [string, string] => [`the template folder of custom target "${t.id}"`, t.templates]),
  ];
  for (const [what, path] of sources) {
    const real = realOf(path);
    if (real === out || isInside(real, out))
      return refuse('config/unsafe-out', `it holds ${what} ${relative(config.root, path).split(sep).join('/')}`);
  }
  const kind = kindOf(out);
  if (kind === 'other') return refuse('config/out-not-a-folder', 'it is a file, not a folder');
  return [];
}

/** Whether `path` lies strictly inside `dir`. */
function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root;
}

/** The real path, resolving symbolic links of the longest existing parent (the folder may not exist yet). */
function realOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : resolve(realOf(parent), relative(parent, absolute));
  }
}

function kindOf(path: string): 'folder' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
}
