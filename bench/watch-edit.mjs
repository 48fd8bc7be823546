// `codebook generate --watch` after a save: one long-lived process (the built library's
// watchGenerate, as the CLI's --watch runs it) over a catalog whose output and cache exist; each
// edit is one ja message changed in place (lib/edit-one.mjs). Prints one JSON line:
//   { runs: [{ runMs, saveToDoneMs, cpuMs }] }
// runMs is the regeneration (what the CLI prints as "generated in"); saveToDoneMs adds the file
// watcher's event and the 100 ms debounce. bench/warm-edit.mjs spawns this and reports medians.
//
//   node bench/watch-edit.mjs <config> <out> <first edit number> <edits> [targets]
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { editOne } from './lib/edit-one.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [config, out, first, edits, targets] = process.argv.slice(2);
const { watchGenerate } = await import(pathToFileURL(join(repo, 'build/generator/watch/watch.js')).href);

let waiting;
const handle = await watchGenerate(
  { config, out, cache: true, ...(targets ? { targets: targets.split(',') } : {}) },
  (run) => {
    const errors = run.result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || !run.result.written) throw new Error(`watch run failed: ${JSON.stringify(errors.slice(0, 3))}`);
    waiting?.(run);
  },
  (error) => {
    throw error;
  },
);
const runs = [];
for (let i = 0; i < Number(edits); i++) {
  const done = new Promise((resolveRun) => (waiting = resolveRun));
  const cpu = process.cpuUsage();
  const saved = performance.now();
  editOne(join(dirname(config), 'locales/ja/messages.json'), Number(first) + i);
  const run = await done;
  const used = process.cpuUsage(cpu);
  runs.push({ runMs: run.ms, saveToDoneMs: performance.now() - saved, cpuMs: (used.user + used.system) / 1000 });
}
await handle.close();
console.log(JSON.stringify({ runs }));
