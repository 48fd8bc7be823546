/**
 * Android string resources: `android/values/strings.xml` holds every key in
 * the source locale (the default resource: a key missing there fails at
 * runtime), `android/values-<qualifier>/strings.xml` the translated keys of
 * each other locale. Names come from the one identifier table (`error_6014`).
 *
 * - Qualifiers: `ja` → `values-ja`, `pt-BR` → `values-pt-rBR`; a script, a
 *   numeric region or a variant needs the BCP 47 form (`values-b+zh+Hans`,
 *   `values-b+es+419`), https://developer.android.com/guide/topics/resources/providing-resources.
 * - Arguments are positional `%N$s`, N = the message's parameter position
 *   (placeholders.ts), also for numbers (`%d` throws on a Double, `%s` takes
 *   anything); `#` is the plural argument's placeholder. A message that takes arguments is always
 *   formatted (`getString(id, args…)`, `getQuantityString(id, n, args…)`), so
 *   its `%` is `%%`; one without arguments is not, so it keeps `%` and carries
 *   `formatted="false"` when it has one.
 * - A message is `<plurals>` when any locale's text is plural; every item of
 *   the locale's CLDR categories is written. Android selects items by category
 *   only, so an exact selector `=N` replaces the item of the category that holds
 *   N alone among integers (`=0` → `zero` in ar, `=1` → `one` in en); anywhere
 *   else (`=0` in en, where Android never picks `zero`) it is dropped with a
 *   warning and a comment, and apps that want it test for N themselves.
 * - Escaping is android-escape.ts; U+0000 and lone surrogates cannot be written.
 * - Two audiences (emit/audiences.ts): the user messages are `strings.xml` with
 *   `error_6014`, the developer details `strings_detail.xml` with `error_detail_6014`.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message } from '../catalog/model.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audienceName, planEachAudience, type Audience } from '../emit/audiences.js';
import { identifierTable } from '../emit/identifiers.js';
import { argumentPositions } from '../emit/placeholders.js';
import { formFor, pluralCategories, pluralRules, splitPlural } from '../emit/plural-forms.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { androidText, codePointName, xmlComment, type Piece } from './android-escape.js';

export type Body = { plural: false; name: string; attributes: string; value: string } | { plural: true; name: string; notes: string[]; items: { quantity: string; value: string }[] };

export const androidTarget: Target = {
  id: 'android',
  description: 'Android string resources: values/strings.xml (source locale, every key) and values-<qualifier>/strings.xml',
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) => planAudience(audience, header));
  },
};

function planAudience(audience: Audience, header: string): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const { catalog } = audience;
  const { names, diagnostics: collisions } = identifierTable(catalog, audience.identifierPrefix, 'android');
  const diagnostics = [...collisions];
  const files: PlannedFile[] = [];
  const quantities = new Map(catalog.messages.map((m) => [m.key, pluralArgOf(m, catalog.locales)]));
  const comments = new Map<Message, string>(); // the same in every locale's file
  const commentOf = (m: Message) => comments.get(m) ?? comments.set(m, resourceComment(m)).get(m)!;
  for (const locale of catalog.locales) {
    const folder = locale === catalog.sourceLocale ? 'values' : qualifierOf(locale);
    if (!folder) {
      diagnostics.push({ ruleId: 'android/unrepresentable', severity: 'error', target: 'android', locale, message: `The locale ${locale} has no Android resource qualifier (only language, script, region and variants can be written).` });
      continue;
    }
    const resources: string[] = [];
    for (const message of catalog.messages) {
      const name = names.get(message.key);
      if (!name || !message.translations[locale]) continue;
      const body = bodyOf(message, locale, name, quantities.get(message.key), diagnostics);
      if (body !== undefined) resources.push(`  <!-- ${commentOf(message)} -->`, body);
    }
    const rootAttributes = folder === 'values' ? ` xmlns:tools="http://schemas.android.com/tools" tools:locale="${locale}" tools:ignore="MissingTranslation"` : '';
    files.push({ path: `android/${folder}/${audienceName('strings', audience, '_')}.xml`, template: 'strings.xml.hbs', context: { header: xmlComment(header), rootAttributes, resources: resources.join('\n') } });
  }
  return { files, diagnostics };
}

function resourceComment(message: Message): string {
  return xmlComment(`${message.key} (${message.section})${message.description ? `: ${message.description}` : ''}`);
}

/** The XML of one translated message's resource (undefined when it cannot be written), reporting what it loses. */
function bodyOf(message: Message, locale: string, name: string, quantity: string | undefined, diagnostics: Diagnostic[]): string | undefined {
  const report = (ruleId: string, severity: Diagnostic['severity'], text: string) =>
    diagnostics.push({ ruleId, severity, target: 'android', key: message.key, locale, place: placeOf(message.translations[locale].origin), message: `Key ${message.key} (${locale}) ${text}` });
  const built = resourceOf(message, locale, name, quantity);
  if ('problem' in built) {
    report('android/unrepresentable', 'error', `cannot be written for Android: ${built.problem}.`);
    return undefined;
  }
  if (!built.plural) return `  <string name="${built.name}"${built.attributes}>${built.value}</string>`;
  for (const note of built.notes) report('android/exact-selector-dropped', 'warning', `loses a plural form on Android: ${note}.`);
  return [
    `  <plurals name="${built.name}">`,
    ...built.notes.map((note) => `    <!-- ${xmlComment(note)} -->`),
    ...built.items.map((item) => `    <item quantity="${item.quantity}">${item.value}</item>`),
    '  </plurals>',
  ].join('\n');
}

/** The `values-…` folder of a non-source locale, or undefined when Android has no qualifier for it. */
export function qualifierOf(tag: string): string | undefined {
  const m = /^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)$/.exec(tag);
  if (!m) return undefined;
  const [, language, script, region, variants] = m;
  if (!script && !variants && (!region || /^[A-Z]{2}$/.test(region))) return `values-${language}${region ? `-r${region}` : ''}`;
  return `values-b+${[language, script, region, ...variants.split('-').slice(1)].filter(Boolean).join('+')}`;
}

export function resourceOf(message: Message, locale: string, name: string, quantity: string | undefined): Body | { problem: string } {
  const ast = message.translations[locale].ast;
  const split = splitPlural(ast);
  if (split.kind === 'unsupported') return { problem: `Android has no syntax for ${split.reason}` };
  const formatted = message.params.length > 0;
  if (!quantity) {
    const escaped = textOf(ast, message, formatted);
    if ('problem' in escaped) return escaped;
    return { plural: false, name, attributes: !formatted && escaped.value.includes('%') ? ' formatted="false"' : '', value: escaped.value };
  }
  if (split.kind === 'plural' && split.plural.arg !== quantity) return { problem: `its plural is on {${split.plural.arg}}, another locale's on {${quantity}}; Android has one quantity` };
  const forms = split.kind === 'plural' ? split.plural : { arg: quantity, forms: new Map([['other', ast]]) };
  const exact = new Map<string, MessageFormatElement[]>();
  const notes: string[] = [];
  for (const [selector, elements] of forms.forms) {
    if (!selector.startsWith('=')) continue;
    const category = categoryHoldingOnly(locale, Number(selector.slice(1)));
    if (category) exact.set(category, elements);
    else notes.push(`the exact selector ${selector} is dropped: Android picks plural items by CLDR category only, and no ${locale} category holds ${selector.slice(1)} alone`);
  }
  const items: { quantity: string; value: string }[] = [];
  for (const category of pluralCategories(locale)) {
    const escaped = textOf(exact.get(category) ?? formFor(forms, category), message, formatted, quantity);
    if ('problem' in escaped) return escaped;
    items.push({ quantity: category, value: escaped.value });
  }
  return { plural: true, name, notes, items };
}

/** The argument that selects the plural form: that of the first locale (source first) whose text is plural. */
export function pluralArgOf(message: Message, locales: readonly string[]): string | undefined {
  for (const locale of locales) {
    const split = message.translations[locale] && splitPlural(message.translations[locale].ast);
    if (split && split.kind === 'plural') return split.plural.arg;
  }
  return undefined;
}

/** One escaped resource string from ICU parts: arguments become `%N$s`, `#` the quantity's placeholder. */
function textOf(elements: readonly MessageFormatElement[], message: Message, formatted: boolean, quantity?: string): { value: string } | { problem: string } {
  const positions = argumentPositions(message);
  const pieces: Piece[] = [];
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      pieces.push({ text: el.value });
      continue;
    }
    const isArgument = el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time;
    const arg = el.type === TYPE.pound ? quantity : isArgument ? el.value : undefined;
    if (arg === undefined || !positions.has(arg)) return { problem: `Android has no syntax for this ICU element (type ${el.type})` };
    if ('style' in el && el.style) return { problem: `the style of {${arg}} has no Android equivalent (%N$s prints the plain value)` };
    pieces.push({ placeholder: `%${positions.get(arg)}$s` });
  }
  const escaped = androidText(pieces, formatted);
  return 'value' in escaped ? escaped : { problem: `the character ${codePointName(escaped.unrepresentable)} cannot be written` };
}

const holdingOnly = new Map<string, string | undefined>();

/** The category that, among integers (Android quantities are ints), holds n and nothing else. Cached: it asks the rules a thousand times. */
export function categoryHoldingOnly(locale: string, n: number): string | undefined {
  const id = `${locale}|${n}`;
  if (!holdingOnly.has(id)) {
    const rules = pluralRules(locale);
    const category = rules.select(n);
    const samples = [...Array.from({ length: 1001 }, (_, i) => i), 10_000, 100_000, 1_000_000, 10_000_000];
    holdingOnly.set(id, samples.every((i) => i === n || rules.select(i) !== category) ? category : undefined);
  }
  return holdingOnly.get(id);
}
