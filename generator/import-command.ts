/** `codebook import`: runs the importer on a vendor document and writes the locale source file atomically. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { importVendorDocument, type VendorShape } from './import/index.js';

export interface ImportCommandOptions {
  locale: string;
  from: string;
  sourceName: string;
  out?: string;
  check?: boolean;
}

export async function runImport(text: string, options: ImportCommandOptions): Promise<{ out: string; changed: boolean; keys: number; report: Diagnostic[] }> {
  const result = importVendorDocument(text, {
    locale: options.locale,
    sourceName: options.sourceName,
    ...(options.from !== 'auto' ? { shape: options.from as VendorShape } : {}),
  });
  const out = options.out ?? `locales/${options.locale}/vendor.json`;
  const current = await readFile(out, 'utf8').catch(() => undefined);
  const changed = current !== result.fileText;
  if (changed && !options.check) {
    await mkdir(dirname(out), { recursive: true });
    const temp = `${out}.codebook-${process.pid}.tmp`;
    await writeFile(temp, result.fileText, 'utf8');
    await rename(temp, out);
  }
  const keys = result.sections.reduce((n, s) => n + s.keys.length, 0);
  return { out, changed, keys, report: result.report };
}
