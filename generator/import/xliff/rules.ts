/**
 * Every rule id the XLIFF importer emits, with its severity and meaning; all
 * of kind `input` (a document that cannot be imported as it is).
 * generator/rules.ts lists them in the rule catalogue.
 *
 * Those every translation import reports (shadowed, no-target-file…) are
 * defined once in translations/rules.ts and spread in under this prefix.
 */
import { rulesOf } from '../../diagnostics/rule.js';
import { sharedImportRules } from '../translations/rules.js';

export const XLIFF_IMPORT_RULES = rulesOf('input', {
  'xliff-import/syntax': {
    severity: 'error',
    explanation: 'The XLIFF file is not well-formed XML (or uses an entity XML does not define); nothing is imported.',
  },
  'xliff-import/not-xliff': {
    severity: 'error',
    explanation: 'The root element is not an XLIFF 1.0–1.2 or 2.x <xliff>, or its version and namespace disagree; nothing is imported.',
  },
  'xliff-import/source-language': {
    severity: 'error',
    explanation: "srcLang (1.2: source-language) is not the catalog's source locale; nothing is imported.",
  },
  'xliff-import/unknown-locale': {
    severity: 'error',
    explanation: 'trgLang (1.2: target-language) is missing or not a locale of the catalog; nothing is imported.',
  },
  'xliff-import/mixed-languages': {
    severity: 'error',
    explanation:
      'The <file> elements of an XLIFF 1.2 document give different source-language or target-language values; nothing is imported.',
  },
  'xliff-import/unknown-unit': {
    severity: 'error',
    explanation: 'A unit or plural group id is not a key of the catalog; it is not imported.',
  },
  'xliff-import/duplicate-unit': { severity: 'error', explanation: 'Two units or groups have the same key; neither is imported.' },
  'xliff-import/removed-unit': {
    severity: 'warning',
    explanation: 'A key of the catalog has no unit in the file; its translation is left as it is.',
  },
  'xliff-import/placeholder-mismatch': {
    severity: 'error',
    explanation: 'A target removes, adds or edits a <ph> (1.2: <ph> or <x/>) of its source; the unit is not imported.',
  },
  'xliff-import/plural-group': {
    severity: 'error',
    explanation:
      "A codebook:plural group (1.2: restype x-codebook-plural) is malformed (unknown or repeated selector, no other form, an argument that is not the message's); it is not imported.",
  },
  'xliff-import/incomplete-plural': {
    severity: 'error',
    explanation: 'A plural group translates some forms but not every category the locale needs; it is not imported.',
  },
  'xliff-import/invalid-state': {
    severity: 'error',
    explanation:
      "A segment state is not initial, translated, reviewed or final (1.2: a target state is not one of 1.2's, e.g. an x- extension); the unit is not imported.",
  },
  'xliff-import/unsupported-content': {
    severity: 'error',
    explanation:
      'A target holds what a catalog message cannot (<pc>, <sc>, <ec>, a bad <cp>, an untranslated segment among translated ones; 1.2: <g>, <bx>, <ex>, <bpt>, <ept>, <it>, a <ph> holding markup); the unit is not imported.',
  },
  'xliff-import/icu-syntax': {
    severity: 'error',
    explanation: 'The ICU message rebuilt from a unit does not parse; the unit is not imported.',
  },
  'xliff-import/stale-source': {
    severity: 'warning',
    explanation: "A changed unit's source is not the catalog's current source text: it was translated from an older text. It is imported.",
  },
  'xliff-import/cleared-target': {
    severity: 'warning',
    explanation: 'A unit whose key has a translation comes back with an empty or no target; the current translation is kept.',
  },
  'xliff-import/empty-target': {
    severity: 'info',
    explanation:
      'A unit comes back with an empty target and its key has no translation; nothing is written (an empty target is no translation, never "").',
  },
  ...sharedImportRules('xliff-import', { locale: 'trgLang (1.2: target-language)', entries: 'units' }, [
    'locale-mismatch',
    'no-target-file',
    'shadowed',
  ]),
});

export type XliffImportRuleId = keyof typeof XLIFF_IMPORT_RULES;

declare module '../../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof XLIFF_IMPORT_RULES, true> {}
}
