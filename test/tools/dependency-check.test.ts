/**
 * The dependency check of `npm test` (.dependency-cruiser.cjs) can fail: run
 * on a generator/ folder broken on purpose, it exits non-zero and names the
 * cycle, the upward import (a type-only one) and the module in no layer.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';

const cruiser = join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** Runs the check as `npm test` does; its exit code is the number of violations, each printed as `error <rule>: <from> → <to> …`. */
function cruise(cwd: string): { status: number | null; violations: [rule: string, from: string, to: string][] } {
  const run = spawnSync(process.execPath, [cruiser, 'generator', '--config', join(repoRoot, '.dependency-cruiser.cjs')], {
    cwd,
    encoding: 'utf8',
  });
  const violations = [...run.stdout.matchAll(/error (\S+): (\S+) →\s+(\S+)/g)].map((m): [string, string, string] => [m[1], m[2], m[3]]);
  return { status: run.status, violations };
}

describe('dependency check', () => {
  it('fails on a cycle, an upward import and a module in no layer', () => {
    const { status, violations } = cruise(join(repoRoot, 'test/fixtures/dependency-check'));
    expect(status).toBe(3);
    expect(violations).toEqual(
      expect.arrayContaining([
        ['no-circular', 'generator/catalog/a.ts', 'generator/catalog/b.ts'],
        ['config-imports-upward', 'generator/config/settings.ts', 'generator/cli/entry.ts'],
        ['not-in-a-layer', 'generator/extras/helper.ts', 'generator/config/settings.ts'],
      ]),
    );
    expect(violations).toHaveLength(3);
  });

  it('passes on generator/', () => {
    expect(cruise(repoRoot)).toEqual({ status: 0, violations: [] });
  });
});
