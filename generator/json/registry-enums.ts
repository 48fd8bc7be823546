/**
 * The registry schema's enums (schema/registry.schema.json), for the code that
 * reads registries without ajv (plain-registry.ts) and for the catalog's types
 * (catalog/model.ts). test/json/plain-registry.test.ts ties them to the schema.
 */

/** What the app should offer its user next (registry `action`). */
export const ACTIONS = [
  'sign-in-again',
  'check-connection',
  'retry',
  'retry-later',
  'fix-input',
  'update-app',
  'contact-support',
  'none',
] as const;

/** Whose problem it is (registry `fault`). */
export const FAULTS = ['user', 'app', 'service', 'network'] as const;

/** A declared param's type (registry `params`). */
export const PARAM_TYPES = ['string', 'number', 'plural', 'select', 'date', 'time'] as const;
