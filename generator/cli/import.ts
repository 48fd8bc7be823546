/**
 * `codebook import`: a vendor document, or a translated XLIFF 2.0 file, into
 * a locale source file. The importers are loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { configOption, EXIT_INVALID, EXIT_OK, EXIT_USAGE, exitCodeOf, formatOption, log, quietOption, report, type CommonFlags } from './common.js';

type ImportFlags = CommonFlags & { locale?: string; from: string; out?: string; check?: boolean; dryRun?: boolean };

export function defineImportCommand(program: Command): Command {
  return program
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
    .action(async (file: string, flags: ImportFlags) => {
      if (flags.from === 'xliff' || (flags.from === 'auto' && /\.(xlf|xliff)$/i.test(file))) {
        await importXliffFile(file, flags);
        return;
      }
      if (!flags.locale) {
        process.stderr.write('codebook: --locale is required to import a vendor document.\n');
        process.exitCode = EXIT_USAGE;
        return;
      }
      const [{ readFile }, { runImport }] = await Promise.all([import('node:fs/promises'), import('../import-command.js')]);
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
}

/** `codebook import --from xliff`: merges a translated .xlf into the locale's source file (the last layer's, or --out). */
async function importXliffFile(file: string, flags: ImportFlags): Promise<void> {
  const [{ loadCatalog }, { runXliffImport }] = await Promise.all([import('../pipeline.js'), import('../import/xliff/index.js')]);
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
    // Details go to the target file; changed user texts to the files that define them (user.json).
    const files = [...(result.fileText !== (result.texts.get(result.target) ?? '') || !result.userFiles?.length ? [result.target] : []), ...(result.userFiles ?? []).map((f) => f.path)];
    log(flags, `codebook: ${result.changed.length} key(s) changed${result.changed.length ? ` (${result.changed.join(', ')})` : ''}; ${files.join(', ')} ${what}.`);
  }
}
