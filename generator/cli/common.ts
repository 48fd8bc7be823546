/**
 * What every command of the command line shares: exit codes, the common
 * flags, and printing diagnostics. Light on purpose: the entry (cli.ts)
 * loads it for every command, and each command loads its heavy modules
 * only when it runs.
 */
import { Option } from 'commander';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnosticsJson } from '../diagnostics/format-json.js';
import { formatDiagnosticsText } from '../diagnostics/format-text.js';
import type { RuleKind } from '../diagnostics/rule.js';
import { kindOf } from '../rules.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface CommonFlags {
  config?: string;
  format: 'text' | 'json';
  quiet?: boolean;
}

function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function log(flags: Pick<CommonFlags, 'quiet'>, line: string): void {
  if (!flags.quiet) process.stderr.write(`${line}\n`);
}

/** Prints diagnostics: JSON on stdout, or text on stderr (warnings and infos hidden by --quiet). */
export function report(flags: CommonFlags, diagnostics: readonly Diagnostic[], texts?: ReadonlyMap<string, string>): void {
  if (flags.format === 'json') {
    process.stdout.write(`${formatDiagnosticsJson(diagnostics)}\n`);
    return;
  }
  const shown = flags.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) process.stderr.write(`${formatDiagnosticsText(shown, { color: useColor(process.stderr), texts })}\n`);
}

/** The exit code of an error, by the kind of its rule (generator/rules.ts). */
export const EXIT_OF_KIND: Readonly<Record<RuleKind, number>> = {
  input: EXIT_INVALID,
  config: EXIT_USAGE,
  output: EXIT_USAGE,
  usage: EXIT_USAGE,
};

/** 2 when the config could not be used or an error is of a kind that exits 2 (config, output, usage); 1 for other errors. */
export function exitCodeOf(result: { config?: unknown; diagnostics: readonly Diagnostic[] }): number {
  const usage = !result.config || result.diagnostics.some((d) => d.severity === 'error' && EXIT_OF_KIND[kindOf(d.ruleId)] === EXIT_USAGE);
  if (usage) return EXIT_USAGE;
  return hasErrors(result.diagnostics) ? EXIT_INVALID : EXIT_OK;
}

export const configOption = () => new Option('-c, --config <file>', 'config file').default(undefined, 'codebook.config.json');
export const formatOption = () => new Option('--format <format>', 'diagnostics format').choices(['text', 'json']).default('text');
export const quietOption = () => new Option('-q, --quiet', 'print errors only');
