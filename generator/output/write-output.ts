/**
 * Writes the rendered files, or compares them with the disk for `--check`,
 * one file at a time as each is rendered, so a run never holds every output
 * file in memory at once.
 *
 * Ownership: a file is codebook's when the output's manifest (manifest.ts)
 * lists it. Only those are ever replaced or removed. A run removes the files
 * of its targets that the last run wrote and this one no longer produces; a
 * file it did not write is left alone and mentioned once; one that stands
 * where a produced file should go stops the run before anything is written.
 *
 * Atomicity: changed files are staged and committed through a journal
 * (commit-journal.ts), so after a failure or a kill at any point the output
 * is the previous run's or, once the next run has finished the commit, the
 * new one's. Unchanged files are not rewritten (their mtime stays).
 */
import { lstatSync, openSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { checkpoint, commitStaged, discardStaged, hasPendingJournal, makeFolder, stagedFileOf, STAGING_DIR } from './commit-journal.js';
import { MANIFEST_PATH, ownedFiles, readManifest, serializeManifest, STATE_DIR, type Manifest } from './manifest.js';
import { streamFile, type Chunk } from './streamed-file.js';
import { spliceFile, type Splice } from './spliced-file.js';

/** A rendered file: its text, or its text in order as chunks (never joined: see streamed-file.ts). */
export type FileText = string | Iterable<Chunk>;

export interface OutputStatus {
  /** Files whose content differs from what would be generated. */
  stale: string[];
  /** Files that would be generated but do not exist. */
  missing: string[];
  /** Files the last run wrote that no target produces any more. */
  orphaned: string[];
  unchanged: string[];
  /** A run was interrupted inside its commit; the next `generate` finishes it. */
  interrupted?: boolean;
}

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: string[];
  /** Files in the targets' folders that codebook did not write, seen for the first time (left alone). */
  foreign?: string[];
}

/** Receives each rendered file once, by path relative to the output folder. */
export interface OutputSink {
  add(path: string, text: FileText): void;
}

/** Paths that stand where a produced file should be written but that codebook did not write. */
export class ForeignFileError extends Error {
  constructor(readonly paths: string[]) {
    super(`codebook did not write ${paths.join(', ')}`);
  }
}

/** What both sinks share: the last manifest, the produced paths, and the next manifest. */
abstract class OutputSinkBase implements OutputSink {
  protected readonly previous: Manifest;
  protected readonly owned: Set<string>;
  protected readonly produced = new Set<string>();

  constructor(
    protected readonly outDir: string,
    /** Ids of the targets this run renders: the only folders it looks at. */
    protected readonly targetIds: readonly string[],
  ) {
    this.previous = readManifest(outDir);
    this.owned = ownedFiles(this.previous);
  }

  abstract add(path: string, text: FileText): void;

  /** The manifest after this run, and the files it found in its targets' folders that codebook did not write. */
  protected async nextManifest(): Promise<{ manifest: Manifest; foreign: string[] }> {
    const targets = { ...this.previous.targets };
    for (const id of this.targetIds) targets[id] = [...this.produced].filter((p) => p.startsWith(`${id}/`));
    const foreign: string[] = [];
    for (const id of this.targetIds)
      for (const path of await listFiles(this.outDir, id)) if (!this.produced.has(path) && !this.owned.has(path)) foreign.push(path);
    const kept = this.previous.foreign.filter((p) => !this.targetIds.some((id) => p.startsWith(`${id}/`)));
    return { manifest: { targets, foreign: [...kept, ...foreign] }, foreign: foreign.sort() };
  }

  /** Files of the last run in this run's targets that it no longer produces. */
  protected orphans(): string[] {
    return this.targetIds
      .flatMap((id) => this.previous.targets[id] ?? [])
      .filter((p) => !this.produced.has(p))
      .sort();
  }
}

/** `--check`: how the disk differs from what would be generated. */
export class OutputComparison extends OutputSinkBase {
  private readonly status: OutputStatus = { stale: [], missing: [], orphaned: [], unchanged: [] };

  add(path: string, text: FileText): 'missing' | 'stale' | 'unchanged' {
    this.produced.add(path);
    return this.compare(path, typeof text === 'string' ? [text] : text);
  }

  /** Compared chunk by chunk, as rendered; the first differing byte ends it. */
  private compare(path: string, chunks: Iterable<Chunk>): 'missing' | 'stale' | 'unchanged' {
    const target = join(this.outDir, path);
    if (kindOf(target) !== 'file') return this.verdict(path, 'missing');
    const { changed } = streamFile(chunks, target, () => undefined);
    return this.verdict(path, changed ? 'stale' : 'unchanged');
  }

  private verdict(path: string, verdict: 'missing' | 'stale' | 'unchanged'): 'missing' | 'stale' | 'unchanged' {
    this.status[verdict].push(path);
    return verdict;
  }

  async finish(): Promise<OutputStatus> {
    this.status.orphaned.push(...this.orphans().filter((p) => readIfFile(join(this.outDir, p)) !== undefined));
    const { manifest } = await this.nextManifest();
    this.compare(MANIFEST_PATH, [serializeManifest(manifest)]);
    for (const list of [this.status.stale, this.status.missing, this.status.orphaned, this.status.unchanged]) list.sort();
    if (hasPendingJournal(this.outDir)) this.status.interrupted = true;
    return this.status;
  }
}

/** A write in two steps: `add` stages changed files, `commit` puts them in place. */
export class StagedOutput extends OutputSinkBase {
  private readonly moves: string[] = [];
  /** The name of each staged file in STAGING_DIR (flat: commit-journal.ts), by path. */
  private readonly staged = new Map<string, string>();
  private stagedCount = 0;
  /** Folders this run has created (or found), so each is made once. */
  private readonly made = new Set<string>();
  private readonly unchanged: string[] = [];
  private readonly conflicts: string[] = [];
  /** With `options.hash`: the SHA-256 of every added file's bytes (fileSha256; the incremental cache records them); '' for a spliced file, whose bytes are not all read. */
  readonly hashes = new Map<string, string>();
  /** The size in bytes of every file added whole or spliced. */
  readonly sizes = new Map<string, number>();

  constructor(
    outDir: string,
    targetIds: readonly string[],
    private readonly options: { hash?: boolean } = {},
  ) {
    super(outDir, targetIds);
  }

  add(path: string, text: FileText): void {
    this.produced.add(path);
    const target = join(this.outDir, path);
    const kind = kindOf(target);
    // A file codebook did not write is compared all the same: an identical one is no conflict.
    const staging = kind === 'other' || (kind === 'file' && !this.owned.has(path)) ? 'conflict' : 'stage';
    const result = streamFile(
      typeof text === 'string' ? [text] : text,
      kind === 'file' ? target : undefined,
      () => (staging === 'conflict' ? undefined : this.openStaged(path)),
      { hash: this.options.hash === true },
    );
    if (result.sha256 !== undefined) this.hashes.set(path, result.sha256);
    if (result.size !== undefined) this.sizes.set(path, result.size);
    this.sort(path, result.changed, staging);
  }

  /**
   * A file of the last run with some byte ranges replaced (spliced-file.ts).
   * Only a file this output wrote can be spliced; `recordedHash` is kept when
   * no byte changes.
   */
  addSpliced(path: string, splices: readonly Splice[], recordedHash: string): void {
    this.produced.add(path);
    if (!this.owned.has(path) || kindOf(join(this.outDir, path)) !== 'file')
      throw new Error(`codebook: ${path} is not a file of the last run`);
    const result = spliceFile(join(this.outDir, path), splices, () => this.openStaged(path));
    if (this.options.hash) this.hashes.set(path, result.changed ? '' : recordedHash);
    this.sizes.set(path, result.size);
    this.sort(path, result.changed, 'stage');
  }

  private sort(path: string, changed: boolean, staging: 'conflict' | 'stage'): void {
    if (!changed) this.unchanged.push(path);
    else if (staging === 'conflict') this.conflicts.push(path);
    else this.moves.push(path);
  }

  /** The staged file of `path`, opened for writing (the kill tests' checkpoint comes first). */
  private openStaged(path: string): number {
    checkpoint(`stage ${path}`);
    const name = String(this.stagedCount++);
    this.staged.set(path, name);
    makeFolder(join(this.outDir, STAGING_DIR), this.made);
    return openSync(stagedFileOf(this.outDir, name), 'w');
  }

  /** Puts every staged file in place, removes this run's orphans and records the new manifest. */
  async commit(): Promise<WriteResult> {
    if (this.conflicts.length > 0) throw new ForeignFileError(this.conflicts.sort());
    const { manifest, foreign } = await this.nextManifest();
    const manifestText = serializeManifest(manifest);
    if (readIfFile(join(this.outDir, MANIFEST_PATH))?.toString('utf8') !== manifestText) {
      streamFile([manifestText], undefined, () => this.openStaged(MANIFEST_PATH));
      this.moves.push(MANIFEST_PATH);
    }
    // Folders for every move, before the journal: a path blocked by a file fails here, while nothing has changed yet.
    for (const path of this.moves) makeFolder(dirname(join(this.outDir, path)), this.made);
    const removals = this.orphans();
    commitStaged(this.outDir, { moves: this.moves.map((path) => [path, this.staged.get(path)!]), removals });
    const seen = new Set(this.previous.foreign);
    return {
      written: this.moves.filter((p) => p !== MANIFEST_PATH).sort(),
      removed: removals,
      unchanged: this.unchanged.sort(),
      foreign: foreign.filter((p) => !seen.has(p)),
    };
  }

  /** Drops the staged files: the output folder stays as it was. */
  async abort(): Promise<void> {
    discardStaged(this.outDir);
  }
}

function kindOf(path: string): 'file' | 'other' | 'none' {
  try {
    return lstatSync(path).isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}

function readIfFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Every file below `<outDir>/<dir>`, relative to outDir with forward slashes (codebook's state folder aside). */
async function listFiles(outDir: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(outDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith(`${STATE_DIR}/`));
}
