/**
 * JSON Schema validation of every source file kind, the config and the merged
 * catalog, by ajv (draft 2020-12, strict, all errors); ajv's errors become
 * `schema/<keyword>` diagnostics worded for people, located through the
 * file's JSON pointers.
 *
 * The build compiles every schema in schema/ ahead of time into one
 * standalone module (`npm run build` runs generator/precompile.js,
 * which calls precompiledValidatorsSource), so a run loads neither ajv's
 * compiler nor compiles anything. That module keeps the text of each schema
 * it was compiled from; a schema whose file is not byte for byte that text
 * (edited since the build, or no build at all) is compiled by ajv at run
 * time, once per process, exactly as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020 as Ajv2020Class, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadPrecompiled, schemaDir } from '../package-root.js';
import { escapePointer, type JsonFile } from './json-file.js';
import { NOT_PLAIN, PLAIN_MESSAGES_SCHEMA_HASH, plainMessagesMembers } from './plain-messages.js';
import { PLAIN_REGISTRY_SCHEMA_HASH, plainRegistryMembers } from './plain-registry.js';
import { hashText } from './text-hash.js';
import type { JSON_RULES } from './rules.js';

/** A keyword of schema/ whose errors have a rule of their own (`schema/<keyword>` in rules.ts); a test checks the schemas use no other. */
type SchemaKeyword = { [R in keyof typeof JSON_RULES]: R extends `schema/${infer K}` ? K : never }[keyof typeof JSON_RULES];

export type SchemaName = 'registry' | 'messages' | 'config' | 'catalog';

/** Every schema compiled ahead of time. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['registry', 'messages', 'config', 'catalog'];

/** The ajv options of every validator, at run time and ahead of time alike. */
const AJV_OPTIONS: Options = { strict: true, allErrors: true, allowUnionTypes: true };

/** Where the build writes the precompiled validators, relative to build/generator/. */
export const PRECOMPILED_VALIDATORS = 'precompiled/validators.cjs';

interface PrecompiledValidators {
  /** The schema texts the validators were compiled from, by name. */
  sources: Record<string, string>;
  validators: Record<string, ValidateFunction>;
}

const require = createRequire(import.meta.url);
const compiled = new Map<SchemaName, ValidateFunction>();
/** The shortcuts past ajv, each with the hash of the schema text it was written against. */
const SHORTCUTS: Partial<Record<SchemaName, { hash: number; members: (value: unknown) => number }>> = {
  messages: { hash: PLAIN_MESSAGES_SCHEMA_HASH, members: plainMessagesMembers },
  registry: { hash: PLAIN_REGISTRY_SCHEMA_HASH, members: plainRegistryMembers },
};
/** The shortcuts that apply: their schema is the text they were written against (known once the validator is). */
const shortcuts = new Map<SchemaName, (value: unknown) => number>();
let ajv: Ajv2020Class | undefined;
let precompiled: PrecompiledValidators | null | undefined;

/** The build's precompiled validators, looked for once. */
function precompiledValidators(): PrecompiledValidators | null {
  if (precompiled === undefined) precompiled = loadPrecompiled<PrecompiledValidators>(PRECOMPILED_VALIDATORS) ?? null;
  return precompiled;
}

function newAjv(options: Options = {}): Ajv2020Class {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020({ ...AJV_OPTIONS, ...options });
}

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const text = readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8');
    const ready = precompiledValidators();
    if (ready && ready.sources[name] === text && typeof ready.validators[name] === 'function') {
      validate = ready.validators[name];
    } else {
      ajv ??= newAjv();
      validate = ajv.compile(JSON.parse(text));
    }
    const shortcut = SHORTCUTS[name];
    if (shortcut && hashText(text) === shortcut.hash) shortcuts.set(name, shortcut.members);
    compiled.set(name, validate);
  }
  return validate;
}

/**
 * Build time: the source of a CommonJS module with a standalone validator
 * for each schema (ajv/dist/standalone) and the schema texts they were
 * compiled from.
 */
export function precompiledValidatorsSource(): string {
  const { default: standaloneCode } = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
  const builder = newAjv({ code: { source: true } });
  const sources: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const name of SCHEMA_NAMES) {
    const text = readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8');
    const schema = JSON.parse(text) as { $id?: string };
    const id = schema.$id ?? `codebook:${name}`;
    builder.addSchema(schema, id);
    sources[name] = text;
    ids[name] = id;
  }
  const code = standaloneCode(builder, ids);
  return [
    '// Generated by `npm run build` (generator/precompile.ts) from schema/*.schema.json. Do not edit.',
    code,
    `exports.validators = { ${SCHEMA_NAMES.map((n) => `${JSON.stringify(n)}: exports[${JSON.stringify(n)}]`).join(', ')} };`,
    `exports.sources = ${JSON.stringify(sources)};`,
    '',
  ].join('\n');
}

/**
 * The number of member names in `value`, a file of kind `name`, when its schema accepts it for
 * certain (plain-messages.ts, plain-registry.ts: one walk that also counts the names); NOT_PLAIN
 * when only ajv can tell.
 */
export function plainMembers(name: SchemaName, value: unknown): number {
  validatorFor(name);
  return shortcuts.get(name)?.(value) ?? NOT_PLAIN;
}

/** Validates a parsed source file; every violation becomes one located diagnostic. */
export function validateAgainstSchema(name: SchemaName, json: JsonFile): Diagnostic[] {
  const validate = validatorFor(name);
  if (plainMembers(name, json.value) !== NOT_PLAIN) return [];
  if (validate(json.value)) return [];
  return simplifyErrors(validate.errors ?? []).map((error) => toDiagnostic(error, json, name));
}

/** Validates a value that has no file (the merged catalog); returns readable error lines. */
export function schemaErrorsOf(name: SchemaName, value: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(value)) return [];
  return simplifyErrors(validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${describe(e)}`);
}

/**
 * ajv reports a failed oneOf together with the failure of every branch
 * (branches reached through $ref carry the $ref's schema path, so errors are
 * matched by instance path). Keep what helps: the errors of the branch whose
 * type matched, or else one summary error for the oneOf itself.
 */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const kept = new Set(errors);
  for (const oneOf of errors.filter((e) => e.keyword === 'oneOf')) {
    const within = errors.filter(
      (e) => e !== oneOf && (e.instancePath === oneOf.instancePath || e.instancePath.startsWith(`${oneOf.instancePath}/`)),
    );
    const shallow = (e: ErrorObject) => e.keyword === 'type' || e.keyword === 'required' || e.keyword === 'oneOf';
    const informative = within.filter((e) => !shallow(e));
    if (oneOf.params.passingSchemas == null && informative.length > 0) {
      kept.delete(oneOf);
      for (const e of within) if (shallow(e) && e.instancePath === oneOf.instancePath) kept.delete(e);
    } else {
      for (const e of within) kept.delete(e);
    }
  }
  // A failed if/then only says "must match then"; the errors inside the then say what is missing.
  return errors.filter((e) => kept.has(e) && e.keyword !== 'if');
}

function toDiagnostic(error: ErrorObject, json: JsonFile, name: SchemaName): Diagnostic {
  let pointer = error.instancePath;
  if (error.keyword === 'additionalProperties') pointer += `/${escapePointer(String(error.params.additionalProperty))}`;
  const at = error.keyword === 'additionalProperties' ? json.locateKey(pointer) : json.locate(pointer);
  return {
    ruleId: `schema/${error.keyword as SchemaKeyword}`,
    severity: 'error',
    message: `${pointer || 'The file'}: ${describe(error)} (${name} schema)`,
    place: { file: json.file, line: at.line, column: at.column, pointer },
  };
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      // The config's three are required only without "extends" (schema/config.schema.json's if/then).
      return `missing the required property ${JSON.stringify(p.missingProperty)}${error.schemaPath.startsWith('#/then/') ? ' (or "extends" a base that sets it)' : ''}`;
    case 'additionalProperties':
      return `unknown property ${JSON.stringify(p.additionalProperty)}`;
    case 'type':
      return `must be ${article(String(p.type))}`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `does not match the pattern ${String(p.pattern)}`;
    case 'oneOf':
      return p.passingSchemas
        ? 'matches more than one of the allowed shapes (for a code entry: give exactly one of "code", "range" or "key")'
        : 'matches none of the allowed shapes (a string, or an object with the listed properties; for a code entry: one of "code", "range" or "key")';
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'uniqueItems':
      return `has duplicate items (${String(p.j)} and ${String(p.i)})`;
    case 'minLength':
      return 'must not be empty';
    case 'false schema':
      return 'must not be present';
    default:
      return error.message ?? error.keyword;
  }
}

function article(type: string): string {
  return type
    .split(',')
    .map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`))
    .join(' or ');
}
