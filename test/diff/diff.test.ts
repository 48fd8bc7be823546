/**
 * `codebook diff` on a pair of small releases (test/fixtures/diff/old and
 * new): the exact changes, the text and JSON reports, the exit codes and
 * --allow flags, the same result from dist folders, and unreadable input.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { catalogTarget } from '../../generator/targets/catalog.js';
import { defineDiffCommand, runDiff } from '../../generator/diff/command.js';
import { CHANGE_KINDS, diffCatalogs, type Change } from '../../generator/diff/diff.js';
import { SNAPSHOT_FILE, serializeSnapshot, snapshotOf, type Snapshot } from '../../generator/targets/catalog-snapshot.js';
import { fixturesDir, loadTestCatalog, renderScenario, repoRoot, writeToTemp } from '../support/catalogs.js';

const OLD = join(fixturesDir, 'diff/old');
const NEW = join(fixturesDir, 'diff/new');

const EXPECTED_CHANGES: Change[] = [
  {
    kind: 'params-changed',
    severity: 'breaking',
    key: '1002',
    removed: [{ name: 'user', type: 'string' }],
    added: [{ name: 'name', type: 'string' }],
    retyped: [],
    message: 'Parameters of code 1002: {user} (string) removed; {name} (string) added.',
  },
  {
    kind: 'text-changed',
    severity: 'info',
    key: '1002',
    locale: 'en',
    old: 'User {user} is banned.',
    new: 'User {name} is banned.',
    message: 'The en text of code 1002 changed.',
  },
  {
    kind: 'text-changed',
    severity: 'info',
    key: '1002',
    locale: 'ja',
    old: 'ユーザー {user} は利用停止中です。',
    new: 'ユーザー {name} は利用停止中です。',
    message: 'The ja text of code 1002 changed.',
  },
  {
    kind: 'code-removed',
    severity: 'breaking',
    key: '1003',
    code: 1003,
    section: 'account',
    message: 'Code 1003 (section account) was removed.',
  },
  {
    kind: 'params-changed',
    severity: 'breaking',
    key: '1004',
    removed: [],
    added: [],
    retyped: [{ name: 'limit', old: 'string', new: 'number' }],
    message: 'Parameters of code 1004: {limit} changed from string to number.',
  },
  {
    kind: 'text-changed',
    severity: 'info',
    key: '1004',
    locale: 'en',
    old: 'Limit of {limit} requests reached.',
    new: 'Limit of {limit, number} requests reached.',
    message: 'The en text of code 1004 changed.',
  },
  {
    kind: 'text-changed',
    severity: 'info',
    key: '1004',
    locale: 'ja',
    old: 'リクエスト数の上限 {limit} に達しました。',
    new: 'リクエスト数の上限 {limit, number} に達しました。',
    message: 'The ja text of code 1004 changed.',
  },
  {
    kind: 'section-changed',
    severity: 'warning',
    key: '2001',
    old: 'general',
    new: 'network',
    message: 'Code 2001 moved from section general to network.',
  },
  {
    kind: 'text-changed',
    severity: 'info',
    key: '2002',
    locale: 'en',
    old: 'Network timeout.',
    new: 'The network did not answer in time.',
    message: 'The en text of code 2002 changed.',
  },
  {
    kind: 'translation-removed',
    severity: 'warning',
    key: '2003',
    locale: 'ja',
    old: 'オフラインです。',
    fallback: 'en',
    message: 'The ja text of code 2003 was removed; apps fall back to en.',
  },
  { kind: 'code-added', severity: 'info', key: '3001', code: 3001, section: 'network', message: 'Code 3001 (section network) was added.' },
];

const BODY = `Breaking changes (3):
  params-changed       Parameters of code 1002: {user} (string) removed; {name} (string) added.
  code-removed         Code 1003 (section account) was removed.
  params-changed       Parameters of code 1004: {limit} changed from string to number.

Warnings (2):
  section-changed      Code 2001 moved from section general to network.
  translation-removed  The ja text of code 2003 was removed; apps fall back to en.
                         - "オフラインです。"

Info (6):
  text-changed         The en text of code 1002 changed.
                         - "User {user} is banned."
                         + "User {name} is banned."
  text-changed         The ja text of code 1002 changed.
                         - "ユーザー {user} は利用停止中です。"
                         + "ユーザー {name} は利用停止中です。"
  text-changed         The en text of code 1004 changed.
                         - "Limit of {limit} requests reached."
                         + "Limit of {limit, number} requests reached."
  text-changed         The ja text of code 1004 changed.
                         - "リクエスト数の上限 {limit} に達しました。"
                         + "リクエスト数の上限 {limit, number} に達しました。"
  text-changed         The en text of code 2002 changed.
                         - "Network timeout."
                         + "The network did not answer in time."
  code-added           Code 3001 (section network) was added.
`;

const REPORT = `${BODY}
3 breaking, 2 warning(s), 6 info. The breaking changes fail the check; accept them with --allow-breaking or --allow code-removed,params-changed.
`;

/** A dist folder holding only the catalog target's output for a fixture scenario. */
async function distOf(scenario: string): Promise<string> {
  const { files, diagnostics } = await renderScenario(scenario, [catalogTarget]);
  expect(diagnostics).toEqual([]);
  return writeToTemp(files!, 'codebook-diff-dist-');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'codebook-diff-'));
}

describe('codebook diff on the fixture pair', () => {
  it('finds exactly the changes, breaking first in the report, and exits 1', async () => {
    const result = await runDiff({ old: OLD, new: NEW });
    expect(result.changes).toEqual(EXPECTED_CHANGES);
    expect(result.stdout).toBe(REPORT);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
  });

  it('exits 0 with --allow-breaking and marks the breaking changes as allowed', async () => {
    const result = await runDiff({ old: OLD, new: NEW, allowBreaking: true });
    expect(result.exitCode).toBe(0);
    expect(result.changes).toEqual(EXPECTED_CHANGES);
    expect(result.stdout.split('\n').filter((l) => l.endsWith('  (allowed)'))).toHaveLength(3);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('3 breaking, 2 warning(s), 6 info. The breaking changes are allowed.');
  });

  it('exits 0 only when --allow names every breaking kind present', async () => {
    expect((await runDiff({ old: OLD, new: NEW, allow: ['code-removed', 'params-changed'] })).exitCode).toBe(0);
    expect((await runDiff({ old: OLD, new: NEW, allow: ['code-removed'] })).exitCode).toBe(1);
    expect((await runDiff({ old: OLD, new: NEW, allow: ['section-changed', 'text-changed'] })).exitCode).toBe(1);
  });

  it('rejects unknown kinds in --allow with exit 2', async () => {
    const result = await runDiff({ old: OLD, new: NEW, allow: ['code-removed', 'code-deleted'] });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown change kind(s) in --allow: code-deleted.  [diff/unknown-kind]');
    expect(result.stderr).toContain(
      'hint: The breaking kinds are namespace-changed, locale-removed, code-removed, range-changed, params-changed, identifier-changed.',
    );
  });

  it('--format json gives the changes, the counts and which breaking changes are allowed', async () => {
    const result = await runDiff({ old: OLD, new: NEW, format: 'json', allow: ['code-removed'] });
    expect(result.exitCode).toBe(1);
    const out = JSON.parse(result.stdout) as { summary: object; changes: (Change & { allowed?: true })[] };
    expect(out.summary).toEqual({ breaking: 3, warning: 2, info: 6, blocking: 2 });
    expect(out.changes.map(({ allowed: _allowed, ...c }) => c)).toEqual(EXPECTED_CHANGES);
    expect(out.changes.filter((c) => c.allowed).map((c) => c.kind)).toEqual(['code-removed']);
  });

  it("gives the same result from the releases' dist folders, from their catalog.json files, and mixed", async () => {
    const [oldDist, newDist] = [await distOf('diff/old'), await distOf('diff/new')];
    for (const [a, b] of [
      [oldDist, newDist],
      [join(oldDist, SNAPSHOT_FILE), join(newDist, SNAPSHOT_FILE)],
      [join(oldDist, 'catalog'), NEW],
      [join(OLD, 'codebook.config.json'), newDist],
    ]) {
      const result = await runDiff({ old: a, new: b });
      expect(result.changes, `${a} ${b}`).toEqual(EXPECTED_CHANGES);
      expect(result.stdout).toBe(REPORT);
      expect(result.exitCode).toBe(1);
    }
  });

  it('reads paths relative to cwd', async () => {
    const result = await runDiff({ old: relative(repoRoot, OLD), new: relative(repoRoot, NEW), cwd: repoRoot });
    expect(result.changes).toEqual(EXPECTED_CHANGES);
  });

  it('finds nothing between a release and itself, or its own dist folder, and exits 0', async () => {
    const dist = await distOf('diff/old');
    for (const [a, b] of [
      [OLD, OLD],
      [OLD, dist],
      [dist, dist],
    ]) {
      const result = await runDiff({ old: a, new: b });
      expect(result).toEqual({ exitCode: 0, stdout: 'No changes.\n', stderr: '', changes: [] });
    }
    const json = await runDiff({ old: OLD, new: dist, format: 'json' });
    expect(JSON.parse(json.stdout)).toEqual({ summary: { breaking: 0, warning: 0, info: 0, blocking: 0 }, changes: [] });
  });

  it('exits 1 the other way round too: the code added is then removed', async () => {
    const result = await runDiff({ old: NEW, new: OLD });
    expect(result.exitCode).toBe(1);
    expect(result.changes!.filter((c) => c.severity === 'breaking').map((c) => `${c.kind} ${'key' in c ? c.key : ''}`)).toEqual([
      'params-changed 1002',
      'params-changed 1004',
      'code-removed 3001',
    ]);
    expect(result.changes).toContainEqual(
      expect.objectContaining({ kind: 'translation-added', key: '2003', locale: 'ja', new: 'オフラインです。' }),
    );
  });
});

describe('codebook diff on input it cannot read (exit 2)', () => {
  async function unreadable(old: string, new_ = NEW) {
    const result = await runDiff({ old, new: new_ });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  }

  it('a path that does not exist', async () => {
    expect(await unreadable(join(tempDir(), 'nothing'))).toMatch(/Cannot read .*nothing: no such file or folder\. {2}\[diff\/unreadable\]/);
  });

  it('a folder that is neither a project nor a dist folder', async () => {
    const stderr = await unreadable(tempDir());
    expect(stderr).toContain('the folder holds neither codebook.config.json (a codebook project) nor catalog/catalog.json (a dist folder)');
    expect(stderr).toContain('hint: Generate the release with the "catalog" target');
  });

  it('a file that is not JSON', async () => {
    const file = join(tempDir(), 'catalog.json');
    writeFileSync(file, '{ nope');
    expect(await unreadable(file)).toContain('not JSON');
  });

  it('a snapshot of another version, or one that breaks the schema, or repeats a key', async () => {
    const good = snapshotOf((await loadTestCatalog('diff/old')).catalog);
    const write = (value: unknown) => {
      const file = join(tempDir(), 'catalog.json');
      writeFileSync(file, JSON.stringify(value));
      return file;
    };
    expect(await unreadable(write({ ...good, version: 2 }))).toContain('snapshot version 2; this codebook reads version 1');
    expect(await unreadable(write({ ...good, messages: [{ ...good.messages[0], section: 7 }] }))).toContain(
      'the snapshot breaks its schema: /messages/0/section must be string',
    );
    expect(await unreadable(write({ ...good, messages: [good.messages[0], good.messages[0]] }))).toContain(
      'the snapshot lists key "1001" twice',
    );
  });

  it("a project whose catalog has errors, with the catalog's own diagnostics", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locales/en'), { recursive: true });
    mkdirSync(join(dir, 'locales/ja'), { recursive: true });
    writeFileSync(
      join(dir, 'codebook.config.json'),
      JSON.stringify({
        sourceLocale: 'en',
        locales: ['en'],
        layers: [
          { name: 'registry', files: ['locales/codes.json'] },
          { name: 'messages', files: ['locales/*/messages.json'] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'locales/codes.json'),
      JSON.stringify({ sections: [{ id: 'general' }], codes: [{ code: 1, section: 'general' }] }),
    );
    writeFileSync(
      join(dir, 'locales/en/messages.json'),
      JSON.stringify({ locale: 'en', sections: { general: 'General' }, messages: { '1': 'Broken {' } }),
    );
    const stderr = await unreadable(dir);
    expect(stderr).toContain('[icu/syntax]');
    expect(stderr).toContain('its catalog has errors (run "codebook validate").  [diff/unreadable]');
  });

  it('reports both sides at once', async () => {
    const stderr = await unreadable(join(tempDir(), 'a'), join(tempDir(), 'b'));
    expect(stderr.match(/\[diff\/unreadable\]/g)).toHaveLength(2);
  });

  it('--format json prints the problems as diagnostics JSON on stdout', async () => {
    const result = await runDiff({ old: join(tempDir(), 'nothing'), new: NEW, format: 'json' });
    expect(result.exitCode).toBe(2);
    const [entry] = JSON.parse(result.stdout) as { messages: { ruleId: string }[] }[];
    expect(entry.messages.map((m) => m.ruleId)).toEqual(['diff/unreadable']);
  });
});

describe('diffCatalogs, kind by kind', () => {
  async function base(): Promise<Snapshot> {
    return snapshotOf((await loadTestCatalog('diff/old')).catalog, { identifierPrefix: 'error_' });
  }
  const kinds = (changes: Change[]) => changes.map((c) => `${c.severity} ${c.kind}`);

  it('gives every kind a severity, breaking first', () => {
    expect(CHANGE_KINDS).toEqual({
      'namespace-changed': 'breaking',
      'locale-removed': 'breaking',
      'locale-added': 'info',
      'code-removed': 'breaking',
      'code-added': 'info',
      'range-changed': 'breaking',
      'section-changed': 'warning',
      'params-changed': 'breaking',
      'identifier-changed': 'breaking',
      'action-changed': 'warning',
      'fault-changed': 'info',
      'translation-removed': 'warning',
      'translation-added': 'info',
      'text-changed': 'info',
      'user-text-changed': 'info',
    });
  });

  it('identifier-changed: one change per key and rename, naming the platforms', async () => {
    const old = await base();
    const renamed = snapshotOf((await loadTestCatalog('diff/old')).catalog, { identifierPrefix: 'err_' });
    const { changes } = diffCatalogs(old, renamed);
    expect(changes).toHaveLength(old.messages.length);
    expect(changes[0]).toEqual({
      kind: 'identifier-changed',
      severity: 'breaking',
      key: '1001',
      platforms: ['android', 'flutter'],
      old: 'error_1001',
      new: 'err_1001',
      message: 'The android and flutter identifier of code 1001 changed from error_1001 to err_1001.',
    });
  });

  it('action-changed, fault-changed and user-text-changed: each reported once, with what it was and is', async () => {
    const old = structuredClone(await base());
    const first = old.messages[0]!;
    Object.assign(first, { action: 'retry', fault: 'network', userTexts: { en: 'Check your connection.' } });
    const changed = structuredClone(old);
    Object.assign(changed.messages[0]!, { action: 'sign-in-again', fault: 'user', userTexts: { en: 'Please sign in again.' } });
    const { changes } = diffCatalogs(old, serializeAndParse(changed));
    expect(changes).toEqual([
      {
        kind: 'action-changed',
        severity: 'warning',
        key: first.key,
        old: 'retry',
        new: 'sign-in-again',
        message: `The action of code ${first.key} changed from retry to sign-in-again: apps offer their users something else.`,
      },
      {
        kind: 'fault-changed',
        severity: 'info',
        key: first.key,
        old: 'network',
        new: 'user',
        message: `The fault of code ${first.key} changed from network to user.`,
      },
      {
        kind: 'user-text-changed',
        severity: 'info',
        key: first.key,
        locale: 'en',
        old: 'Check your connection.',
        new: 'Please sign in again.',
        message: `The en user message of code ${first.key} was reworded.`,
      },
    ]);
  });

  it('range-changed: a moved range is matched to the range it overlaps, not removed and added', async () => {
    const old = await base();
    const moved = structuredClone(old);
    const range = moved.messages.find((m) => m.key === '5000-5999')!;
    Object.assign(range, { key: '5000-6999', range: [5000, 6999], section: 'network', texts: { ...range.texts, en: 'Rejected.' } });
    range.identifiers = Object.fromEntries(Object.entries(range.identifiers).map(([p, id]) => [p, id.replace('5999', '6999')]));
    const { changes } = diffCatalogs(old, moved);
    expect(changes).toEqual([
      {
        kind: 'range-changed',
        severity: 'breaking',
        key: '5000-6999',
        oldKey: '5000-5999',
        old: [5000, 5999],
        new: [5000, 6999],
        message: 'Range 5000-5999 became 5000-6999: codes 6000-6999 change message, and the key 5000-5999 is gone.',
      },
      {
        kind: 'section-changed',
        severity: 'warning',
        key: '5000-6999',
        old: 'general',
        new: 'network',
        message: 'Range 5000-6999 moved from section general to network.',
      },
      {
        kind: 'text-changed',
        severity: 'info',
        key: '5000-6999',
        locale: 'en',
        old: 'Your callback rejected the request.',
        new: 'Rejected.',
        message: 'The en text of range 5000-6999 changed.',
      },
    ]);
    const apart = structuredClone(old);
    Object.assign(
      apart.messages.find((m) => m.key === '5000-5999')!,
      { key: '8000-8999', range: [8000, 8999] },
    );
    expect(kinds(diffCatalogs(old, serializeAndParse(apart)).changes)).toEqual(['breaking code-removed', 'info code-added']);
  });

  it('locales and namespace: removed is breaking, added is info, with no per-message noise', async () => {
    const old = await base();
    const changed = structuredClone(old);
    changed.namespace = 'failures';
    changed.locales = ['en', 'ko'];
    for (const m of changed.messages) {
      delete m.texts.ja;
      m.texts.ko = `${m.texts.en} (ko)`;
    }
    const { changes } = diffCatalogs(old, changed);
    expect(changes).toEqual([
      {
        kind: 'namespace-changed',
        severity: 'breaking',
        old: 'errors',
        new: 'failures',
        message: 'The namespace changed from "errors" to "failures": every i18next lookup, bundle file and Java bundle name changes.',
      },
      { kind: 'locale-removed', severity: 'breaking', locale: 'ja', message: 'Locale ja was removed: its bundles are gone.' },
      { kind: 'locale-added', severity: 'info', locale: 'ko', message: 'Locale ko was added with 9 text(s).' },
    ]);
  });

  it('ignores the header line and the order of a snapshot read back from disk', async () => {
    const old = await base();
    const reordered = { ...structuredClone(old), generated: 'Another header.', messages: [...old.messages].reverse() };
    expect(diffCatalogs(old, reordered).changes).toEqual([]);
  });
});

function serializeAndParse(snapshot: Snapshot): Snapshot {
  return JSON.parse(serializeSnapshot(snapshot)) as Snapshot;
}

describe('defineDiffCommand (the lines cli.ts adds)', () => {
  async function cli(args: string[]) {
    const out = { stdout: '', stderr: '', exitCode: -1 };
    const program = new Command('codebook')
      .exitOverride()
      .configureOutput({ writeErr: (s) => void (out.stderr += s), writeOut: (s) => void (out.stdout += s) });
    defineDiffCommand(program, {
      stdout: (s) => void (out.stdout += s),
      stderr: (s) => void (out.stderr += s),
      setExitCode: (c) => void (out.exitCode = c),
      color: false,
    });
    await program.parseAsync(args, { from: 'user' });
    return out;
  }

  it('parses the arguments and flags', async () => {
    expect(await cli(['diff', OLD, NEW])).toEqual({ stdout: REPORT, stderr: '', exitCode: 1 });
    expect((await cli(['diff', OLD, NEW, '--allow-breaking'])).exitCode).toBe(0);
    expect((await cli(['diff', OLD, NEW, '--allow', 'code-removed,params-changed'])).exitCode).toBe(0);
    expect((await cli(['diff', OLD, NEW, '--allow', 'code-removed', '--allow', 'params-changed'])).exitCode).toBe(0);
    expect((await cli(['diff', OLD, NEW, '--allow', 'code-removed'])).exitCode).toBe(1);
    expect(JSON.parse((await cli(['diff', OLD, NEW, '--format', 'json'])).stdout).summary.breaking).toBe(3);
  });

  it('leaves usage errors to the program (exitOverride throws)', async () => {
    await expect(cli(['diff', OLD])).rejects.toThrow(/missing required argument 'new'/);
    await expect(cli(['diff', OLD, NEW, '--format', 'yaml'])).rejects.toThrow(/Allowed choices are text, json/);
  });
});
