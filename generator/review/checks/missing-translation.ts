/**
 * qa/missing-translation: a locale has no text for a key, or only
 * whitespace. Apps fall back to another locale, so a reader sees another
 * language. A missing source text is an error (nothing to fall back to);
 * the import's doubts about the gap, if any, are named. A locale whose
 * configured fallback chain has the text (zh-Hant → zh-Hans) is listed as a
 * fallback, an info, not as done and not as missing.
 */
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { isBlank } from './text.js';

export const missingTranslation: QaCheck = {
  ...qaRule('qa/missing-translation'),
  scope: 'message',
  check(message, catalog, { gaps }) {
    const hits: CheckHit[] = [];
    for (const locale of catalog.locales) {
      const translation = message.translations[locale];
      const isSource = locale === catalog.sourceLocale;
      const severity = isSource ? ('error' as const) : undefined;
      if (translation && !isBlank(translation.text)) continue;
      if (translation) {
        hits.push({
          locales: [locale],
          message: `The ${locale} text is empty.`,
          origins: [translation.origin],
          ...(severity ? { severity } : {}),
        });
        continue;
      }
      const here = gaps.filter((g) => g.locale === locale);
      const why = here.length > 0 ? ` (${here.map((g) => g.origin.file).join(', ')} names the key without text)` : '';
      const chained = isSource ? undefined : (catalog.fallback?.[locale] ?? []).find((l) => message.translations[l]?.text.trim());
      hits.push({
        locales: [locale],
        message: isSource
          ? `No ${locale} text${why}; the source locale must be complete.`
          : chained
            ? `No ${locale} text${why}; falls back to ${chained}, as configured (a fallback, not a translation).`
            : `No ${locale} text${why}; apps fall back to ${catalog.sourceLocale}.`,
        origins: here.map((g) => g.origin),
        subjects: [{ key: message.key, locale, ...(here.length > 0 ? { origin: here[here.length - 1].origin } : {}) }],
        ...(severity ? { severity } : chained ? { severity: 'info' as const } : {}),
      });
    }
    return hits;
  },
};
