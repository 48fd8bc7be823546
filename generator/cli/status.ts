/** `codebook status`: completeness per locale and section, and counts per state; `--format json` prints the figures. */
import type { Command } from 'commander';
import { configOption, exitCodeOf, formatOption, quietOption, report, type CommonFlags } from './common.js';

export function defineStatusCommand(program: Command): Command {
  return program
    .command('status')
    .description('how complete each locale is: texts per state, per section, and the user messages')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (flags: CommonFlags) => {
      const [{ loadCatalog }, { catalogStatus, formatStatus }] = await Promise.all([
        import('../pipeline.js'),
        import('../status/status.js'),
      ]);
      const result = await loadCatalog({ config: flags.config });
      process.exitCode = exitCodeOf(result);
      if (!result.catalog || process.exitCode !== 0) {
        report(flags, result.diagnostics, result.texts);
        return;
      }
      const status = catalogStatus(result.catalog);
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    });
}
