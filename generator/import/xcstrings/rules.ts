/**
 * Every rule id the String Catalog (.xcstrings) importer emits, with its
 * severity and meaning; all of kind `input` (a document that cannot be
 * imported as it is). generator/rules.ts lists them in the rule catalogue.
 *
 * Those every translation import reports (shadowed, no-target-file…) are
 * defined once in translations/rules.ts and spread in under this prefix.
 */
import { rulesOf } from '../../diagnostics/rule.js';
import { sharedImportRules } from '../translations/rules.js';

export const XCSTRINGS_IMPORT_RULES = rulesOf('input', {
  'xcstrings-import/syntax': {
    severity: 'error',
    explanation:
      'The file is not valid JSON, or not a String Catalog (an object with "sourceLanguage" and a "strings" object); nothing is imported.',
  },
  'xcstrings-import/source-language': {
    severity: 'error',
    explanation: "sourceLanguage is not the catalog's source locale; nothing is imported.",
  },
  'xcstrings-import/unknown-locale': {
    severity: 'error',
    explanation:
      'A localization is for a locale the catalog does not have (it is not imported), or --locale is not a target locale of the catalog.',
  },
  'xcstrings-import/locale-mismatch': {
    severity: 'error',
    explanation: 'The locale imported is not that of the source file being updated; nothing of it is imported.',
  },
  'xcstrings-import/nothing-recognised': {
    severity: 'error',
    explanation: 'No key of "strings" is a key of the catalog; nothing is imported.',
  },
  'xcstrings-import/unknown-entry': {
    severity: 'error',
    explanation: 'A key of "strings" is not a key of the catalog; it is not imported.',
  },
  'xcstrings-import/duplicate-entry': {
    severity: 'error',
    explanation: 'A key is given twice in "strings", or a locale twice in its localizations (JSON readers keep one); neither is imported.',
  },
  'xcstrings-import/removed-entry': {
    severity: 'warning',
    explanation:
      'A key the apple target writes has no entry in the file, or no localization of the locale; its translation is left as it is.',
  },
  'xcstrings-import/entry-shape': {
    severity: 'error',
    explanation:
      'A localization is neither a stringUnit nor plural variations of stringUnits, or is plural variations for a message without a plural argument (or the reverse shape is needed); it is not imported.',
  },
  'xcstrings-import/unsupported-content': {
    severity: 'error',
    explanation: 'A localization uses what the apple target never writes (substitutions, device variations); it is not imported.',
  },
  'xcstrings-import/invalid-state': {
    severity: 'error',
    explanation: 'A stringUnit state is not translated, needs_review or new; the localization is not imported.',
  },
  'xcstrings-import/placeholder-mismatch': {
    severity: 'error',
    explanation:
      'A value uses %N$… for no argument its source text shows, with another specifier than the export writes, a conversion without a position, or lacks an argument its source shows; it is not imported.',
  },
  'xcstrings-import/plural-category': {
    severity: 'error',
    explanation:
      'A plural variation that is no CLDR category of the locale (zero is =0 where the locale has no zero), or there is no "other"; it is not imported.',
  },
  'xcstrings-import/plural-form-kept': {
    severity: 'warning',
    explanation: 'A changed plural keeps a form the String Catalog has no variation for; check it still agrees with the new text.',
  },
  'xcstrings-import/stale-source': {
    severity: 'warning',
    explanation:
      "A changed entry's source-language value is not what the catalog's current source text gives: it was translated from an older text. It is imported.",
  },
  'xcstrings-import/cleared-target': {
    severity: 'warning',
    explanation: 'A localization whose key has a translation comes back with an empty value; the current translation is kept.',
  },
  ...sharedImportRules('xcstrings-import', { entries: 'entries', out: '--out; with several locales in the file, give --locale too' }, [
    'no-target-file',
    'shadowed',
    'shared-text',
    'conflicting-edits',
  ]),
});

export type XcstringsImportRuleId = keyof typeof XCSTRINGS_IMPORT_RULES;

declare module '../../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof XCSTRINGS_IMPORT_RULES, true> {}
}
