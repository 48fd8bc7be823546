/**
 * A translation-QA finding: what `codebook review` reports and the review
 * page shows. Findings are computed on every layer stack (the layers up to
 * and including one layer) and on the merged catalog, so a problem in the
 * vendor text stays visible together with the layer that resolved it.
 */
import type { Origin } from '../catalog/model.js';
import type { Severity } from '../diagnostics/diagnostic.js';

export interface Finding {
  /** Kebab-case with the `qa/` prefix: `qa/numbers-differ`, `qa/missing-translation`… */
  ruleId: string;
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
