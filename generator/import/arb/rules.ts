/**
 * Every rule id the ARB importer emits, with its severity and meaning; all
 * of kind `input` (a document that cannot be imported as it is).
 * generator/rules.ts lists them in the rule catalogue.
 *
 * Those every translation import reports (shadowed, no-target-file…) are
 * defined once in translations/rules.ts and spread in under this prefix.
 */
import { rulesOf } from '../../diagnostics/rule.js';
import { sharedImportRules } from '../translations/rules.js';

export const ARB_IMPORT_RULES = rulesOf('input', {
  'arb-import/syntax': { severity: 'error', explanation: 'The ARB file is not valid JSON, or not a JSON object; nothing is imported.' },
  'arb-import/unknown-locale': {
    severity: 'error',
    explanation:
      '"@@locale" (else --locale, else the file name app_<locale>.arb) names no target locale of the catalog; nothing is imported.',
  },
  'arb-import/nothing-recognised': {
    severity: 'error',
    explanation:
      'No key of the ARB is an identifier of the catalog (error_6014, error_detail_6014: the identifier table of the flutter target); nothing is imported.',
  },
  'arb-import/unknown-entry': {
    severity: 'error',
    explanation: 'A key of the ARB is not an identifier of the catalog; it is not imported.',
  },
  'arb-import/duplicate-entry': {
    severity: 'error',
    explanation: 'The ARB has the same key twice (JSON readers keep one of them); neither is imported.',
  },
  'arb-import/removed-entry': {
    severity: 'warning',
    explanation: 'A key the flutter target writes for the locale is missing from the ARB; its translation is left as it is.',
  },
  'arb-import/entry-shape': { severity: 'error', explanation: 'A message key whose value is not a string; it is not imported.' },
  'arb-import/icu-syntax': {
    severity: 'error',
    explanation:
      "A value is not a message gen-l10n reads (use-escaping: true): an unclosed ' or brace, an expression that is not {name}, {name, plural, …} or {name, select, …}; it is not imported.",
  },
  'arb-import/placeholder-mismatch': {
    severity: 'error',
    explanation: 'A value uses a placeholder its source text does not, or lacks one it shows; it is not imported.',
  },
  'arb-import/plural-category': {
    severity: 'error',
    explanation:
      'A plural case that is no CLDR category of the locale nor =0, =1, =2 (what gen-l10n accepts), one given twice, or a plural or select without "other"; it is not imported.',
  },
  'arb-import/cleared-target': {
    severity: 'warning',
    explanation: 'A key whose translation exists comes back with an empty value; the current translation is kept.',
  },
  ...sharedImportRules('arb-import', { locale: 'The "@@locale" of the file', entries: 'entries' }, [
    'locale-mismatch',
    'no-target-file',
    'shadowed',
    'shared-text',
    'conflicting-edits',
  ]),
});

export type ArbImportRuleId = keyof typeof ARB_IMPORT_RULES;

declare module '../../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof ARB_IMPORT_RULES, true> {}
}
