/**
 * `codebook import` of an ARB file: a translator's edited
 * `dist/flutter/app_<locale>.arb` (as the flutter target writes it, or as a
 * vendor's tool rewrites it) merged back into one locale source file. Pure:
 * texts in, the new file text, its diff and a report out.
 *
 * - The locale is `@@locale` (`zh_Hans` is zh-Hans), else --locale, else
 *   the file name (`app_ja.arb`); --locale must agree. A base-language copy
 *   the target writes (`app_zh.arb`, `@@x-copy-of: zh_Hans`) is read as the
 *   locale it copies.
 * - Keys are the identifiers of the table the target writes with
 *   (translations/identifiers.ts): `error_6014` the user message of 6014
 *   (or its one text, in a catalog without user messages),
 *   `error_detail_6014` its developer detail; one file holds both. User
 *   messages go through their unit (translations/audience.ts). `@key`
 *   metadata and `@@` fields are not messages.
 * - An entry is applied only when its value differs from what the target
 *   writes for the current translation (flutter-icu.ts arbValue). ARB has no
 *   states: an edit keeps the current state when it is translated,
 *   reviewed or final, else is `translated`.
 * - A changed value is read as gen-l10n reads it (message.ts) and rebuilt as
 *   ICU: a placeholder `{name}` is the argument as the source spells it
 *   (`{limit, number}`), the plural argument inside its plural `#`; quoted
 *   and doubled apostrophes become text, quoted again where ICU needs it.
 * - Checks are reported against the ARB (line:column, down to the `{` of a
 *   broken placeholder); an entry that fails one is not imported and the
 *   others still are (see rules.ts).
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AnyNode, MemberNode } from '@humanwhocodes/momoa';
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation } from '../../catalog/model.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { DEFAULT_IDENTIFIER_PREFIX } from '../../emit/identifiers.js';
import { pluralCategories } from '../../emit/plural-forms.js';
import { arbValue } from '../../targets/flutter-icu.js';
import {
  TranslationWriter,
  type At,
  type TranslationImportResult,
  type TranslationTargetOptions,
  type Context,
} from '../translations/apply.js';
import { AudienceRouter, audienceMessages, importedState, type AudienceId, type Decision } from '../translations/audience.js';
import { partsToIcu, type IcuPart } from '../translations/icu-text.js';
import { audienceNames, identifierIndex, targetLocaleList } from '../translations/identifiers.js';
import { memberName, readJson, type JsonDocument, type JsonText } from '../translations/json-text.js';
import { argumentSpellings, sortSelectors } from '../translations/plural-text.js';
import { parseArbMessage, type ArbNode } from './message.js';
import { ARB_IMPORT_RULES, type ArbImportRuleId } from './rules.js';
import { firstOfEach, reporter, sharedReporter, type Reporter } from '../translations/report.js';

export { ARB_IMPORT_RULES, type ArbImportRuleId } from './rules.js';
export { parseArbMessage, type ArbNode } from './message.js';

export interface ArbImportOptions extends TranslationTargetOptions {
  /** The ARB as reports should name it. */
  arbName: string;
  /** --locale. */
  locale?: string;
  /** The config's identifierPrefix (default `error_`). */
  identifierPrefix?: string;
}

export interface ArbHeader {
  doc?: JsonDocument;
  /** The message members (not `@`…), in order. */
  entries?: MemberNode[];
  locale?: string;
  at: At;
  diagnostics: Diagnostic[];
}

/** The document and the checks that need no target file: a JSON object whose locale is a target locale of the catalog. */
export function readArbHeader(text: string, arbName: string, catalog: Catalog, asked?: string): ArbHeader {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(ARB_IMPORT_RULES, arbName, diagnostics);
  const read = readJson(text);
  if (!read.ok) {
    report(`arb-import/${read.rule}`, read.message, read.at);
    return { at: read.at, diagnostics };
  }
  const { doc } = read;
  const at = doc.at(doc.root);
  if (doc.root.type !== 'Object') {
    report('arb-import/syntax', 'An ARB file is a JSON object; this is not one.', at);
    return { at, diagnostics };
  }
  const members = doc.root.members;
  const field = (name: string) => members.find((m) => memberName(m) === name);
  const targets = catalog.locales.filter((l) => l !== catalog.sourceLocale);
  const listed = targetLocaleList(catalog, (l) => (l.includes('-') ? `${l} (${l.replace(/-/g, '_')})` : l));
  const localeOf = (value: string) => catalog.locales.find((l) => l.toLowerCase() === value.replace(/_/g, '-').toLowerCase());
  const copy = field('@@x-copy-of');
  const stated = copy ?? field('@@locale');
  let locale: string | undefined;
  let where = at;
  if (stated) {
    where = doc.at(stated.value);
    const value = stated.value.type === 'String' ? stated.value.value : undefined;
    const found = value === undefined ? undefined : localeOf(value);
    const what = `${memberName(stated)} ${JSON.stringify(value ?? '')}`;
    if (found === undefined) report('arb-import/unknown-locale', `${what} is not a target locale of the catalog (${listed}).`, where);
    else if (found === catalog.sourceLocale)
      report(
        'arb-import/unknown-locale',
        `${what} is the catalog's source locale (the template); its texts are edited in the source files, not imported (target locales: ${listed}).`,
        where,
      );
    else if (asked !== undefined && asked !== found)
      report('arb-import/locale-mismatch', `${what} is ${found} but --locale is ${JSON.stringify(asked)}.`, where);
    else locale = found;
  } else {
    const fromName = /_([A-Za-z]{2,3}(?:_[A-Za-z0-9]+)*)\.arb$/i.exec(arbName)?.[1];
    const found = asked ?? (fromName === undefined ? undefined : localeOf(fromName));
    if (found === undefined)
      report('arb-import/unknown-locale', `The ARB has no "@@locale"; give its locale with --locale (one of ${listed}).`, at);
    else if (!targets.includes(found))
      report(
        'arb-import/unknown-locale',
        `${asked !== undefined ? `--locale ${JSON.stringify(asked)}` : `The file name's locale ${fromName}`} is not a target locale of the catalog (${listed}).`,
        at,
      );
    else locale = found;
  }
  const entries = members.filter((m) => !memberName(m).startsWith('@'));
  return { doc, entries, ...(locale !== undefined ? { locale } : {}), at: where, diagnostics };
}

export function importArb(text: string, options: ArbImportOptions): TranslationImportResult {
  const { arbName, catalog } = options;
  const prefix = options.identifierPrefix ?? DEFAULT_IDENTIFIER_PREFIX;
  const diagnostics: Diagnostic[] = [];
  const report = reporter(ARB_IMPORT_RULES, arbName, diagnostics);
  const shared = sharedReporter(report, 'arb-import');
  const header = readArbHeader(text, arbName, catalog, options.locale);
  diagnostics.push(...header.diagnostics);
  const locale = header.locale ?? '';
  const writer = new TranslationWriter(options, locale, arbName, diagnostics, shared, `The ARB is for ${JSON.stringify(locale)}`);
  if (!header.doc || !header.entries || header.locale === undefined || hasErrors(diagnostics)) return writer.unchanged();
  const { doc, entries } = header;
  if (!writer.open(header.at)) return writer.unchanged();

  const run: ArbRun = { catalog, arbName, prefix, locale, doc, header, report };
  const index = identifierIndex(catalog, prefix);
  const { first, repeated } = firstOfEach(entries, memberName);
  const present = new Set<AudienceId>([...first.keys()].flatMap((n) => (index.has(n) ? [index.get(n)!.audience] : [])));
  if (present.size === 0) return nothingRecognised(run, entries) ? writer.unchanged() : writer.result();

  const router = new AudienceRouter(catalog, writer, locale, shared);
  for (const m of entries) {
    const name = memberName(m);
    const found = index.get(name);
    const at = doc.at(m.name);
    if (!found) {
      report('arb-import/unknown-entry', `${name} is not an identifier of the catalog; the entry is not imported.`, at, { locale });
      continue;
    }
    const { message, audience } = found;
    if (repeated.has(name)) {
      if (first.get(name) !== m)
        report('arb-import/duplicate-entry', `${name} (key ${message.key}) is given more than once; none of them is imported.`, at, {
          key: message.key,
          locale,
          notes: [{ message: 'first given here', place: { file: arbName, ...doc.at(first.get(name)!.name) } }],
        });
      continue;
    }
    router.add(audience, message, decide(run, name, m.value, message, message.translations[locale]), at);
  }
  reportRemoved(run, present, new Set(first.keys()));
  router.finish();
  return writer.result();
}

/** One import's document, locale and report, shared by its steps. */
interface ArbRun {
  catalog: Catalog;
  arbName: string;
  /** The identifier prefix (`error_`). */
  prefix: string;
  locale: string;
  doc: JsonDocument;
  header: ArbHeader;
  report: Reporter<ArbImportRuleId>;
}

/** Whether the flutter target writes the message's text in the locale. */
function writtenIn(message: Message, locale: string): boolean {
  const t = message.translations[locale];
  return t !== undefined && typeof arbValue(t.ast, locale) === 'string';
}

/** An ARB none of whose keys is an identifier of the catalog: an error (reported) unless it and the locale's texts are both empty. */
function nothingRecognised({ catalog, arbName, locale, header, report }: ArbRun, entries: MemberNode[]): boolean {
  const expected = catalog.userMessages ? [...catalog.userMessages, ...catalog.messages] : catalog.messages;
  if (entries.length === 0 && !expected.some((m) => writtenIn(m, locale))) return false;
  report(
    'arb-import/nothing-recognised',
    `No key of ${arbName} is an identifier of the catalog (${entries.length} ${entries.length === 1 ? 'message' : 'messages'}): it is not an ARB codebook wrote; nothing is imported.`,
    header.at,
    { locale },
  );
  return true;
}

/** The keys of the audiences the file holds that the target writes but the file lacks: their translations are left as they are. */
function reportRemoved({ catalog, prefix, locale, header, report }: ArbRun, present: Set<AudienceId>, given: Set<string>): void {
  for (const audience of present) {
    const names = audienceNames(catalog, prefix, audience);
    for (const message of audienceMessages(catalog, audience)) {
      const name = names.get(message.key);
      if (name === undefined || given.has(name) || !writtenIn(message, locale)) continue;
      report(
        'arb-import/removed-entry',
        `Key ${message.key} has no entry ${name} in the ARB; its ${locale} ${audience === 'user' ? 'user message' : 'translation'} is left as it is.`,
        header.at,
        { key: message.key, locale },
      );
    }
  }
}

function decide(run: ArbRun, name: string, node: AnyNode, message: Message, current: Translation | undefined): Decision {
  const { arbName, locale, doc, report } = run;
  const key = message.key;
  const context = { key, locale };
  if (node.type !== 'String') {
    report('arb-import/entry-shape', `${name} (key ${key}) is not a string; it is not imported.`, doc.at(node), context);
    return undefined;
  }
  const value = doc.string(node);
  const exported = current ? arbValue(current.ast, locale) : undefined;
  if (exported === value.text) return 'unchanged';
  if (value.text === '') {
    if (current && current.text !== '')
      report(
        'arb-import/cleared-target',
        `${name} (key ${key}) comes back empty; the current ${locale} translation is kept.`,
        value.at,
        context,
      );
    return current ? undefined : 'unchanged';
  }
  const parsed = parseArbMessage(value.text);
  if (!parsed.ok) {
    report('arb-import/icu-syntax', `${name} (key ${key}): ${parsed.message}; it is not imported.`, value.position(parsed.index), context);
    return undefined;
  }
  const text = icuOf(run, name, message, parsed.nodes, value, context);
  if (text === undefined) return undefined;
  const check = parseMessage(text);
  if (!check.ok)
    throw new Error(`codebook: ${name} of ${arbName} rebuilt as ICU that does not parse (${check.message}): ${JSON.stringify(text)}`);
  return { key, text, state: importedState(false, current) };
}

/** The ICU source of a value read as gen-l10n reads it; undefined when a check fails (reported). */
function icuOf(run: ArbRun, name: string, message: Message, nodes: ArbNode[], value: JsonText, context: Context): string | undefined {
  const { catalog, locale, report } = run;
  const key = message.key;
  const sourceAst = message.translations[catalog.sourceLocale]?.ast ?? [];
  const spelling = argumentSpellings(sourceAst);
  const selectors = new Set<string>(selectorArgs(sourceAst));
  const shown = [...spelling.keys()];
  const used = new Set<string>();
  let ok = true;
  const problem = (ruleId: ArbImportRuleId, text: string, index: number) => {
    report(ruleId, `${name} (key ${key}): ${text}; it is not imported.`, value.position(index), context);
    ok = false;
  };
  const known = (arg: string, index: number) => {
    used.add(arg);
    if (!spelling.has(arg))
      problem(
        'arb-import/placeholder-mismatch',
        `{${arg}} is no argument its source text shows (${shown.length ? `it shows ${shown.map((s) => `{${s}}`).join(', ')}` : 'it has none'})`,
        index,
      );
  };
  const print = (list: ArbNode[], pluralArg: string | undefined, followedBy: string): string => {
    const parts = list.map((n): IcuPart => {
      if (n.kind === 'text') return n;
      known(n.kind === 'arg' ? n.name : n.arg, n.index);
      if (n.kind === 'arg') return { kind: 'ph', equiv: n.name === pluralArg ? '#' : spelling.get(n.name) };
      for (const p of caseProblems(n, locale)) problem('arb-import/plural-category', p.text, p.index);
      const options =
        n.type === 'plural'
          ? sortSelectors(n.options.map((o) => o.selector)).map((s) => n.options.find((o) => o.selector === s)!)
          : n.options;
      const inner = options.map((o) => `${o.selector} {${print(o.body, n.type === 'plural' ? n.arg : undefined, '}')}}`).join(' ');
      return { kind: 'ph', equiv: `{${n.arg}, ${n.type}, ${inner}}` };
    });
    return partsToIcu(parts, pluralArg !== undefined, followedBy);
  };
  const text = print(nodes, undefined, '');
  for (const arg of shown) {
    if (used.has(arg) || selectors.has(arg)) continue;
    report(
      'arb-import/placeholder-mismatch',
      `${name} (key ${key}) lacks {${arg}}, which its source text shows; it is not imported.`,
      value.at,
      context,
    );
    ok = false;
  }
  return ok ? text : undefined;
}

/** What gen-l10n refuses in the cases of a plural or select: a case given twice, a plural case no category of the locale nor =0, =1, =2, no "other". */
function caseProblems(n: Extract<ArbNode, { kind: 'choice' }>, locale: string): { text: string; index: number }[] {
  const categories = pluralCategories(locale);
  const problems: { text: string; index: number }[] = [];
  const seen = new Set<string>();
  for (const o of n.options) {
    if (seen.has(o.selector)) problems.push({ text: `the case ${o.selector} is given twice`, index: o.index });
    seen.add(o.selector);
    if (n.type !== 'plural') continue;
    if (o.selector.startsWith('=') ? !/^=[012]$/.test(o.selector) : !categories.includes(o.selector)) {
      problems.push({
        text: o.selector.startsWith('=')
          ? `gen-l10n accepts only =0, =1 and =2, not ${o.selector}`
          : `${o.selector} is no CLDR plural category of ${locale} (${categories.join(', ')})`,
        index: o.index,
      });
    }
  }
  if (!seen.has('other')) problems.push({ text: `{${n.arg}, ${n.type}, …} has no "other" case`, index: n.index });
  return problems;
}

/** The arguments a text selects a plural form by (a translation need not show them). */
function selectorArgs(elements: readonly MessageFormatElement[], out: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === TYPE.plural) out.push(el.value);
    if ('options' in el) for (const option of Object.values(el.options)) selectorArgs(option.value, out);
  }
  return out;
}
