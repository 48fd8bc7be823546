/** Fixture copies, output trees and the built binary, for tests that run codebook in a folder of their own. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from './catalogs.js';

export const cliPath = join(repoRoot, 'build/generator/cli.js');

/** Runs the built CLI in `cwd`; colour comes only from `env`. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of a fixture scenario (`hazards`) in a fresh temporary folder, without any cache a run there left behind. */
export function fixtureCopy(scenario: string, prefix = 'codebook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(fixturesDir, scenario), dir, { recursive: true, filter: (path) => !path.includes('node_modules') });
  return dir;
}

/**
 * Every file below `dir`, by path relative to it (forward slashes), with its
 * text; codebook's own state folder in an output folder (`.codebook/`:
 * manifest, journal, lock) only with `withState`.
 */
export function readTree(dir: string, { withState = false } = {}): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter(
        (e) =>
          e.isFile() &&
          (withState ||
            !join(e.parentPath, e.name)
              .slice(dir.length + 1)
              .startsWith('.codebook')),
      )
      .map((e) => [
        join(e.parentPath, e.name)
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
        readFileSync(join(e.parentPath, e.name), 'utf8'),
      ]),
  );
}

/** Adds `path` to the output manifest's list for `target`, as if an earlier run had written it (so a run now treats it as its orphan). */
export function markAsWritten(dist: string, target: string, path: string): void {
  const file = join(dist, '.codebook/manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { targets: Record<string, string[]> };
  manifest.targets[target] = [...(manifest.targets[target] ?? []), path].sort();
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
