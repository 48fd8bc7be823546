/**
 * The rule catalogue (generator/rules.ts): one table per stage, no id in two
 * of them, every rule with a kind, a severity and an explanation, and exit
 * codes chosen by kind exactly as they were by rule-id prefix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OF_KIND, EXIT_OK, EXIT_USAGE, exitCodeOf } from '../../generator/cli/common.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { SCHEMA_NAMES } from '../../generator/json/schemas.js';
import { qaChecks } from '../../generator/review/checks/index.js';
import { QA_RULE_IDS, QA_RULES } from '../../generator/review/rules.js';
import { kindOf, RULE_TABLES, RULES, type RuleId } from '../../generator/rules.js';
import { repoRoot } from '../support/catalogs.js';

const ids = Object.keys(RULES) as RuleId[];

describe('rule catalogue', () => {
  it('assembles every table, and no id is in two of them', () => {
    const tables = Object.values(RULE_TABLES);
    expect(ids.length).toBe(tables.reduce((n, t) => n + Object.keys(t).length, 0));
  });

  it('gives every rule a kind, a severity and an explanation; ids are kebab-case under a stage prefix', () => {
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z]+([A-Za-z-]*[a-z])?$/);
      expect(['input', 'config', 'output', 'usage']).toContain(RULES[id].kind);
      expect(['error', 'warning', 'info']).toContain(RULES[id].severity);
      expect(RULES[id].explanation.length, id).toBeGreaterThan(20);
    }
  });

  it('lists the QA rules in the order of the checks, which take their severity and explanation from it', () => {
    expect(qaChecks.map((c) => c.id)).toEqual(QA_RULE_IDS);
    for (const check of qaChecks)
      expect({ severity: check.severity, explanation: check.explanation }).toEqual({
        severity: QA_RULES[check.id].severity,
        explanation: QA_RULES[check.id].explanation,
      });
  });

  it('has a schema/<keyword> rule for every keyword of the schemas whose errors are reported', () => {
    // Keywords ajv reports errors under ("if" is dropped: the errors inside its "then" say what is wrong).
    const reported = new Set([
      'type',
      'enum',
      'const',
      'multipleOf',
      'maximum',
      'exclusiveMaximum',
      'minimum',
      'exclusiveMinimum',
      'maxLength',
      'minLength',
      'pattern',
      'format',
      'maxItems',
      'minItems',
      'uniqueItems',
      'contains',
      'maxProperties',
      'minProperties',
      'required',
      'dependentRequired',
      'additionalProperties',
      'propertyNames',
      'items',
      'oneOf',
      'anyOf',
      'not',
      'unevaluatedProperties',
      'unevaluatedItems',
    ]);
    const used = new Set<string>();
    const walk = (schema: unknown): void => {
      if (Array.isArray(schema)) return schema.forEach(walk);
      if (schema === null || typeof schema !== 'object') return;
      for (const [key, value] of Object.entries(schema)) {
        if (['properties', '$defs', 'patternProperties', 'dependentSchemas'].includes(key)) {
          Object.values(value as object).forEach(walk);
          continue;
        }
        // "items" reports errors of its own only as `false` (more items than "prefixItems"); else its subschema's.
        if (reported.has(key) && (key !== 'items' || value === false)) used.add(key);
        if (!['enum', 'const', 'default', 'examples', 'description', 'title'].includes(key)) walk(value);
      }
    };
    for (const name of SCHEMA_NAMES) walk(JSON.parse(readFileSync(join(repoRoot, 'schema', `${name}.schema.json`), 'utf8')));
    expect([...used].sort()).toEqual(
      expect.arrayContaining([
        'additionalProperties',
        'enum',
        'items',
        'minItems',
        'oneOf',
        'pattern',
        'propertyNames',
        'required',
        'type',
      ]),
    );
    expect([...used].map((k) => `schema/${k}`).filter((id) => !(id in RULES))).toEqual([]);
  });
});

describe('exit codes by kind', () => {
  const error = (ruleId: RuleId): Diagnostic => ({ ruleId, severity: 'error', message: 'x' });

  it('exits 2 for config, output and usage errors, 1 for input errors, 0 without errors', () => {
    expect(EXIT_OF_KIND).toEqual({ input: EXIT_INVALID, config: EXIT_USAGE, output: EXIT_USAGE, usage: EXIT_USAGE });
    expect(exitCodeOf({ config: {}, diagnostics: [error('schema/type')] })).toBe(EXIT_INVALID);
    expect(exitCodeOf({ config: {}, diagnostics: [error('schema/type'), error('config/empty-layer')] })).toBe(EXIT_USAGE);
    expect(exitCodeOf({ config: {}, diagnostics: [error('output/locked')] })).toBe(EXIT_USAGE);
    expect(exitCodeOf({ config: {}, diagnostics: [{ ...error('config/empty-layer'), severity: 'warning' }] })).toBe(EXIT_OK);
    expect(exitCodeOf({ diagnostics: [] })).toBe(EXIT_USAGE);
  });

  it('gives every rule the exit code its id prefix gave before kinds (config/ and output/: 2), but for the diff command’s own', () => {
    for (const id of ids.filter((r) => !r.startsWith('diff/'))) {
      const byPrefix = id.startsWith('config/') || id.startsWith('output/') ? EXIT_USAGE : EXIT_INVALID;
      expect(EXIT_OF_KIND[kindOf(id)], id).toBe(byPrefix);
    }
  });
});
