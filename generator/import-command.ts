/** `codebook import`: runs the importer on a vendor document and writes the locale source file atomically. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { importVendorDocument, refuseVendorImport, type VendorShape } from './import/index.js';

export interface ImportCommandOptions {
  locale: string;
  from: string;
  sourceName: string;
  out?: string;
  check?: boolean;
}

/**
 * `refused`: the document recognises nothing, or fewer than half of the keys
 * of the file it would replace (refuseVendorImport); then nothing is written,
 * and `report` holds the refusal.
 */
export async function runImport(
  text: string,
  options: ImportCommandOptions,
): Promise<{ out: string; changed: boolean; keys: number; report: Diagnostic[]; refused?: Diagnostic }> {
  const result = importVendorDocument(text, {
    locale: options.locale,
    sourceName: options.sourceName,
    ...(options.from !== 'auto' ? { shape: options.from as VendorShape } : {}),
  });
  const out = options.out ?? `locales/${options.locale}/vendor.json`;
  const current = await readFile(out, 'utf8').catch(() => undefined);
  const keys = result.sections.reduce((n, s) => n + s.keys.length, 0);
  const refused = refuseVendorImport(result, current, { sourceName: options.sourceName, out });
  if (refused) return { out, changed: false, keys, report: [...result.report, refused], refused };
  const changed = current !== result.fileText;
  if (changed && !options.check) {
    await mkdir(dirname(out), { recursive: true });
    const temp = `${out}.codebook-${process.pid}.tmp`;
    await writeFile(temp, result.fileText, 'utf8');
    await rename(temp, out);
  }
  return { out, changed, keys, report: result.report };
}
