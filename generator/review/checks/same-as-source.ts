/**
 * qa/same-as-source: a translation identical to the source text (after
 * collapsing whitespace), usually text copied and never translated. Texts
 * that are only codes and identifiers (SDKAppID, To_Account, HTTP 404,
 * {code}) are the same in every language and are skipped: a text counts as
 * words when it has a run of two or more letters that is a plain word
 * (lower case, or capitalised like "Error") or is written in a non-Latin
 * script.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { hasText, literalText, memoByText, normalizeSpace, quote } from './text.js';

export const sameAsSource: QaCheck = {
  ...qaRule('qa/same-as-source'),
  scope: 'message',
  check(message, catalog) {
    const source = message.translations[catalog.sourceLocale];
    const hits: CheckHit[] = [];
    if (!hasText(source)) return hits;
    // Whether the source has words is read only when a translation is the same (few are).
    let words: boolean | undefined;
    for (const locale of targetLocales(catalog)) {
      const translation = message.translations[locale];
      if (!hasText(translation) || normalizeSpace(translation.text) !== normalizeSpace(source.text)) continue;
      if (!(words ??= hasWords(literalText(source)))) return hits;
      hits.push({
        locales: [catalog.sourceLocale, locale].sort(),
        message: `The ${locale} text is the same as the ${catalog.sourceLocale} text ${quote(source.text)}.`,
        origins: [source.origin, translation.origin],
      });
    }
    return hits;
  },
};

/** True when a text has a word a translator would translate, not only codes and identifiers. */
export function hasWords(text: string): boolean {
  // A kana, ideograph or Hangul syllable is a letter of a script other than Latin: the word it is in counts, whatever else the text holds.
  return hasCjkLetter(text) || rememberedHasWords(text);
}

const rememberedHasWords = memoByText(readHasWords);

/** Code-unit ranges (inclusive) of letters (\p{L}) outside the Latin script: hiragana, katakana, CJK ideographs, Hangul syllables. */
export const CJK_LETTERS: readonly (readonly [number, number])[] = [
  [0x3041, 0x3096],
  [0x30a1, 0x30fa],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];

function hasCjkLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3041) continue;
    for (const [from, to] of CJK_LETTERS) if (c >= from && c <= to) return true;
  }
  return false;
}

function readHasWords(text: string): boolean {
  for (const [word] of text.matchAll(/[\p{L}\p{M}\p{N}_]+/gu)) {
    if (/[^\p{Script=Latin}\p{N}_\p{M}]/u.test(word) && /\p{L}/u.test(word)) return true;
    if (/^\p{Lu}?\p{Ll}{2,}$/u.test(word) || /^\p{Ll}{2,}$/u.test(word)) return true;
  }
  return false;
}
