/**
 * TypeScript for apps, built for tsc speed on catalogs of 100 000 keys:
 * `types/keys.d.ts` (the key unions, flat), `types/index.js` with
 * `types/index.d.ts` (messageKey, messageT … over JSON-string data) and
 * `types/resources.d.ts` with `types/i18next.d.ts` (the CustomTypeOptions
 * augmentation). The five templates get one context.
 *
 * What each file holds and why it is written that way for tsc, the context
 * field by field and what a replacement must keep: templates/types/README.md.
 * Golden context: test/golden/hazards/types-context/context.json.
 */
import { ACTIONS, FAULTS, type Catalog, type Message } from '../catalog/model.js';
import { tsString } from '../emit/escape.js';
import { pascalCase } from '../emit/naming.js';
import type { Target } from '../emit/target.js';
import { i18nextEntries, i18nextPluralArgument } from './i18next.js';

export const typesTarget: Target = {
  id: 'types',
  description: 'TypeScript key unions, messageKey(code) and the i18next type augmentation',
  translationDigest: typesDigest,
  plan(catalog, { config, header }) {
    const resourcesName = `${pascalCase(catalog.namespace)}Resources`;
    const audiences = catalog.userMessages ? audiencesOf(catalog) : undefined;
    // Loops rather than flatMap: a closure and an array per message add up at 100k keys.
    const coded = catalog.messages.filter((m) => m.code !== undefined);
    let keys: string[] | undefined;
    const context = {
      header,
      namespace: tsString(catalog.namespace),
      resourcesName,
      audiences,
      // A code's key is its decimal string (keyOfCode): the number literal, without a second string per code.
      codes: coded.map((m) => m.key),
      // Printed by no built-in template (only a replacement's): made when one reads it.
      get keys(): string[] {
        return (keys ??= catalog.messages.map((m) => tsString(m.key)));
      },
      otherKeys: catalog.messages.filter((m) => m.code === undefined).map((m) => tsString(m.key)),
      sectionIds: catalog.sections.map((s) => tsString(s.id)),
      ranges: catalog.messages.filter((m) => m.range).map((m) => ({ from: m.range![0], to: m.range![1], key: tsString(m.key) })),
      codesJson: tsString(JSON.stringify(coded.map((m) => m.code))),
      sectionsJson: tsString(JSON.stringify(sectionsData(catalog))),
      pluralArgumentsJson: tsString(JSON.stringify(pluralArguments(catalog))),
      params: catalog.messages
        .filter((m) => m.params.length > 0)
        .map((m) => ({ key: tsString(m.key), params: m.params.map((p) => ({ name: tsString(p.name), type: tsTypeOf(p.type) })) })),
      resources: resourceEntries(catalog, catalog.userMessages ?? catalog.messages, config.types.i18nextSelector),
      selector: config.types.i18nextSelector,
    };
    return {
      files: [
        { path: 'types/index.js', template: 'index.js.hbs', context },
        { path: 'types/index.d.ts', template: 'index.d.ts.hbs', context },
        { path: 'types/keys.d.ts', template: 'keys.d.ts.hbs', context },
        { path: 'types/resources.d.ts', template: 'resources.d.ts.hbs', context },
        { path: 'types/i18next.d.ts', template: 'i18next.d.ts.hbs', context },
      ],
      diagnostics: [],
    };
  },
};

/** `{ key: argument }` for the plurals i18next must be given as `count` (see i18nextPluralArgument). */
function pluralArguments(catalog: Catalog): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const m of catalog.messages) {
    const arg = i18nextPluralArgument(m);
    if (arg) byKey[m.key] = arg;
  }
  return byKey;
}

/** `{ section: [keys] }` with codes as numbers: what `sectionOf` is built from at run time. */
function sectionsData(catalog: Catalog): Record<string, (number | string)[]> {
  const data = new Map<string, (number | string)[]>();
  for (const m of catalog.messages) {
    const keys = data.get(m.section) ?? [];
    if (keys.length === 0) data.set(m.section, keys);
    keys.push(m.code ?? m.key);
  }
  return Object.fromEntries(data);
}

/** What resourceEntries and pluralArguments read of a message's translations: its source entries' keys (and texts, when it has arguments), its plural argument. */
function typesDigest(m: Message, catalog: Catalog): string {
  const converted = i18nextEntries(m, catalog.sourceLocale);
  const entries = converted.ok ? converted.value.map(([key, value]) => (m.params.length === 0 ? key : [key, value])) : null;
  return JSON.stringify([entries, i18nextPluralArgument(m) ?? null]);
}

/**
 * The source locale's bundle entries as `"key": type` pairs (problems are reported by the i18next
 * target). Only messages with arguments keep their text as a literal type, from which i18next
 * reads the interpolation variables; the others are plain `string`, which keeps the file small and
 * a lookup by a key union (`$[messageKey(code)]`) a single `string` instead of a union of texts.
 * For the selector API (`$["6014"]`, no type-level key processing) a plural message is one key,
 * typed with its `other` text: the selector names the base key and i18next picks the form by count.
 */
function resourceEntries(catalog: Catalog, messages: readonly Message[], selector: boolean): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const m of messages) {
    const converted = i18nextEntries(m, catalog.sourceLocale);
    if (!converted.ok || converted.value.length === 0) continue;
    const entries = converted.value;
    const typeOf = (text: string) => (m.params.length === 0 ? 'string' : tsString(text));
    const plural = entries.length > 1 || entries[0]![0] !== m.key;
    if (selector && plural) {
      const other = entries.find(([key]) => key === `${m.key}_other`) ?? entries.at(-1)!;
      out.push({ key: tsString(m.key), value: typeOf(other[1]) });
      continue;
    }
    for (const [key, value] of entries) out.push({ key: tsString(key), value: typeOf(value) });
  }
  return out;
}

/**
 * With user messages: the detail namespace (same keys, its own resources),
 * the action and fault unions, and each key's [action, fault] as indexes into
 * them, as a JSON string (`errorInfo` reads it at run time).
 */
function audiencesOf(catalog: Catalog) {
  const complete = catalog.messages.every((m) => m.action !== undefined && m.fault !== undefined);
  const info = Object.fromEntries(
    catalog.messages.map((m) => [
      m.key,
      [m.action === undefined ? -1 : ACTIONS.indexOf(m.action), m.fault === undefined ? -1 : FAULTS.indexOf(m.fault)],
    ]),
  );
  return {
    detailNamespace: tsString(catalog.detailNamespace),
    detailResourcesName: `${pascalCase(catalog.detailNamespace)}Resources`,
    detailResources: resourceEntries(catalog, catalog.messages, false),
    actions: ACTIONS.map((a) => tsString(a)),
    faults: FAULTS.map((f) => tsString(f)),
    actionsJson: tsString(JSON.stringify(ACTIONS)),
    faultsJson: tsString(JSON.stringify(FAULTS)),
    infoJson: tsString(JSON.stringify(info)),
    optional: complete ? '' : '?',
  };
}

function tsTypeOf(type: string): string {
  if (type === 'number' || type === 'plural') return 'number';
  if (type === 'date' || type === 'time') return 'Date | number';
  return 'string';
}
