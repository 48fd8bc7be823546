/**
 * `codebook import` of an Android `strings.xml`: a translator's edited
 * `dist/android/values-<qualifier>/strings.xml` (or `strings_detail.xml`),
 * as the android target writes it or as Android Studio's translations editor
 * rewrites it, merged back into one locale source file. Pure: texts in, the
 * new file text, its diff and a report out.
 *
 * - The locale is --locale or the file's `values-<qualifier>` folder
 *   (targets/android.ts qualifierOf: `values-ja`, `values-pt-rBR`,
 *   `values-b+zh+Hans`); when both are given they must agree.
 * - A resource's name is the key's identifier in the table the target
 *   writes with (translations/identifiers.ts): `error_6014` is the user
 *   message of 6014 (or its one text, in a catalog without user messages),
 *   `error_detail_6014` its developer detail. User messages go through their
 *   unit (translations/audience.ts): the shared text, or the key's override.
 * - A resource is applied only when its text, as aapt2 reads it
 *   (unescape.ts), differs from what the target writes for the current
 *   translation read the same way: Android Studio's re-escaping of the same
 *   text is no change. Android has no states: an edit keeps the current
 *   state when it is translated, reviewed or final, else is `translated`.
 * - A changed text is read back as ICU: `%N$s` is the argument at position
 *   N in the registry's params (emit/placeholders.ts), spelled as the source
 *   spells it (`{limit, number}`), `#` in a plural form for the quantity
 *   argument; `%%` is `%` in a string with arguments. `<plurals>` items are
 *   the forms of one ICU plural (translations/plural-text.ts); an item whose
 *   category holds an exact `=N` of the current translation alone (as the
 *   target wrote it) is that `=N` again.
 * - Checks are reported against the XML (line:column, down to the `%` of a
 *   broken placeholder); a resource that fails one is not imported and the
 *   others still are (see rules.ts).
 */
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation } from '../../catalog/model.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { DEFAULT_IDENTIFIER_PREFIX } from '../../emit/identifiers.js';
import { pluralCategories, splitPlural } from '../../emit/plural-forms.js';
import { categoryHoldingOnly, pluralArgOf, qualifierOf, resourceOf } from '../../targets/android.js';
import {
  TranslationWriter,
  type At,
  type TranslationImportResult,
  type TranslationTargetOptions,
  type Context,
} from '../translations/apply.js';
import { AudienceRouter, audienceMessages, importedState, type AudienceId, type Decision } from '../translations/audience.js';
import { positionalToIcu } from '../translations/icu-text.js';
import { audienceNames, identifierIndex, targetLocaleList } from '../translations/identifiers.js';
import { argumentSpellings, pluralIcu } from '../translations/plural-text.js';
import { readStringsXml, type AndroidResource, type AndroidValue, type StringsDocument } from './read-strings.js';
import { ANDROID_IMPORT_RULES, type AndroidImportRuleId } from './rules.js';
import { firstOfEach, reporter, sharedReporter, type Reporter } from '../translations/report.js';
import { formatParts, resourceText, textPiece, type FormatPart, type ResourceText } from './unescape.js';

export { ANDROID_IMPORT_RULES, type AndroidImportRuleId } from './rules.js';
export { readStringsXml } from './read-strings.js';
export { formatParts, resourceText } from './unescape.js';

export interface AndroidImportOptions extends TranslationTargetOptions {
  /** The file as reports should name it (its folder tells the locale). */
  fileName: string;
  /** --locale. */
  locale?: string;
  /** The config's identifierPrefix (default `error_`). */
  identifierPrefix?: string;
}

export interface AndroidHeader {
  strings?: StringsDocument;
  locale?: string;
  at: At;
  diagnostics: Diagnostic[];
}

/** The document and the checks that need no target file: XML with a `<resources>` root, and its locale. */
export function readAndroidHeader(text: string, fileName: string, catalog: Catalog, asked?: string): AndroidHeader {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(ANDROID_IMPORT_RULES, fileName, diagnostics);
  const read = readStringsXml(text);
  if (!read.ok) {
    report(`android-import/${read.rule}`, read.message, read.at);
    return { at: read.at, diagnostics };
  }
  const strings = read.doc;
  const at = strings.at;
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const listed = targetLocaleList(catalog, (l) => `${l} (${qualifierOf(l) ?? 'no qualifier'})`);
  const folder = fileName
    .split('/')
    .slice(0, -1)
    .reverse()
    .find((s) => /^values(-|$)/.test(s));
  let fromFolder: string | undefined;
  if (folder !== undefined) {
    fromFolder = folder === 'values' ? catalog.sourceLocale : targets.find((l) => qualifierOf(l) === folder);
    if (fromFolder === catalog.sourceLocale) {
      report(
        'android-import/unknown-locale',
        `${folder}/ holds the catalog's source locale; its texts are edited in the source files, not imported (target locales: ${listed}).`,
        at,
      );
      return { strings, at, diagnostics };
    }
    if (fromFolder === undefined && asked === undefined) {
      report(
        'android-import/unknown-locale',
        `The folder ${folder} is no target locale of the catalog (${listed}); give the locale with --locale.`,
        at,
      );
      return { strings, at, diagnostics };
    }
  }
  let locale: string | undefined;
  if (asked !== undefined) {
    if (!targets.includes(asked))
      report('android-import/unknown-locale', `--locale ${JSON.stringify(asked)} is not a target locale of the catalog (${listed}).`, at);
    else if (fromFolder !== undefined && fromFolder !== asked)
      report('android-import/locale-mismatch', `The file is in ${folder}/ (${fromFolder}) but --locale is ${JSON.stringify(asked)}.`, at);
    else locale = asked;
  } else if (fromFolder !== undefined) locale = fromFolder;
  else
    report(
      'android-import/unknown-locale',
      `The file is in no values-<qualifier> folder; give its locale with --locale (one of ${listed}).`,
      at,
    );
  return { strings, ...(locale !== undefined ? { locale } : {}), at, diagnostics };
}

type View = { plural: false; text: string } | { plural: true; items: Map<string, string> };

export function importAndroid(text: string, options: AndroidImportOptions): TranslationImportResult {
  const { fileName, catalog } = options;
  const prefix = options.identifierPrefix ?? DEFAULT_IDENTIFIER_PREFIX;
  const diagnostics: Diagnostic[] = [];
  const report = reporter(ANDROID_IMPORT_RULES, fileName, diagnostics);
  const shared = sharedReporter(report, 'android-import');
  const header = readAndroidHeader(text, fileName, catalog, options.locale);
  diagnostics.push(...header.diagnostics);
  const locale = header.locale ?? '';
  const writer = new TranslationWriter(options, locale, fileName, diagnostics, shared, `The file is for ${JSON.stringify(locale)}`);
  if (!header.strings || header.locale === undefined || hasErrors(diagnostics)) return writer.unchanged();
  const { strings } = header;
  if (!writer.open(header.at)) return writer.unchanged();
  const run: AndroidRun = { catalog, fileName, prefix, locale, doc: strings.doc, header, report };

  const index = identifierIndex(catalog, prefix);
  const named = strings.resources.filter((r) => !r.untranslatable);
  const given = firstOfEach(named, (r) => r.name);
  const { first } = given;
  const present = new Set<AudienceId>([...first.keys()].flatMap((n) => (index.has(n) ? [index.get(n)!.audience] : [])));
  if (present.size === 0) return nothingRecognised(run, named, strings.others) ? writer.unchanged() : writer.result();

  const router = new AudienceRouter(catalog, writer, locale, shared);
  routeResources(run, strings, named, given, index, router);
  reportRemoved(run, present, new Set(first.keys()));
  router.finish();
  return writer.result();
}

/** One import's document, locale and report, shared by its steps. */
interface AndroidRun {
  catalog: Catalog;
  fileName: string;
  /** The identifier prefix (`error_`). */
  prefix: string;
  locale: string;
  doc: StringsDocument['doc'];
  header: AndroidHeader;
  report: Reporter<AndroidImportRuleId>;
}

/** Each resource of the catalog's identifiers decided and routed; other kinds of resources, unknown names and repeated ones reported. */
function routeResources(
  run: AndroidRun,
  strings: StringsDocument,
  named: AndroidResource[],
  { first, repeated }: ReturnType<typeof firstOfEach<AndroidResource>>,
  index: ReturnType<typeof identifierIndex>,
  router: AudienceRouter,
): void {
  const { fileName, locale, report } = run;
  for (const other of strings.others) {
    report(
      'android-import/unknown-entry',
      `<${other.name}${other.resourceName !== undefined ? ` name="${other.resourceName}"` : ''}> is a kind of resource codebook does not write; it is not imported.`,
      other.at,
      { locale },
    );
  }
  for (const r of named) {
    const found = r.name === undefined ? undefined : index.get(r.name);
    if (r.name === undefined || !found) {
      report(
        'android-import/unknown-entry',
        r.name === undefined
          ? `A <${r.kind}> without a name; it is not imported.`
          : `${r.name} is not an identifier of the catalog; the resource is not imported.`,
        r.at,
        { locale },
      );
      continue;
    }
    const { message, audience } = found;
    if (repeated.has(r.name)) {
      if (first.get(r.name) !== r)
        report(
          'android-import/duplicate-entry',
          `${r.name} (key ${message.key}) has more than one resource; none of them is imported.`,
          r.at,
          {
            key: message.key,
            locale,
            notes: [{ message: 'first given here', place: { file: fileName, ...first.get(r.name)!.at } }],
          },
        );
      continue;
    }
    router.add(audience, message, decide(run, r, message, audience, message.translations[locale]), r.at);
  }
}

/** The audience's messages the target writes a resource for in the locale. */
function expectedMessages(run: AndroidRun, audience: AudienceId): Message[] {
  return audienceMessages(run.catalog, audience).filter((m) => m.translations[run.locale] && viewOf(run, m, audience) !== undefined);
}

/** A file none of whose resources is named by an identifier of the catalog: an error (reported) unless it and the locale's texts are both empty. */
function nothingRecognised(run: AndroidRun, named: AndroidResource[], others: StringsDocument['others']): boolean {
  const { catalog, fileName, locale, header, report } = run;
  const audience: AudienceId = !catalog.userMessages ? 'single' : /_detail\.xml$/.test(fileName) ? 'detail' : 'user';
  if (named.length === 0 && others.length === 0 && expectedMessages(run, audience).length === 0) return false;
  const n = named.length + others.length;
  report(
    'android-import/nothing-recognised',
    `No resource of ${fileName} is named by an identifier of the catalog (${n} ${n === 1 ? 'resource' : 'resources'}): it is not a strings.xml codebook wrote; nothing is imported.`,
    header.at,
    { locale },
  );
  return true;
}

/** The keys of the audiences the file holds that the target writes but the file lacks: their translations are left as they are. */
function reportRemoved(run: AndroidRun, present: Set<AudienceId>, given: Set<string>): void {
  const { catalog, prefix, locale, header, report } = run;
  for (const audience of present) {
    const names = audienceNames(catalog, prefix, audience);
    for (const message of expectedMessages(run, audience)) {
      if (given.has(names.get(message.key) ?? '')) continue;
      report(
        'android-import/removed-entry',
        `Key ${message.key} has no resource ${names.get(message.key)} in the file; its ${locale} ${audience === 'user' ? 'user message' : 'translation'} is left as it is.`,
        header.at,
        { key: message.key, locale },
      );
    }
  }
}

/** What the target writes for the message in the locale, as aapt2 reads it; undefined when it writes nothing. */
function viewOf({ catalog, prefix, locale }: AndroidRun, message: Message, audience: AudienceId): View | undefined {
  if (!message.translations[locale]) return undefined;
  const name = audienceNames(catalog, prefix, audience).get(message.key);
  if (name === undefined) return undefined;
  const body = resourceOf(message, locale, name, pluralArgOf(message, catalog.locales));
  if ('problem' in body) return undefined;
  if (!body.plural) return { plural: false, text: resourceText(textPiece(body.value)).text };
  return { plural: true, items: new Map(body.items.map((i) => [i.quantity, resourceText(textPiece(i.value)).text])) };
}

function decide(run: AndroidRun, r: AndroidResource, message: Message, audience: AudienceId, current: Translation | undefined): Decision {
  const { catalog, fileName, locale, report } = run;
  const key = message.key;
  const context = { key, locale };
  const quantity = pluralArgOf(message, catalog.locales);
  if (!!quantity !== (r.kind === 'plurals')) {
    report(
      'android-import/entry-shape',
      quantity
        ? `Key ${key} is a plural of {${quantity}}: its resource is <plurals name="${r.name}">, not <string>; it is not imported.`
        : `Key ${key} has no plural: its resource is <string name="${r.name}">, not <plurals>; it is not imported.`,
      r.at,
      context,
    );
    return undefined;
  }
  const values: { quantity?: string; at: At; value: AndroidValue }[] = r.kind === 'string' ? [{ at: r.at, value: r.value! }] : r.items;
  const read = readTexts(run, r, values, context);
  const itemsOk = r.kind !== 'plurals' || pluralItemsOk(run, r, context, read !== undefined);
  if (!read || !itemsOk) return undefined;

  const view = current ? viewOf(run, message, audience) : undefined;
  const same =
    view !== undefined &&
    (view.plural
      ? r.items.length === view.items.size && r.items.every((item, i) => view.items.get(item.quantity!) === read[i].text)
      : read[0].text === view.text);
  if (same) return 'unchanged';
  if (read.every((rt) => rt.text === '')) {
    if (current && current.text !== '')
      report(
        'android-import/cleared-target',
        `Resource ${r.name} (key ${key}) comes back empty; the current ${locale} translation is kept.`,
        r.at,
        context,
      );
    return current ? undefined : 'unchanged';
  }
  const text = resourceIcu(run, r, read, values, message, current, context);
  if (text === undefined) return undefined;
  const parsed = parseMessage(text);
  if (!parsed.ok)
    throw new Error(
      `codebook: resource ${r.name} of ${fileName} rebuilt as ICU that does not parse (${parsed.message}): ${JSON.stringify(text)}`,
    );
  return { key, text, state: importedState(false, current) };
}

/** Each value as aapt2 reads it; undefined when one has an error (reported; a warning alone, such as a quote, is reported too). */
function readTexts(
  { doc, report }: AndroidRun,
  r: AndroidResource,
  values: { at: At; value: AndroidValue }[],
  context: Context,
): ResourceText[] | undefined {
  let ok = true;
  const read = values.map((v) => {
    const rt = resourceText(v.value.pieces);
    for (const p of rt.problems) {
      const rule =
        p.kind === 'markup' ? 'android-import/unsupported-content' : p.kind === 'quote' ? 'android-import/quote' : 'android-import/escape';
      report(rule, `Resource ${r.name} (key ${context.key}): ${p.message}.`, doc.locate(p.offset), context);
      if (ANDROID_IMPORT_RULES[rule].severity === 'error') ok = false;
    }
    return rt;
  });
  return ok ? read : undefined;
}

/** Whether the items of a <plurals> are each a CLDR category of the locale, given once, one of them other (else reported; no other only when nothing else was). */
function pluralItemsOk({ locale, report }: AndroidRun, r: AndroidResource, context: Context, textsOk: boolean): boolean {
  const key = context.key;
  const categories = pluralCategories(locale);
  const seen = new Set<string>();
  let ok = true;
  for (const item of r.items) {
    if (item.quantity === undefined || !categories.includes(item.quantity)) {
      report(
        'android-import/plural-items',
        `Resource ${r.name} (key ${key}): ${item.quantity === undefined ? 'an <item> without quantity' : `quantity="${item.quantity}" is no CLDR plural category of ${locale} (${categories.join(', ')})`}; it is not imported.`,
        item.at,
        context,
      );
      ok = false;
    } else if (seen.has(item.quantity)) {
      report(
        'android-import/plural-items',
        `Resource ${r.name} (key ${key}): quantity="${item.quantity}" is given twice; it is not imported.`,
        item.at,
        context,
      );
      ok = false;
    }
    if (item.quantity !== undefined) seen.add(item.quantity);
  }
  if (ok && textsOk && !seen.has('other')) {
    report(
      'android-import/plural-items',
      `Resource ${r.name} (key ${key}) has no <item quantity="other">, which Android falls back to; it is not imported.`,
      r.at,
      context,
    );
    ok = false;
  }
  return ok;
}

/** The ICU text of a resource's values; undefined when an argument is wrong (reported). */
function resourceIcu(
  run: AndroidRun,
  r: AndroidResource,
  read: ResourceText[],
  values: { at: At }[],
  message: Message,
  current: Translation | undefined,
  context: Context,
): string | undefined {
  const { catalog, locale, report } = run;
  const quantity = pluralArgOf(message, catalog.locales);
  const spelling = argumentSpellings(message.translations[catalog.sourceLocale]?.ast ?? []);
  const parts = argumentsChecked(run, r, read, values, message, spelling, quantity, context);
  if (!parts) return undefined;
  const icuOf = (list: FormatPart[], inPlural: boolean) => positionalToIcu(list, message.params, spelling, quantity, inPlural);
  if (r.kind === 'string') return icuOf(parts[0], false);
  const split = current ? splitPlural(current.ast) : undefined;
  const currentPlural = split?.kind === 'plural' ? split.plural : undefined;
  const same = parts.every((p) => JSON.stringify(p) === JSON.stringify(parts[0]));
  if (split?.kind === 'plain' && same) return icuOf(parts[0], false);
  const given = r.items.map(
    (item, i) => [exactFor(locale, currentPlural?.forms.keys(), item.quantity!) ?? item.quantity!, icuOf(parts[i], true)] as const,
  );
  const built = pluralIcu(quantity!, given, currentPlural, 'other');
  if (built.kept.length > 0) {
    report(
      'android-import/plural-form-kept',
      `Resource ${r.name} (key ${context.key}): Android has no item for the ${built.kept.join(', ')} form${built.kept.length > 1 ? 's' : ''} of the ${locale} text, kept as ${built.kept.length > 1 ? 'they are' : 'it is'}; check ${built.kept.length > 1 ? 'they agree' : 'it agrees'} with the new text.`,
      r.at,
      context,
    );
  }
  return built.text;
}

/** The values' literal parts and `%N$s` arguments, checked against the arguments the source shows; undefined when one is wrong (reported). */
function argumentsChecked(
  { doc, report }: AndroidRun,
  r: AndroidResource,
  read: ResourceText[],
  values: { at: At }[],
  message: Message,
  spelling: Map<string, string>,
  quantity: string | undefined,
  context: Context,
): FormatPart[][] | undefined {
  const key = context.key;
  // A message without arguments is not formatted: its % are text.
  const formatted = message.params.length > 0;
  const parts = read.map((rt) => {
    if (!formatted) return [{ kind: 'text', text: rt.text }] as FormatPart[];
    const { parts: list, problems } = formatParts(rt);
    for (const p of problems)
      report('android-import/placeholder-mismatch', `Resource ${r.name} (key ${key}): ${p.message}.`, doc.locate(p.offset), context);
    return problems.length > 0 ? undefined : list;
  });
  if (parts.some((p) => p === undefined)) return undefined;
  let ok = true;
  const used = new Set<string>();
  for (const list of parts as FormatPart[][]) {
    for (const part of list) {
      if (part.kind !== 'arg') continue;
      const param = message.params[part.position - 1];
      if (param === undefined || !spelling.has(param.name)) {
        const shown = [...spelling.keys()].map((n) => `%${message.params.findIndex((p) => p.name === n) + 1}$s {${n}}`);
        report(
          'android-import/placeholder-mismatch',
          `Resource ${r.name} (key ${key}): %${part.position}$s is no argument its source text shows (${shown.length ? `it shows ${shown.join(', ')}` : 'it has none'}).`,
          doc.locate(part.offset),
          context,
        );
        ok = false;
      } else used.add(param.name);
    }
  }
  for (const arg of spelling.keys()) {
    if (used.has(arg) || arg === quantity) continue;
    const position = message.params.findIndex((p) => p.name === arg) + 1;
    report(
      'android-import/placeholder-mismatch',
      `Resource ${r.name} (key ${key}) lacks %${position}$s {${arg}}, which its source text shows.`,
      values[0].at,
      context,
    );
    ok = false;
  }
  return ok ? (parts as FormatPart[][]) : undefined;
}

/** The exact selector of the current translation that the target wrote into a category's item (=1 → one in en), if any. */
function exactFor(locale: string, selectors: Iterable<string> | undefined, category: string): string | undefined {
  for (const s of selectors ?? []) if (s.startsWith('=') && categoryHoldingOnly(locale, Number(s.slice(1))) === category) return s;
  return undefined;
}
