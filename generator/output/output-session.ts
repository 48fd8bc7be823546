/**
 * The output folder around a writing run: the lock, recovery of an
 * interrupted commit, and what a failure to write becomes (a diagnostic,
 * never a stack trace).
 */
import { existsSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { recoverOutput } from './commit-journal.js';
import { displayOf, fileSystemDiagnostic } from './fs-errors.js';
import { ManifestError, MANIFEST_PATH, STATE_DIR } from './manifest.js';
import { lockOutput, OutputLockedError } from './output-lock.js';
import { ForeignFileError } from './write-output.js';

/** Locks `outDir` and finishes whatever an interrupted run left; `release` unlocks and removes folders the run created and left empty. */
export async function openOutputForWriting(
  outDir: string,
  root: string,
): Promise<{ release: () => Promise<void> } | { diagnostics: Diagnostic[] }> {
  const existed = { out: existsSync(outDir), state: existsSync(join(outDir, STATE_DIR)) };
  let unlock: (() => Promise<void>) | undefined;
  try {
    unlock = await lockOutput(outDir);
    recoverOutput(outDir);
  } catch (error) {
    await unlock?.();
    removeIfEmpty(outDir, existed);
    const failure = outputFailure(error, root, outDir);
    if (!failure) throw error;
    return { diagnostics: failure };
  }
  return {
    release: async () => {
      await unlock!();
      removeIfEmpty(outDir, existed);
    },
  };
}

/** Diagnostics for an error of the writing stage that codebook can explain; undefined for a bug. */
export function outputFailure(error: unknown, root: string, outDir: string): Diagnostic[] | undefined {
  const at = (path: string) => displayOf(root, join(outDir, path));
  if (error instanceof ForeignFileError) {
    return error.paths.map((path) => ({
      ruleId: 'output/foreign-file',
      severity: 'error',
      message:
        'This path is to be generated, but codebook did not write what is there, so it will not replace it. Move it away (or delete it if an older codebook wrote it) and run again.',
      place: { file: at(path) },
    }));
  }
  if (error instanceof OutputLockedError) {
    return [
      {
        ruleId: 'output/locked',
        severity: 'error',
        message: `Another codebook run (${error.holder}) is writing this output folder; nothing was written. Run again when it has finished.`,
        place: { file: at(STATE_DIR) },
      },
    ];
  }
  if (error instanceof ManifestError || error instanceof SyntaxError) {
    return [
      {
        ruleId: 'output/manifest',
        severity: 'error',
        message:
          'The record of the files codebook wrote here cannot be read, so codebook cannot tell its files from yours; nothing was written. Restore it, or empty the output folder.',
        place: { file: at(MANIFEST_PATH) },
      },
    ];
  }
  const fs = fileSystemDiagnostic(error, root);
  return fs ? [fs] : undefined;
}

/** Removes codebook's state folder and the output folder when this run created them and left them empty. */
function removeIfEmpty(outDir: string, existed: { out: boolean; state: boolean }): void {
  if (existed.state) return;
  for (const dir of [join(outDir, STATE_DIR), ...(existed.out ? [] : [outDir])]) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}
