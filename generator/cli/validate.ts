/** `codebook validate`: merge and validate the catalog; write nothing. */
import type { Command } from 'commander';
import { configOption, EXIT_OK, exitCodeOf, formatOption, log, quietOption, report, type CommonFlags } from './common.js';

export function defineValidateCommand(program: Command): Command {
  return program
    .command('validate')
    .description('merge and validate the catalog; write nothing')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (flags: CommonFlags) => {
      const { loadCatalog } = await import('../pipeline.js');
      const result = await loadCatalog({ config: flags.config });
      report(flags, result.diagnostics, result.texts);
      process.exitCode = exitCodeOf(result);
      if (process.exitCode === EXIT_OK && result.catalog) {
        log(flags, `codebook: ${result.catalog.messages.length} messages in ${result.catalog.locales.join(', ')} are valid.`);
      }
    });
}
