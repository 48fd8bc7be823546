/**
 * The translation-QA rules: one per check of checks/ (in the order reports
 * list them), with the severity a project can change or turn off in
 * `review.severities`. A check takes its id, severity and explanation from
 * here (`qaRule`), so this table is the list of qa/ rules the config, the
 * catalogue and the exit codes read without loading the checks themselves.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const QA_RULES = rulesOf('input', {
  'qa/missing-translation': {
    severity: 'warning',
    explanation: 'A locale has no text, or only whitespace, for a key; apps show the fallback language instead.',
  },
  'qa/same-as-source': {
    severity: 'warning',
    explanation: 'A translation is identical to the source text (texts that are only codes or identifiers are skipped).',
  },
  'qa/placeholders-differ': {
    severity: 'error',
    explanation: 'A translation uses a different set of ICU arguments ({name}) than the source text.',
  },
  'qa/numbers-differ': {
    severity: 'warning',
    explanation:
      'Two locales of one code state different numbers (limits, sizes, durations), after normalising separators, full-width digits and units.',
  },
  'qa/markup-differs': {
    severity: 'warning',
    explanation: 'Locales carry different markup (<br>, <code>…</code>, [labels]/【labels】), or a text has unbalanced brackets.',
  },
  'qa/whitespace': { severity: 'warning', explanation: 'A text has leading, trailing or doubled whitespace.' },
  'qa/end-punctuation': {
    severity: 'warning',
    explanation:
      'A text ends with the full stop of another script ("." in Japanese, "。" in Korean or English), or with none where the source has one.',
  },
  'qa/length-ratio': {
    severity: 'info',
    explanation: 'A translation is over 3 times longer or shorter than the per-script expectation relative to the source.',
  },
  'qa/duplicate-diverging': {
    severity: 'info',
    explanation: 'Keys with the same source text have different translations (or the reverse), or the vendor document lists a code twice.',
  },
  'qa/import-doubt': {
    severity: 'warning',
    explanation: 'The vendor import recorded a doubt about this text (empty or duplicated vendor row, cut markup…).',
  },
  'qa/state-not-final': { severity: 'info', explanation: 'A translation is in state "initial": written, not yet reviewed.' },
  'qa/user-jargon': {
    severity: 'warning',
    explanation:
      "A user message names an internal term from the config's review.jargon list (SDK, UserSig, JSON…), which end users can neither read nor act on.",
  },
  'qa/user-too-long': {
    severity: 'warning',
    explanation:
      'A user message longer than review.userMessageMaxLength characters in English (90 by default), scaled per script for other locales.',
  },
  'qa/no-action': {
    severity: 'warning',
    explanation: 'In a catalog with user messages, a code without an action or a fault: apps cannot tell what to offer their user.',
  },
});

export type QaRuleId = keyof typeof QA_RULES;

/** Every qa/ rule id, in report order. */
export const QA_RULE_IDS = Object.keys(QA_RULES) as QaRuleId[];

/** A check's id, default severity and explanation. */
export function qaRule<R extends QaRuleId>(id: R): { id: R; severity: (typeof QA_RULES)[R]['severity']; explanation: string } {
  const { severity, explanation } = QA_RULES[id];
  return { id, severity, explanation };
}

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<QaRuleId, true> {}
}
