/**
 * The i18next bundles' templates (issue 14): golden entry contexts, the
 * TypeScript fast path held to handlebars' bytes, a user's entry template
 * read back by i18next itself, and broken overrides that are reported and
 * write nothing.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { entryCount } from '../../generator/emit/lazy-entries.js';
import { textOfChunks } from '../../generator/output/streamed-file.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import { i18nextTarget, type BundleEntryContext } from '../../generator/targets/i18next.js';
import { loadTestCatalog, renderScenario } from '../support/catalogs.js';
import {
  entriesOf,
  expectBrokenOverrideWritesNothing,
  expectFastPathEqualsHandlebars,
  expectGoldenContexts,
  generateIn,
  overrideProject,
  readOutput,
} from './json-template-support.js';

/** A user's entry template: message 1 also under a nested `legacy.quoted` key (i18next's default keySeparator is "."). */
const ENTRY = `  {{key}}: {{value}}{{#if (eq messageKey '"1"')}},\n  "legacy": { "quoted": {{value}} }{{/if}}`;

describe('i18next templates', () => {
  it('matches the golden entry contexts (what entry.json.hbs is given)', async () => {
    await expectGoldenContexts(i18nextTarget, 'entry.json.hbs');
  });

  it('renders every entry through the TypeScript fast path exactly as entry.json.hbs does through handlebars', async () => {
    await expectFastPathEqualsHandlebars(i18nextTarget, ['hazards', 'default']);
  });

  it('writes the flat JSON the target wrote before it had templates', async () => {
    for (const scenario of ['hazards', 'default']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      const renderer = new TemplateRenderer();
      for (const file of i18nextTarget.plan(catalog, { config, header: 'h' }).files) {
        const pairs = (entriesOf(file).contexts as BundleEntryContext[]).map((c) => [JSON.parse(c.key), JSON.parse(c.value)] as const);
        expect(renderer.render('i18next', file), file.path).toBe(flatJson(pairs));
      }
    }
  });

  it('builds the entries of plain texts as the file is rendered, chunk by chunk to the bytes of the whole render', async () => {
    for (const scenario of ['hazards', 'default']) {
      const { catalog, config } = await loadTestCatalog(scenario);
      const renderer = new TemplateRenderer();
      for (const file of i18nextTarget.plan(catalog, { config, header: 'h' }).files) {
        const entries = entriesOf(file);
        // A lazy list (emit/lazy-entries.ts): its size known from the plan, its contexts built when read.
        expect(entries.eachContext, file.path).toBeDefined();
        expect(entryCount(entries), file.path).toBe(entries.keys!.length);
        expect([...entries.eachContext!()], file.path).toEqual(entries.contexts);
        expect(textOfChunks(renderer.chunks('i18next', file)), file.path).toBe(renderer.render('i18next', file));
      }
    }
  });

  it("renders the config's entry.json.hbs, and i18next reads every text as before plus the added nested key", async () => {
    const project = overrideProject('i18next');
    project.write({ 'entry.json.hbs': ENTRY });
    const result = await generateIn(project.dir, 'i18next');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mine = readOutput(project.out, 'i18next');
    const { catalog, files: builtIn } = await renderScenario('hazards', [i18nextTarget]);
    expect([...mine.keys()]).toEqual([...builtIn!.keys()]);
    for (const [path, text] of mine) {
      const theirs = builtIn!.get(path)!;
      const added = /\n {2}"1": ("(?:[^"\\]|\\.)*")/.exec(theirs);
      // The one entry, and nothing else, looks different.
      expect(text, path).toBe(added ? theirs.replace(added[0], `${added[0]},\n  "legacy": { "quoted": ${added[1]} }`) : theirs);
    }
    const [builtInI18n, overrideI18n] = await Promise.all([instance(builtIn!), instance(mine)]);
    let compared = 0;
    for (const locale of catalog.locales)
      for (const message of catalog.messages) {
        if (!message.translations[locale]) continue;
        for (const count of [0, 1, 2, 5, 11, 21, 100]) {
          const options = { lng: locale, count, name: 'N', user: 'U' };
          const text = overrideI18n.t(message.key, options);
          expect(text, `${locale} ${message.key} ${count}`).toBe(builtInI18n.t(message.key, options));
          expect(text).not.toBe(message.key); // found, not the key echoed
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(100);
    for (const locale of catalog.locales) {
      const has = catalog.messages.find((m) => m.key === '1')!.translations[locale] !== undefined;
      expect(overrideI18n.t('legacy.quoted', { lng: locale, fallbackLng: false }), locale).toBe(
        has ? builtInI18n.t('1', { lng: locale }) : 'legacy.quoted',
      );
    }
  });

  it('reports an entry template that breaks the JSON, and writes nothing', async () => {
    await expectBrokenOverrideWritesNothing(
      'i18next',
      { 'entry.json.hbs': '  {{key}}: {{value}},' },
      { template: 'entry.json.hbs', file: 'i18next/ar/errors.json', why: /it is not JSON/ },
    );
  });

  it('reports a bundle that is JSON but not an object of strings (an array value), and writes nothing', async () => {
    await expectBrokenOverrideWritesNothing(
      'i18next',
      { 'entry.json.hbs': '  {{key}}: [{{value}}]' },
      {
        template: 'entry.json.hbs',
        file: 'i18next/ar/errors.json',
        why: /the value at \/6014 is an array, not a string or an object of strings/,
      },
    );
  });
});

/** An i18next instance with every bundle of `files` (`i18next/<locale>/<namespace>.json`) loaded. */
async function instance(files: ReadonlyMap<string, string>) {
  const resources: Record<string, Record<string, object>> = {};
  for (const [path, text] of files) {
    const [, locale, file] = path.split('/');
    (resources[locale] ??= {})[file.replace(/\.json$/, '')] = JSON.parse(text) as object;
  }
  const i18n = i18next.createInstance();
  await i18n.init({ resources, ns: ['errors'], defaultNS: 'errors', fallbackLng: false, interpolation: { escapeValue: false } });
  return i18n;
}

/**
 * The flat JSON the i18next target wrote before it had templates: keys in
 * the given order (JSON.stringify would move integer-like keys such as
 * "6014" ahead of "-302").
 */
function flatJson(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '{}\n';
  let text = '{\n';
  for (let i = 0; i < entries.length; i++)
    text += `${i === 0 ? '' : ',\n'}  ${JSON.stringify(entries[i][0])}: ${JSON.stringify(entries[i][1])}`;
  return `${text}\n}\n`;
}
