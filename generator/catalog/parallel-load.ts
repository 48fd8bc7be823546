/**
 * The load stage on both cores. For a large catalog the main thread reads
 * the layer files into shared memory, starts a worker that runs the whole
 * load with every check over the same bytes (layer-checks-worker.ts), and
 * meanwhile decodes and parses the files itself as if every check passed,
 * so the merge and the semantic checks can run while the worker checks
 * (depth, duplicate members, schema, number forms: about a third of a cold
 * run's fixed cost at 100k keys). The worker returns only what it found;
 * when that leaves a file out, the caller merges again without it.
 * Diagnostics, failed files and kept files are the worker's, hence exactly
 * those of loadLayers.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { open, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Worker as WorkerThread } from 'node:worker_threads';
import type { Config } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LayerLoad, type LayerRead, type LoadOptions, type LoadSettings, type LoadVerdict } from './layer-load.js';
import type { LayerChecksJob } from './layer-checks-worker.js';
import { loadSettings, readLayers } from './load-layers.js';
import type { LoadedLayers } from './source-files.js';

/** Below this many bytes of layer files the checks cost less than starting a worker (~40 ms of the other core): one thread does all. */
export const PARALLEL_LOAD_BYTES = 2_000_000;

/**
 * The worker's module, where tsc writes it. In the bundle (build/generator/bundle/) as in
 * build/generator/catalog/, `..` is build/generator/; run from source (tests), it is absent.
 */
const WORKER_FILE = fileURLToPath(new URL('../catalog/layer-checks-worker.js', import.meta.url));

export interface EarlyLoad {
  /** The layers as they load if every file passes its checks: what the merge may start from. */
  layers: LoadedLayers;
  /** The layers once checked, as loadLayers loads them; `files` is the very array of `layers` when the checks left no file out. */
  checked: Promise<LoadedLayers>;
}

/**
 * loadLayers (without `deferred`) in two steps. `parallel`: whether the checks run in a worker; by
 * default when the files add up to PARALLEL_LOAD_BYTES, a second core is free enough, and the
 * worker's module was built.
 */
export async function loadLayersEarly(
  config: Config,
  globbed?: readonly string[][],
  trusted?: ReadonlyMap<string, number>,
  { parallel }: { parallel?: boolean | undefined } = {},
): Promise<EarlyLoad> {
  const diagnostics: Diagnostic[] = [];
  const reads = await readLayers(config, globbed, diagnostics, readShared);
  const settings = loadSettings(config);
  const options = trusted ? { trusted } : {};
  const size = reads.reduce((sum, read) => sum + read.bytes.length, 0);
  if (!(parallel ?? (size >= PARALLEL_LOAD_BYTES && secondCoreFree() && existsSync(WORKER_FILE)))) {
    const load = new LayerLoad(settings, options);
    reads.forEach((read, i) => load.add(read, i));
    const layers = load.result(diagnostics);
    return { layers, checked: Promise.resolve(layers) };
  }
  const verdict = checkInWorker({ settings, options, reads });
  const early = new LayerLoad(settings, { assumeClean: true });
  reads.forEach((read, i) => early.add(read, i));
  const layers = early.result(diagnostics);
  const checked = verdict.then((found) => checkedLayers(layers, early.kept, diagnostics, found));
  return { layers, checked };
}

/**
 * Whether a worker would get a fair share of a core: more than one core, and fewer than two
 * runnable threads per core on average over the last minute (os.loadavg; always 0 on Windows).
 * Measured on 2 shared cores at 100k keys (worker forced vs one thread, medians of 5-7 pairs): with
 * the 1-minute load at 3-5 the worker made `validate` 2.08 → 1.79 s and `-t i18next` 2.87 → 2.56 s
 * wall for ~0.35 s more CPU; at 5.5-7 it lost (3.87 → 4.05 s, 5.58 → 5.81 s): the main thread
 * then waits for the core the worker holds.
 */
function secondCoreFree(): boolean {
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0]! < 2 * cores;
}

/** The early layers as the checks found them: their parsed files, the checks' everything else. */
function checkedLayers(early: LoadedLayers, earlyKept: readonly number[], read: readonly Diagnostic[], found: LoadVerdict): LoadedLayers {
  const same = found.kept.length === earlyKept.length && found.kept.every((index, i) => earlyKept[i] === index);
  const byRead = new Map(earlyKept.map((index, i) => [index, early.files[i]!]));
  return {
    // A file the checks keep parsed the same here: the same bytes, decoded and parsed alike.
    files: same ? early.files : found.kept.map((index) => byRead.get(index)!),
    failed: found.failed,
    texts: early.texts,
    diagnostics: [...read, ...found.diagnostics],
    hashes: found.hashes,
    clean: found.clean,
  };
}

/** The verdict of the checks, from a worker; from this thread when the worker fails (never a rejection). */
function checkInWorker(job: LayerChecksJob): Promise<LoadVerdict> {
  return new Promise((resolve) => {
    const onThisThread = () => resolve(checkHere(job.settings, job.options, job.reads));
    let worker: WorkerThread;
    try {
      // Loaded here: ~1.5 ms of every start otherwise, for runs that never start a worker.
      const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
      worker = new Worker(WORKER_FILE, { workerData: job });
    } catch {
      onThisThread();
      return;
    }
    let done = false;
    worker.once('message', (verdict: LoadVerdict) => {
      done = true;
      resolve(verdict);
    });
    worker.once('error', () => {
      if (!done) onThisThread();
      done = true;
    });
    worker.once('exit', () => {
      if (!done) onThisThread();
      done = true;
    });
  });
}

function checkHere(settings: LoadSettings, options: LoadOptions, reads: readonly LayerRead[]): LoadVerdict {
  const load = new LayerLoad(settings, { ...options, retain: false });
  reads.forEach((read, i) => load.add(read, i));
  return load.verdict();
}

/** A file's bytes in memory the worker shares (no copy for it); an empty or unusual file as readFile reads it. */
async function readShared(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return await readFile(handle);
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
