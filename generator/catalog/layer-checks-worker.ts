/**
 * Worker entry (parallel-load.ts): the layer load with every check, over the
 * bytes the main thread shares, one file at a time. It sends back only what
 * the checks found (diagnostics, failed files, the reads kept), never a
 * parsed file, so the catalog exists once, on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useCodeCache } from '../code-cache.js';
import { LayerLoad, type LayerRead, type LoadOptions, type LoadSettings } from './layer-load.js';

export interface LayerChecksJob {
  settings: LoadSettings;
  options: Pick<LoadOptions, 'trusted' | 'deferred'>;
  reads: LayerRead[];
}

// The precompiled validators are CommonJS below build/generator/: compiled from the build's code cache, as on the main thread.
useCodeCache();
const job = workerData as LayerChecksJob;
const load = new LayerLoad(job.settings, { ...job.options, retain: false });
job.reads.forEach((read, i) => load.add(read, i));
parentPort!.postMessage(load.verdict());
