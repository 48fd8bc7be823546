/**
 * XLIFF 2.0 (`urn:oasis:names:tc:xliff:document:2.0`): `xliff/<locale>.xlf`
 * for every locale but the source, `srcLang`/`trgLang` as BCP 47, one
 * `<file id="<namespace>">`, one `<unit id="<key>">` per message (keys are
 * letters, digits, `_` and `-`: valid NMTOKENs). Notes carry the section,
 * description, arguments and catalog locations. `<segment state>` is the
 * catalog state (initial/translated/reviewed/final are XLIFF's own); an
 * untranslated message has state `initial` and no `<target>` (an empty
 * `<target/>` is an empty translation). Arguments are `<ph/>`
 * (xliff-inline.ts).
 *
 * Plurals (XLIFF core has none): a `<group id="<key>" name="<plural
 * argument>" type="codebook:plural">` holding one unit per form, `id`
 * `<key>.<category>` (`<key>.exact0` for `=0`) and `name` the ICU selector.
 * The forms are the target locale's CLDR categories plus any exact selector
 * of either side; each side shows the text it would select for that form
 * (the source's `other` for a `few` it lacks). Text around the plural is part
 * of every form. An import rebuilds `{arg, plural, <name> {…} …}` from the
 * units: the same text for every count, not necessarily the same spelling.
 * A target form may drop an argument (ar `one`) or use one its source form
 * lacks (ru `one` also covers 21); `<ph>` ids name the argument, so they
 * still match wherever both sides use it.
 *
 * Two audiences: when the catalog has user texts, a second
 * `<file id="user">` follows the details' one: one unit per shared user text,
 * `id` = the text's id (lowercase, digits and `-`), then one per user
 * override, `id` = `key.<key>` (ids never hold a `.`, so the import tells
 * them apart). Same unit shape and inline rules; notes name the codes that
 * show the text and their actions. Arguments of a user text have positions
 * by name order (userUnits).
 *
 * XLIFF 1.2 (config `"xliff": { "version": "1.2" }`, for translate-toolkit,
 * Xcode and the CAT tools that read no 2.0): the same files and items in
 * 1.2's terms, written by xliff-12.ts, which says how each maps.
 */
import type { Catalog, Message, Translation } from '../catalog/model.js';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { compareKeys } from '../catalog/keys.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { argumentPositions } from '../emit/placeholders.js';
import { formFor, pluralCategories, pluralRules, splitPlural, type SplitResult } from '../emit/plural-forms.js';
import type { Target } from '../emit/target.js';
import { commentText, inlineOf, noteText, type Inline } from './xliff-inline.js';
import { sourceSectionTitles } from '../emit/section-titles.js';
import { XLIFF12 } from './xliff-12.js';

export interface Note { category: string; text: string }
/** A `<unit>` (1.2: `<trans-unit>`) as the plan decided it: XML of its notes block and inline content, the catalog state. */
export interface Unit { id: string; name: string | null; notes: string; state: string; source: string; sourcePreserve: boolean; hasTarget: boolean; target: string; targetPreserve: boolean }
class Unrepresentable extends Error {}

/** What differs between XLIFF 2.0 and 1.2: the template and how units, groups, notes and inline content are spelled. */
export interface XliffDialect {
  version: '1.2' | '2.0';
  template: string;
  /** One note (an XML line with its newline, at the indentation of an item's notes). */
  note(note: Note): string;
  /** An item's notes block from its note lines (without a final newline; '' when there are none). */
  notes(lines: string): string;
  unit(unit: Unit, pad: string): string;
  /** A plural group at the indentation of an item: its notes block and its units (as `unit` printed them). */
  group(id: string, arg: string, notes: string, units: string[]): string;
  /** The indentation of an item, and of a unit inside a plural group. */
  itemPad: string;
  formPad: string;
}

const XLIFF20: XliffDialect = {
  version: '2.0',
  template: 'file.xlf.hbs',
  note: (note) => `        <note category="${note.category}">${noteText(note.text)}</note>\n`,
  notes: (lines) => (lines === '' ? '' : `      <notes>\n${lines}      </notes>`),
  unit: unitXml,
  group: (id, arg, notes, units) => [`    <group id="${id}" name="${arg}" type="codebook:plural">`, notes, ...units, '    </group>'].filter((line) => line !== '').join('\n'),
  itemPad: '    ',
  formPad: '      ',
};

export const xliffTarget: Target = {
  id: 'xliff',
  description: 'XLIFF 2.0 (or 1.2), one file per target locale; plural forms as a group of units',
  plan(catalog, { header, config }) {
    const diagnostics: Diagnostic[] = [];
    const dialect = config.xliff?.version === '1.2' ? XLIFF12 : XLIFF20;
    const shared: SharedNotes = { dialect, titles: sourceSectionTitles(catalog), byMessage: new Map() };
    const files = catalog.locales
      .filter((locale) => locale !== catalog.sourceLocale)
      .map((locale) => {
        const items: string[] = [];
        for (const message of catalog.messages) {
          try {
            items.push(itemOf(catalog, message, locale, shared));
          } catch (error) {
            if (!(error instanceof Unrepresentable)) throw error;
            diagnostics.push(unrepresentable(message, locale, error.message));
          }
        }
        const userItems: string[] = [];
        for (const unit of userUnits(catalog)) {
          try {
            userItems.push(itemOf(catalog, unit.message, locale, shared, unit.notes));
          } catch (error) {
            if (!(error instanceof Unrepresentable)) throw error;
            diagnostics.push(unrepresentable(unit.message, locale, error.message));
          }
        }
        const context = { header: commentText(header), srcLang: catalog.sourceLocale, trgLang: locale, fileId: catalog.namespace, items: items.join('\n'), userFileId: USER_FILE_ID, userItems: userItems.join('\n') };
        return { path: `xliff/${locale}.xlf`, template: dialect.template, context };
      });
    return { files, diagnostics };
  },
};

/** One `<unit>`, or one `<group>` of plural units, as XML lines (no final newline). */
function itemOf(catalog: Catalog, message: Message, locale: string, shared: SharedNotes, common?: readonly Note[]): string {
  const source = message.translations[catalog.sourceLocale];
  const target = message.translations[locale];
  if (!source) throw new Unrepresentable('it has no source text');
  const { dialect } = shared;
  const notes = notesOf(catalog, message, locale, shared, common);
  const plurals = [source, target].flatMap((t) => {
    const split = t && supported(t);
    return split?.kind === 'plural' ? [split.plural] : [];
  });
  if (plurals.length === 0) return dialect.unit({ id: message.key, name: null, notes, ...segment(dialect, message, source.ast, target) }, dialect.itemPad);
  const arg = plurals[0].arg;
  if (plurals.some((p) => p.arg !== arg)) throw new Unrepresentable(`the source and the translation pluralize different arguments ({${plurals.map((p) => p.arg).join('} and {')}})`);
  const exact = [...new Set(plurals.flatMap((p) => [...p.forms.keys()].filter((s) => s.startsWith('='))))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const units = [...exact, ...pluralCategories(locale)].map((selector) =>
    dialect.unit(
      {
        id: `${message.key}.${selector.replace(/^=/, 'exact')}`,
        name: selector,
        notes: '',
        ...segment(dialect, message, formOf(source, selector, catalog.sourceLocale), target && { ...target, ast: formOf(target, selector, locale) }, arg),
      },
      dialect.formPad,
    ),
  );
  return dialect.group(message.key, arg, notes, units);
}

/** A `<unit>` at an indentation, as the template's `unit` partial printed it. */
function unitXml(unit: Unit, pad: string): string {
  const lines = [`${pad}<unit id="${unit.id}"${unit.name ? ` name="${unit.name}"` : ''}>`];
  if (unit.notes !== '') lines.push(unit.notes);
  lines.push(`${pad}  <segment state="${unit.state}">`, `${pad}    <source${unit.sourcePreserve ? ' xml:space="preserve"' : ''}>${unit.source}</source>`);
  if (unit.hasTarget) lines.push(`${pad}    <target${unit.targetPreserve ? ' xml:space="preserve"' : ''}>${unit.target}</target>`);
  lines.push(`${pad}  </segment>`, `${pad}</unit>`);
  return lines.join('\n');
}

function supported(translation: Translation): SplitResult {
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') throw new Unrepresentable(`XLIFF core has no representation of ${split.reason}`);
  return split;
}

/** What a side shows for a selector: its own form, else the form of the selector's category (`=0` → category of 0), else `other`. */
function formOf(translation: Translation, selector: string, locale: string): MessageFormatElement[] {
  const split = splitPlural(translation.ast);
  if (split.kind !== 'plural') return translation.ast;
  if (split.plural.forms.has(selector) || !selector.startsWith('=')) return formFor(split.plural, selector);
  return formFor(split.plural, pluralRules(locale).select(Number(selector.slice(1))));
}

function segment(dialect: XliffDialect, message: Message, sourceAst: MessageFormatElement[], target: Translation | undefined, pluralArg?: string) {
  const source = sourceInline(dialect, message, sourceAst, pluralArg);
  const translated = target ? inline(dialect, message, target.ast, pluralArg) : { xml: '', preserve: false };
  return { state: target?.state ?? 'initial', source: source.xml, sourcePreserve: source.preserve, hasTarget: !!target, target: translated.xml, targetPreserve: translated.preserve };
}

function inline(dialect: XliffDialect, message: Message, ast: readonly MessageFormatElement[], pluralArg: string | undefined): Inline {
  const result = inlineOf(ast, argumentPositions(message), pluralArg, dialect.version);
  if ('problem' in result) throw new Unrepresentable(result.problem);
  return result;
}

/** Source inline XML by version, AST and plural argument: every target file shows the same source text, converted once. */
const sourceInlines = new Map<XliffDialect, WeakMap<readonly MessageFormatElement[], Map<string | undefined, Inline>>>();

function sourceInline(dialect: XliffDialect, message: Message, ast: readonly MessageFormatElement[], pluralArg: string | undefined): Inline {
  let byAst = sourceInlines.get(dialect);
  if (byAst === undefined) sourceInlines.set(dialect, (byAst = new WeakMap()));
  let byArg = byAst.get(ast);
  if (byArg === undefined) byAst.set(ast, (byArg = new Map()));
  let result = byArg.get(pluralArg);
  if (result === undefined) {
    result = inline(dialect, message, ast, pluralArg); // a problem throws every time, as it should: each file reports it
    byArg.set(pluralArg, result);
  }
  return result;
}

/** The `<notes>` block of a message (the same at unit and group level), empty without notes. */
function notesOf(catalog: Catalog, message: Message, locale: string, shared: SharedNotes, common?: readonly Note[]): string {
  const lines = sharedNotes(catalog, message, shared, common);
  const origin = message.translations[locale]?.origin;
  if (lines === '' && !origin) return '';
  return shared.dialect.notes(`${lines}${origin ? shared.dialect.note({ category: 'location', text: `${origin.file}:${origin.line}` }) : ''}`);
}

/** The notes every target file gives a message (all but the translation's location), by message, built once per plan. */
interface SharedNotes { dialect: XliffDialect; titles: ReadonlyMap<string, string | undefined>; byMessage: Map<Message, string> }

/** The note lines every locale shows: `common` (a user unit's), else the message's section, description, arguments and locations. */
function sharedNotes(catalog: Catalog, message: Message, shared: SharedNotes, common?: readonly Note[]): string {
  let xml = shared.byMessage.get(message);
  if (xml === undefined && common) {
    xml = common.map(shared.dialect.note).join('');
    shared.byMessage.set(message, xml);
  }
  if (xml === undefined) {
    const title = shared.titles.get(message.section);
    const params = message.params.map((p) => `{${p.name}}: ${p.type}${p.example !== undefined ? `, e.g. ${p.example}` : ''}${p.description ? ` (${p.description})` : ''}`);
    const origins = [message.origin, message.translations[catalog.sourceLocale]?.origin];
    const notes: Note[] = [
      { category: 'section', text: title ? `${title} (${message.section})` : message.section },
      ...(message.description ? [{ category: 'description', text: message.description }] : []),
      ...params.map((text) => ({ category: 'argument', text })),
      ...origins.flatMap((o) => (o ? [{ category: 'location', text: `${o.file}:${o.line}` }] : [])),
    ];
    xml = notes.map(shared.dialect.note).join('');
    shared.byMessage.set(message, xml);
  }
  return xml;
}


function unrepresentable(message: Message, locale: string, reason: string): Diagnostic {
  const t = message.translations[locale];
  return {
    ruleId: 'xliff/unrepresentable',
    severity: 'error',
    message: `Key ${message.key} (${locale}) cannot be written for XLIFF: ${reason}.`,
    target: 'xliff',
    key: message.key,
    locale,
    place: placeOf((t ?? message).origin),
  };
}

/** The id of the user texts' `<file>`. */
export const USER_FILE_ID = 'user';
/** The unit id prefix of a user override: `key.<key>`. */
export const OVERRIDE_PREFIX = 'key.';
/** How many codes a "Shown for" note lists before "and N more". */
const SHOWN_CODES = 12;

/** One unit of the user file: a shared user text or a user override, as a message of its own. */
export interface UserUnit {
  kind: 'text' | 'override';
  /** The user text id, or the overridden key. */
  name: string;
  /** `key` = the unit id; translations by locale (an override's source falls back to the key's user message); params = the source's arguments by name. */
  message: Message;
  /** The notes every locale shows (all but the translation's location). */
  notes: readonly Note[];
}

const userUnitsOf = new WeakMap<Catalog, UserUnit[]>();

/** The user file's units in order (shared texts by id, then overrides by key); the same objects on every call. */
export function userUnits(catalog: Catalog): UserUnit[] {
  let units = userUnitsOf.get(catalog);
  if (units) return units;
  units = [];
  const byKey = new Map(catalog.messages.map((m) => [m.key, m]));
  const userMessages = new Map((catalog.userMessages ?? []).map((m) => [m.key, m]));
  const unit = (kind: UserUnit['kind'], name: string, id: string, translations: Record<string, Translation>, origin: Message['origin'], shownFor: Message[], usage: string): UserUnit => {
    const source = translations[catalog.sourceLocale];
    const params = source ? argumentNames(source.ast).map((p) => ({ name: p, type: 'string' as const })) : [];
    const message: Message = { key: id, section: USER_FILE_ID, params, translations, origin };
    const counts = new Map<string, number>();
    for (const m of shownFor) if (m.action) counts.set(m.action, (counts.get(m.action) ?? 0) + 1);
    const notes: Note[] = [
      { category: 'usage', text: usage },
      ...(counts.size > 0 ? [{ category: 'action', text: `Offers: ${[...counts].map(([a, n]) => (shownFor.length > 1 ? `${a} (${n} ${n === 1 ? 'code' : 'codes'})` : a)).join(', ')}` }] : []),
      ...params.map((p) => ({ category: 'argument', text: `{${p.name}}` })),
      ...(source ? [{ category: 'location', text: `${source.origin.file}:${source.origin.line}` }] : []),
    ];
    return { kind, name, message, notes };
  };
  for (const text of catalog.userTexts ?? []) {
    const keys = catalog.messages.filter((m) => m.user === text.id);
    const listed = keys.slice(0, SHOWN_CODES).map((m) => m.key).join(', ');
    const usage = keys.length === 0 ? 'Shown for no code.' : `Shown for ${keys.length} ${keys.length === 1 ? 'code' : 'codes'}: ${listed}${keys.length > SHOWN_CODES ? `, and ${keys.length - SHOWN_CODES} more` : ''}.`;
    units.push(unit('text', text.id, text.id, text.translations, text.origin, keys, usage));
  }
  const overrides = [...(catalog.userOverrides ?? new Map<string, Record<string, Translation>>())].sort(([a], [b]) => compareKeys(a, b));
  for (const [key, byLocale] of overrides) {
    const message = byKey.get(key);
    const fallback = userMessages.get(key)?.translations[catalog.sourceLocale];
    const translations = byLocale[catalog.sourceLocale] || !fallback ? byLocale : { ...byLocale, [catalog.sourceLocale]: fallback };
    const origin = Object.values(byLocale)[0]?.origin ?? message?.origin;
    if (!origin) continue;
    units.push(unit('override', key, `${OVERRIDE_PREFIX}${key}`, translations, origin, message ? [message] : [], `Override of code ${key}: its own user message instead of the shared one${message?.user ? ` (${message.user})` : ''}.`));
  }
  userUnitsOf.set(catalog, units);
  return units;
}

/** The argument names of a message (plural and select arguments included), sorted. */
function argumentNames(ast: readonly MessageFormatElement[]): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type !== TYPE.literal && 'value' in el && typeof el.value === 'string') names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return [...names].sort();
}
