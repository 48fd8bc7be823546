/**
 * The generated bundles, loaded into real i18next 26 without plugins, show
 * exactly the catalog's text: every code in every locale, fallback to the
 * source locale only where a locale lacks text, every plural form for the
 * counts each locale distinguishes. The expected text comes from formatjs'
 * IntlMessageFormat on the catalog's ICU source, independent of our converter.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../generator/catalog/model.js';
import { generate } from '../../generator/pipeline.js';
import { fixturesDir, repoRoot } from '../support/catalogs.js';
import { expected, initI18next, sampleArgs } from '../support/readers/i18next.js';

async function generateInto(config: string) {
  const out = mkdtempSync(join(tmpdir(), 'codebook-i18next-'));
  const result = await generate({ config, out, cwd: repoRoot, targets: ['i18next', 'types'] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { out, catalog: result.catalog! };
}

describe('the default catalog in real i18next', async () => {
  const { out, catalog } = await generateInto(join(repoRoot, 'codebook.config.json'));
  const t18 = await initI18next(out, catalog);

  it('has the 420 vendor keys plus unknown', () => {
    expect(catalog.messages).toHaveLength(421);
    expect(catalog.messages.filter((m) => m.code !== undefined)).toHaveLength(419);
    expect(catalog.messages.map((m) => m.key)).toEqual(expect.arrayContaining(['6014', '-302', '-10001', '120001-130000', 'unknown']));
  });

  it('has a user message and a developer detail for every key', () => {
    expect(catalog.userMessages).toHaveLength(421);
    expect(catalog.userMessages!.map((m) => m.key)).toEqual(catalog.messages.map((m) => m.key));
    for (const m of catalog.userMessages!)
      for (const locale of catalog.locales) expect(m.translations[locale], `${m.key} ${locale}`).toBeDefined();
  });

  for (const locale of ['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant']) {
    it(`resolves the user message and the detail of every key in ${locale}`, () => {
      for (const [ns, messages] of [
        [catalog.namespace, catalog.userMessages!],
        [catalog.detailNamespace, catalog.messages],
      ] as const) {
        const t = t18.getFixedT(locale, ns);
        let fellBack = 0;
        for (const message of messages) {
          if (!message.translations[locale]) fellBack++;
          const args = sampleArgs(message);
          expect(t(message.key, args), `${locale} ${ns} ${message.key}`).toBe(expected(message, locale, catalog, args));
        }
        // Only texts the catalog lacks in this locale fall back (zh-Hant's details all do, to zh-Hans).
        expect(fellBack).toBe(messages.filter((m) => !m.translations[locale]).length);
      }
    });
  }

  it('gives zh-Hant the zh-Hans detail through the configured chain, and its own user message', () => {
    const detail = t18.getFixedT('zh-Hant', catalog.detailNamespace)('6206', { returnDetails: true }) as unknown as {
      res: string;
      usedLng: string;
    };
    expect(detail.usedLng).toBe('zh-Hans');
    const user = t18.getFixedT('zh-Hant', catalog.namespace)('6206', { returnDetails: true }) as unknown as {
      res: string;
      usedLng: string;
    };
    expect(user.usedLng).toBe('zh-Hant');
  });

  it('shows the localized unknown-code message with the number, in both audiences', () => {
    const unknown = (list: readonly Message[]) => list.find((m) => m.key === 'unknown')!;
    for (const locale of catalog.locales) {
      expect(t18.getFixedT(locale)('unknown', { code: 424242 })).toBe(
        expected(unknown(catalog.userMessages!), locale, catalog, { code: 424242 }),
      );
      expect(t18.getFixedT(locale)('unknown', { code: 424242 })).toContain('424242');
    }
    expect(t18.getFixedT('ja', catalog.detailNamespace)('unknown', { code: 424242 })).toBe('不明なエラーです(コード: 424242)。');
  });

  it('no user message names an internal term of the jargon list, in any locale', () => {
    const jargon = (JSON.parse(readFileSync(join(repoRoot, 'locales/chat.base.json'), 'utf8')) as { review: { jargon: string[] } }).review
      .jargon;
    expect(jargon.length).toBeGreaterThan(20);
    for (const m of catalog.userMessages!) {
      for (const [locale, t] of Object.entries(m.translations)) {
        for (const term of jargon)
          expect(new RegExp(/^[A-Za-z_ ]+$/.test(term) ? `\\b${term}\\b` : term, 'i').test(t.text), `${m.key} ${locale}: ${term}`).toBe(
            false,
          );
      }
    }
  });

  it('messageKey() from the generated types resolves codes, ranges and unknown numbers', async () => {
    const types = await import(join(out, 'types/index.js'));
    expect(types.messageKey(125000)).toBe('120001-130000');
    expect(types.messageKey(120001)).toBe('120001-130000');
    expect(types.messageKey(130000)).toBe('120001-130000');
    expect(types.messageKey(130001)).toBe('unknown');
    expect(types.messageKey(6014)).toBe('6014');
    expect(types.messageKey(-302)).toBe('-302');
    expect(types.messageKey(1.5)).toBe('unknown');
    expect(types.isErrorCode(-10001)).toBe(true);
    expect(types.isErrorCode(125000)).toBe(false);
    const range = catalog.userMessages!.find((m) => m.key === '120001-130000')!;
    expect(t18.getFixedT('ko')(types.messageKey(125000))).toBe(range.translations.ko.text);
    expect(types.errorCodes).toEqual(catalog.messages.flatMap((m) => (m.code === undefined ? [] : [m.code])));
    for (const m of catalog.messages) expect(types.sectionOf[m.key], m.key).toBe(m.section);
  });

  it('messageT() and detailT() from the generated types translate through an instance or a fixed t, in their namespaces', async () => {
    const types = await import(join(out, 'types/index.js'));
    const range = catalog.userMessages!.find((m) => m.key === '120001-130000')!;
    const rangeDetail = catalog.messages.find((m) => m.key === '120001-130000')!;
    expect(types.messageT(t18.getFixedT('ko'))('120001-130000')).toBe(range.translations.ko.text);
    expect(types.detailT(t18.getFixedT('ko'))('120001-130000')).toBe(rangeDetail.translations.ko.text);
    expect(types.detailT(t18)('unknown', { code: 424242, lng: 'ja' })).toBe('不明なエラーです(コード: 424242)。');
    expect(types.messageT(t18.getFixedT('en', 'other-namespace'))('unknown', { code: 424242 })).toBe(
      'Something went wrong (error 424242). Please try again later.',
    );
  });

  it('errorInfo() gives every code its key, action and fault; the session, network and content codes act alike', async () => {
    const types = await import(join(out, 'types/index.js'));
    for (const m of catalog.messages) {
      if (m.code === undefined) continue;
      expect(types.errorInfo(m.code), m.key).toEqual({ key: m.key, action: m.action, fault: m.fault });
      expect(types.errorInfo(m.code).action, m.key).toBeTypeOf('string');
      expect(types.errorInfo(m.code).fault, m.key).toBeTypeOf('string');
    }
    const actionOf = (code: number) => types.errorInfo(code).action;
    expect([6206, 70001, 6208].map(actionOf)).toEqual(['sign-in-again', 'sign-in-again', 'sign-in-again']);
    expect([9508, 6121, 9510].map(actionOf)).toEqual(['check-connection', 'check-connection', 'check-connection']);
    expect([9508, 6121, 9510].map((c) => types.errorInfo(c).fault)).toEqual(['network', 'network', 'network']);
    expect(actionOf(80001)).toBe('fix-input');
    expect(new Set([actionOf(6206), actionOf(9508), actionOf(80001)]).size).toBe(3);
    expect(types.errorInfo(125000)).toMatchObject({ key: '120001-130000' });
    expect(types.errorInfo(424242)).toEqual({ key: 'unknown', action: 'retry-later', fault: 'service' });
  });
});

describe('plurals, arguments and hazards in real i18next', async () => {
  const { out, catalog } = await generateInto(join(fixturesDir, 'hazards/codebook.config.json'));
  const t18 = await initI18next(out, catalog);
  const counts = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000000];

  for (const locale of catalog.locales) {
    it(`shows every message and plural form in ${locale}`, () => {
      const t = t18.getFixedT(locale);
      for (const message of catalog.messages) {
        const plural = message.params.some((p) => p.type === 'plural');
        for (const count of plural ? counts : [undefined]) {
          const args = sampleArgs(message, count);
          expect(t(message.key, args), `${locale} ${message.key} count=${count}`).toBe(expected(message, locale, catalog, args));
        }
      }
    });
  }

  it('writes every CLDR category the locale has, and no empty strings', () => {
    const ar = JSON.parse(readFileSync(join(out, 'i18next/ar/errors.json'), 'utf8'));
    expect(Object.keys(ar).filter((k) => k.startsWith('5_'))).toEqual(['5_zero', '5_one', '5_two', '5_few', '5_many', '5_other']);
    const ptBR = JSON.parse(readFileSync(join(out, 'i18next/pt-BR/errors.json'), 'utf8'));
    expect(Object.keys(ptBR).filter((k) => k.startsWith('5_'))).toEqual(['5_one', '5_many', '5_other']);
    for (const locale of catalog.locales) {
      const bundle = JSON.parse(readFileSync(join(out, `i18next/${locale}/errors.json`), 'utf8'));
      expect(Object.values(bundle)).not.toContain('');
    }
  });
});
