/**
 * Build step (`npm run build`, after tsc): compiles what every run would
 * otherwise compile first — the JSON Schemas of schema/ (ajv standalone code)
 * and the built-in templates of templates/ (Handlebars.precompile) — into
 * build/generator/precompiled/. Each generated module keeps the sources it
 * was made from, and the runtime uses a precompiled form only for a source
 * that is byte for byte the same, so a stale or missing module costs time,
 * never correctness.
 *
 * Usage: node build/generator/precompile.js
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPILED_VALIDATORS, precompiledValidatorsSource } from './json/schemas.js';
import { PRECOMPILED_TEMPLATES, precompiledTemplatesSource } from './emit/render.js';

/** Writes the precompiled modules under `generatorDir` (build/generator/); returns their paths. */
export function writePrecompiled(generatorDir: string = fileURLToPath(new URL('.', import.meta.url))): string[] {
  const outputs: [string, string][] = [
    [PRECOMPILED_VALIDATORS, precompiledValidatorsSource()],
    [PRECOMPILED_TEMPLATES, precompiledTemplatesSource()],
  ];
  return outputs.map(([relativePath, source]) => {
    const path = `${generatorDir.replace(/[\\/]$/, '')}/${relativePath}`;
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, source, 'utf8');
    renameSync(temp, path);
    return path;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writePrecompiled();
}
