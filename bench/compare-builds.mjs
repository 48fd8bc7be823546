// Before and after, per target: two checkouts' builds run the same synthetic catalog in pairs,
// alternately (before, after, before, after…), each a cold `generate --no-cache` of one target
// into a fresh folder. Prints a Markdown table of medians (wall, CPU, peak RSS) and the
// after ÷ before ratios, which are what to quote: both sides of a ratio shared the machine's load.
//
//   node bench/compare-builds.mjs --before /path/to/old/checkout [--after .] [--codes 100000] [--runs 3]
//                                 [--targets i18next,apple] [--all] [--write]
//
// `--write` also puts the table into its own section of bench/RESULTS.md (bench/run.mjs keeps it).
//
// Each checkout needs its `build/` (npm run build). The outputs of each pair are compared byte for
// byte: a change meant to be a pure speed-up that changed a byte is reported, not timed as fast.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { writeSection } from './lib/marked-section.mjs';
import { measureNode, summary } from './lib/measure.mjs';
import { writeSyntheticCatalog } from './synth-catalog.mjs';

function parseArgs(argv) {
  const o = { before: undefined, after: '.', codes: 100000, runs: 3, targets: undefined, all: false, write: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--before') o.before = argv[++i];
    else if (a === '--after') o.after = argv[++i];
    else if (a === '--codes') o.codes = Number(argv[++i]);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--targets') o.targets = argv[++i].split(',');
    else if (a === '--all') o.all = true;
    else if (a === '--write') o.write = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!o.before) throw new Error('--before <checkout> is required');
  return o;
}

/** Every file under `dir` by relative path (the output's own state folder left out). */
function tree(dir, prefix = '') {
  const files = new Map();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (path !== '.codebook') for (const [p, f] of tree(dir, path)) files.set(p, f);
    } else files.set(path, join(dir, path));
  }
  return files;
}

function sameTree(a, b) {
  const x = tree(a);
  const y = tree(b);
  if (x.size !== y.size) return `${x.size} vs ${y.size} files`;
  for (const [path, file] of x) {
    if (!y.has(path)) return `${path} missing after`;
    if (statSync(file).size !== statSync(y.get(path)).size || !readFileSync(file).equals(readFileSync(y.get(path))))
      return `${path} differs`;
  }
  return undefined;
}

async function runOnce(checkout, config, targets, scratch) {
  const out = mkdtempSync(join(scratch, 'out-'));
  const args = [join(checkout, 'build/generator/cli.js'), 'generate', '-q', '--no-cache', '-c', config, '-o', out];
  if (targets) args.push('--targets', targets);
  const result = await measureNode(args, { cwd: checkout });
  if (result.code !== 0) throw new Error(`${checkout} ${targets ?? 'all'} exited ${result.code}: ${result.stderr.slice(0, 2000)}`);
  return { ...result, out };
}

const commitOf = (dir) => execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
const fmt = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const mib = (kib) => `${Math.round(kib / 1024)} MiB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const before = resolve(o.before);
  const after = resolve(o.after);
  const ids = o.targets ?? (await import(join(after, 'build/generator/targets/index.js'))).builtInTargets.map((t) => t.id);
  const jobs = [...ids, ...(o.all || !o.targets ? [undefined] : [])];
  const scratch = mkdtempSync(join(os.tmpdir(), 'codebook-compare-'));
  try {
    const catalog = join(scratch, 'catalog');
    writeSyntheticCatalog(catalog, { codes: o.codes });
    const config = join(catalog, 'codebook.config.json');
    const rows = [];
    const differing = new Set();
    for (const targets of jobs) {
      const runs = { before: [], after: [] };
      for (let i = 0; i < o.runs; i++) {
        const pair = {};
        for (const side of i % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
          pair[side] = await runOnce(side === 'before' ? before : after, config, targets, scratch);
          runs[side].push(pair[side]);
        }
        const differs = sameTree(pair.before.out, pair.after.out);
        if (differs) {
          differing.add(targets ?? 'all targets');
          console.error(`compare-builds: ${targets ?? 'all targets'}: outputs differ (${differs})`);
        }
        rmSync(pair.before.out, { recursive: true, force: true });
        rmSync(pair.after.out, { recursive: true, force: true });
      }
      const s = (side, field) => summary(runs[side].map((r) => r[field])).median;
      rows.push({
        job: targets ?? 'all targets',
        ...Object.fromEntries(
          ['before', 'after'].flatMap((side) => ['wallMs', 'cpuMs', 'rssKiB'].map((f) => [`${side}.${f}`, s(side, f)])),
        ),
      });
      const r = rows.at(-1);
      console.error(
        `${r.job}: wall ${fmt(r['before.wallMs'])} → ${fmt(r['after.wallMs'])}, cpu ${fmt(r['before.cpuMs'])} → ${fmt(r['after.cpuMs'])}, rss ${mib(r['before.rssKiB'])} → ${mib(r['after.rssKiB'])}`,
      );
    }
    const lines = [
      `| target (${o.codes} keys × 3 locales, n = ${o.runs}) | wall before → after | CPU before → after | CPU after ÷ before | peak RSS before → after |`,
      '|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.job} | ${fmt(r['before.wallMs'])} → ${fmt(r['after.wallMs'])} | ${fmt(r['before.cpuMs'])} → ${fmt(r['after.cpuMs'])} | ${ratio(r['after.cpuMs'], r['before.cpuMs'])} | ${mib(r['before.rssKiB'])} → ${mib(r['after.rssKiB'])} |`,
      ),
    ];
    console.log(lines.join('\n'));
    if (o.write) {
      const compared = differing.size ? `they differ for ${[...differing].join(', ')}` : 'they were identical';
      const note = `Before: checkout ${commitOf(before)}; after: ${commitOf(after)}. Each job is a cold \`generate --no-cache\` of the same synthetic catalog, the two builds alternately, medians of n pairs; the outputs of each pair were compared byte for byte (${compared}).`;
      writeSection(
        join(after, 'bench/RESULTS.md'),
        after,
        'compare-builds',
        'Before and after, per target',
        `${note}\n\n${lines.join('\n')}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
