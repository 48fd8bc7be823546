// Where the time goes: runs one cold `codebook generate` (default: a 100k-key synthetic catalog,
// all targets) under `node --cpu-prof` into bench/.work/profile/, then prints the top self-time
// functions (hitCount × sampling interval per functionName + url + line), the time by pipeline
// stage (the innermost stage function on each sample's stack) and the self time by package.
//
//   node bench/profile.mjs [--codes 100000] [--targets ids] [--config file] [--top 25]
//                          [--interval µs] [--analyse file.cpuprofile]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureNode } from './lib/measure.mjs';
import { writeSyntheticCatalog } from './synth-catalog.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const profileDir = join(repo, 'bench/.work/profile');

/** Pipeline stages, recognised by function name (and file); the innermost one on the stack wins. */
const STAGES = [
  ['loadConfig', '/config/', 'config: read + parse + schema'],
  ['parseJsonFile', '/json/json-file', 'parse: JSON.parse + duplicate-key count'],
  ['indexShallowValues', '/json/json-positions', 'positions: shallow index of a source file (on first use)'],
  ['indexPositions', '/json/json-file', 'positions: momoa tree (deep pointers, duplicates)'],
  ['validateAgainstSchema', '/json/schemas', 'schema: ajv on each source file'],
  ['loadLayers', '/catalog/load-layers', 'load: glob, read files'],
  ['mergeLayers', '/catalog/merge', 'merge: registry + messages, origins'],
  ['parseMessage', '/catalog/icu', 'validate: ICU parse (@formatjs)'],
  ['validateCatalog', '/catalog/validate', 'validate: semantic checks (excl. ICU parse)'],
  ['reviewSources', '/review/', 'review: QA across layer stacks'],
  ['plan', '/targets/', 'plan: target %s'],
  ['render', '/emit/render', 'render: handlebars'],
  ['emitTargets', '/pipeline', 'emit: plan/render loop glue'],
  ['add', '/output/', 'write: encode, compare, stage files'],
  ['commit', '/output/', 'write: rename staged files'],
];

function parseArgs(argv) {
  const o = { codes: 100000, targets: undefined, config: undefined, top: 25, interval: 1000, analyse: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--codes') o.codes = Number(v());
    else if (a === '--targets') o.targets = v();
    else if (a === '--config') o.config = resolve(v());
    else if (a === '--top') o.top = Number(v());
    else if (a === '--interval') o.interval = Number(v());
    else if (a === '--analyse' || a === '--analyze') o.analyse = resolve(v());
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const where = (url) =>
  url
    ? url
        .replace(/^file:\/\//, '')
        .replace(`${repo}/`, '')
        .replace(/^node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    : '';

function packageOf(frame) {
  const { functionName, url } = frame;
  if (!url && /^validate\d*$/.test(functionName)) return 'ajv (generated validators)';
  if (!url) return /^\(.*\)$/.test(functionName) ? functionName : 'V8 builtins (JSON.parse, RegExp, Array.sort, …)';
  if (url.startsWith('node:'))
    return url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')
      ? 'node: module loading'
      : 'node: internals (fs, buffers, …)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) return m[1];
  const g = /\/build\/generator\/(.+?)\.js$/.exec(url);
  return g ? `codebook ${g[1]}` : where(url);
}

/** Reads a .cpuprofile and computes self time per function, per stage and per package. */
export function analyse(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const intervalUs = (profile.endTime - profile.startTime) / profile.samples.length;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageMemo = new Map();
  const stageOf = (id) => {
    if (stageMemo.has(id)) return stageMemo.get(id);
    const { functionName, url } = byId.get(id).callFrame;
    const hit = STAGES.find(([name, path]) => functionName === name && url.includes(path));
    let stage;
    if (hit) stage = hit[2].replace('%s', (/targets\/([^/]+)\.js/.exec(url) ?? [])[1] ?? '?');
    else if (functionName === 'readFileHandle') stage = 'load: readFile + UTF-8 decoding';
    else if (/^node:internal\/(modules|deps\/cjs-module-lexer|bootstrap)/.test(url) || functionName === 'wrapSafe')
      stage = 'start-up: module loading';
    else if (parent.has(id)) stage = stageOf(parent.get(id));
    else stage = undefined;
    stageMemo.set(id, stage);
    return stage;
  };
  const self = new Map();
  const stages = new Map();
  const packages = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  for (const n of profile.nodes) {
    if (!n.hitCount) continue;
    const ms = (n.hitCount * intervalUs) / 1000;
    totalMs += ms;
    const f = n.callFrame;
    add(self, `${f.functionName || '(anonymous)'}\u0000${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`, ms);
    const pkg = packageOf(f);
    add(stages, stageOf(n.id) ?? (/^\(/.test(f.functionName) && !f.url ? f.functionName : 'other: pipeline glue, commander, async'), ms);
    add(packages, pkg, ms);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { intervalUs, totalMs, top: sorted(self).slice(0, top), stages: sorted(stages), packages: sorted(packages) };
}

function print(result, title) {
  const pct = (ms) => `${((100 * ms) / result.totalMs).toFixed(1).padStart(5)}%`;
  const ms = (x) => `${Math.round(x).toString().padStart(7)} ms`;
  const lines = [
    title,
    `sampled ${(result.totalMs / 1000).toFixed(2)} s at ${Math.round(result.intervalUs)} µs per sample`,
    '',
    `Top ${result.top.length} functions by self time:`,
  ];
  result.top.forEach(([key, t], i) => {
    const [fn, at] = key.split('\u0000');
    lines.push(`${String(i + 1).padStart(3)}. ${ms(t)} ${pct(t)}  ${fn}  ${at}`);
  });
  lines.push('', 'By pipeline stage (innermost stage function on the stack; GC and (program) on their own):');
  for (const [stage, t] of result.stages) if (t >= result.totalMs / 1000) lines.push(`  ${ms(t)} ${pct(t)}  ${stage}`);
  lines.push('', 'Self time by package / module:');
  for (const [pkg, t] of result.packages.slice(0, 20)) lines.push(`  ${ms(t)} ${pct(t)}  ${pkg}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.analyse) return print(analyse(o.analyse, o.top), `Profile ${relative(process.cwd(), o.analyse)}`);
  mkdirSync(profileDir, { recursive: true });
  const scratch = mkdtempSync(join(os.tmpdir(), 'codebook-profile-'));
  try {
    let config = o.config;
    let label = 'custom';
    if (!config) {
      label = o.codes % 1000 === 0 ? `${o.codes / 1000}k` : String(o.codes);
      process.stderr.write(`profile: writing a ${o.codes}-key catalog…\n`);
      config = writeSyntheticCatalog(join(scratch, 'catalog'), { codes: o.codes }).config;
    }
    const name = `generate-${label}${o.targets ? `-${o.targets.replace(/\W+/g, '_')}` : ''}.cpuprofile`;
    rmSync(join(profileDir, name), { force: true });
    const args = [
      // The command line as separate modules (rolldown.config.js keeps it), so that stages are told apart by file.
      join(repo, existsSync(join(repo, 'build/generator/cli-modules.js')) ? 'build/generator/cli-modules.js' : 'build/generator/cli.js'),
      'generate',
      '-q',
      '--no-cache',
      '-c',
      config,
      '-o',
      join(scratch, 'out'),
      ...(o.targets ? ['--targets', o.targets] : []),
    ];
    const nodeFlags = ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', name, '--cpu-prof-interval', String(o.interval)];
    process.stderr.write(`profile: node --cpu-prof … generate ${o.targets ? `--targets ${o.targets}` : '(all targets)'}\n`);
    // QA stays on the profiled thread (on a machine with idle cores a small catalog's would go to a worker: review-thread.ts).
    process.env.CODEBOOK_REVIEW_THREAD ??= '0';
    const r = await measureNode(args, { cwd: repo, nodeFlags });
    if (r.code !== 0) throw new Error(`generate failed (exit ${r.code}): ${r.stderr.slice(0, 2000)}`);
    const file = join(profileDir, name);
    if (!readdirSync(profileDir).includes(name)) throw new Error(`no profile written to ${file}`);
    print(
      analyse(file, o.top),
      `Profile ${relative(repo, file)}: wall ${(r.wallMs / 1000).toFixed(2)} s (with profiling on), peak RSS ${Math.round(r.rssKiB / 1024)} MiB`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`profile: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
}
