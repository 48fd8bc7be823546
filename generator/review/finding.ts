/**
 * A translation-QA finding: what `codebook review` reports and the review
 * page shows. Findings are computed on every layer stack (the layers up to
 * and including one layer) and on the merged catalog, so a problem in the
 * vendor text stays visible together with the layer that resolved it.
 */
import type { Origin } from '../catalog/model.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { QaRuleId } from './rules.js';

export interface Finding {
  /** A rule of rules.ts, with the `qa/` prefix: `qa/numbers-differ`, `qa/missing-translation`… */
  ruleId: QaRuleId;
  severity: Severity;
  key: string;
  /** The locales involved, sorted (two for a comparison between locales). */
  locales: string[];
  /** A sentence a translator understands, naming the values that differ. */
  message: string;
  /** The layer stack it was found in: a layer name from the config, or "merged" for the final catalog. */
  layer: string;
  /** Where the texts involved come from. */
  origins: Origin[];
  /** Set on a finding of an earlier layer that the merged catalog no longer has: the origins of the texts that replaced it. */
  resolvedBy?: Origin[];
}

// The target contract (emit/target.ts) sits below the review and does not
// name it: the review adds its findings to what a target is given, for the
// review target to show.
declare module '../emit/target.js' {
  interface PlanOptions {
    /** Translation-QA findings of the run (the review target shows them); empty when QA did not run. */
    findings?: readonly Finding[];
    /** The keys whose findings may differ from the last run's (a warm review's), when known: a warm run renders their rows again. */
    findingsChanged?: ReadonlySet<string>;
  }
}
