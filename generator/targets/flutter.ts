/**
 * Flutter ARB files for gen-l10n: `flutter/app_<locale>.arb` per locale,
 * `_` between subtags (`app_zh_Hans.arb`, `"@@locale": "zh_Hans"`). The
 * source locale's file is the template (`template-arb-file`): it alone
 * carries `@key` metadata (description = section title + description;
 * placeholders in registry order with type, format and example). Other
 * locales hold their translated keys; gen-l10n falls back to the template.
 *
 * gen-l10n needs a base-language file beside a script or region file
 * (ecosystem.md §2). When the catalog has no locale for that language, the
 * base file is a copy of its first variant in catalog order (`app_zh.arb` of
 * `zh-Hans`), marked `@@x-copy-of`: a `zh-Hant` or `pt-PT` device then sees the
 * nearest translation rather than the template language.
 *
 * Keys are the Dart identifiers of the shared table (`error_6014`,
 * `error_n302`). With two audiences (emit/audiences.ts) each file holds the
 * user messages under those keys and the developer details under
 * `error_detail_6014`. Values are ICU for `use-escaping: true` (flutter-icu.ts).
 * JSON has no comments: every file says it is generated in `@@x-generated`.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message, Param } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audiencesOf } from '../emit/audiences.js';
import { identifierTable } from '../emit/identifiers.js';
import { sourceSectionTitles } from '../emit/section-titles.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { localeUnrepresentable, unrepresentable } from '../emit/unrepresentable.js';
import { arbText } from './flutter-icu.js';

type Json = string | readonly (readonly [string, Json])[];
type Entries = [string, Json][];

/** Dart reserved words, plus the members every generated localizations class already has. */
const TAKEN = new Set(
  'assert break case catch class const continue default do else enum extends false final finally for if in is new null rethrow return super switch this throw true try var void while with localeName delegate localizationsDelegates supportedLocales of'.split(
    ' ',
  ),
);
/** gen-l10n `_isValidGetterAndMethodName`: a lower-case letter first, then letters, digits, `_`, `$`. */
const GETTER = /^[a-z][A-Za-z0-9_$]*$/;

/** The Dart type of each placeholder, by param type (what gen-l10n generates; lookup-dart casts the caller's arguments to it). */
export const DART_TYPES: Readonly<Record<Param['type'], string>> = {
  string: 'String',
  select: 'String',
  number: 'num',
  plural: 'int',
  date: 'DateTime',
  time: 'DateTime',
};
const DATE_FORMATS: Partial<Record<Param['type'], string>> = { date: 'yMMMd', time: 'jms' }; // ICU's default medium styles

export const flutterTarget: Target = {
  id: 'flutter',
  description: 'Flutter gen-l10n ARB files (app_<locale>.arb), the source locale as template',
  plan(whole, { config, header }) {
    const diagnostics: Diagnostic[] = [];
    const report = (message: Message, locale: string | undefined, why: string) =>
      diagnostics.push(unrepresentable('flutter', message, locale, why));
    const audiences = audiencesOf(whole, config.identifierPrefix).map(({ catalog, identifierPrefix }) => {
      const table = identifierTable(catalog, identifierPrefix, 'flutter');
      diagnostics.push(...table.diagnostics);
      for (const message of catalog.messages) {
        const name = table.names.get(message.key);
        if (name && (!GETTER.test(name) || TAKEN.has(name)))
          report(message, undefined, `the ARB key ${name} is not a valid gen-l10n method name`);
        for (const p of message.params)
          if (!GETTER.test(p.name) || TAKEN.has(p.name))
            report(message, undefined, `the placeholder ${p.name} is not a valid Dart parameter name`);
      }
      return { catalog, names: table.names };
    });
    const bodies = new Map<string, Entries>();
    for (const locale of whole.locales) {
      const problem = localeProblem(locale);
      if (problem) diagnostics.push(localeUnrepresentable('flutter', locale, problem));
      bodies.set(
        locale,
        audiences.flatMap((a) => localeEntries(a.catalog, locale, a.names, report)),
      );
    }
    const files: PlannedFile[] = whole.locales.map((locale) => arbFile(locale, header, bodies.get(locale)!));
    for (const [language, variant] of baseLanguages(whole.locales)) files.push(arbFile(language, header, bodies.get(variant)!, variant));
    return { files, diagnostics };
  },
};

function localeEntries(
  catalog: Catalog,
  locale: string,
  names: ReadonlyMap<string, string>,
  report: (m: Message, l: string, p: string) => void,
): Entries {
  const entries: Entries = [];
  const titles = locale === catalog.sourceLocale ? sourceSectionTitles(catalog) : undefined;
  for (const message of catalog.messages) {
    const translation = message.translations[locale];
    const name = names.get(message.key);
    if (!translation || !name) continue;
    const value = arbText(translation.ast, locale);
    if (!value.ok) report(message, locale, value.why);
    else entries.push([name, value.value]);
    if (titles) entries.push([`@${name}`, metadata(catalog, message, titles)]);
  }
  return entries;
}

function metadata(catalog: Catalog, message: Message, titles: ReadonlyMap<string, string | undefined>): Json {
  const title = titles.get(message.section) ?? message.section;
  const description = message.description ? `${title}: ${message.description}` : title;
  const formatted = formattedNumbers(message.translations[catalog.sourceLocale]?.ast ?? []);
  const placeholders = message.params.map((p): [string, Json] => {
    const format = DATE_FORMATS[p.type] ?? (formatted.has(p.name) ? 'decimalPattern' : undefined);
    const fields: Entries = [['type', DART_TYPES[p.type]]];
    if (format) fields.push(['format', format]);
    if (p.example !== undefined) fields.push(['example', String(p.example)]);
    return [p.name, fields];
  });
  return placeholders.length > 0
    ? [
        ['description', description],
        ['placeholders', placeholders],
      ]
    : [['description', description]];
}

/** Params the source text formats as numbers (`{n, number}`, `#`): their placeholder gets `decimalPattern`, as ICU groups digits there. */
function formattedNumbers(elements: readonly MessageFormatElement[], count?: string, found = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.number) found.add(el.value);
    if (el.type === TYPE.pound && count) found.add(count);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) formattedNumbers(option.value, el.type === TYPE.plural ? el.value : count, found);
    }
  }
  return found;
}

function arbFile(locale: string, header: string, body: Entries, copyOf?: string): PlannedFile {
  const suffix = locale.replace(/-/g, '_');
  const head: Entries = [
    ['@@locale', suffix],
    ['@@x-generated', header],
  ];
  if (copyOf) head.push(['@@x-copy-of', copyOf.replace(/-/g, '_')]);
  const entries = copyOf ? body.filter(([key]) => !key.startsWith('@')) : body;
  return { path: `flutter/app_${suffix}.arb`, content: `${arbJson([...head, ...entries], '')}\n` };
}

/** Languages with a script/region locale but no locale of their own, each with its first variant. */
function baseLanguages(locales: readonly string[]): Map<string, string> {
  const bases = new Map<string, string>();
  for (const locale of locales) {
    const { language } = new Intl.Locale(locale);
    if (language !== locale && !locales.includes(language) && !bases.has(language)) bases.set(language, locale);
  }
  return bases;
}

/** gen-l10n's LocaleInfo knows language, script and region only. */
function localeProblem(locale: string): string | undefined {
  const { language, script, region } = new Intl.Locale(locale);
  const plain = [language, script, region].filter(Boolean).join('-');
  return plain === locale ? undefined : `gen-l10n locales have a language, a script and a region only, not the rest of ${locale}`;
}

/** JSON in the given member order (JSON.stringify would move integer-like names first), 2-space indent. */
function arbJson(value: Json, indent: string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}  `;
  return `{\n${value.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${arbJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
