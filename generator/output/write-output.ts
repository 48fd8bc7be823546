/**
 * Writes the rendered files, or compares them with the disk for `--check`,
 * one file at a time as each is rendered, so a run never holds every output
 * file in memory at once. Guarantees: no existing output file is touched
 * before every file has been rendered (new contents go to temporary files
 * beside their targets, and each is renamed over its target, an atomic step
 * on POSIX, only at `commit`); a failed run removes its temporary files and
 * leaves every previous file as it was; unchanged files are not rewritten
 * (their mtime stays); files a selected target no longer produces are
 * removed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
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

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: string[];
}

/** Receives each rendered file once, by path relative to the output folder. */
export interface OutputSink {
  add(path: string, text: string): void;
}

/** `--check`: how the disk differs from what would be generated. */
export class OutputComparison implements OutputSink {
  private readonly status: OutputStatus = { stale: [], missing: [], orphaned: [], unchanged: [] };
  private readonly paths = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly ownedDirs: readonly string[],
  ) {}

  add(path: string, text: string | Buffer): 'missing' | 'stale' | 'unchanged' {
    this.paths.add(path);
    const current = readIfFile(join(this.outDir, path));
    const verdict = current === undefined ? 'missing' : current.equals(typeof text === 'string' ? Buffer.from(text, 'utf8') : text) ? 'unchanged' : 'stale';
    this.status[verdict].push(path);
    return verdict;
  }

  /** The comparison, with the files of the owned folders that nothing produced (`staged` files aside). */
  async finish(staged: ReadonlySet<string> = new Set()): Promise<OutputStatus> {
    for (const dir of this.ownedDirs) {
      for (const path of await listFiles(this.outDir, dir)) if (!this.paths.has(path) && !staged.has(path)) this.status.orphaned.push(path);
    }
    for (const list of Object.values(this.status)) list.sort();
    return this.status;
  }
}

/** A write in two steps: `add` stages changed files, `commit` puts them in place. */
export class StagedOutput implements OutputSink {
  private readonly comparison: OutputComparison;
  private readonly temps: [temp: string, target: string][] = [];
  /** `options.hash` of every added file's bytes, when given (the incremental cache records them). */
  readonly hashes = new Map<string, string>();

  constructor(
    private readonly outDir: string,
    ownedDirs: readonly string[],
    private readonly options: { hash?: (bytes: Buffer) => string } = {},
  ) {
    this.comparison = new OutputComparison(outDir, ownedDirs);
  }

  add(path: string, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    if (this.options.hash) this.hashes.set(path, this.options.hash(bytes));
    if (this.comparison.add(path, bytes) === 'unchanged') return;
    const target = join(this.outDir, path);
    const temp = join(dirname(target), `.${path.split('/').pop()}.codebook-${process.pid}.tmp`);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temp, bytes);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    this.temps.push([temp, target]);
  }

  /** Renames every staged file over its target and removes orphans. */
  async commit(): Promise<WriteResult> {
    const status = await this.comparison.finish(new Set(this.temps.map(([temp]) => relative(this.outDir, temp).split(sep).join('/'))));
    for (const [temp, target] of this.temps) await rename(temp, target);
    this.temps.length = 0;
    for (const path of status.orphaned) {
      await rm(join(this.outDir, path), { force: true });
      await removeEmptyParents(this.outDir, dirname(join(this.outDir, path)));
    }
    return { written: [...status.stale, ...status.missing].sort(), removed: status.orphaned, unchanged: status.unchanged };
  }

  /** Drops the staged files: the output folder stays as it was. */
  async abort(): Promise<void> {
    await Promise.all(this.temps.map(([temp]) => rm(temp, { force: true })));
    this.temps.length = 0;
  }
}

/** Compares `files` (relative path → text) with `outDir`, looking for orphans in `ownedDirs`. */
export async function compareOutput(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): Promise<OutputStatus> {
  const comparison = new OutputComparison(outDir, ownedDirs);
  for (const [path, text] of files) comparison.add(path, text);
  return comparison.finish();
}

export async function writeOutput(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): Promise<WriteResult> {
  const staged = new StagedOutput(outDir, ownedDirs);
  try {
    for (const [path, text] of files) staged.add(path, text);
  } catch (error) {
    await staged.abort();
    throw error;
  }
  return staged.commit();
}

function readIfFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
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
