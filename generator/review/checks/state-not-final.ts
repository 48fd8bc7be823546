/**
 * qa/state-not-final: a translation in state `initial`, written but not yet
 * seen by anyone but its author (the project's stand-ins for empty vendor
 * rows are). `translated` and `reviewed` are the normal states of vendor
 * and project text and are not reported.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';

export const stateNotFinal: QaCheck = {
  ...qaRule('qa/state-not-final'),
  scope: 'message',
  check(message, catalog) {
    const hits: CheckHit[] = [];
    for (const locale of catalog.locales) {
      const translation = message.translations[locale];
      if (translation?.state !== 'initial') continue;
      const note = translation.note ? ` Note: ${translation.note}` : '';
      hits.push({
        locales: [locale],
        message: `The ${locale} text is in state "initial" and awaits review.${note}`,
        origins: [translation.origin],
      });
    }
    return hits;
  },
};
