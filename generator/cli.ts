#!/usr/bin/env node
/**
 * The command line: parses flags, calls the library, prints, and picks the
 * exit code — 0 clean (warnings allowed), 1 invalid input or stale output,
 * 2 usage, config or internal error. Data goes to stdout, logs to stderr.
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { formatDiagnosticsJson } from './diagnostics/format-json.js';
import { formatDiagnosticsText } from './diagnostics/format-text.js';
import { generate, loadCatalog, review, type GenerateResult } from './pipeline.js';
import { reportJson, reportMarkdown, reportText } from './review/report.js';
import { hasOpenErrors } from './review/severity.js';
import { builtInTargets } from './targets/index.js';
import { runImport } from './import-command.js';
import { runXliffImport } from './import/xliff/index.js';
import { StageTimer } from './stage-timer.js';
import { defineDiffCommand } from './diff/command.js';
import { ProgressTimer } from './progress/progress-timer.js';
import { watchGenerate } from './watch/watch.js';

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

interface CommonFlags {
  config?: string;
  format: 'text' | 'json';
  quiet?: boolean;
}

function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

function log(flags: CommonFlags, line: string): void {
  if (!flags.quiet) process.stderr.write(`${line}\n`);
}

/** Prints diagnostics: JSON on stdout, or text on stderr (warnings and infos hidden by --quiet). */
function report(flags: CommonFlags, diagnostics: readonly Diagnostic[], texts?: ReadonlyMap<string, string>): void {
  if (flags.format === 'json') {
    process.stdout.write(`${formatDiagnosticsJson(diagnostics)}\n`);
    return;
  }
  const shown = flags.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) process.stderr.write(`${formatDiagnosticsText(shown, { color: useColor(process.stderr), texts })}\n`);
}

/** 2 when the config could not be used or a rule of the config or an internal check failed, 1 for other errors. */
function exitCodeOf(result: { config?: unknown; diagnostics: readonly Diagnostic[] }): number {
  const usage = !result.config || result.diagnostics.some((d) => d.severity === 'error' && (d.ruleId.startsWith('config/') || d.ruleId === 'catalog/schema'));
  if (usage) return EXIT_USAGE;
  return hasErrors(result.diagnostics) ? EXIT_INVALID : EXIT_OK;
}

const configOption = () => new Option('-c, --config <file>', 'config file').default(undefined, 'codebook.config.json');
const formatOption = () => new Option('--format <format>', 'diagnostics format').choices(['text', 'json']).default('text');
const quietOption = () => new Option('-q, --quiet', 'print errors only');

export function buildProgram(): Command {
  const program = new Command('codebook')
    .description('Turns one catalog of coded messages into localized bundles for every platform.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('generate')
    .description('merge, validate and write every target')
    .addOption(configOption())
    .option('-o, --out <dir>', 'output folder (default: the config\'s "out")')
    .option('-t, --targets <ids>', `comma-separated targets: ${builtInTargets.map((t) => t.id).join(', ')}`, (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .option('--check', 'write nothing; exit 1 when any output file is stale, missing or orphaned')
    .option('--timings', 'print the wall time of each stage to stderr')
    .option('--no-cache', 'run every stage even when no input changed since the last run (the record is in node_modules/.cache/codebook/)')
    .option('-w, --watch', 'regenerate whenever the config, a layer file or a template changes; Ctrl-C stops')
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (flags: GenerateFlags) => {
      if (flags.watch) return watchCommand(flags);
      const progress = startProgress(flags);
      const timer = progress ?? new StageTimer();
      const result = await generate({ config: flags.config, out: flags.out, targets: flags.targets, check: flags.check, cache: flags.cache, timer }).finally(() => progress?.stop());
      if (flags.timings) process.stderr.write(`${timer.format()}\n`);
      report(flags, result.diagnostics, result.texts);
      process.exitCode = exitCodeOf(result);
      if (process.exitCode !== EXIT_OK) return;
      printOutcome(flags, result);
    });

  program
    .command('validate')
    .description('merge and validate the catalog; write nothing')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (flags: CommonFlags) => {
      const result = await loadCatalog({ config: flags.config });
      report(flags, result.diagnostics, result.texts);
      process.exitCode = exitCodeOf(result);
      if (process.exitCode === EXIT_OK && result.catalog) {
        log(flags, `codebook: ${result.catalog.messages.length} messages in ${result.catalog.locales.join(', ')} are valid.`);
      }
    });

  program
    .command('review')
    .description('translation QA on every layer stack: print the findings; exit 1 on open errors')
    .addOption(configOption())
    .option('--strict', 'open warnings are errors')
    .addOption(new Option('--format <format>', 'findings format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--infos', 'text format: also list open info findings')
    .option('--resolved', 'text format: list every resolved finding, not one line per group')
    .addOption(quietOption())
    .action(async (flags: Omit<CommonFlags, 'format'> & { format: 'text' | 'json' | 'markdown'; strict?: boolean; infos?: boolean; resolved?: boolean }) => {
      const result = await review({ config: flags.config, strict: flags.strict });
      report({ ...flags, format: 'text' }, result.diagnostics, result.texts);
      const code = exitCodeOf(result);
      if (!result.catalog || !result.findings) {
        process.exitCode = code;
        return;
      }
      const { findings, catalog } = result;
      if (flags.format === 'json') process.stdout.write(reportJson(findings, catalog));
      else if (flags.format === 'markdown') process.stdout.write(reportMarkdown(findings, catalog));
      else process.stdout.write(reportText(findings, { quiet: flags.quiet, infos: flags.infos, resolved: flags.resolved }));
      process.exitCode = code !== EXIT_OK ? code : hasOpenErrors(findings) ? EXIT_INVALID : EXIT_OK;
    });

  program
    .command('import')
    .description('import a vendor document, or a translated XLIFF 2.0 file, into a locale source file')
    .argument('<file>', 'the vendor document, or the .xlf')
    .option('-l, --locale <tag>', "BCP 47 tag of the document's language (required for vendor documents; XLIFF: must be its trgLang)")
    .addOption(new Option('--from <shape>', 'document shape').choices(['auto', 'pipe-table', 'pdf-text', 'xliff']).default('auto'))
    .option('-o, --out <file>', "source file to write (default: locales/<locale>/vendor.json; XLIFF: the locale's file in the last layer)")
    .option('--check', 'write nothing; exit 1 when the file would change')
    .option('--dry-run', 'XLIFF: print the unified diff of the source file instead of writing it')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (file: string, flags: CommonFlags & { locale?: string; from: string; out?: string; check?: boolean; dryRun?: boolean }) => {
      if (flags.from === 'xliff' || (flags.from === 'auto' && /\.(xlf|xliff)$/i.test(file))) {
        await importXliffFile(file, flags);
        return;
      }
      if (!flags.locale) {
        process.stderr.write('codebook: --locale is required to import a vendor document.\n');
        process.exitCode = EXIT_USAGE;
        return;
      }
      const text = await readFile(file, 'utf8');
      const result = await runImport(text, { ...flags, locale: flags.locale, sourceName: file });
      report(flags, result.report);
      if (flags.check && result.changed) {
        log(flags, `codebook: ${result.out} is not what importing ${file} gives.`);
        process.exitCode = EXIT_INVALID;
        return;
      }
      log(flags, `codebook: ${result.keys} keys, ${result.report.length} report item(s); ${result.out} ${flags.check ? 'is up to date' : result.changed ? 'written' : 'unchanged'}.`);
    });
  defineDiffCommand(program);
  return program;
}

/** `codebook import --from xliff`: merges a translated .xlf into the locale's source file (the last layer's, or --out). */
async function importXliffFile(file: string, flags: CommonFlags & { locale?: string; out?: string; check?: boolean; dryRun?: boolean }): Promise<void> {
  const loaded = await loadCatalog({ config: flags.config });
  if (!loaded.config || !loaded.catalog || hasErrors(loaded.diagnostics)) {
    report(flags, loaded.diagnostics, loaded.texts);
    process.exitCode = exitCodeOf(loaded);
    return;
  }
  const result = await runXliffImport({ xliffPath: file, targetPath: flags.out, catalog: loaded.catalog, config: loaded.config, locale: flags.locale, dryRun: flags.dryRun || flags.check });
  report(flags, result.diagnostics, result.texts);
  if (flags.dryRun && result.diff && flags.format !== 'json') process.stdout.write(result.diff);
  process.exitCode = hasErrors(result.diagnostics) || (flags.check && result.changed.length > 0) ? EXIT_INVALID : EXIT_OK;
  if (result.target) {
    const what = result.written ? 'written' : result.changed.length === 0 ? 'unchanged' : 'not written (dry run)';
    log(flags, `codebook: ${result.changed.length} key(s) changed${result.changed.length ? ` (${result.changed.join(', ')})` : ''}; ${result.target} ${what}.`);
  }
}

function printOutcome(flags: CommonFlags, result: GenerateResult): void {
  if (result.status) {
    const { stale, missing, orphaned } = result.status;
    const problems = [...stale.map((p) => `stale     ${p}`), ...missing.map((p) => `missing   ${p}`), ...orphaned.map((p) => `orphaned  ${p}`)];
    if (problems.length > 0) {
      process.stderr.write(`codebook: the output is out of date; run "codebook generate":\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      process.exitCode = EXIT_INVALID;
    } else {
      log(flags, `codebook: ${result.files?.length ?? 0} files up to date.`);
    }
  } else if (result.written) {
    log(flags, `codebook: ${writeSummary(result)}`);
  }
}

/** `3 written, 34 unchanged, 0 removed.`, saying when the cache was used. */
function writeSummary(result: GenerateResult): string {
  const { written, removed, unchanged } = result.written ?? { written: [], removed: [], unchanged: [] };
  const counts = `${written.length} written, ${unchanged.length} unchanged, ${removed.length} removed`;
  if (result.cache?.state === 'hit') return `${counts}; up to date (cache hit: nothing changed since the last run).`;
  if (result.cache?.state === 'partial') return `${counts}; cache: reused ${result.cache.reused.length} unchanged target(s) (${result.cache.reused.join(', ')}).`;
  return `${counts}.`;
}

// ---- progress and watch mode (generator/progress/, generator/watch/) ----

interface GenerateFlags extends CommonFlags {
  out?: string;
  targets?: string[];
  check?: boolean;
  timings?: boolean;
  /** False with --no-cache. */
  cache: boolean;
  watch?: boolean;
}

/** A spinner on stderr when it is an interactive terminal and the output is for people. */
function startProgress(flags: CommonFlags): ProgressTimer | undefined {
  return flags.quiet || flags.format === 'json' ? undefined : ProgressTimer.start({ stream: process.stderr });
}

/** `generate --watch`: prints each run (what changed, what was written or removed, how long it took) until Ctrl-C, then exits 0. */
async function watchCommand(flags: GenerateFlags): Promise<void> {
  if (flags.check) {
    process.stderr.write('codebook: --watch cannot be combined with --check.\n');
    process.exitCode = EXIT_USAGE;
    return;
  }
  let progress: ProgressTimer | undefined;
  let shownWarnings = '';
  const handle = await watchGenerate(
    { config: flags.config, out: flags.out, targets: flags.targets, cache: flags.cache, timerForRun: () => (progress = startProgress(flags)) },
    ({ result, changed, ms, first }) => {
      progress?.stop();
      if (changed.length > 0) log(flags, `codebook: changed ${changed.join(', ')}`);
      // A failed run shows its errors; a successful one its warnings when they differ from the last successful run's.
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const warnings = JSON.stringify(result.diagnostics.filter((d) => d.severity !== 'error'));
      report(flags, errors.length > 0 ? errors : warnings !== shownWarnings ? result.diagnostics : [], result.texts);
      if (errors.length > 0 || !result.written) {
        process.stderr.write(`codebook: not generated (${errors.length} error(s)); watching for changes.\n`);
        return;
      }
      shownWarnings = warnings;
      log(flags, `codebook: generated in ${Math.round(ms)} ms: ${writeSummary(result)}`);
      if (!first) for (const [what, paths] of [['written', result.written.written], ['removed', result.written.removed]] as const) for (const p of paths) log(flags, `  ${what.padEnd(8)} ${p}`);
    },
    (error) => {
      progress?.stop();
      process.stderr.write(`codebook: watch: ${error.stack ?? error.message}\n`);
    },
  );
  log(flags, `codebook: watching ${handle.watched().length} path(s) for changes; Ctrl-C stops.`);
  await new Promise<void>((stopped) => {
    const stop = () => void handle.close().then(stopped);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.exitCode = EXIT_OK;
}
// ----

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    process.stderr.write(`codebook: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

await main(process.argv.slice(2));
