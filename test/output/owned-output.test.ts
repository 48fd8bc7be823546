/**
 * codebook never touches what it did not write. Each hostile case runs the
 * real CLI in a small project inside a folder of its own, beside a
 * neighbour's files, and asserts the exit code, the rule id and location,
 * and a hash of every byte of the project and its parent: unchanged
 * wherever codebook refused, changed only inside its own output otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput } from '../../generator/output/commit-journal.js';
import { cliPath, readTree, runCli } from '../support/files.js';

const CONFIG = {
  sourceLocale: 'en',
  locales: ['en', 'ja'],
  layers: [
    { name: 'registry', files: ['locales/codes.json'] },
    { name: 'messages', files: ['locales/*/messages.json'] },
  ],
  out: 'dist',
};

const CODES = {
  sections: [{ id: 'general' }],
  codes: [
    { code: 6014, section: 'general' },
    { code: -302, section: 'general' },
    { code: 5, section: 'general', params: { count: { type: 'plural' } } },
    { key: 'unknown', section: 'general', params: { code: { type: 'number' } } },
  ],
};

const EN = {
  locale: 'en',
  sections: { general: 'General' },
  messages: {
    '6014': 'You are signed out.',
    '-302': 'Too many devices.',
    '5': '{count, plural, one {# file} other {# files}}',
    unknown: 'Error {code}.',
  },
};
const JA = { locale: 'ja', sections: { general: '一般' }, messages: { '6014': 'サインアウトしています。', unknown: 'エラー {code}。' } };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `<outer>/project` with a config, a registry and two locales, and `<outer>/neighbour/keep.txt` beside it. */
function project(config: object = CONFIG): { outer: string; dir: string } {
  const outer = mkdtempSync(join(tmpdir(), 'codebook-owned-'));
  const dir = join(outer, 'project');
  const files: Record<string, string> = {
    'codebook.config.json': json(config),
    'locales/codes.json': json(CODES),
    'locales/en/messages.json': json(EN),
    'locales/ja/messages.json': json(JA),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(outer, 'neighbour'));
  writeFileSync(join(outer, 'neighbour/keep.txt'), "not codebook's\n");
  writeFileSync(join(outer, 'neighbour/messages.json'), json({ locale: 'ja', messages: { '6014': 'よそのファイル' } }));
  return { outer, dir };
}

/** Hash of every path, kind, link target and byte under `root`, skipping the paths `skip` names (relative, forward slashes). */
function treeHash(root: string, skip: (path: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = path.slice(root.length + 1);
      if (skip(rel)) continue;
      const info = lstatSync(path);
      hash.update(`${rel}\0${info.mode}\0`);
      if (info.isSymbolicLink()) hash.update(readlinkSync(path));
      else if (info.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** Everything except codebook's own output folder and its cache. */
const outsideOwnOutput = (path: string) => path === 'project/dist' || path === 'project/node_modules';

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  return runCli(args, cwd, env);
}

/** The diagnostics of a `--format json` run as [ruleId, file, line, column] (errors only with `errorsOnly`). */
function found(stdout: string, errorsOnly = false): [string, string, number | undefined, number | undefined][] {
  const results = JSON.parse(stdout) as {
    filePath: string;
    messages: { ruleId: string; severity: number; line?: number; column?: number }[];
  }[];
  return results.flatMap((r) =>
    r.messages
      .filter((m) => !errorsOnly || m.severity === 2)
      .map((m): [string, string, number | undefined, number | undefined] => [m.ruleId, r.filePath, m.line, m.column]),
  );
}

describe('refused output folders: nothing anywhere changes', () => {
  const userFiles = {
    'types/global.d.ts': 'declare const mine: 1;\n',
    'review/notes.md': '# my notes\n',
    'java/Main.java': 'class Main {}\n',
  };
  const cases: { name: string; config?: object; args?: string[]; expect: [string, string, number?, number?] }[] = [
    {
      name: '"out": "." (the project folder)',
      config: { ...CONFIG, out: '.' },
      expect: ['config/unsafe-out', 'codebook.config.json', 21, 10],
    },
    {
      name: '"out": ".." (above the project)',
      config: { ...CONFIG, out: '..' },
      expect: ['config/unsafe-out', 'codebook.config.json', 21, 10],
    },
    {
      name: '"out": "locales" (holds the layer files)',
      config: { ...CONFIG, out: 'locales' },
      expect: ['config/unsafe-out', 'codebook.config.json', 21, 10],
    },
    {
      name: 'a custom target named after the source folder, with "out": "."',
      config: { ...CONFIG, out: '.', customTargets: [{ id: 'locales', templates: 'tpl', files: [{ template: 'a.hbs', path: 'a.txt' }] }] },
      expect: ['config/unsafe-out', 'codebook.config.json', 21, 10],
    },
    { name: '-o / (the root of the file system)', args: ['-o', '/'], expect: ['config/unsafe-out', ''] },
    { name: '-o .. (above the project)', args: ['-o', '..'], expect: ['config/unsafe-out', ''] },
    { name: '-o naming a file', args: ['-o', 'locales/codes.json'], expect: ['config/unsafe-out', ''] },
    { name: '-o naming a file of the user', args: ['-o', 'README.md'], expect: ['config/out-not-a-folder', ''] },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2, ${c.expect[0]}`, () => {
      const { outer, dir } = project(c.config);
      for (const [path, text] of Object.entries(userFiles)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      mkdirSync(join(dir, 'tpl'));
      writeFileSync(join(dir, 'tpl/a.hbs'), 'x');
      writeFileSync(join(dir, 'README.md'), '# mine\n');
      const before = treeHash(outer);
      const run = cli(['generate', '--format', 'json', ...(c.args ?? [])], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(found(run.stdout)).toContainEqual(c.expect.length === 2 ? [...c.expect, undefined, undefined] : c.expect);
      expect(run.stderr).not.toContain('internal error');
      expect(treeHash(outer)).toBe(before);
    });
  }
});

describe('input that is refused writes nothing and names the place', () => {
  const cases: { name: string; files: Record<string, string | Buffer>; config?: object; expect: [string, string, number?, number?] }[] = [
    {
      name: 'invalid UTF-8',
      files: {
        'locales/ja/messages.json': Buffer.concat([
          Buffer.from('{\n  "locale": "ja",\n  "messages": { "6014": "サイン'),
          Buffer.from([0xff]),
          Buffer.from('" }\n}\n'),
        ]),
      },
      expect: ['source/encoding', 'locales/ja/messages.json', 3, 29],
    },
    {
      name: 'a raw NUL byte',
      files: { 'locales/ja/messages.json': '{\n  "locale": "ja",\n  "messages": { "6014": "a\u0000b" }\n}\n' },
      expect: ['json/syntax', 'locales/ja/messages.json', 3, 27],
    },
    {
      name: 'nesting 100,000 deep',
      files: { 'locales/ja/messages.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
      expect: ['json/too-deep', 'locales/ja/messages.json', 1, 65],
    },
    {
      name: 'a code beyond 2^53',
      files: { 'locales/codes.json': json(CODES).replace('"code": 6014', '"code": 9007199254740993') },
      expect: ['registry/number-form', 'locales/codes.json', 9, 15],
    },
    {
      name: 'a code in exponent form',
      files: { 'locales/codes.json': json(CODES).replace('"code": 6014', '"code": 1e21') },
      expect: ['registry/number-form', 'locales/codes.json', 9, 15],
    },
    {
      name: 'negative zero',
      files: { 'locales/codes.json': json(CODES).replace('"code": 6014', '"code": -0') },
      expect: ['registry/number-form', 'locales/codes.json', 9, 15],
    },
    {
      name: 'a layer glob reaching outside the project',
      files: {},
      config: { ...CONFIG, layers: [...CONFIG.layers, { name: 'app', files: ['../../**/neighbour/*.json'] }] },
      expect: ['config/layer-outside-project', 'codebook.config.json', 22, 16],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.expect[0]}`, () => {
      const { outer, dir } = project(c.config);
      for (const [path, bytes] of Object.entries(c.files)) writeFileSync(join(dir, path), bytes);
      const before = treeHash(outer);
      const run = cli(['generate', '--format', 'json'], dir);
      expect(run.code, run.stderr).toBeGreaterThan(0);
      expect(found(run.stdout)).toContainEqual(c.expect);
      expect(run.stderr).not.toContain('internal error');
      expect(treeHash(outer)).toBe(before);
    });
  }

  it('a registry that does not load: its own error first, then one line for the checks it would have misled', () => {
    const { outer, dir } = project();
    writeFileSync(join(dir, 'locales/codes.json'), json(CODES).replace('"section": "general"', '"section": 7'));
    const before = treeHash(outer);
    const run = cli(['generate'], dir);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => /\s(error|warning)\s/.test(l));
    expect(lines[0]).toMatch(/^locales\/codes\.json:\d+:\d+ +error .*\[schema\/type\]$/);
    expect(lines.filter((l) => l.includes('[load/skipped-checks]'))).toHaveLength(1);
    expect(lines.filter((l) => /completeness|locale\/unknown-key/.test(l))).toEqual([]);
    expect(treeHash(outer)).toBe(before);
  });

  it('a folder listed in "sharedFolders" may be read from', () => {
    const { dir } = project({
      ...CONFIG,
      sharedFolders: ['../neighbour'],
      layers: [...CONFIG.layers, { name: 'app', files: ['../neighbour/*.json'] }],
    });
    const run = cli(['generate', '-q'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'dist/i18next/ja/errors.json'), 'utf8')).toContain('よそのファイル');
  });
});

describe('files of the user inside the output folder', () => {
  it('are left alone and mentioned once; files codebook wrote and no longer produces are removed', () => {
    const { outer, dir } = project();
    mkdirSync(join(dir, 'dist/java'), { recursive: true });
    writeFileSync(join(dir, 'dist/java/Main.java'), 'class Main {}\n');
    writeFileSync(join(dir, 'dist/README.md'), 'my dist notes\n');
    const first = cli(['generate'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('java/Main.java');
    expect(first.stderr).toContain('[output/foreign-files]');
    expect(readFileSync(join(dir, 'dist/java/Main.java'), 'utf8')).toBe('class Main {}\n');
    expect(readFileSync(join(dir, 'dist/README.md'), 'utf8')).toBe('my dist notes\n');

    // Drop ja: its files go (codebook wrote them), the user's stay, and they are not mentioned again.
    writeFileSync(join(dir, 'codebook.config.json'), json({ ...CONFIG, locales: ['en'] }));
    rmSync(join(dir, 'locales/ja'), { recursive: true });
    const notOwn = (p: string) =>
      p === 'project/node_modules' ||
      (p.startsWith('project/dist/') && !['project/dist/java', 'project/dist/java/Main.java', 'project/dist/README.md'].includes(p));
    const outside = treeHash(outer, notOwn);
    const second = cli(['generate'], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('output/foreign-files');
    expect(second.stderr).toMatch(/[1-9]\d* removed/);
    expect(Object.keys(readTree(join(dir, 'dist'))).filter((p) => /\bja\b/.test(p))).toEqual([]);
    expect(treeHash(outer, notOwn)).toBe(outside);
  });

  it('a file or folder of the user where codebook would write stops the run before anything changes', () => {
    for (const block of ['file', 'folder'] as const) {
      const { outer, dir } = project();
      expect(cli(['generate', '-q'], dir).code).toBe(0);
      writeFileSync(join(dir, 'locales/en/messages.json'), json({ ...EN, messages: { ...EN.messages, '6014': 'Signed out.' } }));
      rmSync(join(dir, 'dist/.codebook/manifest.json'));
      if (block === 'folder') {
        rmSync(join(dir, 'dist/i18next/en/errors.json'));
        mkdirSync(join(dir, 'dist/i18next/en/errors.json'));
      }
      const before = treeHash(outer);
      const run = cli(['generate', '--format', 'json'], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(found(run.stdout)).toContainEqual(['output/foreign-file', 'dist/i18next/en/errors.json', undefined, undefined]);
      expect(treeHash(outer)).toBe(before);
    }
  });
});

describe('the manifest', () => {
  it("one that cannot be read stops the run: codebook cannot tell its files from the user's", () => {
    const { outer, dir } = project();
    expect(cli(['generate', '-q'], dir).code).toBe(0);
    writeFileSync(join(dir, 'locales/en/messages.json'), json({ ...EN, messages: { ...EN.messages, '6014': 'Signed out.' } }));
    writeFileSync(join(dir, 'dist/.codebook/manifest.json'), '{"format": 99}');
    const before = treeHash(outer, (p) => p === 'project/node_modules');
    const run = cli(['generate', '--format', 'json'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(found(run.stdout, true)).toEqual([['output/manifest', 'dist/.codebook/manifest.json', undefined, undefined]]);
    expect(treeHash(outer, (p) => p === 'project/node_modules')).toBe(before);
  });
});

/**
 * Whether the test may mount file systems (root with CAP_SYS_ADMIN, as on CI's machines). Where it
 * cannot, the same cases run with the error injected at the first write instead, and say so loudly.
 */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'codebook-mount-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  else
    console.warn(
      '\n\u001b[41m WARNING \u001b[0m cannot mount a tmpfs here: the disk-full and read-only cases inject their error instead of meeting a real full or read-only disk\n',
    );
  return ok;
}

describe('file-system errors: one located line, exit 2, no temporary file left', () => {
  const mountable = canMount();
  for (const [name, mountOptions, errno] of [
    ['a full disk', 'size=4k', 'ENOSPC'],
    ['a read-only file system', 'ro', 'EROFS'],
  ] as const) {
    it(`${name}: output/file-system (${errno})`, () => {
      const { outer, dir } = project();
      mkdirSync(join(dir, 'dist'));
      if (mountable) expect(spawnSync('mount', ['-t', 'tmpfs', '-o', mountOptions, 'tmpfs', join(dir, 'dist')]).status).toBe(0);
      try {
        const before = treeHash(outer);
        const run = cli(['generate', '--format', 'json'], dir, mountable ? {} : { CODEBOOK_TEST_FAIL_AT: `1:${errno}` });
        expect(run.code, run.stderr).toBe(2);
        expect(run.stderr).not.toContain('internal error');
        expect(found(run.stdout, true).map(([rule]) => rule)).toEqual(['output/file-system']);
        expect(run.stdout).toContain(errno);
        expect(treeHash(outer)).toBe(before);
      } finally {
        if (mountable) spawnSync('umount', [join(dir, 'dist')]);
      }
    });
  }
});

describe('one run at a time', () => {
  it('two runs started together: neither crashes, nothing is lost, the output is whole', async () => {
    const { dir } = project();
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cliPath, 'generate', '--no-cache'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([start(), start()]);
      for (const run of runs) {
        expect(run.stderr).not.toContain('internal error');
        // Either it waited its turn and succeeded, or it said clearly that another run holds the folder.
        if (run.code !== 0) expect(run.stderr).toContain('[output/locked]');
      }
      expect(runs.some((r) => r.code === 0)).toBe(true);
      expect(cli(['generate', '--check', '-q'], dir).code).toBe(0);
      expect(readdirSync(join(dir, 'dist/.codebook'))).toEqual(['manifest.json']);
    }
  });

  it('a lock left by a killed run is taken over', () => {
    const { dir } = project();
    expect(cli(['generate', '-q'], dir).code).toBe(0);
    const killed = spawnSync(process.execPath, [cliPath, 'generate', '--no-cache', '-q'], {
      cwd: dir,
      env: { ...process.env, CODEBOOK_TEST_KILL_AT: '1' },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'dist/.codebook/lock'))).toBe(true);
    const next = cli(['generate', '--no-cache', '-q'], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist/.codebook/lock'))).toBe(false);
  });
});

describe('all or nothing: a kill or a failure between any two steps of the commit', () => {
  const TARGETS = ['-t', 'i18next,android,gettext,xliff'];
  /** State A (en + ja), state B (en only, one message reworded): B rewrites files, adds none, removes ja's. */
  const toB = (dir: string) => {
    writeFileSync(join(dir, 'codebook.config.json'), json({ ...CONFIG, locales: ['en'] }));
    writeFileSync(
      join(dir, 'locales/en/messages.json'),
      json({ ...EN, messages: { ...EN.messages, '6014': 'You have been signed out.' } }),
    );
    rmSync(join(dir, 'locales/ja'), { recursive: true });
  };
  const outputOf = (dir: string) => readTree(join(dir, 'dist'));

  function scenario() {
    const { dir: a } = project();
    expect(cli(['generate', '-q', ...TARGETS], a).code).toBe(0);
    const { dir: b } = project();
    toB(b);
    expect(cli(['generate', '-q', ...TARGETS], b).code).toBe(0);
    return { stateA: outputOf(a), stateB: outputOf(b), distA: join(a, 'dist') };
  }

  /** A project at state B whose output is still A's, with nothing cached. */
  function atStep(distA: string) {
    const { outer, dir } = project();
    cpSync(distA, join(dir, 'dist'), { recursive: true });
    toB(dir);
    return { outer, dir };
  }

  it('killed at every step: the next run finishes or rolls back, and the output is wholly A or wholly B', () => {
    const { stateA, stateB, distA } = scenario();
    expect(stateA).not.toEqual(stateB);
    let steps = 0;
    for (let step = 1; ; step++) {
      const { dir } = atStep(distA);
      const killed = spawnSync(process.execPath, [cliPath, 'generate', '-q', ...TARGETS], {
        cwd: dir,
        env: { ...process.env, CODEBOOK_TEST_KILL_AT: String(step) },
      });
      if (killed.signal !== 'SIGKILL') {
        expect(killed.status).toBe(0);
        expect(outputOf(dir)).toEqual(stateB);
        break;
      }
      steps++;
      const interrupted = outputOf(dir);
      const outcome = recoverOutput(join(dir, 'dist'));
      // Before the journal exists the run never happened; once it exists, recovery finishes it. Nothing else is ever left.
      const recovered = outputOf(dir);
      expect(recovered).toEqual(outcome === 'rolled-forward' ? stateB : interrupted);
      expect([stateA, stateB]).toContainEqual(recovered);
      expect(existsSync(join(dir, 'dist/.codebook/staging'))).toBe(false);
      const next = cli(['generate', '-q', ...TARGETS], dir);
      expect(next.code, next.stderr).toBe(0);
      expect(outputOf(dir)).toEqual(stateB);
      expect(cli(['generate', '--check', '-q', ...TARGETS], dir).code).toBe(0);
    }
    // Staging, journal, every move and every removal: a real commit, not one rename.
    expect(steps).toBeGreaterThan(10);
  });

  it('a file-system error at every step: exit 2 with a located line, never a half-written target', () => {
    const { stateA, stateB, distA } = scenario();
    for (let step = 1; ; step++) {
      const { outer, dir } = atStep(distA);
      const before = treeHash(outer, outsideOwnOutput);
      const run = cli(['generate', '--format', 'json', ...TARGETS], dir, { CODEBOOK_TEST_FAIL_AT: `${step}:ENOSPC` });
      if (run.code === 0) break;
      expect(run.code, run.stderr).toBe(2);
      expect(found(run.stdout, true).map(([rule]) => rule)).toEqual(['output/file-system']);
      expect(treeHash(outer, outsideOwnOutput)).toBe(before);
      const after = outputOf(dir);
      if (existsSync(join(dir, 'dist/.codebook/journal.json'))) {
        // Failed while applying the journal: the next run finishes the commit.
        expect(cli(['generate', '--check', '-q', ...TARGETS], dir).stderr).toContain('interrupted');
        expect(cli(['generate', '-q', ...TARGETS], dir).code).toBe(0);
        expect(outputOf(dir)).toEqual(stateB);
      } else {
        // Failed before the journal (nothing happened) or after it was applied (all happened).
        expect([stateA, stateB]).toContainEqual(after);
        expect(existsSync(join(dir, 'dist/.codebook/staging'))).toBe(false);
      }
    }
  });
});
