/**
 * The review worker (review-thread.ts): loads the catalog as `codebook review`
 * does and answers with its QA findings. The pipeline is imported only once
 * the code cache is in place (a static import would load the bundle first).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useCodeCache } from './code-cache.js';
import type { ReviewAnswer, ReviewRequest } from './review-thread.js';

useCodeCache();
const request = workerData as ReviewRequest;
void import('./pipeline.js')
  .then(({ review }) => review({ config: request.config, cwd: request.cwd }))
  .then((result) => {
    const answer: ReviewAnswer = { findings: result.findings && JSON.stringify(result.findings), texts: [...result.texts] };
    parentPort!.postMessage(answer);
  });
