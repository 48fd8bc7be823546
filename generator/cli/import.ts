/**
 * `codebook import`: a vendor document, or a translated XLIFF 2.0 or PO file,
 * into a locale source file. The format is given with --from or detected:
 * `.xlf`/`.xliff` or an `<xliff>` root is XLIFF, `.po`/`.pot` or msgid and
 * msgstr lines are PO, anything else a vendor document. The importers are
 * loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { configOption, EXIT_INVALID, EXIT_OK, EXIT_USAGE, exitCodeOf, formatOption, log, quietOption, report, type CommonFlags } from './common.js';

type ImportFlags = CommonFlags & { locale?: string; from: string; out?: string; check?: boolean; dryRun?: boolean };

export function defineImportCommand(program: Command): Command {
  return program
    .command('import')
    .description('import a vendor document, or a translated XLIFF 2.0 or PO file, into a locale source file')
    .argument('<file>', 'the vendor document, the .xlf or the .po')
    .option('-l, --locale <tag>', "BCP 47 tag of the document's language (required for vendor documents; XLIFF: must be its trgLang; PO: must be its Language, needed when it has none)")
    .addOption(new Option('--from <shape>', 'document shape').choices(['auto', 'pipe-table', 'pdf-text', 'xliff', 'po']).default('auto'))
    .option('-o, --out <file>', "source file to write (default: locales/<locale>/vendor.json; XLIFF, PO: the locale's file in the last layer)")
    .option('--check', 'write nothing; exit 1 when the file would change')
    .option('--dry-run', 'XLIFF, PO: print the unified diff of the source files instead of writing them')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (file: string, flags: ImportFlags) => {
      const { readFile } = await import('node:fs/promises');
      const from = flags.from === 'auto' ? await detectFormat(file, readFile) : flags.from;
      if (from === 'xliff' || from === 'po') {
        await importTranslations(from, file, flags);
        return;
      }
      if (!flags.locale) {
        process.stderr.write('codebook: --locale is required to import a vendor document.\n');
        process.exitCode = EXIT_USAGE;
        return;
      }
      const { runImport } = await import('../import-command.js');
      const text = await readFile(file, 'utf8');
      const result = await runImport(text, { ...flags, locale: flags.locale, sourceName: file });
      report(flags, result.report, result.refused ? new Map([[file, text]]) : undefined);
      if (result.refused) {
        log(flags, `codebook: ${result.keys} keys recognised in ${file}; ${result.out} not written.`);
        process.exitCode = EXIT_INVALID;
        return;
      }
      if (flags.check && result.changed) {
        log(flags, `codebook: ${result.out} is not what importing ${file} gives.`);
        process.exitCode = EXIT_INVALID;
        return;
      }
      log(flags, `codebook: ${result.keys} keys, ${result.report.length} report item(s); ${result.out} ${flags.check ? 'is up to date' : result.changed ? 'written' : 'unchanged'}.`);
    });
}

/** `--from auto`: XLIFF or PO by the file's name or its start, else a vendor document (`auto`, which the vendor importer resolves). */
async function detectFormat(file: string, readFile: (path: string) => Promise<Buffer>): Promise<string> {
  if (/\.(xlf|xliff)$/i.test(file)) return 'xliff';
  if (/\.pot?$/i.test(file)) return 'po';
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return 'auto';
  const text = bytes.subarray(0, 65536).toString('utf8').replace(/^\ufeff/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<xliff[\s>]/.test(text)) return 'xliff';
  const { looksLikePo } = await import('../import/po/read-po.js');
  return looksLikePo(text) ? 'po' : 'auto';
}

/** `codebook import --from xliff|po`: merges a translated .xlf or .po into the locale's source file (the last layer's, or --out). */
async function importTranslations(from: 'xliff' | 'po', file: string, flags: ImportFlags): Promise<void> {
  const { loadCatalog } = await import('../pipeline.js');
  const loaded = await loadCatalog({ config: flags.config });
  if (!loaded.config || !loaded.catalog || hasErrors(loaded.diagnostics)) {
    report(flags, loaded.diagnostics, loaded.texts);
    process.exitCode = exitCodeOf(loaded);
    return;
  }
  const common = { targetPath: flags.out, catalog: loaded.catalog, config: loaded.config, locale: flags.locale, dryRun: flags.dryRun || flags.check };
  const result =
    from === 'xliff'
      ? await (await import('../import/xliff/index.js')).runXliffImport({ ...common, xliffPath: file })
      : await (await import('../import/po/index.js')).runPoImport({ ...common, poPath: file });
  report(flags, result.diagnostics, result.texts);
  if (flags.dryRun && result.diff && flags.format !== 'json') process.stdout.write(result.diff);
  process.exitCode = hasErrors(result.diagnostics) || (flags.check && result.changed.length > 0) ? EXIT_INVALID : EXIT_OK;
  if (result.target) {
    const what = result.written ? 'written' : result.changed.length === 0 ? 'unchanged' : 'not written (dry run)';
    // Details go to the target file; changed user texts to the files that define them (user.json).
    const files = [...(result.fileText !== (result.texts.get(result.target) ?? '') || !result.userFiles?.length ? [result.target] : []), ...(result.userFiles ?? []).map((f) => f.path)];
    const domain = 'domain' in result && result.domain ? ` (read as the ${result.domain} domain)` : '';
    log(flags, `codebook: ${result.changed.length} key(s) changed${result.changed.length ? ` (${result.changed.join(', ')})` : ''}${domain}; ${files.join(', ')} ${what}.`);
  }
}
