/**
 * qa/end-punctuation: a text ends with the sentence punctuation of another
 * script, or without any where the source ends a sentence.
 *
 * The rule, calibrated on the Chat catalog (en: all 421 texts end with ".";
 * ko: 420 of 420 with "." or ".)"; ja: 400 of 403 with "。"):
 * - Japanese and Chinese (Jpan, Hans, Hant) end a sentence with 。 (or ．
 *   ！ ？ ｡); Korean and the Latin, Cyrillic and Greek scripts with . ! ? or ….
 *   Other scripts are not checked.
 * - Closing brackets, quotes and trailing markup are looked through: "…。)"
 *   and "….)" end with a stop. A text that ends with a closing bracket
 *   without a stop inside passes (a Japanese aside after the final 。 has no
 *   。 of its own: "…してください。(…必要があります)").
 * - A stop of the other kind is flagged: "." at the end of ja text, "。" at
 *   the end of ko or en text.
 * - No stop at all is flagged only when the source text ends with one, so
 *   labels without a full stop in the source may stay without one.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { hasText, IDEOGRAPHIC_SCRIPTS, lastCodePoint, literalText, scriptOf } from './text.js';

const IDEOGRAPHIC_STOPS = '。．！？｡…‥';
const LATIN_STOPS = '.!?…';
const LATIN_STYLE_SCRIPTS = new Set(['Latn', 'Cyrl', 'Grek', 'Kore', 'Armn', 'Geor']);
const CLOSER_CHARS = `)]}）］｝」』】〕〉》"'”’»`;
const CLOSERS = /[)\]}）］｝」』】〕〉》"'”’»]+$/u;
const TRAILING_TAGS = /(?:\s*<\/?[A-Za-z][^<>]*>)+$/u;

type Style = 'ideographic' | 'latin';

function styleOf(locale: string): Style | undefined {
  const script = scriptOf(locale);
  if (!script) return undefined;
  if (IDEOGRAPHIC_SCRIPTS.has(script)) return 'ideographic';
  if (LATIN_STYLE_SCRIPTS.has(script)) return 'latin';
  return undefined;
}

/** The last character that matters: trailing whitespace and markup dropped; `closed` when closing brackets or quotes were looked through. */
function ending(text: string): { last: string; closed: boolean } {
  let t = text.trimEnd();
  // The patterns are anchored at the end, but a regex tries them from every position: ask only a text that ends as they do.
  if (t.endsWith('>')) t = t.replace(TRAILING_TAGS, '').trimEnd();
  const closers = t !== '' && CLOSER_CHARS.includes(t.charAt(t.length - 1)) ? CLOSERS.exec(t) : null;
  if (closers) t = t.slice(0, closers.index).trimEnd();
  return { last: lastCodePoint(t), closed: closers !== null };
}

export const endPunctuation: QaCheck = {
  ...qaRule('qa/end-punctuation'),
  scope: 'message',
  check(message, catalog) {
    const source = message.translations[catalog.sourceLocale];
    const sourceStyle = styleOf(catalog.sourceLocale);
    const sourceEnds = hasText(source) && sourceStyle !== undefined && isStop(ending(literalText(source)).last, sourceStyle);
    const hits: CheckHit[] = [];
    for (const locale of [catalog.sourceLocale, ...targetLocales(catalog)]) {
      const translation = message.translations[locale];
      const style = styleOf(locale);
      if (!hasText(translation) || !style) continue;
      const { last, closed } = ending(literalText(translation));
      const other: Style = style === 'ideographic' ? 'latin' : 'ideographic';
      if (isStop(last, other) && !isStop(last, style)) {
        // Another script's stop: a fault of this text alone.
        hits.push({
          locales: [locale],
          message: `The ${locale} text ends with “${last}”; ${locale} ends a sentence with ${style === 'ideographic' ? '“。”' : '“.”'}.`,
          origins: [translation.origin],
        });
      } else if (locale !== catalog.sourceLocale && sourceEnds && !isStop(last, style) && !closed) {
        hits.push({
          locales: [catalog.sourceLocale, locale].sort(),
          message: `The ${locale} text has no final ${style === 'ideographic' ? '“。”' : '“.”'}, while the ${catalog.sourceLocale} text ends a sentence.`,
          origins: [source!.origin, translation.origin],
          subjects: [{ key: message.key, locale, origin: translation.origin }],
        });
      }
    }
    return hits;
  },
};

function isStop(char: string, style: Style): boolean {
  return char !== '' && (style === 'ideographic' ? IDEOGRAPHIC_STOPS : LATIN_STOPS).includes(char);
}
