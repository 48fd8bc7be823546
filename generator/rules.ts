/**
 * The rule catalogue: every rule id codebook reports, with its kind, default
 * severity and a one-line explanation. Each stage defines its own rules next
 * to the code that reports them; they are assembled here, above every stage,
 * for the command line (exit codes by kind) and the tests (every rule has a
 * bad-input case, nothing is reported under an id missing here). The tables
 * are data only, so loading the catalogue loads no stage.
 */
import type { RuleId, RuleInfo, RuleKind } from './diagnostics/rule.js';
import { JSON_RULES } from './json/rules.js';
import { CONFIG_RULES } from './config/rules.js';
import { OUTPUT_RULES } from './output/rules.js';
import { CATALOG_RULES } from './catalog/rules.js';
import { EMIT_RULES } from './emit/rules.js';
import { QA_RULES } from './review/rules.js';
import { TARGET_RULES } from './targets/rules.js';
import { VENDOR_IMPORT_RULES } from './import/rules.js';
import { XLIFF_IMPORT_RULES } from './import/xliff/rules.js';
import { PO_IMPORT_RULES } from './import/po/rules.js';
import { ARB_IMPORT_RULES } from './import/arb/rules.js';
import { XCSTRINGS_IMPORT_RULES } from './import/xcstrings/rules.js';
import { ANDROID_IMPORT_RULES } from './import/android/rules.js';
import { DIFF_RULES } from './diff/rules.js';

export type { RuleId, RuleInfo, RuleKind } from './diagnostics/rule.js';
// Exported as well so that a program that sees this module sees every table's ids (RuleIds), from the declarations too.
export {
  JSON_RULES,
  CONFIG_RULES,
  OUTPUT_RULES,
  CATALOG_RULES,
  EMIT_RULES,
  QA_RULES,
  TARGET_RULES,
  VENDOR_IMPORT_RULES,
  XLIFF_IMPORT_RULES,
  PO_IMPORT_RULES,
  ARB_IMPORT_RULES,
  XCSTRINGS_IMPORT_RULES,
  ANDROID_IMPORT_RULES,
  DIFF_RULES,
};

/** Each stage's table, by the stage that reports its rules (no id is in two). */
export const RULE_TABLES = {
  json: JSON_RULES,
  config: CONFIG_RULES,
  output: OUTPUT_RULES,
  catalog: CATALOG_RULES,
  emit: EMIT_RULES,
  review: QA_RULES,
  targets: TARGET_RULES,
  import: VENDOR_IMPORT_RULES,
  'import/xliff': XLIFF_IMPORT_RULES,
  'import/po': PO_IMPORT_RULES,
  'import/arb': ARB_IMPORT_RULES,
  'import/xcstrings': XCSTRINGS_IMPORT_RULES,
  'import/android': ANDROID_IMPORT_RULES,
  diff: DIFF_RULES,
} as const;

type ListedId = { [S in keyof typeof RULE_TABLES]: keyof (typeof RULE_TABLES)[S] }[keyof typeof RULE_TABLES];

/**
 * Every rule, in the order of the tables. Typed so that a table whose ids are
 * registered (RuleIds) but that is not listed above does not compile.
 */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.assign({}, ...Object.values(RULE_TABLES)) as Record<ListedId, RuleInfo>;

/** The kind of a rule: what the exit code of a command is chosen by. */
export function kindOf(ruleId: RuleId): RuleKind {
  return RULES[ruleId].kind;
}
