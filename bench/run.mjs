// The benchmark runner (`npm run bench`): builds if stale, times cold `codebook generate`
// processes on the default catalog and on synthetic catalogs of 1k/10k/100k keys (all targets,
// validate only, each target alone, i18next+types), times tsc on the generated types, and
// writes bench/RESULTS.md (plus raw figures in bench/.work/results.json). Then, on the same
// catalogs, the peers table: codebook against the single-purpose peers, pair by pair, alternately
// (bench/lib/peers.mjs; figures in bench/peers/latest.json). Options: see bench/README.md.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { ensureBuild } from './lib/build.mjs';
import { describeMachine } from './lib/machine.mjs';
import { childEnv, measureNode } from './lib/measure.mjs';
import { benchDefaultCatalog, benchPeersSize, ensurePeers } from './lib/peers.mjs';
import { BASELINE_FILE, consoleTable, LATEST_FILE, mergeStore, updateResultsFile } from './lib/peers-md.mjs';
import { resultsMarkdown, stats } from './lib/results-md.mjs';
import { runTsc, TSC_OPTIONS, TSC_PROJECTS, writeTscProjects } from './lib/tsc-check.mjs';
import { writeSyntheticCatalog } from './synth-catalog.mjs';
import { keepSections, OWNED_SECTIONS } from './lib/marked-section.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'build/generator/cli.js');
const work = join(repo, 'bench/.work');

const USAGE = `usage: node bench/run.mjs [options]
  --sizes 1k,10k,100k   synthetic catalog sizes (keys); "100k:1" caps the runs of one size
  --runs N              rounds per size, each running every scenario once (default 5)
  --budget S            start no new round once a size has used S seconds (default 180)
  --tsc-runs N          tsc runs per size (default 3; 1 when a run takes over 30 s)
  --tsc-timeout S       kill a tsc run after S seconds (default 240)
  --no-tsc              skip the tsc measurement
  --no-default          skip the default-catalog measurement
  --build | --no-build  always / never run tsc -p tsconfig.build.json (default: when stale)
  --profile             afterwards, run bench/profile.mjs (one 100k all-targets --cpu-prof run)
  --keep                keep the synthetic catalogs (their temp folders are printed)
  --out FILE            results file (default bench/RESULTS.md)
  --rerender            measure nothing: rewrite the results file from bench/.work/results.json
  --peers-only          only the peers table (pairs of cold runs, codebook vs each peer, alternately):
                        rewrites the "Peers, measured side by side" section of the results file alone
  --no-peers            skip the peers table (the section keeps its last figures)
  --save-baseline       also record this run's peers figures as the "before" baseline
                        (bench/peers/baseline.json, size by size)
  Peers runs per size: --runs (default 5), at most 3 at 100k or more unless the size says ("100k:5").`;

function parseArgs(argv) {
  const o = {
    sizes: '1k,10k,100k',
    runs: 5,
    budget: 180,
    tscRuns: 3,
    tscTimeout: 240,
    tsc: true,
    default: true,
    build: 'auto',
    profile: false,
    keep: false,
    rerender: false,
    peers: true,
    peersOnly: false,
    saveBaseline: false,
    out: join(repo, 'bench/RESULTS.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--sizes') o.sizes = value();
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--budget') o.budget = Number(value());
    else if (a === '--tsc-runs') o.tscRuns = Number(value());
    else if (a === '--tsc-timeout') o.tscTimeout = Number(value());
    else if (a === '--no-tsc') o.tsc = false;
    else if (a === '--no-default') o.default = false;
    else if (a === '--build') o.build = 'always';
    else if (a === '--no-build') o.build = 'never';
    else if (a === '--profile') o.profile = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--rerender') o.rerender = true;
    else if (a === '--peers-only') o.peersOnly = true;
    else if (a === '--no-peers') o.peers = false;
    else if (a === '--save-baseline') o.saveBaseline = true;
    else if (a === '--out') o.out = resolve(value());
    else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.peersOnly && !o.peers) throw new Error('--peers-only and --no-peers exclude each other');
  if (!(o.runs >= 1) || !(o.tscRuns >= 1) || !(o.budget >= 0)) throw new Error('--runs and --tsc-runs must be ≥ 1, --budget ≥ 0');
  o.sizes = o.sizes
    .split(',')
    .filter(Boolean)
    .map((spec) => {
      const m = /^(\d+(?:\.\d+)?)([km]?)(?::(\d+))?$/i.exec(spec.trim());
      if (!m) throw new Error(`bad size ${spec} (use 1k, 10k, 100k, 2500, or 100k:1)`);
      const codes = Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
      const runs = m[3] ? Number(m[3]) : o.runs;
      // The peers table: the size's own cap, else --runs, at most 3 from 100k on.
      const peerRuns = m[3] ? runs : codes >= 100_000 ? Math.min(o.runs, 3) : o.runs;
      return { codes, label: labelOf(codes), runs, peerRuns };
    });
  return o;
}

const labelOf = (codes) =>
  codes >= 1e6 && codes % 1e6 === 0 ? `${codes / 1e6}m` : codes >= 1e3 && codes % 1e3 === 0 ? `${codes / 1e3}k` : String(codes);
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

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
  walk(dir);
  return { files, bytes };
}

/** Runs one scenario once; records the sample, or the failure (and then the scenario is skipped). */
async function runScenario(sc, config, scratch) {
  if (sc.failure) return;
  const out = join(scratch, `out-${sc.id.replace(/\W+/g, '_')}-${sc.samples.length}`);
  const args =
    sc.command === 'validate'
      ? [cli, 'validate', '-q', '-c', config]
      : [cli, 'generate', '-q', '--no-cache', '-c', config, '-o', out, ...sc.args];
  const r = await measureNode(args, { cwd: repo });
  if (r.code !== 0) {
    sc.failure = `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 6).join(' / ')}`;
    log(`${sc.label} FAILED (${sc.failure})`);
  } else {
    sc.samples.push({ wallMs: r.wallMs, rssKiB: r.rssKiB, cpuMs: r.cpuMs });
    if (sc.command !== 'validate' && sc.files === undefined) Object.assign(sc, treeSize(out));
  }
  rmSync(out, { recursive: true, force: true });
}

async function benchSize(size, targets, options) {
  const scratch = mkdtempSync(join(os.tmpdir(), `codebook-bench-${size.label}-`));
  const started = Date.now();
  log(`${size.label}: writing a ${size.codes}-key catalog into ${scratch}`);
  const { config, entries } = writeSyntheticCatalog(join(scratch, 'catalog'), { codes: size.codes });
  const catalogBytes = treeSize(join(scratch, 'catalog')).bytes;
  const scenarios = [
    { id: 'all', label: 'all targets', command: 'generate', args: [] },
    { id: 'validate', label: 'validate only', command: 'validate', args: [] },
    ...targets.map((t) => ({ id: t, label: `\`${t}\``, command: 'generate', args: ['--targets', t] })),
    ...(targets.includes('i18next') && targets.includes('types')
      ? [{ id: 'i18next,types', label: '`i18next,types`', command: 'generate', args: ['--targets', 'i18next,types'] }]
      : []),
  ].map((sc) => ({ ...sc, samples: [] }));
  const load = [os.loadavg()[0]];
  const benchStart = Date.now();
  for (let round = 0; round < size.runs; round++) {
    if (round > 0 && (Date.now() - benchStart) / 1000 > options.budget) {
      log(`${size.label}: budget of ${options.budget} s used after ${round} round(s)`);
      break;
    }
    for (const sc of scenarios) await runScenario(sc, config, scratch);
    log(
      `${size.label} round ${round + 1}: ${scenarios.map((sc) => `${sc.id} ${sc.samples.length > round ? sec(sc.samples[round].wallMs) : '–'}`).join(', ')}`,
    );
  }
  load.push(os.loadavg()[0]);
  const result = { label: size.label, codes: size.codes, catalogBytes, load, scenarios };
  if (options.tsc && targets.includes('types')) result.tsc = await benchTsc(size, config, entries, options);
  if (options.peers) {
    const all = scenarios.find((sc) => sc.id === 'all')?.samples;
    result.peers = await benchPeersSize({
      label: size.label,
      codes: size.codes,
      runs: size.peerRuns,
      config,
      scratch,
      versions: options.peerVersions,
      machine: options.machine,
      reuse: { all: all?.length >= size.peerRuns ? all : undefined },
    });
  }
  if (options.keep) log(`${size.label}: catalog kept in ${join(scratch, 'catalog')}`);
  else rmSync(scratch, { recursive: true, force: true });
  log(`${size.label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  return result;
}

async function benchTsc(size, config, entries, options) {
  const dir = join(work, `tsc-${size.label}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // types/ with the catalog's config, selector/types/ with types.i18nextSelector on.
  const selectorConfig = config.replace(/\.json$/, '.selector.json');
  writeFileSync(selectorConfig, JSON.stringify({ ...JSON.parse(readFileSync(config, 'utf8')), types: { i18nextSelector: true } }));
  for (const [cfg, out] of [
    [config, dir],
    [selectorConfig, join(dir, 'selector')],
  ]) {
    const gen = spawnSync(process.execPath, [cli, 'generate', '-q', '-c', cfg, '-o', out, '--targets', 'types'], {
      cwd: repo,
      env: childEnv(),
      encoding: 'utf8',
    });
    if (gen.status !== 0) return { projects: [], output: `generate --targets types failed: ${gen.stderr}` };
  }
  writeTscProjects(dir, entries);
  const timeoutMs = options.tscTimeout * 1000;
  const brief = (r) => ({ wallMs: r.wallMs, rssKiB: r.rssKiB, cpuMs: r.cpuMs, passed: r.passed, timedOut: r.timedOut });
  const empty = brief(await runTsc(repo, dir, 'tsconfig.empty.json', timeoutMs));
  const projects = [];
  for (const p of TSC_PROJECTS) {
    const samples = [];
    let last;
    for (let i = 0; i < options.tscRuns; i++) {
      last = await runTsc(repo, dir, p.project, timeoutMs);
      if (!last.timedOut) samples.push({ wallMs: last.wallMs, rssKiB: last.rssKiB, cpuMs: last.cpuMs });
      log(
        `${size.label} tsc ${p.id} ${i + 1}: ${sec(last.wallMs)}, ${last.timedOut ? 'TIMED OUT' : last.passed ? 'passed' : `FAILED (${last.errors} error(s)${last.outOfMemory ? ', out of memory' : ''})`}`,
      );
      if (last.wallMs > 30_000 || last.timedOut) break;
    }
    // The reference without calls costs at most what the full project costs: skipped when that timed out.
    const typesOnly = last.timedOut ? undefined : brief(await runTsc(repo, dir, p.typesOnly, timeoutMs));
    log(`${size.label} tsc ${p.id} types without calls: ${typesOnly ? sec(typesOnly.wallMs) : 'skipped'}`);
    const { passed, timedOut, tooComplex, outOfMemory, errors, output } = last;
    projects.push({
      id: p.id,
      label: p.label,
      samples,
      passed,
      timedOut,
      timeoutS: options.tscTimeout,
      tooComplex,
      outOfMemory,
      errors,
      output,
      typesOnly,
    });
  }
  log(`${size.label} tsc empty program: ${sec(empty.wallMs)}`);
  return { projects, empty };
}

function defaultKeys() {
  try {
    return JSON.parse(readFileSync(join(repo, 'locales/codes.json'), 'utf8')).codes.length;
  } catch {
    return undefined;
  }
}

/** Installs the pinned peers if needed; their versions by package name (none when that failed). */
function preparePeers(options) {
  const peers = ensurePeers();
  log(
    `peers: ${
      peers.ok
        ? `${Object.entries(peers.versions)
            .map(([name, v]) => `${name}@${v}`)
            .join(', ')} (${peers.note})`
        : `NOT AVAILABLE: ${peers.note} (their rows will say failed)`
    }`,
  );
  options.peerVersions = peers.versions;
  return peers;
}

/** Merges this run's peers figures into bench/peers/latest.json (and baseline.json), prints the table. */
function savePeers(entries, options) {
  const latest = mergeStore(LATEST_FILE, entries);
  if (options.saveBaseline) {
    mergeStore(BASELINE_FILE, entries, { note: 'The "before" figures of issue 13: bench/run.mjs --save-baseline.' });
    log(`recorded ${entries.map((e) => e.label).join(', ')} as the baseline in ${relative(process.cwd(), BASELINE_FILE)}`);
  }
  process.stdout.write(
    `\nPeers, paired (ratio = codebook median ÷ peer median; targets of issue 13 at 100k, in parentheses at other sizes):\n\n${consoleTable(
      latest,
      entries.map((e) => e.label),
    )}\n\n`,
  );
  if (entries.some((e) => e.rows.some((r) => r.codebook.failure || r.peer?.failure))) process.exitCode = 1;
}

/** `--peers-only`: the default catalog row and each size's pairs; rewrites the peers section alone. */
async function peersOnly(options) {
  const build = ensureBuild(repo, options.build);
  log(`build: ${build.note}`);
  options.machine = describeMachine(repo);
  preparePeers(options);
  const entries = [];
  if (options.default) entries.push(await benchDefaultCatalog({ runs: options.runs, machine: options.machine, keys: defaultKeys() }));
  for (const size of options.sizes) {
    const scratch = mkdtempSync(join(os.tmpdir(), `codebook-bench-peers-${size.label}-`));
    try {
      log(`${size.label}: writing a ${size.codes}-key catalog into ${scratch}`);
      const { config } = writeSyntheticCatalog(join(scratch, 'catalog'), { codes: size.codes });
      entries.push(
        await benchPeersSize({
          label: size.label,
          codes: size.codes,
          runs: size.peerRuns,
          config,
          scratch,
          versions: options.peerVersions,
          machine: options.machine,
        }),
      );
    } finally {
      if (options.keep) log(`${size.label}: kept ${scratch}`);
      else rmSync(scratch, { recursive: true, force: true });
    }
  }
  savePeers(entries, options);
  updateResultsFile(options.out);
  log(`rewrote the peers section of ${relative(process.cwd(), options.out) || options.out} (figures: bench/peers/latest.json)`);
}

/** The new results text with the sections other scripts wrote (warm-edit, compare-builds) kept from the old file. */
function keepOwned(file, text) {
  return existsSync(file) ? keepSections(readFileSync(file, 'utf8'), text, OWNED_SECTIONS) : text;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.peersOnly) return peersOnly(options);
  if (options.rerender) {
    writeFileSync(options.out, keepOwned(options.out, resultsMarkdown(JSON.parse(readFileSync(join(work, 'results.json'), 'utf8')))));
    log(`rewrote ${relative(process.cwd(), options.out) || options.out} from bench/.work/results.json`);
    return;
  }
  const load = [{ when: 'start', value: os.loadavg()[0] }];
  const build = ensureBuild(repo, options.build);
  options.machine = describeMachine(repo);
  if (options.peers) preparePeers(options);
  const { builtInTargets } = await import(pathToFileURL(join(repo, 'build/generator/targets/index.js')).href);
  const targets = builtInTargets.map((t) => t.id);
  log(`targets: ${targets.join(', ')}`);
  mkdirSync(work, { recursive: true });
  const scratch = mkdtempSync(join(os.tmpdir(), 'codebook-bench-default-'));

  const warm = await measureNode([cli, 'generate', '-q', '--no-cache', '-o', join(scratch, 'warm')], { cwd: repo });
  if (warm.code !== 0) log(`warning: the default catalog does not generate (exit ${warm.code}): ${warm.stderr.trim().split('\n')[0]}`);
  let defaultCatalog;
  if (options.default && warm.code === 0) {
    const samples = [];
    for (let i = 0; i < options.runs; i++) {
      const out = join(scratch, `out-${i}`);
      const r = await measureNode([cli, 'generate', '-q', '--no-cache', '-o', out], { cwd: repo });
      samples.push({ wallMs: r.wallMs, rssKiB: r.rssKiB, cpuMs: r.cpuMs });
      rmSync(out, { recursive: true, force: true });
    }
    defaultCatalog = { keys: defaultKeys(), samples };
    log(`default catalog: median ${sec(stats(samples).wall.median)}`);
  }
  rmSync(scratch, { recursive: true, force: true });

  const sizes = [];
  for (const size of options.sizes) sizes.push(await benchSize(size, targets, options));
  load.push({ when: 'end', value: os.loadavg()[0] });

  if (options.peers) {
    const entries = sizes.map((x) => x.peers);
    if (defaultCatalog)
      entries.unshift(
        await benchDefaultCatalog({ runs: options.runs, machine: options.machine, keys: defaultKeys(), reuse: defaultCatalog.samples }),
      );
    savePeers(entries, options);
  }
  const results = {
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: options.machine,
    build,
    load,
    targets,
    method: { runs: options.runs, budgetS: options.budget, tscOptions: TSC_OPTIONS },
    defaultCatalog,
    sizes: sizes.map(({ peers: _peers, ...x }) => ({
      ...x,
      tsc: x.tsc && { ...x.tsc, projects: x.tsc.projects.map((p) => ({ ...p, output: p.output.slice(0, 4000) })) },
    })),
  };
  writeFileSync(join(work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(options.out, keepOwned(options.out, resultsMarkdown(results)));
  log(`wrote ${relative(process.cwd(), options.out) || options.out} (raw figures: bench/.work/results.json)`);

  if (options.profile) {
    const r = spawnSync(process.execPath, [join(repo, 'bench/profile.mjs')], { cwd: repo, env: childEnv(), stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
  if (sizes.some((x) => x.scenarios.some((sc) => sc.failure))) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 2;
});
