/**
 * `"extends"`: a config that starts from a base catalog. The base is another
 * config file (the embedded Chat catalog is `codebook/chat`, a package
 * export), found the way Node finds a package file from the config's folder,
 * so upgrading the installed package upgrades the base. Its layers come
 * first and keep their own folder; the extending config's settings win, and
 * its `locales` may be a subset (the base's files of other locales are then
 * not read, and fallback chains lose the locales left out).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Settings a base may not carry: they name the extending project's own folders and choices. */
export const PROJECT_ONLY_KEYS = ['extends', 'out', 'templates', 'customTargets', 'targets', 'sharedFolders'] as const;

/** The base config's absolute path, or why it cannot be found. */
export function resolveBase(name: string, configFile: string): { path: string } | { problem: string } {
  if (name.startsWith('.') || name.startsWith('/')) {
    const path = resolve(dirname(configFile), name);
    return existsSync(path) ? { path } : { problem: `The base config ${JSON.stringify(name)} does not exist (${path}).` };
  }
  // From the project's installed packages first; a codebook run from elsewhere (npx, a global install) offers its own.
  for (const from of [configFile, resolve(packageRoot, 'package.json')]) {
    try {
      return { path: createRequire(from).resolve(name) };
    } catch {
      // try the next place
    }
  }
  return {
    problem: `Cannot find the base ${JSON.stringify(name)}: no installed package exports it. The embedded Tencent Cloud Chat catalog is "codebook/chat".`,
  };
}

/** Whether a base's files belong to an installed package, which the project reads but never edits (imports write elsewhere). */
export function isInstalledPackage(path: string): boolean {
  return path.split(sep).includes('node_modules');
}

/**
 * The fallback chains of a base, kept to the locales the extending config
 * has: a chain loses the locales left out, and a locale left out loses its chain.
 */
export function fallbackWithin(chains: Record<string, string[]>, locales: readonly string[]): Record<string, string[]> {
  const kept = new Set(locales);
  const result: Record<string, string[]> = {};
  for (const [locale, chain] of Object.entries(chains)) {
    const within = chain.filter((l) => kept.has(l));
    if (kept.has(locale) && within.length > 0) result[locale] = within;
  }
  return result;
}
