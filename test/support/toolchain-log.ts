/**
 * The summary block at the end of `npm test`: which toolchains were missing
 * and which test files (so which targets) they left unverified. Test files
 * append to MISSING_LOG as they skip (toolchain.ts); this global setup clears
 * it before the run and prints the block after it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MISSING_LOG = 'test/tmp/toolchains-missing.jsonl';

export function repoRootOf(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export default function setup(): () => void {
  const log = join(repoRootOf(), MISSING_LOG);
  rmSync(log, { force: true });
  return () => {
    const entries = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { tools: string[]; file: string })
      : [];
    const byTool = new Map<string, Set<string>>();
    for (const { tools, file } of entries)
      for (const tool of tools)
        byTool.set(tool, (byTool.get(tool) ?? new Set()).add(file.replace(/^test\//, '').replace(/\.test\.ts$/, '')));
    if (byTool.size === 0) {
      process.stderr.write(
        '\ntoolchains: every toolchain the tests asked for was present; each target they cover was checked by its real toolchain.\n',
      );
      return;
    }
    const lines = [...byTool]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([tool, files]) => `  ${tool.padEnd(14)} missing: not verified: ${[...files].sort().join(', ')}`);
    process.stderr.write(
      `\n\u001b[41m\u001b[37m TOOLCHAINS MISSING \u001b[0m run "bash .ci/install-toolchains.sh" (under CI=true these fail instead)\n${lines.join('\n')}\n`,
    );
  };
}
