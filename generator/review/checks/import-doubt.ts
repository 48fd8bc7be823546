/**
 * qa/import-doubt: a doubt the vendor import recorded (an empty vendor row,
 * a duplicated row, cut markup…). Two places hold them: the `doubts` of the
 * translation in use, and the gaps of the merge, which are keys a layer
 * names without text, such as an empty vendor row. A gap's doubts count only
 * while the locale still has no text for the key; once a later layer fills
 * it, the doubt is resolved by that text.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { isBlank } from './text.js';

export const importDoubt: QaCheck = {
  ...qaRule('qa/import-doubt'),
  scope: 'message',
  check(message, catalog, { gaps }) {
    const hits: CheckHit[] = [];
    for (const locale of catalog.locales) {
      const translation = message.translations[locale];
      for (const doubt of translation?.doubts ?? []) {
        hits.push({ locales: [locale], message: `Import doubt (${locale}): ${doubt}`, origins: [translation!.origin], id: doubt });
      }
      if ((translation && !isBlank(translation.text)) || gaps.length === 0) continue;
      for (const gap of gaps.filter((g) => g.locale === locale)) {
        for (const doubt of gap.doubts) {
          hits.push({
            locales: [locale],
            message: `Import doubt (${locale}): ${doubt} The key has no ${locale} text.`,
            origins: [gap.origin],
            subjects: [{ key: message.key, locale, origin: gap.origin }],
            id: doubt,
          });
        }
      }
    }
    return hits;
  },
};
