/**
 * The README's "Using the bundles in an app" snippet, run as written: saved as
 * an .mjs file beside a copy of the generated dist/ and run by plain Node.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';

describe("the README's usage snippet", () => {
  it('runs in plain Node and prints the user message, the action and the developer detail', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const snippet = /Using the bundles in an app[^\n]*\n(?:[^\n]*\n)*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet, 'the README has the snippet').toBeDefined();
    // Inside the repo, so Node finds i18next in its node_modules as an app finds its own.
    const dir = join(repoRoot, 'test/tmp/readme-snippet');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const part of ['i18next', 'types']) cpSync(join(repoRoot, 'dist', part), join(dir, 'dist', part), { recursive: true });
    writeFileSync(join(dir, 'app.mjs'), snippet!);
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const run = spawnSync(process.execPath, ['app.mjs'], { cwd: dir, env, encoding: 'utf8' });
    const bundle = (lng: string, ns: string) =>
      JSON.parse(readFileSync(join(repoRoot, 'dist/i18next', lng, `${ns}.json`), 'utf8')) as Record<string, string>;
    expect(run.stderr).toBe(`${bundle('en', 'errors-detail')['6014']}\n`);
    expect(run.stdout).toBe(`${bundle('ja', 'errors')['6014']} sign-in-again\n`);
    expect(run.status).toBe(0);
  });
});
