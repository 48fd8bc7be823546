/**
 * Every rule id the PO importer emits, with its severity and meaning; all of
 * kind `input` (a document that cannot be imported as it is).
 * generator/rules.ts lists them in the rule catalogue.
 *
 * Those every translation import reports (shadowed, no-target-file…) are
 * defined once in translations/rules.ts and spread in under this prefix.
 */
import { rulesOf } from '../../diagnostics/rule.js';
import { sharedImportRules } from '../translations/rules.js';

export const PO_IMPORT_RULES = rulesOf('input', {
  'po-import/syntax': {
    severity: 'error',
    explanation:
      'The PO file does not read as PO (an unknown keyword, an unclosed string, an escape gettext does not know, escaped bytes that are not text in its charset); nothing is imported.',
  },
  'po-import/unknown-locale': {
    severity: 'error',
    explanation:
      'The header names no Language and --locale is not given, or its Language is not a target locale of the catalog; nothing is imported.',
  },
  'po-import/plural-forms': {
    severity: 'error',
    explanation:
      "The header's Plural-Forms sends some count to another msgstr index than gettext's rule for the language (the one codebook writes); no plural entry is imported.",
  },
  'po-import/nothing-recognised': {
    severity: 'error',
    explanation: "No entry's msgctxt is a key of the catalog (a PO of another project, or of no entries at all); nothing is imported.",
  },
  'po-import/unknown-entry': {
    severity: 'error',
    explanation: 'An entry has no msgctxt, or its msgctxt is not a key of the catalog; it is not imported.',
  },
  'po-import/duplicate-entry': { severity: 'error', explanation: 'Two entries have the same msgctxt; neither is imported.' },
  'po-import/removed-entry': {
    severity: 'warning',
    explanation:
      'A key of the catalog has no entry in the file (msgmerge makes removed entries obsolete, #~); its translation is left as it is.',
  },
  'po-import/entry-shape': {
    severity: 'error',
    explanation:
      'An entry does not have the fields its message needs: msgid_plural and msgstr[N] for a message without plural (or the reverse), or another number of msgstr[N] than nplurals; it is not imported.',
  },
  'po-import/brace-syntax': {
    severity: 'error',
    explanation:
      'A python-brace-format msgstr has a single { or }, or a field that is not an argument name ({0}, {name!r}, {name:>8}); the entry is not imported.',
  },
  'po-import/placeholder-mismatch': {
    severity: 'error',
    explanation: 'A msgstr uses an argument its source text does not, or lacks one it shows; the entry is not imported.',
  },
  'po-import/incomplete-plural': {
    severity: 'error',
    explanation: 'A plural entry translates some msgstr[N] but leaves others empty; it is not imported.',
  },
  'po-import/stale-source': {
    severity: 'warning',
    explanation:
      "A changed entry's msgid is not what the catalog's current source text gives: it was translated from an older text. It is imported.",
  },
  'po-import/cleared-target': {
    severity: 'warning',
    explanation: 'An entry whose key has a translation comes back with an empty msgstr; the current translation is kept.',
  },
  'po-import/plural-form-kept': {
    severity: 'warning',
    explanation:
      'A changed plural keeps a form PO has no msgstr for (an exact =N of no category of its own, a category gettext merges into another); check it still agrees with the new text.',
  },
  ...sharedImportRules('po-import', { locale: 'The Language of the PO', entries: 'entries' }, [
    'locale-mismatch',
    'no-target-file',
    'shadowed',
    'shared-text',
    'conflicting-edits',
  ]),
});

export type PoImportRuleId = keyof typeof PO_IMPORT_RULES;

declare module '../../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof PO_IMPORT_RULES, true> {}
}
