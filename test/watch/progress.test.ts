/**
 * The progress display: a StageTimer that names each stage on an ora
 * spinner, only on an interactive terminal. The spawned CLI tests cover the
 * other half (stderr is a pipe there, and nothing but the usual lines shows).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressTimer, stageLabel } from '../../generator/progress/progress-timer.js';

function fakeStream(isTTY: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY: boolean; columns: number };
  stream.isTTY = isTTY;
  stream.columns = 100;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress', () => {
  it('shows each stage as it starts and keeps the timings', async () => {
    const { stream, text } = fakeStream(false);
    const progress = ProgressTimer.start({ stream, enabled: true })!;
    expect(progress).toBeDefined();
    await progress.timeAsync('load layers', async () => undefined);
    progress.time('merge', () => undefined);
    progress.time('plan i18next', () => undefined);
    progress.time('render i18next', () => undefined);
    progress.time('render i18next', () => undefined);
    progress.stop();
    await new Promise((r) => setImmediate(r));
    for (const label of [
      'codebook: loading layers',
      'codebook: merging layers',
      'codebook: planning i18next',
      'codebook: rendering i18next',
    ])
      expect(text()).toContain(label);
    expect(progress.stages.map(([name]) => name)).toEqual(['load layers', 'merge', 'plan i18next', 'render i18next']);
  });

  it('is not created when the stream is not an interactive terminal', () => {
    const { stream, text } = fakeStream(false);
    expect(ProgressTimer.start({ stream })).toBeUndefined();
    expect(text()).toBe('');
  });

  it('names stages for people', () => {
    expect(stageLabel('validate')).toBe('validating');
    expect(stageLabel('plan lookup-kotlin')).toBe('planning lookup-kotlin');
    expect(stageLabel('cache')).toBe('checking the incremental cache');
  });
});
