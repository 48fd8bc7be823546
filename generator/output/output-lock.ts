/**
 * One writing run at a time per output folder. The lock is
 * proper-lockfile's (an atomic mkdir of `<out>/.codebook/lock`, its mtime
 * refreshed while the run lives). Beside it the owner writes its pid and
 * host, so that a lock left by a killed run on this machine is taken over at
 * once. The mtime alone is trusted only after STALE_MS (a lock held from
 * another machine): a large catalog renders synchronously for a minute,
 * during which the refresh timer cannot run, so a short stale time would
 * let a second run take a live lock. A second run waits up to about
 * WAIT_MS, then gives up with a clear message.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { STATE_DIR } from './manifest.js';

const STALE_MS = 10 * 60_000;
const WAIT_MS = 5_000;

export class OutputLockedError extends Error {
  constructor(readonly holder: string) {
    super(`another codebook run (${holder}) is writing this output folder`);
  }
}

/** Takes the lock of `outDir` (creating its state folder); resolves to the release function. */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const stateDir = join(outDir, STATE_DIR);
  mkdirSync(outDir, { recursive: true });
  // Not recursive: Node reports a recursive mkdir on a read-only file system as ENOENT. A second run may create it first.
  try {
    mkdirSync(stateDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const lockPath = join(stateDir, 'lock');
  const ownerPath = join(stateDir, 'lock-owner.json');
  const deadline = Date.now() + WAIT_MS;
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    try {
      // onCompromised: the default throws from a timer; a lock can only be lost to another machine after STALE_MS, and the journal keeps the output whole even then.
      const release = await lockfile.lock(stateDir, {
        lockfilePath: lockPath,
        stale: STALE_MS,
        realpath: false,
        onCompromised: () => undefined,
      });
      writeFileSync(ownerPath, `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
      return async () => {
        rmSync(ownerPath, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      const owner = readOwner(ownerPath);
      if (owner && owner.host === hostname() && !isAlive(owner.pid)) {
        // Killed while holding the lock: nothing is writing any more.
        rmSync(ownerPath, { force: true });
        rmSync(lockPath, { recursive: true, force: true });
        continue;
      }
      if (Date.now() >= deadline) throw new OutputLockedError(owner ? `pid ${owner.pid} on ${owner.host}` : 'starting');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function readOwner(path: string): { pid: number; host: string } | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
