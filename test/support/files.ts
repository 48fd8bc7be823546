/** Fixture copies, output trees and the built binary, for tests that run codebook in a folder of their own. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, repoRoot } from './catalogs.js';

export const cliPath = join(repoRoot, 'build/generator/cli.js');

/** Runs the built CLI in `cwd`; colour comes only from `env`. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of a fixture scenario (`hazards`) in a fresh temporary folder, without any cache a run there left behind. */
export function fixtureCopy(scenario: string, prefix = 'codebook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(fixturesDir, scenario), dir, { recursive: true, filter: (path) => !path.includes('node_modules') });
  return dir;
}

/** Every file below `dir`, by path relative to it (forward slashes), with its text. */
export function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}
