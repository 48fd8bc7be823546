/**
 * Semantic checks the schemas cannot express, on the merged catalog: ICU
 * syntax (and the parsed form every target converts from), parameters that
 * agree with the registry in every locale, the plural categories each
 * locale needs (from Intl.PluralRules), and completeness. Fills each
 * translation's `ast`; reports everything it finds in one pass.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Gap } from './merge.js';
import { placeOf } from './origin.js';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, parseMessage, pluralsOf } from './icu.js';
import type { Catalog, Message, Origin, ParamType, Translation, UserText } from './model.js';
import { pushTo } from '../multimap.js';
import { didYouMean } from '../did-you-mean.js';

/** Which declared types accept which uses in a message. */
const COMPATIBLE: Record<ParamType, readonly ParamType[]> = {
  string: ['string', 'select'],
  select: ['select', 'string'],
  number: ['number', 'plural', 'string'],
  plural: ['plural', 'number', 'string'],
  date: ['date', 'time', 'string'],
  time: ['time', 'date', 'string'],
};

export function validateCatalog(catalog: Catalog, gaps: readonly Gap[]): Diagnostic[] {
  const validation = new Validation(catalog, gaps);
  validation.checkMessages();
  if (catalog.userTexts) catalog.userMessages = validation.checkUserMessages();
  validation.checkSectionTitles();
  return validation.diagnostics;
}

/** The checks of one catalog, sharing what they report and the plural categories of each locale. */
class Validation {
  readonly diagnostics: Diagnostic[] = [];
  private readonly gapsByKey = new Map<string, Gap[]>();
  private readonly categories = new Map<string, Set<string>>();

  constructor(
    private readonly catalog: Catalog,
    gaps: readonly Gap[],
  ) {
    for (const gap of gaps) pushTo(this.gapsByKey, `${gap.key}\u0000${gap.locale}`, gap);
  }

  /** Every message in every locale: its text checked, or its absence reported. */
  checkMessages(): void {
    const { catalog } = this;
    for (const message of catalog.messages) {
      for (const locale of catalog.locales) {
        const translation = message.translations[locale];
        if (translation) this.checkTranslation(message, locale, translation);
        else this.missingText(message, locale);
      }
    }
  }

  /** A message without text in a locale, pointing at the importer's empty entry (and its doubts) when there is one. */
  private missingText(message: Message, locale: string): void {
    const gap = this.gapsByKey.get(`${message.key}\u0000${locale}`);
    const notes = gap?.flatMap((g) => g.doubts.map((d) => ({ message: d, place: placeOf(g.origin) })));
    this.missing(`Key ${message.key}`, message.key, message.translations, locale, gap?.[0].origin ?? message.origin, notes);
  }

  /** `what` has no text in `locale`: an error in the source locale, else where apps fall back to (info when not to the source). */
  private missing(
    what: string,
    key: string,
    translations: Record<string, Translation>,
    locale: string,
    at: Origin,
    notes?: Diagnostic['notes'],
  ): void {
    const isSource = locale === this.catalog.sourceLocale;
    const via = isSource ? undefined : this.fallbackOf(translations, locale);
    this.diagnostics.push({
      ruleId: isSource ? 'completeness/missing-source' : 'completeness/missing',
      severity: isSource ? 'error' : via !== this.catalog.sourceLocale ? 'info' : 'warning',
      message: isSource
        ? `${what} has no ${locale} text; the source locale must be complete.`
        : `${what} has no ${locale} text; apps fall back to ${via}.`,
      place: placeOf(at),
      locale,
      key,
      ...(notes ? { notes } : {}),
    });
  }

  /** Every section titled in every locale (the source locale's titles are required). */
  checkSectionTitles(): void {
    const { catalog } = this;
    for (const section of catalog.sections) {
      for (const locale of catalog.locales) {
        if (section.titles[locale] !== undefined) continue;
        const isSource = locale === catalog.sourceLocale;
        this.diagnostics.push({
          ruleId: 'completeness/missing-section-title',
          severity: isSource ? 'error' : 'warning',
          message: `Section ${JSON.stringify(section.id)} has no ${locale} title.`,
          place: placeOf(section.origin),
          ...(isSource
            ? {
                hint: `Titles name the sections in the review page and translators' files: add "sections": { ${JSON.stringify(section.id)}: "…" } to the ${locale} messages file.`,
              }
            : {}),
          locale,
        });
      }
    }
  }

  /** The locale a missing text falls back to: the first of the configured chain that has one, else the source locale. */
  private fallbackOf(translations: Record<string, Translation>, locale: string): string {
    return (this.catalog.fallback?.[locale] ?? []).find((l) => translations[l] !== undefined) ?? this.catalog.sourceLocale;
  }

  /**
   * The end-user message of every key: its override, else the shared text it
   * names, per locale. Each shared text is parsed and checked once; per key
   * only what depends on the key (its declared params) is checked. A user
   * message need not show every param (a count can be left out).
   */
  checkUserMessages(): Message[] {
    const { catalog } = this;
    const texts = new Map(catalog.userTexts!.map((t) => [t.id, t]));
    const used = new Set<string>();
    const parsedOnce = new Map<Translation, boolean>();
    const userMessages = catalog.messages.map((message) => {
      const shared = message.user !== undefined ? texts.get(message.user) : undefined;
      if (shared) used.add(shared.id);
      const overrides = catalog.userOverrides?.get(message.key) ?? {};
      const translations: Record<string, Translation> = {};
      for (const locale of catalog.locales) {
        const source = overrides[locale] ?? shared?.translations[locale];
        if (!source) continue;
        if (!parsedOnce.has(source)) {
          const what = shared && source === shared.translations[locale] ? `user:${shared.id}` : message.key;
          parsedOnce.set(source, this.checkTranslation({ ...message, key: what, params: [] }, locale, source, 'syntax'));
        }
        if (!parsedOnce.get(source)) continue;
        const own = { ...source };
        translations[locale] = own;
        this.checkTranslation(message, locale, own, 'params');
      }
      if (!translations[catalog.sourceLocale] && (message.user === undefined || shared)) {
        this.diagnostics.push({
          ruleId: 'completeness/missing-user',
          severity: 'error',
          message: `Key ${message.key} has no ${catalog.sourceLocale} user message: name one in the registry ("user") or give it in "userOverrides".`,
          place: placeOf(message.origin),
          key: message.key,
        });
      }
      return { ...message, translations };
    });
    for (const text of catalog.userTexts!) this.checkUserText(text, used.has(text.id));
    return userMessages;
  }

  /** A shared user text: named by some key, and given in every locale. */
  private checkUserText(text: UserText, named: boolean): void {
    const { catalog } = this;
    if (!named)
      this.diagnostics.push({
        ruleId: 'registry/unused-user-message',
        severity: 'warning',
        message: `User message ${JSON.stringify(text.id)} is named by no key.`,
        place: placeOf(text.origin),
      });
    for (const locale of catalog.locales)
      if (!text.translations[locale])
        this.missing(`User message ${JSON.stringify(text.id)}`, `user:${text.id}`, text.translations, locale, text.origin);
  }

  /** Parses a text and checks it against the message's params: 'all' (a message), 'syntax' (a shared user text, once) or 'params' (a user text for one key, already parsed). Returns whether it parsed. */
  private checkTranslation(
    message: Message,
    locale: string,
    translation: Translation,
    scope: 'all' | 'syntax' | 'params' = 'all',
  ): boolean {
    if (scope === 'params' && translation.ast.length === 1 && translation.ast[0]!.type === TYPE.literal) return true;
    const parsed = scope === 'params' ? { ok: true as const, ast: translation.ast } : parseMessage(translation.text);
    if (
      parsed.ok &&
      (message.params.length === 0 || scope === 'syntax') &&
      parsed.ast.length === 1 &&
      parsed.ast[0]!.type === TYPE.literal
    ) {
      translation.ast = parsed.ast;
      return true; // plain text: nothing to agree on
    }
    const at: At = { place: placeOf(translation.origin), locale, key: message.key };
    if (!parsed.ok) {
      this.diagnostics.push({
        ruleId: 'icu/syntax',
        severity: 'error',
        message: `Key ${message.key} (${locale}): ICU syntax error at character ${parsed.offset + 1}: ${parsed.message}.`,
        ...at,
      });
      return false;
    }
    translation.ast = parsed.ast;
    if (scope === 'syntax') return true;
    this.checkArguments(message, locale, parsed.ast, scope === 'all', at);
    this.checkPlurals(message, locale, parsed.ast, at);
    return true;
  }

  /** The arguments a text uses against the registry's params: declared, of a compatible type, and (`complete`) all of them used. */
  private checkArguments(message: Message, locale: string, ast: MessageFormatElement[], complete: boolean, at: At): void {
    const used = argumentsOf(ast);
    const declared = new Map(message.params.map((p) => [p.name, p.type]));
    for (const [name, use] of used) {
      const type = declared.get(name);
      if (!type) {
        this.diagnostics.push({
          ruleId: 'params/undeclared',
          severity: 'error',
          message: `Key ${message.key} (${locale}) uses {${name}}, which the registry does not declare for this key.${didYouMean(name, declared.keys(), (n) => `{${n}}`)}`,
          ...at,
          hint: `Declare it in the registry entry's "params", or remove it from the text.`,
        });
      } else if (!COMPATIBLE[type].includes(use)) {
        this.diagnostics.push({
          ruleId: 'params/type-mismatch',
          severity: 'error',
          message: `Key ${message.key} (${locale}) uses {${name}} as ${use}, but the registry declares it as ${type}.`,
          ...at,
        });
      }
    }
    for (const name of complete ? declared.keys() : []) {
      if (!used.has(name)) {
        this.diagnostics.push({
          ruleId: 'params/missing',
          severity: 'error',
          message: `Key ${message.key} (${locale}) does not use {${name}}, which every locale's text must carry.`,
          ...at,
        });
      }
    }
  }

  /** Each plural's categories against the ones the locale selects (from Intl.PluralRules). */
  private checkPlurals(message: Message, locale: string, ast: MessageFormatElement[], at: At): void {
    for (const plural of pluralsOf(ast)) {
      const needed = this.categoriesOf(locale, plural.ordinal);
      const missing = [...needed].filter((c) => !plural.selectors.includes(c));
      if (missing.length > 0) {
        this.diagnostics.push({
          ruleId: 'icu/missing-plural-category',
          severity: 'error',
          message: `Key ${message.key} (${locale}): the plural of {${plural.arg}} lacks ${missing.join(', ')}, which ${locale} needs.`,
          ...at,
        });
      }
      const unused = plural.selectors.filter((s) => !s.startsWith('=') && !needed.has(s));
      if (unused.length > 0) {
        this.diagnostics.push({
          ruleId: 'icu/unused-plural-category',
          severity: 'warning',
          message: `Key ${message.key} (${locale}): ${locale} never selects ${unused.join(', ')} in the plural of {${plural.arg}}.`,
          ...at,
        });
      }
    }
  }

  private categoriesOf(locale: string, ordinal: boolean): Set<string> {
    const id = `${locale}/${ordinal}`;
    let set = this.categories.get(id);
    if (!set) {
      set = new Set(new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories);
      this.categories.set(id, set);
    }
    return set;
  }
}

/** Where a translation's diagnostics point. */
type At = Pick<Diagnostic, 'place' | 'locale' | 'key'>;
