/**
 * The warm review merged from the edited keys alone (cache/warm-review.ts
 * partialFindings) on a catalog with two audiences and three layers: edits
 * of a text a later layer overrides, of a user override, of a source text,
 * and of texts that join or leave a group of equal texts each merge the
 * edited keys (and the keys their QA reads) alone, splice the review, and
 * write what a cold run writes, with its findings and diagnostics.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { StageTimer } from '../../generator/stage-timer.js';
import { readTree } from '../support/files.js';
import { QA_MESSAGES } from '../support/qa-texts.js';

type Texts = Record<string, string>;
interface MessagesFile {
  locale: string;
  sections?: Record<string, string>;
  messages: Texts;
  user?: Texts;
  userOverrides?: Texts;
}

const LOCALES = ['en', 'fr', 'ja'];

function write(dir: string, path: string, value: unknown): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
}

/** Rewrites one layer file as the project writes them (its layout kept but for the edited entries). */
function editFile(dir: string, path: string, edit: (data: MessagesFile) => void): void {
  const data = JSON.parse(readFileSync(join(dir, path), 'utf8')) as MessagesFile;
  edit(data);
  write(dir, path, data);
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-warm-audiences-'));
  write(dir, 'codebook.config.json', {
    sourceLocale: 'en',
    locales: LOCALES,
    namespace: 'errors',
    layers: [
      { name: 'registry', files: ['codes.json'] },
      { name: 'messages', files: ['messages/*.json'] },
      { name: 'fixes', files: ['fixes/*.json'] },
    ],
    review: { jargon: ['token'], userMessageMaxLength: 20 },
    // Not flutter, which plans whole after these edits and so would send every run to the whole load.
    targets: ['i18next', 'gettext', 'review'],
    out: 'dist',
  });
  write(dir, 'codes.json', {
    sections: [{ id: 'general' }],
    codes: [
      ...[1, 2, 3, 4, 5, 6].map((code) => ({ code, section: 'general', user: code % 2 ? 'retry' : 'busy', action: 'retry', fault: 'app' })),
      { key: 'unknown', section: 'general', user: 'retry', action: 'retry', fault: 'app', params: { code: { type: 'number' } } },
    ],
  });
  const messages = QA_MESSAGES;
  const user: Record<string, Texts> = {
    en: { retry: 'Please try again.', busy: 'Busy, try later.' },
    fr: { retry: 'Réessayez.', busy: 'Occupé.' },
    ja: { retry: 'もう一度お試しください。', busy: '混雑しています。' },
  };
  for (const locale of LOCALES) {
    const userOverrides: Texts = locale === 'en' ? { '4': 'Your disk is full, so nothing can be saved.' } : {};
    write(dir, `messages/${locale}.json`, {
      locale,
      sections: { general: locale },
      messages: { ...messages[locale], unknown: `? ${locale} {code}` },
      user: user[locale],
      userOverrides,
    });
    write(dir, `fixes/${locale}.json`, { locale, messages: locale === 'ja' ? { '3': 'ファイルがありません。' } : {} });
  }
  return dir;
}

async function warmRun(dir: string) {
  const timer = new StageTimer();
  const result = await generate({ config: join(dir, 'codebook.config.json'), cwd: dir, cache: true, timer });
  const stages = new Set(timer.stages.map(([name]) => name));
  return { result, warm: stages.has('review warm') && !stages.has('review whole') };
}

/** The same sources run cold: findings, output and diagnostics must be the warm run's. */
async function expectCold(dir: string, warm: Awaited<ReturnType<typeof warmRun>>, context: string): Promise<void> {
  const cold = mkdtempSync(join(tmpdir(), 'codebook-warm-audiences-cold-'));
  try {
    cpSync(dir, cold, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)([\\/]|$)/.test(path.slice(dir.length)) });
    const result = await generate({ config: join(cold, 'codebook.config.json'), cwd: cold, cache: false });
    expect(JSON.stringify(warm.result.findings), context).toEqual(JSON.stringify(result.findings));
    expect(readTree(join(dir, 'dist')), context).toEqual(readTree(join(cold, 'dist')));
    const plain = (ds: typeof result.diagnostics, root: string) => ds.map((d) => JSON.stringify(d).split(root).join('<project>')).sort();
    expect(plain(warm.result.diagnostics, dir), context).toEqual(plain(result.diagnostics, cold));
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}

describe('the warm review from the edited keys alone, two audiences', () => {
  it('merges the edited keys and those their QA reads, splices the review, and equals a cold run, edit after edit', async () => {
    const dir = project();
    try {
      const first = await warmRun(dir);
      expect(first.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const edits: [string, string, (data: MessagesFile) => void][] = [
        ['a first text edit', 'messages/ja.json', (d) => void (d.messages['6'] = '後でもう一度')],
        [
          'a fr text made equal to its duplicate’s (a finding goes)',
          'messages/fr.json',
          (d) => void (d.messages['2'] = 'Connexion perdue.'),
        ],
        [
          'a text the fixes layer overrides (a resolved finding changes)',
          'messages/ja.json',
          (d) => void (d.messages['3'] = 'ファイルがありません  '),
        ],
        ['a user override (user-too-long, user-jargon)', 'messages/en.json', (d) => void (d.userOverrides!['4'] = 'Your token is gone.')],
        ['a source text made equal to another (a finding comes)', 'messages/en.json', (d) => void (d.messages['4'] = 'File missing.')],
        ['a ja text joining a group of equal texts', 'messages/ja.json', (d) => void (d.messages['4'] = '後でもう一度')],
        ['the fixes layer’s text edited', 'fixes/ja.json', (d) => void (d.messages['3'] = 'ファイルが見つかりません。')],
      ];
      let mergedAlone = 0;
      for (const [what, file, edit] of edits) {
        editFile(dir, file, edit);
        const run = await warmRun(dir);
        expect(run.warm, what).toBe(true);
        expect(run.result.cache?.spliced, what).toContain('review');
        if (run.result.cache?.edited) mergedAlone++;
        await expectCold(dir, run, what);
      }
      // The first edit after the first run starts from a record made cold; the others are merged alone.
      expect(mergedAlone).toBeGreaterThanOrEqual(edits.length - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
