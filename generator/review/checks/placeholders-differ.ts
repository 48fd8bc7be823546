/**
 * qa/placeholders-differ: a translation uses a different set of ICU
 * arguments than the source text, so it shows other facts or leaves a value
 * out. (The validator checks each text against the registry's declared
 * params; this compares locales, which also covers keys without params.)
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { targetLocales } from './check.js';
import { argumentNames, listOf } from './text.js';

export const placeholdersDiffer: QaCheck = {
  ...qaRule('qa/placeholders-differ'),
  scope: 'message',
  check(message, catalog) {
    const source = message.translations[catalog.sourceLocale];
    const expected = source && argumentNames(source);
    if (!expected) return [];
    const hits: CheckHit[] = [];
    for (const locale of targetLocales(catalog)) {
      const translation = message.translations[locale];
      const used = translation && argumentNames(translation);
      if (!used) continue;
      const missing = expected.filter((n) => !used.includes(n));
      const extra = used.filter((n) => !expected.includes(n));
      if (missing.length + extra.length === 0) continue;
      const parts = [
        ...(missing.length > 0 ? [`lacks ${listOf(missing.map((n) => `{${n}}`))}`] : []),
        ...(extra.length > 0 ? [`adds ${listOf(extra.map((n) => `{${n}}`))}`] : []),
      ];
      hits.push({
        locales: [catalog.sourceLocale, locale].sort(),
        message: `The ${locale} text ${parts.join(' and ')} compared with ${catalog.sourceLocale}.`,
        origins: [source.origin, translation.origin],
      });
    }
    return hits;
  },
};
