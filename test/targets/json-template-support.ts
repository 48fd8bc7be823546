/**
 * What the template tests of the JSON targets (i18next, flutter, catalog)
 * share: a copy of the hazards fixture with a user's templates folder named
 * in its config, generated through the real pipeline into its dist/, and the
 * check that the built-in entry template in TypeScript renders every planned
 * file exactly as handlebars does.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { EntryRendering, PlannedFile, Target } from '../../generator/emit/target.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { fixturesDir, loadTestCatalog } from '../support/catalogs.js';

/** A copy of the hazards fixture whose config names `my-templates/<target>` as the target's templates folder (empty until `write`). */
export function overrideProject(target: string): { dir: string; out: string; write(templates: Record<string, string>): void } {
  const dir = mkdtempSync(join(tmpdir(), `codebook-${target}-override-`));
  cpSync(join(fixturesDir, 'hazards'), dir, { recursive: true });
  const folder = join(dir, 'my-templates', target);
  mkdirSync(folder, { recursive: true });
  const configPath = join(dir, 'codebook.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(configPath, JSON.stringify({ ...config, $schema: undefined, templates: { [target]: `my-templates/${target}` } }));
  return {
    dir,
    out: join(dir, 'dist'),
    write: (templates) => {
      for (const [name, text] of Object.entries(templates)) writeFileSync(join(folder, name), text);
    },
  };
}

/** `codebook generate -t <target>` in the project, without the cache. */
export function generateIn(dir: string, target: string): Promise<GenerateResult> {
  return generate({ config: join(dir, 'codebook.config.json'), cwd: dir, targets: [target], cache: false });
}

/** Content and mtime of every file under dir, by path. */
export function folderSnapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(dir.length), `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`];
    }),
  );
}

/** The files of a target in dist/, by path relative to dist/. */
export function readOutput(out: string, target: string): Map<string, string> {
  const files = readdirSync(join(out, target), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e): [string, string] => {
        const path = join(e.parentPath, e.name);
        return [path.slice(out.length + 1), readFileSync(path, 'utf8')];
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The one entry rendering of a planned file. */
export function entriesOf(file: PlannedFile): EntryRendering {
  if (!file.entries) throw new Error(`${file.path}: expected an entry rendering`);
  return file.entries;
}

/** Every planned file of the scenarios, rendered through handlebars and through the TypeScript fast path: the same bytes. */
export async function expectFastPathEqualsHandlebars(target: Target, scenarios: string[]): Promise<void> {
  const renderer = new TemplateRenderer();
  for (const scenario of scenarios) {
    const { catalog, config } = await loadTestCatalog(scenario);
    for (const file of target.plan(catalog, { config, header: 'h' }).files) {
      const entries = entriesOf(file);
      const viaHandlebars = renderer.render(target.id, { ...file, entries: { ...entries, builtIn: undefined } });
      let calls = 0;
      const counted = { ...entries, builtIn: (c: object) => (calls++, entries.builtIn!(c)) };
      expect(renderer.render(target.id, { ...file, entries: counted }), `${scenario} ${file.path}`).toBe(viaHandlebars);
      expect(calls, 'the TypeScript path was taken').toBe(entries.contexts.length);
    }
  }
}

/** The golden entry contexts of the hazards fixture: `test/golden/hazards/<target>-context/<path in the target>.json`. */
export async function expectGoldenContexts(target: Target, template: string): Promise<void> {
  const { catalog, config } = await loadTestCatalog('hazards');
  for (const file of target.plan(catalog, { config, header: 'h' }).files) {
    expect(entriesOf(file).template).toBe(template);
    const json = `${JSON.stringify(entriesOf(file).contexts, null, 2)}\n`;
    await expect(json).toMatchFileSnapshot(`../golden/hazards/${target.id}-context/${file.path.slice(target.id.length + 1)}.json`);
  }
}

/** A broken override: generate reports emit/template-invalid-json naming the template and the file, and leaves dist/ as the last good run wrote it. */
export async function expectBrokenOverrideWritesNothing(
  target: string,
  templates: Record<string, string>,
  expected: { template: string; file: string; why: RegExp },
): Promise<void> {
  const project = overrideProject(target);
  const good = await generateIn(project.dir, target);
  expect(good.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const before = folderSnapshot(project.out);
  project.write(templates);
  const bad = await generateIn(project.dir, target);
  const errors = bad.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((d) => d.ruleId === 'emit/template-invalid-json' && d.target === target)).toBe(true);
  const first = errors.find((d) => d.notes?.[0]?.place?.file === expected.file)!;
  expect(first, JSON.stringify(errors.map((d) => d.notes))).toBeDefined();
  expect(first.place).toEqual({ file: `my-templates/${target}/${expected.template}` });
  expect(first.message).toContain(`my-templates/${target}/${expected.template}`);
  expect(first.message).toContain(expected.file);
  expect(first.message).toMatch(expected.why);
  expect(first.notes![0].place).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  expect(bad.written).toBeUndefined();
  expect(folderSnapshot(project.out)).toEqual(before);
}
