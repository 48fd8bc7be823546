/** `codebook review`: translation QA on every layer stack; prints the findings, exit 1 on open errors. */
import { Option, type Command } from 'commander';
import { configOption, EXIT_INVALID, EXIT_OK, exitCodeOf, quietOption, report, type CommonFlags } from './common.js';

type ReviewFlags = Omit<CommonFlags, 'format'> & {
  format: 'text' | 'json' | 'markdown';
  strict?: boolean;
  infos?: boolean;
  resolved?: boolean;
};

export function defineReviewCommand(program: Command): Command {
  return program
    .command('review')
    .description('translation QA on every layer stack: print the findings; exit 1 on open errors')
    .addOption(configOption())
    .option('--strict', 'open warnings are errors')
    .addOption(new Option('--format <format>', 'findings format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--infos', 'text format: also list open info findings')
    .option('--resolved', 'text format: list every resolved finding, not one line per group')
    .addOption(quietOption())
    .action(async (flags: ReviewFlags) => {
      const [{ review }, { reportJson, reportMarkdown, reportText }, { hasOpenErrors }] = await Promise.all([
        import('../pipeline.js'),
        import('../review/report.js'),
        import('../review/severity.js'),
      ]);
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
}
