/** The folder that holds codebook's package.json, schema/ and templates/, from source or from build/. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schema')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('codebook: cannot find its package folder (schema/ and package.json)');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const schemaDir = join(packageRoot, 'schema');
export const templatesDir = join(packageRoot, 'templates');

/** A module `npm run build` precompiles under build/generator/ (found from source too); undefined when missing or unreadable. */
export function loadPrecompiled<T>(relativePath: string): T | undefined {
  const path = join(packageRoot, 'build', 'generator', relativePath);
  if (!existsSync(path)) return undefined;
  try {
    return createRequire(import.meta.url)(path) as T;
  } catch {
    return undefined;
  }
}
