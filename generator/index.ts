/** codebook as a library: the pipeline stages and their types. The CLI is a thin layer over these. */
export {
  generate,
  loadCatalog,
  toPlainCatalog,
  type CatalogResult,
  type GenerateOptions,
  type GenerateResult,
  type LoadOptions,
} from './pipeline.js';
export type { Catalog, Message, Translation, Section, Param, Origin, ParamType, TranslationState } from './catalog/model.js';
export type { Diagnostic, Severity, Place, Note } from './diagnostics/diagnostic.js';
export { RULES, kindOf, type RuleId, type RuleInfo, type RuleKind } from './rules.js';
export type { Target, TargetPlan, PlannedFile, PlanOptions } from './emit/target.js';
export type { Config } from './config/load-config.js';
export { builtInTargets } from './targets/index.js';
export { compareKeys, keyOfCode, keyOfRange, parseKey, UNKNOWN_KEY } from './catalog/keys.js';
export { importVendorDocument, detectShape, type ImportResult, type VendorShape } from './import/index.js';
export { formatDiagnosticsText } from './diagnostics/format-text.js';
export { formatDiagnosticsJson } from './diagnostics/format-json.js';
