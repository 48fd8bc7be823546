/**
 * What the import writes reads back as what was exported: every translation
 * of the hazards and the default catalog, and texts built to trip ICU
 * quoting (apostrophes next to placeholders, braces, `#` in plural forms, CR,
 * controls), is exported, then imported into an empty file as if the locale
 * had no text yet. Each written text must parse to the original message (a
 * plural: to the same text for every form the XLIFF shows), with its state.
 * In XLIFF 2.0 and in 1.2 (which has no `<cp>`: its tricky texts leave out
 * the characters XML cannot carry).
 */
import { describe, expect, it } from 'vitest';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseMessage } from '../../../generator/catalog/icu.js';
import { compareKeys } from '../../../generator/catalog/keys.js';
import type { Catalog, Translation } from '../../../generator/catalog/model.js';
import { formFor, pluralCategories, splitPlural } from '../../../generator/emit/plural-forms.js';
import { icuLiteral } from '../../../generator/import/icu-literal.js';
import { canonical } from '../../../generator/import/xliff/icu-text.js';
import { importXliff } from '../../../generator/import/xliff/index.js';
import { exportXliff, withoutLocale, withText } from './helpers.js';

function view(ast: MessageFormatElement[], selector: string, locale: string): MessageFormatElement[] {
  const split = splitPlural(ast);
  if (split.kind !== 'plural') return ast;
  const own = split.plural.forms.get(selector);
  if (own) return own;
  return formFor(split.plural, selector.startsWith('=') ? new Intl.PluralRules(locale).select(Number(selector.slice(1))) : selector);
}

function selectors(asts: MessageFormatElement[][], locale: string): string[] {
  const exact = asts.flatMap((ast) => {
    const s = splitPlural(ast);
    return s.kind === 'plural' ? [...s.plural.forms.keys()].filter((k) => k.startsWith('=')) : [];
  });
  return [...new Set(exact), ...pluralCategories(locale)];
}

/** Imports the unedited export of `locale` into an empty file with the locale's texts removed from the catalog; checks every text written. */
async function rebuildAll(scenario: string, catalog?: Catalog, version: '1.2' | '2.0' = '2.0'): Promise<number> {
  const exported = await exportXliff(scenario, catalog, version);
  let checked = 0;
  for (const [locale, xlf] of exported.files) {
    const result = importXliff(xlf, {
      xliffName: `${locale}.xlf`,
      catalog: withoutLocale(exported.catalog, locale),
      targetFile: { path: `locales/${locale}/new.json`, text: '' },
    });
    expect(result.diagnostics, locale).toEqual([]);
    if (!exported.catalog.messages.some((m) => m.translations[locale])) {
      // A locale without texts of its own (zh-Hant's details fall back to zh-Hans): nothing to write.
      expect(result.changed, locale).toEqual([]);
      continue;
    }
    const written = JSON.parse(result.fileText) as { locale: string; messages: Record<string, string | { text: string; state: string }> };
    expect(written.locale).toBe(locale);
    const translated = exported.catalog.messages.filter((m) => m.translations[locale]);
    // Every key, in canonical order in the file (JSON.parse would put integer keys first).
    expect(Object.keys(written.messages).sort(compareKeys)).toEqual(translated.map((m) => m.key));
    const at = translated.map((m) => result.fileText.indexOf(`\n    ${JSON.stringify(m.key)}: `));
    expect(at.every((i, n) => i > (n === 0 ? 0 : at[n - 1]))).toBe(true);
    expect(result.changed).toEqual(translated.map((m) => m.key));
    for (const message of translated) {
      const original: Translation = message.translations[locale];
      const entry = written.messages[message.key];
      const { text, state } = typeof entry === 'string' ? { text: entry, state: 'translated' } : entry;
      expect(state, `${locale} ${message.key}`).toBe(original.state);
      const parsed = parseMessage(text);
      expect(parsed.ok, `${locale} ${message.key}: ${text}`).toBe(true);
      if (!parsed.ok) continue;
      const source = message.translations[exported.catalog.sourceLocale].ast;
      const plural = [source, original.ast].some((ast) => splitPlural(ast).kind === 'plural');
      if (!plural) expect(canonical(parsed.ast), `${locale} ${message.key}: ${text}`).toBe(canonical(original.ast));
      else {
        for (const selector of selectors([source, original.ast], locale)) {
          expect(canonical(view(parsed.ast, selector, locale)), `${locale} ${message.key} ${selector}: ${text}`).toBe(
            canonical(view(original.ast, selector, locale)),
          );
        }
      }
      checked++;
    }
  }
  return checked;
}

for (const version of ['2.0', '1.2'] as const) {
  describe(`xliff ${version} import: texts read back as exported`, () => {
    it('every translation of the hazards catalog', async () => {
      expect(await rebuildAll('hazards', undefined, version)).toBeGreaterThan(20);
    });

    it('every translation of the default Chat catalog', async () => {
      expect(await rebuildAll('default', undefined, version)).toBeGreaterThan(700);
    });

    it('texts that need ICU quoting, controls and CR', async () => {
      const { catalog } = await exportXliff('hazards');
      // XLIFF 1.2 cannot carry C0 controls or U+FFFF (the target reports them): only the 2.0 texts have them.
      const controls = version === '2.0' ? '\u0007b\rc\r\nd\u001be\uffff' : 'b\rc\r\nde';
      const tricky: [string, string][] = [
        ['unknown', "l''{code} and '{'x'}' 'tis ''<b>'' {code}''"],
        ['6014', `a${controls}\t  x `],
        ['1', icuLiteral("It's '<b>' {'x'} '' '{'} end'")],
        ['-302', "ends with an apostrophe'"],
        ['8', icuLiteral("'{}''{' #'")],
        ['5', "{count, plural, other {'#' # '{'# '}''' x'' '#'''}}"],
        ['7', "{user}''{limit, number}'' '<'{user}"],
      ];
      let changed = catalog;
      for (const [key, text] of tricky) changed = withText(changed, key, 'ja', text);
      // Only the ja export matters here; the other locales are checked above.
      const onlyJa: Catalog = { ...changed, locales: ['en', 'ja'] };
      expect(await rebuildAll('hazards', onlyJa, version)).toBe(onlyJa.messages.filter((m) => m.translations.ja).length);
    });
  });
}
