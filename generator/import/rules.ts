/**
 * Every rule id the vendor-document importer (`codebook import` of a PDF
 * text or pipe table) emits: repairs (info: the text was changed
 * mechanically), doubts (warning: a person has to decide), and the refusals
 * that write nothing (error). All of kind `input`. The importers of
 * translated files (xliff/, po/, arb/, xcstrings/, android/) have tables of
 * their own; generator/rules.ts lists them all in the rule catalogue.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const VENDOR_IMPORT_RULES = rulesOf('input', {
  'import/cover-skipped': {
    severity: 'info',
    explanation: 'The cover page before the first part heading is skipped: it holds no message.',
  },
  'import/intro-skipped': { severity: 'info', explanation: "A part's intro note is skipped: it is not a message." },
  'import/notes-skipped': { severity: 'info', explanation: "A part's closing notes are skipped: they are not messages." },
  'import/page-break-joined': { severity: 'info', explanation: 'A message split by a page break is joined back into one text.' },
  'import/page-break-ambiguous': {
    severity: 'warning',
    explanation:
      'A message split by a page break is joined with a space, though the break may fall inside a word or markup; check the text.',
  },
  'import/range-joined': { severity: 'info', explanation: 'A code range the document splits over two lines is joined.' },
  'import/range-incomplete': {
    severity: 'warning',
    explanation: 'A line holds only "-" after a row, like a range whose end is missing; the row is kept as a single code.',
  },
  'import/stray-separator': { severity: 'info', explanation: 'A table rule or a stray separator line is dropped.' },
  'import/markup-closed': { severity: 'info', explanation: 'Markup the document cut off in a message is closed.' },
  'import/markup-truncated': { severity: 'warning', explanation: 'A message ends in a cut tag.' },
  'import/markup-unclosed': { severity: 'warning', explanation: 'A message has markup that is never closed.' },
  'import/row-unclosed': { severity: 'info', explanation: 'A table row has no closing "|"; its text is read to the end of the line.' },
  'import/duplicate-row': {
    severity: 'warning',
    explanation: 'The document lists one code twice; one row is kept (the non-empty one, else the first).',
  },
  'import/empty-message': { severity: 'warning', explanation: 'The document leaves a message empty; the key gets no text.' },
  'import/unknown-heading': {
    severity: 'warning',
    explanation:
      'A table has no heading, or one that is not a known heading of its part; its rows are filed under a section named after the part.',
  },
  'import/duplicate-heading': {
    severity: 'warning',
    explanation: 'A heading repeats a section of its part; its rows are added to that section.',
  },
  'import/row-outside-section': {
    severity: 'warning',
    explanation: 'A row comes before any table header of its part; it is filed under a section of its own.',
  },
  'import/unrecognized-line': { severity: 'warning', explanation: 'A line is neither a row, a heading nor a note; it is left out.' },
  'import/no-part-heading': {
    severity: 'warning',
    explanation: 'The document has no part heading such as "(1) IM SDK …"; nothing is imported.',
  },
  'import/icu-round-trip': {
    severity: 'error',
    explanation: 'The ICU source written for a message does not read back as the vendor text.',
  },
  'import/key-only-in-locale': {
    severity: 'warning',
    explanation: 'Of the documents of several locales imported together, one has a key the others lack.',
  },
  'import/nothing-recognised': {
    severity: 'error',
    explanation: 'The document has no error-code table the importer recognises (no key at all); nothing is written.',
  },
  'import/too-few-keys': {
    severity: 'error',
    explanation: 'The document gives fewer than half of the keys the file it would replace has; nothing is written.',
  },
});

export type VendorImportRuleId = keyof typeof VENDOR_IMPORT_RULES;

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<VendorImportRuleId, true> {}
}
