/**
 * `codebook import`: a vendor document, or a translated XLIFF (2.0 or 1.2) or PO file,
 * into a locale source file. The format is given with --from or detected:
 * `.xlf`/`.xliff` or an `<xliff>` root is XLIFF, `.po`/`.pot` or msgid and
 * msgstr lines are PO, `.arb` or JSON with `@@locale` is ARB, `.xcstrings` or
 * JSON with `sourceLanguage` and `strings` a String Catalog, XML with a
 * `<resources>` root Android strings.xml, anything else a vendor document.
 * The importers are loaded when the command runs.
 */
import { Option, type Command } from 'commander';
import { hasErrors } from '../diagnostics/diagnostic.js';
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

type ImportFlags = CommonFlags & { locale?: string; from: string; out?: string; check?: boolean; dryRun?: boolean };

export function defineImportCommand(program: Command): Command {
  return program
    .command('import')
    .description(
      'import a vendor document, or a translated XLIFF (2.0 or 1.2), PO, ARB, String Catalog or Android strings.xml file, into a locale source file',
    )
    .argument('<file>', 'the vendor document, or the .xlf, .po, .arb, .xcstrings or strings.xml')
    .option(
      '-l, --locale <tag>',
      "BCP 47 tag of the document's language (required for vendor documents; XLIFF: must be its trgLang, 1.2: target-language; PO: must be its Language, needed when it has none; ARB: must be its @@locale; String Catalog: the one locale to import; Android: needed outside a values-<qualifier> folder)",
    )
    .addOption(
      new Option('--from <shape>', 'document shape')
        .choices(['auto', 'pipe-table', 'pdf-text', 'xliff', 'po', 'arb', 'xcstrings', 'android'])
        .default('auto'),
    )
    .option(
      '-o, --out <file>',
      "source file to write (default: locales/<locale>/vendor.json; XLIFF, PO, ARB, String Catalog, Android: the locale's file in the last layer)",
    )
    .option('--check', 'write nothing; exit 1 when the file would change')
    .option('--dry-run', 'XLIFF, PO, ARB, String Catalog, Android: print the unified diff of the source files instead of writing them')
    .addOption(configOption())
    .addOption(formatOption())
    .addOption(quietOption())
    .action(async (file: string, flags: ImportFlags) => {
      const { readFile } = await import('node:fs/promises');
      const from = flags.from === 'auto' ? await detectFormat(file, readFile) : flags.from;
      if (from === 'xliff' || from === 'po' || from === 'arb' || from === 'xcstrings' || from === 'android') {
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
      log(
        flags,
        `codebook: ${result.keys} keys, ${result.report.length} report item(s); ${result.out} ${flags.check ? 'is up to date' : result.changed ? 'written' : 'unchanged'}.`,
      );
    });
}

/** `--from auto`: XLIFF or PO by the file's name or its start, else a vendor document (`auto`, which the vendor importer resolves). */
async function detectFormat(file: string, readFile: (path: string) => Promise<Buffer>): Promise<string> {
  if (/\.(xlf|xliff)$/i.test(file)) return 'xliff';
  if (/\.pot?$/i.test(file)) return 'po';
  const { platformFormatOf, platformFormatOfName } = await import('../import/translations/detect.js');
  const named = platformFormatOfName(file);
  if (named) return named;
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return 'auto';
  const text = bytes
    .subarray(0, 65536)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<xliff[\s>]/.test(text)) return 'xliff';
  const platform = platformFormatOf(bytes.length > 65536 ? bytes.toString('utf8').replace(/^\ufeff/, '') : text);
  if (platform) return platform;
  const { looksLikePo } = await import('../import/po/read-po.js');
  return looksLikePo(text) ? 'po' : 'auto';
}

/** `codebook import --from xliff|po|arb|xcstrings|android`: merges a translated file into the locale's source file (the last layer's, or --out); a String Catalog into each of its locales'. */
async function importTranslations(from: 'xliff' | 'po' | 'arb' | 'xcstrings' | 'android', file: string, flags: ImportFlags): Promise<void> {
  const { loadCatalog } = await import('../pipeline.js');
  const loaded = await loadCatalog({ config: flags.config });
  if (!loaded.config || !loaded.catalog || hasErrors(loaded.diagnostics)) {
    report(flags, loaded.diagnostics, loaded.texts);
    process.exitCode = exitCodeOf(loaded);
    return;
  }
  const common = {
    targetPath: flags.out,
    catalog: loaded.catalog,
    config: loaded.config,
    locale: flags.locale,
    dryRun: flags.dryRun || flags.check,
  };
  const result =
    from === 'xliff'
      ? await (await import('../import/xliff/run.js')).runXliffImport({ ...common, xliffPath: file })
      : from === 'po'
        ? await (await import('../import/po/run.js')).runPoImport({ ...common, poPath: file })
        : from === 'arb'
          ? await (await import('../import/arb/run.js')).runArbImport({ ...common, arbPath: file })
          : from === 'android'
            ? await (await import('../import/android/run.js')).runAndroidImport({ ...common, androidPath: file })
            : await (await import('../import/xcstrings/run.js')).runXcstringsImport({ ...common, xcstringsPath: file });
  report(flags, result.diagnostics, result.texts);
  if (flags.dryRun && result.diff && flags.format !== 'json') process.stdout.write(result.diff);
  process.exitCode = hasErrors(result.diagnostics) || (flags.check && result.changed.length > 0) ? EXIT_INVALID : EXIT_OK;
  // A String Catalog imports each of its locales into its own file: one line each.
  const parts =
    'parts' in result ? (result as import('../import/xcstrings/run.js').RunXcstringsImportResult).parts.map((p) => p.result) : [result];
  for (const part of parts) logImport(flags, part, 'domain' in result ? (result as { domain?: string }).domain : undefined);
}

function logImport(
  flags: ImportFlags,
  result: import('../import/translations/run.js').RunTranslationImportResult,
  domainName: string | undefined,
): void {
  if (result.target) {
    const what = result.written ? 'written' : result.changed.length === 0 ? 'unchanged' : 'not written (dry run)';
    // Details go to the target file; changed user texts to the files that define them (user.json).
    const files = [
      ...(result.fileText !== (result.texts.get(result.target) ?? '') || !result.userFiles?.length ? [result.target] : []),
      ...(result.userFiles ?? []).map((f) => f.path),
    ];
    const domain = domainName ? ` (read as the ${domainName} domain)` : '';
    log(
      flags,
      `codebook: ${result.changed.length} key(s) changed${result.changed.length ? ` (${result.changed.join(', ')})` : ''}${domain}; ${files.join(', ')} ${what}.`,
    );
  }
}
