/**
 * `codebook import --from xliff`: a translator's edited XLIFF 2.0 (as the
 * xliff target writes it) merged back into one locale source file. Pure:
 * texts in, the new file text, its diff and a report out.
 *
 * - Each `<unit>` (and each `codebook:plural` `<group>`, whose units are the
 *   forms of one ICU plural) is read back as ICU: `<ph>` → its `equiv`,
 *   `<cp>` → the character, literal text quoted where ICU needs it. A group
 *   becomes `{arg, plural, =N {…} <category> {…} …}` with its translated
 *   forms: exact selectors by value, then CLDR order.
 * - A unit is applied only when it differs from the catalog's current
 *   translation in the target locale, by meaning (parsed ICU, so a different
 *   spelling of the same message is no change) or by state (the segment
 *   `state`, XLIFF's four states being the catalog's). When only the state
 *   changed, the current text is kept as it is spelled.
 * - Checks are reported against the .xlf (line:column); a unit that fails
 *   one is not applied and the others still are (see rules.ts).
 * - The source file is edited in place (json-edit.ts): untouched entries keep
 *   every byte.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseJsonFile } from '../../catalog/json-file.js';
import { compareKeys } from '../../catalog/keys.js';
import type { MessagesData } from '../../catalog/load-layers.js';
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Origin, Translation, TranslationState } from '../../catalog/model.js';
import { validateAgainstSchema } from '../../catalog/schemas.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { argumentPositions } from '../../emit/placeholders.js';
import { CATEGORY_ORDER, formFor, pluralCategories, splitPlural } from '../../emit/plural-forms.js';
import { canonical, parseForm, parsePlain, partsToIcu } from './icu-text.js';
import { updateEntries, type EntryUpdate } from './json-edit.js';
import { placeholderProblems } from './placeholders.js';
import { readXliff, type At, type ReadDocument, type ReadGroup, type ReadUnit } from './read-xliff.js';
import { XLIFF_IMPORT_RULES, type XliffImportRuleId } from './rules.js';
import { unifiedDiff } from './unified-diff.js';
import { OVERRIDE_PREFIX, USER_FILE_ID, userUnits } from '../../targets/xliff.js';

export interface XliffImportResult {
  /** The new text of the target locale source file (byte-identical to the old one when nothing changed). */
  fileText: string;
  /** A unified diff of old → new, for --dry-run ("" when nothing changed). */
  diff: string;
  /** Keys whose text or state changed, in catalog order; then `user:<unit id>` of the changed user texts and overrides. */
  changed: string[];
  /** Located in the .xlf (line:column) or the source file. */
  diagnostics: Diagnostic[];
  /** Other source files changed by user texts (absent when none). */
  userFiles?: XliffImportUserFile[];
}

export interface XliffImportOptions {
  /** The .xlf as reports should name it. */
  xliffName: string;
  catalog: Catalog;
  /**
   * The locale source file to update: `path` as the catalog's origins name
   * files (relative to the config folder, forward slashes), `text` its
   * content ("" for a file that does not exist yet). `layer`: the config
   * layer it belongs to, when known (else found through the catalog).
   */
  targetFile: { path: string; text: string; layer?: string };
  /** Layer names in merge order (the config's), to tell when a later layer would hide an imported text. */
  layers?: readonly string[];
  /**
   * User texts (the `<file id="user">`): the text of another locale source
   * file by path ("" when it does not exist yet; undefined when it cannot be
   * read). Without it, a changed user text whose file is not `targetFile` is
   * reported and not imported.
   */
  readSource?: (path: string) => string | undefined;
  /**
   * The locale's file of a layer (for a user text the locale has no text for
   * yet: the layer of its source-locale text). Default: the source-locale
   * file's path with its source-locale segment replaced by the locale.
   */
  localeFile?: (layer: string, locale: string) => string | undefined;
  /** `targetFile` was named by the user (--out): a user text the locale has no text for yet goes there. */
  targetNamed?: boolean;
}

/** A user file other than the target that the import changed. */
export interface XliffImportUserFile {
  path: string;
  /** Before ("" when it did not exist) and after. */
  text: string;
  fileText: string;
  diff: string;
}

export { XLIFF_IMPORT_RULES, type XliffImportRuleId } from './rules.js';
export { unifiedDiff } from './unified-diff.js';
export { runXliffImport, type RunXliffImportOptions, type RunXliffImportResult } from './run.js';
export { chooseTargetFile, type TargetChoice } from './target-file.js';

/** srcLang and trgLang of an XLIFF 2.x text (undefined when it is not one), so a caller can pick the target file first. */
export function xliffLanguages(xliffText: string): { srcLang?: string; trgLang?: string } | undefined {
  const read = readXliff(xliffText);
  return read.ok ? { ...(read.doc.srcLang !== undefined ? { srcLang: read.doc.srcLang } : {}), ...(read.doc.trgLang !== undefined ? { trgLang: read.doc.trgLang } : {}) } : undefined;
}

/**
 * The document and the checks that need no target file: well-formed XLIFF
 * 2.x, srcLang the catalog's source locale, trgLang one of its other
 * locales. Errors here mean nothing can be imported.
 */
export function readXliffHeader(xliffText: string, xliffName: string, catalog: Catalog): { doc?: ReadDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: XliffImportRuleId, message: string, at: At) => {
    diagnostics.push({ ruleId, severity: XLIFF_IMPORT_RULES[ruleId].severity, message, place: { file: xliffName, line: at.line, column: at.column } });
  };
  const read = readXliff(xliffText);
  if (!read.ok) {
    report(read.ruleId, read.message, read.at);
    return { diagnostics };
  }
  const doc = read.doc;
  if (doc.srcLang !== catalog.sourceLocale) {
    report('xliff-import/source-language', `srcLang is ${JSON.stringify(doc.srcLang ?? '')}; the catalog's source locale is ${catalog.sourceLocale}.`, doc.at);
  }
  const locale = doc.trgLang ?? '';
  if (!catalog.locales.includes(locale) || locale === catalog.sourceLocale) {
    const listed = catalog.locales.filter((l) => l !== catalog.sourceLocale).join(', ');
    report('xliff-import/unknown-locale', doc.trgLang === undefined ? `The file has no trgLang; expected one of ${listed}.` : `trgLang ${JSON.stringify(locale)} is not a target locale of the catalog (${listed}).`, doc.at);
  }
  return { doc, diagnostics };
}

export function importXliff(xliffText: string, options: XliffImportOptions): XliffImportResult {
  const { xliffName, catalog, targetFile } = options;
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: XliffImportRuleId, message: string, at: At, extra: Partial<Diagnostic> = {}) => {
    diagnostics.push({ ruleId, severity: XLIFF_IMPORT_RULES[ruleId].severity, message, place: { file: xliffName, line: at.line, column: at.column }, ...extra });
  };
  const result = (fileText = targetFile.text, changed: string[] = [], userFiles: XliffImportUserFile[] = []): XliffImportResult => ({
    fileText,
    diff: unifiedDiff(targetFile.text, fileText, targetFile.path),
    changed,
    diagnostics: sortDiagnostics(diagnostics, xliffName),
    ...(userFiles.length > 0 ? { userFiles } : {}),
  });

  const header = readXliffHeader(xliffText, xliffName, catalog);
  diagnostics.push(...header.diagnostics);
  if (!header.doc || hasErrors(diagnostics)) return result();
  const doc = header.doc;
  const locale = doc.trgLang!;

  const baseText = targetFile.text === '' ? `{\n  "locale": ${JSON.stringify(locale)},\n  "messages": {}\n}\n` : targetFile.text;
  const parsed = parseJsonFile(targetFile.path, baseText);
  diagnostics.push(...parsed.diagnostics);
  if (parsed.json) diagnostics.push(...validateAgainstSchema('messages', parsed.json));
  if (hasErrors(diagnostics) || !parsed.json) return result();
  const fileLocale = (parsed.json.value as MessagesData).locale;
  if (fileLocale !== locale) {
    report('xliff-import/locale-mismatch', `trgLang is ${JSON.stringify(locale)} but ${targetFile.path} holds locale ${JSON.stringify(fileLocale)}.`, doc.at, {
      notes: [{ message: 'the locale of the file', place: { file: targetFile.path, ...parsed.json.locate('/locale'), pointer: '/locale' } }],
    });
    return result();
  }

  const messages = new Map(catalog.messages.map((m) => [m.key, m]));
  const isUser = (item: ReadUnit | ReadGroup) => item.fileId === USER_FILE_ID && catalog.namespace !== USER_FILE_ID;
  const detailItems = doc.items.filter((item) => !isUser(item));
  const firstAt = new Map<string, At>();
  const repeated = new Set<string>();
  for (const item of detailItems) {
    if (item.id === undefined) continue;
    if (firstAt.has(item.id)) repeated.add(item.id);
    else firstAt.set(item.id, item.at);
  }
  const targetLayer = options.targetFile.layer ?? layerOfFile(catalog, targetFile.path);
  const updates: EntryUpdate[] = [];

  for (const item of detailItems) {
    const key = item.id;
    const what = item.kind === 'unit' ? 'Unit' : 'Plural group';
    const message = key === undefined ? undefined : messages.get(key);
    if (key === undefined || !message) {
      report('xliff-import/unknown-unit', key === undefined ? `${what} without an id; it is not imported.` : `${what} ${key} is not a key of the catalog; it is not imported.`, item.at, {
        locale,
        ...(key !== undefined ? { key } : {}),
      });
      continue;
    }
    const context = { key, locale };
    if (repeated.has(key)) {
      if (firstAt.get(key) !== item.at) {
        report('xliff-import/duplicate-unit', `Key ${key} has more than one unit or group; none of them is imported.`, item.at, { ...context, notes: [{ message: 'first given here', place: { file: xliffName, ...firstAt.get(key)! } }] });
      }
      continue;
    }
    const current = message.translations[locale];
    const decided = item.kind === 'unit' ? decideUnit(item, message, current) : decideGroup(item, message, current);
    if (!decided) continue;
    const shadow = shadowing(current, targetFile.path, targetLayer, options.layers);
    if (shadow) {
      report('xliff-import/shadowed', `Key ${key}: the ${locale} text comes from ${shadow.origin.file} (layer ${JSON.stringify(shadow.origin.layer)}), ${shadow.why}; the change is not imported.`, item.at, {
        ...context,
        notes: [{ message: 'the current text', place: { file: shadow.origin.file, line: shadow.origin.line, column: shadow.origin.column, pointer: shadow.origin.pointer } }],
        hint: 'Import into that file instead (--out).',
      });
      continue;
    }
    updates.push(decided);
  }

  for (const message of catalog.messages) {
    if (firstAt.has(message.key)) continue;
    report('xliff-import/removed-unit', `Key ${message.key} has no unit in the file; its ${locale} translation is left as it is.`, doc.fileAt, { key: message.key, locale });
  }

  const user = importUserTexts(doc.items.filter(isUser));
  if (updates.length === 0 && user.changed.length === 0) return result();
  let fileText = updates.length === 0 ? targetFile.text : updateEntries(baseText, updates);
  const changed = updates.map((u) => u.key).sort(compareKeys);
  const userFiles: XliffImportUserFile[] = [];
  for (const [path, edits] of user.byFile) {
    const own = path === targetFile.path;
    const before = own ? targetFile.text : edits.text;
    let after = own ? (fileText === '' ? baseText : fileText) : edits.text === '' ? `{\n  "locale": ${JSON.stringify(locale)}\n}\n` : edits.text;
    for (const section of ['user', 'userOverrides'] as const) after = updateEntries(after, edits.updates.filter((u) => u.section === section), section);
    if (own) fileText = after;
    else userFiles.push({ path, text: before, fileText: after, diff: unifiedDiff(before, after, path) });
  }
  return result(fileText, [...changed, ...user.changed.map((id) => `user:${id}`)], userFiles);

  /**
   * The units of the user file: each changed one as an update of the
   * `user` (or `userOverrides`) section of the file that defines the
   * locale's text now, else of the locale's file of the layer that defines
   * the source-locale text (or the target, when named), by file.
   */
  function importUserTexts(items: (ReadUnit | ReadGroup)[]) {
    const byFile = new Map<string, { text: string; updates: (EntryUpdate & { section: 'user' | 'userOverrides' })[] }>();
    const changedIds: string[] = [];
    if (items.length === 0) return { byFile, changed: changedIds };
    const units = new Map(userUnits(catalog).map((u) => [u.message.key, u]));
    const first = new Map<string, At>();
    const twice = new Set<string>();
    for (const item of items) {
      if (item.id === undefined) continue;
      if (first.has(item.id)) twice.add(item.id);
      else first.set(item.id, item.at);
    }
    for (const item of items) {
      const id = item.id;
      const what = item.kind === 'unit' ? 'Unit' : 'Plural group';
      const unit = id === undefined ? undefined : units.get(id);
      if (id === undefined || !unit) {
        report('xliff-import/unknown-unit', id === undefined ? `${what} without an id in the user file; it is not imported.` : `${what} ${id} is not a user text of the catalog${id.startsWith(OVERRIDE_PREFIX) ? ' (no key has that user override)' : ''}; it is not imported.`, item.at, {
          locale,
          ...(id !== undefined ? { key: `user:${id}` } : {}),
        });
        continue;
      }
      const context = { key: `user:${id}`, locale };
      if (twice.has(id)) {
        if (first.get(id) !== item.at) {
          report('xliff-import/duplicate-unit', `User text ${id} has more than one unit or group; none of them is imported.`, item.at, { ...context, notes: [{ message: 'first given here', place: { file: xliffName, ...first.get(id)! } }] });
        }
        continue;
      }
      const current = unit.message.translations[locale];
      const reported = diagnostics.length;
      const decided = item.kind === 'unit' ? decideUnit(item, unit.message, current) : decideGroup(item, unit.message, current);
      for (const d of diagnostics.slice(reported)) d.key = context.key; // user:<id>, never mistaken for a key
      if (!decided) continue;
      const source = unit.message.translations[catalog.sourceLocale];
      const path = current?.origin.file ?? (options.targetNamed ? targetFile.path : source && (options.localeFile ? options.localeFile(source.origin.layer, locale) : swapLocale(source.origin.file, locale)));
      const text = path === undefined ? undefined : path === targetFile.path ? targetFile.text : (byFile.get(path)?.text ?? options.readSource?.(path));
      if (path === undefined || text === undefined) {
        report('xliff-import/no-target-file', `User text ${id}: ${path === undefined ? `no ${locale} file to write it to` : `${path} could not be read`}; it is not imported.`, item.at, { ...context, hint: 'Name the file to update with --out.' });
        continue;
      }
      if (path !== targetFile.path && !byFile.has(path) && text !== '') {
        const json = parseJsonFile(path, text);
        const problems = [...json.diagnostics, ...(json.json ? validateAgainstSchema('messages', json.json) : [])];
        if (problems.length > 0 || !json.json) {
          diagnostics.push(...problems);
          continue;
        }
        const other = (json.json.value as MessagesData).locale;
        if (other !== locale) {
          report('xliff-import/locale-mismatch', `trgLang is ${JSON.stringify(locale)} but ${path}, where user text ${id} goes, holds locale ${JSON.stringify(other)}.`, item.at, context);
          continue;
        }
      }
      const entry = byFile.get(path) ?? byFile.set(path, { text, updates: [] }).get(path)!;
      entry.updates.push({ ...decided, key: unit.name, section: unit.kind === 'text' ? 'user' : 'userOverrides' });
      changedIds.push(id);
    }
    const present = new Set(first.keys());
    for (const unit of units.values()) {
      if (present.has(unit.message.key)) continue;
      const at = doc.files.find((f) => f.id === USER_FILE_ID)?.at ?? doc.fileAt;
      report('xliff-import/removed-unit', `User text ${unit.message.key} has no unit in the file; its ${locale} text is left as it is.`, at, { key: `user:${unit.message.key}`, locale });
    }
    return { byFile, changed: changedIds };
  }

  /** The source-locale file's path with its source-locale segment replaced by the locale. */
  function swapLocale(sourceFile: string, target: string): string | undefined {
    const segments = sourceFile.split('/');
    const i = segments.indexOf(catalog.sourceLocale);
    return i < 0 ? undefined : [...segments.slice(0, i), target, ...segments.slice(i + 1)].join('/');
  }

  /** A plain unit: its update, or undefined when it is unchanged or not applied (reported). */
  function decideUnit(unit: ReadUnit, message: Message, current: Translation | undefined): EntryUpdate | undefined {
    const key = message.key;
    const context = { key, locale };
    if (!readable(unit, context)) return undefined;
    const target = unit.target;
    const ast = target && parsePlain(target.parts);
    const sameText = current ? ast !== undefined && canonical(ast) === canonical(current.ast) : !target;
    if (sameText && unit.state === (current?.state ?? 'initial')) return undefined;
    if (!target || target.parts.length === 0) return noTranslation(`Unit ${key}`, !!target, unit.at, current, context);
    const problems = placeholderProblems(key, [unit.source?.parts ?? []], [target]);
    for (const p of problems) report('xliff-import/placeholder-mismatch', p.message, p.at, context);
    if (problems.length > 0) return undefined;
    const text = partsToIcu(target.parts, false);
    if (!ast) return icuError(`Unit ${key}`, text, target.at, context);
    const source = message.translations[catalog.sourceLocale];
    const sourceAst = unit.source && parsePlain(unit.source.parts);
    if (source && (!sourceAst || canonical(sourceAst) !== canonical(source.ast))) staleSource(`Unit ${key}`, unit.at, context);
    return { key, text: sameText && current ? current.text : text, state: unit.state as TranslationState };
  }

  /** A plural group: one ICU plural from its forms, or undefined (unchanged, or not applied and reported). */
  function decideGroup(group: ReadGroup, message: Message, current: Translation | undefined): EntryUpdate | undefined {
    const key = message.key;
    const context = { key, locale };
    const arg = group.name;
    if (arg === undefined || !message.params.some((p) => p.name === arg)) {
      report('xliff-import/plural-group', `Plural group ${key}: name ${JSON.stringify(arg ?? '')} is not an argument of the message (${message.params.map((p) => p.name).join(', ') || 'it has none'}); it is not imported.`, group.at, context);
      return undefined;
    }
    const forms: { selector: string; unit: ReadUnit }[] = [];
    for (const unit of group.units) {
      const selector = unit.name ?? selectorOfId(unit.id, key);
      if (selector === undefined || !(/^=(0|[1-9]\d*)$/.test(selector) || (CATEGORY_ORDER as readonly string[]).includes(selector))) {
        report('xliff-import/plural-group', `Plural group ${key}: unit ${unit.id ?? '(no id)'} has no plural selector (name "zero", "one", "two", "few", "many", "other" or "=N"); the group is not imported.`, unit.at, context);
        return undefined;
      }
      if (forms.some((f) => f.selector === selector)) {
        report('xliff-import/plural-group', `Plural group ${key}: the selector ${selector} is given twice; the group is not imported.`, unit.at, context);
        return undefined;
      }
      if (!readable(unit, context)) return undefined;
      forms.push({ selector, unit });
    }
    if (forms.length === 0) {
      report('xliff-import/plural-group', `Plural group ${key} has no unit; it is not imported.`, group.at, context);
      return undefined;
    }
    const targets = forms.map((f) => f.unit.target && parseForm(f.unit.target.parts, arg));
    const sameText = forms.every((f, i) => (current ? targets[i] !== undefined && canonical(targets[i]!) === canonical(formView(current, f.selector, locale)) : !f.unit.target));
    if (sameText && forms.every((f) => f.unit.state === (current?.state ?? 'initial'))) return undefined;
    const translated = forms.filter((f) => f.unit.target && f.unit.target.parts.length > 0);
    if (translated.length === 0) return noTranslation(`Plural group ${key}`, forms.some((f) => f.unit.target), group.at, current, context);
    const positions = argumentPositions(message);
    const problems = placeholderProblems(
      key,
      forms.map((f) => f.unit.source?.parts ?? []),
      translated.map((f) => f.unit.target!),
      new Set([String(positions.get(arg) ?? arg)]),
    );
    for (const p of problems) report('xliff-import/placeholder-mismatch', p.message, p.at, context);
    if (problems.length > 0) return undefined;
    const missing = pluralCategories(locale).filter((c) => !translated.some((f) => f.selector === c));
    if (missing.length > 0) {
      report('xliff-import/incomplete-plural', `Plural group ${key} translates ${translated.map((f) => f.selector).join(', ')} but not ${missing.join(', ')}, which ${locale} needs; it is not imported.`, group.at, context);
      return undefined;
    }
    const exact = (s: string) => s.startsWith('=');
    const order = (s: string) => (exact(s) ? Number(s.slice(1)) : CATEGORY_ORDER.indexOf(s as (typeof CATEGORY_ORDER)[number]));
    translated.sort((a, b) => Number(exact(b.selector)) - Number(exact(a.selector)) || order(a.selector) - order(b.selector));
    const text = `{${arg}, plural, ${translated.map((f) => `${f.selector} {${partsToIcu(f.unit.target!.parts, true, '}')}}`).join(' ')}}`;
    if (translated.some((f) => !targets[forms.indexOf(f)]) || !parseMessage(text).ok) return icuError(`Plural group ${key}`, text, group.at, context);
    const source = message.translations[catalog.sourceLocale];
    if (source && forms.some((f) => { const s = f.unit.source && parseForm(f.unit.source.parts, arg); return !s || canonical(s) !== canonical(formView(source, f.selector, catalog.sourceLocale)); })) {
      staleSource(`Plural group ${key}`, group.at, context);
    }
    const states = ['initial', 'translated', 'reviewed', 'final'];
    const state = states[Math.min(...translated.map((f) => states.indexOf(f.unit.state)))] as TranslationState;
    return { key, text: sameText && current ? current.text : text, state };
  }

  /** False (reported) when the unit has a bad state or content the import cannot read. */
  function readable(unit: ReadUnit, context: { key: string; locale: string }): boolean {
    if (unit.badState) {
      report('xliff-import/invalid-state', `Unit ${unit.id ?? context.key}: state ${JSON.stringify(unit.badState.value)} is not initial, translated, reviewed or final; it is not imported.`, unit.badState.at, context);
      return false;
    }
    for (const p of unit.problems) report('xliff-import/unsupported-content', `${p.message} Unit ${unit.id ?? context.key} is not imported.`, p.at, context);
    return unit.problems.length === 0;
  }

  function noTranslation(what: string, hasTarget: boolean, at: At, current: Translation | undefined, context: { key: string; locale: string }): undefined {
    const how = hasTarget ? 'an empty target' : 'no target';
    if (current && current.text !== '') report('xliff-import/cleared-target', `${what} comes back with ${how}; the current ${locale} translation is kept.`, at, context);
    else report('xliff-import/empty-target', `${what} comes back with ${how}: no translation, nothing is written.`, at, context);
    return undefined;
  }

  function icuError(what: string, text: string, at: At, context: { key: string; locale: string }): undefined {
    const parsedText = parseMessage(text);
    const why = parsedText.ok ? 'a plural form does not parse' : parsedText.message;
    report('xliff-import/icu-syntax', `${what} does not read back as ICU MessageFormat (${why}): ${JSON.stringify(text)}; it is not imported.`, at, context);
    return undefined;
  }

  function staleSource(what: string, at: At, context: { key: string; locale: string }): void {
    report('xliff-import/stale-source', `${what}: the source is not the catalog's current ${catalog.sourceLocale} text; the translation was made for an older text. It is imported.`, at, context);
  }
}

/** What the export shows for a selector: the form itself, else (`=N`) the form of N's category, else `other`. */
function formView(translation: Translation, selector: string, locale: string): MessageFormatElement[] {
  const split = splitPlural(translation.ast);
  if (split.kind !== 'plural') return translation.ast;
  const own = split.plural.forms.get(selector);
  if (own) return own;
  return formFor(split.plural, selector.startsWith('=') ? new Intl.PluralRules(locale).select(Number(selector.slice(1))) : selector);
}

/** `5.exact0` → `=0`, `5.one` → `one` (units without a `name`). */
function selectorOfId(id: string | undefined, key: string): string | undefined {
  if (id === undefined || !id.startsWith(`${key}.`)) return undefined;
  const rest = id.slice(key.length + 1);
  return rest.startsWith('exact') ? `=${rest.slice(5)}` : rest;
}

/** The layer of a file, from any origin in the catalog that names it. */
function layerOfFile(catalog: Catalog, file: string): string | undefined {
  for (const message of catalog.messages) {
    for (const t of Object.values(message.translations)) {
      for (const origin of [t.origin, ...(t.overrides ?? [])]) if (origin.file === file) return origin.layer;
    }
  }
  return undefined;
}

/** Why writing the key into the target file would not change the catalog, if it would not. */
function shadowing(current: Translation | undefined, file: string, layer: string | undefined, layers: readonly string[] | undefined): { origin: Origin; why: string } | undefined {
  if (!current || current.origin.file === file) return undefined;
  const origin = current.origin;
  if (layer !== undefined && origin.layer === layer) return { origin, why: `another file of the target's layer, so a second entry would be a merge conflict` };
  const later = layers && layer !== undefined && layers.includes(origin.layer) && layers.includes(layer) ? layers.indexOf(origin.layer) > layers.indexOf(layer) : (current.overrides ?? []).some((o) => o.file === file);
  return later ? { origin, why: `a layer merged after ${file}, so a text written there would stay hidden` } : undefined;
}

/** Diagnostics of other files first, then the .xlf's by line and column; ties keep their order. */
function sortDiagnostics(diagnostics: Diagnostic[], xliffName: string): Diagnostic[] {
  const rank = (d: Diagnostic) => [d.place?.file === xliffName ? 1 : 0, d.place?.line ?? 0, d.place?.column ?? 0];
  return diagnostics
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map(({ d }) => d);
}
