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
 * still match wherever both sides use it. Every id and marker is spelled in
 * emit/xliff-ids.ts, which the import reads them back with; what a side
 * shows for a form is emit/plural-shape.ts formShownFor, for both.
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
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { location, paramNote, sectionLabel, sourceOrigins } from '../emit/message-notes.js';
import { argumentPositions } from '../emit/placeholders.js';
import { pluralCategories, splitPlural } from '../emit/plural-forms.js';
import { exactSelectors, formShownFor } from '../emit/plural-shape.js';
import { lazyEntries } from '../emit/lazy-entries.js';
import type { EntryRendering, PlannedFile, Target } from '../emit/target.js';
import { cannot, converted, unrepresentable, type Converted } from '../emit/unrepresentable.js';
import { formUnitId, overrideUnitId, PLURAL_GROUP_TYPE, USER_FILE_ID } from '../emit/xliff-ids.js';
import { commentText, inlineOf, noteText, type Inline } from './xliff-inline.js';
import { sourceSectionTitles } from '../emit/section-titles.js';
import { XLIFF12 } from './xliff-12.js';
import type { Note, Unit, XliffDialect, XliffEntry, XliffNote, XliffUnit } from './xliff-dialect.js';

export type { Note, Unit, XliffDialect, XliffEntry, XliffGroup, XliffNote, XliffUnit, XliffUnit12 } from './xliff-dialect.js';
/** The unit and file ids import/xliff and import/translations read (emit/xliff-ids.ts). */
export { OVERRIDE_PREFIX, USER_FILE_ID } from '../emit/xliff-ids.js';

const XLIFF20: XliffDialect = {
  version: '2.0',
  template: 'file.xlf.hbs',
  entryTemplate: 'unit.xlf.hbs',
  note: (note) => ({ category: note.category, text: noteText(note.text) }),
  unit: (unit) => ({ isGroup: false, ...unit }),
  groupType: PLURAL_GROUP_TYPE,
  entryText: (entry) => {
    if (!entry.isGroup) return unit20(entry, '    ');
    let text = `    <group id="${entry.id}" name="${entry.name}" type="${entry.type}">\n${notes20(entry.notes, '      ')}`;
    for (const unit of entry.units) text += `${unit20(unit, '      ')}\n`;
    return `${text}    </group>`;
  },
};

/** templates/xliff/unit.xlf.hbs's `<notes>`, each line indented by `pad`. */
function notes20(notes: readonly XliffNote[], pad: string): string {
  if (notes.length === 0) return '';
  return `${pad}<notes>\n${notes.map((n) => `${pad}  <note category="${n.category}">${n.text}</note>\n`).join('')}${pad}</notes>\n`;
}

/** templates/xliff/unit.xlf.hbs's `<unit>`, without a final newline. */
function unit20(u: XliffUnit, pad: string): string {
  const preserve = (on: boolean) => (on ? ' xml:space="preserve"' : '');
  return (
    `${pad}<unit id="${u.id}"${u.name ? ` name="${u.name}"` : ''}>\n${notes20(u.notes, `${pad}  `)}` +
    `${pad}  <segment state="${u.state}">\n${pad}    <source${preserve(u.sourcePreserve)}>${u.source}</source>\n` +
    (u.hasTarget ? `${pad}    <target${preserve(u.targetPreserve)}>${u.target}</target>\n` : '') +
    `${pad}  </segment>\n${pad}</unit>`
  );
}

/**
 * The file template's context (templates/xliff/README.md): `items` and
 * `userItems` are the rendered entries of the two `<file>` sections.
 */
export interface XliffFileContext {
  /** The generated-file line, as XML comment text. */
  header: string;
  srcLang: string;
  trgLang: string;
  /** The details `<file>`'s id (1.2 `original`): the catalog namespace. */
  fileId: string;
  /** The user texts' `<file>` id: `user`. */
  userFileId: string;
}

export const xliffTarget: Target = {
  id: 'xliff',
  description: 'XLIFF 2.0 (or 1.2), one file per target locale; plural forms as a group of units',
  entriesByKey: true,
  plan(catalog, { header, config }) {
    const diagnostics: Diagnostic[] = [];
    const dialect = config.xliff?.version === '1.2' ? XLIFF12 : XLIFF20;
    const shared: SharedNotes = { dialect, titles: sourceSectionTitles(catalog), byMessage: new Map() };
    const files = catalog.locales
      .filter((locale) => locale !== catalog.sourceLocale)
      .map((locale): PlannedFile => {
        /**
         * The entry list of some messages (with their notes and entry key, for user units), the ones XLIFF
         * cannot carry reported. Each entry's text is converted here (a conversion can fail); its context,
         * notes included, is built as the file is rendered (emit/lazy-entries.ts).
         */
        const itemsOf = (
          field: string,
          entries: readonly { message: Message; notes?: readonly Note[]; key?: string }[],
        ): EntryRendering => {
          const items: PlannedItem[] = [];
          const keys: string[] = [];
          for (const { message, notes, key = message.key } of entries) {
            const body = bodyOf(catalog, message, locale, dialect);
            if (body.ok) {
              items.push({ message, common: notes, body: body.value });
              keys.push(key);
              continue;
            }
            const problem = unrepresentable('xliff', message, locale, body.why);
            // An override's problem is its key's, so a warm run that re-plans the key replaces it.
            diagnostics.push(isMessageKey(key) ? { ...problem, key } : problem);
          }
          return lazyEntries({ template: dialect.entryTemplate, field, keys, builtIn: dialect.entryText }, items, (item) =>
            entryOf(catalog, item, locale, shared),
          );
        };
        const context: XliffFileContext = {
          header: commentText(header),
          srcLang: catalog.sourceLocale,
          trgLang: locale,
          fileId: catalog.namespace,
          userFileId: USER_FILE_ID,
        };
        const moreEntries: EntryRendering[] = [
          itemsOf(
            'items',
            catalog.messages.map((message) => ({ message })),
          ),
          itemsOf(
            'userItems',
            userUnits(catalog).map((unit) => ({ ...unit, key: unit.kind === 'override' ? unit.name : userTextEntryKey(unit.name) })),
          ),
        ];
        return { path: `xliff/${locale}.xlf`, template: dialect.template, context, moreEntries };
      });
    return { files, diagnostics };
  },
};

/**
 * The entry key of a shared user text's unit: one no message key is (keys hold
 * no ":"), as the unit is no key's. It reads no message's text, only the
 * user text (a warm run plans whole when one changes) and the registry.
 */
export function userTextEntryKey(id: string): string {
  return `user:${id}`;
}

const isMessageKey = (key: string) => !key.includes(':');

/** What the plan keeps of an entry: its message, a user unit's notes, its converted text. */
interface PlannedItem {
  message: Message;
  common: readonly Note[] | undefined;
  body: Body;
}

/** A message's text converted: one unit's segment, or a plural group's argument and one segment per form. */
type Body = { plural: false; segment: Segment } | { plural: true; arg: string; forms: { selector: string; segment: Segment }[] };

/** A message's text for one target locale, converted, or why XLIFF cannot carry it. */
function bodyOf(catalog: Catalog, message: Message, locale: string, dialect: XliffDialect): Converted<Body> {
  const source = message.translations[catalog.sourceLocale];
  const target = message.translations[locale];
  if (!source) return cannot('it has no source text');
  const splits = [source, target].flatMap((t) => (t ? [splitPlural(t.ast)] : []));
  const unsupported = splits.find((s) => s.kind === 'unsupported');
  if (unsupported?.kind === 'unsupported') return cannot(`XLIFF core has no representation of ${unsupported.reason}`);
  const plurals = splits.flatMap((s) => (s.kind === 'plural' ? [s.plural] : []));
  if (plurals.length === 0) {
    const plain = segment(dialect, message, source.ast, target);
    return plain.ok ? converted({ plural: false, segment: plain.value }) : plain;
  }
  const arg = plurals[0].arg;
  if (plurals.some((p) => p.arg !== arg))
    return cannot(`the source and the translation pluralize different arguments ({${plurals.map((p) => p.arg).join('} and {')}})`);
  const forms: { selector: string; segment: Segment }[] = [];
  for (const selector of [...exactSelectors(plurals), ...pluralCategories(locale)]) {
    const form = segment(
      dialect,
      message,
      formShownFor(source.ast, selector, catalog.sourceLocale),
      target && { ...target, ast: formShownFor(target.ast, selector, locale) },
      arg,
    );
    if (!form.ok) return form;
    forms.push({ selector, segment: form.value });
  }
  return converted({ plural: true, arg, forms });
}

/** The entry context of one `<unit>`, or one `<group>` of plural units. */
function entryOf(catalog: Catalog, { message, common, body }: PlannedItem, locale: string, shared: SharedNotes): XliffEntry {
  const { dialect } = shared;
  const notes = notesOf(catalog, message, locale, shared, common);
  if (!body.plural) return dialect.unit({ id: message.key, name: null, notes, ...body.segment });
  const units = body.forms.map(({ selector, segment }) =>
    dialect.unit({ id: formUnitId(message.key, selector), name: selector, notes: [], ...segment }),
  );
  return { isGroup: true, id: message.key, name: body.arg, type: dialect.groupType, notes, units };
}

/** The segment fields of a unit (what the dialect's `unit` prints besides id, name and notes). */
type Segment = Pick<Unit, 'state' | 'source' | 'sourcePreserve' | 'hasTarget' | 'target' | 'targetPreserve'>;

function segment(
  dialect: XliffDialect,
  message: Message,
  sourceAst: MessageFormatElement[],
  target: Translation | undefined,
  pluralArg?: string,
): Converted<Segment> {
  const source = sourceInline(dialect, message, sourceAst, pluralArg);
  if (!source.ok) return source;
  const translated = target
    ? inlineOf(target.ast, argumentPositions(message), pluralArg, dialect.version)
    : converted({ xml: '', preserve: false });
  if (!translated.ok) return translated;
  const [s, t] = [source.value, translated.value];
  return converted({
    state: target?.state ?? 'initial',
    source: s.xml,
    sourcePreserve: s.preserve,
    hasTarget: !!target,
    target: t.xml,
    targetPreserve: t.preserve,
  });
}

/** Source inline XML by version, AST and plural argument: every target file shows the same source text, converted once (a "cannot" too: each file reports it). */
const sourceInlines = new Map<XliffDialect, WeakMap<readonly MessageFormatElement[], Map<string | undefined, Converted<Inline>>>>();

function sourceInline(
  dialect: XliffDialect,
  message: Message,
  ast: readonly MessageFormatElement[],
  pluralArg: string | undefined,
): Converted<Inline> {
  let byAst = sourceInlines.get(dialect);
  if (byAst === undefined) sourceInlines.set(dialect, (byAst = new WeakMap()));
  let byArg = byAst.get(ast);
  if (byArg === undefined) byAst.set(ast, (byArg = new Map()));
  let result = byArg.get(pluralArg);
  if (result === undefined) {
    result = inlineOf(ast, argumentPositions(message), pluralArg, dialect.version);
    byArg.set(pluralArg, result);
  }
  return result;
}

/** The notes of a message (the same at unit and group level): the shared ones, then the translation's location. */
function notesOf(catalog: Catalog, message: Message, locale: string, shared: SharedNotes, common?: readonly Note[]): XliffNote[] {
  const notes = sharedNotes(catalog, message, shared, common);
  const origin = message.translations[locale]?.origin;
  return origin ? [...notes, shared.dialect.note({ category: 'location', text: location(origin) })] : notes;
}

/** The notes every target file gives a message (all but the translation's location), by message, built once per plan. */
interface SharedNotes {
  dialect: XliffDialect;
  titles: ReadonlyMap<string, string | undefined>;
  byMessage: Map<Message, XliffNote[]>;
}

/** The notes every locale shows: `common` (a user unit's), else the message's section, description, arguments and locations. */
function sharedNotes(catalog: Catalog, message: Message, shared: SharedNotes, common?: readonly Note[]): XliffNote[] {
  let notes = shared.byMessage.get(message);
  if (notes === undefined) {
    const raw: readonly Note[] = common ?? [
      { category: 'section', text: sectionLabel(message.section, shared.titles.get(message.section)) },
      ...(message.description ? [{ category: 'description', text: message.description }] : []),
      ...message.params.map((p) => ({ category: 'argument', text: paramNote(p) })),
      ...sourceOrigins(catalog, message).map((o) => ({ category: 'location', text: location(o) })),
    ];
    notes = raw.map(shared.dialect.note);
    shared.byMessage.set(message, notes);
  }
  return notes;
}

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
  units = [...sharedTextUnits(catalog), ...overrideUnits(catalog)];
  userUnitsOf.set(catalog, units);
  return units;
}

/** What a user unit is made of; `shownFor` are the codes that show it (for the "Offers" note). */
interface UserUnitParts {
  kind: UserUnit['kind'];
  name: string;
  id: string;
  translations: Record<string, Translation>;
  origin: Message['origin'];
  shownFor: Message[];
  usage: string;
}

/** One unit per shared user text, noting the codes that show it. */
function sharedTextUnits(catalog: Catalog): UserUnit[] {
  return (catalog.userTexts ?? []).map((text) => {
    const keys = catalog.messages.filter((m) => m.user === text.id);
    const listed = keys
      .slice(0, SHOWN_CODES)
      .map((m) => m.key)
      .join(', ');
    const usage =
      keys.length === 0
        ? 'Shown for no code.'
        : `Shown for ${keys.length} ${keys.length === 1 ? 'code' : 'codes'}: ${listed}${keys.length > SHOWN_CODES ? `, and ${keys.length - SHOWN_CODES} more` : ''}.`;
    return userUnit(catalog, {
      kind: 'text',
      name: text.id,
      id: text.id,
      translations: text.translations,
      origin: text.origin,
      shownFor: keys,
      usage,
    });
  });
}

/** One unit per user override, by key; its source falls back to the key's user message. An override with no origin has no unit. */
function overrideUnits(catalog: Catalog): UserUnit[] {
  const byKey = new Map(catalog.messages.map((m) => [m.key, m]));
  const userMessages = new Map((catalog.userMessages ?? []).map((m) => [m.key, m]));
  const overrides = [...(catalog.userOverrides ?? new Map<string, Record<string, Translation>>())].sort(([a], [b]) => compareKeys(a, b));
  const units: UserUnit[] = [];
  for (const [key, byLocale] of overrides) {
    const message = byKey.get(key);
    const fallback = userMessages.get(key)?.translations[catalog.sourceLocale];
    const translations = byLocale[catalog.sourceLocale] || !fallback ? byLocale : { ...byLocale, [catalog.sourceLocale]: fallback };
    const origin = Object.values(byLocale)[0]?.origin ?? message?.origin;
    if (!origin) continue;
    units.push(
      userUnit(catalog, {
        kind: 'override',
        name: key,
        id: overrideUnitId(key),
        translations,
        origin,
        shownFor: message ? [message] : [],
        usage: `Override of code ${key}: its own user message instead of the shared one${message?.user ? ` (${message.user})` : ''}.`,
      }),
    );
  }
  return units;
}

/** A user unit as a message of its own (arguments: the source's, by name) with its usage, offers, arguments and source location notes. */
function userUnit(catalog: Catalog, { kind, name, id, translations, origin, shownFor, usage }: UserUnitParts): UserUnit {
  const source = translations[catalog.sourceLocale];
  const params = source ? argumentNames(source.ast).map((p) => ({ name: p, type: 'string' as const })) : [];
  const message: Message = { key: id, section: USER_FILE_ID, params, translations, origin };
  const notes: Note[] = [
    { category: 'usage', text: usage },
    ...offersNotes(shownFor),
    ...params.map((p) => ({ category: 'argument', text: `{${p.name}}` })),
    ...(source ? [{ category: 'location', text: location(source.origin) }] : []),
  ];
  return { kind, name, message, notes };
}

/** The actions the codes offer, counted when there is more than one code; none when no code has an action. */
function offersNotes(shownFor: readonly Message[]): Note[] {
  const counts = new Map<string, number>();
  for (const m of shownFor) if (m.action) counts.set(m.action, (counts.get(m.action) ?? 0) + 1);
  if (counts.size === 0) return [];
  const offers = [...counts].map(([a, n]) => (shownFor.length > 1 ? `${a} (${n} ${n === 1 ? 'code' : 'codes'})` : a));
  return [{ category: 'action', text: `Offers: ${offers.join(', ')}` }];
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
