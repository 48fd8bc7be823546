/**
 * Writes the rendered files, or compares them with the disk for `--check`.
 * Guarantees: nothing is touched before every file has been rendered; a
 * failed write leaves every previous file as it was (new contents go to
 * temporary files first, then each is renamed over its target, an atomic
 * step on POSIX); unchanged files are not rewritten (their mtime stays);
 * files a selected target no longer produces are removed.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

export interface OutputStatus {
  /** Files whose content differs from what would be generated. */
  stale: string[];
  /** Files that would be generated but do not exist. */
  missing: string[];
  /** Files in a target's folder that no target produces. */
  orphaned: string[];
  unchanged: string[];
}

/** Compares `files` (relative path → text) with `outDir`, looking for orphans in `ownedDirs`. */
export async function compareOutput(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): Promise<OutputStatus> {
  const status: OutputStatus = { stale: [], missing: [], orphaned: [], unchanged: [] };
  await Promise.all(
    [...files].map(async ([path, text]) => {
      const current = await readFile(join(outDir, path)).catch(() => undefined);
      if (current === undefined) status.missing.push(path);
      else if (current.equals(Buffer.from(text, 'utf8'))) status.unchanged.push(path);
      else status.stale.push(path);
    }),
  );
  for (const dir of ownedDirs) {
    for (const path of await listFiles(outDir, dir)) if (!files.has(path)) status.orphaned.push(path);
  }
  for (const list of Object.values(status)) list.sort();
  return status;
}

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: string[];
}

export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): Promise<WriteResult> {
  const status = await compareOutput(outDir, files, ownedDirs);
  const changed = [...status.stale, ...status.missing].sort();
  const temps: [string, string][] = [];
  try {
    for (const path of changed) {
      const target = join(outDir, path);
      const temp = join(dirname(target), `.${path.split('/').pop()}.codebook-${process.pid}.tmp`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, files.get(path)!, 'utf8');
      temps.push([temp, target]);
    }
  } catch (error) {
    await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, target] of temps) await rename(temp, target);
  for (const path of status.orphaned) {
    await rm(join(outDir, path), { force: true });
    await removeEmptyParents(outDir, dirname(join(outDir, path)));
  }
  return { written: changed, removed: status.orphaned, unchanged: status.unchanged };
}

async function listFiles(outDir: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(outDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'));
}

async function removeEmptyParents(outDir: string, dir: string): Promise<void> {
  while (relative(outDir, dir) !== '' && !relative(outDir, dir).startsWith('..')) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
