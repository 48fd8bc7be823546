/**
 * qa/whitespace: a text starts or ends with whitespace, or has two
 * whitespace characters in a row (including the ideographic space U+3000
 * and no-break spaces). Apps show such text as is; the spacing is almost
 * always a copy-and-paste slip.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { hasText, isSpaceCode } from './text.js';

/** Two whitespace characters in a row (a text without has no doubled whitespace). */
const DOUBLED = /\s\s/;

export const whitespace: QaCheck = {
  ...qaRule('qa/whitespace'),
  scope: 'message',
  check(message, catalog) {
    const hits: CheckHit[] = [];
    for (const locale of catalog.locales) {
      const translation = message.translations[locale];
      if (!hasText(translation)) continue;
      const text = translation.text;
      // What most texts are: no whitespace at either end, none doubled.
      if (!isSpaceCode(text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(text.length - 1)) && !DOUBLED.test(text)) continue;
      const problems = [
        ...(/^\s/u.test(text) ? ['starts with whitespace'] : []),
        ...(/\s$/u.test(text) ? ['ends with whitespace'] : []),
        ...(/\S\s{2,}\S/u.test(text) ? [`has doubled whitespace (${describeRun(/\S(\s{2,})\S/u.exec(text)![1])})`] : []),
      ];
      if (problems.length === 0) continue;
      hits.push({ locales: [locale], message: `The ${locale} text ${problems.join(', ')}.`, origins: [translation.origin] });
    }
    return hits;
  },
};

function describeRun(run: string): string {
  return [...run].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
