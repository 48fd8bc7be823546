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
 */
import type { Catalog, Message, Translation } from '../catalog/model.js';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { argumentPositions } from '../emit/placeholders.js';
import { formFor, pluralCategories, pluralRules, splitPlural, type SplitResult } from '../emit/plural-forms.js';
import type { Target } from '../emit/target.js';
import { commentText, inlineOf, noteText, type Inline } from './xliff-inline.js';
import { sourceSectionTitles } from '../emit/section-titles.js';

interface Note { category: string; text: string }
interface Unit { id: string; name: string | null; notes: string; state: string; source: string; sourcePreserve: boolean; hasTarget: boolean; target: string; targetPreserve: boolean }
class Unrepresentable extends Error {}

export const xliffTarget: Target = {
  id: 'xliff',
  description: 'XLIFF 2.0, one file per target locale; plural forms as a group of units',
  plan(catalog, { header }) {
    const diagnostics: Diagnostic[] = [];
    const shared: SharedNotes = { titles: sourceSectionTitles(catalog), byMessage: new Map() };
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
        const context = { header: commentText(header), srcLang: catalog.sourceLocale, trgLang: locale, fileId: catalog.namespace, items: items.join('\n') };
        return { path: `xliff/${locale}.xlf`, template: 'file.xlf.hbs', context };
      });
    return { files, diagnostics };
  },
};

/** One `<unit>`, or one `<group>` of plural units, as XML lines (no final newline). */
function itemOf(catalog: Catalog, message: Message, locale: string, shared: SharedNotes): string {
  const source = message.translations[catalog.sourceLocale];
  const target = message.translations[locale];
  if (!source) throw new Unrepresentable('it has no source text');
  const notes = notesOf(catalog, message, locale, shared);
  const plurals = [source, target].flatMap((t) => {
    const split = t && supported(t);
    return split?.kind === 'plural' ? [split.plural] : [];
  });
  if (plurals.length === 0) return unitXml({ id: message.key, name: null, notes, ...segment(message, source.ast, target) }, '    ');
  const arg = plurals[0].arg;
  if (plurals.some((p) => p.arg !== arg)) throw new Unrepresentable(`the source and the translation pluralize different arguments ({${plurals.map((p) => p.arg).join('} and {')}})`);
  const exact = [...new Set(plurals.flatMap((p) => [...p.forms.keys()].filter((s) => s.startsWith('='))))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const units = [...exact, ...pluralCategories(locale)].map((selector) =>
    unitXml(
      {
        id: `${message.key}.${selector.replace(/^=/, 'exact')}`,
        name: selector,
        notes: '',
        ...segment(message, formOf(source, selector, catalog.sourceLocale), target && { ...target, ast: formOf(target, selector, locale) }, arg),
      },
      '      ',
    ),
  );
  return [`    <group id="${message.key}" name="${arg}" type="codebook:plural">`, notes, ...units, '    </group>'].filter((line) => line !== '').join('\n');
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

function segment(message: Message, sourceAst: MessageFormatElement[], target: Translation | undefined, pluralArg?: string) {
  const source = sourceInline(message, sourceAst, pluralArg);
  const translated = target ? inline(message, target.ast, pluralArg) : { xml: '', preserve: false };
  return { state: target?.state ?? 'initial', source: source.xml, sourcePreserve: source.preserve, hasTarget: !!target, target: translated.xml, targetPreserve: translated.preserve };
}

function inline(message: Message, ast: readonly MessageFormatElement[], pluralArg: string | undefined): Inline {
  const result = inlineOf(ast, argumentPositions(message), pluralArg);
  if ('problem' in result) throw new Unrepresentable(result.problem);
  return result;
}

/** Source inline XML by AST and plural argument: every target file shows the same source text, converted once. */
const sourceInlines = new WeakMap<readonly MessageFormatElement[], Map<string | undefined, Inline>>();

function sourceInline(message: Message, ast: readonly MessageFormatElement[], pluralArg: string | undefined): Inline {
  let byArg = sourceInlines.get(ast);
  if (byArg === undefined) sourceInlines.set(ast, (byArg = new Map()));
  let result = byArg.get(pluralArg);
  if (result === undefined) {
    result = inline(message, ast, pluralArg); // a problem throws every time, as it should: each file reports it
    byArg.set(pluralArg, result);
  }
  return result;
}

/** The `<notes>` block of a message (the same at unit and group level), empty without notes. */
function notesOf(catalog: Catalog, message: Message, locale: string, shared: SharedNotes): string {
  const origin = message.translations[locale]?.origin;
  const common = sharedNotes(catalog, message, shared);
  if (common === '' && !origin) return '';
  return `      <notes>\n${common}${origin ? noteXml({ category: 'location', text: `${origin.file}:${origin.line}` }) : ''}      </notes>`;
}

/** The notes every target file gives a message (all but the translation's location), by message, built once per plan. */
interface SharedNotes { titles: ReadonlyMap<string, string | undefined>; byMessage: Map<Message, string> }

function sharedNotes(catalog: Catalog, message: Message, shared: SharedNotes): string {
  let xml = shared.byMessage.get(message);
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
    xml = notes.map(noteXml).join('');
    shared.byMessage.set(message, xml);
  }
  return xml;
}

function noteXml(note: Note): string {
  return `        <note category="${note.category}">${noteText(note.text)}</note>\n`;
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
