/**
 * `codebook diff <old> <new>`: compares two releases of the catalog and
 * fails (exit 1) on changes that break apps, unless they are allowed. Exit 0
 * when nothing breaking is left, 2 when a side cannot be read or the flags are
 * wrong. The report goes to stdout; problems with the input go to stderr.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnosticsJson } from '../diagnostics/format-json.js';
import { formatDiagnosticsText } from '../diagnostics/format-text.js';
import { CHANGE_KINDS, diffCatalogs, isChangeKind, type Change } from './diff.js';
import { readSide } from './read-side.js';
import { formatDiffJson, formatDiffText, summarize } from './report.js';

export const EXIT_COMPATIBLE = 0;
export const EXIT_BREAKING = 1;
export const EXIT_UNREADABLE = 2;

export interface DiffCommandOptions {
  /** Config file, project folder, dist folder or catalog.json of the old release. */
  old: string;
  /** The same for the new release. */
  new: string;
  format?: 'text' | 'json';
  /** Exit 0 whatever breaks. */
  allowBreaking?: boolean;
  /** Change kinds that do not fail the check (`--allow code-removed,params-changed`). */
  allow?: readonly string[];
  /** Folder the paths are relative to; default the process's. */
  cwd?: string;
  color?: boolean;
}

export interface DiffCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Undefined when a side could not be read. */
  changes?: Change[];
}

export async function runDiff(options: DiffCommandOptions): Promise<DiffCommandResult> {
  const format = options.format ?? 'text';
  const unknown = (options.allow ?? []).filter((k) => !isChangeKind(k));
  if (unknown.length > 0) {
    return failed(format, options.color, [
      {
        ruleId: 'diff/unknown-kind',
        severity: 'error',
        message: `Unknown change kind(s) in --allow: ${unknown.join(', ')}.`,
        hint: `The breaking kinds are ${Object.entries(CHANGE_KINDS)
          .filter(([, s]) => s === 'breaking')
          .map(([k]) => k)
          .join(', ')}.`,
      },
    ]);
  }
  const [before, after] = await Promise.all([readSide(options.old, options.cwd), readSide(options.new, options.cwd)]);
  if (!before.snapshot || !after.snapshot) {
    const texts = new Map([...before.texts, ...after.texts]);
    return failed(format, options.color, [...before.diagnostics, ...after.diagnostics], texts);
  }
  const { changes } = diffCatalogs(before.snapshot, after.snapshot);
  const allowed = options.allowBreaking ? 'all' : new Set(options.allow ?? []);
  const stdout =
    format === 'json' ? formatDiffJson(changes, { allowed }) : formatDiffText(changes, { allowed, color: options.color ?? false });
  const exitCode = summarize(changes, allowed).blocking > 0 ? EXIT_BREAKING : EXIT_COMPATIBLE;
  return { exitCode, stdout, stderr: '', changes };
}

function failed(
  format: 'text' | 'json',
  color: boolean | undefined,
  diagnostics: Diagnostic[],
  texts?: ReadonlyMap<string, string>,
): DiffCommandResult {
  if (format === 'json') return { exitCode: EXIT_UNREADABLE, stdout: `${formatDiagnosticsJson(diagnostics)}\n`, stderr: '' };
  return {
    exitCode: EXIT_UNREADABLE,
    stdout: '',
    stderr: `${formatDiagnosticsText(diagnostics, { color: color ?? false, ...(texts ? { texts } : {}) })}\n`,
  };
}

export interface DiffCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  setExitCode: (code: number) => void;
  /** Whether to colour the text report (default: the cli's rules for stdout). */
  color?: boolean;
}

const processIo: DiffCommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  setExitCode: (code) => void (process.exitCode = code),
};

/** Adds `diff` to the program, with the program's inherited settings (exitOverride, help after error). */
export function defineDiffCommand(program: Command, io: DiffCommandIo = processIo): Command {
  return program
    .command('diff')
    .description('compare two releases of the catalog; exit 1 on changes that break apps')
    .argument('<old>', 'the old release: a config file, a project folder, a dist folder or its catalog/catalog.json')
    .argument('<new>', 'the new release, the same way')
    .option('--allow-breaking', 'exit 0 even when something breaks')
    .option(
      '--allow <kinds>',
      'comma-separated breaking change kinds to accept, e.g. code-removed,params-changed',
      (v: string, previous: string[] = []) => [
        ...previous,
        ...v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ],
    )
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .action(async (oldSide: string, newSide: string, flags: { allowBreaking?: boolean; allow?: string[]; format: 'text' | 'json' }) => {
      const result = await runDiff({
        old: oldSide,
        new: newSide,
        format: flags.format,
        ...(flags.allowBreaking ? { allowBreaking: true } : {}),
        ...(flags.allow ? { allow: flags.allow } : {}),
        color: io.color ?? useColor(process.stdout),
      });
      if (result.stdout) io.stdout(result.stdout);
      if (result.stderr) io.stderr(result.stderr);
      io.setExitCode(result.exitCode);
    });
}

function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
