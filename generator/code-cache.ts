/**
 * V8's code cache for codebook's own CommonJS modules: the bundled command
 * line (build/generator/bundle/, CommonJS: see rolldown.config.js) and the
 * precompiled templates and validators. A cold run otherwise parses and
 * compiles them to bytecode every time (~50 ms of the default catalog's
 * run); with the cache, V8 deserializes the bytecode the build recorded.
 *
 * `npm run build` records the cache (record-code-cache.ts): it runs
 * `generate` over the embedded catalog with every module compiled through
 * here, then stores each module's code, as V8 made it after the run (so
 * with the functions compiled lazily), in build/generator/v8-cache/. A cache
 * file is named by a hash of the module's path in build/generator/ and of
 * its text, so a module that changed finds none; V8 itself rejects one from
 * another V8 version or made with other flags (`cachedDataRejected`). Either
 * way the module is compiled as usual: a missing or stale cache costs time,
 * never correctness. Nothing is written at run time.
 *
 * The hook is `Module.prototype._compile`, for files below build/generator/
 * only; every other module (node_modules, ES modules) loads as usual.
 *
 * The cache is recorded and read under JIT_FLAGS, which useCodeCache sets
 * first: V8 rejects a cache made under other flags.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** The build's folder (this module's, or the bundle's parent), whose CommonJS modules are compiled through the cache. */
export const BUILD_DIR = buildDirOf(dirname(fileURLToPath(import.meta.url)));
/** The cache files' folder, in BUILD_DIR. */
export const CACHE_FOLDER = 'v8-cache';

interface CommonJsModule {
  exports: unknown;
  _compile(content: string, filename: string, format?: string): unknown;
}

export interface CodeCache {
  /** Modules compiled from the cache, and compiled without one (none, or rejected by V8). */
  readonly used: string[];
  readonly compiled: string[];
  /** With `record`: writes the cache of every module compiled without one; returns the files written. */
  save(): string[];
}

let installed: CodeCache | undefined;

/**
 * V8 flags for the command line. `--interrupt-budget` is how much bytecode a
 * function runs between V8's checks on whether to optimize it with TurboFan
 * (66 KiB by default). At the default, a cold run of a few hundred keys has
 * TurboFan compile ~160 functions on background threads that then run for a
 * few milliseconds: ~0.35 s of CPU in a 0.8 s run, on a machine whose cores it
 * shares. At 512 KiB only code that runs long is optimized: that run takes
 * ~45% less CPU, a 20k-key one ~8% less, a 100k-key one the same.
 */
export const JIT_FLAGS = '--interrupt-budget=524288';

/** Sets JIT_FLAGS for this process (the flags apply from then on). */
export function setJitFlags(): void {
  setFlagsFromString(JIT_FLAGS);
}

/** A dynamic import, which a script of vm cannot run (without an experimental API): such a module compiles as usual. */
const DYNAMIC_IMPORT = /\bimport\(/;

/** Sets JIT_FLAGS, then compiles this thread's CommonJS modules below `buildDir` with the code cache from now on (once per thread). */
export function useCodeCache({ record = false, buildDir = BUILD_DIR }: { record?: boolean; buildDir?: string } = {}): CodeCache {
  if (installed) return installed;
  setJitFlags();
  const cacheDir = join(buildDir, CACHE_FOLDER);
  const prototype = (Module as unknown as { prototype: CommonJsModule }).prototype;
  const compile = prototype._compile;
  const used: string[] = [];
  const compiled: string[] = [];
  const fresh: [file: string, script: Script][] = [];
  prototype._compile = function (this: CommonJsModule, content: string, filename: string, format?: string): unknown {
    // The bundle has no dynamic import (rolldown.config.js); anything else with one loads as usual.
    if (format === 'module' || !filename.startsWith(buildDir + sep) || DYNAMIC_IMPORT.test(content))
      return compile.call(this, content, filename, format);
    const file = join(cacheDir, cacheFileName(relative(buildDir, filename), content));
    const cachedData = readIfAny(file);
    // A shebang is valid only at the very start of a script, which the wrapper takes: a comment of the same length instead.
    const source = Module.wrap(content.startsWith('#!') ? `//${content.slice(2)}` : content);
    const script = new Script(source, { filename, cachedData });
    if (cachedData !== undefined && !script.cachedDataRejected) used.push(filename);
    else {
      compiled.push(filename);
      if (record) fresh.push([file, script]);
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  installed = {
    used,
    compiled,
    save: () => {
      mkdirSync(cacheDir, { recursive: true });
      return fresh.map(([file, script]) => (writeFileSync(file, script.createCachedData()), file));
    },
  };
  return installed;
}

function buildDirOf(dir: string): string {
  return basename(dir) === 'bundle' ? dirname(dir) : dir;
}

/** Empties the cache folder (before a build records it again). */
export function clearCodeCache(buildDir: string = BUILD_DIR): void {
  rmSync(join(buildDir, CACHE_FOLDER), { recursive: true, force: true });
}

/** The cache file of a module: named by its path in the build and its text (V8 itself checks only the text's length). */
function cacheFileName(path: string, content: string): string {
  return `${createHash('sha256').update(path.split(sep).join('/')).update('\0').update(content).digest('hex').slice(0, 32)}.bin`;
}

function readIfAny(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
