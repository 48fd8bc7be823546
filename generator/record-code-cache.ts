/**
 * Build step (`npm run build`, after the bundle): records V8's code cache of
 * the bundled command line (code-cache.ts). Runs `codebook generate` over the
 * embedded catalog, every target into a temporary folder, and `codebook
 * validate`, in this process with every module of the bundle compiled through
 * the cache, then stores what V8 compiled.
 *
 * Usage: node build/generator/record-code-cache.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, CACHE_FOLDER, clearCodeCache, useCodeCache } from './code-cache.js';
import { packageRoot } from './package-root.js';

/** Records the cache; returns the files written. Throws when a recorded command fails. */
export async function recordCodeCache(): Promise<string[]> {
  clearCodeCache();
  const cache = useCodeCache({ record: true });
  const { main } = createRequire(import.meta.url)(join(BUILD_DIR, 'bundle', 'cli.js')) as { main(argv: string[]): Promise<void> };
  const out = mkdtempSync(join(tmpdir(), 'codebook-code-cache-'));
  const config = join(packageRoot, 'codebook.config.json');
  try {
    for (const argv of [
      ['generate', '--no-cache', '-q', '-c', config, '-o', out],
      ['validate', '-q', '-c', config],
    ]) {
      await main(argv);
      if (process.exitCode) throw new Error(`codebook ${argv[0]} exited ${process.exitCode} while recording the code cache`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return cache.save();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await recordCodeCache();
  process.stdout.write(
    `codebook: recorded the code cache of ${files.length} module(s) in ${relative(process.cwd(), join(BUILD_DIR, CACHE_FOLDER))}/\n`,
  );
}
