/**
 * qa/numbers-differ: two locales of one code state different numbers (a
 * limit, a size, a duration). Numbers are read as quantities (see
 * numbers.ts), so 1,000 = 1000, 8k = 8 KB and 2分 = 2분 agree.
 *
 * Every pair of locales with text is compared:
 * - two translations: any number one has and the other lacks is a
 *   difference;
 * - the source and a translation: a number of the source that the
 *   translation lacks (or states differently) is a difference. A number only
 *   the translation has is detail a shorter source leaves out; the
 *   comparison between translations still catches a translation that
 *   invents or changes such a number.
 */
import type { Message } from '../../catalog/model.js';
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { quantitiesOf, unmatched, type Quantity } from './numbers.js';
import { hasText, listOf, literalText } from './text.js';

export const numbersDiffer: QaCheck = {
  ...qaRule('qa/numbers-differ'),
  scope: 'message',
  check(message, catalog) {
    const texts = catalog.locales
      .filter((locale) => hasText(message.translations[locale]))
      .map((locale) => ({ locale, quantities: quantitiesOf(literalText(message.translations[locale]), locale) }));
    const hits: CheckHit[] = [];
    // Texts without numbers (most) cannot differ in them.
    if (texts.every((t) => t.quantities.length === 0)) return hits;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = texts[i].locale < texts[j].locale ? [texts[i], texts[j]] : [texts[j], texts[i]];
        const onlyA = unmatched(a.quantities, b.quantities);
        const onlyB = unmatched(b.quantities, a.quantities);
        const differs =
          a.locale === catalog.sourceLocale
            ? onlyA.length > 0
            : b.locale === catalog.sourceLocale
              ? onlyB.length > 0
              : onlyA.length + onlyB.length > 0;
        if (!differs) continue;
        hits.push({
          locales: [a.locale, b.locale],
          message: describe(a.locale, onlyA, b.locale, onlyB),
          origins: [message.translations[a.locale].origin, message.translations[b.locale].origin],
        });
      }
    }
    return hits;
  },
};

function describe(a: string, onlyA: Quantity[], b: string, onlyB: Quantity[]): string {
  const parts: string[] = [];
  if (onlyA.length > 0) parts.push(`${a} has ${listOf(onlyA.map(show))}, which ${b} lacks`);
  if (onlyB.length > 0) parts.push(`${b} has ${listOf(onlyB.map(show))}, which ${a} lacks`);
  return `Numbers differ: ${parts.join('; ')}.`;
}

function show(q: Quantity): string {
  return `“${q.text}”`;
}

/** For tests and reports: the quantities of every locale of a message. */
export function quantitiesByLocale(message: Message, locales: readonly string[]): Record<string, Quantity[]> {
  return Object.fromEntries(
    locales.filter((l) => hasText(message.translations[l])).map((l) => [l, quantitiesOf(literalText(message.translations[l]), l)]),
  );
}
