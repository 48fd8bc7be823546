/** Exports catalogs to XLIFF in memory and edits the result the way a translator's tool would: one unit at a time. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseMessage } from '../../../generator/catalog/icu.js';
import type { Catalog, TranslationState } from '../../../generator/catalog/model.js';
import type { Diagnostic } from '../../../generator/diagnostics/diagnostic.js';
import { renderTargets } from '../../../generator/pipeline.js';
import { xliffTarget } from '../../../generator/targets/xliff.js';
import { fixturesDir, loadTestCatalog, repoRoot } from '../../support/catalogs.js';

/** The XLIFF files of a catalog (by locale), as `codebook generate -t xliff` writes them (in `version`, default the config's). */
export async function exportXliff(
  scenario: string,
  catalog?: Catalog,
  version?: '1.2' | '2.0',
): Promise<{ catalog: Catalog; files: Map<string, string> }> {
  const loaded = await loadTestCatalog(scenario);
  const used = catalog ?? loaded.catalog;
  const diagnostics: Diagnostic[] = [];
  const config = version ? { ...loaded.config, xliff: { version } } : loaded.config;
  const rendered = renderTargets(used, config, [xliffTarget], diagnostics);
  expect(diagnostics).toEqual([]);
  const files = new Map([...rendered!].map(([path, text]) => [path.replace(/^xliff\/(.*)\.xlf$/, '$1'), text]));
  return { catalog: used, files };
}

/** A locale source file of a scenario, as the catalog's origins name it, with its text. */
export function sourceFile(scenario: string, path: string): { path: string; text: string } {
  const dir = scenario === 'default' ? repoRoot : join(fixturesDir, scenario);
  return { path, text: readFileSync(join(dir, path), 'utf8') };
}

/** `s` with the only occurrence of `from` replaced (throws unless there is exactly one). */
export function replaceOnce(s: string, from: string, to: string): string {
  const i = s.indexOf(from);
  if (i < 0 || s.indexOf(from, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
}

/** An element that holds one item: 2.0's `<unit>`, 1.2's `<trans-unit>`, a plural `<group>`. */
export type BlockTag = 'unit' | 'trans-unit' | 'group';

/** Span of `<unit id="…">…</unit>` (or a `<trans-unit>`, a plural `<group id="…">…</group>`), whole lines. */
function blockSpan(xlf: string, tag: BlockTag, id: string): [number, number] {
  const open = xlf.indexOf(`<${tag} id="${id}"`);
  if (open < 0) throw new Error(`no ${tag} ${id}`);
  const close = xlf.indexOf(`</${tag}>`, open) + `</${tag}>`.length;
  return [xlf.lastIndexOf('\n', open) + 1, xlf.indexOf('\n', close) + 1];
}

/** Applies `edit` to one unit's (or group's) text only. */
export function editBlock(xlf: string, tag: BlockTag, id: string, edit: (block: string) => string): string {
  const [start, end] = blockSpan(xlf, tag, id);
  const block = xlf.slice(start, end);
  const edited = edit(block);
  if (edited === block) throw new Error(`edit of ${tag} ${id} changed nothing`);
  return xlf.slice(0, start) + edited + xlf.slice(end);
}

export function deleteBlock(xlf: string, tag: BlockTag, id: string): string {
  const [start, end] = blockSpan(xlf, tag, id);
  return xlf.slice(0, start) + xlf.slice(end);
}

/** Inserts `text` before the line holding `before`. */
export function insertBefore(xlf: string, before: string, text: string): string {
  const i = xlf.indexOf(before);
  if (i < 0) throw new Error(`no ${before}`);
  const line = xlf.lastIndexOf('\n', i) + 1;
  return xlf.slice(0, line) + text + xlf.slice(line);
}

/** 1-based line (and column) of the only occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  return where(text, needle).line;
}

export function where(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0 || text.indexOf(needle, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(needle)}`);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** Diagnostics as `rule line:column`, the shape the assertions compare. */
export function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.ruleId} ${d.place?.file}:${d.place?.line}:${d.place?.column}`);
}

/** A catalog with one translation replaced (parsed, as the validate stage would). */
export function withText(catalog: Catalog, key: string, locale: string, text: string, state: TranslationState = 'translated'): Catalog {
  const parsed = parseMessage(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    ...catalog,
    messages: catalog.messages.map((m) => {
      if (m.key !== key) return m;
      const base = m.translations[locale] ?? m.translations[catalog.sourceLocale];
      return { ...m, translations: { ...m.translations, [locale]: { ...base, text, ast: parsed.ast, state } } };
    }),
  };
}

/** A catalog without any translation in `locale`. */
export function withoutLocale(catalog: Catalog, locale: string): Catalog {
  return {
    ...catalog,
    messages: catalog.messages.map((m) => {
      const { [locale]: _dropped, ...rest } = m.translations;
      return { ...m, translations: rest };
    }),
  };
}
