/**
 * Tests that need a system tool (aapt2, msgfmt, xmllint, java, GNUstep,
 * chromium, translate-toolkit) ask for it here. On a developer machine a
 * missing tool skips the test with a loud warning; under CI=true it fails, so
 * CI can never pass by skipping. `.ci/install-toolchains.sh` installs them all.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MISSING_LOG, repoRootOf } from './toolchain-log.js';

const cache = new Map<string, string | undefined>();

/**
 * Toolchains that are no single command, by the name tests ask for (and the
 * end-of-run summary prints): the files that make one present, and what it
 * verifies.
 */
export const TOOLCHAINS: Record<string, { files: string[]; verifies: string }> = {
  // Debian's translate-toolkit (python3-translate): only Debian's python3 sees the module.
  'translate-toolkit': {
    files: ['/usr/bin/python3', '/usr/lib/python3/dist-packages/translate/storage/factory.py', '/usr/bin/pot2po', '/usr/bin/pomerge'],
    verifies:
      'a second reader of the gettext (PO, POT), android, apple (.strings), java, flutter (ARB), i18next and xliff (1.2) files; PO import after pot2po and pomerge',
  },
};

/** Absolute path of a command or file (or the first file of a TOOLCHAINS entry whose files all exist), or undefined. */
export function findTool(name: string): string | undefined {
  if (!cache.has(name)) {
    let found: string | undefined;
    const toolchain = TOOLCHAINS[name];
    if (toolchain) found = toolchain.files.every((f) => existsSync(f)) ? toolchain.files[0] : undefined;
    else if (name.startsWith('/')) found = existsSync(name) ? name : undefined;
    else {
      try {
        found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
      } catch {
        found = undefined;
      }
    }
    cache.set(name, found);
  }
  return cache.get(name);
}

/**
 * True when every tool is present. When one is missing: under CI=true this
 * throws (the test fails); otherwise it prints a loud warning and returns
 * false so the caller can skip (`describe.skipIf(!haveTools(...))`).
 */
export function haveTools(...names: string[]): boolean {
  const missing = names.filter((n) => !findTool(n));
  if (missing.length === 0) return true;
  const named = missing.map((n) => (TOOLCHAINS[n] ? `${n} (${TOOLCHAINS[n].verifies})` : n));
  const message = `MISSING TOOLCHAIN: ${named.join(', ')} — run "bash .ci/install-toolchains.sh"; tests that need it are skipped`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: failing instead)`);
  recordMissing(missing);
  console.warn(`\n\u001b[41m\u001b[37m ${message} \u001b[0m\n`);
  return false;
}

/** Debian's Chromium: browser tests never download one of their own. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium, without the background connections this machine's closed network refuses. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Notes which test file skipped for which tools, for the summary at the end of the run (toolchain-log.ts). */
function recordMissing(tools: string[]): void {
  const caller = new Error().stack?.match(/\/test\/[^\s:)]+\.test\.ts/)?.[0];
  const file = caller ? relative(repoRootOf(), join(repoRootOf(), caller.slice(1))) : 'a test file';
  const log = join(repoRootOf(), MISSING_LOG);
  mkdirSync(dirname(log), { recursive: true });
  appendFileSync(log, `${JSON.stringify({ tools, file })}\n`);
}
