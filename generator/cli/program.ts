/**
 * The command line: parses flags, calls the library, prints, and picks the
 * exit code — 0 clean (warnings allowed), 1 invalid input or stale output,
 * 2 usage, config or internal error. Data goes to stdout, logs to stderr.
 *
 * Each command lives in generator/cli/<command>.ts. A run defines only the
 * command it names (what it loads is what that command needs); anything
 * else (help, a version or an unknown command) defines every command, so
 * that help and commander's suggestions list them all.
 *
 * generator/cli.ts runs `main`; so does the bundled command line
 * (rolldown.config.js), whose entry is this module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE } from './common.js';
import { packageRoot } from '../package-root.js';

type Define = (program: Command) => unknown;

/** The commands in help order, each loading its module when defined. */
const COMMANDS: Record<string, () => Promise<Define>> = {
  init: async () => (await import('./init.js')).defineInitCommand,
  generate: async () => (await import('./generate.js')).defineGenerateCommand,
  validate: async () => (await import('./validate.js')).defineValidateCommand,
  review: async () => (await import('./review.js')).defineReviewCommand,
  status: async () => (await import('./status.js')).defineStatusCommand,
  import: async () => (await import('./import.js')).defineImportCommand,
  diff: async () => (await import('./diff.js')).defineDiffCommand,
};

/** The program with the command of `argv` defined, or with every command when `argv` names none. */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('codebook')
    .description('Turns one catalog of coded messages into localized bundles for every platform.')
    .version(packageVersion(), '-V, --version', 'print the version of codebook')
    .showHelpAfterError()
    .exitOverride();
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? [argv[0]] : Object.keys(COMMANDS);
  const defines = await Promise.all(named.map((name) => COMMANDS[name]()));
  for (const define of defines) await define(program);
  return program;
}

/** The version in codebook's package.json (read only when a command line is parsed: a small file). */
function packageVersion(): string {
  // From the package root, not from this module: the build bundles it into build/generator/bundle/.
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    process.stderr.write(`codebook: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
