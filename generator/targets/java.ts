/**
 * Java ResourceBundle `.properties`: `java/<Base>.properties` is the root
 * bundle in the source locale (every key), `java/<Base>_<suffix>.properties`
 * holds each other locale's translated keys, named as
 * `ResourceBundle.Control.toBundleName` names them (`_ja`, `_zh_Hans`,
 * `_pt_BR`). `<Base>` is the namespace in PascalCase (`errors` → `Errors`).
 * An empty `<Base>_<source language>` (`Errors_en`) makes `getBundle` stop
 * there instead of trying the JVM default locale before the root.
 *
 * Keys are the message keys (`6014`, `-302`, `120001-130000`, `unknown`).
 * Which values are `java.text.MessageFormat` patterns is the config's
 * `java.messageFormat`:
 *
 * - `with-arguments` (the default): the values of messages with arguments
 *   (every key of a plural group included) are patterns; the others are the
 *   catalog text as it is (`It's`, `{literal}`), what `getString()` and
 *   Spring's `MessageSource` with its default `alwaysUseMessageFormat=false`
 *   (MessageFormat only when arguments are given) show unchanged.
 * - `always`: every value is a pattern, to be formatted even without
 *   arguments (`It''s`, `'{'literal'}'`): for code that formats every
 *   message, such as Spring with `alwaysUseMessageFormat=true`.
 *
 * In a pattern, arguments are `{i}`, i = the message's
 * parameter position from 0 (placeholders.ts); `{n, number}` and `#` →
 * `{i,number}`, date/time styles short…full kept. A plain
 * `{code}` formats a Number with grouping (`424,242`): pass such codes as
 * strings.
 *
 * Plurals: java.text has no CLDR plural rules and ChoiceFormat cannot say
 * `few`/`many` (ru: n % 10), so a message that is plural in any locale is a
 * group of keys in every bundle that has it: `<key>.locale` (the locale whose
 * rules pick the form), `<key>.=N` for each exact selector any locale uses
 * (the locale's own `=N` text, else the form of N's category), and
 * `<key>.<category>` for each CLDR category of the locale. Lookup (CLDR
 * rules from ICU4J or the like):
 *
 *   if (b.containsKey(key + ".locale")) {
 *     String exact = key + ".=" + n;
 *     pattern = b.containsKey(exact) ? b.getString(exact) : b.getString(key + "." +
 *         PluralRules.forLocale(Locale.forLanguageTag(b.getString(key + ".locale"))).select(n));
 *   } else pattern = b.getString(key);
 *
 * Each group lives whole in one bundle, so all three resolve there even when
 * the requested locale falls back to the root. A select, several plurals, an
 * offset, an ordinal or an ICU skeleton cannot be written: an error.
 *
 * Two audiences (emit/audiences.ts): the user messages are the `Errors`
 * bundle, the developer details the bundle of the detail namespace
 * (`errors-detail` → `ErrorsDetail`).
 *
 * Templates: `bundle.properties.hbs` is the file, `entry.properties.hbs` one
 * message's block (its comment and `key=value` lines), rendered from a
 * BundleEntryContext (every text in it is already escaped here); both can be
 * overridden, templates/java/README.md documents their contexts.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalog, Message } from '../catalog/model.js';
import type { JavaMessageFormat } from '../config/load-config.js';
import { planEachAudience } from '../emit/audiences.js';
import { lazyEntries } from '../emit/lazy-entries.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messageComment } from '../emit/message-notes.js';
import { pascalCase } from '../emit/naming.js';
import { argumentPositions } from '../emit/placeholders.js';
import { formFor, pluralCategories, splitPlural, type PluralSplit } from '../emit/plural-forms.js';
import { argumentOf, pluralFormFor, pluralShapeOf, type PluralShape } from '../emit/plural-shape.js';
import { cannot, converted, localeUnrepresentable, unrepresentable, type Converted } from '../emit/unrepresentable.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { patternText, propertiesComment, propertiesKey, propertiesValue } from './java-escape.js';

type Entry = [key: string, pattern: string];

/**
 * What `templates/java/entry.properties.hbs` renders: one translated
 * message's block, its comment and its `key=value` lines. Every string is
 * already escaped for `Properties.load` (ASCII, `\uXXXX` beyond), so a
 * template prints fields as they are.
 */
export interface BundleEntryContext {
  /** The message's key in the catalog (`6014`, `-302`), as it is: for `{{#if (eq messageKey "6014")}}`; the escaped keys are in `properties`. */
  messageKey: string;
  /** The message's comment (key, section, description): one line, escaped for a `#` comment; the same in every bundle. */
  comment: string;
  /** True when the values are java.text.MessageFormat patterns (`java.messageFormat`: `always`, or the message takes arguments), false when they are plain text. */
  pattern: boolean;
  /** True when the message is a plural key group (`<key>.locale`, `<key>.=N`, `<key>.<category>`), false for one `key=value`. */
  plural: boolean;
  /** The `key=value` lines, in order: `key` escaped as a `.properties` key, `value` as a `.properties` value. */
  properties: { key: string; value: string }[];
}

/** What `templates/java/bundle.properties.hbs` renders (besides `entries`, the rendered entries joined by a blank line). */
export interface BundleFileContext {
  /** The generated-file header, escaped for a `#` comment. */
  header: string;
  /** Notes for the top of the file, each escaped for a `#` comment. */
  notes: string[];
}

export const javaTarget: Target = {
  id: 'java',
  description: 'Java ResourceBundle .properties files with java.text.MessageFormat patterns',
  entriesByKey: true,
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) => planBundle(audience.catalog, header, config.java.messageFormat));
  },
};

/** Whether a message's values are MessageFormat patterns (else plain text) under a `java.messageFormat` setting. */
export function isPatternMessage(message: Pick<Message, 'params'>, mode: JavaMessageFormat): boolean {
  return mode === 'always' || message.params.length > 0;
}

/** The note at the top of each bundle with `with-arguments`: which values to format. */
const WITH_ARGUMENTS_NOTE =
  "Values of messages with arguments are java.text.MessageFormat patterns (format them: '' is one quote); the others are plain text, as getString() returns them.";

/** One bundle family (`Errors`, `Errors_ja`…), named after the catalog's namespace. */
function planBundle(catalog: Catalog, header: string, mode: JavaMessageFormat): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const base = pascalCase(catalog.namespace);
  const diagnostics: Diagnostic[] = [];
  const files: PlannedFile[] = [];
  const file = (name: string, notes: string[], { keys, written, contextOf }: BundleEntries) => {
    const context: BundleFileContext = { header: propertiesComment(header), notes: notes.map(propertiesComment) };
    files.push({
      path: `java/${name}.properties`,
      template: 'bundle.properties.hbs',
      context,
      entries: lazyEntries(
        { template: 'entry.properties.hbs', field: 'entries', keys, separator: '\n\n', builtIn: entryText },
        written,
        contextOf,
      ),
    });
  };
  if (!/^[A-Za-z_$][\w$]*$/.test(base)) {
    diagnostics.push({
      ruleId: 'java/unrepresentable',
      severity: 'error',
      target: 'java',
      locale: catalog.sourceLocale,
      message: `The namespace ${catalog.namespace} gives no Java bundle name (${base}).`,
    });
  }
  const plurals = new Map(catalog.messages.map((m) => [m.key, pluralShapeOf(m, catalog.locales)]));
  const comments = new Map<Message, string>(); // a message's comment is the same in every bundle
  const owners = new Map<string, string>();
  for (const locale of catalog.locales) {
    const suffix = locale === catalog.sourceLocale ? '' : bundleSuffix(locale);
    if (suffix === undefined)
      diagnostics.push(
        localeUnrepresentable('java', locale, 'it has no Java bundle name (extensions and private use are not part of one)'),
      );
    else if (owners.has(suffix))
      diagnostics.push(
        localeUnrepresentable('java', locale, `${owners.get(suffix)} and ${locale} both give the Java bundle ${base}${suffix}`),
      );
    if (suffix === undefined || owners.has(suffix)) continue;
    owners.set(suffix, locale);
    file(
      `${base}${suffix}`,
      mode === 'always' ? [] : [WITH_ARGUMENTS_NOTE],
      entryContextsOf(catalog.messages, locale, plurals, comments, mode, diagnostics),
    );
  }
  const stub = bundleSuffix(new Intl.Locale(catalog.sourceLocale).language);
  const note = `Empty on purpose: getBundle for ${catalog.sourceLocale} stops here and reads the root bundle instead of trying the JVM default locale first.`;
  if (stub && !owners.has(stub))
    file(`${base}${stub}`, [note], {
      keys: [],
      written: [],
      contextOf: () => {
        throw new Error('codebook: the empty bundle has no entries');
      },
    });
  return { files, diagnostics };
}

/** A message a bundle writes, with its converted entries (escaped when the bundle is rendered). */
interface WrittenMessage {
  message: Message;
  entries: Entry[];
}

interface BundleEntries {
  keys: string[];
  written: WrittenMessage[];
  contextOf(written: WrittenMessage): BundleEntryContext;
}

/**
 * One bundle's entries: the keys of the translated messages that can be
 * written (the others reported here, at plan time), and their contexts, built
 * when the bundle is rendered (emit/lazy-entries.ts); two messages never
 * share a key.
 */
function entryContextsOf(
  messages: readonly Message[],
  locale: string,
  plurals: ReadonlyMap<string, PluralShape | undefined>,
  comments: Map<Message, string>,
  mode: JavaMessageFormat,
  diagnostics: Diagnostic[],
): BundleEntries {
  const written: WrittenMessage[] = [];
  const keys: string[] = [];
  // Never hit, so each entry stays its key's alone: message keys hold no "." (unsafe-keys.ts), a plural group's keys all do.
  const taken = new Set<string>();
  for (const message of messages) {
    if (!message.translations[locale]) continue;
    const converted = entriesOf(message, locale, plurals.get(message.key), mode);
    const clash = converted.ok ? converted.value.find(([key]) => taken.has(key)) : undefined;
    if (!converted.ok || clash) {
      diagnostics.push(
        unrepresentable('java', message, locale, converted.ok ? `its key ${clash![0]} is taken by another message` : converted.why),
      );
      continue;
    }
    for (const [key] of converted.value) taken.add(key);
    written.push({ message, entries: converted.value });
    keys.push(message.key);
  }
  const contextOf = ({ message, entries }: WrittenMessage): BundleEntryContext => {
    const plural = plurals.get(message.key) !== undefined;
    return {
      messageKey: message.key,
      comment: commentOf(message, comments),
      pattern: plural || isPatternMessage(message, mode),
      plural,
      properties: entries.map(([key, value]) => ({ key: propertiesKey(key), value: propertiesValue(value) })),
    };
  };
  return { keys, written, contextOf };
}

/**
 * templates/java/entry.properties.hbs in TypeScript, for when it is not
 * overridden (handlebars per entry costs about a second at 100k keys);
 * test/targets/java.test.ts renders every entry both ways.
 */
export function entryText(e: BundleEntryContext): string {
  let text = `# ${e.comment}`;
  for (const p of e.properties) text += `\n${p.key}=${p.value}`;
  return text;
}

function commentOf(message: Message, comments: Map<Message, string>): string {
  let comment = comments.get(message);
  if (comment === undefined) {
    comment = propertiesComment(messageComment(message));
    comments.set(message, comment);
  }
  return comment;
}

/** `_ja`, `_zh_Hans`, `_pt_BR`, `_es_419`: the bundle-name suffix Java derives from the tag, or undefined for extensions. */
export function bundleSuffix(tag: string): string | undefined {
  if (/-[a-wyz]-|^x-|-x-/i.test(tag)) return undefined;
  const locale = new Intl.Locale(tag);
  const variants = tag.split('-').filter((s, i) => i > 0 && (/^[a-z\d]{5,8}$/i.test(s) || /^\d[a-z\d]{3}$/i.test(s)));
  return ['', locale.language, locale.script, locale.region, variants.join('_')].filter((s, i) => i === 0 || s).join('_') || undefined;
}

/** A message's entries in one locale: its key, or (plural in any locale, pluralShapeOf) its key group. */
function entriesOf(message: Message, locale: string, plural: PluralShape | undefined, mode: JavaMessageFormat): Converted<Entry[]> {
  const ast = message.translations[locale].ast;
  const split = splitPlural(ast);
  if (split.kind === 'unsupported') return cannot(`MessageFormat has no syntax for ${split.reason}`);
  if (!plural) {
    const pattern = isPatternMessage(message, mode) ? patternOf(ast, message) : plainTextOf(ast);
    return pattern.ok ? converted([[message.key, pattern.value]]) : pattern;
  }
  if (split.kind === 'plural' && split.plural.arg !== plural.arg)
    return cannot(`its plural is on {${split.plural.arg}}, another locale's on {${plural.arg}}`);
  const forms: PluralSplit = split.kind === 'plural' ? split.plural : { arg: plural.arg, forms: new Map([['other', ast]]) };
  const selected: [string, MessageFormatElement[]][] = [
    ...plural.exact.map((n): [string, MessageFormatElement[]] => [`=${n}`, pluralFormFor(forms, `=${n}`, locale)]),
    ...pluralCategories(locale).map((c): [string, MessageFormatElement[]] => [c, formFor(forms, c)]),
  ];
  const entries: Entry[] = [[`${message.key}.locale`, patternText(locale)]];
  for (const [selector, elements] of selected) {
    const pattern = patternOf(elements, message, plural.arg);
    if (!pattern.ok) return pattern;
    entries.push([`${message.key}.${selector}`, pattern.value]);
  }
  return converted(entries);
}

/** The text of a message without arguments, as it is: only literal parts (an argument would be undeclared). */
function plainTextOf(elements: readonly MessageFormatElement[]): Converted<string> {
  let out = '';
  for (const el of elements) {
    if (el.type !== TYPE.literal) return cannot(`a message without arguments has an ICU element (type ${el.type})`);
    out += el.value;
  }
  return converted(out);
}

const NUMBER_STYLES = ['integer', 'percent', 'currency'];
const DATE_STYLES = ['short', 'medium', 'long', 'full'];

/** A MessageFormat pattern from ICU parts; `#` is the plural argument as a number. */
function patternOf(elements: readonly MessageFormatElement[], message: Message, quantity?: string): Converted<string> {
  const positions = argumentPositions(message);
  let out = '';
  let literal = ''; // the parser may split one run of text into several elements; quoting must see it whole
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      literal += el.value;
      continue;
    }
    out += patternText(literal);
    literal = '';
    const arg = argumentOf(el, quantity);
    if (arg === undefined || !positions.has(arg)) return cannot(`MessageFormat has no syntax for this ICU element (type ${el.type})`);
    const index = positions.get(arg)! - 1;
    const style = 'style' in el && el.style ? el.style : undefined;
    if (style !== undefined && (typeof style !== 'string' || !(el.type === TYPE.number ? NUMBER_STYLES : DATE_STYLES).includes(style))) {
      return cannot(`the style of {${arg}} has no MessageFormat equivalent`);
    }
    const type =
      el.type === TYPE.pound || el.type === TYPE.number
        ? 'number'
        : el.type === TYPE.date
          ? 'date'
          : el.type === TYPE.time
            ? 'time'
            : undefined;
    out += `{${[index, type, style].filter((p) => p !== undefined).join(',')}}`;
  }
  return converted(out + patternText(literal));
}
