/**
 * The contract between the pipeline and each output format. A target is a
 * plain module: `plan` is pure (catalog in, files out, no disk), owns the
 * folder `<out>/<id>/`, and reports what its format cannot carry as
 * diagnostics instead of writing a silently different file.
 */
import type { Catalog } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Finding } from '../review/finding.js';

export interface PlannedFile {
  /** Relative to the output folder, forward slashes, starting with the target id. */
  path: string;
  /** A template under templates/<target id>/, rendered with `context`... */
  template?: string;
  context?: object;
  /** ...or the finished text (canonical JSON bodies). */
  content?: string;
}

export interface TargetPlan {
  files: PlannedFile[];
  diagnostics: Diagnostic[];
}

export interface PlanOptions {
  config: Config;
  /** One line naming codebook, the source and the regenerate command; no date. */
  header: string;
  /** Translation-QA findings of the run (the review target shows them); empty when QA did not run. */
  findings?: readonly Finding[];
}

export interface Target {
  id: string;
  description: string;
  plan(catalog: Catalog, options: PlanOptions): TargetPlan;
}
