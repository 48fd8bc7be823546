/**
 * Every rule id the Android strings.xml importer emits, with its severity
 * and meaning; all of kind `input` (a document that cannot be imported as it
 * is). generator/rules.ts lists them in the rule catalogue.
 *
 * Those every translation import reports (shadowed, no-target-file…) are
 * defined once in translations/rules.ts and spread in under this prefix.
 */
import { rulesOf } from '../../diagnostics/rule.js';
import { sharedImportRules } from '../translations/rules.js';

export const ANDROID_IMPORT_RULES = rulesOf('input', {
  'android-import/syntax': { severity: 'error', explanation: 'The file is not well-formed XML; nothing is imported.' },
  'android-import/not-android': {
    severity: 'error',
    explanation: 'The root element is not the <resources> of an Android string resource file; nothing is imported.',
  },
  'android-import/unknown-locale': {
    severity: 'error',
    explanation:
      'Neither --locale nor a values-<qualifier> folder names the locale, or it is not a target locale of the catalog (values/ is the source locale); nothing is imported.',
  },
  'android-import/nothing-recognised': {
    severity: 'error',
    explanation:
      'No resource name is an identifier of the catalog (error_6014, error_detail_6014: the identifier table of the android target); nothing is imported.',
  },
  'android-import/unknown-entry': {
    severity: 'error',
    explanation:
      'A resource has no name, a name that is no identifier of the catalog, or is of a kind codebook does not write (<string-array>…); it is not imported.',
  },
  'android-import/duplicate-entry': { severity: 'error', explanation: 'Two resources have the same name; neither is imported.' },
  'android-import/removed-entry': {
    severity: 'warning',
    explanation: 'A key the android target writes for the locale has no resource in the file; its translation is left as it is.',
  },
  'android-import/entry-shape': {
    severity: 'error',
    explanation: 'A <string> for a message with a plural (which the target writes as <plurals>), or the reverse; it is not imported.',
  },
  'android-import/escape': {
    severity: 'error',
    explanation:
      'The text is not what aapt2 reads as text: an unescaped apostrophe, a leading unescaped @ or ? (a resource reference), a bad \\u escape, an entity XML does not define; the resource is not imported.',
  },
  'android-import/quote': {
    severity: 'warning',
    explanation:
      'An unescaped " toggles aapt2\'s quoting and is not part of the text (write \\" for a quotation mark); imported as aapt2 reads it.',
  },
  'android-import/unsupported-content': {
    severity: 'error',
    explanation:
      'The text holds markup (<b>, <i>, <annotation>: a styled span) that a catalog message cannot hold; <xliff:g> is read through. The resource is not imported.',
  },
  'android-import/placeholder-mismatch': {
    severity: 'error',
    explanation:
      'A text uses %N$s for no argument its source text shows, another conversion than %N$s or %%, or lacks an argument its source shows; the resource is not imported.',
  },
  'android-import/plural-items': {
    severity: 'error',
    explanation:
      'A <plurals> item has a quantity that is no CLDR category of the locale, or one given twice, or there is no "other" item; it is not imported.',
  },
  'android-import/plural-form-kept': {
    severity: 'warning',
    explanation:
      'A changed plural keeps a form Android has no item for (an exact =N no category holds alone); check it still agrees with the new text.',
  },
  'android-import/cleared-target': {
    severity: 'warning',
    explanation: 'A resource whose key has a translation comes back empty; the current translation is kept.',
  },
  ...sharedImportRules('android-import', { locale: 'The values-<qualifier> folder', entries: 'resources' }, [
    'locale-mismatch',
    'no-target-file',
    'shadowed',
    'shared-text',
    'conflicting-edits',
  ]),
});

export type AndroidImportRuleId = keyof typeof ANDROID_IMPORT_RULES;

declare module '../../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof ANDROID_IMPORT_RULES, true> {}
}
