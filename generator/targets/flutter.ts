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
 *
 * Templates: `app.arb.hbs` is the file, `message.arb.hbs` one message with
 * its `@key` metadata, rendered from an ArbEntryContext whose values are JSON
 * text already; both can be overridden (templates/flutter/README.md), and an
 * override's output is checked to be JSON of ARB's shape (emit/json-output-check.ts).
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message, Param } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audiencesOf } from '../emit/audiences.js';
import { jsonString } from '../emit/escape.js';
import { identifierTable } from '../emit/identifiers.js';
import { sourceSectionTitles } from '../emit/section-titles.js';
import type { JsonShape } from '../emit/json-output-check.js';
import { escapePointer } from '../json/json-file.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { localeUnrepresentable, unrepresentable } from '../emit/unrepresentable.js';
import { arbText } from './flutter-icu.js';

type Json = string | readonly (readonly [string, Json])[];
type Entries = [string, Json][];

/**
 * What `templates/flutter/message.arb.hbs` renders: one message of an ARB
 * file, with its `@key` metadata in the template (source locale) file. Every
 * field is JSON text; the objects are laid out for their place in the
 * built-in file (members of the file indented by 2 spaces).
 */
export interface ArbEntryContext {
  /** The ARB key as a JSON string: `"error_6014"` (the shared identifier; `error_detail_6014` for a developer detail). */
  key: string;
  /** The ICU text for gen-l10n (`use-escaping: true`) as a JSON string. */
  value: string;
  /** The catalog key as a JSON string: `"6014"`, `"-302"`, `"unknown"`. */
  messageKey: string;
  /** `key` with `@` before it, as a JSON string: `"@error_6014"`. */
  metadataKey: string;
  /** The `@key` object (description, then placeholders), opening brace to closing brace, its members indented by 4 spaces; empty outside the template file. */
  metadata: string;
  /** The metadata's description (section title, then `: ` and the message's description) as a JSON string; empty outside the template file. */
  description: string;
  /** The metadata's placeholders object, its members indented by 6 spaces (inside `@key`); empty outside the template file or without parameters. */
  placeholders: string;
}

/** What `templates/flutter/app.arb.hbs` renders (besides `messages`, the rendered messages joined by `,` and a newline). */
export interface ArbFileContext {
  /** `@@locale` as a JSON string: `"zh_Hans"`. */
  locale: string;
  /** The generated-file notice as a JSON string (`@@x-generated`). */
  header: string;
  /** For a base-language copy, the locale copied as a JSON string (`@@x-copy-of`: `"zh_Hans"`), else empty. */
  copyOf: string;
}

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
  entriesByKey: true,
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
    const bodies = new Map<string, Body>();
    for (const locale of whole.locales) {
      const problem = localeProblem(locale);
      if (problem) diagnostics.push(localeUnrepresentable('flutter', locale, problem));
      const body: Body = { contexts: [], keys: [] };
      for (const a of audiences) localeEntries(a.catalog, locale, a.names, report, body);
      bodies.set(locale, body);
    }
    const files: PlannedFile[] = whole.locales.map((locale) => arbFile(locale, header, bodies.get(locale)!));
    for (const [language, variant] of baseLanguages(whole.locales)) files.push(arbFile(language, header, bodies.get(variant)!, variant));
    return { files, diagnostics };
  },
};

/** The entries of a file and the message key of each. */
interface Body {
  contexts: ArbEntryContext[];
  keys: string[];
}

/** Adds one audience's entries in a locale to `body`. */
function localeEntries(
  catalog: Catalog,
  locale: string,
  names: ReadonlyMap<string, string>,
  report: (m: Message, l: string, p: string) => void,
  body: Body,
): void {
  const titles = locale === catalog.sourceLocale ? sourceSectionTitles(catalog) : undefined;
  for (const message of catalog.messages) {
    const translation = message.translations[locale];
    const name = names.get(message.key);
    if (!translation || !name) continue;
    const value = arbText(translation.ast, locale);
    if (!value.ok) {
      report(message, locale, value.why);
      continue;
    }
    const meta = titles ? metadata(catalog, message, titles) : undefined;
    const description = meta ? jsonString(meta.description) : '';
    const placeholders = meta?.placeholders ? arbJson(meta.placeholders, '    ') : '';
    body.keys.push(message.key);
    body.contexts.push({
      key: jsonString(name),
      value: jsonString(value.value),
      messageKey: jsonString(message.key),
      metadataKey: jsonString(`@${name}`),
      // arbJson of the whole object, from its two members
      metadata: meta ? `{\n    "description": ${description}${placeholders ? `,\n    "placeholders": ${placeholders}` : ''}\n  }` : '',
      description,
      placeholders,
    });
  }
}

/**
 * templates/flutter/message.arb.hbs in TypeScript, for when it is not
 * overridden; test/targets/flutter.test.ts renders every entry both ways.
 */
export function arbEntryText(e: ArbEntryContext): string {
  return `  ${e.key}: ${e.value}${e.metadata ? `,\n  ${e.metadataKey}: ${e.metadata}` : ''}`;
}

/** A message's `@key` members: its description, and its placeholders when it has parameters. */
function metadata(
  catalog: Catalog,
  message: Message,
  titles: ReadonlyMap<string, string | undefined>,
): { description: string; placeholders?: Entries } {
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
  return placeholders.length > 0 ? { description, placeholders } : { description };
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

function arbFile(locale: string, header: string, body: Body, copyOf?: string): PlannedFile {
  const suffix = locale.replace(/-/g, '_');
  const context: ArbFileContext = {
    locale: JSON.stringify(suffix),
    header: JSON.stringify(header),
    copyOf: copyOf ? JSON.stringify(copyOf.replace(/-/g, '_')) : '',
  };
  // A copy is no template file: no metadata (only the source locale's entries have some).
  const contexts = copyOf
    ? body.contexts.map((c) => (c.metadata ? { ...c, metadata: '', description: '', placeholders: '' } : c))
    : body.contexts;
  return {
    path: `flutter/app_${suffix}.arb`,
    template: 'app.arb.hbs',
    context,
    entries: { template: 'message.arb.hbs', field: 'messages', separator: ',\n', contexts, keys: body.keys, builtIn: arbEntryText },
    json: { shape: arbShape },
  };
}

/** What gen-l10n reads: an object whose messages are strings and whose `@key` metadata are objects (`@@` members are the file's own). */
const arbShape: JsonShape = (value) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { pointer: '', why: 'the file is not a JSON object' };
  for (const [name, member] of Object.entries(value)) {
    const metadata = name.startsWith('@') && !name.startsWith('@@');
    const ok = metadata ? member !== null && typeof member === 'object' && !Array.isArray(member) : typeof member === 'string';
    if (!ok) return { pointer: `/${escapePointer(name)}`, why: `${name} is not ${metadata ? 'an object' : 'a string'}` };
  }
  return undefined;
};

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
