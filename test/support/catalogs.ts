/** Loads the test catalogs and renders targets in memory, for target tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, TranslationState } from '../../generator/catalog/model.js';
import { parseMessage } from '../../generator/catalog/icu.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import type { Target } from '../../generator/emit/target.js';
import { loadCatalog, renderTargets } from '../../generator/pipeline.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'test/fixtures');
export const sharedDir = resolve(repoRoot, '../shared');

/** The merged catalog of a fixture scenario (`hazards`) or of the repo itself (`default`); throws on errors. */
export async function loadTestCatalog(scenario: 'default' | string) {
  const config = scenario === 'default' ? join(repoRoot, 'codebook.config.json') : join(fixturesDir, scenario, 'codebook.config.json');
  const result = await loadCatalog({ config, cwd: repoRoot });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.catalog || !result.config)
    throw new Error(`catalog ${scenario} has errors:\n${errors.map((e) => `${e.ruleId} ${e.message}`).join('\n')}`);
  return { catalog: result.catalog, config: result.config };
}

/** Renders targets for a scenario into memory; `diagnostics` holds what the targets reported. */
export async function renderScenario(scenario: string, targets: Target[]) {
  const { catalog, config } = await loadTestCatalog(scenario);
  const diagnostics: Diagnostic[] = [];
  const files = renderTargets(catalog, config, targets, diagnostics);
  return { catalog, config, files, diagnostics };
}

/** Writes rendered files into a fresh temporary folder and returns it. */
export function writeToTemp(files: ReadonlyMap<string, string>, prefix = 'codebook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The catalog with one translation replaced, parsed as the validate stage does (an ICU error throws). */
export function withTranslation(
  catalog: Catalog,
  key: string,
  locale: string,
  text: string,
  state: TranslationState = 'translated',
): Catalog {
  const parsed = parseMessage(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const messages = catalog.messages.map((m) => {
    if (m.key !== key) return m;
    const base = m.translations[locale] ?? m.translations[catalog.sourceLocale];
    return { ...m, translations: { ...m.translations, [locale]: { ...base, text, ast: parsed.ast, state } } };
  });
  return { ...catalog, messages };
}

/** The catalog as if its registry gave no actions (faults kept), in both audiences. */
export function withoutActions(catalog: Catalog): Catalog {
  return {
    ...catalog,
    messages: catalog.messages.map(({ action: _, ...m }) => m),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map(({ action: _, ...m }) => m) } : {}),
  };
}
