/**
 * review/warm-qa.ts on a catalog with two audiences and three layers: after
 * an edit of some keys' texts, the warm review (the last findings, only the
 * edited keys and those sharing a group with them reviewed again) equals the
 * whole review, for edits of user overrides, of texts a later layer
 * overrides, and of texts that join or leave a group of equal texts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../generator/pipeline.js';
import { cutOfCatalog, warmQa, wholeQa, type QaInput } from '../../generator/review/warm-qa.js';
import { QA_MESSAGES } from '../support/qa-texts.js';

type Texts = Record<string, Record<string, string>>;

/** Writes the project: registry, messages layer, fixes layer; returns its loaded QA input. */
async function load(dir: string, messages: Texts, fixes: Texts, overrides: Texts): Promise<QaInput> {
  const write = (path: string, value: unknown) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
  };
  write('codebook.config.json', {
    sourceLocale: 'en',
    locales: ['en', 'fr', 'ja'],
    namespace: 'errors',
    layers: [
      { name: 'registry', files: ['codes.json'] },
      { name: 'messages', files: ['messages/*.json'] },
      { name: 'fixes', files: ['fixes/*.json'] },
    ],
    review: { jargon: ['token'], userMessageMaxLength: 20 },
    out: 'dist',
  });
  write('codes.json', {
    sections: [{ id: 'general' }],
    codes: [
      ...[1, 2, 3, 4, 5, 6].map((code) => ({ code, section: 'general', user: code % 2 ? 'retry' : 'busy', action: 'retry' })),
      { key: 'unknown', section: 'general', user: 'retry', action: 'retry', fault: 'app' },
    ],
  });
  const user: Texts = {
    en: { retry: 'Please try again.', busy: 'Busy, try later.' },
    fr: { retry: 'Réessayez.', busy: 'Occupé.' },
    ja: { retry: 'もう一度お試しください。', busy: '混雑しています。' },
  };
  for (const locale of ['en', 'fr', 'ja']) {
    write(`messages/${locale}.json`, {
      locale,
      sections: { general: locale },
      messages: { ...messages[locale], unknown: `? ${locale}` },
      user: user[locale],
      userOverrides: overrides[locale] ?? {},
    });
    write(`fixes/${locale}.json`, { locale, messages: fixes[locale] ?? {} });
  }
  const result = await loadCatalog({ config: join(dir, 'codebook.config.json'), cwd: dir });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return {
    files: result.sources!,
    config: result.config!,
    settings: result.config!.review ?? {},
    merged: { catalog: result.catalog!, gaps: result.gaps! },
  };
}

const MESSAGES: Texts = QA_MESSAGES;
const FIXES: Texts = { ja: { '3': 'ファイルがありません。' } };
const OVERRIDES: Texts = { en: { '4': 'Your disk is full, so nothing can be saved.' } };

const clone = (t: Texts): Texts => JSON.parse(JSON.stringify(t)) as Texts;
const plain = (findings: unknown) => JSON.stringify(findings);

describe('the warm review of an edit', () => {
  const edits: [string, (m: Texts, f: Texts, o: Texts) => void, string[]][] = [
    ['a fr text made equal to its duplicate’s (a finding goes)', (m) => void (m.fr!['2'] = 'Connexion perdue.'), ['2']],
    ['a source text made equal to another (a finding comes)', (m) => void (m.en!['4'] = 'File missing.'), ['4']],
    ['a text a later layer overrides (a resolved finding changes)', (m) => void (m.ja!['3'] = 'ファイルがありません  '), ['3']],
    ['a user override (user-too-long, user-jargon)', (_, __, o) => void (o.en!['4'] = 'Your token is gone.'), ['4']],
    [
      'two keys at once, one leaving a group and one joining another',
      (m) => {
        m.ja!['1'] = '接続できません。';
        m.ja!['4'] = '後で';
      },
      ['1', '4'],
    ],
  ];

  it.each(edits)('%s', async (_, edit, edited) => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-warm-qa-'));
    try {
      const before = wholeQa(await load(dir, MESSAGES, FIXES, OVERRIDES));
      const [m, f, o] = [clone(MESSAGES), clone(FIXES), clone(OVERRIDES)];
      edit(m, f, o);
      const input = await load(dir, m, f, o);
      const state = JSON.parse(JSON.stringify(before.state.findings)) as typeof before.state.findings;
      const warm = warmQa(input, cutOfCatalog(input), { ...before.state, findings: state }, new Set(edited), 64);
      const whole = wholeQa(input);
      expect(warm).toBeDefined();
      expect(plain(warm!.findings)).toEqual(plain(whole.findings));
      expect(plain(whole.findings)).not.toEqual(plain(before.findings));
      // The groups carried over are those a whole review computes.
      expect(warm!.state.groups.map((g) => [...g.offsets, -1, ...g.tokens])).toEqual(
        whole.state.groups.map((g) => [...g.offsets, -1, ...g.tokens]),
      );
      for (const key of edited) expect(warm!.reviewed!.has(key)).toBe(true);
      // Keys naming the edited keys' shared user texts are peers: in the catalog checked, not reviewed again.
      expect(warm!.reviewed!.size).toBeLessThan(input.merged.catalog.messages.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up past the key limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-warm-qa-'));
    try {
      const input = await load(dir, MESSAGES, FIXES, OVERRIDES);
      expect(warmQa(input, cutOfCatalog(input), wholeQa(input).state, new Set(['1', '2']), 1)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
