/**
 * The review's QA on a second thread. QA merges every layer stack and
 * checks each one (`reviewSources`): on a small catalog about a fifth of a
 * cold `generate`, and needed only by the last target, review. So while the
 * main thread plans and renders the other targets, a worker loads the same
 * config and layer files itself and runs QA; the review target waits for
 * its findings (origins as plain places: `SourceOrigin.toJSON`).
 *
 * Nothing is shared between the threads but the request and the answer, and
 * the answer is used only when the worker read the same bytes as the main
 * thread (every layer file's text is compared); otherwise, or when the
 * worker fails, QA runs in-process as before. Only a catalog of at most
 * MAX_MESSAGES messages goes to a worker, so a large one is never held
 * twice. The worker's module (review-thread-main.ts) sits beside this one,
 * in build/ and in the bundle; run from source there is none, and QA stays
 * in-process (as it does with CODEBOOK_REVIEW_THREAD=0).
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from './review/finding.js';

/** Above this many messages QA stays on the main thread (memory: the worker holds its own copy of the catalog). */
export const MAX_MESSAGES = 10_000;

export interface ReviewRequest {
  /** As the run was given them (`GenerateOptions.config`, `cwd`): the worker finds the same config. */
  config?: string;
  cwd: string;
}

export interface ReviewAnswer {
  /** JSON of the findings; undefined when the catalog did not load. */
  findings?: string;
  /** The text of every layer file the worker read, by display path. */
  texts: [string, string][];
}

const WORKER = new URL('./review-thread-main.js', import.meta.url);

/**
 * Starts QA on a worker when cores are free for it: at least MIN_CORES, of which the load over the
 * last minute leaves two idle. A worker costs ~0.15–0.19 s of CPU of its own (Node's start-up in
 * the worker is ~0.09 s of it) and ~40 MB; a run already keeps a second core about half busy with
 * V8's own threads (compilers, GC), so on two cores, or a busy machine, it only slows the run.
 * CODEBOOK_REVIEW_THREAD=1 starts one regardless, =0 never. Undefined (QA in-process) otherwise,
 * and when there is no worker module (run from source).
 */
export function startReviewThread(request: ReviewRequest): ReviewThread | undefined {
  const wanted = process.env.CODEBOOK_REVIEW_THREAD;
  if (wanted === '0' || (wanted !== '1' && !coresToSpare())) return undefined;
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  return new ReviewThread(request);
}

/** Fewer cores than this: QA stays in-process (see startReviewThread). */
export const MIN_CORES = 4;

function coresToSpare(): boolean {
  const cores = availableParallelism();
  return cores >= MIN_CORES && loadavg()[0]! + 2 <= cores;
}

export class ReviewThread {
  private readonly worker: Worker;
  private readonly answer: Promise<ReviewAnswer | undefined>;

  constructor(request: ReviewRequest) {
    const worker = (this.worker = new Worker(WORKER, { workerData: request }));
    this.answer = new Promise((resolve) => {
      worker.once('message', (answer: ReviewAnswer) => resolve(answer));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  }

  /** The worker's findings when it read exactly `texts` (the main thread's layer files); undefined otherwise. */
  async findings(texts: ReadonlyMap<string, string>): Promise<Finding[] | undefined> {
    const answer = await this.answer;
    if (
      answer?.findings === undefined ||
      answer.texts.length !== texts.size ||
      answer.texts.some(([path, text]) => texts.get(path) !== text)
    )
      return undefined;
    return JSON.parse(answer.findings) as Finding[];
  }

  /** Stops the worker if it is still running (a run that ended before its review target). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
