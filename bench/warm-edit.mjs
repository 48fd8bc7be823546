// The save a user feels: one message edited in a synthetic catalog, then `codebook generate` with
// its incremental cache warm (a cold process, as the CLI runs after each save), all targets.
// Also the run with nothing changed, a cold `--no-cache` run for scale, and a first run with the cache
// on (no output, no cache: what recording the cache adds to a cold run). Prints medians.
//
//   node bench/warm-edit.mjs [--codes 100000] [--runs 3] [--targets ids] [--also ids] [--write]
//
// `--also ids` measures a second set of targets in the same run, in its own output folder and
// cache (the bench's note compares all targets with all but review, whose QA is not incremental).
//
// "I/O floor" is bench/io-floor.mjs on copies of the output files the edit's run changed: node's
// start-up, and reading and replacing those files, with nothing computed. No warm edit can take less.
//
// `--write` also puts the table into its own section of bench/RESULTS.md (bench/run.mjs keeps it).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editOne } from './lib/edit-one.mjs';
import { writeSection } from './lib/marked-section.mjs';
import { measureNode, summary } from './lib/measure.mjs';
import { writeSyntheticCatalog } from './synth-catalog.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'build/generator/cli.js');
const ioFloor = join(repo, 'bench/io-floor.mjs');
const watchEdit = join(repo, 'bench/watch-edit.mjs');

function parseArgs(argv) {
  const o = { codes: 100000, runs: 3, targets: undefined, also: undefined, write: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--codes') o.codes = Number(argv[++i]);
    else if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--targets') o.targets = argv[++i];
    else if (argv[i] === '--also') o.also = argv[++i];
    else if (argv[i] === '--write') o.write = true;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

/** Each file below `dir` (the cache's own folder left out) with its inode and mtime: what a run replaced shows as a new pair. */
function filesOf(dir) {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const info = statSync(path);
    files.set(path, { id: `${info.ino}:${info.mtimeMs}`, size: info.size });
  }
  return files;
}

/** The files of `after` that are new or replaced since `before`. */
function changedFiles(before, after) {
  return [...after]
    .filter(([path, { id }]) => before.get(path)?.id !== id && !path.includes('.codebook'))
    .map(([path, f]) => ({ path, size: f.size }));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(os.tmpdir(), 'codebook-warm-edit-'));
  try {
    writeSyntheticCatalog(dir, { codes: o.codes });
    const sets = [o.targets, ...(o.also ? [o.also] : [])];
    const lines = [];
    const measured = [];
    for (const [n, targets] of sets.entries()) {
      const base = [
        cli,
        'generate',
        '-q',
        '-c',
        join(dir, 'codebook.config.json'),
        '-o',
        join(dir, `out-${n}`),
        ...(targets ? ['--targets', targets] : []),
      ];
      const run = async (extra = []) => {
        const r = await measureNode([...base, ...extra], { cwd: dir });
        if (r.code !== 0) throw new Error(`generate exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
        return r;
      };
      await run(); // fills the output and the cache
      const figures = { edit: [], floor: [], unchanged: [], cold: [] };
      const written = [];
      for (let i = 0; i < o.runs; i++) {
        editOne(join(dir, 'locales/ja/messages.json'), n * o.runs + i);
        const before = filesOf(join(dir, `out-${n}`));
        figures.edit.push(await run());
        const changed = changedFiles(before, filesOf(join(dir, `out-${n}`)));
        written.push(changed.reduce((sum, f) => sum + f.size, 0));
        // On copies: replacing the outputs themselves would leave the next run spliced files it no longer trusts.
        const copies = changed.map((f, k) => {
          const copy = join(dir, 'floor', String(k));
          mkdirSync(dirname(copy), { recursive: true });
          copyFileSync(f.path, copy);
          return copy;
        });
        figures.floor.push(await measureNode([ioFloor, ...copies]));
        rmSync(join(dir, 'floor'), { recursive: true, force: true });
        figures.unchanged.push(await run());
        figures.cold.push(await run(['--no-cache']));
      }
      // The same edits in one long-lived `--watch` process (after the cold runs: its first run finds the cache warm).
      const config = join(dir, 'codebook.config.json');
      const watched = await measureNode([
        watchEdit,
        config,
        join(dir, `out-${n}`),
        String(1000 + n * o.runs),
        String(o.runs),
        targets ?? '',
      ]);
      if (watched.code !== 0) throw new Error(`watch-edit exited ${watched.code}: ${watched.stderr.slice(0, 2000)}`);
      const watchRuns = JSON.parse(watched.stdout).runs;
      figures.watch = watchRuns.map((r) => ({ wallMs: r.runMs, cpuMs: r.cpuMs, rssKiB: watched.rssKiB }));
      figures.saveToDone = watchRuns.map((r) => ({ wallMs: r.saveToDoneMs }));
      measured.push({ n, targets, figures, written, run });
    }
    // First runs (no output, no cache: a clean checkout, a CI build) come last: the GB each writes is written back to
    // disk for a while after, which slowed the edits measured after them (by 0.3-0.6 s of kernel time at 100k).
    for (const { n, figures, run } of measured) {
      figures.first = [];
      for (let i = 0; i < o.runs; i++) {
        rmSync(join(dir, `out-${n}`), { recursive: true, force: true });
        rmSync(join(dir, 'node_modules/.cache'), { recursive: true, force: true });
        figures.first.push(await run());
      }
    }
    for (const { n, targets, figures, written } of measured) {
      const fmt = (rs, field) => summary(rs.map((r) => r[field])).median;
      lines.push(
        ...(n > 0 ? [''] : []),
        `| ${o.codes} keys × 3 locales, ${targets ? `\`${targets}\`` : 'all targets'} (n = ${o.runs}) | wall | CPU | peak RSS |`,
        '|---|---|---|---|',
        ...[
          ['edit', 'one ja message edited, cache warm'],
          ['floor', `I/O floor: the ${(summary(written).median / 1048576).toFixed(0)} MiB of output it changed, read and replaced`],
          ['unchanged', 'nothing changed, cache warm'],
          ['cold', 'cold, `--no-cache`'],
          ['first', 'first run, cache on: no output folder, no cache (a clean checkout, a CI build)'],
          ['watch', 'in `--watch`: the run after one ja message edited (peak RSS: the whole watch process)'],
          ['saveToDone', 'in `--watch`: save to done (adds the file event and the 100 ms debounce)'],
        ].map(([name, label]) => {
          const cell = (field, unit) => (figures[name][0][field] === undefined ? '–' : unit(fmt(figures[name], field)));
          const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
          return `| ${label} | ${cell('wallMs', seconds)} | ${cell('cpuMs', seconds)} | ${cell('rssKiB', (kib) => `${Math.round(kib / 1024)} MiB`)} |`;
        }),
      );
    }
    console.log(lines.join('\n'));
    if (o.write) {
      const note =
        'Each figure is a cold process (`generate -q`, as the CLI runs after a save), medians of n. "Edited" appends a word to one ja message of `locales/ja/messages.json` in place (a different one each time, the formatting of the file kept, as an editor saves it), with the incremental cache warm from the run before; issue 13 asks ≤ 1.0 s at 100k.';
      writeSection(
        join(repo, 'bench/RESULTS.md'),
        repo,
        'warm-edit',
        'One message edited: the warm path',
        `${note}\n\n${lines.join('\n')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
