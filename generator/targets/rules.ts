/**
 * The rules of the built-in targets: what one output format cannot carry
 * (`<target>/unrepresentable`), what it drops with a warning, and the limits
 * of the generated lookups.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const TARGET_RULES = rulesOf('input', {
  'i18next/unrepresentable': {
    severity: 'error',
    explanation: 'A message uses something i18next cannot express ({{ or $t( in text, select, two plurals).',
  },
  'lookup/code-out-of-range': {
    severity: 'error',
    explanation: 'A code or range bound does not fit a signed 32-bit integer, the code type of the generated lookups.',
  },
  'lookup/unknown-message': {
    severity: 'error',
    explanation: 'The "unknown" message is missing or does not take exactly one argument (the code) of type number or string.',
  },
  'android/unrepresentable': {
    severity: 'error',
    explanation: 'A message uses something strings.xml cannot carry (NUL, a lone surrogate, a select, a skeleton).',
  },
  'android/exact-selector-dropped': {
    severity: 'warning',
    explanation: 'An exact plural selector (=0) has no Android quantity of its own in this locale and is dropped.',
  },
  'apple/unrepresentable': {
    severity: 'error',
    explanation: 'A message uses something .strings/.stringsdict cannot carry (C0 controls in plist XML, exact selectors other than =0).',
  },
  'flutter/unrepresentable': { severity: 'error', explanation: 'A message uses something ARB/gen-l10n cannot carry.' },
  'gettext/unrepresentable': {
    severity: 'error',
    explanation:
      'A message uses something PO cannot carry (an empty translation, a select, a plural the source lacks, a control character other than tab and line feed).',
  },
  'gettext/plural-form-dropped': {
    severity: 'warning',
    explanation: 'A plural form has no msgstr index of its own in gettext for this language.',
  },
  'java/unrepresentable': { severity: 'error', explanation: 'A message uses something .properties/MessageFormat cannot carry.' },
  'xliff/unrepresentable': {
    severity: 'error',
    explanation:
      'A message uses something XLIFF cannot carry (a select; in 1.2 also a character XML 1.0 cannot carry, as 1.2 has no <cp>).',
  },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof TARGET_RULES, true> {}
}
