/**
 * Severities of the QA rules: each rule's default can be changed or turned
 * off per project (`review.severities` in the config), and `--strict` (or
 * `review.strict`) makes every open warning an error, so CI fails on it.
 */
import { unknownRuleIds as unknownOf, type SeveritySetting } from '../config/review-settings.js';
import type { Finding } from './finding.js';
import { QA_RULE_IDS } from './rules.js';

/** Rule ids of a severities setting that no check has, so the config can report typos. */
export function unknownRuleIds(severities: Readonly<Record<string, SeveritySetting>>): string[] {
  return unknownOf(severities, QA_RULE_IDS);
}

/**
 * Open warnings become errors. Resolved findings (an earlier layer's
 * problem that a later layer fixed) keep their severity: they are history,
 * not something the run can fail on.
 */
export function applyStrict(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => (f.severity === 'warning' && !f.resolvedBy ? { ...f, severity: 'error' } : f));
}

/** True when an open finding is an error: what makes `codebook review` exit 1. */
export function hasOpenErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && !f.resolvedBy);
}
