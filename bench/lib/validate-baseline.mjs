#!/usr/bin/env node
// The floor that `codebook validate` is compared with in the peers table: the least a script can do
// to check the same source files. It reads a codebook config, expands its layers' file patterns
// (`*` within one path segment), reads and JSON.parses every file, validates each against
// codebook's own JSON Schema with ajv (draft 2020-12, the options codebook uses, schemas compiled
// at start-up as a plain script does), and JSON.stringifies every parsed value (what a cache or a
// merged snapshot would cost). No merge, no ICU parsing, no semantic checks, no diagnostics with
// positions: those are what codebook adds.
//
//   node bench/lib/validate-baseline.mjs <codebook.config.json>
//
// Prints one summary line; exits 1 when a file does not validate (so a broken input can never be
// timed as a fast baseline).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(repo, 'package.json'));
const { Ajv2020 } = require('ajv/dist/2020.js');

/** Files matching `pattern` (relative to `root`; `*` and `?` match within one segment). */
function expand(root, pattern) {
  const segments = pattern.split('/').filter(Boolean);
  let paths = [root];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const wild = /[*?]/.test(segment);
    const re = wild
      ? new RegExp(
          `^${segment
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]')}$`,
        )
      : undefined;
    paths = paths.flatMap((dir) => {
      const names = wild ? safeList(dir).filter((name) => re.test(name)) : [segment];
      return names.map((name) => join(dir, name)).filter((p) => isKind(p, last ? 'file' : 'dir'));
    });
  });
  return paths.sort();
}
const safeList = (dir) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const isKind = (p, kind) => {
  try {
    const st = statSync(p);
    return kind === 'file' ? st.isFile() : st.isDirectory();
  } catch {
    return false;
  }
};

const configPath = resolve(process.argv[2] ?? 'codebook.config.json');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const root = dirname(configPath);
if (!Array.isArray(config.layers) || config.layers.length === 0) {
  process.stderr.write(`validate-baseline: ${configPath} has no layers (extends is not followed by this script)\n`);
  process.exit(2);
}

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const schema = (name) => ajv.compile(JSON.parse(readFileSync(join(repo, 'schema', `${name}.schema.json`), 'utf8')));
const validators = { registry: schema('registry'), messages: schema('messages') };

let files = 0;
let parsedBytes = 0;
let stringifiedBytes = 0;
let invalid = 0;
for (const layer of config.layers) {
  for (const pattern of [].concat(layer.files ?? [])) {
    for (const file of expand(root, pattern)) {
      const text = readFileSync(file, 'utf8');
      const value = JSON.parse(text);
      const kind = Array.isArray(value?.codes) ? 'registry' : 'messages';
      const validate = validators[kind];
      if (!validate(value)) {
        invalid++;
        process.stderr.write(
          `validate-baseline: ${file.split(sep).slice(-3).join('/')} is not a valid ${kind} file: ${ajv.errorsText(validate.errors?.slice(0, 3))}\n`,
        );
      }
      files++;
      parsedBytes += Buffer.byteLength(text);
      stringifiedBytes += JSON.stringify(value).length;
    }
  }
}
if (files === 0) {
  process.stderr.write('validate-baseline: no source file matched the layers\n');
  process.exit(2);
}
process.stdout.write(
  `validate-baseline: ${files} files, ${parsedBytes} bytes parsed, ${stringifiedBytes} characters stringified, ${invalid ? `${invalid} invalid` : 'all valid'}\n`,
);
process.exitCode = invalid ? 1 : 0;
