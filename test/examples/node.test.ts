/**
 * examples/node/lookup.mjs, run as a user would: `node examples/node/lookup.mjs <code> <locale>`,
 * importing the generated dist/types/index.js as it is, with no compile step.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = (lng: string): Record<string, string> =>
  JSON.parse(readFileSync(join(repoRoot, 'dist/i18next', lng, 'errors.json'), 'utf8'));
const en = bundle('en');
const ja = bundle('ja');
const ko = bundle('ko');

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

function lookup(...args: string[]) {
  const run = spawnSync(process.execPath, ['examples/node/lookup.mjs', ...args], { cwd: repoRoot, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('examples/node/lookup.mjs', () => {
  it.each([
    ['6014', 'ja', ja['6014']],
    ['-302', 'en', en['-302']],
    ['125000', 'ko', ko['120001-130000']],
    ['424242', 'en', en.unknown.replace('{{code}}', '424242')],
    ['424242', 'ko', ko.unknown.replace('{{code}}', '424242')],
    ['6014', 'fr', en['6014']],
  ])('prints the text of %s in %s', (code, lng, text) => {
    expect(lookup(code, lng)).toEqual({ status: 0, stdout: `${text}\n`, stderr: '' });
  });

  it('matches the catalog for the unknown message', () => {
    expect(lookup('424242', 'en').stdout).toBe(`${en.unknown.replace('{{code}}', '424242')}\n`);
  });

  it('defaults to English and rejects what is not a code', () => {
    expect(lookup('6014').stdout).toBe(`${en['6014']}\n`);
    for (const args of [[], ['abc'], ['6014.5', 'ja'], ['6014', 'ja', 'extra']]) {
      const run = lookup(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^usage: /);
    }
  });
});
