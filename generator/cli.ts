#!/usr/bin/env node
/** The `codebook` command (generator/cli/program.ts), under the same V8 flags as the bundled one (code-cache.ts). */
import { setJitFlags } from './code-cache.js';
import { main } from './cli/program.js';

setJitFlags();
await main(process.argv.slice(2));
