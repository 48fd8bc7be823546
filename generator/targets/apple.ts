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
 */
import type { Catalog, Message } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audienceName, planEachAudience } from '../emit/audiences.js';
import { docComment } from '../emit/escape.js';
import type { PlannedFile, Target } from '../emit/target.js';
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

export const appleTarget: Target = {
  id: 'apple',
  description: 'Apple Localizable.strings/.stringsdict per .lproj and a Localizable.xcstrings String Catalog',
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) =>
      planTable(audience.catalog, audienceName('Localizable', audience, '', 'pascal'), header),
    );
  },
};

/** One strings table (`Localizable`, `LocalizableDetail`) in every locale, and its String Catalog. */
function planTable(catalog: Catalog, table: string, header: string): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const converted = convertAll(catalog, diagnostics);
  const files: PlannedFile[] = [];
  const heads = new Map<Message, string>(); // the comment and key of an entry are the same in every locale
  const headOf = (m: Message) => heads.get(m) ?? heads.set(m, stringsHead(m)).get(m)!;
  for (const locale of catalog.locales) {
    const messages = catalog.messages.flatMap((m) => {
      const c = converted.get(m.key)?.get(locale);
      return c ? [{ message: m, converted: c }] : [];
    });
    const folder = `apple/${locale}.lproj`;
    const entries = messages.map((e) => `\n${headOf(e.message)}${stringsLiteral(stringsValue(e.converted))}";`).join('\n');
    files.push({ path: `${folder}/${table}.strings`, template: 'Localizable.strings.hbs', context: { header, entries } });
    const plurals = messages.flatMap((e) => (e.converted.kind === 'plural' ? [pluralEntry(e.message, e.converted)] : []));
    if (plurals.length > 0) {
      files.push({
        path: `${folder}/${table}.stringsdict`,
        template: 'Localizable.stringsdict.hbs',
        context: { header: xmlComment(header), entries: plurals },
      });
    }
  }
  files.push({ path: `apple/${table}.xcstrings`, content: xcstringsFile(catalog, converted) });
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

/** The start of a `.strings` entry, up to the opening quote of its value: the description comment line (when it has one) and the key. */
function stringsHead(message: Message): string {
  const comment = docComment(message.description ?? '');
  return `${comment ? `/* ${comment} */\n` : ''}"${stringsLiteral(message.key)}" = "`;
}

/** The `.strings` value: plural messages show their `other` form there. */
function stringsValue(converted: AppleMessage): string {
  return converted.kind === 'plain' ? converted.value : converted.forms.find(([c]) => c === 'other')![1];
}

/** A `.stringsdict` entry: the whole message in every form, selected through one variable. */
function pluralEntry(message: Message, converted: Extract<AppleMessage, { kind: 'plural' }>) {
  return {
    key: xmlText(message.key),
    formatKey: `%${converted.position}$#@${converted.arg}@`,
    variable: converted.arg,
    valueType: INTEGER_SPECIFIER,
    forms: converted.forms.map(([category, value]) => ({ category, value: xmlText(value) })),
  };
}
