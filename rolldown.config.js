// `npm run build`, after tsc: bundles the command line (build/generator/cli.js and the modules it
// imports, ~130 of them for `generate`) into a few chunks in build/generator/bundle/, so that each
// start resolves, reads and links a handful of files instead (issue 13: ~50 ms of a cold run).
// Dependencies stay imports of node_modules. The commands keep their own chunks, loaded when run.
// The bundle lives one folder below build/generator/ like every module it holds, so paths that
// modules derive from import.meta.url stay the same.
//
// build/generator/cli.js is then replaced by a stub that imports the bundle. tsc alone writes the
// unbundled entry back, so a bundle older than the modules is never run. tsc's entry is kept as
// build/generator/cli-modules.js: the input of the bundle (also when bundling again without tsc in
// between), and the command line as separate modules for profiles that attribute time by file.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'rolldown';

const ENTRY = 'build/generator/cli.js';
const MODULES = 'build/generator/cli-modules.js';
const STUB = "#!/usr/bin/env node\n// Written by rolldown.config.js: the bundled command line.\nimport './bundle/cli.js';\n";

if (readFileSync(ENTRY, 'utf8') !== STUB) copyFileSync(ENTRY, MODULES);

export default defineConfig({
  input: { cli: MODULES },
  platform: 'node',
  // Bare specifiers (packages, node: builtins) stay imports; only codebook's own modules are bundled.
  external: /^(?![./])/,
  output: {
    dir: 'build/generator/bundle',
    format: 'esm',
    cleanDir: true,
    // Every module the commands share in one chunk (generate then links 7 files, not 37: ~10 ms less
    // CPU at start); the command modules and what only one command loads (import, diff, watch,
    // init, status, the progress display) keep chunks of their own.
    codeSplitting: {
      groups: [
        {
          name: 'core',
          test: /build[\\/]generator[\\/](?!cli[\\/]|import[\\/]|diff[\\/]|watch[\\/]|init[\\/]|status[\\/]|progress[\\/]|cli-modules)/,
        },
      ],
    },
  },
  plugins: [
    {
      name: 'codebook-cli-stub',
      writeBundle() {
        writeFileSync(ENTRY, STUB);
        chmodSync(ENTRY, 0o755);
      },
    },
  ],
});
