/**
 * GNU gettext: `gettext/<namespace>.pot` (every key, empty msgstr) and
 * `gettext/<ll_CC>.po` for every locale, the source locale included (its
 * `.mo` carries the source language's own plural forms, which gettext's
 * untranslated fallback `n == 1 ? msgid : msgid_plural` gets wrong for most
 * languages). Entries: `msgctxt` = key, `msgid` = source text (plurals: the
 * source `one`/`other` forms as msgid/msgid_plural), msgstr[i] in the
 * locale's gettext index order (gettext-plural-forms.ts). Messages with
 * arguments are `python-brace-format` (`{name}`; `#` → `{count}`; literal
 * braces doubled), others are literal (`no-python-brace-format` when they
 * show braces). `initial` translations are `fuzzy` (msgfmt leaves them out of
 * the `.mo`); reviewed/final are plain translated entries. No dates: no
 * POT-Creation-Date or PO-Revision-Date, so output depends on the catalog only.
 * PO has no exact `=N` forms: one goes into the msgstr[i] whose category
 * holds N alone (ar `=0` → `zero`), else it is left out with a
 * `gettext/plural-form-dropped` warning, as are CLDR categories gettext's
 * Plural-Forms merges into another (fr, es, it, pt `many`; he `two`).
 */
import type { Catalog, Message, Translation } from '../catalog/model.js';
import { placeOf } from '../catalog/merge.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formFor, splitPlural } from '../emit/plural-forms.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { gettextLocaleName, gettextPlurals, msgstrForms, type GettextPlurals } from './gettext-plural-forms.js';
import { poComment, poField, poReference, poText } from './gettext-po.js';

interface SourceSide { msgid: string; plural?: { arg: string; msgidPlural: string }; brace: boolean }
interface Entry { comments: string[]; fields: string[] }
class Unrepresentable extends Error {}

const HEADER_FIELDS = ['Project-Id-Version: codebook', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'];

export const gettextTarget: Target = {
  id: 'gettext',
  description: 'GNU gettext: a POT template and a PO file per locale (msgctxt = key, python-brace-format)',
  plan(catalog, { header }) {
    const diagnostics: Diagnostic[] = [];
    const attempt = <T>(message: Message, locale: string, build: () => T): T | undefined => {
      try {
        return build();
      } catch (error) {
        if (!(error instanceof Unrepresentable)) throw error;
        diagnostics.push(diagnostic(message, locale, 'error', error.message));
      }
    };
    const sources = new Map(catalog.messages.map((m) => [m.key, attempt(m, catalog.sourceLocale, () => sourceSide(m, catalog.sourceLocale))]));
    // The `#.` lines of a message are the same in every file: built once per message.
    const notes = new Map<Message, string[]>();
    const notesOf = (m: Message) => notes.get(m) ?? notes.set(m, translatorComments(catalog, m)).get(m)!;
    const entriesFor = (locale?: string, rule?: GettextPlurals) =>
      catalog.messages.flatMap((m) => {
        const source = sources.get(m.key);
        const warn = (text: string) => diagnostics.push(diagnostic(m, locale!, 'warning', text));
        const values = source && locale && rule ? attempt(m, locale, () => msgstrs(m, locale, source, rule, warn)) : [];
        return source && values ? [entry(catalog, m, source, values, locale, rule?.forms.length ?? 2, notesOf(m))] : [];
      });
    const files: PlannedFile[] = [poFile(`gettext/${catalog.namespace}.pot`, [header, `Template of the ${catalog.namespace} domain: msgctxt is the message key.`], HEADER_FIELDS, entriesFor())];
    const owners = new Map<string, string>();
    for (const locale of catalog.locales) {
      const name = gettextLocaleName(locale);
      const rule = gettextPlurals(name);
      const problem = owners.has(name) ? `${owners.get(name)} and ${locale} both become the gettext locale ${name}` : rule ? undefined : `gettext has no Plural-Forms for ${name}`;
      owners.set(name, locale);
      if (problem || !rule) {
        diagnostics.push({ ruleId: 'gettext/unrepresentable', severity: 'error', message: `Locale ${locale} cannot be written for gettext: ${problem}.`, target: 'gettext', locale });
        continue;
      }
      const fields = [HEADER_FIELDS[0], 'Last-Translator: Automatically generated', 'Language-Team: none', `Language: ${name}`, ...HEADER_FIELDS.slice(1), `Plural-Forms: ${rule.header}`];
      files.push(poFile(`gettext/${name}.po`, [header, `Locale ${locale} (BCP 47) as gettext ${name}: msgctxt is the message key.`], fields, entriesFor(locale, rule)));
    }
    return { files, diagnostics };
  },
};

function poFile(path: string, headerComments: string[], fields: string[], entries: Entry[]): PlannedFile {
  const header = ['msgid ""', poField('msgstr', fields.map((f) => `${f}\n`).join(''))];
  return { path, template: 'file.po.hbs', context: { headerComments: headerComments.flatMap((c) => poComment('#', c)), header, entries } };
}

const must = (text: string | { problem: string }): string => {
  if (typeof text !== 'string') throw new Unrepresentable(text.problem);
  return text;
};

function supported(translation: Translation) {
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') throw new Unrepresentable(`PO has no syntax for ${split.reason}`);
  return split;
}

/** msgid (and msgid_plural: the source `one` and `other` forms) from the source text. */
function sourceSide(message: Message, sourceLocale: string): SourceSide {
  const t = message.translations[sourceLocale];
  if (!t) throw new Unrepresentable('it has no source text');
  const split = supported(t);
  const brace = message.params.length > 0;
  if (split.kind === 'plain') return { msgid: must(poText(t.ast, brace)), brace };
  const { arg } = split.plural;
  const msgid = must(poText(formFor(split.plural, 'one'), brace, arg));
  const msgidPlural = must(poText(formFor(split.plural, 'other'), brace, arg));
  checkNewlines(msgid, [msgidPlural]);
  return { msgid, plural: { arg, msgidPlural }, brace };
}

/** The msgstr values of one entry in one locale, in gettext index order; [] when untranslated. */
function msgstrs(message: Message, locale: string, source: SourceSide, rule: GettextPlurals, warn: (text: string) => void): string[] {
  const t = message.translations[locale];
  if (!t) return [];
  const split = supported(t);
  let values: string[];
  if (!source.plural) {
    if (split.kind === 'plural') throw new Unrepresentable('the source text has no plural, so the entry has no msgstr[i] for its forms');
    values = [must(poText(t.ast, source.brace))];
  } else if (split.kind === 'plain') {
    values = rule.forms.map(() => must(poText(t.ast, source.brace)));
  } else {
    const { arg } = source.plural;
    if (split.plural.arg !== arg) throw new Unrepresentable(`gettext picks msgstr[i] by the source plural {${arg}}, not {${split.plural.arg}}`);
    const { forms, dropped } = msgstrForms(split.plural, locale, rule);
    values = forms.map((form) => must(poText(form, source.brace, arg)));
    dropped.forEach(warn);
  }
  if (values.includes('')) throw new Unrepresentable('an empty msgstr means "untranslated" in PO, so an empty translation cannot be written');
  checkNewlines(source.msgid, values);
  return values;
}

/** msgfmt --check: msgid, msgid_plural and every msgstr begin and end with `\n` alike. */
function checkNewlines(msgid: string, others: string[]): void {
  if (others.some((o) => o.startsWith('\n') !== msgid.startsWith('\n') || o.endsWith('\n') !== msgid.endsWith('\n'))) {
    throw new Unrepresentable('PO requires msgid and msgstr to agree on a leading and a trailing newline');
  }
}

function entry(catalog: Catalog, message: Message, source: SourceSide, values: string[], locale: string | undefined, nplurals: number, notes: readonly string[]): Entry {
  const t = locale === undefined ? undefined : message.translations[locale];
  const braces = !source.brace && [source.msgid, ...values].some((v) => /[{}]/.test(v));
  const flags = [...(t?.state === 'initial' ? ['fuzzy'] : []), ...(source.brace ? ['python-brace-format'] : braces ? ['no-python-brace-format'] : [])];
  const fields = [poField('msgctxt', message.key), poField('msgid', source.msgid)];
  if (source.plural) fields.push(poField('msgid_plural', source.plural.msgidPlural), ...Array.from({ length: nplurals }, (_, i) => poField(`msgstr[${i}]`, values[i] ?? '')));
  else fields.push(poField('msgstr', values[0] ?? ''));
  return { comments: [...notes, references(catalog, message, locale), ...(flags.length > 0 ? [`#, ${flags.join(', ')}`] : [])], fields };
}

function translatorComments(catalog: Catalog, message: Message): string[] {
  const section = catalog.sections.find((s) => s.id === message.section);
  const title = section?.titles[catalog.sourceLocale];
  const params = message.params.map((p) => `{${p.name}}: ${p.type}${p.example !== undefined ? `, e.g. ${p.example}` : ''}${p.description ? ` (${p.description})` : ''}`);
  return [`Section: ${title ? `${title} (${message.section})` : message.section}`, ...(message.description ? [message.description] : []), ...params].flatMap((c) => poComment('#.', c));
}

/** `#:` the registry entry, the source text and this locale's text. */
function references(catalog: Catalog, message: Message, locale: string | undefined): string {
  const origins = [message.origin, message.translations[catalog.sourceLocale]?.origin, locale === undefined || locale === catalog.sourceLocale ? undefined : message.translations[locale]?.origin];
  return `#: ${origins.flatMap((o) => (o ? [poReference(o.file, o.line)] : [])).join(' ')}`;
}

function diagnostic(message: Message, locale: string, severity: 'error' | 'warning', text: string): Diagnostic {
  const t = message.translations[locale];
  return {
    ruleId: severity === 'error' ? 'gettext/unrepresentable' : 'gettext/plural-form-dropped',
    severity,
    message: `Key ${message.key} (${locale}) ${severity === 'error' ? 'cannot be written for gettext' : 'loses a plural form in gettext'}: ${text}.`,
    target: 'gettext',
    key: message.key,
    locale,
    place: placeOf((t ?? message).origin),
  };
}
