/**
 * Tests that need a system tool (aapt2, msgfmt, xmllint, java, GNUstep,
 * chromium) ask for it here. On a developer machine a missing tool skips the
 * test with a loud warning; under CI=true it fails, so CI can never pass by
 * skipping. `.ci/install-toolchains.sh` installs them all.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { MISSING_LOG, repoRootOf } from './toolchain-log.js';

const cache = new Map<string, string | undefined>();

/** Absolute path of a command or file, or undefined. */
export function findTool(name: string): string | undefined {
  if (!cache.has(name)) {
    let found: string | undefined;
    if (name.startsWith('/')) found = existsSync(name) ? name : undefined;
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
  const message = `MISSING TOOLCHAIN: ${missing.join(', ')} — run "bash .ci/install-toolchains.sh"; tests that need it are skipped`;
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
