/**
 * The record of which files in an output folder codebook wrote:
 * `<out>/.codebook/manifest.json`. Only files it lists are ever replaced or
 * removed; anything else in a target's folder belongs to the user. It also
 * lists the foreign files a run has already mentioned, so each is mentioned
 * once. The manifest is itself output (written in the same commit, compared
 * by `--check`), so it is byte-identical across runs and machines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** codebook's own folder inside the output folder: manifest, commit journal, staging area, lock. */
export const STATE_DIR = '.codebook';
export const MANIFEST_PATH = `${STATE_DIR}/manifest.json`;
const FORMAT = 1;

export interface Manifest {
  /** Files codebook wrote, by target id (paths relative to the output folder). */
  targets: Record<string, string[]>;
  /** Files in target folders that codebook did not write and has already mentioned. */
  foreign: string[];
}

export function emptyManifest(): Manifest {
  return { targets: {}, foreign: [] };
}

/** The manifest of `outDir`; empty when there is none. A manifest of another shape is an error: owning nothing would be unsafe to guess. */
export function readManifest(outDir: string): Manifest {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST_PATH), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw error;
  }
  const value = JSON.parse(text) as { format?: unknown; targets?: unknown; foreign?: unknown };
  const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((p) => typeof p === 'string');
  if (
    value.format !== FORMAT ||
    typeof value.targets !== 'object' ||
    value.targets === null ||
    !Object.values(value.targets).every(isList) ||
    !isList(value.foreign)
  ) {
    throw new ManifestError(`${MANIFEST_PATH} is not a codebook ${FORMAT} manifest`);
  }
  return { targets: value.targets as Record<string, string[]>, foreign: value.foreign };
}

export class ManifestError extends Error {}

export function serializeManifest(manifest: Manifest): string {
  const targets = Object.fromEntries(
    Object.keys(manifest.targets)
      .sort()
      .filter((id) => manifest.targets[id]!.length > 0)
      .map((id) => [id, [...manifest.targets[id]!].sort()]),
  );
  return `${JSON.stringify({ generator: 'codebook', format: FORMAT, targets, foreign: [...new Set(manifest.foreign)].sort() }, null, 2)}\n`;
}

/** Every file the manifest says codebook wrote. */
export function ownedFiles(manifest: Manifest): Set<string> {
  return new Set(Object.values(manifest.targets).flat());
}
