/**
 * JSON Schema validation of every source file kind, the config and the merged
 * catalog. Each schema in schema/ is compiled once per process by ajv (draft
 * 2020-12, strict, all errors); ajv's errors become `schema/<keyword>`
 * diagnostics worded for people, located through the file's JSON pointers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { schemaDir } from '../package-root.js';
import { escapePointer, type JsonFile } from './json-file.js';

export type SchemaName = 'registry' | 'messages' | 'config' | 'catalog';

const compiled = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv2020 | undefined;

function validatorFor(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    const schema = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** Validates a parsed source file; every violation becomes one located diagnostic. */
export function validateAgainstSchema(name: SchemaName, json: JsonFile): Diagnostic[] {
  const validate = validatorFor(name);
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
    const within = errors.filter((e) => e !== oneOf && (e.instancePath === oneOf.instancePath || e.instancePath.startsWith(`${oneOf.instancePath}/`)));
    const shallow = (e: ErrorObject) => e.keyword === 'type' || e.keyword === 'required' || e.keyword === 'oneOf';
    const informative = within.filter((e) => !shallow(e));
    if (oneOf.params.passingSchemas == null && informative.length > 0) {
      kept.delete(oneOf);
      for (const e of within) if (shallow(e) && e.instancePath === oneOf.instancePath) kept.delete(e);
    } else {
      for (const e of within) kept.delete(e);
    }
  }
  return errors.filter((e) => kept.has(e));
}

function toDiagnostic(error: ErrorObject, json: JsonFile, name: SchemaName): Diagnostic {
  let pointer = error.instancePath;
  if (error.keyword === 'additionalProperties') pointer += `/${escapePointer(String(error.params.additionalProperty))}`;
  const at = error.keyword === 'additionalProperties' ? json.locateKey(pointer) : json.locate(pointer);
  return {
    ruleId: `schema/${error.keyword}`,
    severity: 'error',
    message: `${pointer || 'The file'}: ${describe(error)} (${name} schema)`,
    place: { file: json.file, line: at.line, column: at.column, pointer },
  };
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing the required property ${JSON.stringify(p.missingProperty)}`;
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
