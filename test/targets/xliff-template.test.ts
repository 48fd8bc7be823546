/**
 * A user's override of the XLIFF entry template (issue 14): a templates
 * folder named in the config ("templates": { "xliff": "my-templates/xliff" })
 * with its own unit.xlf.hbs that marks one unit `canResegment="no"` and
 * gives it a `<note category="context">`. The generated files show it, differ
 * from the built-in ones in that unit only, and still validate against
 * OASIS's XLIFF 2.0 schema through xmllint (under CI=true a missing xmllint
 * fails instead of skipping: test/support/toolchain.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { loadCatalog, renderTargets } from '../../generator/pipeline.js';
import { xliffTarget } from '../../generator/targets/xliff.js';
import { fixturesDir, renderScenario, repoRoot, writeToTemp } from '../support/catalogs.js';
import { haveTools } from '../support/toolchain.js';

const SCHEMAS = resolve(repoRoot, '../shared/vendor-schemas');
const UNIT = '-302';

/** The built-in unit.xlf.hbs with one unit (id -302) made non-resegmentable and given a context note. */
function overrideTemplate(): string {
  const builtIn = readFileSync(join(repoRoot, 'templates/xliff/unit.xlf.hbs'), 'utf8');
  const open = '{{~else}}\n    <unit id="{{id}}"{{#if name}} name="{{name}}"{{/if}}>\n{{#if notes.length}}\n      <notes>\n';
  expect(builtIn).toContain(open);
  return builtIn.replace(
    open,
    [
      '{{~else}}',
      `    <unit id="{{id}}"{{#if name}} name="{{name}}"{{/if}}{{#if (eq id "${UNIT}")}} canResegment="no"{{/if}}>`,
      '{{#if notes.length}}',
      '      <notes>',
      `{{#if (eq id "${UNIT}")}}`,
      '        <note category="context">Shown in a toast: keep it under 40 characters.</note>',
      '{{/if}}',
      '',
    ].join('\n'),
  );
}

describe.skipIf(!haveTools('xmllint'))('xliff template override through xmllint', () => {
  it("renders the config's unit.xlf.hbs for each unit, changes one unit only, and the files validate against the OASIS 2.0 schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-xliff-override-'));
    cpSync(join(fixturesDir, 'hazards'), dir, { recursive: true });
    mkdirSync(join(dir, 'my-templates', 'xliff'), { recursive: true });
    writeFileSync(join(dir, 'my-templates', 'xliff', 'unit.xlf.hbs'), overrideTemplate());
    const configPath = join(dir, 'codebook.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ ...JSON.parse(readFileSync(configPath, 'utf8')), $schema: undefined, templates: { xliff: 'my-templates/xliff' } }),
    );
    const loaded = await loadCatalog({ config: configPath, cwd: repoRoot });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const diagnostics: Diagnostic[] = [];
    const files = renderTargets(loaded.catalog!, loaded.config!, [xliffTarget], diagnostics)!;
    expect(diagnostics).toEqual([]);
    const { files: builtIn } = await renderScenario('hazards', [xliffTarget]);
    expect([...files.keys()]).toEqual([...builtIn!.keys()]);

    for (const [path, mine] of files) {
      const theirs = builtIn!.get(path)!;
      // The one unit, and nothing else, looks different.
      expect(mine, path).toContain(
        `    <unit id="${UNIT}" canResegment="no">\n      <notes>\n        <note category="context">Shown in a toast: keep it under 40 characters.</note>\n        <note category="section">`,
      );
      expect(theirs, path).toContain(`    <unit id="${UNIT}">\n      <notes>\n        <note category="section">`);
      expect(mine.match(/canResegment/g), path).toHaveLength(1);
      expect(
        mine
          .replace(` canResegment="no"`, '')
          .replace('        <note category="context">Shown in a toast: keep it under 40 characters.</note>\n', ''),
        path,
      ).toBe(theirs);
    }

    const out = writeToTemp(files, 'codebook-xliff-override-out-');
    for (const path of files.keys()) {
      const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMAS, 'xliff-2.0/xliff_core_2.0.xsd'), join(out, path)], {
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: join(SCHEMAS, 'catalog.xml') },
      });
      expect(r.status, r.stderr).toBe(0);
    }
  });
});
