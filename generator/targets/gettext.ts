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
 *
 * Layout: templates/gettext/file.po.hbs (PoFileContext) around the entries,
 * each rendered with templates/gettext/entry.po.hbs (PoEntryContext); both
 * overridable, both documented in templates/gettext/README.md. The contexts
 * hold PO text only (escaped, quoted, wrapped here), so the layout is the
 * templates' and the rules are this module's.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message } from '../catalog/model.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { paramNote, sectionLabel, sourceOrigins } from '../emit/message-notes.js';
import { codePointName, isAsciiIdentifier } from '../emit/naming.js';
import { formFor, pluralRules, splitPlural } from '../emit/plural-forms.js';
import { argumentOf } from '../emit/plural-shape.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { allConverted, cannot, converted, localeUnrepresentable, unrepresentable, type Converted } from '../emit/unrepresentable.js';
import { planEachAudience } from '../emit/audiences.js';
import { lazyEntries } from '../emit/lazy-entries.js';
import { gettextLocaleName, gettextPlurals, msgstrForms, type GettextPlurals } from './gettext-plural-forms.js';
import { poComment, poCommentLines, poMessageText, poReference, poStringLines, poUnrepresentable } from './gettext-po.js';
import { sourceSectionTitles } from '../emit/section-titles.js';

interface SourceSide {
  msgid: string;
  plural?: { arg: string; msgidPlural: string; args: ReadonlySet<string> };
  brace: boolean;
}

/**
 * One PO entry as templates/gettext/entry.po.hbs receives it (documented
 * field by field in templates/gettext/README.md). Every string is PO text
 * already: comments split into lines, references formatted, strings escaped,
 * quoted and wrapped (gettext-po.ts), so a template cannot break PO syntax
 * by forgetting an escape. Fields a kind of entry lacks are `null`, never
 * absent (templates are strict).
 */
export interface PoEntryContext {
  /** The `#.` lines (section, description, parameters), one text per line without the `#.`; '' for an empty line. */
  extractedComments: readonly string[];
  /** The `#:` references, `file:line` each (a file name with whitespace between U+2068 and U+2069): the registry entry, the source text, then the locale's text in a PO. */
  references: readonly string[];
  /** The `#,` flags in order: `fuzzy` (an `initial` translation), then `python-brace-format` or `no-python-brace-format`; [] for none. */
  flags: readonly string[];
  /** msgctxt (the message key) as quoted lines: one `"…"`, or `""` and continuation lines. */
  msgctxt: readonly string[];
  /** msgid (the source text; of a plural, its `one` form) as quoted lines. */
  msgid: readonly string[];
  /** msgid_plural (the source `other` form) as quoted lines; null for an entry without plural. */
  msgidPlural: readonly string[] | null;
  /** msgstr as quoted lines (`""` in the POT and when untranslated); null for a plural entry. */
  msgstr: readonly string[] | null;
  /** msgstr[index] for a plural entry, in gettext's index order (Plural-Forms), as quoted lines; null for an entry without plural. */
  msgstrPlural: readonly { index: number; lines: readonly string[] }[] | null;
}

/** The file context of templates/gettext/file.po.hbs (templates/gettext/README.md). */
export interface PoFileContext {
  /** The `#` lines above the header entry (the generated-file notice, what the file is), each with its `#`. */
  headerComments: readonly string[];
  /** The header entry's msgstr (`msgid ""` / `msgstr ""` are template text) as quoted lines, one field `"Name: value\n"` each (longer ones wrapped). */
  headerFields: readonly string[];
  /** Every entry rendered with entry.po.hbs, in catalog order, joined with a blank line; '' for none. Each ends with a newline. */
  entries?: string;
}

/** What the entries of a message share in every file, built once: the POT and each PO reuse these arrays. */
interface SharedPart {
  message: Message;
  source: SourceSide;
  extractedComments: readonly string[];
  /** The registry entry's and the source text's references: each PO adds its locale's. */
  references: readonly string[];
  msgctxt: readonly string[];
  msgid: readonly string[];
  msgidPlural: readonly string[] | null;
  /** msgid shows a brace: a message without arguments is then `no-python-brace-format`. */
  msgidBraces: boolean;
}

/** Every `#,` line an entry can have, by `<fuzzy>/<format>`: one shared array each (templates only read them). */
const FLAGS: Readonly<Record<string, readonly string[]>> = {
  '/': [],
  'fuzzy/': ['fuzzy'],
  '/python-brace-format': ['python-brace-format'],
  '/no-python-brace-format': ['no-python-brace-format'],
  'fuzzy/python-brace-format': ['fuzzy', 'python-brace-format'],
  'fuzzy/no-python-brace-format': ['fuzzy', 'no-python-brace-format'],
};

/** The msgstr of an untranslated entry, and of every POT entry. */
const EMPTY_STRING: readonly string[] = ['""'];
const EMPTY_PLURALS = new Map<number, PoEntryContext['msgstrPlural']>();

const HEADER_FIELDS = [
  'Project-Id-Version: codebook',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
];
const BRACE = /[{}]/;

export const gettextTarget: Target = {
  id: 'gettext',
  description: 'GNU gettext: a POT template and a PO file per locale (msgctxt = key, python-brace-format)',
  entriesByKey: true,
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) =>
      planDomain(audience.catalog, audience.suffix ? `${audience.catalog.namespace}/` : '', header),
    );
  },
};

/** One domain (the catalog's namespace): its POT and a PO per locale, in `gettext/<folder>`. */
function planDomain(catalog: Catalog, folder: string, header: string): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const titles = sourceSectionTitles(catalog);
  const shared: SharedPart[] = [];
  for (const message of catalog.messages) {
    const source = sourceSide(message, catalog.sourceLocale);
    if (source.ok) shared.push(sharedPart(catalog, message, source.value, titles));
    else diagnostics.push(unrepresentable('gettext', message, catalog.sourceLocale, source.why));
  }
  const files: PlannedFile[] = [
    poFile(
      `gettext/${catalog.namespace}.pot`,
      [header, `Template of the ${catalog.namespace} domain: msgctxt is the message key.`],
      HEADER_FIELDS,
      templateEntries(shared),
    ),
  ];
  const owners = new Map<string, string>();
  for (const locale of catalog.locales) {
    const name = gettextLocaleName(locale);
    const rule = gettextPlurals(name);
    const problem = owners.has(name) ? `${owners.get(name)} and ${locale} both become the gettext locale ${name}` : undefined;
    owners.set(name, locale);
    if (problem || !rule) {
      diagnostics.push(localeUnrepresentable('gettext', locale, problem ?? `gettext has no Plural-Forms for ${name}`));
      continue;
    }
    const fields = [
      HEADER_FIELDS[0],
      'Last-Translator: Automatically generated',
      'Language-Team: none',
      `Language: ${name}`,
      ...HEADER_FIELDS.slice(1),
      `Plural-Forms: ${rule.header}`,
    ];
    files.push(
      poFile(
        `gettext/${folder}${name}.po`,
        [header, `Locale ${locale} (BCP 47) as gettext ${name}: msgctxt is the message key.`],
        fields,
        localeEntries(catalog, shared, locale, rule, diagnostics),
      ),
    );
  }
  return { files, diagnostics };
}

/** A PO or POT file: file.po.hbs around the entries (`keys`: the message key of each), each rendered with entry.po.hbs and separated by a blank line. */
function poFile(path: string, headerComments: string[], fields: string[], { keys, written, contextOf }: PoEntries): PlannedFile {
  const [first, ...headerFields] = poStringLines('msgstr', fields.map((f) => `${f}\n`).join(''));
  if (first !== '""') throw new Error('codebook: a PO header of one line'); // never: every header has several fields
  const context: PoFileContext = { headerComments: headerComments.flatMap((c) => poComment('#', c)), headerFields };
  return {
    path,
    template: 'file.po.hbs',
    context,
    entries: lazyEntries({ template: 'entry.po.hbs', field: 'entries', keys, separator: '\n', builtIn: poEntryText }, written, contextOf),
  };
}

/**
 * templates/gettext/entry.po.hbs in TypeScript, for when it is not
 * overridden (handlebars per entry costs about 10 s at 100k keys × 3 PO files
 * and the POT). test/targets/gettext.test.ts renders the golden contexts both ways.
 */
export function poEntryText(e: PoEntryContext): string {
  let text = '';
  for (const c of e.extractedComments) text += c ? `#. ${c}\n` : '#.\n';
  text += `#: ${e.references.join(' ')}\n`;
  if (e.flags.length > 0) text += `#, ${e.flags.join(', ')}\n`;
  text += fieldLines('msgctxt', e.msgctxt) + fieldLines('msgid', e.msgid);
  if (e.msgidPlural?.length) text += fieldLines('msgid_plural', e.msgidPlural);
  if (e.msgstr?.length) text += fieldLines('msgstr', e.msgstr);
  for (const form of e.msgstrPlural ?? []) text += fieldLines(`msgstr[${form.index}]`, form.lines);
  return text;
}

/** A field and its quoted lines, each ending with a newline. */
function fieldLines(field: string, quoted: readonly string[]): string {
  let text = `${field} `;
  for (const line of quoted) text += `${line}\n`;
  return text;
}

/** The parts of a message's entry that are the same in the POT and every PO file. */
function sharedPart(catalog: Catalog, message: Message, source: SourceSide, titles: ReadonlyMap<string, string | undefined>): SharedPart {
  return {
    message,
    source,
    extractedComments: translatorComments(message, titles),
    references: sourceOrigins(catalog, message).map((o) => poReference(o.file, o.line)),
    msgctxt: poStringLines('msgctxt', message.key),
    msgid: poStringLines('msgid', source.msgid),
    msgidPlural: source.plural ? poStringLines('msgid_plural', source.plural.msgidPlural) : null,
    msgidBraces: BRACE.test(source.msgid),
  };
}

/** A PO file's entry: the message's shared part and its msgstr values (the POT's: none). */
interface WrittenEntry {
  part: SharedPart;
  values: readonly string[];
}

/** A PO file's entries: their keys, and each entry's context as it is rendered (emit/lazy-entries.ts). */
interface PoEntries {
  keys: string[];
  written: WrittenEntry[];
  contextOf(entry: WrittenEntry): PoEntryContext;
}

/** The POT's entries: every message with a source side, msgstr empty. */
function templateEntries(shared: readonly SharedPart[]): PoEntries {
  return {
    keys: shared.map((part) => part.message.key),
    written: shared.map((part) => ({ part, values: [] })),
    contextOf: ({ part }) => entryContext(part, part.references, false, [], 2),
  };
}

/**
 * One PO file's message keys and entries: every message with a source side
 * whose msgstrs can be written (the others are reported here, at plan time).
 * The msgstr values are kept; the contexts are built from them when the file
 * is rendered (emit/lazy-entries.ts).
 */
function localeEntries(
  catalog: Catalog,
  shared: readonly SharedPart[],
  locale: string,
  rule: GettextPlurals,
  diagnostics: Diagnostic[],
): PoEntries {
  const ownReference = locale !== catalog.sourceLocale; // the source text's reference is already there
  const written: WrittenEntry[] = [];
  const keys: string[] = [];
  for (const part of shared) {
    const { message, source } = part;
    const values = msgstrs(message, locale, source, rule, diagnostics);
    if (!values.ok) {
      diagnostics.push(unrepresentable('gettext', message, locale, values.why));
      continue;
    }
    written.push({ part, values: values.value });
    keys.push(message.key);
  }
  const contextOf = ({ part, values }: WrittenEntry) => {
    const t = part.message.translations[locale];
    const origin = ownReference ? t?.origin : undefined;
    const references = origin ? [...part.references, poReference(origin.file, origin.line)] : part.references;
    return entryContext(part, references, t?.state === 'initial', values, rule.forms.length);
  };
  return { keys, written, contextOf };
}

/** An entry's context: the message's shared part, this file's references, flags and msgstr lines. */
function entryContext(
  part: SharedPart,
  references: readonly string[],
  fuzzy: boolean,
  values: readonly string[],
  nplurals: number,
): PoEntryContext {
  const { source } = part;
  const braces = !source.brace && (part.msgidBraces || anyBrace(values));
  const format = source.brace ? 'python-brace-format' : braces ? 'no-python-brace-format' : undefined;
  const flags = FLAGS[`${fuzzy ? 'fuzzy' : ''}/${format ?? ''}`]!;
  const { extractedComments, msgctxt, msgid, msgidPlural } = part;
  if (!source.plural) {
    const msgstr = values[0] ? poStringLines('msgstr', values[0]) : EMPTY_STRING;
    return { extractedComments, references, flags, msgctxt, msgid, msgidPlural, msgstr, msgstrPlural: null };
  }
  const msgstrPlural =
    values.length === 0
      ? emptyPlurals(nplurals)
      : Array.from({ length: nplurals }, (_, index) => ({
          index,
          lines: values[index] ? poStringLines(`msgstr[${index}]`, values[index]) : EMPTY_STRING,
        }));
  return { extractedComments, references, flags, msgctxt, msgid, msgidPlural, msgstr: null, msgstrPlural };
}

function anyBrace(values: readonly string[]): boolean {
  for (const v of values) if (BRACE.test(v)) return true;
  return false;
}

/** The msgstr[i] of an untranslated plural entry with `nplurals` forms, all empty (one shared array per count). */
function emptyPlurals(nplurals: number): PoEntryContext['msgstrPlural'] {
  let plurals = EMPTY_PLURALS.get(nplurals);
  if (!plurals) EMPTY_PLURALS.set(nplurals, (plurals = Array.from({ length: nplurals }, (_, index) => ({ index, lines: EMPTY_STRING }))));
  return plurals;
}

/** A PO text: poMessageText, unless it holds a control character no escape carries to every reader (gettext-po.ts ESCAPES). */
function poValue(elements: readonly MessageFormatElement[], brace: boolean, pluralArg?: string): Converted<string> {
  const text = poMessageText(elements, brace, pluralArg);
  const control = text.ok ? poUnrepresentable(text.value) : undefined;
  if (control === undefined) return text;
  return cannot(
    `it holds the control character ${codePointName(control)}, which PO cannot carry so that gettext, babel and translate-toolkit read it alike (of the control characters only tab and line feed, as \\t and \\n)`,
  );
}

/** Braces (doubled in python-brace-format text) and the characters PO cannot carry (poUnrepresentable). */
const NOT_PLAIN_PO = /[{}\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * The PO text of a translation that is one literal with no brace and nothing
 * PO cannot carry, most texts: what poValue gives it, with or without
 * python-brace-format. Undefined for any other text.
 */
function plainPoText(ast: readonly MessageFormatElement[]): string | undefined {
  if (ast.length !== 1) return undefined;
  const el = ast[0]!;
  return el.type === TYPE.literal && !NOT_PLAIN_PO.test(el.value) ? el.value : undefined;
}

/** msgid (and msgid_plural: the source `one` and `other` forms) from the source text. */
function sourceSide(message: Message, sourceLocale: string): Converted<SourceSide> {
  const t = message.translations[sourceLocale];
  if (!t) return cannot('it has no source text');
  const split = splitPlural(t.ast);
  if (split.kind === 'unsupported') return cannot(`PO has no syntax for ${split.reason}`);
  const brace = message.params.length > 0;
  // msgfmt --check reads a python-brace-format field name as ASCII: {Ωmega} or {名前} fails it (found by the fuzz test).
  const unreadable = message.params.find((p) => !isAsciiIdentifier(p.name));
  if (unreadable)
    return cannot(`msgfmt --check accepts only ASCII letters, digits and _ in python-brace-format names, not {${unreadable.name}}`);
  if (split.kind === 'plain') {
    const msgid = poValue(t.ast, brace);
    return msgid.ok ? converted({ msgid: msgid.value, brace }) : msgid;
  }
  const { arg } = split.plural;
  const forms = allConverted([poValue(formFor(split.plural, 'one'), brace, arg), poValue(formFor(split.plural, 'other'), brace, arg)]);
  if (!forms.ok) return forms;
  const [msgid, msgidPlural] = forms.value;
  const newlines = newlineProblem(msgid, [msgidPlural]);
  if (newlines) return cannot(newlines);
  return converted({ msgid, plural: { arg, msgidPlural, args: argumentsOfForm(formFor(split.plural, 'other'), arg) }, brace });
}

/** The msgstr values of one entry in one locale, in gettext index order; [] when untranslated. A plural form PO drops is warned of in `diagnostics`. */
function msgstrs(
  message: Message,
  locale: string,
  source: SourceSide,
  rule: GettextPlurals,
  diagnostics: Diagnostic[],
): Converted<string[]> {
  const t = message.translations[locale];
  if (!t) return converted([]);
  if (!source.plural) {
    const plain = plainPoText(t.ast);
    // The checks below, for a text that is one literal: it can only fail to be empty or to agree on newlines.
    if (plain !== undefined && plain !== '' && sameEdgeNewlines(source.msgid, plain)) return converted([plain]);
  }
  const split = splitPlural(t.ast);
  if (split.kind === 'unsupported') return cannot(`PO has no syntax for ${split.reason}`);
  // The text of each msgstr: the one text; a plain text in every form of a plural entry; else the forms in gettext's order.
  let forms: MessageFormatElement[][];
  let dropped: string[] = [];
  if (!source.plural) {
    if (split.kind === 'plural') return cannot('the source text has no plural, so the entry has no msgstr[i] for its forms');
    forms = [t.ast];
  } else if (split.kind === 'plain') {
    forms = rule.forms.map(() => t.ast);
  } else {
    if (split.plural.arg !== source.plural.arg)
      return cannot(`gettext picks msgstr[i] by the source plural {${source.plural.arg}}, not {${split.plural.arg}}`);
    ({ forms, dropped } = msgstrForms(split.plural, locale, rule));
  }
  const pluralArg = split.kind === 'plural' ? source.plural?.arg : undefined;
  const values = allConverted(forms.map((form) => poValue(form, source.brace, pluralArg)));
  if (!values.ok) return values;
  const problem = source.plural && pluralArgumentsProblem(forms, locale, rule, source.plural);
  if (problem) return cannot(problem);
  for (const text of dropped) diagnostics.push(formDropped(message, locale, text));
  if (values.value.includes('')) return cannot('an empty msgstr means "untranslated" in PO, so an empty translation cannot be written');
  const newlines = newlineProblem(source.msgid, values.value);
  return newlines ? cannot(newlines) : values;
}

/**
 * msgfmt --check (python-brace-format): a msgstr[i] that gettext shows for
 * many counts (5 or more of 0…1000, as msgfmt counts) must use exactly the
 * arguments of msgid_plural; one shown for a single count (en `one`, an
 * exact `=0`) may drop or add some.
 */
function pluralArgumentsProblem(
  forms: readonly MessageFormatElement[][],
  locale: string,
  rule: GettextPlurals,
  plural: NonNullable<SourceSide['plural']>,
): string | undefined {
  const often = oftenUsed(locale, rule);
  for (const [i, form] of forms.entries()) {
    if (!often[i]) continue;
    const args = argumentsOfForm(form, plural.arg);
    const differ = [
      ...[...plural.args].filter((a) => !args.has(a)).map((a) => `lacks {${a}}`),
      ...[...args].filter((a) => !plural.args.has(a)).map((a) => `adds {${a}}`),
    ];
    if (differ.length > 0) {
      return `msgfmt --check requires msgstr[${i}] (the ${rule.forms[i]} form, shown for many counts) to use the arguments of msgid_plural (the source "other" form), but it ${differ.join(' and ')}`;
    }
  }
  return undefined;
}

/** The arguments a plural form shows: `#` is the plural argument. */
function argumentsOfForm(elements: readonly MessageFormatElement[], pluralArg: string): Set<string> {
  const args = new Set<string>();
  for (const el of elements) {
    const arg = argumentOf(el, pluralArg);
    if (arg !== undefined) args.add(arg);
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
function newlineProblem(msgid: string, others: string[]): string | undefined {
  for (const other of others)
    if (!sameEdgeNewlines(msgid, other)) return 'PO requires msgid and msgstr to agree on a leading and a trailing newline';
  return undefined;
}

function sameEdgeNewlines(a: string, b: string): boolean {
  return a.startsWith('\n') === b.startsWith('\n') && a.endsWith('\n') === b.endsWith('\n');
}

/** The `#.` lines of a message, without the `#.`. */
function translatorComments(message: Message, titles: ReadonlyMap<string, string | undefined>): string[] {
  const lines = [
    `Section: ${sectionLabel(message.section, titles.get(message.section))}`,
    ...(message.description ? [message.description] : []),
    ...message.params.map(paramNote),
  ];
  return lines.flatMap(poCommentLines);
}

function formDropped(message: Message, locale: string, text: string): Diagnostic {
  const t = message.translations[locale];
  return {
    ruleId: 'gettext/plural-form-dropped',
    severity: 'warning',
    message: `Key ${message.key} (${locale}) loses a plural form in gettext: ${text}.`,
    target: 'gettext',
    key: message.key,
    locale,
    place: placeOf((t ?? message).origin),
  };
}
