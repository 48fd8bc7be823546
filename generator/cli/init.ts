/**
 * `codebook init`: scaffolds a project in the working folder that generates
 * on the first try (generator/init/scaffold.ts). Never overwrites a file: a
 * folder that already has a config is refused, and any other file that
 * exists is left as it is and named. Asks for the locales and the output
 * folder only on a terminal and without `--yes`.
 */
import type { Command } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { EXIT_OK, EXIT_USAGE, log, quietOption } from './common.js';

interface InitFlags {
  locales: string;
  out: string;
  yes?: boolean;
  quiet?: boolean;
}

export function defineInitCommand(program: Command): Command {
  return program
    .command('init')
    .description('scaffold a codebook project in this folder that generates on the first try')
    .option('--locales <tags>', 'comma-separated BCP 47 tags, the source locale first', 'en')
    .option('--out <dir>', 'output folder', 'dist')
    .option('-y, --yes', 'ask nothing: take the flags and their defaults')
    .addOption(quietOption())
    .action(async (flags: InitFlags) => {
      const [{ scaffold, scaffoldProblems }, { schemaDir }, { DEFAULT_CONFIG_FILE }] = await Promise.all([import('../init/scaffold.js'), import('../package-root.js'), import('../config/load-config.js')]);
      const cwd = process.cwd();
      if (existsSync(join(cwd, DEFAULT_CONFIG_FILE))) {
        process.stderr.write(`codebook: ${DEFAULT_CONFIG_FILE} already exists here; init writes nothing. Run "codebook generate".\n`);
        process.exitCode = EXIT_USAGE;
        return;
      }
      const answers = !flags.yes && process.stdin.isTTY && process.stderr.isTTY ? await ask(flags) : flags;
      const options = { locales: answers.locales.split(',').map((l) => l.trim()).filter(Boolean), out: answers.out, schemaDir: relative(cwd, schemaDir).split(sep).join('/') };
      const problems = scaffoldProblems(options);
      if (problems.length > 0) {
        process.stderr.write(problems.map((p) => `codebook: ${p}\n`).join(''));
        process.exitCode = EXIT_USAGE;
        return;
      }
      const written: string[] = [];
      const kept: string[] = [];
      for (const [path, text] of scaffold(options)) {
        const target = join(cwd, path);
        if (existsSync(target)) {
          kept.push(path);
          continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text, { flag: 'wx' });
        written.push(path);
      }
      for (const path of written) log(flags, `  created  ${path}`);
      for (const path of kept) log(flags, `  kept     ${path} (it exists; init never overwrites)`);
      log(flags, `codebook: a project in ${options.locales.join(', ')} (source ${options.locales[0]}). Next: "codebook generate" writes ${options.out}/.`);
      process.exitCode = EXIT_OK;
    });
}

/** The two questions, on a terminal; an empty answer keeps the default. */
async function ask(flags: InitFlags): Promise<{ locales: string; out: string }> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const locales = (await rl.question(`Locales, the source locale first [${flags.locales}]: `)).trim() || flags.locales;
    const out = (await rl.question(`Output folder [${flags.out}]: `)).trim() || flags.out;
    return { locales, out };
  } finally {
    rl.close();
  }
}
