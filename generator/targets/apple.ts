/**
 * Apple bundles: `apple/<locale>.lproj/Localizable.strings` for every locale
 * (the source locale holds every key, the others their translated keys),
 * `Localizable.stringsdict` beside it for the locales that have plural
 * messages, and one `apple/Localizable.xcstrings` String Catalog holding all
 * of it. An app ships either the `.lproj` files or the catalog, not both
 * (Xcode compiles the catalog into the same two tables).
 *
 * Keys are the message keys (`6014`, `-302`, `120001-130000`, `unknown`).
 * Every value is a format string (see apple-format.ts): apps always pass it
 * through `String.localizedStringWithFormat` (a literal `%` is `%%`). A plural
 * key is also written to `.strings` with its `other` form, so a lookup that
 * misses the `.stringsdict` (which takes precedence) still shows a sentence.
 *
 * Two audiences (emit/audiences.ts): the user messages are the `Localizable`
 * table (what `NSLocalizedString` reads by default), the developer details
 * the `LocalizableDetail` table (`LocalizableDetail.strings`, `.stringsdict`,
 * `.xcstrings`; `NSLocalizedString(key, tableName: "LocalizableDetail", …)`).
 *
 * Templates: each file has its template (`Localizable.strings.hbs`,
 * `Localizable.stringsdict.hbs`, `Localizable.xcstrings.hbs`) and an entry
 * template rendered once per key (`entry.strings.hbs`, `entry.stringsdict.hbs`,
 * `entry.xcstrings.hbs`) from a context whose values are escaped here for
 * their file; all can be overridden, templates/apple/README.md documents the
 * contexts. An overridden String Catalog is parsed before it is written.
 */
import type { Catalog, Message } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audienceName, planEachAudience } from '../emit/audiences.js';
import { docComment } from '../emit/escape.js';
import type { PlannedFile, Target, TargetPlan } from '../emit/target.js';
import { unrepresentable } from '../emit/unrepresentable.js';
import {
  appleConversion,
  INTEGER_SPECIFIER,
  stringsLiteral,
  unwritableChar,
  xmlComment,
  xmlText,
  type AppleMessage,
} from './apple-format.js';
import { xcstringsFile } from './apple-xcstrings.js';

/** What `templates/apple/Localizable.strings.hbs` renders (besides `entries`, the rendered keys joined by a blank line). */
export interface StringsFileContext {
  /** The generated-file notice, one line, for a `//` comment (the `slash-header` partial prints it). */
  header: string;
}

/**
 * What `templates/apple/entry.strings.hbs` renders: one key of a `.strings`
 * file. Every string but `messageKey` is escaped for its place, so a
 * template prints fields as they are.
 */
export interface StringsEntryContext {
  /** The catalog key as it is, for branching only (`{{#if (eq messageKey "6014")}}`); print `key`. */
  messageKey: string;
  /** The key, escaped for a `.strings` quoted string (without its quotes). */
  key: string;
  /** The format string, escaped for a `.strings` quoted string (without its quotes); a plural key's `other` form. */
  value: string;
  /** The description, one line safe inside a slash-star comment, or empty when the message has none. */
  comment: string;
  /** True when the key is plural: the `.stringsdict` beside the file holds its forms, which take precedence over `value`. */
  plural: boolean;
}

/** What `templates/apple/Localizable.stringsdict.hbs` renders (besides `entries`, the rendered keys joined by newlines). */
export interface StringsdictFileContext {
  /** The generated-file notice, escaped for an XML comment. */
  header: string;
}

/** What `templates/apple/entry.stringsdict.hbs` renders: one plural key. Every string but `messageKey` is XML text already. */
export interface StringsdictEntryContext {
  /** The catalog key as it is, for branching only; print `key`. */
  messageKey: string;
  /** The key, escaped as XML text. */
  key: string;
  /** `NSStringLocalizedFormatKey`: the whole message as one variable, `%1$#@count@` (position and name of the plural argument). */
  formatKey: string;
  /** The variable's name, the plural argument (an ASCII identifier): `count`. */
  variable: string;
  /** `NSStringFormatValueTypeKey`, the printf conversion of the count without `%`: `lld`. */
  valueType: string;
  /** One form per CLDR category of the locale in CLDR order (`zero` first when `=0` is given), each value escaped as XML text. */
  forms: { category: string; value: string }[];
}

export const appleTarget: Target = {
  id: 'apple',
  description: 'Apple Localizable.strings/.stringsdict per .lproj and a Localizable.xcstrings String Catalog',
  entriesByKey: true,
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) =>
      planTable(audience.catalog, audienceName('Localizable', audience, '', 'pascal'), header),
    );
  },
};

/** One strings table (`Localizable`, `LocalizableDetail`) in every locale, and its String Catalog. */
function planTable(catalog: Catalog, table: string, header: string): TargetPlan {
  const diagnostics: Diagnostic[] = [];
  const converted = convertAll(catalog, diagnostics);
  const files: PlannedFile[] = [];
  const heads = new Map<Message, Head>(); // the key and comment of an entry are the same in every locale
  const headOf = (m: Message) => heads.get(m) ?? heads.set(m, headFor(m)).get(m)!;
  for (const locale of catalog.locales) {
    const messages = catalog.messages.flatMap((m) => {
      const c = converted.get(m.key)?.get(locale);
      return c ? [{ message: m, converted: c }] : [];
    });
    const folder = `apple/${locale}.lproj`;
    const strings: StringsFileContext = { header };
    files.push({
      path: `${folder}/${table}.strings`,
      template: 'Localizable.strings.hbs',
      context: strings,
      entries: {
        template: 'entry.strings.hbs',
        field: 'entries',
        separator: '\n\n',
        contexts: messages.map((e) => stringsEntry(headOf(e.message), e.converted)),
        keys: messages.map((e) => e.message.key),
        builtIn: stringsEntryText,
      },
    });
    const plurals = messages.flatMap((e) =>
      e.converted.kind === 'plural' ? [{ key: e.message.key, context: pluralEntry(e.message, e.converted) }] : [],
    );
    if (plurals.length > 0) {
      const stringsdict: StringsdictFileContext = { header: xmlComment(header) };
      files.push({
        path: `${folder}/${table}.stringsdict`,
        template: 'Localizable.stringsdict.hbs',
        context: stringsdict,
        entries: {
          template: 'entry.stringsdict.hbs',
          field: 'entries',
          contexts: plurals.map((p) => p.context),
          keys: plurals.map((p) => p.key),
          builtIn: stringsdictEntryText,
        },
      });
    }
  }
  files.push(xcstringsFile(catalog, converted, `apple/${table}.xcstrings`));
  return { files, diagnostics };
}

/** Converted messages by key and locale; what cannot be written becomes a diagnostic and is left out. */
function convertAll(catalog: Catalog, diagnostics: Diagnostic[]): Map<string, Map<string, AppleMessage>> {
  const all = new Map<string, Map<string, AppleMessage>>();
  for (const message of catalog.messages) {
    const byLocale = new Map<string, AppleMessage>();
    for (const locale of catalog.locales) {
      const converted = appleConversion(message, locale);
      if (!converted) continue;
      const why = converted.ok ? characterProblem(converted.value) : converted.why;
      if (why !== undefined) diagnostics.push(unrepresentable('apple', message, locale, why));
      else if (converted.ok) byLocale.set(locale, converted.value);
    }
    all.set(message.key, byLocale);
  }
  return all;
}

/** A character one of the files this message goes to cannot carry (plural forms also go to XML). */
function characterProblem(converted: AppleMessage): string | undefined {
  const texts = converted.kind === 'plain' ? [converted.value] : converted.forms.map(([, v]) => v);
  for (const text of texts) {
    const char = unwritableChar(text, converted.kind === 'plural' ? 'xml' : 'utf8');
    if (char) return `the character ${char} cannot be written to ${converted.kind === 'plural' ? '.stringsdict XML' : 'a UTF-8 file'}`;
  }
  return undefined;
}

type Head = Pick<StringsEntryContext, 'messageKey' | 'key' | 'comment'>;

/** The part of a `.strings` entry that is the same in every locale. */
function headFor(message: Message): Head {
  return { messageKey: message.key, key: stringsLiteral(message.key), comment: docComment(message.description ?? '') };
}

/** A `.strings` entry: plural messages show their `other` form there. */
function stringsEntry(head: Head, converted: AppleMessage): StringsEntryContext {
  const plural = converted.kind === 'plural';
  const value = plural ? converted.forms.find(([c]) => c === 'other')![1] : converted.value;
  return { messageKey: head.messageKey, key: head.key, comment: head.comment, value: stringsLiteral(value), plural };
}

/**
 * templates/apple/entry.strings.hbs in TypeScript, for when it is not
 * overridden (handlebars per key costs about 1.3 s more at 100k keys × 3 locales);
 * test/targets/apple.test.ts renders every key both ways.
 */
export function stringsEntryText(e: StringsEntryContext): string {
  return `${e.comment ? `/* ${e.comment} */\n` : ''}"${e.key}" = "${e.value}";`;
}

/** A `.stringsdict` entry: the whole message in every form, selected through one variable. */
function pluralEntry(message: Message, converted: Extract<AppleMessage, { kind: 'plural' }>): StringsdictEntryContext {
  return {
    messageKey: message.key,
    key: xmlText(message.key),
    formatKey: `%${converted.position}$#@${converted.arg}@`,
    variable: converted.arg,
    valueType: INTEGER_SPECIFIER,
    forms: converted.forms.map(([category, value]) => ({ category, value: xmlText(value) })),
  };
}

/** templates/apple/entry.stringsdict.hbs in TypeScript (see stringsEntryText). */
export function stringsdictEntryText(e: StringsdictEntryContext): string {
  const forms = e.forms.map((f) => `\t\t\t<key>${f.category}</key>\n\t\t\t<string>${f.value}</string>\n`).join('');
  return (
    `\t<key>${e.key}</key>\n\t<dict>\n\t\t<key>NSStringLocalizedFormatKey</key>\n\t\t<string>${e.formatKey}</string>\n` +
    `\t\t<key>${e.variable}</key>\n\t\t<dict>\n\t\t\t<key>NSStringFormatSpecTypeKey</key>\n\t\t\t<string>NSStringPluralRuleType</string>\n` +
    `\t\t\t<key>NSStringFormatValueTypeKey</key>\n\t\t\t<string>${e.valueType}</string>\n${forms}\t\t</dict>\n\t</dict>`
  );
}
