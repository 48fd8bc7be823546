/**
 * The rules of the JSON reader (json-file.ts) and of JSON Schema validation
 * (schemas.ts, one rule per schema keyword): every file codebook reads, the
 * config included, goes through them.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const JSON_RULES = rulesOf('input', {
  'json/syntax': { severity: 'error', explanation: 'A source or config file is not valid JSON.' },
  'json/too-deep': { severity: 'error', explanation: 'Arrays or objects nested deeper than 64 levels.' },
  'json/duplicate-key': { severity: 'error', explanation: 'An object repeats a key; JSON parsers would silently keep the last.' },
  'schema/required': { severity: 'error', explanation: 'A required property is missing.' },
  'schema/additionalProperties': { severity: 'error', explanation: 'A property the schema does not know (often a typo).' },
  'schema/type': { severity: 'error', explanation: 'A value has the wrong JSON type.' },
  'schema/oneOf': { severity: 'error', explanation: 'A value matches none, or more than one, of the allowed shapes.' },
  'schema/enum': { severity: 'error', explanation: 'A value is not one of the allowed values.' },
  'schema/pattern': { severity: 'error', explanation: 'A string does not have the required form.' },
  'schema/propertyNames': {
    severity: 'error',
    explanation: 'A member name does not have the required form (a rule id under review.severities, a user message id).',
  },
  'schema/minLength': { severity: 'error', explanation: 'A string is empty where a value is needed.' },
  'schema/minItems': {
    severity: 'error',
    explanation: 'An array has too few items (no locale, a layer without files, a range without its end).',
  },
  'schema/items': { severity: 'error', explanation: 'An array has more items than allowed (a range with more than its two bounds).' },
  'schema/uniqueItems': {
    severity: 'error',
    explanation: 'An array repeats an item that may appear once (a locale, a shared folder, a target).',
  },
  'schema/minimum': { severity: 'error', explanation: 'A number is below the smallest value allowed.' },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof JSON_RULES, true> {}
}
