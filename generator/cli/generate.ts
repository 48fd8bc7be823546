/**
 * `codebook generate`: merge, validate and write every target; `--check`
 * compares instead of writing; `--watch` keeps regenerating. The pipeline
 * is loaded when the command runs, the progress display (ora) only on an
 * interactive terminal, and the watcher (chokidar) only with --watch.
 */
import type { Command } from 'commander';
import type { GenerateResult } from '../pipeline.js';
import type { ProgressTimer } from '../progress/progress-timer.js';
import { isInteractive } from '../progress/interactive.js';
import { builtInTargets } from '../targets/index.js';
import {
  configOption,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  exitCodeOf,
  formatOption,
  log,
  quietOption,
  report,
  type CommonFlags,
} from './common.js';

interface GenerateFlags extends CommonFlags {
  out?: string;
  targets?: string[];
  check?: boolean;
  timings?: boolean;
  /** False with --no-cache. */
  cache: boolean;
  watch?: boolean;
}

export function defineGenerateCommand(program: Command): Command {
  return program
    .command('generate')
    .description('merge, validate and write every target')
    .addOption(configOption())
    .option('-o, --out <dir>', 'output folder (default: the config\'s "out")')
    .option('-t, --targets <ids>', `comma-separated targets: ${builtInTargets.map((t) => t.id).join(', ')}`, (v: string) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .option('--check', 'write nothing; exit 1 when any output file is stale, missing or orphaned')
    .option('--timings', 'print the wall time of each stage to stderr')
    .option('--no-cache', 'run every stage even when no input changed since the last run (the record is in node_modules/.cache/codebook/)')
    .option('-w, --watch', 'regenerate whenever the config, a layer file or a template changes; Ctrl-C stops')
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (flags: GenerateFlags) => {
      if (flags.watch) return watchCommand(flags);
      const [{ generate }, { StageTimer }] = await Promise.all([import('../pipeline.js'), import('../stage-timer.js')]);
      const progress = await startProgress(flags);
      const timer = progress ?? new StageTimer();
      const result = await generate({
        config: flags.config,
        out: flags.out,
        targets: flags.targets,
        check: flags.check,
        cache: flags.cache,
        timer,
      }).finally(() => progress?.stop());
      if (flags.timings) process.stderr.write(`${timer.format()}\n`);
      report(flags, result.diagnostics, result.texts);
      process.exitCode = exitCodeOf(result);
      if (process.exitCode !== EXIT_OK) return;
      printOutcome(flags, result);
    });
}

function printOutcome(flags: CommonFlags, result: GenerateResult): void {
  if (result.status) {
    const { stale, missing, orphaned, interrupted } = result.status;
    const problems = [
      ...(interrupted ? ['interrupted: a run was stopped while committing; the next "codebook generate" finishes it'] : []),
      ...stale.map((p) => `stale     ${p}`),
      ...missing.map((p) => `missing   ${p}`),
      ...orphaned.map((p) => `orphaned  ${p}`),
    ];
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
  if (result.cache?.state !== 'partial') return `${counts}.`;
  const { reused, spliced = [], edited } = result.cache;
  const parts = [
    ...(edited
      ? [
          `merged and checked the ${edited.keys} edited key(s) alone, reading ${edited.read} of ${edited.files} layer file(s) whole` +
            (edited.relaid > 0 ? ` (${edited.relaid} changed file(s) laid out from the last run's layout)` : ''),
        ]
      : []),
    ...(reused.length > 0 ? [`reused ${reused.length} unchanged target(s) (${reused.join(', ')})`] : []),
    ...(spliced.length > 0 ? [`spliced the edited entries into ${spliced.length} target(s) (${spliced.join(', ')})`] : []),
  ];
  return `${counts}; cache: ${parts.join('; ')}.`;
}

// ---- progress and watch mode (generator/progress/, generator/watch/) ----

/** A spinner on stderr when it is an interactive terminal and the output is for people; ora is loaded only then. */
async function startProgress(flags: CommonFlags): Promise<ProgressTimer | undefined> {
  if (flags.quiet || flags.format === 'json') return undefined;
  if (!isInteractive(process.stderr)) return undefined;
  const { ProgressTimer } = await import('../progress/progress-timer.js');
  return ProgressTimer.start({ stream: process.stderr });
}

/** `generate --watch`: prints each run (what changed, what was written or removed, how long it took) until Ctrl-C, then exits 0. */
async function watchCommand(flags: GenerateFlags): Promise<void> {
  if (flags.check) {
    process.stderr.write('codebook: --watch cannot be combined with --check.\n');
    process.exitCode = EXIT_USAGE;
    return;
  }
  const { watchGenerate } = await import('../watch/watch.js');
  // Loaded now when it will be needed, so that each run can start its display synchronously.
  const Progress =
    flags.quiet || flags.format === 'json' || !isInteractive(process.stderr)
      ? undefined
      : (await import('../progress/progress-timer.js')).ProgressTimer;
  let progress: ProgressTimer | undefined;
  let shownWarnings = '';
  const handle = await watchGenerate(
    {
      config: flags.config,
      out: flags.out,
      targets: flags.targets,
      cache: flags.cache,
      timerForRun: () => (progress = Progress?.start({ stream: process.stderr })),
    },
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
      if (!first)
        for (const [what, paths] of [
          ['written', result.written.written],
          ['removed', result.written.removed],
        ] as const)
          for (const p of paths) log(flags, `  ${what.padEnd(8)} ${p}`);
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
