/**
 * `codebook import` of a PO file: a translator's edited `dist/gettext` PO
 * (as the gettext target writes it, or as msgmerge, msgcat or Poedit
 * rewrite it) merged back into one locale source file. Pure: texts in, the
 * new file text, its diff and a report out.
 *
 * - `msgctxt` is the key. The domain is told by the msgids: a catalog with
 *   user messages has two PO files per locale, the user messages
 *   (`gettext/<ll>.po`) and the developer details
 *   (`gettext/<detail namespace>/<ll>.po`); the file is read as the one
 *   whose source texts more of its msgids are.
 * - An entry is applied only when it differs from what the gettext target
 *   writes for the catalog's current translation (export-view.ts): its
 *   msgstr values, or its `fuzzy` flag. States as the XLIFF import maps
 *   them, PO having only two: `#, fuzzy` ↔ `initial` (the target writes
 *   initial translations fuzzy); not fuzzy ↔ the current state when it is
 *   translated, reviewed or final, else `translated`. When only the flag
 *   changed, the current text is kept as it is spelled.
 * - A changed msgstr is read back as ICU: python-brace `{name}` fields
 *   become the argument as the source text spells it (`{limit, number}`),
 *   doubled braces single ones, literal text quoted where ICU needs it
 *   (translations/icu-text.ts). A plural entry becomes one ICU plural:
 *   msgstr[i] is the form of the CLDR category gettext's Plural-Forms sends
 *   to index i (gettext-plural-forms.ts, the table the target writes with),
 *   `#` for the plural argument, forms in the generator's order (exact
 *   selectors by value, then CLDR order). A form PO has no index for (an
 *   exact `=N` of no category of its own, `many` where gettext merges it
 *   into `other`, `other` where gettext has no index for it) follows the
 *   form whose text it had, else is kept as it is (`plural-form-kept`); a
 *   plural without `other` gets the last index's text.
 * - User messages: a code's entry edits its user override when the code has
 *   one, else the shared user text it names. The entries of the codes that
 *   share a text must agree (`conflicting-edits`); when only some were
 *   edited, the shared text changes for all (`shared-text`).
 * - Checks are reported against the PO (line:column, down to the `{` of a
 *   broken placeholder); an entry that fails one is not applied and the
 *   others still are (see rules.ts). What is decided is written by
 *   translations/apply.ts, shared with the XLIFF import.
 */
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation } from '../../catalog/model.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { splitPlural } from '../../emit/plural-forms.js';
import { gettextLocaleName, gettextPlurals, type GettextPlurals } from '../../targets/gettext-plural-forms.js';
import { TranslationWriter, type TranslationImportResult, type TranslationTargetOptions, type Context } from '../translations/apply.js';
import {
  AudienceRouter,
  audienceMessages,
  chooseAudience,
  importedState,
  type AudienceId,
  type Decision,
} from '../translations/audience.js';
import { partsToIcu, type IcuPart } from '../translations/icu-text.js';
import { pluralIcu } from '../translations/plural-text.js';
import { parseBraceFormat, type BracePart } from './brace.js';
import { exactSelectorOf, msgstrView, sourceView, type SourceView } from './export-view.js';
import { parsePluralForms, samePluralForms } from './plural-expression.js';
import { readPo, type At, type PoDocument, type PoEntry, type PoString } from './read-po.js';
import { PO_IMPORT_RULES, type PoImportRuleId } from './rules.js';
import { firstOfEach, reporter, sharedReporter, type Reporter } from '../translations/report.js';

export { PO_IMPORT_RULES, type PoImportRuleId } from './rules.js';
export { looksLikePo, readPo, type PoDocument, type PoEntry, type PoString } from './read-po.js';

export interface PoImportOptions extends TranslationTargetOptions {
  /** The PO as reports should name it. */
  poName: string;
  /** The locale the user asked for (--locale): the header's Language must be it; needed when the header has none. */
  locale?: string;
}

export interface PoImportResult extends TranslationImportResult {
  /** The gettext domain the file was read as: the catalog's namespace (user messages, or the only one) or its detail namespace. */
  domain?: string;
}

export interface PoHeaderResult {
  doc?: PoDocument;
  /** The catalog locale of the file; undefined when there is an error. */
  locale?: string;
  /** gettext's rule for it, as the target writes it. */
  rule?: GettextPlurals;
  /** The header entry (the file's start when it has none). */
  at: At;
  /** Why the header's Plural-Forms cannot be used for plural entries, if it cannot. */
  pluralProblem?: { message: string; at: At };
  diagnostics: Diagnostic[];
}

/**
 * The document and the checks that need no target file: a PO that reads,
 * whose Language (else --locale) is a target locale of the catalog and
 * --locale when that is given. Errors here mean nothing can be imported.
 */
export function readPoHeader(text: string, poName: string, catalog: Catalog, asked?: string): PoHeaderResult {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(PO_IMPORT_RULES, poName, diagnostics);
  const read = readPo(text);
  if (!read.ok) {
    report(`po-import/${read.rule}`, read.message, read.at);
    return { at: read.at, diagnostics };
  }
  const doc = read.doc;
  const at = doc.header?.entry.at ?? { line: 1, column: 1 };
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const listed = targets.map((l) => (gettextLocaleName(l) === l ? l : `${l} (${gettextLocaleName(l)})`)).join(', ');
  const language = doc.header?.fields.get('Language');
  let locale: string | undefined;
  if (language && language.value !== '') {
    const found = localeOfLanguage(language.value, catalog.locales);
    if (found === undefined)
      report(
        'po-import/unknown-locale',
        `Language ${JSON.stringify(language.value)} is not a target locale of the catalog (${listed}).`,
        language.at,
      );
    else if (found === catalog.sourceLocale)
      report(
        'po-import/unknown-locale',
        `Language ${JSON.stringify(language.value)} is the catalog's source locale; its texts are edited in the source files, not imported (target locales: ${listed}).`,
        language.at,
      );
    else if (asked !== undefined && asked !== found)
      report(
        'po-import/locale-mismatch',
        `Language is ${JSON.stringify(language.value)} (${found}) but --locale is ${JSON.stringify(asked)}.`,
        language.at,
      );
    else locale = found;
  } else if (asked === undefined) {
    report('po-import/unknown-locale', `The PO names no Language in its header; give its locale with --locale (one of ${listed}).`, at);
  } else if (!targets.includes(asked)) {
    report('po-import/unknown-locale', `--locale ${JSON.stringify(asked)} is not a target locale of the catalog (${listed}).`, at);
  } else {
    locale = asked;
  }
  if (locale === undefined) return { doc, at, diagnostics };
  const rule = gettextPlurals(gettextLocaleName(locale));
  if (!rule) {
    report(
      'po-import/unknown-locale',
      `gettext has no Plural-Forms for ${gettextLocaleName(locale)} (${locale}), so codebook writes no PO for it.`,
      language?.at ?? at,
    );
    return { doc, at, diagnostics };
  }
  const pluralProblem = pluralFormsProblem(doc.header?.fields.get('Plural-Forms'), rule, locale);
  return { doc, locale, rule, at, ...(pluralProblem ? { pluralProblem } : {}), diagnostics };
}

/** Why the header's Plural-Forms cannot be used for plural entries (it is not gettext's rule for the locale), if it cannot. */
function pluralFormsProblem(
  field: { value: string; at: At } | undefined,
  rule: GettextPlurals,
  locale: string,
): PoHeaderResult['pluralProblem'] {
  if (!field || field.value.replace(/\s/g, '') === rule.header.replace(/\s/g, '')) return undefined;
  const theirs = parsePluralForms(field.value);
  const ours = parsePluralForms(rule.header);
  if ('problem' in theirs)
    return { message: `The header's Plural-Forms cannot be read: ${theirs.problem}; no plural entry is imported.`, at: field.at };
  if ('problem' in ours || !samePluralForms(theirs, ours))
    return {
      message: `The header's Plural-Forms ${JSON.stringify(field.value)} does not send every count to the msgstr[N] of gettext's rule for ${gettextLocaleName(locale)} (${JSON.stringify(rule.header)}), which codebook writes and reads; no plural entry is imported.`,
      at: field.at,
    };
  return undefined;
}

/** The catalog locale a header's Language names: the tag, its gettext name, or (when one locale alone has that language) a region the catalog does not split. */
function localeOfLanguage(value: string, locales: readonly string[]): string | undefined {
  const v = value.trim();
  const exact = locales.find((l) => l === v || gettextLocaleName(l) === v || l.toLowerCase() === v.replace(/_/g, '-').toLowerCase());
  if (exact) return exact;
  const bare = v.split(/[_@.-]/)[0]!.toLowerCase();
  const same = locales.filter((l) => new Intl.Locale(l).language === bare);
  return same.length === 1 ? same[0] : undefined;
}

export function importPo(poText: string, options: PoImportOptions): PoImportResult {
  const { poName, catalog } = options;
  const diagnostics: Diagnostic[] = [];
  const report = reporter(PO_IMPORT_RULES, poName, diagnostics);
  const shared = sharedReporter(report, 'po-import');
  const header = readPoHeader(poText, poName, catalog, options.locale);
  diagnostics.push(...header.diagnostics);
  const locale = header.locale ?? '';
  const writer = new TranslationWriter(options, locale, poName, diagnostics, shared, `The PO is for ${JSON.stringify(locale)}`);
  if (!header.doc || header.locale === undefined || !header.rule || hasErrors(diagnostics)) return writer.unchanged();
  const { doc, rule } = header;
  if (!writer.open(header.at)) return writer.unchanged();
  if (header.pluralProblem && doc.entries.some((e) => e.msgidPlural))
    report('po-import/plural-forms', header.pluralProblem.message, header.pluralProblem.at, { locale });

  const audience = audienceOf(doc, catalog, poName);
  const run: PoRun = { catalog, poName, locale, rule, header, report };
  const router = new AudienceRouter(catalog, writer, locale, shared);
  importEntries(run, doc, audience, router);
  router.finish();
  return {
    ...writer.result(),
    ...(audience !== 'single' ? { domain: audience === 'detail' ? catalog.detailNamespace : catalog.namespace } : {}),
  };
}

/** One import's locale, plural rule and report, shared by its steps. */
interface PoRun {
  catalog: Catalog;
  poName: string;
  locale: string;
  /** gettext's plural rule for the locale. */
  rule: GettextPlurals;
  header: PoHeaderResult;
  report: Reporter<PoImportRuleId>;
}

/** Each entry of the audience's keys decided and routed; a PO of no key, unknown, repeated and missing keys reported. */
function importEntries(run: PoRun, doc: PoDocument, audience: AudienceId, router: AudienceRouter): void {
  const { catalog, poName, locale, header, report } = run;
  const messages = audienceMessages(catalog, audience);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const { first, repeated } = firstOfEach(doc.entries, (entry) => entry.msgctxt?.text);
  const recognised = [...first.keys()].some((key) => byKey.has(key));
  if (!recognised)
    report(
      'po-import/nothing-recognised',
      `No entry of ${poName} has a msgctxt that is a key of the catalog (${doc.entries.length} ${doc.entries.length === 1 ? 'entry' : 'entries'}): it is not a PO codebook wrote; nothing is imported.`,
      header.at,
      { locale },
    );

  for (const entry of doc.entries) {
    const key = entry.msgctxt?.text;
    const message = key === undefined ? undefined : byKey.get(key);
    if (key === undefined || !message) {
      reportUnknownEntry(run, entry);
      continue;
    }
    if (repeated.has(key)) {
      if (first.get(key) !== entry) {
        report('po-import/duplicate-entry', `Key ${key} has more than one entry; none of them is imported.`, entry.msgctxt!.at, {
          key,
          locale,
          notes: [{ message: 'first given here', place: { file: poName, ...first.get(key)!.msgctxt!.at } }],
        });
      }
      continue;
    }
    router.add(audience, message, decide(run, entry, message, message.translations[locale]), entry.at);
  }

  for (const message of recognised ? messages : []) {
    if (first.has(message.key) || 'problem' in sourceView(message, catalog.sourceLocale)) continue;
    report(
      'po-import/removed-entry',
      `Key ${message.key} has no entry in the file; its ${locale} ${audience === 'user' ? 'user message' : 'translation'} is left as it is.`,
      header.at,
      { key: message.key, locale },
    );
  }
}

/** An entry without a msgctxt, or whose msgctxt is no key of the audience. */
function reportUnknownEntry({ locale, report }: PoRun, entry: PoEntry): void {
  const key = entry.msgctxt?.text;
  const msgid = entry.msgid.text.length > 40 ? `${entry.msgid.text.slice(0, 40)}…` : entry.msgid.text;
  report(
    'po-import/unknown-entry',
    key === undefined
      ? `The entry of msgid ${JSON.stringify(msgid)} has no msgctxt (codebook's entries are keyed by it); it is not imported.`
      : `msgctxt ${JSON.stringify(key)} is not a key of the catalog; the entry is not imported.`,
    entry.msgctxt?.at ?? entry.at,
    {
      locale,
      ...(key !== undefined ? { key } : {}),
    },
  );
}

/** The msgstr values of an entry whose message PO can hold and whose fields fit it (plural or not, nplurals of them); undefined when they do not (reported). */
function entryValues(run: PoRun, entry: PoEntry, key: string, source: SourceView | { problem: string }): PoString[] | undefined {
  const { locale, rule, header, report } = run;
  const context = { key, locale };
  if ('problem' in source) {
    report(
      'po-import/entry-shape',
      `Key ${key} cannot be written in PO (${source.problem}), so its entry cannot be read back; it is not imported.`,
      entry.at,
      context,
    );
    return undefined;
  }
  if (!!source.plural !== !!entry.msgidPlural) {
    const why = source.plural
      ? `is a plural of {${source.plural.arg}}: its entry has msgid_plural and msgstr[0]…msgstr[${rule.forms.length - 1}]`
      : 'has no plural: its entry has msgstr, not msgid_plural and msgstr[N]';
    report(
      'po-import/entry-shape',
      `Key ${key} ${why}; it is not imported.`,
      entry.msgidPlural?.at ?? entry.msgstr?.at ?? entry.at,
      context,
    );
    return undefined;
  }
  if (source.plural && header.pluralProblem) return undefined;
  const values: PoString[] = source.plural ? entry.msgstrs : [entry.msgstr!];
  if (values.length !== (source.plural ? rule.forms.length : 1)) {
    report(
      'po-import/entry-shape',
      `Entry ${key} has ${values.length} msgstr[N]; ${locale} has ${rule.forms.length} plural forms (${rule.header}), msgstr[0]…msgstr[${rule.forms.length - 1}]; it is not imported.`,
      values[values.length - 1]?.at ?? entry.at,
      context,
    );
    return undefined;
  }
  return values;
}

/** An entry's update; 'unchanged' when it shows the current translation and state; undefined when it is not applied (reported). */
function decide(run: PoRun, entry: PoEntry, message: Message, current: Translation | undefined): Decision {
  const { catalog, poName, locale, rule, report } = run;
  const key = message.key;
  const context = { key, locale };
  const source = sourceView(message, catalog.sourceLocale);
  const values = entryValues(run, entry, key, source);
  if (!values || 'problem' in source) return undefined;
  const texts = values.map((v) => v.text);
  const fuzzy = entry.flags.includes('fuzzy');
  if (texts.every((t) => t === '')) {
    if (current && current.text !== '')
      report(
        'po-import/cleared-target',
        `Entry ${key} comes back with an empty msgstr; the current ${locale} translation is kept.`,
        values[0].at,
        context,
      );
    return current ? undefined : 'unchanged';
  }
  const exported = msgstrView(current, locale, source, rule);
  const sameText = exported !== undefined && exported.length === texts.length && exported.every((e, i) => e === texts[i]);
  if (sameText && fuzzy === (current?.state === 'initial')) return 'unchanged';
  const state = importedState(fuzzy, current);
  if (sameText && current) return { key, text: current.text, state };

  const empty = texts.findIndex((t) => t === '');
  if (empty >= 0) {
    const done = values.flatMap((v, i) => (v.text !== '' ? [`msgstr[${i}]`] : [])).join(', ');
    report(
      'po-import/incomplete-plural',
      `Plural entry ${key} translates ${done} but leaves msgstr[${empty}] (the ${rule.forms[empty]} form) empty; it is not imported.`,
      values[empty].at,
      context,
    );
    return undefined;
  }
  const parts = readValues(run, key, values, source, context);
  if (!parts) return undefined;
  const text = source.plural
    ? pluralText(run, parts, source.plural.arg, source, current, key, entry.at)
    : partsToIcu(icuParts(parts[0], source), false);
  // Arguments are spelled as the source spells them and literal text is quoted: what is built always parses.
  const parsed = parseMessage(text);
  if (!parsed.ok)
    throw new Error(`codebook: entry ${key} of ${poName} rebuilt as ICU that does not parse (${parsed.message}): ${JSON.stringify(text)}`);
  if (entry.msgid.text !== source.msgid || (source.plural && entry.msgidPlural?.text !== source.plural.msgidPlural))
    report(
      'po-import/stale-source',
      `Entry ${key}: the msgid is not the catalog's current ${catalog.sourceLocale} text; the translation was made for an older text. It is imported.`,
      entry.msgid.at,
      context,
    );
  return { key, text, state };
}

/** The msgstr values as literal text and argument fields, checked against the source's arguments; undefined when one fails (reported). */
function readValues({ report }: PoRun, key: string, values: PoString[], source: SourceView, context: Context): BracePart[][] | undefined {
  let ok = true;
  const name = (i: number) => (source.plural ? `msgstr[${i}]` : 'msgstr');
  const read = values.map((v, i) => {
    if (!source.brace) return [{ kind: 'text', text: v.text } as BracePart];
    const { parts, problems } = parseBraceFormat(v.text);
    for (const p of problems)
      report(
        'po-import/brace-syntax',
        `Entry ${key}: ${name(i)} has ${p.message}; python-brace-format cannot read it, and the entry is not imported.`,
        v.position(p.index),
        context,
      );
    if (problems.length > 0) ok = false;
    return parts;
  });
  if (!ok) return undefined;
  const shown = [...source.spelling.keys()];
  const used = new Set<string>();
  read.forEach((parts, i) => {
    for (const part of parts) {
      if (part.kind !== 'field') continue;
      used.add(part.name);
      if (!source.spelling.has(part.name)) {
        report(
          'po-import/placeholder-mismatch',
          `Entry ${key}: ${name(i)} uses {${part.name}}, which its source text does not (${shown.length ? `it shows ${shown.map((s) => `{${s}}`).join(', ')}` : 'it has no argument'}).`,
          values[i].position(part.index),
          context,
        );
        ok = false;
      }
    }
  });
  for (const arg of shown) {
    if (used.has(arg) || arg === source.plural?.arg) continue;
    report(
      'po-import/placeholder-mismatch',
      `Entry ${key}: the msgstr lacks {${arg}}, which its source text shows.`,
      values[0].at,
      context,
    );
    ok = false;
  }
  return ok ? read : undefined;
}

/** One ICU plural from the msgstr values (see the file comment), or plain text when the current translation is plain and every value is the same. */
function pluralText(
  { locale, rule, report }: PoRun,
  parts: BracePart[][],
  arg: string,
  source: SourceView,
  current: Translation | undefined,
  key: string,
  at: At,
): string {
  const split = current ? splitPlural(current.ast) : undefined;
  const same = parts.every((p) => JSON.stringify(p) === JSON.stringify(parts[0]));
  if (split?.kind === 'plain' && same) return partsToIcu(icuParts(parts[0], source), false);
  const currentPlural = split?.kind === 'plural' ? split.plural : undefined;
  const given = rule.forms.map(
    (category, i) =>
      [
        (currentPlural && exactSelectorOf(currentPlural, locale, rule, category)) ?? category,
        partsToIcu(icuParts(parts[i], source, arg), true, '}'),
      ] as const,
  );
  const { text, kept } = pluralIcu(arg, given, currentPlural, rule.forms[rule.forms.length - 1]);
  if (kept.length > 0) {
    report(
      'po-import/plural-form-kept',
      `Entry ${key}: PO has no msgstr for the ${kept.join(', ')} form${kept.length > 1 ? 's' : ''} of the ${locale} text, kept as ${kept.length > 1 ? 'they are' : 'it is'}; check ${kept.length > 1 ? 'they agree' : 'it agrees'} with the new text.`,
      at,
      { key, locale },
    );
  }
  return text;
}

/** Placeholder spellings: an argument as the source spells it, the plural argument in a plural form as `#`. */
function icuParts(parts: readonly BracePart[], source: SourceView, pluralArg?: string): IcuPart[] {
  return parts.map((p) => (p.kind === 'text' ? p : { kind: 'ph', equiv: p.name === pluralArg ? '#' : source.spelling.get(p.name) }));
}

/** 'user' or 'detail' for a catalog with user messages (the audience more msgids are the source texts of; a tie goes by the file name); else 'single'. */
function audienceOf(doc: PoDocument, catalog: Catalog, poName: string): 'single' | 'user' | 'detail' {
  const score = (messages: readonly Message[]) => {
    const byKey = new Map(messages.map((m) => [m.key, m]));
    let n = 0;
    for (const entry of doc.entries) {
      const message = entry.msgctxt && byKey.get(entry.msgctxt.text);
      const source = message && sourceView(message, catalog.sourceLocale);
      if (source && !('problem' in source) && source.msgid === entry.msgid.text) n++;
    }
    return n;
  };
  return chooseAudience(catalog, score, () => poName.split('/').includes(catalog.detailNamespace));
}
