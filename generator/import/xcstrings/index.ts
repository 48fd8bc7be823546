/**
 * `codebook import` of a String Catalog: a translator's edited
 * `dist/apple/Localizable.xcstrings` (or `LocalizableDetail.xcstrings`), as
 * the apple target writes it or as Xcode rewrites it, merged back into the
 * locale source files. One file holds every locale: each target locale
 * present in it is imported into its own source file (run.ts), or only
 * --locale. Pure: texts in, the new file text, its diff and a report out,
 * one locale at a time.
 *
 * - The keys of `strings` are the catalog's keys. A catalog with user
 *   messages has two tables, `Localizable` (the user messages) and
 *   `LocalizableDetail` (the developer details); the file is read as the one
 *   whose source texts more of its source-language values are (a tie goes
 *   by the file name). User messages go through their unit
 *   (translations/audience.ts).
 * - A localization is applied only when it differs from what the target
 *   writes for the current translation (apple-format.ts appleMessage): its
 *   value(s), or its state. States: `needs_review` (and `new`) ↔ `initial`;
 *   `translated` keeps the current state when it is translated, reviewed or
 *   final, else is `translated`. When only the state changed, the current
 *   text is kept as it is spelled.
 * - A changed value is read back as ICU: `%N$@` / `%N$lld` is the argument at
 *   position N in the registry's params, spelled as the source spells it
 *   (`{limit, number}`), `#` in a plural form for the plural argument; `%%`
 *   is `%`. `variations.plural` are the forms of one ICU plural
 *   (translations/plural-text.ts); `zero` is `=0` where the locale has no
 *   zero category (or the current translation has `=0`), as the target
 *   writes `=0`.
 * - Checks are reported against the JSON (line:column, down to the `%` of a
 *   broken placeholder); a localization that fails one is not imported and
 *   the others still are (see rules.ts).
 */
import type { AnyNode, MemberNode, ObjectNode } from '@humanwhocodes/momoa';
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation } from '../../catalog/model.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { pluralCategories, splitPlural } from '../../emit/plural-forms.js';
import { appleMessage, SPECIFIERS, type AppleMessage } from '../../targets/apple-format.js';
import {
  TranslationWriter,
  type At,
  type TranslationImportResult,
  type TranslationTargetOptions,
  type Context,
} from '../translations/apply.js';
import {
  AudienceRouter,
  audienceMessages,
  chooseAudience,
  importedState,
  type AudienceId,
  type Decision,
} from '../translations/audience.js';
import { positionalToIcu } from '../translations/icu-text.js';
import { targetLocaleList } from '../translations/identifiers.js';
import { isObject, jsonKind, member, memberName, readJson, type JsonDocument, type JsonText } from '../translations/json-text.js';
import { argumentSpellings, pluralIcu } from '../translations/plural-text.js';
import { printfParts, type PrintfPart } from './printf.js';
import { XCSTRINGS_IMPORT_RULES, type XcstringsImportRuleId } from './rules.js';
import { firstOfEach, reporter, sharedReporter, type Reporter } from '../translations/report.js';

export { XCSTRINGS_IMPORT_RULES, type XcstringsImportRuleId } from './rules.js';
export { printfParts } from './printf.js';

export interface XcstringsImportOptions extends TranslationTargetOptions {
  /** The file as reports should name it. */
  fileName: string;
  /** The locale to import. */
  locale: string;
}

export interface XcstringsHeader {
  doc?: JsonDocument;
  /** The members of `strings` whose key is a catalog key, given once. */
  entries: MemberNode[];
  audience: AudienceId;
  /** The locales to import, in catalog order. */
  locales: string[];
  at: At;
  /** Nothing can be imported. */
  fatal: boolean;
  /** About the whole file: reported once, whatever the number of locales. */
  diagnostics: Diagnostic[];
}

const STATES = new Set(['translated', 'needs_review', 'new']);

/** The document and the checks that concern the whole file (keys, locales), which need no target file. */
export function readXcstringsHeader(text: string, fileName: string, catalog: Catalog, asked?: string): XcstringsHeader {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(XCSTRINGS_IMPORT_RULES, fileName, diagnostics);
  const fail = (at: At): XcstringsHeader => ({ entries: [], audience: 'single', locales: [], at, fatal: true, diagnostics });
  const read = readStringCatalog(text, catalog, report);
  if (!('doc' in read)) return fail(read.at);
  const { doc, at, members } = read;
  const known = new Set(catalog.messages.map((m) => m.key));
  const { first, repeated } = firstOfEach(members, memberName);
  if (![...first.keys()].some((key) => known.has(key))) {
    report(
      'xcstrings-import/nothing-recognised',
      `No key of "strings" in ${fileName} is a key of the catalog (${members.length} ${members.length === 1 ? 'key' : 'keys'}): it is not a String Catalog codebook wrote; nothing is imported.`,
      at,
    );
    return fail(at);
  }
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const { entries, present } = catalogEntries({ catalog, fileName, doc, report }, members, known, first, repeated);
  let locales: string[];
  if (asked !== undefined) {
    if (!targets.includes(asked)) {
      report(
        'xcstrings-import/unknown-locale',
        `--locale ${JSON.stringify(asked)} is not a target locale of the catalog (${targetLocaleList(catalog)}).`,
        at,
      );
      return fail(at);
    }
    locales = [asked];
  } else locales = targets.filter((l) => present.has(l));
  const audience = audienceOfFile(catalog, entries, fileName);
  reportRemovedKeys(catalog, audience, new Set(first.keys()), asked, report, at);
  return { doc, entries, audience, locales, at, fatal: false, diagnostics };
}

/** The JSON of a String Catalog of the catalog's source language and its `strings` members; else where it fails (reported). */
function readStringCatalog(
  text: string,
  catalog: Catalog,
  report: Reporter<XcstringsImportRuleId>,
): { doc: JsonDocument; at: At; members: MemberNode[] } | { at: At } {
  const read = readJson(text);
  if (!read.ok) {
    report(`xcstrings-import/${read.rule}`, read.message, read.at);
    return { at: read.at };
  }
  const { doc } = read;
  const at = doc.at(doc.root);
  const sourceLanguage = member(doc.root, 'sourceLanguage');
  const strings = member(doc.root, 'strings');
  if (!isObject(doc.root) || sourceLanguage?.value.type !== 'String' || !isObject(strings?.value)) {
    report(
      'xcstrings-import/syntax',
      'A String Catalog is a JSON object with "sourceLanguage" (a string) and "strings" (an object); this is not one.',
      at,
    );
    return { at };
  }
  if (sourceLanguage.value.value !== catalog.sourceLocale) {
    report(
      'xcstrings-import/source-language',
      `sourceLanguage is ${JSON.stringify(sourceLanguage.value.value)}; the catalog's source locale is ${catalog.sourceLocale}.`,
      doc.at(sourceLanguage.value),
    );
    return { at };
  }
  return { doc, at, members: strings.value.members };
}

/** The members of `strings` whose key is a catalog key given once, and the target locales they have localizations of; unknown keys and locales, repeated keys reported. */
function catalogEntries(
  { catalog, fileName, doc, report }: Omit<XcstringsRun, 'locale'>,
  members: MemberNode[],
  known: Set<string>,
  firstAt: Map<string, MemberNode>,
  repeated: Set<string>,
): { entries: MemberNode[]; present: Set<string> } {
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const entries: MemberNode[] = [];
  const present = new Set<string>();
  const unknownLocales = new Set<string>();
  for (const m of members) {
    const key = memberName(m);
    const where = doc.at(m.name);
    if (!known.has(key)) {
      report('xcstrings-import/unknown-entry', `${JSON.stringify(key)} is not a key of the catalog; it is not imported.`, where, { key });
      continue;
    }
    if (repeated.has(key)) {
      if (firstAt.get(key) !== m)
        report('xcstrings-import/duplicate-entry', `Key ${key} is given more than once in "strings"; none of them is imported.`, where, {
          key,
          notes: [{ message: 'first given here', place: { file: fileName, ...doc.at(firstAt.get(key)!.name) } }],
        });
      continue;
    }
    entries.push(m);
    const localizations = member(m.value, 'localizations')?.value;
    for (const l of isObject(localizations) ? localizations.members : []) {
      const locale = memberName(l);
      if (locale === catalog.sourceLocale) continue;
      if (targets.includes(locale)) present.add(locale);
      else if (!unknownLocales.has(locale)) {
        unknownLocales.add(locale);
        report(
          'xcstrings-import/unknown-locale',
          `The localization ${JSON.stringify(locale)} is not a target locale of the catalog (${targetLocaleList(catalog)}); no localization of it is imported.`,
          doc.at(l.name),
          { key },
        );
      }
    }
  }
  return { entries, present };
}

/** 'user' or 'detail' for a catalog with user messages: the audience more of the file's source values are the source texts of. */
function audienceOfFile(catalog: Catalog, entries: MemberNode[], fileName: string): AudienceId {
  const sourceValue = (m: MemberNode) => {
    const unit = member(member(member(m.value, 'localizations')?.value, catalog.sourceLocale)?.value, 'stringUnit')?.value;
    const value = member(unit, 'value')?.value;
    return value?.type === 'String' ? value.value : undefined;
  };
  const score = (messages: readonly Message[]) => {
    const byKey = new Map(messages.map((msg) => [msg.key, msg]));
    let n = 0;
    for (const m of entries) {
      const message = byKey.get(memberName(m));
      const written = message && appleMessage(message, catalog.sourceLocale);
      if (written && 'kind' in written && sourceValue(m) === plainValue(written)) n++;
    }
    return n;
  };
  return chooseAudience(catalog, score, () => /Detail\.xcstrings$/i.test(fileName));
}

/** Each key of the audience the file lacks whose translation the target writes in a locale imported: it is left as it is. */
function reportRemovedKeys(
  catalog: Catalog,
  audience: AudienceId,
  given: Set<string>,
  asked: string | undefined,
  report: Reporter<XcstringsImportRuleId>,
  at: At,
): void {
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  for (const message of audienceMessages(catalog, audience)) {
    if (given.has(message.key)) continue;
    const written = targets.filter(
      (l) => (asked === undefined || l === asked) && message.translations[l] && isWritten(appleMessage(message, l)),
    );
    if (written.length === 0) continue;
    report(
      'xcstrings-import/removed-entry',
      `Key ${message.key} has no entry in the file; its ${written.join(', ')} ${audience === 'user' ? `user message${written.length > 1 ? 's are' : ' is'}` : `translation${written.length > 1 ? 's are' : ' is'}`} left as ${written.length > 1 ? 'they are' : 'it is'}.`,
      at,
      { key: message.key },
    );
  }
}

const isWritten = (m: AppleMessage | { problem: string } | undefined): m is AppleMessage => m !== undefined && 'kind' in m;

/** The `.strings` side of a written message: its value, or its `other` form. */
function plainValue(m: AppleMessage): string {
  return m.kind === 'plain' ? m.value : m.forms.find(([c]) => c === 'other')![1];
}

interface ReadUnit {
  /** The variation's name, or the locale's. */
  at: At;
  state: string;
  stateAt: At;
  value: JsonText;
}

export function importXcstrings(text: string, options: XcstringsImportOptions): TranslationImportResult {
  const { fileName, catalog, locale } = options;
  const diagnostics: Diagnostic[] = [];
  const report = reporter(XCSTRINGS_IMPORT_RULES, fileName, diagnostics);
  const shared = sharedReporter(report, 'xcstrings-import');
  const header = readXcstringsHeader(text, fileName, catalog, locale);
  const writer = new TranslationWriter(
    options,
    locale,
    fileName,
    diagnostics,
    shared,
    `The localization imported is ${JSON.stringify(locale)}`,
  );
  if (header.fatal || !header.doc) return writer.unchanged();
  const { doc, audience } = header;
  if (!writer.open(header.at)) return writer.unchanged();
  const run: XcstringsRun = { catalog, fileName, locale, doc, report };
  const byKey = new Map(audienceMessages(catalog, audience).map((m) => [m.key, m]));
  const router = new AudienceRouter(catalog, writer, locale, shared);
  for (const entry of header.entries) {
    const message = byKey.get(memberName(entry))!;
    const localization = localizationOf(run, entry, message, audience);
    if (!localization) continue;
    router.add(audience, message, decide(run, entry, localization, message, message.translations[locale]), doc.at(localization.name));
  }
  router.finish();
  return writer.result();
}

/** One import's document, locale and report, shared by its steps. */
interface XcstringsRun {
  catalog: Catalog;
  fileName: string;
  locale: string;
  doc: JsonDocument;
  report: Reporter<XcstringsImportRuleId>;
}

/** The entry's one localization of the locale; undefined when it has none or several (reported). */
function localizationOf(
  { fileName, locale, doc, report }: XcstringsRun,
  entry: MemberNode,
  message: Message,
  audience: AudienceId,
): MemberNode | undefined {
  const key = message.key;
  const context = { key, locale };
  const localizations = member(entry.value, 'localizations')?.value;
  const ofLocale = isObject(localizations) ? localizations.members.filter((l) => memberName(l) === locale) : [];
  if (ofLocale.length > 1) {
    for (const l of ofLocale.slice(1))
      report(
        'xcstrings-import/duplicate-entry',
        `Key ${key} has more than one ${locale} localization; none of them is imported.`,
        doc.at(l.name),
        { ...context, notes: [{ message: 'first given here', place: { file: fileName, ...doc.at(ofLocale[0].name) } }] },
      );
    return undefined;
  }
  if (ofLocale.length === 0 && message.translations[locale] && isWritten(appleMessage(message, locale)))
    report(
      'xcstrings-import/removed-entry',
      `Key ${key} has no ${locale} localization in the file; its ${locale} ${audience === 'user' ? 'user message' : 'translation'} is left as it is.`,
      doc.at(entry.name),
      context,
    );
  return ofLocale[0];
}

/** A localization's string units: one (plain), or one per plural variation (forms). */
interface ReadLocalization {
  forms: [string, ReadUnit][] | undefined;
  units: ReadUnit[];
}

function decide(
  run: XcstringsRun,
  entry: MemberNode,
  localization: MemberNode,
  message: Message,
  current: Translation | undefined,
): Decision {
  const { fileName, locale, doc, report } = run;
  const key = message.key;
  const context = { key, locale };
  const at = doc.at(localization.name);
  const read = readLocalization(run, localization, key);
  if (!read) return undefined;
  const { forms, units } = read;
  const initial = units.some((u) => u.state !== 'translated');
  const written = current ? appleMessage(message, locale) : undefined;
  const view = isWritten(written) ? written : undefined;
  const sameText =
    view !== undefined &&
    (forms
      ? view.kind === 'plural' &&
        view.forms.length === forms.length &&
        view.forms.every(([c, v]) => forms.some(([fc, fu]) => fc === c && fu.value.text === v))
      : view.kind === 'plain' && view.value === units[0].value.text);
  if (sameText && initial === (current!.state === 'initial')) return 'unchanged';
  const state = importedState(initial, current);
  if (sameText) return { key, text: current!.text, state };
  if (units.every((u) => u.value.text === '')) {
    if (current && current.text !== '')
      report(
        'xcstrings-import/cleared-target',
        `Key ${key}, ${locale} comes back with an empty value; the current ${locale} translation is kept.`,
        units[0].value.at,
        context,
      );
    return current ? undefined : 'unchanged';
  }
  const text = valueText(run, read, message, current, at);
  if (text === undefined) return undefined;
  const parsed = parseMessage(text);
  if (!parsed.ok)
    throw new Error(
      `codebook: key ${key} (${locale}) of ${fileName} rebuilt as ICU that does not parse (${parsed.message}): ${JSON.stringify(text)}`,
    );
  reportStaleSource(run, entry, message);
  return { key, text, state };
}

/** The localization's units, checked: no substitutions, variations by plural only, a known state; undefined when one fails (reported). */
function readLocalization(run: XcstringsRun, localization: MemberNode, key: string): ReadLocalization | undefined {
  const { locale, doc, report } = run;
  const context = { key, locale };
  const at = doc.at(localization.name);
  const node = localization.value;
  const shape = (why: string) => {
    report('xcstrings-import/entry-shape', `Key ${key}, ${locale}: ${why}; it is not imported.`, at, context);
    return undefined;
  };
  if (!isObject(node)) return shape(`the localization is ${jsonKind(node)}, not an object`);
  if (member(node, 'substitutions')) {
    report(
      'xcstrings-import/unsupported-content',
      `Key ${key}, ${locale}: "substitutions" are not something the apple target writes (a plural is given as variations.plural); it is not imported.`,
      doc.at(member(node, 'substitutions')!.name),
      context,
    );
    return undefined;
  }
  const variations = member(node, 'variations')?.value;
  const unitNode = member(node, 'stringUnit')?.value;
  let forms: [string, ReadUnit][] | undefined;
  let plain: ReadUnit | undefined;
  if (variations !== undefined) {
    if (unitNode !== undefined) return shape('it has both a stringUnit and variations');
    if (!isObject(variations)) return shape(`variations is ${jsonKind(variations)}`);
    forms = readVariations(run, variations, shape, context);
    if (!forms) return undefined;
  } else {
    plain = readUnit(run, unitNode, at, 'the localization', context);
    if (!plain) return undefined;
  }
  const units = forms ? forms.map(([, u]) => u) : [plain!];
  const bad = units.find((u) => !STATES.has(u.state));
  if (bad) {
    report(
      'xcstrings-import/invalid-state',
      `Key ${key}, ${locale}: state ${JSON.stringify(bad.state)} is not translated, needs_review or new; it is not imported.`,
      bad.stateAt,
      context,
    );
    return undefined;
  }
  return { forms, units };
}

/** The units of plural variations by category; undefined when there are variations by other than plural, or a unit is bad (reported). */
function readVariations(
  run: XcstringsRun,
  variations: ObjectNode,
  shape: (why: string) => undefined,
  context: Context,
): [string, ReadUnit][] | undefined {
  const { locale, doc, report } = run;
  const key = context.key;
  const other = variations.members.find((m) => memberName(m) !== 'plural');
  if (other) {
    report(
      'xcstrings-import/unsupported-content',
      `Key ${key}, ${locale}: variations by ${memberName(other)} are not something the apple target writes (only by plural); it is not imported.`,
      doc.at(other.name),
      context,
    );
    return undefined;
  }
  const plural = member(variations, 'plural')?.value;
  if (!isObject(plural)) return shape('variations.plural is not an object');
  const forms: [string, ReadUnit][] = [];
  for (const m of plural.members) {
    const unit = readUnit(run, member(m.value, 'stringUnit')?.value, doc.at(m.name), `the ${memberName(m)} variation`, context);
    if (!unit) return undefined;
    forms.push([memberName(m), unit]);
  }
  return forms;
}

/** A stringUnit, or undefined (reported) when `unit` is not one. */
function readUnit(
  { locale, doc, report }: XcstringsRun,
  unit: AnyNode | undefined,
  where: At,
  what: string,
  context: Context,
): ReadUnit | undefined {
  const state = member(unit, 'state')?.value;
  const value = member(unit, 'value')?.value;
  if (!isObject(unit) || state?.type !== 'String' || value?.type !== 'String') {
    report(
      'xcstrings-import/entry-shape',
      `Key ${context.key}, ${locale}: ${what} is not {"stringUnit": {"state": "…", "value": "…"}}; it is not imported.`,
      where,
      context,
    );
    return undefined;
  }
  return { at: where, state: state.value, stateAt: doc.at(state), value: doc.string(value) };
}

/** The argument plural variations select by: the current translation's plural, else the source's, else the message's one plural param. */
function pluralArgOf(message: Message, current: Translation | undefined, sourceLocale: string): string | undefined {
  const currentSplit = current ? splitPlural(current.ast) : undefined;
  const sourceSplit = splitPlural(message.translations[sourceLocale]?.ast ?? []);
  if (currentSplit?.kind === 'plural') return currentSplit.plural.arg;
  if (sourceSplit.kind === 'plural') return sourceSplit.plural.arg;
  const plurals = message.params.filter((p) => p.type === 'plural');
  return plurals.length === 1 ? plurals[0].name : undefined;
}

/** The ICU text of the localization's values; undefined when a placeholder or a variation fails a check (reported). */
function valueText(
  run: XcstringsRun,
  read: ReadLocalization,
  message: Message,
  current: Translation | undefined,
  at: At,
): string | undefined {
  const { catalog, locale, report } = run;
  const { forms, units } = read;
  const key = message.key;
  const context = { key, locale };
  const spelling = argumentSpellings(message.translations[catalog.sourceLocale]?.ast ?? []);
  const currentSplit = current ? splitPlural(current.ast) : undefined;
  const pluralArg = pluralArgOf(message, current, catalog.sourceLocale);
  if (forms && pluralArg === undefined) {
    report(
      'xcstrings-import/entry-shape',
      `Key ${key}, ${locale}: plural variations, but the message has no plural argument to select them by; it is not imported.`,
      at,
      context,
    );
    return undefined;
  }
  const parts = valueParts(run, units, message, spelling, pluralArg);
  const currentPlural = currentSplit?.kind === 'plural' ? currentSplit.plural : undefined;
  const selectors = forms && variationSelectors(run, forms, currentPlural, at, context);
  if (!parts || (forms && !selectors)) return undefined;
  const icuOf = (printf: PrintfPart[], inPlural: boolean) => positionalToIcu(printf, message.params, spelling, pluralArg, inPlural);
  if (!forms) return icuOf(parts[0], false);
  if (currentSplit?.kind === 'plain' && parts.every((p) => JSON.stringify(p.map(stripIndex)) === JSON.stringify(parts[0].map(stripIndex))))
    return icuOf(parts[0], false);
  const built = pluralIcu(
    pluralArg!,
    selectors!.map((s, i) => [s, icuOf(parts[i], true)] as const),
    currentPlural,
    'other',
  );
  if (built.kept.length > 0) {
    report(
      'xcstrings-import/plural-form-kept',
      `Key ${key}, ${locale}: the String Catalog has no variation for the ${built.kept.join(', ')} form${built.kept.length > 1 ? 's' : ''} of the ${locale} text, kept as ${built.kept.length > 1 ? 'they are' : 'it is'}; check ${built.kept.length > 1 ? 'they agree' : 'it agrees'} with the new text.`,
      at,
      context,
    );
  }
  return built.text;
}

/** Each unit's value as text and `%N$…` arguments, checked against the source's arguments; undefined when one fails (reported). */
function valueParts(
  { locale, report }: XcstringsRun,
  units: ReadUnit[],
  message: Message,
  spelling: Map<string, string>,
  pluralArg: string | undefined,
): PrintfPart[][] | undefined {
  const key = message.key;
  const context = { key, locale };
  let ok = true;
  const used = new Set<string>();
  const readParts = (unit: ReadUnit): PrintfPart[] => {
    const { parts, problems } = printfParts(unit.value.text);
    for (const p of problems) {
      report('xcstrings-import/placeholder-mismatch', `Key ${key}, ${locale}: ${p.message}.`, unit.value.position(p.index), context);
      ok = false;
    }
    for (const part of parts) {
      if (part.kind !== 'arg') continue;
      const param = message.params[part.position - 1];
      if (param === undefined || !spelling.has(param.name)) {
        const shown = [...spelling.keys()].map((n) => {
          const i = message.params.findIndex((p) => p.name === n);
          return `%${i + 1}$${SPECIFIERS[message.params[i].type]} {${n}}`;
        });
        report(
          'xcstrings-import/placeholder-mismatch',
          `Key ${key}, ${locale}: %${part.position}$${part.specifier} is no argument its source text shows (${shown.length ? `it shows ${shown.join(', ')}` : 'it has none'}).`,
          unit.value.position(part.index),
          context,
        );
        ok = false;
      } else if (part.specifier !== SPECIFIERS[param.type]) {
        report(
          'xcstrings-import/placeholder-mismatch',
          `Key ${key}, ${locale}: %${part.position}$${part.specifier} is {${param.name}}, a ${param.type} the export writes as %${part.position}$${SPECIFIERS[param.type]}.`,
          unit.value.position(part.index),
          context,
        );
        ok = false;
      } else used.add(param.name);
    }
    return parts;
  };
  const read = units.map(readParts);
  for (const arg of spelling.keys()) {
    if (used.has(arg) || arg === pluralArg) continue;
    const i = message.params.findIndex((p) => p.name === arg);
    report(
      'xcstrings-import/placeholder-mismatch',
      `Key ${key}, ${locale}: the value lacks %${i + 1}$${SPECIFIERS[message.params[i].type]} {${arg}}, which its source text shows.`,
      units[0].value.at,
      context,
    );
    ok = false;
  }
  return ok ? read : undefined;
}

/** The ICU selector of each plural variation (zero is =0 where the locale has no zero, or the current text has =0); undefined when one is no category of the locale or there is no other (reported). */
function variationSelectors(
  { locale, report }: XcstringsRun,
  forms: [string, ReadUnit][],
  currentPlural: { forms: ReadonlyMap<string, unknown> } | undefined,
  at: At,
  context: Context,
): string[] | undefined {
  const categories = pluralCategories(locale);
  let ok = true;
  const selectors = forms.map(([category, unit]) => {
    if (category === 'zero' && (currentPlural?.forms.has('=0') || !categories.includes('zero'))) return '=0';
    if (!categories.includes(category)) {
      report(
        'xcstrings-import/plural-category',
        `Key ${context.key}, ${locale}: the variation ${category} is no CLDR plural category of ${locale} (${categories.join(', ')}, and zero for =0); it is not imported.`,
        unit.at,
        context,
      );
      ok = false;
    }
    return category;
  });
  if (!forms.some(([c]) => c === 'other')) {
    report(
      'xcstrings-import/plural-category',
      `Key ${context.key}, ${locale}: the plural variations have no "other"; it is not imported.`,
      at,
      context,
    );
    ok = false;
  }
  return ok ? selectors : undefined;
}

/** A changed entry whose source-language value is not what the target writes for the current source text: translated from an older text. */
function reportStaleSource({ catalog, locale, doc, report }: XcstringsRun, entry: MemberNode, message: Message): void {
  const written = appleMessage(message, catalog.sourceLocale);
  const source = member(member(member(entry.value, 'localizations')?.value, catalog.sourceLocale)?.value, 'stringUnit')?.value;
  const sourceText = member(source, 'value')?.value;
  if (isWritten(written) && written.kind === 'plain' && sourceText?.type === 'String' && sourceText.value !== written.value) {
    report(
      'xcstrings-import/stale-source',
      `Key ${message.key}: the ${catalog.sourceLocale} value is not the catalog's current source text; the translation was made for an older text. It is imported.`,
      doc.at(sourceText),
      { key: message.key, locale },
    );
  }
}

const stripIndex = (p: PrintfPart) => (p.kind === 'arg' ? { ...p, index: 0 } : p);
