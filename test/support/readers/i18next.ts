/**
 * i18next read-back: generated bundles loaded into real i18next 26 without
 * plugins, and the text each message should show there, computed from the
 * catalog's ICU source by formatjs' IntlMessageFormat (independent of the
 * converter in generator/targets/i18next.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, Message } from '../../../generator/catalog/model.js';

/**
 * A fresh i18next instance with every locale's bundles of the output folder
 * `out` (the user and detail namespaces when the catalog has both).
 */
export async function initI18next(out: string, catalog: Catalog): Promise<i18n> {
  const resources = Object.fromEntries(
    catalog.locales.map((locale) => [
      locale,
      Object.fromEntries(
        namespacesOf(catalog).map((ns) => [ns, JSON.parse(readFileSync(join(out, 'i18next', locale, `${ns}.json`), 'utf8'))]),
      ),
    ]),
  );
  return i18nextOver(catalog, resources);
}

/** A fresh i18next instance over these resources (locale → namespace → bundle), falling back through the catalog's chains, then to the source locale. */
export async function i18nextOver(catalog: Catalog, resources: Record<string, Record<string, Record<string, unknown>>>): Promise<i18n> {
  const instance = i18next.createInstance();
  const fallbackLng = {
    ...Object.fromEntries(Object.entries(catalog.fallback ?? {}).map(([locale, chain]) => [locale, [...chain, catalog.sourceLocale]])),
    default: [catalog.sourceLocale],
  };
  await instance.init({
    resources,
    lng: catalog.sourceLocale,
    fallbackLng,
    ns: namespacesOf(catalog),
    defaultNS: catalog.namespace,
    interpolation: { escapeValue: false },
  });
  return instance;
}

function namespacesOf(catalog: Catalog): string[] {
  return catalog.userMessages ? [catalog.namespace, catalog.detailNamespace] : [catalog.namespace];
}

/** The locales a text of `locale` is looked for in: itself, its configured chain, then the source locale. */
export function lookupChain(catalog: Catalog, locale: string): string[] {
  return [...new Set([locale, ...(catalog.fallback?.[locale] ?? []), catalog.sourceLocale])];
}

/** Sample arguments: the registry's example, else a sentinel that cannot appear in text by accident. */
export function sampleArgs(message: Message, count?: number): Record<string, string | number> {
  return Object.fromEntries(
    message.params.map((p) => [p.name, p.type === 'plural' && count !== undefined ? count : (p.example ?? `«${p.name}»`)]),
  );
}

/** What i18next should show for a message in a locale with these arguments: the first text along the locale's lookup chain. */
export function expected(message: Message, locale: string, catalog: Catalog, args: Record<string, unknown>): string {
  const shownLocale = lookupChain(catalog, locale).find((l) => message.translations[l])!;
  const translation = message.translations[shownLocale]!;
  // i18next picks the plural form by the rules of the language the text comes from,
  // but formats numbers in the requested language, also when the text falls back.
  const formatters = {
    getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a),
    getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a),
    getPluralRules: (_locales: unknown, options?: Intl.PluralRulesOptions) => new Intl.PluralRules(shownLocale, options),
  };
  return String(
    new IntlMessageFormat(translation.text, locale, undefined, { ignoreTag: true, formatters }).format(
      args as Record<string, string | number>,
    ),
  );
}
