/** The folder that holds codebook's package.json, schema/ and templates/, from source or from build/. */
import { existsSync } from 'node:fs';
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
