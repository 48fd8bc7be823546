/**
 * The review's warm QA (generator/cache/warm-review.ts, review/warm-qa.ts):
 * after a text edit only the edited keys and those sharing a group with
 * them are reviewed again, and the findings, the output and the diagnostics
 * are still a cold run's, whether the edit creates or removes a
 * cross-key finding, or edits an earlier layer's text that a later layer
 * overrides (a resolved finding). A config change reviews whole.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { StageTimer } from '../../generator/stage-timer.js';
import { reviewTarget } from '../../generator/targets/review.js';
import { fixtureCopy, readTree } from '../support/files.js';

async function warmRun(dir: string) {
  const timer = new StageTimer();
  const result = await generate({ config: join(dir, 'codebook.config.json'), cwd: dir, cache: true, timer });
  const stages = new Set(timer.stages.map(([name]) => name));
  return { result, warm: stages.has('review warm') && !stages.has('review whole'), whole: stages.has('review whole') };
}

/** The same sources run cold in a fresh folder: findings, output and diagnostics must be the warm run's. */
async function expectCold(dir: string, warm: Awaited<ReturnType<typeof warmRun>>): Promise<string> {
  const cold = mkdtempSync(join(tmpdir(), 'codebook-warm-review-cold-'));
  try {
    cpSync(dir, cold, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)([\\/]|$)/.test(path.slice(dir.length)) });
    const result = await generate({ config: join(cold, 'codebook.config.json'), cwd: cold, cache: false });
    const findings = JSON.stringify(result.findings);
    expect(JSON.stringify(warm.result.findings)).toEqual(findings);
    expect(readTree(join(dir, 'dist'))).toEqual(readTree(join(cold, 'dist')));
    const plain = (ds: typeof result.diagnostics) => ds.map((d) => JSON.stringify(d)).sort();
    expect(plain(warm.result.diagnostics)).toEqual(plain(result.diagnostics));
    return findings;
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}

type Messages = { messages: Record<string, string | { text: string }> };

function editFile(dir: string, file: string, edit: (data: Messages) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Messages;
  edit(data);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

const textOf = (value: string | { text: string } | undefined) => (typeof value === 'string' ? value : value?.text);

/** The hazards fixture with a third layer `app`, cold-run once so the next runs are warm. */
async function project(): Promise<string> {
  const dir = fixtureCopy('hazards', 'codebook-warm-review-');
  const configPath = join(dir, 'codebook.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { layers: { name: string; files: string[] }[] };
  config.layers.push({ name: 'app', files: ['app/*.json'] });
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  mkdirSync(join(dir, 'app'));
  // Laid out as the edits write them: a reformatted file moves origins, which reviews whole.
  for (const locale of ['en', 'ja', 'ko', 'ru', 'ar', 'fr', 'zh-Hans', 'pt-BR'])
    editFile(dir, `locales/${locale}/messages.json`, () => undefined);
  // Key 2's ja text comes from the app layer, over the messages layer's.
  writeFileSync(
    join(dir, 'app/ja.json'),
    `${JSON.stringify({ locale: 'ja', messages: { '2': '@home は参照ではありません。' } }, null, 2)}\n`,
  );
  editFile(dir, 'locales/ja/messages.json', (data) => {
    data.messages['2'] = '@home は参照ではありません';
  });
  const first = await warmRun(dir);
  expect(first.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return dir;
}

describe('the warm review', () => {
  it('reviews only what an edit touches and equals a cold run, edit after edit', async () => {
    const dir = await project();
    for (const [locale, key, word] of [
      ['ja', '1', '今すぐ'],
      ['en', '2', 'really'],
      ['ja', '-302', 'もう一度'],
    ] as const) {
      // The word goes first: the end punctuation stays, and so does the set of rules found, so the rows are spliced.
      editFile(dir, `locales/${locale}/messages.json`, (data) => {
        data.messages[key] = `${word} ${textOf(data.messages[key])}`;
      });
      const run = await warmRun(dir);
      expect(run.warm, `${locale} ${key}`).toBe(true);
      expect(run.result.cache?.spliced, `${locale} ${key}`).toContain('review');
      await expectCold(dir, run);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('an edit that makes two source texts equal creates a duplicate-diverging finding, and its undo removes it', async () => {
    const dir = await project();
    const en = (JSON.parse(readFileSync(join(dir, 'locales/en/messages.json'), 'utf8')) as Messages).messages;
    const before = textOf(en['-302'])!;
    const diverging = (findings: { ruleId: string; key: string }[] | undefined) =>
      (findings ?? []).filter((f) => f.ruleId === 'qa/duplicate-diverging' && (f.key === '-302' || f.key === '1'));
    // -302 and 1 have different ja texts: with one en text, the ja texts diverge.
    editFile(dir, 'locales/en/messages.json', (data) => {
      data.messages['-302'] = textOf(data.messages['1'])!;
    });
    const created = await warmRun(dir);
    expect(created.warm).toBe(true);
    expect(diverging(created.result.findings).length).toBeGreaterThan(0);
    await expectCold(dir, created);
    editFile(dir, 'locales/en/messages.json', (data) => {
      data.messages['-302'] = before;
    });
    const removed = await warmRun(dir);
    expect(removed.warm).toBe(true);
    expect(diverging(removed.result.findings)).toEqual([]);
    await expectCold(dir, removed);
    rmSync(dir, { recursive: true, force: true });
  });

  it("merged from the edited key alone: a ja text made equal to another key's is reviewed with the keys of its group, which the edit did not touch", async () => {
    const dir = await project();
    const ja = (JSON.parse(readFileSync(join(dir, 'locales/ja/messages.json'), 'utf8')) as Messages).messages;
    const before = textOf(ja['1'])!;
    // A first edit elsewhere: the run after the project's first one records what an edit merged alone starts from.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['6014'] = `今すぐ ${textOf(data.messages['6014'])}`;
    });
    await expectCold(dir, await warmRun(dir));
    // -302 comes first in key order: the finding of a group of equal ja texts with different en texts is on -302.
    const onFirst = (findings: { ruleId: string; key: string; message: string }[] | undefined) =>
      (findings ?? []).filter((f) => f.ruleId === 'qa/duplicate-diverging' && f.key === '-302' && f.message.includes(' ja text '));
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['1'] = textOf(data.messages['-302'])!;
    });
    const created = await warmRun(dir);
    expect(created.warm).toBe(true);
    expect(created.result.cache?.edited?.keys).toBe(1);
    expect(created.result.cache?.spliced).toContain('review');
    expect(onFirst(created.result.findings).length).toBeGreaterThan(0);
    await expectCold(dir, created);
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['1'] = before;
    });
    const removed = await warmRun(dir);
    expect(removed.warm).toBe(true);
    expect(removed.result.cache?.edited?.keys).toBe(1);
    expect(onFirst(removed.result.findings)).toEqual([]);
    await expectCold(dir, removed);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an edit of an earlier layer text that a later layer overrides changes the resolved findings', async () => {
    const dir = await project();
    const resolvedOn2 = (findings: { key: string; resolvedBy?: unknown; layer: string }[] | undefined) =>
      (findings ?? []).filter((f) => f.key === '2' && f.resolvedBy && f.layer === 'messages');
    const start = resolvedOn2((await warmRun(dir)).result.findings);
    // Trailing spaces in the overridden text: a whitespace finding of the messages stack, resolved by the app layer.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['2'] = '@home は参照ではありません  ';
    });
    const run = await warmRun(dir);
    expect(run.warm).toBe(true);
    expect(resolvedOn2(run.result.findings).length).toBeGreaterThan(start.length);
    // The merged texts are as they were: only key 2's row changes, with its findings.
    expect(run.result.cache?.spliced).toContain('review');
    await expectCold(dir, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a page whose finding counts change gets them spliced with the edited rows: the review is planned once, for those rows', async () => {
    const dir = await project();
    const plans = vi.spyOn(reviewTarget, 'planOfKeys');
    try {
      // A trailing double space: key 1 gets a whitespace finding, so its page's counts change.
      editFile(dir, 'locales/ja/messages.json', (data) => {
        data.messages['1'] = `${textOf(data.messages['1'])}  `;
      });
      const run = await warmRun(dir);
      expect(run.warm).toBe(true);
      expect(run.result.cache?.spliced).toContain('review');
      expect(run.result.findings?.some((f) => f.key === '1' && f.ruleId === 'qa/whitespace')).toBe(true);
      expect(plans.mock.calls.map(([, keys]) => [...keys].sort())).toEqual([['1']]);
      await expectCold(dir, run);
    } finally {
      plans.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts an edit changes (states, findings by locale, section and rule) come from the recorded key table and findings, each run a cold one's", async () => {
    const dir = await project();
    // A first edit elsewhere: the run after the project's first one records what an edit merged alone starts from.
    // Key 1's ja text becomes an object (a text with its state), which the steps below edit.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['6014'] = `今すぐ ${textOf(data.messages['6014'])}`;
      data.messages['1'] = { text: textOf(data.messages['1'])!, state: 'translated' } as Messages['messages'][string];
    });
    await expectCold(dir, await warmRun(dir));
    const read = (file: string) => readFileSync(join(dir, 'dist/review', file), 'utf8');
    const set = (key: string, value: string | { text: string; state: string }) => (data: Messages) => {
      data.messages[key] = value as Messages['messages'][string];
    };
    const ja = (JSON.parse(readFileSync(join(dir, 'locales/ja/messages.json'), 'utf8')) as Messages).messages;
    // Each step: what it does and the file whose counts it changes (index.html counts states and findings per locale, section and rule).
    const steps: [string, (data: Messages) => void, string][] = [
      ['a state made final', set('1', { text: textOf(ja['1'])!, state: 'final' }), 'index.html'],
      ['a finding appearing (trailing spaces)', set('8', `${textOf(ja['8'])}  `), 'index.html'],
      ['the finding resolved', set('8', textOf(ja['8'])!), 'index.html'],
      ['a state back to translated', set('1', { text: textOf(ja['1'])!, state: 'translated' }), 'index.html'],
    ];
    for (const [what, edit, changes] of steps) {
      const before = read(changes);
      editFile(dir, 'locales/ja/messages.json', edit);
      const run = await warmRun(dir);
      expect(run.warm, what).toBe(true);
      expect(run.result.cache?.edited?.keys, what).toBe(1);
      expect(run.result.cache?.spliced, what).toContain('review');
      expect(read(changes), what).not.toEqual(before);
      await expectCold(dir, run);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('with strict on, warnings shown as errors keep their display order from run to run (the kept findings are the recorded ones)', async () => {
    const dir = await project();
    const configPath = join(dir, 'codebook.config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(configPath, `${JSON.stringify({ ...config, review: { strict: true } }, null, 2)}\n`);
    await expectCold(dir, await warmRun(dir));
    // A first edit elsewhere: the run after a whole one records what an edit merged alone starts from.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['6014'] = `今すぐ ${textOf(data.messages['6014'])}`;
    });
    await expectCold(dir, await warmRun(dir));
    for (const [key, text] of [
      ['8', (t: string) => `${t}  `],
      ['1', (t: string) => `今すぐ ${t}`],
      ['8', (t: string) => t.trimEnd()],
    ] as const) {
      editFile(dir, 'locales/ja/messages.json', (data) => {
        data.messages[key] = text(textOf(data.messages[key])!);
      });
      const run = await warmRun(dir);
      expect(run.warm, key).toBe(true);
      expect(run.result.cache?.edited?.keys, key).toBe(1);
      await expectCold(dir, run);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('without the recorded review state, an edit merged alone falls back to the whole catalog and reviews whole', async () => {
    const dir = await project();
    const cache = join(dir, 'node_modules/.cache/codebook');
    const states = readdirSync(cache).filter((name) => name.endsWith('.review.bin'));
    expect(states.length).toBe(1);
    rmSync(join(cache, states[0]!));
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['1'] = `今すぐ ${textOf(data.messages['1'])}`;
    });
    const run = await warmRun(dir);
    expect(run.whole).toBe(true);
    expect(run.result.cache?.edited).toBeUndefined();
    await expectCold(dir, run);
    // The state is written again: the next edit is merged alone.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['1'] = `もう一度 ${textOf(data.messages['1'])}`;
    });
    const next = await warmRun(dir);
    expect(next.warm).toBe(true);
    expect(next.result.cache?.edited?.keys).toBe(1);
    await expectCold(dir, next);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a key added reviews whole', async () => {
    const dir = await project();
    const registryPath = join(dir, 'locales/codes.json');
    const registry = JSON.parse(readFileSync(registryPath, 'utf8')) as { codes: object[] };
    registry.codes.push({ code: 99999, section: 'general', description: 'Added.' });
    writeFileSync(registryPath, `${JSON.stringify(registry, null, 2)}\n`);
    editFile(dir, 'locales/en/messages.json', (data) => {
      data.messages['99999'] = 'Added.';
    });
    const run = await warmRun(dir);
    expect(run.whole).toBe(true);
    expect(run.warm).toBe(false);
    expect(run.result.cache?.spliced ?? []).not.toContain('review');
    await expectCold(dir, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a severity changed in the config reviews whole', async () => {
    const dir = await project();
    const configPath = join(dir, 'codebook.config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(configPath, `${JSON.stringify({ ...config, review: { severities: { 'qa/whitespace': 'error' } } }, null, 2)}\n`);
    const run = await warmRun(dir);
    expect(run.whole).toBe(true);
    expect(run.warm).toBe(false);
    await expectCold(dir, run);
    // And the next text edit is warm again, under the new severities.
    editFile(dir, 'locales/ja/messages.json', (data) => {
      data.messages['1'] = `${textOf(data.messages['1'])} 今すぐ`;
    });
    const next = await warmRun(dir);
    expect(next.warm).toBe(true);
    await expectCold(dir, next);
    rmSync(dir, { recursive: true, force: true });
  });
});
