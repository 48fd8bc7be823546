// The least a warm edit's write can cost: reads each given output file and replaces it as
// codebook does (a staged copy beside it, then a rename over the old one), in a process that does
// nothing else. bench/warm-edit.mjs runs it on the files an edit changed, after each edit.
//
//   node bench/io-floor.mjs file...
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const staged = `${file}.io-floor`;
  writeFileSync(staged, readFileSync(file));
  renameSync(staged, file);
}
