/**
 * The `review` section of the config, as the config stage reads and merges
 * it. The review (generator/review/) runs the QA checks with these settings;
 * the config only knows their shape. Which rule ids `severities` may name is
 * the review's to say: the caller of loadConfig passes them (see
 * `LoadConfigOptions.reviewRules`), as the config sits below the review.
 */
import type { Severity } from '../diagnostics/diagnostic.js';

/** A QA rule's severity in a project, or "off" to skip the rule. */
export type SeveritySetting = Severity | 'off';

/** The config's settings that checks read. */
export interface CheckSettings {
  /** Internal terms no user message may name. */
  jargon?: readonly string[];
  /** The longest user message in the source locale, in characters. */
  userMessageMaxLength?: number;
}

/** The review settings of a config (`review` in codebook.config.json). */
export interface ReviewSettings extends CheckSettings {
  severities?: Readonly<Record<string, SeveritySetting>>;
  strict?: boolean;
}

/** Rule ids of a severities setting that are not among `known`, sorted, so the config can report typos. */
export function unknownRuleIds(severities: Readonly<Record<string, SeveritySetting>>, known: readonly string[]): string[] {
  return Object.keys(severities)
    .filter((id) => !known.includes(id))
    .sort();
}
