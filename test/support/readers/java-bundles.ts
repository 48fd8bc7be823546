/**
 * Java read-back: test/tools/java/BundleReader loads every generated
 * `.properties` file with Properties.load (ISO-8859-1) and a strict UTF-8
 * PropertyResourceBundle, resolves each locale with ResourceBundle.getBundle
 * (JVM default locale set to another catalog locale), and formats each value
 * that is a pattern with MessageFormat and sentinel arguments; under the
 * config's java.messageFormat "with-arguments" (the default) the values of
 * messages without arguments are plain text, which it shows as getString
 * gives them. expectReadBack compares that with the catalog's text with the
 * same sentinels (test/tools/icu-sentinels.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { expect } from 'vitest';
import type { Catalog, Message } from '../../../generator/catalog/model.js';
import type { JavaMessageFormat } from '../../../generator/config/load-config.js';
import { pluralCategories } from '../../../generator/emit/plural-forms.js';
import { exactSelectors, resolveAt, resolveCategory, sentinelText } from '../../tools/icu-sentinels.js';
import { repoRoot, writeToTemp } from '../catalogs.js';

/** What BundleReader prints. */
export interface ReadBack {
  files: Record<string, Record<string, string>>;
  bundles: Record<string, { locale: string; values: Record<string, { text: string; formats: string[] }> }>;
}

export type Shown = { text: string; formats: string[] };

/** Compiles BundleReader into a fresh folder (once per test file: javac is slow) and returns the class path. */
export function compileBundleReader(): string {
  const classes = mkdtempSync(join(tmpdir(), 'codebook-java-reader-'));
  execFileSync('javac', [
    '-encoding',
    'UTF-8',
    '-Xlint:all',
    '-Werror',
    '-d',
    classes,
    join(repoRoot, 'test/tools/java/BundleReader.java'),
  ]);
  return classes;
}

/** Writes rendered files (paths `java/…`) to a temporary folder and reads their `Errors*` bundles back. */
export function readBundles(
  classes: string,
  files: ReadonlyMap<string, string>,
  catalog: Catalog,
  mode: JavaMessageFormat = 'with-arguments',
): ReadBack {
  return readBundleDir(classes, join(writeToTemp(files, 'codebook-java-'), 'java'), catalog, undefined, mode);
}

/**
 * Reads the bundles in `dir` back, one JVM for every locale of the catalog.
 * `base` is the bundle base name; by default the root bundle's name (the
 * shortest `*.properties` file name in the folder).
 */
export function readBundleDir(
  classes: string,
  dir: string,
  catalog: Catalog,
  base = rootBundleName(dir),
  mode: JavaMessageFormat = 'with-arguments',
): ReadBack {
  const defaultLocale = catalog.locales.find((l) => l !== catalog.sourceLocale) ?? catalog.sourceLocale;
  const plain = mode === 'always' ? [] : catalog.messages.filter((m) => m.params.length === 0).map((m) => m.key);
  const keysFile = join(mkdtempSync(join(tmpdir(), 'codebook-java-plain-')), 'plain.txt');
  writeFileSync(keysFile, plain.join('\n'));
  const result = spawnSync('java', ['-cp', classes, 'BundleReader', '--plain', keysFile, dir, base, defaultLocale, ...catalog.locales], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReadBack;
}

function rootBundleName(dir: string): string {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.properties'))
    .map((f) => f.slice(0, -'.properties'.length));
  return names.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? 'Errors';
}

/**
 * Each locale resolves to its own bundle (the source locale: to the empty
 * stub of its language, whose parent is the root bundle); its keys are those
 * of the root bundle (ResourceBundle.keySet includes the parents') with the
 * locale's own entries over them, each showing the catalog's text.
 */
export function expectReadBack(catalog: Catalog, read: ReadBack): void {
  for (const locale of catalog.locales) {
    const bundle = read.bundles[locale];
    const resolved = locale === catalog.sourceLocale ? new Intl.Locale(locale).language : locale;
    expect(bundle.locale, `getBundle(${locale}) resolved another bundle`).toBe(resolved);
    const expected = Object.fromEntries(
      catalog.messages.flatMap((m) => [...entriesOf(m, catalog.sourceLocale), ...(m.translations[locale] ? entriesOf(m, locale) : [])]),
    );
    expect(bundle.values, `bundle for ${locale}`).toEqual(expected);
  }
}

/** What MessageFormat should show for each key of a message in one locale's bundle. */
export function entriesOf(message: Message, locale: string): [string, Shown][] {
  const ast = message.translations[locale].ast;
  const sentinel = (arg: string) => `\u27E6${message.params.findIndex((p) => p.name === arg)}\u27E7`;
  const shown = (elements: readonly MessageFormatElement[], pluralArg?: string) => ({
    text: sentinelText(elements, sentinel, pluralArg),
    formats: formatsOf(elements, message, pluralArg),
  });
  if (!isPlural(message)) return [[message.key, shown(ast)]];
  const entries: [string, Shown][] = [[`${message.key}.locale`, { text: locale, formats: [] }]];
  for (const n of new Set(Object.values(message.translations).flatMap((t) => exactSelectors(t.ast)))) {
    const { elements, pluralArg } = resolveAt(ast, locale, n);
    entries.push([`${message.key}.=${n}`, shown(elements, pluralArg ?? message.params[0].name)]);
  }
  for (const category of pluralCategories(locale)) {
    const { elements, pluralArg } = resolveCategory(ast, category);
    entries.push([`${message.key}.${category}`, shown(elements, pluralArg)]);
  }
  return entries;
}

/** The format MessageFormat should attach to each argument index: numbers for `{n, number}` and `#`, dates for date/time. */
export function formatsOf(elements: readonly MessageFormatElement[], message: Message, pluralArg?: string): string[] {
  const formats: string[] = [];
  for (const el of elements) {
    if (el.type === TYPE.literal) continue;
    const arg = el.type === TYPE.pound ? pluralArg! : 'value' in el ? el.value : '';
    const type =
      el.type === TYPE.pound || el.type === TYPE.number ? 'number' : el.type === TYPE.date || el.type === TYPE.time ? 'date' : 'none';
    formats[message.params.findIndex((p) => p.name === arg)] = type;
  }
  return Array.from(formats, (f) => f ?? 'none');
}

/** Whether any locale's text of the message has a plural (then it is a group of keys in every bundle). */
export function isPlural(message: Message): boolean {
  return Object.values(message.translations).some((t) => t.ast.some((el) => el.type === TYPE.plural));
}
