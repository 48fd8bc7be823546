/**
 * Two audiences in a small project, through the library's own pipeline:
 * shared user messages resolved per key (override first), the rules that
 * guard them (unknown or unused ids, a key without a source user message),
 * and the QA checks on what users are shown: jargon, length, a code
 * without an action. A shared text is reported once, not once per code.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, review } from '../../../generator/pipeline.js';

const REGISTRY = {
  sections: [{ id: 'general' }],
  codes: [
    { code: 1, section: 'general', user: 'try-later', action: 'retry-later', fault: 'service' },
    { code: 2, section: 'general', user: 'try-later', action: 'retry-later', fault: 'service' },
    { code: 3, section: 'general', user: 'try-later', action: 'retry-later', fault: 'app' },
    { code: 4, section: 'general', user: 'signed-out', action: 'sign-in-again', fault: 'user' },
    { key: 'unknown', section: 'general', user: 'unknown', action: 'retry-later', fault: 'service', params: { code: { type: 'number' } } },
  ],
};

const EN = {
  locale: 'en',
  sections: { general: 'General' },
  messages: {
    '1': 'Internal error.',
    '2': 'PB decode failed.',
    '3': 'Invalid parameter.',
    '4': 'UserSig expired.',
    unknown: 'Unknown error {code}.',
  },
  user: {
    'try-later': 'Something went wrong. Please try again later.',
    'signed-out': 'You have been signed out. Please sign in again.',
    unknown: 'Something went wrong (error {code}).',
  },
};

const JA = {
  locale: 'ja',
  messages: { '4': 'UserSigの有効期限が切れました。' },
  user: {
    'try-later': '問題が発生しました。しばらくしてからお試しください。',
    'signed-out': 'ログアウトしました。もう一度ログインしてください。',
    unknown: '問題が発生しました（エラー {code}）。',
  },
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function project(files: Record<string, unknown> = {}, review: object = { jargon: ['SDK', 'UserSig', 'サーバー'] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-user-'));
  const all: Record<string, unknown> = {
    'codebook.config.json': {
      sourceLocale: 'en',
      locales: ['en', 'ja'],
      layers: [
        { name: 'registry', files: ['codes.json'] },
        { name: 'messages', files: ['*/messages.json'] },
        { name: 'app', files: ['app/*.json'] },
      ],
      review,
    },
    'codes.json': REGISTRY,
    'en/messages.json': EN,
    'ja/messages.json': JA,
    ...files,
  };
  for (const [path, value] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), json(value));
  }
  mkdirSync(join(dir, 'app'), { recursive: true });
  return dir;
}

const load = (dir: string) => loadCatalog({ config: join(dir, 'codebook.config.json'), cwd: dir });
/** Errors, and the registry's warnings (translations missing in ja are expected here). */
const errorsOf = (diagnostics: { severity: string; ruleId: string; place?: { file: string; line?: number } }[]) =>
  diagnostics
    .filter((d) => d.severity === 'error' || d.ruleId.startsWith('registry/'))
    .map((d) => [d.ruleId, d.place?.file, d.place?.line]);

describe('user messages in the catalog', () => {
  it('gives every key the shared text it names, per locale, and an override where an app layer gives one', async () => {
    const dir = project({
      'app/en.json': { locale: 'en', userOverrides: { '3': 'This version of the app has a problem. Please update it.' } },
    });
    const { catalog, diagnostics } = await load(dir);
    expect(errorsOf(diagnostics)).toEqual([]);
    const user = Object.fromEntries(
      catalog!.userMessages!.map((m) => [m.key, Object.fromEntries(Object.entries(m.translations).map(([l, t]) => [l, t.text]))]),
    );
    expect(user['1']).toEqual({ en: EN.user['try-later'], ja: JA.user['try-later'] });
    expect(user['2']).toEqual(user['1']);
    expect(user['3']).toEqual({ en: 'This version of the app has a problem. Please update it.', ja: JA.user['try-later'] });
    expect(user.unknown!.en).toBe('Something went wrong (error {code}).');
    // The developer detail stays as it was.
    expect(catalog!.messages.find((m) => m.key === '4')!.translations.ja!.text).toBe('UserSigの有効期限が切れました。');
    expect(catalog!.userTexts!.map((t) => t.id)).toEqual(['signed-out', 'try-later', 'unknown']);
  });

  it('reports a user message no file defines, one no code names, and a key left without one', async () => {
    const { user: _none, ...withoutUser } = REGISTRY.codes[2]!;
    const registry = {
      ...REGISTRY,
      codes: [...REGISTRY.codes.slice(0, 2), withoutUser, { ...REGISTRY.codes[3], user: 'signed-off' }, REGISTRY.codes[4]],
    };
    const { diagnostics } = await load(project({ 'codes.json': registry }));
    // The misspelt id is reported once (not also as a key without a user message); the code that names none is.
    expect(errorsOf(diagnostics)).toEqual([
      ['registry/unknown-user-message', 'codes.json', 28],
      ['completeness/missing-user', 'codes.json', 22],
      ['registry/unused-user-message', 'en/messages.json', 15],
    ]);
  });

  it('checks a shared text once: a syntax error is one diagnostic, not one per code', async () => {
    const { diagnostics } = await load(
      project({ 'ja/messages.json': { ...JA, user: { ...JA.user, 'try-later': '問題が発生しました {' } } }),
    );
    expect(diagnostics.filter((d) => d.ruleId === 'icu/syntax').map((d) => [d.key, d.place?.file])).toEqual([
      ['user:try-later', 'ja/messages.json'],
    ]);
  });

  it('checks every key that names a text against its own params', async () => {
    const { diagnostics } = await load(
      project({ 'en/messages.json': { ...EN, user: { ...EN.user, 'signed-out': 'Signed out ({code}).' } } }),
    );
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.key])).toEqual([['params/undeclared', '4']]);
  });
});

describe('QA of user messages', () => {
  const findingsOf = async (dir: string, rule: string) =>
    ((await review({ config: join(dir, 'codebook.config.json'), cwd: dir })).findings ?? []).filter((f) => f.ruleId === rule);

  it('qa/user-jargon: an internal term in a shared text is one finding, on the first key that names it', async () => {
    const dir = project({
      'ja/messages.json': { ...JA, user: { ...JA.user, 'try-later': 'サーバーでエラーが発生しました。' } },
      'en/messages.json': { ...EN, user: { ...EN.user, 'signed-out': 'Your UserSig expired (SDK).' } },
    });
    const hits = await findingsOf(dir, 'qa/user-jargon');
    expect(hits.map((f) => [f.key, f.locales.join(','), f.message])).toEqual([
      ['1', 'ja', 'The user message "try-later" (ja) names "サーバー", which end users do not know; say what happened in their words.'],
      [
        '4',
        'en',
        'The user message "signed-out" (en) names "SDK", "UserSig", which end users do not know; say what happened in their words.',
      ],
    ]);
    expect(hits[0]!.origins[0]).toMatchObject({ file: 'ja/messages.json' });
  });

  it('qa/user-jargon: Latin terms match whole words only', async () => {
    const dir = project({
      'en/messages.json': { ...EN, user: { ...EN.user, 'signed-out': 'The SDKs and the userSigning are fine. Please sign in again.' } },
    });
    expect(await findingsOf(dir, 'qa/user-jargon')).toEqual([]);
  });

  it('qa/user-too-long: over 90 characters in English, scaled for Japanese', async () => {
    const long = 'Something went wrong while we were sending your message to the group. Please try again in a few minutes.';
    const longJa =
      'ログアウトしました。アプリを再起動して、もう一度ログインしてから、しばらく待って、もう一度お試しください。うまくいかない場合はサポートまで。';
    const dir = project({
      'en/messages.json': { ...EN, user: { ...EN.user, 'try-later': long } },
      'ja/messages.json': { ...JA, user: { ...JA.user, 'signed-out': longJa } },
    });
    const hits = await findingsOf(dir, 'qa/user-too-long');
    expect(hits.map((f) => [f.key, f.locales.join(','), f.message])).toEqual([
      ['1', 'en', `The user message "try-later" (en) has ${long.length} characters; keep it to 90 so it fits a dialog or a snackbar.`],
      ['4', 'ja', `The user message "signed-out" (ja) has ${longJa.length} characters; keep it to 54 so it fits a dialog or a snackbar.`],
    ]);
    expect(await findingsOf(project({}, { userMessageMaxLength: 20 }), 'qa/user-too-long')).not.toEqual([]);
  });

  it('qa/no-action: a code without an action or a fault', async () => {
    const registry = {
      ...REGISTRY,
      codes: [{ code: 1, section: 'general', user: 'try-later', fault: 'service' }, ...REGISTRY.codes.slice(1)],
    };
    const hits = await findingsOf(project({ 'codes.json': registry }), 'qa/no-action');
    expect(hits.map((f) => [f.key, f.message])).toEqual([
      ['1', 'Key 1 has no "action" in the registry, so apps cannot tell what to offer their user.'],
    ]);
  });
});
