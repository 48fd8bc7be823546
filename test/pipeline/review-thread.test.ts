/**
 * QA on a worker (generator/review-thread.ts): the built command line gives
 * the same bytes with the review's QA on a worker as in-process, and the
 * worker's findings are used only when it read the very texts the run did.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { fixtureCopy, readTree, runCli } from '../support/files.js';

describe('QA on a worker', () => {
  it('writes the same output as QA in-process, for the embedded catalog and a hostile one', () => {
    for (const [cwd, config] of [
      [repoRoot, join(repoRoot, 'codebook.config.json')],
      [fixtureCopy('hazards', 'codebook-review-thread-'), 'codebook.config.json'],
    ] as const) {
      const outs = ['0', '1'].map((thread) => {
        const out = join(fixtureCopy('hazards', 'codebook-review-thread-out-'), 'out');
        const run = runCli(['generate', '--no-cache', '--timings', '-q', '-c', config, '-o', out], cwd, { CODEBOOK_REVIEW_THREAD: thread });
        expect(run.code, run.stderr).toBe(0);
        // The timings name the wait for the worker only when there was one.
        expect(run.stderr.includes('review (thread)')).toBe(thread === '1');
        return readTree(out, { withState: true });
      });
      expect(outs[1]).toEqual(outs[0]);
    }
  });

  it("answers only for the texts it read: another file's text, or one file more or less, gets none", async () => {
    const { ReviewThread } = (await import(
      pathToFileURL(join(repoRoot, 'build/generator/review-thread.js')).href
    )) as typeof import('../../generator/review-thread.js');
    const { loadCatalog } = await import('../../generator/pipeline.js');
    const cwd = fixtureCopy('hazards', 'codebook-review-thread-');
    const { texts } = await loadCatalog({ cwd });
    const [first] = texts.keys();
    for (const other of [
      new Map([...texts].map(([path, text]) => [path, path === first ? `${text} ` : text])),
      new Map([...texts].slice(1)),
      new Map([...texts, ['locales/extra.json', '{}']]),
    ])
      expect(await new ReviewThread({ cwd }).findings(other)).toBeUndefined();
    const findings = await new ReviewThread({ cwd }).findings(texts);
    expect(findings?.length).toBeGreaterThan(0);
    // Origins come as plain places (SourceOrigin.toJSON), with every field an origin has.
    const origin = findings!.flatMap((f) => f.origins)[0]!;
    expect(Object.keys(origin).sort()).toEqual(['column', 'file', 'layer', 'line', 'pointer']);
  });
});
