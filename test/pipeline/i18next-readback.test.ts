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
import i18next from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import { generate } from '../../generator/pipeline.js';
import { fixturesDir, repoRoot } from '../support/catalogs.js';

async function generateInto(config: string) {
  const out = mkdtempSync(join(tmpdir(), 'codebook-i18next-'));
  const result = await generate({ config, out, cwd: repoRoot, targets: ['i18next', 'types'] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { out, catalog: result.catalog! };
}

async function initI18next(out: string, catalog: Catalog) {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    catalog.locales.map((locale) => [locale, { [catalog.namespace]: JSON.parse(readFileSync(join(out, 'i18next', locale, `${catalog.namespace}.json`), 'utf8')) }]),
  );
  await instance.init({ resources, lng: catalog.sourceLocale, fallbackLng: catalog.sourceLocale, ns: [catalog.namespace], defaultNS: catalog.namespace, interpolation: { escapeValue: false } });
  return instance;
}

/** Sample arguments: the registry's example, else a sentinel that cannot appear in text by accident. */
function sampleArgs(message: Message, count?: number): Record<string, string | number> {
  return Object.fromEntries(message.params.map((p) => [p.name, p.type === 'plural' && count !== undefined ? count : (p.example ?? `«${p.name}»`)]));
}

function expected(message: Message, locale: string, catalog: Catalog, args: Record<string, string | number>): string {
  const translation = message.translations[locale] ?? message.translations[catalog.sourceLocale];
  const shownLocale = message.translations[locale] ? locale : catalog.sourceLocale;
  // i18next picks the plural form by the rules of the language the text comes from,
  // but formats numbers in the requested language, also when the text falls back.
  const formatters = {
    getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
    getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
    getPluralRules: (_locales: unknown, options?: Intl.PluralRulesOptions) => new Intl.PluralRules(shownLocale, options),
  };
  return String(new IntlMessageFormat(translation.text, locale, undefined, { ignoreTag: true, formatters }).format(args));
}

describe('the default catalog in real i18next', async () => {
  const { out, catalog } = await generateInto(join(repoRoot, 'codebook.config.json'));
  const t18 = await initI18next(out, catalog);

  it('has the 420 vendor keys plus unknown', () => {
    expect(catalog.messages).toHaveLength(421);
    expect(catalog.messages.filter((m) => m.code !== undefined)).toHaveLength(419);
    expect(catalog.messages.map((m) => m.key)).toEqual(expect.arrayContaining(['6014', '-302', '-10001', '120001-130000', 'unknown']));
  });

  for (const locale of ['en', 'ja', 'ko']) {
    it(`resolves every key in ${locale} to the catalog's text`, () => {
      const t = t18.getFixedT(locale);
      let fellBack = 0;
      for (const message of catalog.messages) {
        if (!message.translations[locale]) fellBack++;
        const args = sampleArgs(message);
        expect(t(message.key, args), `${locale} ${message.key}`).toBe(expected(message, locale, catalog, args));
      }
      // Only messages the catalog lacks in this locale fall back to English.
      expect(fellBack).toBe(catalog.messages.filter((m) => !m.translations[locale]).length);
    });
  }

  it('shows the localized unknown-code message with the number', () => {
    expect(t18.getFixedT('ja')('unknown', { code: 424242 })).toBe('不明なエラーです(コード: 424242)。');
    expect(t18.getFixedT('en')('unknown', { code: 424242 })).toBe('Unknown error (code 424242).');
  });

  it('messageKey() from the generated types resolves codes, ranges and unknown numbers', async () => {
    const types = await import(join(out, 'types/index.ts'));
    expect(types.messageKey(125000)).toBe('120001-130000');
    expect(types.messageKey(120001)).toBe('120001-130000');
    expect(types.messageKey(130000)).toBe('120001-130000');
    expect(types.messageKey(130001)).toBe('unknown');
    expect(types.messageKey(6014)).toBe('6014');
    expect(types.messageKey(-302)).toBe('-302');
    expect(types.messageKey(1.5)).toBe('unknown');
    expect(types.isErrorCode(-10001)).toBe(true);
    expect(types.isErrorCode(125000)).toBe(false);
    const range = catalog.messages.find((m) => m.key === '120001-130000')!;
    expect(t18.getFixedT('ko')(types.messageKey(125000))).toBe(range.translations.ko.text);
    expect(types.errorCodes).toEqual(catalog.messages.flatMap((m) => (m.code === undefined ? [] : [m.code])));
    for (const m of catalog.messages) expect(types.sectionOf[m.key], m.key).toBe(m.section);
  });

  it('messageT() from the generated types translates through an instance or a fixed t, in the namespace', async () => {
    const types = await import(join(out, 'types/index.ts'));
    const range = catalog.messages.find((m) => m.key === '120001-130000')!;
    expect(types.messageT(t18.getFixedT('ko'))('120001-130000')).toBe(range.translations.ko.text);
    expect(types.messageT(t18)('unknown', { code: 424242, lng: 'ja' })).toBe('不明なエラーです(コード: 424242)。');
    expect(types.messageT(t18.getFixedT('en', 'other-namespace'))('unknown', { code: 424242 })).toBe('Unknown error (code 424242).');
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
