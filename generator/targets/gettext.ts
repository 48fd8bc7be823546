/**
 * GNU gettext: `gettext/<namespace>.pot` (every key, empty msgstr) and
 * `gettext/<ll_CC>.po` for every locale (with two audiences, emit/audiences.ts:
 * the user messages there, the developer details as the detail namespace's
 * domain, `gettext/errors-detail.pot` and `gettext/errors-detail/<ll_CC>.po`), the source locale included (its
 * `.mo` carries the source language's own plural forms, which gettext's
 * untranslated fallback `n == 1 ? msgid : msgid_plural` gets wrong for most
 * languages). Entries: `msgctxt` = key, `msgid` = source text (plurals: the
 * source `one`/`other` forms as msgid/msgid_plural), msgstr[i] in the
 * locale's gettext index order (gettext-plural-forms.ts). Messages with
 * arguments are `python-brace-format` (`{name}`; `#` → `{count}`; literal
 * braces doubled), others are literal (`no-python-brace-format` when they
 * show braces). `initial` translations are `fuzzy` (msgfmt leaves them out of
 * the `.mo`); reviewed/final are plain translated entries. Strings use only
 * the escapes gettext, babel and translate-toolkit all decode (`\\ \" \n \t`,
 * gettext-po.ts): a text with any other C0 control or DEL is a
 * `gettext/unrepresentable` error naming the character. No dates: no
 * POT-Creation-Date or PO-Revision-Date, so output depends on the catalog only.
 * PO has no exact `=N` forms: one goes into the msgstr[i] whose category
 * holds N alone (ar `=0` → `zero`), else it is left out with a
 * `gettext/plural-form-dropped` warning, as are CLDR categories gettext's
 * Plural-Forms merges into another (fr, es, it, pt `many`; he `two`).
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message, Translation } from '../catalog/model.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formFor, pluralRules, splitPlural } from '../emit/plural-forms.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { planEachAudience } from '../emit/audiences.js';
import { gettextLocaleName, gettextPlurals, msgstrForms, type GettextPlurals } from './gettext-plural-forms.js';
import { poComment, poField, poReference, poText, poUnrepresentable } from './gettext-po.js';
import { sourceSectionTitles } from '../emit/section-titles.js';

interface SourceSide { msgid: string; plural?: { arg: string; msgidPlural: string; args: ReadonlySet<string> }; brace: boolean }
class Unrepresentable extends Error {}
type Attempt = <T>(message: Message, locale: string, build: () => T) => T | undefined;

/** What the entries of a message share in every file, written once: `#.` lines, the start of `#:`, msgctxt and msgid. */
interface SharedPart {
  message: Message;
  source: SourceSide;
  /** The blank line that starts an entry, then its `#.` lines, each with its newline. */
  notes: string;
  /** `#: <registry entry> <source text>`: each file adds its locale's reference and the newline. */
  references: string;
  /** msgctxt, msgid and msgid_plural, each with its newline. */
  head: string;
  /** msgid shows a brace: a message without arguments is then `no-python-brace-format`. */
  msgidBraces: boolean;
}

const HEADER_FIELDS = ['Project-Id-Version: codebook', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'];
const BRACE = /[{}]/;

export const gettextTarget: Target = {
  id: 'gettext',
  description: 'GNU gettext: a POT template and a PO file per locale (msgctxt = key, python-brace-format)',
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) => planDomain(audience.catalog, audience.suffix ? `${audience.catalog.namespace}/` : '', header));
  },
};

/** One domain (the catalog's namespace): its POT and a PO per locale, in `gettext/<folder>`. */
function planDomain(catalog: Catalog, folder: string, header: string): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const attempt: Attempt = (message, locale, build) => {
    try {
      return build();
    } catch (error) {
      if (!(error instanceof Unrepresentable)) throw error;
      diagnostics.push(diagnostic(message, locale, 'error', error.message));
    }
  };
  const titles = sourceSectionTitles(catalog);
  const shared: SharedPart[] = [];
  for (const message of catalog.messages) {
    const source = attempt(message, catalog.sourceLocale, () => sourceSide(message, catalog.sourceLocale));
    if (source) shared.push(sharedPart(catalog, message, source, titles));
  }
  const files: PlannedFile[] = [poFile(`gettext/${catalog.namespace}.pot`, [header, `Template of the ${catalog.namespace} domain: msgctxt is the message key.`], HEADER_FIELDS, templateEntries(shared))];
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
    const entries = localeEntries(catalog, shared, locale, rule, diagnostics, attempt);
    files.push(poFile(`gettext/${folder}${name}.po`, [header, `Locale ${locale} (BCP 47) as gettext ${name}: msgctxt is the message key.`], fields, entries));
  }
  return { files, diagnostics };
}

/** `entries` is the text of every entry (see templates/gettext/file.po.hbs): 300k entries are one string, not 300k template iterations. */
function poFile(path: string, headerComments: string[], fields: string[], entries: string): PlannedFile {
  const header = ['msgid ""', poField('msgstr', fields.map((f) => `${f}\n`).join(''))];
  return { path, template: 'file.po.hbs', context: { headerComments: headerComments.flatMap((c) => poComment('#', c)), header, entries } };
}

/** The parts of a message's entry that are the same in the POT and every PO file. */
function sharedPart(catalog: Catalog, message: Message, source: SourceSide, titles: ReadonlyMap<string, string | undefined>): SharedPart {
  const origins = [message.origin, message.translations[catalog.sourceLocale]?.origin];
  let head = `${poField('msgctxt', message.key)}\n${poField('msgid', source.msgid)}\n`;
  if (source.plural) head += `${poField('msgid_plural', source.plural.msgidPlural)}\n`;
  return {
    message,
    source,
    notes: `\n${translatorComments(catalog, message, titles).join('\n')}\n`,
    references: `#: ${origins.flatMap((o) => (o ? [poReference(o.file, o.line)] : [])).join(' ')}`,
    head,
    msgidBraces: BRACE.test(source.msgid),
  };
}

/** The POT's entries: every message with a source side, msgstr empty. */
function templateEntries(shared: readonly SharedPart[]): string {
  const out: string[] = [];
  for (const part of shared) pushEntry(out, part, part.references, false, [], 2);
  return out.join('');
}

/** One PO file's entries: every message with a source side whose msgstrs can be written (the others are reported). */
function localeEntries(catalog: Catalog, shared: readonly SharedPart[], locale: string, rule: GettextPlurals, diagnostics: Diagnostic[], attempt: Attempt): string {
  const ownReference = locale !== catalog.sourceLocale; // the source text's reference is already there
  const out: string[] = [];
  for (const part of shared) {
    const { message, source } = part;
    const warn = (text: string) => diagnostics.push(diagnostic(message, locale, 'warning', text));
    const values = attempt(message, locale, () => msgstrs(message, locale, source, rule, warn));
    if (!values) continue;
    const t = message.translations[locale];
    const origin = ownReference ? t?.origin : undefined;
    const references = origin ? `${part.references}${part.references === '#: ' ? '' : ' '}${poReference(origin.file, origin.line)}` : part.references;
    pushEntry(out, part, references, t?.state === 'initial', values, rule.forms.length);
  }
  return out.join('');
}

/**
 * An entry as the template printed it: blank line, `#.`, `#:`, `#,` lines,
 * then its fields. Pushed as pieces and joined once per file: concatenating
 * would build a rope node per piece, and at 100k entries those nodes cost
 * the garbage collector more than the text itself.
 */
function pushEntry(out: string[], part: SharedPart, references: string, fuzzy: boolean, values: readonly string[], nplurals: number): void {
  const { source } = part;
  const braces = !source.brace && (part.msgidBraces || values.some((v) => BRACE.test(v)));
  const format = source.brace ? 'python-brace-format' : braces ? 'no-python-brace-format' : undefined;
  out.push(part.notes, references, fuzzy ? (format ? `\n#, fuzzy, ${format}\n` : '\n#, fuzzy\n') : format ? `\n#, ${format}\n` : '\n', part.head);
  if (!source.plural) out.push(poField('msgstr', values[0] ?? ''), '\n');
  else for (let i = 0; i < nplurals; i++) out.push(poField(`msgstr[${i}]`, values[i] ?? ''), '\n');
}

/** A PO text, or Unrepresentable: what poText cannot convert, or a control character no escape carries to every reader (gettext-po.ts ESCAPES). */
const must = (text: string | { problem: string }): string => {
  if (typeof text !== 'string') throw new Unrepresentable(text.problem);
  const control = poUnrepresentable(text);
  if (control !== undefined) {
    const code = `U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new Unrepresentable(
      `it holds the control character ${code}, which PO cannot carry so that gettext, babel and translate-toolkit read it alike (of the control characters only tab and line feed, as \\t and \\n)`,
    );
  }
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
  // msgfmt --check reads a python-brace-format field name as ASCII: {Ωmega} or {名前} fails it (found by the fuzz test).
  const unreadable = message.params.find((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name));
  if (unreadable) throw new Unrepresentable(`msgfmt --check accepts only ASCII letters, digits and _ in python-brace-format names, not {${unreadable.name}}`);
  if (split.kind === 'plain') return { msgid: must(poText(t.ast, brace)), brace };
  const { arg } = split.plural;
  const msgid = must(poText(formFor(split.plural, 'one'), brace, arg));
  const msgidPlural = must(poText(formFor(split.plural, 'other'), brace, arg));
  checkNewlines(msgid, [msgidPlural]);
  return { msgid, plural: { arg, msgidPlural, args: argumentsOfForm(formFor(split.plural, 'other'), arg) }, brace };
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
    checkPluralArguments(rule.forms.map(() => t.ast), locale, rule, source.plural);
  } else {
    const { arg } = source.plural;
    if (split.plural.arg !== arg) throw new Unrepresentable(`gettext picks msgstr[i] by the source plural {${arg}}, not {${split.plural.arg}}`);
    const { forms, dropped } = msgstrForms(split.plural, locale, rule);
    values = forms.map((form) => must(poText(form, source.brace, arg)));
    checkPluralArguments(forms, locale, rule, source.plural);
    dropped.forEach(warn);
  }
  if (values.includes('')) throw new Unrepresentable('an empty msgstr means "untranslated" in PO, so an empty translation cannot be written');
  checkNewlines(source.msgid, values);
  return values;
}

/**
 * msgfmt --check (python-brace-format): a msgstr[i] that gettext shows for
 * many counts (5 or more of 0…1000, as msgfmt counts) must use exactly the
 * arguments of msgid_plural; one shown for a single count (en `one`, an
 * exact `=0`) may drop or add some.
 */
function checkPluralArguments(forms: readonly MessageFormatElement[][], locale: string, rule: GettextPlurals, plural: NonNullable<SourceSide['plural']>): void {
  const often = oftenUsed(locale, rule);
  forms.forEach((form, i) => {
    if (!often[i]) return;
    const args = argumentsOfForm(form, plural.arg);
    const differ = [...[...plural.args].filter((a) => !args.has(a)).map((a) => `lacks {${a}}`), ...[...args].filter((a) => !plural.args.has(a)).map((a) => `adds {${a}}`)];
    if (differ.length > 0) {
      throw new Unrepresentable(`msgfmt --check requires msgstr[${i}] (the ${rule.forms[i]} form, shown for many counts) to use the arguments of msgid_plural (the source "other" form), but it ${differ.join(' and ')}`);
    }
  });
}

/** The arguments a plural form shows: `#` is the plural argument. */
function argumentsOfForm(elements: readonly MessageFormatElement[], pluralArg: string): Set<string> {
  const args = new Set<string>();
  for (const el of elements) {
    if (el.type === TYPE.pound) args.add(pluralArg);
    else if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) args.add(el.value);
  }
  return args;
}

const oftenCache = new Map<string, boolean[]>();

/**
 * By msgstr index: whether it is shown for at least 5 of the counts 0…1000
 * (msgfmt's "often"; a lone msgstr always is), counted by CLDR category, a
 * category gettext merges into another counting for that one. This is
 * msgfmt's count for every language of the table but lv, where gettext shows
 * index 2 for n = 0 only but CLDR's `zero` holds 10–20, 30… too: there the
 * check is stricter than msgfmt, as the ICU text of such a form shows many counts.
 */
function oftenUsed(locale: string, rule: GettextPlurals): boolean[] {
  let often = oftenCache.get(locale);
  if (!often) {
    const hits = rule.forms.map(() => 0);
    const rules = pluralRules(locale);
    for (let n = 0; n <= 1000; n++) {
      const category = rules.select(n);
      const i = rule.forms.indexOf(category);
      const shown = i >= 0 ? i : rule.forms.indexOf(rule.lost.get(category) ?? 'other');
      if (shown >= 0) hits[shown]++;
    }
    often = hits.map((h) => rule.forms.length === 1 || h >= 5);
    oftenCache.set(locale, often);
  }
  return often;
}

/** msgfmt --check: msgid, msgid_plural and every msgstr begin and end with `\n` alike. */
function checkNewlines(msgid: string, others: string[]): void {
  if (others.some((o) => o.startsWith('\n') !== msgid.startsWith('\n') || o.endsWith('\n') !== msgid.endsWith('\n'))) {
    throw new Unrepresentable('PO requires msgid and msgstr to agree on a leading and a trailing newline');
  }
}


function translatorComments(catalog: Catalog, message: Message, titles: ReadonlyMap<string, string | undefined>): string[] {
  const title = titles.get(message.section);
  const params = message.params.map((p) => `{${p.name}}: ${p.type}${p.example !== undefined ? `, e.g. ${p.example}` : ''}${p.description ? ` (${p.description})` : ''}`);
  return [`Section: ${title ? `${title} (${message.section})` : message.section}`, ...(message.description ? [message.description] : []), ...params].flatMap((c) => poComment('#.', c));
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
