// `npm run build`, after tsc: bundles the command line (build/generator/cli/program.js and the
// modules it imports, ~130 of them for `generate`) into a few CommonJS chunks in
// build/generator/bundle/, so that each start resolves, reads and links a handful of files instead
// (issue 13: ~50 ms of a cold run), and compiles them with V8's code cache (code-cache.ts; CommonJS
// because Node 20 gives ES modules no code cache), which the next build step records
// (record-code-cache.ts). Dependencies stay imports of node_modules. The commands keep their own
// chunks, loaded when run. The bundle lives one folder below build/generator/ like every module it
// holds, so paths that modules derive from import.meta.url stay the same.
//
// build/generator/cli.js is then replaced by a stub that loads the bundle. tsc alone writes the
// unbundled entry back, so a bundle older than the modules is never run. tsc's entry is kept as
// build/generator/cli-modules.js: the command line as separate modules for profiles that attribute
// time by file.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'rolldown';

const ENTRY = 'build/generator/cli.js';
const MODULES = 'build/generator/cli-modules.js';
const STUB = `#!/usr/bin/env node
// Written by rolldown.config.js: the bundled command line, compiled with V8's code cache (code-cache.js).
import { createRequire } from 'node:module';
import { useCodeCache } from './code-cache.js';

useCodeCache();
await createRequire(import.meta.url)('./bundle/cli.js').main(process.argv.slice(2));
`;

if (!readFileSync(ENTRY, 'utf8').includes('Written by rolldown.config.js')) copyFileSync(ENTRY, MODULES);

export default defineConfig({
  input: { cli: 'build/generator/cli/program.js' },
  platform: 'node',
  // Bare specifiers (packages, node: builtins) stay imports; only codebook's own modules are bundled.
  external: /^(?![./])/,
  output: {
    dir: 'build/generator/bundle',
    // CommonJS in .js files: the folder gets a package.json of its own that says so (below).
    format: 'cjs',
    // import() of node: builtins and packages as require() too: code compiled through the code cache (vm.Script) cannot
    // import() without an experimental flag or warning.
    dynamicImportInCjs: false,
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
        writeFileSync('build/generator/bundle/package.json', '{ "type": "commonjs" }\n');
        writeFileSync(ENTRY, STUB);
        chmodSync(ENTRY, 0o755);
      },
    },
  ],
});
