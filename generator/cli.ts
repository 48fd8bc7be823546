#!/usr/bin/env node
/** The `codebook` command (generator/cli/program.ts). */
import { main } from './cli/program.js';

await main(process.argv.slice(2));
