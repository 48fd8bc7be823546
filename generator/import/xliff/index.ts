/**
 * `codebook import --from xliff`: a translator's edited XLIFF 2.0 or 1.2 (as
 * the xliff target writes it) merged back into one locale source file. Pure:
 * texts in, the new file text, its diff and a report out. Both versions are
 * read into one model (read-xliff.ts) and imported by the same code; 1.2's
 * names (`source-language`, `resname`, `<trans-unit>`) appear in its
 * diagnostics.
 *
 * - Each `<unit>` (and each `codebook:plural` `<group>`, whose units are the
 *   forms of one ICU plural) is read back as ICU: `<ph>` → its `equiv`,
 *   `<cp>` → the character, literal text quoted where ICU needs it. A group
 *   becomes `{arg, plural, =N {…} <category> {…} …}` with its translated
 *   forms: exact selectors by value, then CLDR order. Ids, markers and 1.2
 *   states are read with the export's own spelling (emit/xliff-ids.ts).
 * - A unit is applied only when it differs from the catalog's current
 *   translation in the target locale, by meaning (parsed ICU, so a different
 *   spelling of the same message is no change) or by state (the segment
 *   `state`, XLIFF's four states being the catalog's). When only the state
 *   changed, the current text is kept as it is spelled.
 * - Checks are reported against the .xlf (line:column); a unit that fails
 *   one is not applied and the others still are (see rules.ts).
 * - What is decided is written by translations/apply.ts, shared with the PO
 *   import: the source file is edited in place (json-edit.ts), untouched
 *   entries keep every byte; user texts go to the files that define them.
 */
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation, TranslationState } from '../../catalog/model.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { argumentPositions } from '../../emit/placeholders.js';
import { pluralCategories } from '../../emit/plural-forms.js';
import { compareSelectors, formShownFor, isPluralSelector } from '../../emit/plural-shape.js';
import { OVERRIDE_PREFIX, placeholderId, selectorOfFormUnitId, USER_FILE_ID } from '../../emit/xliff-ids.js';
import {
  TranslationWriter,
  type ImportedUserFile,
  type TranslationImportResult,
  type TranslationTargetOptions,
  type Context,
} from '../translations/apply.js';
import { canonical, parseForm, parsePlain, partsToIcu } from '../translations/icu-text.js';
import type { EntryUpdate } from '../translations/json-edit.js';
import { placeholderProblems } from './placeholders.js';
import { readXliff, XLIFF_12_STATES, type At, type ReadDocument, type ReadGroup, type ReadUnit } from './read-xliff.js';
import { XLIFF_IMPORT_RULES, type XliffImportRuleId } from './rules.js';
import { firstOfEach, reporter, sharedReporter, type Reporter } from '../translations/report.js';
import { userUnits } from '../../targets/xliff.js';

/** The new target text, its diff, the changed keys, the diagnostics (located in the .xlf or a source file) and the other user files changed. */
export type XliffImportResult = TranslationImportResult;

/** The target and the other source files the import may update (translations/apply.ts): user texts are the `<file id="user">`. */
export interface XliffImportOptions extends TranslationTargetOptions {
  /** The .xlf as reports should name it. */
  xliffName: string;
}

/** A user file other than the target that the import changed. */
export type XliffImportUserFile = ImportedUserFile;

export { XLIFF_IMPORT_RULES, type XliffImportRuleId } from './rules.js';
export { unifiedDiff } from '../translations/unified-diff.js';
export { chooseTargetFile, type TargetChoice } from './target-file.js';

/** What a version calls its languages: `srcLang`/`trgLang` (2.x), `source-language`/`target-language` (1.x, on `<file>`). */
export function languageNames(doc: Pick<ReadDocument, 'major'>): { src: string; trg: string } {
  return doc.major === 1 ? { src: 'source-language', trg: 'target-language' } : { src: 'srcLang', trg: 'trgLang' };
}

/** srcLang and trgLang (1.x: the first file's languages) of an XLIFF text (undefined when it is not one), so a caller can pick the target file first. */
export function xliffLanguages(xliffText: string): { srcLang?: string; trgLang?: string } | undefined {
  const read = readXliff(xliffText);
  return read.ok
    ? {
        ...(read.doc.srcLang !== undefined ? { srcLang: read.doc.srcLang } : {}),
        ...(read.doc.trgLang !== undefined ? { trgLang: read.doc.trgLang } : {}),
      }
    : undefined;
}

/**
 * The document and the checks that need no target file: well-formed XLIFF
 * 2.x or 1.x, srcLang the catalog's source locale, trgLang one of its other
 * locales (1.x: every `<file>`'s source-language and target-language the
 * same). Errors here mean nothing can be imported.
 */
export function readXliffHeader(xliffText: string, xliffName: string, catalog: Catalog): { doc?: ReadDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(XLIFF_IMPORT_RULES, xliffName, diagnostics);
  const read = readXliff(xliffText);
  if (!read.ok) {
    report(`xliff-import/${read.rule}`, read.message, read.at);
    return { diagnostics };
  }
  const doc = read.doc;
  const names = languageNames(doc);
  for (const file of doc.major === 1 ? doc.files.slice(1) : []) {
    for (const [name, value, first] of [
      [names.src, file.srcLang, doc.srcLang],
      [names.trg, file.trgLang, doc.trgLang],
    ] as const) {
      if (value === first) continue;
      report(
        'xliff-import/mixed-languages',
        `This <file> has ${name} ${JSON.stringify(value ?? '')}, the first one ${JSON.stringify(first ?? '')}; one import reads one language pair.`,
        file.at,
      );
    }
  }
  if (doc.srcLang !== catalog.sourceLocale) {
    report(
      'xliff-import/source-language',
      `${names.src} is ${JSON.stringify(doc.srcLang ?? '')}; the catalog's source locale is ${catalog.sourceLocale}.`,
      doc.langAt,
    );
  }
  const locale = doc.trgLang ?? '';
  if (!catalog.locales.includes(locale) || locale === catalog.sourceLocale) {
    const listed = catalog.locales.filter((l) => l !== catalog.sourceLocale).join(', ');
    report(
      'xliff-import/unknown-locale',
      doc.trgLang === undefined
        ? `The file has no ${names.trg}; expected one of ${listed}.`
        : `${names.trg} ${JSON.stringify(locale)} is not a target locale of the catalog (${listed}).`,
      doc.langAt,
    );
  }
  return { doc, diagnostics };
}

export function importXliff(xliffText: string, options: XliffImportOptions): XliffImportResult {
  const { xliffName, catalog } = options;
  const diagnostics: Diagnostic[] = [];
  const report = reporter(XLIFF_IMPORT_RULES, xliffName, diagnostics);
  const shared = sharedReporter(report, 'xliff-import');
  const header = readXliffHeader(xliffText, xliffName, catalog);
  diagnostics.push(...header.diagnostics);
  const locale = header.doc?.trgLang ?? '';
  const v1 = header.doc?.major === 1;
  const names = languageNames({ major: v1 ? 1 : 2 });
  const writer = new TranslationWriter(options, locale, xliffName, diagnostics, shared, `${names.trg} is ${JSON.stringify(locale)}`);
  if (!header.doc || hasErrors(diagnostics)) return writer.unchanged();
  const doc = header.doc;
  if (!writer.open(doc.langAt)) return writer.unchanged();
  const run: XliffRun = { catalog, xliffName, locale, v1, doc, diagnostics, report, writer };
  const isUser = (item: ReadUnit | ReadGroup) => item.fileId === USER_FILE_ID && catalog.namespace !== USER_FILE_ID;
  importKeyUnits(
    run,
    doc.items.filter((item) => !isUser(item)),
  );
  importUserTexts(run, doc.items.filter(isUser));
  return writer.result();
}

/** One import's document, locale and outputs, shared by its steps. */
interface XliffRun {
  catalog: Catalog;
  xliffName: string;
  locale: string;
  /** XLIFF 1.x: its names in diagnostics. */
  v1: boolean;
  doc: ReadDocument;
  diagnostics: Diagnostic[];
  report: Reporter<XliffImportRuleId>;
  writer: TranslationWriter;
}

/** The units and groups of the catalog's keys: each changed one to the writer; unknown, repeated and missing keys reported. */
function importKeyUnits(run: XliffRun, items: (ReadUnit | ReadGroup)[]): void {
  const { catalog, xliffName, locale, doc, report, writer } = run;
  const messages = new Map(catalog.messages.map((m) => [m.key, m]));
  const { first, repeated } = firstOfEach(items, (item) => item.id);
  for (const item of items) {
    const key = item.id;
    const what = item.kind === 'unit' ? 'Unit' : 'Plural group';
    const message = key === undefined ? undefined : messages.get(key);
    if (key === undefined || !message) {
      report(
        'xliff-import/unknown-unit',
        key === undefined
          ? `${what} without an id; it is not imported.`
          : `${what} ${key} is not a key of the catalog; it is not imported.`,
        item.at,
        {
          locale,
          ...(key !== undefined ? { key } : {}),
        },
      );
      continue;
    }
    const context = { key, locale };
    if (repeated.has(key)) {
      if (first.get(key) !== item) {
        report('xliff-import/duplicate-unit', `Key ${key} has more than one unit or group; none of them is imported.`, item.at, {
          ...context,
          notes: [{ message: 'first given here', place: { file: xliffName, ...first.get(key)!.at } }],
        });
      }
      continue;
    }
    const current = message.translations[locale];
    const decided = item.kind === 'unit' ? decideUnit(run, item, message, current) : decideGroup(run, item, message, current);
    if (decided) writer.addMessage(decided, current, item.at, context);
  }

  for (const message of catalog.messages) {
    if (first.has(message.key)) continue;
    report(
      'xliff-import/removed-unit',
      `Key ${message.key} has no unit in the file; its ${locale} translation is left as it is.`,
      doc.fileAt,
      { key: message.key, locale },
    );
  }
}

/**
 * The units of the user file: each changed one as an update of the
 * `user` (or `userOverrides`) section of the file that defines the
 * locale's text now, else of the locale's file of the layer that defines
 * the source-locale text (or the target, when named), by file.
 */
function importUserTexts(run: XliffRun, items: (ReadUnit | ReadGroup)[]): void {
  if (items.length === 0) return;
  const { catalog, xliffName, locale, doc, diagnostics, report, writer } = run;
  const units = new Map(userUnits(catalog).map((u) => [u.message.key, u]));
  const { first, repeated: twice } = firstOfEach(items, (item) => item.id);
  for (const item of items) {
    const id = item.id;
    const what = item.kind === 'unit' ? 'Unit' : 'Plural group';
    const unit = id === undefined ? undefined : units.get(id);
    if (id === undefined || !unit) {
      report(
        'xliff-import/unknown-unit',
        id === undefined
          ? `${what} without an id in the user file; it is not imported.`
          : `${what} ${id} is not a user text of the catalog${id.startsWith(OVERRIDE_PREFIX) ? ' (no key has that user override)' : ''}; it is not imported.`,
        item.at,
        {
          locale,
          ...(id !== undefined ? { key: `user:${id}` } : {}),
        },
      );
      continue;
    }
    const context = { key: `user:${id}`, locale };
    if (twice.has(id)) {
      if (first.get(id) !== item) {
        report('xliff-import/duplicate-unit', `User text ${id} has more than one unit or group; none of them is imported.`, item.at, {
          ...context,
          notes: [{ message: 'first given here', place: { file: xliffName, ...first.get(id)!.at } }],
        });
      }
      continue;
    }
    const current = unit.message.translations[locale];
    const reported = diagnostics.length;
    const decided = item.kind === 'unit' ? decideUnit(run, item, unit.message, current) : decideGroup(run, item, unit.message, current);
    for (const d of diagnostics.slice(reported)) d.key = context.key; // user:<id>, never mistaken for a key
    if (decided) writer.addUser(unit, decided, current, item.at, context);
  }
  const present = new Set(first.keys());
  for (const unit of units.values()) {
    if (present.has(unit.message.key)) continue;
    const at = doc.files.find((f) => f.id === USER_FILE_ID)?.at ?? doc.fileAt;
    report('xliff-import/removed-unit', `User text ${unit.message.key} has no unit in the file; its ${locale} text is left as it is.`, at, {
      key: `user:${unit.message.key}`,
      locale,
    });
  }
}

/** A plain unit: its update, or undefined when it is unchanged or not applied (reported). */
function decideUnit(run: XliffRun, unit: ReadUnit, message: Message, current: Translation | undefined): EntryUpdate | undefined {
  const { catalog, locale, report } = run;
  const key = message.key;
  const context = { key, locale };
  if (!readable(run, unit, context)) return undefined;
  const target = unit.target;
  const ast = target && parsePlain(target.parts);
  const sameText = current ? ast !== undefined && canonical(ast) === canonical(current.ast) : !target;
  if (sameText && unit.state === (current?.state ?? 'initial')) return undefined;
  if (!target || target.parts.length === 0) return noTranslation(run, `Unit ${key}`, !!target, unit.at, current, context);
  const problems = placeholderProblems(key, [unit.source?.parts ?? []], [target]);
  for (const p of problems) report('xliff-import/placeholder-mismatch', p.message, p.at, context);
  if (problems.length > 0) return undefined;
  const text = partsToIcu(target.parts, false);
  if (!ast) return icuError(run, `Unit ${key}`, text, target.at, context);
  const source = message.translations[catalog.sourceLocale];
  const sourceAst = unit.source && parsePlain(unit.source.parts);
  if (source && (!sourceAst || canonical(sourceAst) !== canonical(source.ast))) staleSource(run, `Unit ${key}`, unit.at, context);
  return { key, text: sameText && current ? current.text : text, state: unit.state as TranslationState };
}

/** A plural group: one ICU plural from its forms, or undefined (unchanged, or not applied and reported). */
function decideGroup(run: XliffRun, group: ReadGroup, message: Message, current: Translation | undefined): EntryUpdate | undefined {
  const { catalog, locale, report } = run;
  const key = message.key;
  const context = { key, locale };
  const arg = group.name;
  const forms = groupForms(run, group, message, context);
  if (!forms || arg === undefined) return undefined;
  const targets = forms.map((f) => f.unit.target && parseForm(f.unit.target.parts, arg));
  const sameText = forms.every((f, i) =>
    current
      ? targets[i] !== undefined && canonical(targets[i]!) === canonical(formShownFor(current.ast, f.selector, locale))
      : !f.unit.target,
  );
  if (sameText && forms.every((f) => f.unit.state === (current?.state ?? 'initial'))) return undefined;
  const translated = forms.filter((f) => f.unit.target && f.unit.target.parts.length > 0);
  if (translated.length === 0)
    return noTranslation(
      run,
      `Plural group ${key}`,
      forms.some((f) => f.unit.target),
      group.at,
      current,
      context,
    );
  const positions = argumentPositions(message);
  const problems = placeholderProblems(
    key,
    forms.map((f) => f.unit.source?.parts ?? []),
    translated.map((f) => f.unit.target!),
    new Set([placeholderId(positions.get(arg) ?? arg, 1)]),
  );
  for (const p of problems) report('xliff-import/placeholder-mismatch', p.message, p.at, context);
  if (problems.length > 0) return undefined;
  const missing = pluralCategories(locale).filter((c) => !translated.some((f) => f.selector === c));
  if (missing.length > 0) {
    report(
      'xliff-import/incomplete-plural',
      `Plural group ${key} translates ${translated.map((f) => f.selector).join(', ')} but not ${missing.join(', ')}, which ${locale} needs; it is not imported.`,
      group.at,
      context,
    );
    return undefined;
  }
  translated.sort((a, b) => compareSelectors(a.selector, b.selector));
  const text = `{${arg}, plural, ${translated.map((f) => `${f.selector} {${partsToIcu(f.unit.target!.parts, true, '}')}}`).join(' ')}}`;
  if (translated.some((f) => !targets[forms.indexOf(f)]) || !parseMessage(text).ok)
    return icuError(run, `Plural group ${key}`, text, group.at, context);
  const source = message.translations[catalog.sourceLocale];
  if (source && forms.some((f) => !sameSourceForm(f, arg, source, catalog.sourceLocale)))
    staleSource(run, `Plural group ${key}`, group.at, context);
  const states = ['initial', 'translated', 'reviewed', 'final'];
  const state = states[Math.min(...translated.map((f) => states.indexOf(f.unit.state)))] as TranslationState;
  return { key, text: sameText && current ? current.text : text, state };
}

/** Whether a form's source is the form the catalog's current source text shows for its selector. */
function sameSourceForm(form: { selector: string; unit: ReadUnit }, arg: string, source: Translation, sourceLocale: string): boolean {
  const ast = form.unit.source && parseForm(form.unit.source.parts, arg);
  return ast !== undefined && canonical(ast) === canonical(formShownFor(source.ast, form.selector, sourceLocale));
}

/** The forms of a plural group by selector; undefined (reported) when its argument, a selector or a unit is bad, or it has none. */
function groupForms(
  run: XliffRun,
  group: ReadGroup,
  message: Message,
  context: Context,
): { selector: string; unit: ReadUnit }[] | undefined {
  const { v1, report } = run;
  const key = message.key;
  const arg = group.name;
  if (arg === undefined || !message.params.some((p) => p.name === arg)) {
    report(
      'xliff-import/plural-group',
      `Plural group ${key}: ${v1 ? 'resname' : 'name'} ${JSON.stringify(arg ?? '')} is not an argument of the message (${message.params.map((p) => p.name).join(', ') || 'it has none'}); it is not imported.`,
      group.at,
      context,
    );
    return undefined;
  }
  const forms: { selector: string; unit: ReadUnit }[] = [];
  for (const unit of group.units) {
    // 2.0: the unit's name (else its id); 1.2: its id (`5.one`; its resname is the id too).
    const selector = v1 ? selectorOfFormUnitId(unit.id, key) : (unit.name ?? selectorOfFormUnitId(unit.id, key));
    if (selector === undefined || !isPluralSelector(selector)) {
      const expected = v1 ? `an id ${key}.<category> or ${key}.exact<N>` : 'name "zero", "one", "two", "few", "many", "other" or "=N"';
      report(
        'xliff-import/plural-group',
        `Plural group ${key}: ${v1 ? 'trans-unit' : 'unit'} ${unit.id ?? '(no id)'} has no plural selector (${expected}); the group is not imported.`,
        unit.at,
        context,
      );
      return undefined;
    }
    if (forms.some((f) => f.selector === selector)) {
      report(
        'xliff-import/plural-group',
        `Plural group ${key}: the selector ${selector} is given twice; the group is not imported.`,
        unit.at,
        context,
      );
      return undefined;
    }
    if (!readable(run, unit, context)) return undefined;
    forms.push({ selector, unit });
  }
  if (forms.length === 0) {
    report('xliff-import/plural-group', `Plural group ${key} has no unit; it is not imported.`, group.at, context);
    return undefined;
  }
  return forms;
}

/** False (reported) when the unit has a bad state or content the import cannot read. */
function readable({ v1, report }: XliffRun, unit: ReadUnit, context: Context): boolean {
  if (unit.badState) {
    const states = v1 ? `an XLIFF 1.2 state (${XLIFF_12_STATES.join(', ')})` : 'initial, translated, reviewed or final';
    report(
      'xliff-import/invalid-state',
      `Unit ${unit.id ?? context.key}: state ${JSON.stringify(unit.badState.value)} is not ${states}; it is not imported.`,
      unit.badState.at,
      context,
    );
    return false;
  }
  for (const p of unit.problems)
    report('xliff-import/unsupported-content', `${p.message} Unit ${unit.id ?? context.key} is not imported.`, p.at, context);
  return unit.problems.length === 0;
}

function noTranslation(
  { locale, report }: XliffRun,
  what: string,
  hasTarget: boolean,
  at: At,
  current: Translation | undefined,
  context: Context,
): undefined {
  const how = hasTarget ? 'an empty target' : 'no target';
  if (current && current.text !== '')
    report('xliff-import/cleared-target', `${what} comes back with ${how}; the current ${locale} translation is kept.`, at, context);
  else report('xliff-import/empty-target', `${what} comes back with ${how}: no translation, nothing is written.`, at, context);
  return undefined;
}

function icuError({ report }: XliffRun, what: string, text: string, at: At, context: Context): undefined {
  const parsedText = parseMessage(text);
  const why = parsedText.ok ? 'a plural form does not parse' : parsedText.message;
  report(
    'xliff-import/icu-syntax',
    `${what} does not read back as ICU MessageFormat (${why}): ${JSON.stringify(text)}; it is not imported.`,
    at,
    context,
  );
  return undefined;
}

function staleSource({ catalog, report }: XliffRun, what: string, at: At, context: Context): void {
  report(
    'xliff-import/stale-source',
    `${what}: the source is not the catalog's current ${catalog.sourceLocale} text; the translation was made for an older text. It is imported.`,
    at,
    context,
  );
}
