// Makes sure build/ matches generator/: when any generator/**/*.ts is newer than its compiled
// .js (or build/ is missing), runs `tsc -p tsconfig.build.json` and the precompile step of
// `npm run build` (ajv validators, handlebars templates). Returns what happened, for RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childEnv } from './measure.mjs';

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** The generator sources whose compiled file is missing or older. */
export function staleSources(repo) {
  return tsFiles(join(repo, 'generator')).filter((src) => {
    const out = join(repo, 'build', relative(repo, src)).replace(/\.ts$/, '.js');
    return !existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs;
  });
}

/** mode: 'auto' (build when stale), 'always' or 'never'. */
export function ensureBuild(repo, mode = 'auto') {
  const stale = staleSources(repo);
  if (mode === 'never' || (mode === 'auto' && stale.length === 0)) {
    return {
      built: false,
      stale: stale.length,
      ok: true,
      note: stale.length ? `${stale.length} stale source(s), not rebuilt (--no-build)` : 'up to date',
    };
  }
  process.stderr.write(`bench: building (${stale.length} stale source file(s))…\n`);
  try {
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: repo,
      env: childEnv(),
      stdio: 'pipe',
      encoding: 'utf8',
    });
    precompile(repo);
    return { built: true, stale: stale.length, ok: true, note: 'rebuilt (npm run build)' };
  } catch (error) {
    const out = String(error.stdout ?? '') + String(error.stderr ?? '');
    process.stderr.write(`bench: tsc -p tsconfig.build.json reported errors (the emitted build is used anyway):\n${out}\n`);
    precompile(repo);
    return {
      built: true,
      stale: stale.length,
      ok: false,
      note: `rebuilt, but tsc reported ${(out.match(/error TS/g) ?? []).length} error(s)`,
    };
  }
}

/** Without the precompiled validators and templates, the CLI compiles them at start-up: slower, same output. */
function precompile(repo) {
  execFileSync(process.execPath, [join(repo, 'build/generator/precompile.js')], { cwd: repo, env: childEnv(), stdio: 'pipe' });
}
