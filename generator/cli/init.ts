/**
 * `codebook init`: scaffolds a project in the working folder that generates
 * on the first try (generator/init/scaffold.ts). Never overwrites a file: a
 * folder that already has a config is refused, and any other file that
 * exists is left as it is and named. Asks for the locales and the output
 * folder only on a terminal and without `--yes`.
 */
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { EXIT_OK, EXIT_USAGE, log, quietOption } from './common.js';

interface InitFlags {
  locales?: string;
  out: string;
  from?: string;
  yes?: boolean;
  quiet?: boolean;
}

export function defineInitCommand(program: Command): Command {
  return program
    .command('init')
    .description('scaffold a codebook project in this folder that generates on the first try')
    .option('--locales <tags>', 'comma-separated BCP 47 tags, the source locale first (default: en, or the base\'s locales with --from)')
    .option('--out <dir>', 'output folder', 'dist')
    .option('--from <base>', 'start from a catalog shipped with codebook: chat (the Tencent Cloud Chat error codes)')
    .option('-y, --yes', 'ask nothing: take the flags and their defaults')
    .addOption(quietOption())
    .action(async (flags: InitFlags) => {
      const [scaffolding, { schemaDir }, { DEFAULT_CONFIG_FILE }, { resolveBase }, { didYouMean }] = await Promise.all([
        import('../init/scaffold.js'),
        import('../package-root.js'),
        import('../config/load-config.js'),
        import('../config/extends.js'),
        import('../did-you-mean.js'),
      ]);
      const cwd = process.cwd();
      const fail = (problems: string[]) => {
        process.stderr.write(problems.map((p) => `codebook: ${p}\n`).join(''));
        process.exitCode = EXIT_USAGE;
      };
      if (existsSync(join(cwd, DEFAULT_CONFIG_FILE))) return fail([`${DEFAULT_CONFIG_FILE} already exists here; init writes nothing. Run "codebook generate".`]);
      const base = flags.from === undefined ? undefined : scaffolding.BASES[flags.from];
      if (flags.from !== undefined && base === undefined) return fail([`There is no base ${JSON.stringify(flags.from)}.${didYouMean(flags.from, Object.keys(scaffolding.BASES))} Bases: ${Object.keys(scaffolding.BASES).join(', ')}.`]);
      const defaults = { locales: flags.locales ?? (base ? '' : 'en'), out: flags.out };
      const answers = !flags.yes && process.stdin.isTTY && process.stderr.isTTY ? await ask(defaults) : defaults;
      const locales = answers.locales.split(',').map((l) => l.trim()).filter(Boolean);
      const common = { out: answers.out, schemaDir: relative(cwd, schemaDir).split(sep).join('/') };
      let files: Map<string, string>;
      if (base) {
        const found = resolveBase(base, join(cwd, DEFAULT_CONFIG_FILE));
        if ('problem' in found) return fail([found.problem]);
        const baseLocales = (JSON.parse(readFileSync(found.path, 'utf8')) as { locales: string[] }).locales;
        const problems = locales.length > 0 ? scaffolding.scaffoldProblems({ ...common, locales }) : [];
        if (problems.length > 0) return fail(problems);
        files = scaffolding.scaffoldFromBase({ ...common, from: flags.from!, baseLocales, ...(locales.length > 0 ? { locales } : {}) });
      } else {
        const problems = scaffolding.scaffoldProblems({ ...common, locales });
        if (problems.length > 0) return fail(problems);
        files = scaffolding.scaffold({ ...common, locales });
      }
      const written: string[] = [];
      const kept: string[] = [];
      for (const [path, text] of files) {
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
      const what = base ? `a project on ${base}${locales.length > 0 ? ` in ${locales.join(', ')}` : ''}, with an "app" layer (locales/*/app.json) for your own texts and overrides` : `a project in ${locales.join(', ')} (source ${locales[0]})`;
      log(flags, `codebook: ${what}. Next: "codebook generate" writes ${answers.out}/.`);
      process.exitCode = EXIT_OK;
    });
}

/** The two questions, on a terminal; an empty answer keeps the default. */
async function ask(flags: { locales: string; out: string }): Promise<{ locales: string; out: string }> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const locales = (await rl.question(`Locales, the source locale first [${flags.locales || "the base's"}]: `)).trim() || flags.locales;
    const out = (await rl.question(`Output folder [${flags.out}]: `)).trim() || flags.out;
    return { locales, out };
  } finally {
    rl.close();
  }
}
