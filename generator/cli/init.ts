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
    .option('--locales <tags>', "comma-separated BCP 47 tags, the source locale first (default: en, or the base's locales with --from)")
    .option('--out <dir>', 'output folder', 'dist')
    .option('--from <base>', 'start from a catalog shipped with codebook: chat (the Tencent Cloud Chat error codes)')
    .option('-y, --yes', 'ask nothing: take the flags and their defaults')
    .addOption(quietOption())
    .action(async (flags: InitFlags) => {
      const { DEFAULT_CONFIG_FILE } = await import('../config/load-config.js');
      const cwd = process.cwd();
      if (existsSync(join(cwd, DEFAULT_CONFIG_FILE)))
        return fail([`${DEFAULT_CONFIG_FILE} already exists here; init writes nothing. Run "codebook generate".`]);
      const planned = await plan(flags, cwd);
      if ('problems' in planned) return fail(planned.problems);
      const { written, kept } = writeNew(planned.files, cwd);
      for (const path of written) log(flags, `  created  ${path}`);
      for (const path of kept) log(flags, `  kept     ${path} (it exists; init never overwrites)`);
      log(flags, `codebook: ${planned.summary}. Next: "codebook generate" writes ${planned.out}/.`);
      process.exitCode = EXIT_OK;
    });
}

function fail(problems: string[]): void {
  process.stderr.write(problems.map((p) => `codebook: ${p}\n`).join(''));
  process.exitCode = EXIT_USAGE;
}

/** The files to scaffold, from the flags (and the answers, on a terminal), or what is wrong with them. */
async function plan(
  flags: InitFlags,
  cwd: string,
): Promise<{ files: Map<string, string>; summary: string; out: string } | { problems: string[] }> {
  const [scaffolding, { schemaDir }, { resolveBase }, { didYouMean }] = await Promise.all([
    import('../init/scaffold.js'),
    import('../package-root.js'),
    import('../config/extends.js'),
    import('../did-you-mean.js'),
  ]);
  const names = Object.keys(scaffolding.BASES);
  const base = flags.from === undefined ? undefined : scaffolding.BASES[flags.from];
  if (flags.from !== undefined && base === undefined)
    return { problems: [`There is no base ${JSON.stringify(flags.from)}.${didYouMean(flags.from, names)} Bases: ${names.join(', ')}.`] };
  const defaults = { locales: flags.locales ?? (base ? '' : 'en'), out: flags.out };
  const answers = !flags.yes && process.stdin.isTTY && process.stderr.isTTY ? await ask(defaults) : defaults;
  const locales = answers.locales
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const common = { out: answers.out, schemaDir: relative(cwd, schemaDir).split(sep).join('/') };
  // With a base, no --locales means the base's own.
  const problems = base && locales.length === 0 ? [] : scaffolding.scaffoldProblems({ ...common, locales });
  if (problems.length > 0) return { problems };
  if (!base)
    return {
      files: scaffolding.scaffold({ ...common, locales }),
      summary: `a project in ${locales.join(', ')} (source ${locales[0]})`,
      out: answers.out,
    };
  const found = resolveBase(base, join(cwd, 'codebook.config.json'));
  if ('problem' in found) return { problems: [found.problem] };
  const baseLocales = (JSON.parse(readFileSync(found.path, 'utf8')) as { locales: string[] }).locales;
  return {
    files: scaffolding.scaffoldFromBase({ ...common, from: flags.from!, baseLocales, ...(locales.length > 0 ? { locales } : {}) }),
    summary: `a project on ${base}${locales.length > 0 ? ` in ${locales.join(', ')}` : ''}, with an "app" layer (locales/*/app.json) for your own texts and overrides`,
    out: answers.out,
  };
}

/** Writes each file that does not exist yet; never overwrites one that does. */
function writeNew(files: ReadonlyMap<string, string>, cwd: string): { written: string[]; kept: string[] } {
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
  return { written, kept };
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
