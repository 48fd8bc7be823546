// The peers table (its targets and rendering: peers-md.mjs): codebook against the single-purpose
// tools on the same synthetic catalog, each pair run alternately as cold processes (codebook, peer,
// codebook, peer, …), so every ratio is measured in one run on one machine.
//
//   codebook `-t i18next,types`  vs  i18next-resources-for-ts `interface` on the generated i18next JSON (en)
//   codebook `-t i18next`        vs  @formatjs/cli `compile-folder` on the same messages as extracted-messages JSON
//   codebook `-t gettext`        vs  i18next-conv, i18next JSON → PO, one process per locale (3)
//   codebook `validate`          vs  bench/lib/validate-baseline.mjs (JSON.parse + ajv + stringify)
//   codebook, all targets        (time and peak RSS; no peer)
//   codebook, default catalog, all targets, --no-cache (no peer)
//
// The peers are pinned in bench/peers/package.json + package-lock.json and installed by the bench
// alone (`npm ci --prefix bench/peers`), never by the product's `npm ci`. Each peer's JS entry runs
// under `node` directly (no npx), with the report-rss.cjs preload, like codebook.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, machineBusyMs, measureNode, median } from './measure.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(repo, 'build/generator/cli.js');
export const PEERS_DIR = join(repo, 'bench/peers');
const BASELINE_SCRIPT = join(repo, 'bench/lib/validate-baseline.mjs');
const LOCALES = ['en', 'ja', 'ko'];
/** A process still running after this long is killed and its side reported as failed. */
const TIMEOUT_MS = 15 * 60_000;
/**
 * The machine is shared: a run during which other processes used more than half of one core
 * (and at least 50 ms of CPU) is contended. It is measured again, after waiting (at most
 * QUIET_WAIT_MS) for a second in which the rest of the machine used under 15% of a core, up to
 * RETRIES times; then it is kept and marked contended. Linux only (/proc/stat).
 */
const CONTENDED_SHARE = 0.5;
const CONTENDED_MIN_MS = 50;
const RETRIES = 3;
const QUIET_WAIT_MS = 90_000;

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** The pinned versions, by package name, from bench/peers/package.json. */
export function pinnedPeers() {
  return JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')).dependencies;
}

function installedVersion(name) {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs the pinned peers into bench/peers/node_modules when any is missing or at another
 * version: `npm ci` from the committed lock (`npm install` only when there is no lock yet, which
 * writes it). npm gets the caller's environment unchanged (a registry behind a proxy may need
 * NODE_EXTRA_CA_CERTS). Returns { ok, note, versions }.
 */
export function ensurePeers() {
  const pinned = pinnedPeers();
  const stale = () => Object.entries(pinned).filter(([name, version]) => installedVersion(name) !== version);
  let note = 'already installed';
  if (stale().length > 0) {
    const hasLock = existsSync(join(PEERS_DIR, 'package-lock.json'));
    const args = [hasLock ? 'ci' : 'install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error'];
    log(`installing the peers: npm ${args.join(' ')}`);
    const r = spawnSync('npm', args, { cwd: PEERS_DIR, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      const why = `${r.error?.message ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-6).join(' / ');
      return { ok: false, note: `npm ${args[0]} --prefix bench/peers failed (exit ${r.status}): ${why}`, versions: {} };
    }
    note = `installed by npm ${args[0]}`;
  }
  const left = stale();
  if (left.length > 0)
    return {
      ok: false,
      note: `not at the pinned version after install: ${left.map(([n, v]) => `${n}@${v} (found ${installedVersion(n) ?? 'none'})`).join(', ')}`,
      versions: {},
    };
  return { ok: true, note, versions: pinned };
}

/** The JS file of a package's command, from its package.json "bin". */
function binOf(name) {
  const pkg = JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin)[0];
  return join(PEERS_DIR, 'node_modules', name, bin);
}

// ---- checks: a side whose output is missing or trivial has failed, however fast it was ----

const size = (file) => (existsSync(file) ? statSync(file).size : -1);
/** Every [file, minBytes] exists and is at least that large; returns the first problem. */
function filesProblem(dir, expected) {
  for (const [file, min] of expected) {
    const bytes = size(join(dir, file));
    if (bytes < 0) return `${file} was not written`;
    if (bytes < min) return `${file} has ${bytes} bytes (expected at least ${min})`;
  }
  return undefined;
}
function treeSize(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else {
        files++;
        bytes += statSync(join(d, e.name)).size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}
const count = (text, re) => (text.match(re) ?? []).length;

/** The generated i18next files of `dir` (codebook's layout: <locale>/<namespace>.json). */
const i18nextFiles = (ctx) => LOCALES.map((l) => [`i18next/${l}/${ctx.namespace}.json`, ctx.keys * 20]);

const gen = (ctx, out, targets) => [
  cli,
  'generate',
  '-q',
  '--no-cache',
  '-c',
  ctx.config,
  '-o',
  out,
  ...(targets ? ['--targets', targets] : []),
];

/** The jobs of the table, in order. `peer.steps` are the argument lists of its node processes. */
export const JOBS = [
  {
    id: 'types',
    job: 'codebook `-t i18next,types` vs i18next-resources-for-ts `interface` (types only)',
    codebook: {
      steps: (ctx, out) => [gen(ctx, out, 'i18next,types')],
      check: (ctx, out) =>
        filesProblem(out, [
          ...i18nextFiles(ctx),
          ['types/index.d.ts', 500],
          ['types/keys.d.ts', ctx.keys * 10],
          ['types/resources.d.ts', ctx.keys * 10],
        ]),
    },
    peer: {
      pkg: 'i18next-resources-for-ts',
      label: 'i18next-resources-for-ts {v} `interface`',
      // Reads the namespaces of the source language: the generated i18next/en/ folder.
      steps: (ctx, out) => [
        [binOf('i18next-resources-for-ts'), 'interface', '-i', join(ctx.i18nextDir, 'en'), '-o', join(out, 'resources.d.ts')],
      ],
      check: (ctx, out) =>
        filesProblem(out, [['resources.d.ts', ctx.keys * 20]]) ??
        (readFileSync(join(out, 'resources.d.ts'), 'utf8').includes('"unknown"') ? undefined : 'resources.d.ts lacks the key "unknown"'),
    },
  },
  {
    id: 'i18next',
    job: 'codebook `-t i18next` vs @formatjs/cli `compile-folder`',
    codebook: {
      steps: (ctx, out) => [gen(ctx, out, 'i18next')],
      check: (ctx, out) => filesProblem(out, i18nextFiles(ctx)),
    },
    peer: {
      pkg: '@formatjs/cli',
      label: '@formatjs/cli {v} `compile-folder`',
      steps: (ctx, out) => [[binOf('@formatjs/cli'), 'compile-folder', ctx.formatjsDir, out]],
      check: (ctx, out) => {
        for (const l of LOCALES) {
          const problem = filesProblem(out, [[`${l}.json`, ctx.keys * 20]]);
          if (problem) return problem;
          const compiled = Object.keys(JSON.parse(readFileSync(join(out, `${l}.json`), 'utf8'))).length;
          if (compiled !== ctx.formatjsCounts[l]) return `${l}.json has ${compiled} messages of ${ctx.formatjsCounts[l]}`;
        }
        return undefined;
      },
    },
  },
  {
    id: 'gettext',
    job: 'codebook `-t gettext` vs i18next-conv (i18next JSON → PO, 3 locales)',
    codebook: {
      steps: (ctx, out) => [gen(ctx, out, 'gettext')],
      check: (ctx, out) =>
        filesProblem(out, [...LOCALES.map((l) => [`gettext/${l}.po`, ctx.keys * 20]), [`gettext/${ctx.namespace}.pot`, ctx.keys * 20]]),
    },
    peer: {
      pkg: 'i18next-conv',
      label: 'i18next-conv {v}, a process per locale',
      // One file per invocation: a process per locale, timed back to back (wall and CPU summed, RSS the peak).
      steps: (ctx, out) =>
        LOCALES.map((l) => [
          binOf('i18next-conv'),
          '-l',
          l,
          '-s',
          join(ctx.i18nextDir, l, `${ctx.namespace}.json`),
          '-t',
          join(out, `${l}.po`),
          '--quiet',
        ]),
      check: (ctx, out) => {
        for (const l of LOCALES) {
          const problem = filesProblem(out, [[`${l}.po`, ctx.keys * 20]]);
          if (problem) return problem;
          const entries = count(readFileSync(join(out, `${l}.po`), 'utf8'), /^msgid "/gm);
          if (entries < ctx.i18nextCounts[l] * 0.9) return `${l}.po has ${entries} entries for ${ctx.i18nextCounts[l]} keys`;
        }
        return undefined;
      },
    },
  },
  {
    id: 'validate',
    job: 'codebook `validate` vs JSON.parse + ajv + stringify (bench/lib/validate-baseline.mjs)',
    codebook: { steps: (ctx) => [[cli, 'validate', '-q', '-c', ctx.config]] },
    peer: {
      label: 'JSON.parse + ajv + stringify',
      steps: (ctx) => [[BASELINE_SCRIPT, ctx.config]],
      check: (ctx, out, stdout) => (/all valid/.test(stdout) ? undefined : `no "all valid" summary: ${stdout.trim().slice(0, 200)}`),
    },
  },
  {
    id: 'all',
    job: 'codebook, all targets',
    warm: false, // the rows before it have loaded codebook's modules and the catalog's files
    codebook: {
      steps: (ctx, out) => [gen(ctx, out)],
      check: (ctx, out) => filesProblem(out, [...i18nextFiles(ctx), ['types/index.d.ts', 500], ['gettext/en.po', ctx.keys * 20]]),
    },
  },
];

/** The default catalog row (the repo's codebook.config.json, all targets): not per size. */
export const DEFAULT_JOB = {
  id: 'default',
  job: 'codebook, default catalog, all targets, `--no-cache`',
  codebook: {
    steps: (ctx, out) => [[cli, 'generate', '-q', '--no-cache', '-o', out]],
    check: (ctx, out) => (treeSize(out).files >= 10 ? undefined : `only ${treeSize(out).files} files written`),
  },
};

/** Runs one side once: its processes back to back in a fresh output folder, then its check. */
async function runSide(side, ctx, scratch, tag) {
  const out = join(scratch, `out-${tag}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let wallMs = 0;
  let cpuMs = 0;
  let rssKiB = 0;
  let otherCpuMs = 0;
  let stdout = '';
  try {
    for (const args of side.steps(ctx, out)) {
      const r = await measureNode(args, { cwd: ctx.cwd, timeoutMs: TIMEOUT_MS });
      if (r.timedOut) return { failure: `killed after ${TIMEOUT_MS / 1000} s` };
      if (r.code !== 0) return { failure: `exit ${r.code}: ${firstError(r.stderr || r.stdout)}` };
      if (r.rssKiB === undefined) return { failure: 'no usage figures (the preload did not report)' };
      wallMs += r.wallMs;
      cpuMs += r.cpuMs;
      rssKiB = Math.max(rssKiB, r.rssKiB);
      otherCpuMs += r.otherCpuMs ?? 0;
      stdout += r.stdout;
    }
    const problem = side.check?.(ctx, out, stdout);
    if (problem) return { failure: `bad output: ${problem}` };
    const { files, bytes } = treeSize(out);
    return {
      sample: { wallMs: round(wallMs), rssKiB, cpuMs: round(cpuMs), otherCpuMs: round(otherCpuMs) },
      output: files ? { files, bytes } : undefined,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
/** The line of a failed process's output that names the error (else its first lines), short. */
function firstError(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const named = lines.find((l) => /^(\w*Error|error)\b|^Error:|\bERR_[A-Z_]+\b/.test(l));
  return (named ?? lines.slice(0, 3).join(' / ')).slice(0, 300);
}
const round = (ms) => Math.round(ms * 10) / 10;

/** A row being measured: codebook and (when the job has one) its peer, samples and failures. */
function newRow(job, versions) {
  const version = job.peer?.pkg ? (versions[job.peer.pkg] ?? pinnedPeers()[job.peer.pkg]) : undefined;
  const peer = job.peer && { label: job.peer.label.replace('{v}', version ?? ''), version, samples: [] };
  return { id: job.id, job: job.job, codebook: { samples: [] }, ...(peer ? { peer } : {}) };
}

/** Waits until the rest of the machine has been nearly idle for a second (or `maxMs` passed); returns the ms waited. */
async function waitQuiet(maxMs) {
  const started = Date.now();
  for (;;) {
    const before = machineBusyMs();
    await sleep(1000);
    const after = machineBusyMs();
    if (before === undefined || after - before < 150 || Date.now() - started >= maxMs) return Date.now() - started;
  }
}

const contended = (sample) => sample.otherCpuMs > Math.max(CONTENDED_MIN_MS, CONTENDED_SHARE * sample.wallMs);

async function measure(side, sideRow, ctx, scratch, tag) {
  if (sideRow.failure) return;
  for (let attempt = 0; ; attempt++) {
    const r = await runSide(side, ctx, scratch, tag);
    if (r.failure) {
      sideRow.failure = r.failure;
      log(`${tag}: FAILED (${r.failure})`);
      return;
    }
    if (contended(r.sample)) {
      if (attempt < RETRIES) {
        sideRow.redone = (sideRow.redone ?? 0) + 1;
        const waited = await waitQuiet(QUIET_WAIT_MS);
        log(
          `${tag}: other processes used ${sec(r.sample.otherCpuMs)} of CPU during ${sec(r.sample.wallMs)}: measuring again (waited ${Math.round(waited / 1000)} s for a quiet machine)`,
        );
        continue;
      }
      r.sample.contended = true;
    }
    sideRow.samples.push(r.sample);
    if (r.output && !sideRow.output) sideRow.output = r.output;
    return;
  }
}

/** Measures one job: an untimed warm-up of each side, then `runs` alternating pairs. */
async function measureJob(job, ctx, scratch, runs, versions, sizeLabel) {
  const row = newRow(job, versions);
  const sides = [['codebook', job.codebook, row.codebook], ...(job.peer ? [['peer', job.peer, row.peer]] : [])];
  for (const [name, side, sideRow] of sides) {
    if (job.warm === false) continue;
    if (name === 'peer' && job.peer.pkg && !versions[job.peer.pkg]) sideRow.failure = 'not installed';
    else {
      const warm = await runSide(side, ctx, scratch, `${sizeLabel}-${job.id}-${name}-warm`);
      if (warm.failure) {
        sideRow.failure = warm.failure;
        log(`${sizeLabel} ${job.id} ${name} (warm-up): FAILED (${warm.failure})`);
      }
    }
  }
  for (let i = 0; i < runs; i++) {
    for (const [name, side, sideRow] of sides) await measure(side, sideRow, ctx, scratch, `${sizeLabel}-${job.id}-${name}-${i}`);
  }
  const m = (s) => (s?.samples.length ? sec(median(s.samples.map((x) => x.wallMs))) : s?.failure ? 'failed' : '–');
  log(
    `${job.id === 'default' ? 'default catalog' : `${sizeLabel} ${job.id}`}: codebook ${m(row.codebook)}${row.peer ? `, ${row.peer.label} ${m(row.peer)}` : ''} (n = ${runs})`,
  );
  return row;
}

/** Keys of every locale's generated i18next file (plural forms count separately). */
function keysOf(file) {
  return Object.keys(JSON.parse(readFileSync(file, 'utf8'))).length;
}

/**
 * The peers' inputs, made once per size (untimed), from the catalog codebook reads:
 * the i18next JSON that codebook generates (what i18next-resources-for-ts and i18next-conv read),
 * and the same messages as formatjs extracted-messages JSON, one file per locale: the catalog's
 * ICU source texts as `defaultMessage`, the registry's description as `description`.
 */
function preparePeerInputs(config, scratch) {
  const catalogDir = dirname(config);
  const cfg = JSON.parse(readFileSync(config, 'utf8'));
  const namespace = cfg.namespace ?? 'translation';
  const genDir = join(scratch, 'peer-input');
  rmSync(genDir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [cli, 'generate', '-q', '--no-cache', '-c', config, '-o', genDir, '--targets', 'i18next'], {
    cwd: repo,
    env: childEnv(),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`generate --targets i18next for the peers' input failed: ${r.stderr}`);
  const i18nextDir = join(genDir, 'i18next');
  const i18nextCounts = Object.fromEntries(LOCALES.map((l) => [l, keysOf(join(i18nextDir, l, `${namespace}.json`))]));

  const registry = JSON.parse(readFileSync(join(catalogDir, 'locales/codes.json'), 'utf8'));
  const keyOf = (c) => (c.code !== undefined ? String(c.code) : c.range ? `${c.range[0]}-${c.range[1]}` : c.key);
  const descriptions = new Map(registry.codes.map((c) => [keyOf(c), c.description]));
  const formatjsDir = join(scratch, 'formatjs-input');
  rmSync(formatjsDir, { recursive: true, force: true });
  mkdirSync(formatjsDir, { recursive: true });
  const formatjsCounts = {};
  for (const l of LOCALES) {
    const { messages } = JSON.parse(readFileSync(join(catalogDir, 'locales', l, 'messages.json'), 'utf8'));
    const extracted = {};
    for (const [key, value] of Object.entries(messages)) {
      const text = typeof value === 'string' ? value : value.text;
      extracted[key] = descriptions.get(key) ? { defaultMessage: text, description: descriptions.get(key) } : { defaultMessage: text };
    }
    formatjsCounts[l] = Object.keys(extracted).length;
    writeFileSync(join(formatjsDir, `${l}.json`), `${JSON.stringify(extracted, null, 2)}\n`);
  }
  return { catalogDir, namespace, i18nextDir, i18nextCounts, formatjsDir, formatjsCounts };
}

/**
 * The peers table of one synthetic catalog. `reuse.all` (samples of all targets measured earlier
 * in the same run) saves measuring that row again. Returns the size's entry for latest.json.
 */
export async function benchPeersSize({ label, codes, runs, config, scratch, versions, machine, reuse = {} }) {
  const started = Date.now();
  const load = [os.loadavg()[0]];
  log(`${label} peers: preparing the peers' inputs`);
  const ctx = { config, keys: codes, cwd: scratch, ...preparePeerInputs(config, scratch) };
  const rows = [];
  for (const job of JOBS) {
    if (job.id === 'all' && reuse.all?.length) {
      const row = newRow(job, versions);
      row.codebook.samples = reuse.all.slice(0, Math.max(runs, 1));
      row.codebook.reused = true;
      rows.push(row);
      log(`${label} all: reusing the ${row.codebook.samples.length} all-targets run(s) measured above`);
      continue;
    }
    rows.push(await measureJob(job, ctx, scratch, runs, versions, label));
  }
  load.push(os.loadavg()[0]);
  log(`${label} peers: done in ${Math.round((Date.now() - started) / 1000)} s`);
  return { label, codes, runs, ...stamp(machine), load, rows };
}

/** The default catalog row, measured `runs` times (or reusing samples from earlier in the run). */
export async function benchDefaultCatalog({ runs, machine, keys, reuse }) {
  const scratch = join(os.tmpdir(), `codebook-bench-peers-default-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const load = [os.loadavg()[0]];
  let row;
  if (reuse?.length) {
    row = newRow(DEFAULT_JOB, {});
    row.codebook.samples = reuse;
    row.codebook.reused = true;
  } else {
    row = await measureJob(DEFAULT_JOB, { cwd: repo }, scratch, runs, {}, 'default catalog');
  }
  rmSync(scratch, { recursive: true, force: true });
  load.push(os.loadavg()[0]);
  return { label: 'default', codes: keys, runs, ...stamp(machine), load, rows: [row] };
}

const stamp = (machine) => ({
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: machine.commit,
  node: process.version,
  cpu: machine.cpu,
  cores: machine.cores,
  memoryGiB: machine.memoryGiB,
});
