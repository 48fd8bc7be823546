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
 * - Templates: `strings.xml.hbs` is the file, `resource.xml.hbs` one resource
 *   with its comment, rendered from a ResourceContext (every text in it is
 *   already escaped here); both can be overridden, templates/android/README.md
 *   documents their contexts.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message } from '../catalog/model.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { audienceName, planEachAudience, type Audience } from '../emit/audiences.js';
import { identifierTable } from '../emit/identifiers.js';
import { messageComment } from '../emit/message-notes.js';
import { codePointName } from '../emit/naming.js';
import { argumentPositions } from '../emit/placeholders.js';
import { categoryHoldingOnly, formFor, pluralCategories, splitPlural } from '../emit/plural-forms.js';
import { argumentOf, exactValue, isExactSelector, pluralArgumentOf } from '../emit/plural-shape.js';
import type { PlannedFile, Target } from '../emit/target.js';
import { cannot, converted, localeUnrepresentable, orProblem, unrepresentable, type Converted } from '../emit/unrepresentable.js';
import { androidComment, androidText, type Piece } from './android-escape.js';

/** What import/android reads from this target: the rules live in emit/plural-shape.ts and emit/plural-forms.ts. */
export { pluralArgumentOf as pluralArgOf } from '../emit/plural-shape.js';
export { categoryHoldingOnly } from '../emit/plural-forms.js';

/**
 * What `templates/android/resource.xml.hbs` renders: one resource of a
 * strings.xml with its comment. Every string is already escaped for aapt2 and
 * XML (text, attribute value or comment, as its place needs), so a template
 * prints fields as they are.
 */
export interface ResourceContext {
  /** `string` for a `<string>`, `plurals` for a `<plurals>`. */
  kind: 'string' | 'plurals';
  /** `kind === 'plurals'`, for `{{#if plural}}`. */
  plural: boolean;
  /** The resource name (`error_6014`): letters, digits and `_` only. */
  name: string;
  /** The message's comment (key, section, description), escaped for an XML comment; the same in every locale's file. */
  comment: string;
  /** True when the app formats the text (`getString(id, args…)`: the message takes arguments), so its `%` is written `%%`. */
  formatted: boolean;
  /** The `<string>`'s extra attributes, each with its leading space (` formatted="false"` for an unformatted text with a `%`), or empty; empty for plurals. */
  attributes: string;
  /** The `<string>`'s escaped text; empty for plurals. */
  value: string;
  /** Why a plural form was dropped, escaped for an XML comment, one per dropped exact selector; empty for a `<string>`. */
  notes: string[];
  /** The `<plurals>`' items, one per CLDR category of the locale, in CLDR order; empty for a `<string>`. */
  items: { quantity: string; value: string }[];
}

/** What `templates/android/strings.xml.hbs` renders (besides `resources`, the rendered resources joined by newlines). */
export interface StringsFileContext {
  /** The generated-file header, escaped for an XML comment. */
  header: string;
  /** The `<resources>` attributes with their leading space: the tools namespace, `tools:locale` and `tools:ignore` in values/, else empty. */
  rootAttributes: string;
}

export type Body =
  | { plural: false; name: string; attributes: string; value: string }
  | { plural: true; name: string; notes: string[]; items: { quantity: string; value: string }[] };

export const androidTarget: Target = {
  id: 'android',
  description: 'Android string resources: values/strings.xml (source locale, every key) and values-<qualifier>/strings.xml',
  entriesByKey: true,
  plan(whole, { config, header }) {
    return planEachAudience(whole, config.identifierPrefix, (audience) => planAudience(audience, header));
  },
};

function planAudience(audience: Audience, header: string): { files: PlannedFile[]; diagnostics: Diagnostic[] } {
  const { catalog } = audience;
  const { names, diagnostics: collisions } = identifierTable(catalog, audience.identifierPrefix, 'android');
  const diagnostics = [...collisions];
  const files: PlannedFile[] = [];
  const quantities = new Map(catalog.messages.map((m) => [m.key, pluralArgumentOf(m, catalog.locales)]));
  const comments = new Map<Message, string>(); // the same in every locale's file
  const commentOf = (m: Message) => comments.get(m) ?? comments.set(m, resourceComment(m)).get(m)!;
  for (const locale of catalog.locales) {
    const folder = locale === catalog.sourceLocale ? 'values' : qualifierOf(locale);
    if (!folder) {
      diagnostics.push(
        localeUnrepresentable(
          'android',
          locale,
          'it has no Android resource qualifier (only language, script, region and variants can be written)',
        ),
      );
      continue;
    }
    const contexts: ResourceContext[] = [];
    const keys: string[] = [];
    for (const message of catalog.messages) {
      // A key whose name another key took has no resource: a collision is an error of the key set alone, so no run writes it.
      const name = names.get(message.key);
      if (!name || !message.translations[locale]) continue;
      const context = resourceContextOf(message, locale, name, quantities.get(message.key), commentOf(message), diagnostics);
      if (context === undefined) continue;
      contexts.push(context);
      keys.push(message.key);
    }
    const rootAttributes =
      folder === 'values'
        ? ` xmlns:tools="http://schemas.android.com/tools" tools:locale="${locale}" tools:ignore="MissingTranslation"`
        : '';
    const context: StringsFileContext = { header: androidComment(header), rootAttributes };
    files.push({
      path: `android/${folder}/${audienceName('strings', audience, '_')}.xml`,
      template: 'strings.xml.hbs',
      context,
      entries: { template: 'resource.xml.hbs', field: 'resources', contexts, keys, builtIn: resourceText },
    });
  }
  return { files, diagnostics };
}

/**
 * templates/android/resource.xml.hbs in TypeScript, for when it is not
 * overridden (handlebars per resource costs about 0.6 s at 100k keys);
 * test/targets/android.test.ts renders every resource both ways.
 */
export function resourceText(r: ResourceContext): string {
  const comment = `  <!-- ${r.comment} -->\n`;
  if (!r.plural) return `${comment}  <string name="${r.name}"${r.attributes}>${r.value}</string>`;
  const notes = r.notes.map((n) => `    <!-- ${n} -->\n`).join('');
  const items = r.items.map((i) => `    <item quantity="${i.quantity}">${i.value}</item>\n`).join('');
  return `${comment}  <plurals name="${r.name}">\n${notes}${items}  </plurals>`;
}

function resourceComment(message: Message): string {
  return androidComment(messageComment(message));
}

/** The template context of one translated message's resource (undefined when it cannot be written), reporting what it loses. */
function resourceContextOf(
  message: Message,
  locale: string,
  name: string,
  quantity: string | undefined,
  comment: string,
  diagnostics: Diagnostic[],
): ResourceContext | undefined {
  const resource = androidResource(message, locale, name, quantity);
  if (!resource.ok) {
    diagnostics.push(unrepresentable('android', message, locale, resource.why));
    return undefined;
  }
  const built = resource.value;
  const formatted = message.params.length > 0;
  if (!built.plural)
    return {
      kind: 'string',
      plural: false,
      name: built.name,
      comment,
      formatted,
      attributes: built.attributes,
      value: built.value,
      notes: [],
      items: [],
    };
  for (const note of built.notes) {
    diagnostics.push({
      ruleId: 'android/exact-selector-dropped',
      severity: 'warning',
      target: 'android',
      key: message.key,
      locale,
      place: placeOf(message.translations[locale].origin),
      message: `Key ${message.key} (${locale}) loses a plural form on Android: ${note}.`,
    });
  }
  return {
    kind: 'plurals',
    plural: true,
    name: built.name,
    comment,
    formatted,
    attributes: '',
    value: '',
    notes: built.notes.map(androidComment),
    items: built.items,
  };
}

/** The `values-…` folder of a non-source locale, or undefined when Android has no qualifier for it. */
export function qualifierOf(tag: string): string | undefined {
  const m = /^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?(?:-([A-Z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)$/.exec(tag);
  if (!m) return undefined;
  const [, language, script, region, variants] = m;
  if (!script && !variants && (!region || /^[A-Z]{2}$/.test(region))) return `values-${language}${region ? `-r${region}` : ''}`;
  return `values-b+${[language, script, region, ...variants.split('-').slice(1)].filter(Boolean).join('+')}`;
}

/** The resource of a message in a locale, in the shape import/android reads (Body, or `{ problem }`). */
export function resourceOf(message: Message, locale: string, name: string, quantity: string | undefined): Body | { problem: string } {
  return orProblem(androidResource(message, locale, name, quantity));
}

/** The resource of a message in a locale: a `<string>`, or (`quantity`: the message's plural argument) a `<plurals>`. */
function androidResource(message: Message, locale: string, name: string, quantity: string | undefined): Converted<Body> {
  const ast = message.translations[locale].ast;
  const split = splitPlural(ast);
  if (split.kind === 'unsupported') return cannot(`Android has no syntax for ${split.reason}`);
  const formatted = message.params.length > 0;
  if (!quantity) {
    const escaped = textOf(ast, message, formatted);
    if (!escaped.ok) return escaped;
    return converted({
      plural: false,
      name,
      attributes: !formatted && escaped.value.includes('%') ? ' formatted="false"' : '',
      value: escaped.value,
    });
  }
  if (split.kind === 'plural' && split.plural.arg !== quantity)
    return cannot(`its plural is on {${split.plural.arg}}, another locale's on {${quantity}}; Android has one quantity`);
  const forms = split.kind === 'plural' ? split.plural : { arg: quantity, forms: new Map([['other', ast]]) };
  const exact = new Map<string, MessageFormatElement[]>();
  const notes: string[] = [];
  for (const [selector, elements] of forms.forms) {
    if (!isExactSelector(selector)) continue;
    const category = categoryHoldingOnly(locale, exactValue(selector));
    if (category) exact.set(category, elements);
    else
      notes.push(
        `the exact selector ${selector} is dropped: Android picks plural items by CLDR category only, and no ${locale} category holds ${selector.slice(1)} alone`,
      );
  }
  const items: { quantity: string; value: string }[] = [];
  for (const category of pluralCategories(locale)) {
    const escaped = textOf(exact.get(category) ?? formFor(forms, category), message, formatted, quantity);
    if (!escaped.ok) return escaped;
    items.push({ quantity: category, value: escaped.value });
  }
  return converted({ plural: true, name, notes, items });
}

/** One escaped resource string from ICU parts: arguments become `%N$s`, `#` the quantity's placeholder. */
function textOf(elements: readonly MessageFormatElement[], message: Message, formatted: boolean, quantity?: string): Converted<string> {
  const positions = argumentPositions(message);
  const pieces: Piece[] = [];
  for (const el of elements) {
    if (el.type === TYPE.literal) {
      pieces.push({ text: el.value });
      continue;
    }
    const arg = argumentOf(el, quantity);
    if (arg === undefined || !positions.has(arg)) return cannot(`Android has no syntax for this ICU element (type ${el.type})`);
    if ('style' in el && el.style) return cannot(`the style of {${arg}} has no Android equivalent (%N$s prints the plain value)`);
    pieces.push({ placeholder: `%${positions.get(arg)}$s` });
  }
  const escaped = androidText(pieces, formatted);
  return 'value' in escaped
    ? converted(escaped.value)
    : cannot(`the character ${codePointName(escaped.unrepresentable)} cannot be written`);
}
