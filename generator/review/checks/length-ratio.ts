/**
 * qa/length-ratio: a translation much longer or shorter than the source
 * text leads one to expect, often a text that says more or less than the
 * source (a dropped sentence, a leftover explanation).
 *
 * Expected length relative to English, in characters: Latin script 1.2,
 * Cyrillic 1.15, Greek 1.2, Japanese 0.6, Chinese 0.4, Korean 0.7, Arabic
 * 1.0, Hebrew 0.9, others 1.0 (the Chat catalog measures ja 0.66 and ko
 * 0.68 at the median). Between two other locales the expectation is the
 * quotient of theirs. A ratio more than 3 times the expected one, or less
 * than a third of it, is reported; sources shorter than 20 characters are
 * skipped, as their ratios swing widely.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { codePointLength, hasText, literalText, scriptOf } from './text.js';

const EXPECTED: Record<string, number> = {
  Latn: 1.2,
  Cyrl: 1.15,
  Grek: 1.2,
  Jpan: 0.6,
  Hans: 0.4,
  Hant: 0.4,
  Kore: 0.7,
  Arab: 1.0,
  Hebr: 0.9,
};
export const LENGTH_FACTOR = 3;
export const MIN_SOURCE_LENGTH = 20;

/** Expected characters per character of English. */
export function expectedRatio(locale: string): number {
  if (/^en(?:-|$)/.test(locale)) return 1;
  return EXPECTED[scriptOf(locale) ?? ''] ?? 1;
}

export const lengthRatio: QaCheck = {
  ...qaRule('qa/length-ratio'),
  scope: 'message',
  check(message, catalog) {
    const source = message.translations[catalog.sourceLocale];
    if (!hasText(source)) return [];
    const sourceLength = codePointLength(literalText(source).trim());
    if (sourceLength < MIN_SOURCE_LENGTH) return [];
    const hits: CheckHit[] = [];
    for (const locale of targetLocales(catalog)) {
      const translation = message.translations[locale];
      if (!hasText(translation)) continue;
      const length = codePointLength(literalText(translation).trim());
      const expected = expectedRatio(locale) / expectedRatio(catalog.sourceLocale);
      const ratio = length / sourceLength;
      const off = ratio / expected;
      if (off <= LENGTH_FACTOR && off >= 1 / LENGTH_FACTOR) continue;
      hits.push({
        locales: [catalog.sourceLocale, locale].sort(),
        message: `The ${locale} text has ${length} characters for ${sourceLength} in ${catalog.sourceLocale} (ratio ${ratio.toFixed(2)}, expected about ${expected.toFixed(2)}): it may say ${off > 1 ? 'more' : 'less'} than the source.`,
        origins: [source.origin, translation.origin],
      });
    }
    return hits;
  },
};
