/**
 * The new user's path, end to end on the packed tarball: a blank project
 * installs it (no warning), `codebook init` scaffolds, `codebook generate`
 * writes, and a plain Node script imports the generated types and i18next
 * and prints a message. Then the same from the embedded Chat catalog with an
 * app layer that overrides one message, and an "upgrade" of the base that
 * `codebook diff` reports.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
// npm reads these from the test runner's own `npm test`; the blank project must not inherit them.
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
}

const app = mkdtempSync(join(tmpdir(), 'codebook-new-user-'));
let packed: { filename: string; files: { path: string }[] };

/** A script a user would write: the generated types and i18next, nothing else. */
const SHOW = `import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { messageKey, messageT, namespace } from './dist/types/index.js';

const [lng, codeArg] = process.argv.slice(2);
const bundle = (l) => JSON.parse(readFileSync(new URL(\`./dist/i18next/\${l}/\${namespace}.json\`, import.meta.url), 'utf8'));
await i18next.init({ lng, fallbackLng: 'en', resources: { en: { [namespace]: bundle('en') }, [lng]: { [namespace]: bundle(lng) } }, defaultNS: namespace, interpolation: { escapeValue: false } });
const code = Number(codeArg);
console.log(messageT(i18next)(messageKey(code), { code }));
`;

describe('a new project on the packed tarball', () => {
  beforeAll(() => {
    // npm test has just built; the tarball's own prepack would build again.
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', app], repoRoot);
    expect(pack.code, pack.out).toBe(0);
    [packed] = JSON.parse(pack.stdout) as (typeof packed)[];
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'new-user-app', version: '1.0.0', private: true, type: 'module' }, null, 2),
    );
    const install = run('npm', ['install', `./${packed.filename}`, 'i18next@26.7.2', '--no-audit', '--no-fund', '--prefer-offline'], app);
    expect(install.code, install.out).toBe(0);
    expect(install.out, 'npm install must not warn').not.toMatch(/\bwarn/i);
  }, 300_000);

  it('ships the build, schemas, templates and the Chat base, and no tests, dist or config', () => {
    const files = packed.files.map((f) => f.path);
    for (const path of [
      'build/generator/cli.js',
      'schema/config.schema.json',
      'templates/types/index.js.hbs',
      'locales/chat.base.json',
      'locales/codes.json',
    ])
      expect(files).toContain(path);
    expect(files.filter((f) => /^(test|dist|generator|examples|bench)\//.test(f) || f === 'codebook.config.json')).toEqual([]);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/codebook/package.json'), 'utf8')) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    expect(installed.engines.node).toBe('>=20.19');
    expect(Object.keys(installed.scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
    expect(run('npx', ['codebook', '--version'], app).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version,
    );
  });

  it('init --locales en,de --yes, then generate, then a plain Node script prints the message', () => {
    const dir = join(app, 'plain');
    mkdirSync(dir);
    const init = run('npx', ['codebook', 'init', '--locales', 'en,de', '--yes'], dir);
    expect(init.code, init.out).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'codebook.config.json'), 'utf8')) as { $schema: string };
    expect(config.$schema).toBe('../node_modules/codebook/schema/config.schema.json');
    expect(existsSync(join(dir, config.$schema))).toBe(true);
    const generate = run('npx', ['codebook', 'generate'], dir);
    expect(generate.code, generate.out).toBe(0);
    writeFileSync(join(dir, 'show.mjs'), SHOW);
    expect(run('node', ['show.mjs', 'de', '1001'], dir)).toMatchObject({
      code: 0,
      stdout: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.\n',
    });
    expect(run('node', ['show.mjs', 'de', '424242'], dir).stdout).toBe(
      'Etwas ist schiefgelaufen (Fehler 424242). Bitte versuchen Sie es später erneut.\n',
    );
  });

  it('init --from chat, an app layer overriding one message, and a base upgrade that diff reports', () => {
    const dir = join(app, 'chat');
    mkdirSync(dir);
    const init = run('npx', ['codebook', 'init', '--from', 'chat', '--yes'], dir);
    expect(init.code, init.out).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'codebook.config.json'), 'utf8'))).toMatchObject({
      extends: 'codebook/chat',
      layers: [{ name: 'app', files: ['locales/*/app.json'] }],
    });
    const appFile = join(dir, 'locales/en/app.json');
    const own = JSON.parse(readFileSync(appFile, 'utf8')) as { userOverrides: Record<string, string> };
    own.userOverrides['6014'] = 'Please sign in to Acme Chat again.';
    writeFileSync(appFile, JSON.stringify(own, null, 2));

    const generate = run('npx', ['codebook', 'generate'], dir);
    expect(generate.code, generate.out).toBe(0);
    expect(generate.out).not.toMatch(/\berror\b/);
    writeFileSync(
      join(dir, 'show.mjs'),
      `${SHOW}const { errorInfo } = await import('./dist/types/index.js');\nconsole.log(errorInfo(code).action);\n`,
    );
    expect(run('node', ['show.mjs', 'en', '6014'], dir).stdout).toBe('Please sign in to Acme Chat again.\nsign-in-again\n');
    // Japanese keeps the base's text, the same the repo generates.
    const repoJa = JSON.parse(readFileSync(join(repoRoot, 'dist/i18next/ja/errors.json'), 'utf8')) as Record<string, string>;
    expect(run('node', ['show.mjs', 'ja', '6014'], dir).stdout).toBe(`${repoJa['6014']}\nsign-in-again\n`);
    // Nothing was written into the installed package.
    expect(run('npm', ['ls', 'codebook'], app).code).toBe(0);

    // An upgrade of the package changes a base text: the next generate takes it, and diff says so.
    cpSync(join(dir, 'dist/catalog'), join(dir, 'before/catalog'), { recursive: true });
    const baseFile = join(app, 'node_modules/codebook/locales/en/user.json');
    const base = readFileSync(baseFile, 'utf8');
    const [id, text] = Object.entries((JSON.parse(base) as { user: Record<string, string | { text: string }> }).user).find(
      ([, t]) => typeof t === 'string',
    )! as [string, string];
    writeFileSync(baseFile, base.replace(JSON.stringify(text), JSON.stringify(`${text} (v2)`)));
    expect(run('npx', ['codebook', 'generate'], dir).code).toBe(0);
    const diff = run('npx', ['codebook', 'diff', 'before', 'dist'], dir);
    expect(diff.out).toContain(`${text} (v2)`);
    expect(diff.code, diff.out).toBe(0);
    expect(id).toBeTruthy();
  });
});
