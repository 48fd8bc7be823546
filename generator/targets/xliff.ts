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
import { placeOf } from '../catalog/merge.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { argumentPositions } from '../emit/placeholders.js';
import { formFor, pluralCategories, splitPlural, type SplitResult } from '../emit/plural-forms.js';
import type { Target } from '../emit/target.js';
import { commentText, inlineOf, noteText } from './xliff-inline.js';

interface Note { category: string; text: string }
interface Unit { id: string; name: string | null; notes: Note[]; state: string; source: string; sourcePreserve: boolean; hasTarget: boolean; target: string; targetPreserve: boolean }
type Item = { unit: Unit; group: null } | { unit: null; group: { id: string; name: string; notes: Note[]; units: Unit[] } };
class Unrepresentable extends Error {}

export const xliffTarget: Target = {
  id: 'xliff',
  description: 'XLIFF 2.0, one file per target locale; plural forms as a group of units',
  plan(catalog, { header }) {
    const diagnostics: Diagnostic[] = [];
    const files = catalog.locales
      .filter((locale) => locale !== catalog.sourceLocale)
      .map((locale) => {
        const items = catalog.messages.flatMap((message) => {
          try {
            return [itemOf(catalog, message, locale)];
          } catch (error) {
            if (!(error instanceof Unrepresentable)) throw error;
            diagnostics.push(unrepresentable(message, locale, error.message));
            return [];
          }
        });
        const context = { header: commentText(header), srcLang: catalog.sourceLocale, trgLang: locale, fileId: catalog.namespace, items };
        return { path: `xliff/${locale}.xlf`, template: 'file.xlf.hbs', context };
      });
    return { files, diagnostics };
  },
};

function itemOf(catalog: Catalog, message: Message, locale: string): Item {
  const source = message.translations[catalog.sourceLocale];
  const target = message.translations[locale];
  if (!source) throw new Unrepresentable('it has no source text');
  const notes = notesOf(catalog, message, locale);
  const plurals = [source, target].flatMap((t) => {
    const split = t && supported(t);
    return split?.kind === 'plural' ? [split.plural] : [];
  });
  if (plurals.length === 0) return { unit: { id: message.key, name: null, notes, ...segment(message, source.ast, target) }, group: null };
  const arg = plurals[0].arg;
  if (plurals.some((p) => p.arg !== arg)) throw new Unrepresentable(`the source and the translation pluralize different arguments ({${plurals.map((p) => p.arg).join('} and {')}})`);
  const exact = [...new Set(plurals.flatMap((p) => [...p.forms.keys()].filter((s) => s.startsWith('='))))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const units = [...exact, ...pluralCategories(locale)].map((selector) => ({
    id: `${message.key}.${selector.replace(/^=/, 'exact')}`,
    name: selector,
    notes: [],
    ...segment(message, formOf(source, selector, catalog.sourceLocale), target && { ...target, ast: formOf(target, selector, locale) }, arg),
  }));
  return { unit: null, group: { id: message.key, name: arg, notes, units } };
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
  return formFor(split.plural, new Intl.PluralRules(locale).select(Number(selector.slice(1))));
}

function segment(message: Message, sourceAst: MessageFormatElement[], target: Translation | undefined, pluralArg?: string) {
  const positions = argumentPositions(message);
  const inline = (ast: MessageFormatElement[]) => {
    const result = inlineOf(ast, positions, pluralArg);
    if ('problem' in result) throw new Unrepresentable(result.problem);
    return result;
  };
  const source = inline(sourceAst);
  const translated = target ? inline(target.ast) : { xml: '', preserve: false };
  return { state: target?.state ?? 'initial', source: source.xml, sourcePreserve: source.preserve, hasTarget: !!target, target: translated.xml, targetPreserve: translated.preserve };
}

function notesOf(catalog: Catalog, message: Message, locale: string): Note[] {
  const title = catalog.sections.find((s) => s.id === message.section)?.titles[catalog.sourceLocale];
  const params = message.params.map((p) => `{${p.name}}: ${p.type}${p.example !== undefined ? `, e.g. ${p.example}` : ''}${p.description ? ` (${p.description})` : ''}`);
  const origins = [message.origin, message.translations[catalog.sourceLocale]?.origin, message.translations[locale]?.origin];
  const notes: Note[] = [
    { category: 'section', text: title ? `${title} (${message.section})` : message.section },
    ...(message.description ? [{ category: 'description', text: message.description }] : []),
    ...params.map((text) => ({ category: 'argument', text })),
    ...origins.flatMap((o) => (o ? [{ category: 'location', text: `${o.file}:${o.line}` }] : [])),
  ];
  return notes.map((n) => ({ category: n.category, text: noteText(n.text) }));
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
