/**
 * All-or-nothing commits. A run stages every changed file in
 * `<out>/.codebook/staging/`, flat, under a name of its own (a number: one
 * folder to create and remove, where mirroring the final paths made as many
 * as the output has, and removing a folder can take milliseconds). Only when all of
 * them are staged does it write the journal, atomically (temporary file,
 * then rename): the list of files to move into place and of files to
 * remove. Then it applies the journal, deletes it and the staging folder.
 *
 * Killed before the journal exists, the run never happened: the next run
 * deletes the staging folder. Killed after, the next run applies the
 * journal again: each step is idempotent (a file already moved is no longer
 * staged; removing a removed file is a no-op), so the output ends wholly the
 * new run's. Every run that writes, and `--check`, recovers first.
 *
 * `CODEBOOK_TEST_KILL_AT=n` (SIGKILL at the n-th step) and
 * `CODEBOOK_TEST_FAIL_AT=n:ERRNO` (throw that file-system error there) exist
 * for the fault-injection tests; nothing else reads them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { STATE_DIR } from './manifest.js';

export const STAGING_DIR = `${STATE_DIR}/staging`;
const JOURNAL_PATH = `${STATE_DIR}/journal.json`;

export interface Journal {
  /**
   * Files to move into place: the path (relative to the output folder) and the name of its staged
   * file in STAGING_DIR. A bare path is one staged at that same path below STAGING_DIR (how
   * codebook 0.1 staged files, recovered all the same).
   */
  moves: (string | [path: string, staged: string])[];
  /** Paths to remove: files of the last run that this run no longer produces. */
  removals: string[];
}

/** Where the staged file `name` is. */
export function stagedFileOf(outDir: string, name: string): string {
  return join(outDir, STAGING_DIR, name);
}

/** Creates the folder `dir` (and its parents) unless `made` has it already; returns it. */
export function makeFolder(dir: string, made: Set<string>): string {
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  return dir;
}

/** Whether an interrupted commit waits to be finished (what `--check` reports). */
export function hasPendingJournal(outDir: string): boolean {
  return existsSync(join(outDir, JOURNAL_PATH));
}

/** Commits the staged files: journal, moves, removals, clean-up. Each step is a checkpoint for the fault tests. */
export function commitStaged(outDir: string, journal: Journal): void {
  checkpoint('before journal');
  const temp = join(outDir, `${JOURNAL_PATH}.tmp`);
  writeFileSync(temp, `${JSON.stringify(journal)}\n`);
  checkpoint('journal staged');
  renameSync(temp, join(outDir, JOURNAL_PATH));
  applyJournal(outDir, journal);
}

/**
 * Finishes what an interrupted run left: applies a journal (roll forward) or
 * drops a staging folder that never got one (roll back). Returns what it did.
 */
export function recoverOutput(outDir: string): 'clean' | 'rolled-forward' | 'rolled-back' {
  const journalFile = join(outDir, JOURNAL_PATH);
  if (existsSync(journalFile)) {
    applyJournal(outDir, JSON.parse(readFileSync(journalFile, 'utf8')) as Journal);
    return 'rolled-forward';
  }
  const leftovers = [join(outDir, STAGING_DIR), `${journalFile}.tmp`].filter((p) => existsSync(p));
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
  return leftovers.length > 0 ? 'rolled-back' : 'clean';
}

/** Drops the staging area of a run that will not commit. */
export function discardStaged(outDir: string): void {
  rmSync(join(outDir, STAGING_DIR), { recursive: true, force: true });
}

function applyJournal(outDir: string, journal: Journal): void {
  const made = new Set<string>();
  for (const move of journal.moves) {
    const [path, name] = typeof move === 'string' ? [move, move] : move;
    checkpoint(`move ${path}`);
    const staged = stagedFileOf(outDir, name);
    if (!existsSync(staged)) continue; // moved before the interruption
    renameSync(staged, join(makeFolder(dirname(join(outDir, path)), made), basename(path)));
  }
  for (const path of journal.removals) {
    checkpoint(`remove ${path}`);
    rmSync(join(outDir, path), { force: true });
    removeEmptyParents(outDir, dirname(join(outDir, path)));
  }
  checkpoint('journal applied');
  rmSync(join(outDir, JOURNAL_PATH), { force: true });
  checkpoint('journal removed');
  discardStaged(outDir);
}

/** Removes folders left empty by a removal, up to (not including) the output folder. */
function removeEmptyParents(outDir: string, dir: string): void {
  while (relative(outDir, dir) !== '' && !relative(outDir, dir).startsWith('..')) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

let steps = 0;

/** A numbered step of a commit, where the fault tests kill the process or inject a file-system error. */
export function checkpoint(_step: string): void {
  steps++;
  const killAt = process.env.CODEBOOK_TEST_KILL_AT;
  if (killAt !== undefined && Number(killAt) === steps) process.kill(process.pid, 'SIGKILL');
  const failAt = process.env.CODEBOOK_TEST_FAIL_AT?.split(':');
  if (failAt && Number(failAt[0]) === steps)
    throw Object.assign(new Error(`${failAt[1]}: injected at step ${steps} (${_step})`), { code: failAt[1] });
}
