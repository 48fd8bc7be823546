/**
 * The rules of loading, merging and validating the catalog: the layer files
 * and what they say together (registry, messages, ICU, parameters,
 * completeness).
 */
import { rulesOf } from '../diagnostics/rule.js';

export const CATALOG_RULES = rulesOf('input', {
  'source/encoding': { severity: 'error', explanation: 'A source file is not valid UTF-8.' },
  'load/skipped-checks': {
    severity: 'warning',
    explanation: 'Checks that depend on a file that failed to load were skipped (one line instead of a cascade).',
  },
  'registry/number-form': {
    severity: 'error',
    explanation: 'A registry number that JSON readers would change: beyond ±(2^53 − 1), in exponent form, or negative zero.',
  },
  'schema/kind': { severity: 'error', explanation: 'A layer file is neither a registry file (codes) nor a messages file (locale).' },
  'registry/duplicate-section': { severity: 'error', explanation: 'A section id is defined twice.' },
  'registry/duplicate-code': { severity: 'error', explanation: 'A code, range or named key is defined twice.' },
  'registry/unknown-section': { severity: 'error', explanation: 'A code refers to a section no registry defines.' },
  'registry/invalid-key': { severity: 'error', explanation: 'A named key looks like a code or range.' },
  'registry/invalid-range': { severity: 'error', explanation: 'A range ends before it starts.' },
  'registry/overlapping-ranges': { severity: 'error', explanation: 'Two ranges share codes, so lookup by number is ambiguous.' },
  'registry/code-in-range': {
    severity: 'error',
    explanation: "A code lies inside another entry's range, so lookup by number is ambiguous.",
  },
  'registry/unknown-user-message': {
    severity: 'error',
    explanation: 'A code names a user message ("user") that no messages file defines.',
  },
  'registry/unused-user-message': { severity: 'warning', explanation: 'A user message that no code names.' },
  'completeness/missing-user': {
    severity: 'error',
    explanation: 'In a catalog with user messages, a key has no source-locale user message.',
  },
  'registry/missing-unknown': {
    severity: 'error',
    explanation: 'The registry lacks the generic "unknown" message apps show for codes the catalog lacks.',
  },
  'key/unsafe': {
    severity: 'error',
    explanation: 'A key that breaks JS objects or i18next (__proto__, ".", ":", plural suffixes, "default").',
  },
  'locale/unknown-locale': {
    severity: 'error',
    explanation: "A messages file's locale is not a canonical BCP 47 tag listed in the config.",
  },
  'locale/unknown-key': { severity: 'error', explanation: 'A messages file has a key the registry does not define.' },
  'locale/unknown-section': { severity: 'error', explanation: 'A messages file titles a section the registry does not define.' },
  'merge/conflict': { severity: 'error', explanation: 'Two files of one layer give the same key in the same locale.' },
  'icu/syntax': { severity: 'error', explanation: 'A message is not valid ICU MessageFormat.' },
  'icu/missing-plural-category': { severity: 'error', explanation: 'A plural lacks a category the locale uses (Intl.PluralRules).' },
  'icu/unused-plural-category': { severity: 'warning', explanation: 'A plural has a category the locale never selects.' },
  'params/undeclared': { severity: 'error', explanation: 'A message uses an argument the registry does not declare.' },
  'params/missing': { severity: 'error', explanation: 'A message lacks a declared argument, so locales would show different facts.' },
  'params/type-mismatch': { severity: 'error', explanation: 'A message uses an argument as a different kind than declared.' },
  'completeness/missing-source': { severity: 'error', explanation: 'A key has no text in the source locale.' },
  'completeness/missing': { severity: 'warning', explanation: 'A key has no text in a locale; apps fall back to the source locale.' },
  'completeness/missing-section-title': {
    severity: 'warning',
    explanation: 'A section has no title in a locale (an error for the source locale).',
  },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof CATALOG_RULES, true> {}
}
