/**
 * What a target declares so that a warm run need not plan it whole
 * (generator/emit/target.ts: `entriesByKey`, `readsNoTranslations`,
 * `translationDigest`), held for
 * every built-in target that declares it, on the hazard catalog, the repo's
 * own catalog (two audiences) and a small catalog written here with what
 * those two lack (plurals in one locale only, selects, exact selectors, user
 * overrides, an untranslated key, `initial` states).
 *
 * - entriesByKey: the plan of the catalog cut down to some keys
 *   (catalogOfKeys) has the same files, file contexts and entry lists, whose
 *   entries are the whole plan's entries of those keys, and the same
 *   diagnostics of those keys and without one (a file with none of their
 *   entries may be left out); the file text is the file template's text
 *   with the entries in it; and splicing the re-planned entries of edited
 *   keys into the old file gives the new file.
 * - translationDigest: translations changed but for what the digests read
 *   give the same digests and the same plan.
 * - readsNoTranslations: the plan does not change when every text, state,
 *   note and origin of every translation does, nor read one at all.
 * - planOfKeys (the review): the plan of some keys has the whole plan's
 *   files and contexts, with each entry list cut down to those keys' entries;
 *   each file with keyed lists is its template around its entries; and
 *   splicing the re-planned entries of the edited keys and of the keys whose
 *   findings changed (`entriesAlsoChanged`) into the old file, where its text
 *   outside its entries is as it was, gives the new file, and it is so for
 *   most edits.
 *
 * A target that declares none of these must be listed in NEITHER with why.
 *
 * No catalog here has two keys with one platform identifier: the second key
 * then has no entry, and a cut-down catalog without the first has no
 * collision. A collision is an error of the key set alone, so no run with
 * one writes anything and a text edit never makes one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../generator/catalog/icu.js';
import type { Catalog, Message, Translation, TranslationState } from '../../generator/catalog/model.js';
import { catalogOfKeys } from '../../generator/catalog/of-keys.js';
import type { Config } from '../../generator/config/load-config.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { splitPlural } from '../../generator/emit/plural-forms.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { EntryRendering, PlannedFile, Target, TargetPlan } from '../../generator/emit/target.js';
import { loadCatalog } from '../../generator/pipeline.js';
import type { Finding } from '../../generator/review/finding.js';
import { builtInTargets } from '../../generator/targets/index.js';
import { loadTestCatalog } from '../support/catalogs.js';
import { prng } from '../support/prng.js';

/** The built-in targets that declare none of the three, and why: adding a target means deciding. */
const NEITHER: Readonly<Record<string, string>> = {};

const STATES: readonly TranslationState[] = ['initial', 'translated', 'reviewed', 'final'];

interface Scenario {
  name: string;
  catalog: Catalog;
  config: Config;
  /** The key sets to cut the catalog down to. */
  subsets: ReadonlySet<string>[];
}

const planOf = (target: Target, catalog: Catalog, config: Config): TargetPlan =>
  target.plan(catalog, { config, header: 'Generated for the test.', findings: [] });

const listsOf = (file: PlannedFile): EntryRendering[] => [...(file.entries ? [file.entries] : []), ...(file.moreEntries ?? [])];

/** A key no message has marks an entry that is no message's (xliff's shared user texts): keys hold no ":". */
const isMessageKey = (key: string) => !key.includes(':');

/** Keyed diagnostics are a message key's; the others (no key, a user text's id) must not depend on the keys planned. */
const keyOf = (d: Diagnostic, keys: ReadonlySet<string>) => (d.key !== undefined && keys.has(d.key) ? d.key : undefined);

function randomSubsets(catalog: Catalog, seed: number, count: number): Set<string>[] {
  const random = prng(seed);
  const keys = catalog.messages.map((m) => m.key);
  return Array.from({ length: count }, () => {
    const size = 1 + Math.floor(random() * Math.min(40, keys.length));
    return new Set(Array.from({ length: size }, () => keys[Math.floor(random() * keys.length)]!));
  });
}

const singleKeys = (catalog: Catalog) => catalog.messages.map((m) => new Set([m.key]));

/** A catalog on disk with what the other two lack; loaded as a user's would be. */
async function mixedCatalog(): Promise<{ catalog: Catalog; config: Config }> {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-entries-by-key-'));
  const write = (path: string, value: unknown) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
  };
  write('codebook.config.json', {
    sourceLocale: 'en',
    locales: ['en', 'ar', 'fr', 'ja', 'ru'],
    namespace: 'errors',
    layers: [
      { name: 'registry', files: ['locales/codes.json'] },
      { name: 'messages', files: ['locales/*/messages.json'] },
    ],
    out: 'dist',
  });
  const plural = { type: 'plural', example: 3 };
  write('locales/codes.json', {
    sections: [{ id: 'general' }, { id: 'files' }],
    codes: [
      { code: -7, section: 'general', description: 'Plain.', user: 'retry', action: 'retry', fault: 'network' },
      { code: 1, section: 'files', description: 'Plural with =0.', params: { n: plural }, user: 'retry', action: 'retry' },
      { code: 2, section: 'files', description: 'A select.', params: { kind: { type: 'select' } }, user: 'busy', action: 'none' },
      { code: 3, section: 'files', description: 'Plural in ru only.', params: { count: plural }, user: 'busy', fault: 'app' },
      { code: 4, section: 'general', params: { d: { type: 'date' }, x: { type: 'number' } }, user: 'retry' },
      { code: 5, section: 'general', description: 'Untranslated in ja, initial in ru.', user: 'busy' },
      { code: 6, section: 'files', description: 'Exact =1.', params: { n: plural }, user: 'retry' },
      { range: [100, 199], section: 'general', description: 'A range.', user: 'busy', action: 'retry-later' },
      { key: 'named', section: 'general', description: 'Its own user text only.' },
      { key: 'unknown', section: 'general', params: { code: { type: 'number' } }, user: 'retry' },
    ],
  });
  const texts: Record<string, Record<string, unknown>> = {
    en: {
      '-7': 'Connection lost.',
      '1': '{n, plural, =0 {No files.} one {# file.} other {# files.}}',
      '2': '{kind, select, photo {A photo.} other {A file.}}',
      '3': '{count} left.',
      '4': 'On {d, date}: {x, number}.',
      '5': 'Plain five.',
      '6': '{n, plural, =1 {Exactly one.} one {# of one.} other {# of them.}}',
      '100-199': 'In range.',
      named: 'Named.',
      unknown: 'Error {code}.',
    },
    ar: {
      '-7': 'انقطع الاتصال.',
      '1': '{n, plural, zero {لا ملفات} one {ملف} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}',
      '3': '{count, plural, zero {لا شيء} one {بقي #} two {بقي اثنان} few {بقي #} many {بقي #} other {بقي # أخرى}}',
      '5': 'خمسة',
      unknown: 'خطأ {code}',
    },
    fr: {
      '-7': 'Connexion perdue.',
      '1': '{n, plural, =0 {Aucun fichier.} one {# fichier.} many {# de fichiers.} other {# fichiers.}}',
      '2': '{kind, select, photo {Une photo.} other {Un fichier.}}',
      '5': 'Cinq.',
      '6': '{n, plural, =1 {Un seul.} one {# seul.} many {# de fichiers.} other {# fichiers.}}',
      unknown: 'Erreur {code}.',
    },
    ja: { '-7': '接続が切れました。', '1': '{n, plural, other {#件のファイル}}', '3': '残り{count}', unknown: 'エラー {code}' },
    ru: {
      '-7': 'Соединение потеряно.',
      '1': '{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}',
      '3': '{count, plural, one {Остался #} few {Осталось #} many {Осталось #} other {Осталось #}}',
      '5': { text: 'Пять.', state: 'initial', note: 'Machine translated.' },
      '100-199': { text: 'В диапазоне.', state: 'reviewed' },
      unknown: 'Ошибка {code}.',
    },
  };
  const user: Record<string, Record<string, string>> = {
    en: { retry: 'Please try again.', busy: 'Busy, try later.' },
    ar: { retry: 'حاول مرة أخرى.', busy: 'مشغول.' },
    fr: { retry: 'Réessayez.', busy: 'Occupé.' },
    ja: { retry: 'もう一度お試しください。', busy: '混雑しています。' },
    ru: { retry: 'Повторите попытку.', busy: 'Занято.' },
  };
  const overrides: Record<string, Record<string, string>> = {
    en: { '1': '{n, plural, one {# file failed.} other {# files failed.}}', named: 'Something named happened.' },
    ja: { '1': '{n}件失敗しました。', named: '名前付き' },
    fr: { '100-199': 'Refusé par l’application.', '2': '{kind, select, photo {Photo refusée.} other {Refusé.}}' },
  };
  for (const locale of Object.keys(texts))
    write(`locales/${locale}/messages.json`, {
      locale,
      ...(locale === 'en' ? { sections: { general: 'General', files: 'Files' } } : {}),
      messages: texts[locale],
      user: user[locale],
      ...(overrides[locale] ? { userOverrides: overrides[locale] } : {}),
    });
  const result = await loadCatalog({ config: join(dir, 'codebook.config.json'), cwd: dir });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.catalog || !result.config) throw new Error(errors.map((e) => e.message).join('\n'));
  return { catalog: result.catalog, config: result.config };
}

async function scenarios(): Promise<Scenario[]> {
  const hazards = await loadTestCatalog('hazards');
  const own = await loadTestCatalog('default');
  const mixed = await mixedCatalog();
  const every = (c: Catalog) => [new Set<string>(), new Set(c.messages.map((m) => m.key))];
  const withConfig = (config: Config, change: Partial<Config>): Config => ({ ...config, ...change });
  return [
    { name: 'hazards', ...hazards, subsets: [...singleKeys(hazards.catalog), ...every(hazards.catalog)] },
    { name: 'default', ...own, subsets: [...randomSubsets(own.catalog, 13, 30), ...every(own.catalog)] },
    { name: 'mixed', ...mixed, subsets: [...singleKeys(mixed.catalog), ...randomSubsets(mixed.catalog, 7, 10), ...every(mixed.catalog)] },
    {
      name: 'mixed, XLIFF 1.2 and Java patterns always',
      catalog: mixed.catalog,
      config: withConfig(mixed.config, { xliff: { version: '1.2' }, java: { messageFormat: 'always' } }),
      subsets: singleKeys(mixed.catalog),
    },
  ];
}

/** The checks on one plan alone: every list keyed, no key unknown to the catalog (a key's entries may come in several runs: flutter's two audiences). */
function expectKeyedLists(plan: TargetPlan, catalog: Catalog): void {
  const known = new Set(catalog.messages.map((m) => m.key));
  for (const file of plan.files)
    for (const list of listsOf(file)) {
      expect(list.keys, `${file.path} ${list.field}: keys`).toBeDefined();
      expect(list.keys!.length, `${file.path} ${list.field}: one key per context`).toBe(list.contexts.length);
      for (const key of list.keys!) expect(isMessageKey(key) ? known.has(key) : true, `${file.path} ${list.field}: key ${key}`).toBe(true);
    }
}

/** The sub-plan against the whole one, for the keys in `keys`. */
function expectSamePlanOfKeys(whole: TargetPlan, sub: TargetPlan, keys: ReadonlySet<string>, catalog: Catalog, what: string): void {
  const messageKeys = new Set(catalog.messages.map((m) => m.key));
  // The cut-down plan may leave out a file that has no entry of its keys (apple's .stringsdict of a locale none of them is plural in).
  const subPaths = sub.files.map((f) => f.path);
  expect(subPaths, `${what}: files`).toEqual(whole.files.map((f) => f.path).filter((path) => subPaths.includes(path)));
  for (const file of whole.files.filter((f) => !subPaths.includes(f.path)))
    expect(
      listsOf(file).flatMap((l) => l.keys!.filter((k) => keys.has(k))),
      `${what}: ${file.path} is left out`,
    ).toEqual([]);
  whole.files.forEach((file) => {
    const other = sub.files.find((f) => f.path === file.path);
    if (!other) return;
    const at = `${what} ${file.path}`;
    expect(other.context, `${at}: context`).toEqual(file.context);
    expect(other.template, `${at}: template`).toBe(file.template);
    expect(other.content, `${at}: content`).toBe(file.content);
    expect(!!other.json, `${at}: json`).toBe(!!file.json);
    const [lists, subLists] = [listsOf(file), listsOf(other)];
    expect(subLists.length, `${at}: entry lists`).toBe(lists.length);
    lists.forEach((list, j) => {
      const subList = subLists[j]!;
      const where = `${at} ${list.field}`;
      expect([subList.template, subList.field, subList.separator, subList.builtIn], where).toEqual([
        list.template,
        list.field,
        list.separator,
        list.builtIn,
      ]);
      const kept = (key: string) => keys.has(key) || !isMessageKey(key);
      expect(subList.keys, `${where}: keys`).toEqual(list.keys!.filter(kept));
      const ofKeys = (l: EntryRendering) => l.contexts.filter((_, n) => keys.has(l.keys![n]!));
      expect(ofKeys(subList), `${where}: contexts`).toEqual(ofKeys(list));
    });
  });
  const perKey = (plan: TargetPlan) => plan.diagnostics.filter((d) => keys.has(keyOf(d, messageKeys)!));
  const rest = (plan: TargetPlan) => plan.diagnostics.filter((d) => keyOf(d, messageKeys) === undefined);
  expect(perKey(sub), `${what}: diagnostics of the keys`).toEqual(perKey(whole));
  expect(rest(sub), `${what}: diagnostics of no key`).toEqual(rest(whole));
}

/** Each entry list of a file rendered entry by entry through its own template, joined. */
function entryTexts(renderer: TemplateRenderer, id: string, list: EntryRendering): string[] {
  return list.contexts.map((context) => renderer.render(id, { path: 'entry', template: list.template, context }));
}

/** The file template's text with a marker for each entry list (an empty list is '', as the renderer gives it). */
function shellOf(renderer: TemplateRenderer, id: string, file: PlannedFile): string {
  const fields = Object.fromEntries(listsOf(file).map((l, i) => [l.field, l.contexts.length > 0 ? `\u0000list${i}\u0000` : '']));
  return renderer.render(id, { path: file.path, template: file.template!, context: { ...file.context, ...fields } });
}

/** The file as a warm run writes it: the shell, and each list's entries in it. */
function assembled(shell: string, lists: readonly (readonly string[])[], separators: readonly string[]): string {
  return shell.replace(/\u0000list(\d+)\u0000/g, (_, i: string) => lists[Number(i)]!.join(separators[Number(i)]!));
}

/**
 * What a warm run writes in each list of a file: the old entries of the other
 * keys, and in place of each run of an edited key's entries, that key's run of
 * the same rank in the re-planned list (cache/warm-edit.ts). Undefined when an
 * edited key has more or fewer runs than before: the warm run plans whole then.
 */
function spliced(
  renderer: TemplateRenderer,
  id: string,
  [whole, sub]: readonly [PlannedFile, PlannedFile | undefined],
  keys: ReadonlySet<string>,
): string[][] | undefined {
  const lists: string[][] = [];
  for (const [i, list] of listsOf(whole).entries()) {
    const subList = sub ? listsOf(sub)[i]! : { ...list, contexts: [], keys: [] };
    const old = entryTexts(renderer, id, list);
    const fresh = new Map<string, { key: string; texts: string[] }[]>();
    for (const run of runsOf(subList.keys!, entryTexts(renderer, id, subList)))
      if (keys.has(run.key)) fresh.set(run.key, [...(fresh.get(run.key) ?? []), run]);
    const used = new Map<string, number>();
    const out: string[] = [];
    for (const { key, texts } of runsOf(list.keys!, old))
      if (!keys.has(key)) out.push(...texts);
      else {
        const nth = used.get(key) ?? 0;
        used.set(key, nth + 1);
        const replacement = fresh.get(key)?.[nth];
        if (!replacement) return undefined;
        out.push(...replacement.texts);
      }
    if ([...fresh].some(([key, runs]) => (used.get(key) ?? 0) !== runs.length)) return undefined;
    lists.push(out);
  }
  return lists;
}

/** The runs of consecutive entries of one key, in file order. */
function runsOf(keys: readonly string[], texts: readonly string[]): { key: string; texts: string[] }[] {
  const runs: { key: string; texts: string[] }[] = [];
  keys.forEach((key, n) => {
    const last = runs[runs.length - 1];
    if (last && last.key === key) last.texts.push(texts[n]!);
    else runs.push({ key, texts: [texts[n]!] });
  });
  return runs;
}

/** A different text of the same kind for each translation of `keys`: the texts change, the keys that have one do not. */
function edited(catalog: Catalog, keys: ReadonlySet<string>): Catalog {
  const edit = (m: Message): Message => {
    if (!keys.has(m.key)) return m;
    const translations: Record<string, Translation> = {};
    for (const [locale, t] of Object.entries(m.translations)) {
      const text = `Edited ${t.text}`;
      const parsed = parseMessage(text);
      if (!parsed.ok) throw new Error(parsed.message);
      translations[locale] = { ...t, text, ast: parsed.ast, state: STATES[(STATES.indexOf(t.state) + 1) % STATES.length]! };
    }
    return { ...m, translations };
  };
  return {
    ...catalog,
    messages: catalog.messages.map(edit),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map(edit) } : {}),
  };
}

/** `t` with `text` (parsed) and every other field changed too: the next state, an origin `lines` further down, a note and a doubt. */
function retexted(t: Translation, text: string, { lines, note, doubt }: { lines: number; note: string; doubt: string }): Translation {
  const parsed = parseMessage(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    text,
    ast: parsed.ast,
    state: STATES[(STATES.indexOf(t.state) + 1) % STATES.length]!,
    origin: { ...t.origin, line: t.origin.line + lines, column: t.origin.column + 1 },
    note,
    doubts: [doubt],
  };
}

/**
 * Every translation of the catalog changed: text (a plural for a plain text
 * of a message with a plural param, plain for a plural), state, note, doubts
 * and origin; `userTexts` too unless told not to.
 */
function altered(catalog: Catalog, { userTexts = true } = {}): Catalog {
  const change = (t: Translation, params: Message['params']): Translation => {
    const count = params.find((p) => p.type === 'plural');
    const text =
      count && splitPlural(t.ast).kind !== 'plural' ? `{${count.name}, plural, one {# altered} other {# altered}}` : `Altered: ${t.state}.`;
    return retexted(t, text, { lines: 1000, note: `${t.note ?? ''} altered`, doubt: 'altered' });
  };
  const all = (translations: Record<string, Translation>, params: Message['params'] = []) =>
    Object.fromEntries(Object.entries(translations).map(([locale, t]) => [locale, change(t, params)]));
  const message = (m: Message): Message => ({ ...m, translations: all(m.translations, m.params) });
  return {
    ...catalog,
    messages: catalog.messages.map(message),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map(message) } : {}),
    ...(catalog.userTexts && userTexts ? { userTexts: catalog.userTexts.map((u) => ({ ...u, translations: all(u.translations) })) } : {}),
    ...(catalog.userOverrides ? { userOverrides: new Map([...catalog.userOverrides].map(([k, byLocale]) => [k, all(byLocale)])) } : {}),
  };
}

/**
 * Every translation changed but for what a digest may read: states, notes,
 * doubts and origins everywhere, and the texts of the other locales that are
 * plain text (no argument, no plural) made other plain texts.
 */
function sameDigests(catalog: Catalog): Catalog {
  const change = (t: Translation, locale: string): Translation => {
    const plain = locale !== catalog.sourceLocale && !t.text.includes('{');
    const text = plain ? `Other ${t.text.length}.` : t.text;
    return retexted(t, text, { lines: 7, note: 'other', doubt: 'other' });
  };
  const message = (m: Message): Message => ({
    ...m,
    translations: Object.fromEntries(Object.entries(m.translations).map(([l, t]) => [l, change(t, l)])),
  });
  return {
    ...catalog,
    messages: catalog.messages.map(message),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map(message) } : {}),
  };
}

/** The catalog whose every translation record throws when read. */
function unreadable(catalog: Catalog): Catalog {
  const fail = (): never => {
    throw new Error('a translation was read');
  };
  const trap = () => new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail }) as Record<string, Translation>;
  const message = (m: Message): Message => ({ ...m, translations: trap() });
  return {
    ...catalog,
    messages: catalog.messages.map(message),
    ...(catalog.userMessages ? { userMessages: catalog.userMessages.map(message) } : {}),
    ...(catalog.userTexts ? { userTexts: catalog.userTexts.map((u) => ({ ...u, translations: trap() })) } : {}),
    ...(catalog.userOverrides ? { userOverrides: new Map([...catalog.userOverrides].map(([k]) => [k, trap()])) } : {}),
  };
}

describe('warm-run declarations of the built-in targets', async () => {
  const all = await scenarios();
  const renderer = new TemplateRenderer();
  const byKey = builtInTargets.filter((t) => t.entriesByKey && !t.planOfKeys);
  const ofKeys = builtInTargets.filter((t) => t.planOfKeys);
  const noTexts = builtInTargets.filter((t) => t.readsNoTranslations);

  it('the catalogs have what the checks are about', () => {
    const mixed = all.find((s) => s.name === 'mixed')!;
    const plans = byKey.map((t) => [t.id, planOf(t, mixed.catalog, mixed.config)] as const);
    const keyed = plans.flatMap(([, p]) => p.diagnostics.filter((d) => d.key !== undefined));
    expect(keyed.length).toBeGreaterThan(0);
    const xliff = plans.find(([id]) => id === 'xliff')![1];
    const userKeys = xliff.files.flatMap((f) => listsOf(f).find((l) => l.field === 'userItems')!.keys!);
    expect(userKeys.some((k) => !isMessageKey(k)) && userKeys.some(isMessageKey)).toBe(true);
    expect(xliff.diagnostics.some((d) => d.key === '2' && d.message.startsWith('Key key.2 '))).toBe(true);
    expect(all.some((s) => s.catalog.userMessages)).toBe(true);
  });

  it('every built-in target declares entriesByKey or readsNoTranslations, or is listed with why not', () => {
    const undeclared = builtInTargets.filter((t) => !t.entriesByKey && !t.readsNoTranslations && !t.translationDigest).map((t) => t.id);
    const unlisted = undeclared.filter((id) => !(id in NEITHER));
    expect(
      unlisted,
      `declare entriesByKey, readsNoTranslations or a translationDigest, or add to NEITHER with the reason: ${unlisted.join(', ')}`,
    ).toEqual([]);
    // A listed target that declares one after all is a stale reason.
    expect(Object.keys(NEITHER)).toEqual(undeclared);
    expect(byKey.map((t) => t.id)).toEqual(['i18next', 'android', 'apple', 'flutter', 'gettext', 'java', 'xliff', 'catalog']);
    expect(ofKeys.map((t) => [t.id, t.entriesByKey, !!t.entriesAlsoChanged])).toEqual([['review', true, true]]);
    expect(noTexts.map((t) => t.id)).toEqual(['lookup-swift', 'lookup-dart']);
  });

  describe.each(byKey.map((t) => [t.id, t] as const))('%s: entriesByKey', (id, target) => {
    it.each(all.map((s) => [s.name, s] as const))('the plan of some keys is the whole plan of those keys (%s)', (_, scenario) => {
      const { catalog, config } = scenario;
      const whole = planOf(target, catalog, config);
      expectKeyedLists(whole, catalog);
      for (const keys of scenario.subsets) {
        const sub = planOf(target, catalogOfKeys(catalog, keys), config);
        expectKeyedLists(sub, catalog);
        expectSamePlanOfKeys(whole, sub, keys, catalog, `{${[...keys].slice(0, 5).join(', ')}${keys.size > 5 ? ', …' : ''}}`);
      }
    });

    it.each(all.map((s) => [s.name, s] as const))('entries that are no key’s read no message text (%s)', (_, { catalog, config }) => {
      const [whole, other] = [planOf(target, catalog, config), planOf(target, altered(catalog, { userTexts: false }), config)];
      for (const file of whole.files) {
        // Altered texts may add or drop a file of plurals (apple's .stringsdict): those hold message entries only.
        const same = other.files.find((f) => f.path === file.path);
        listsOf(file).forEach((list, j) => {
          const own = (l: EntryRendering) => l.contexts.filter((_, n) => !isMessageKey(l.keys![n]!));
          expect(same ? own(listsOf(same)[j]!) : [], `${file.path} ${list.field}`).toEqual(own(list));
        });
      }
    });

    it.each(all.map((s) => [s.name, s] as const))(
      'a file is its template around its entries, nothing more (%s)',
      (_, { catalog, config }) => {
        const whole = planOf(target, catalog, config);
        for (const file of whole.files) expectTemplateAroundEntries(renderer, id, file);
      },
    );

    it.each(all.map((s) => [s.name, s] as const))(
      'splicing the re-planned entries of edited keys gives the files of the edited catalog (%s)',
      (_, scenario) => {
        const { catalog, config } = scenario;
        const before = planOf(target, catalog, config);
        const messageKeys = new Set(catalog.messages.map((m) => m.key));
        let compared = 0;
        for (const keys of scenario.subsets.filter((s) => s.size > 0 && s.size < messageKeys.size).slice(0, 12)) {
          const changed = edited(catalog, keys);
          const after = planOf(target, changed, config);
          const sub = planOf(target, catalogOfKeys(changed, keys), config);
          // Where the files or an edited key's runs change, the warm run plans whole: nothing to compare.
          if (after.files.map((f) => f.path).join() !== before.files.map((f) => f.path).join()) continue;
          before.files.forEach((file, i) => {
            const lists = listsOf(file);
            const entries = spliced(renderer, id, [file, sub.files.find((f) => f.path === file.path)], keys);
            if (!entries) return;
            const warm = assembled(
              shellOf(renderer, id, file),
              entries,
              lists.map((l) => l.separator ?? '\n'),
            );
            expect(warm, `${file.path} after editing ${[...keys].join(', ')}`).toBe(renderer.render(id, after.files[i]!));
            compared += 1;
          });
          const kept = before.diagnostics.filter((d) => !keys.has(keyOf(d, messageKeys)!));
          const fresh = sub.diagnostics.filter((d) => keys.has(keyOf(d, messageKeys)!));
          const sorted = (ds: Diagnostic[]) => ds.map((d) => JSON.stringify(d)).sort();
          expect(sorted([...kept, ...fresh])).toEqual(sorted(after.diagnostics));
        }
        // The edits that leave the splice nothing to compare must not be all of them.
        expect(compared).toBeGreaterThan(0);
      },
    );
  });

  describe.each(ofKeys.map((t) => [t.id, t] as const))('%s: planOfKeys', (id, target) => {
    /** Findings on every third key (one rule on some, two on others), or shifted by one key: the rows change with them. */
    const findingsOf = (catalog: Catalog, shift: number): Finding[] =>
      catalog.messages.flatMap((m, i) =>
        (i + shift) % 3 !== 0
          ? []
          : (['qa/whitespace', ...((i + shift) % 2 === 0 ? ['qa/markup-differs' as const] : [])] as const).map((ruleId) => ({
              ruleId,
              severity: 'warning' as const,
              key: m.key,
              locales: [catalog.sourceLocale],
              message: `Finding ${ruleId} on ${m.key}.`,
              layer: 'merged',
              origins: [],
            })),
      );
    const optionsOf = (config: Config, findings: Finding[], findingsChanged?: ReadonlySet<string>) => ({
      config,
      header: 'Generated for the test.',
      findings,
      ...(findingsChanged ? { findingsChanged } : {}),
    });

    it('names the keys whose findings changed, and no keys when that is not known', () => {
      const { config } = all[0]!;
      expect(target.entriesAlsoChanged!(optionsOf(config, []))).toBeUndefined();
      expect([...target.entriesAlsoChanged!(optionsOf(config, [], new Set(['1'])))!]).toEqual(['1']);
    });

    it.each(all.map((s) => [s.name, s] as const))(
      'the plan of some keys is the whole plan, cut down to their entries (%s)',
      (_, scenario) => {
        const { catalog, config } = scenario;
        const options = optionsOf(config, findingsOf(catalog, 0));
        const whole = target.plan(catalog, options);
        expectKeyedLists({ ...whole, files: whole.files.filter((f) => listsOf(f).some((l) => l.keys)) }, catalog);
        for (const keys of scenario.subsets) {
          const sub = target.planOfKeys!(catalog, keys, options);
          expect(
            sub.files.map((f) => f.path),
            'every file',
          ).toEqual(whole.files.map((f) => f.path));
          whole.files.forEach((file, i) => {
            const other = sub.files[i]!;
            expect([other.context, other.template, !!other.json], file.path).toEqual([file.context, file.template, !!file.json]);
            listsOf(file).forEach((list, j) => {
              const subList = listsOf(other)[j]!;
              if (!list.keys) return expect(subList.contexts, `${file.path}: a list without keys is whole`).toEqual(list.contexts);
              expect(subList.keys, `${file.path}: keys`).toEqual(list.keys.filter((k) => keys.has(k)));
              expect(subList.contexts, `${file.path}: contexts`).toEqual(list.contexts.filter((_, n) => keys.has(list.keys![n]!)));
            });
          });
          expect(sub.diagnostics).toEqual(whole.diagnostics);
        }
      },
    );

    it.each(all.map((s) => [s.name, s] as const))('a file with keyed entries is its template around them, nothing more (%s)', (_, s) => {
      const whole = target.plan(s.catalog, optionsOf(s.config, findingsOf(s.catalog, 0)));
      const keyed = whole.files.filter((f) => listsOf(f).some((l) => l.keys));
      expect(keyed.length).toBeGreaterThan(0);
      for (const file of keyed) expectTemplateAroundEntries(renderer, id, file);
    });

    it.each(all.map((s) => [s.name, s] as const))(
      'splicing the re-planned entries of edited keys and of changed findings gives the files of the edited catalog (%s)',
      (_, scenario) => {
        const { catalog, config } = scenario;
        const messageKeys = new Set(catalog.messages.map((m) => m.key));
        let compared = 0;
        for (const [n, keys] of scenario.subsets
          .filter((s) => s.size > 0 && s.size < messageKeys.size)
          .slice(0, 12)
          .entries()) {
          const changed = edited(catalog, keys);
          const [findings, after] = [findingsOf(catalog, 0), findingsOf(catalog, n % 2)];
          const text = (fs: readonly Finding[], key: string) => JSON.stringify(fs.filter((f) => f.key === key));
          const findingsChanged = new Set([...messageKeys].filter((k) => text(findings, k) !== text(after, k)));
          const also = target.entriesAlsoChanged!(optionsOf(config, after, findingsChanged))!;
          const redone = new Set([...keys, ...also]);
          const before = target.plan(catalog, optionsOf(config, findings));
          const now = target.plan(changed, optionsOf(config, after));
          const sub = target.planOfKeys!(changed, redone, optionsOf(config, after));
          before.files.forEach((file, i) => {
            const lists = listsOf(file);
            // A file without keyed entries, or whose text outside them changed, is rendered whole by a warm run.
            if (!lists.some((l) => l.keys) || shellOf(renderer, id, file) !== shellOf(renderer, id, sub.files[i]!)) return;
            const entries = spliced(renderer, id, [file, sub.files[i]!], redone);
            expect(entries, file.path).toBeDefined();
            const warm = assembled(
              shellOf(renderer, id, file),
              entries!,
              lists.map((l) => l.separator ?? '\n'),
            );
            expect(warm, `${file.path} after editing ${[...keys].join(', ')}`).toBe(renderer.render(id, now.files[i]!));
            compared += 1;
          });
        }
        expect(compared).toBeGreaterThan(0);
      },
    );
  });

  describe.each(builtInTargets.filter((t) => t.translationDigest).map((t) => [t.id, t] as const))('%s: translationDigest', (_, target) => {
    const digests = (c: Catalog) => [...c.messages, ...(c.userMessages ?? [])].map((m) => `${m.key} ${target.translationDigest!(m, c)}`);

    it.each(all.map((s) => [s.name, s] as const))('translations with the same digests plan the same (%s)', (__, { catalog, config }) => {
      const other = sameDigests(catalog);
      expect(digests(other)).toEqual(digests(catalog));
      expect(planOf(target, other, config)).toEqual(planOf(target, catalog, config));
    });
  });

  describe.each(noTexts.map((t) => [t.id, t] as const))('%s: readsNoTranslations', (_, target) => {
    it.each(all.map((s) => [s.name, s] as const))('the plan is the same whatever the translations (%s)', (__, { catalog, config }) => {
      const whole = planOf(target, catalog, config);
      expect(whole.files.length).toBeGreaterThan(0);
      expect(planOf(target, altered(catalog), config)).toEqual(whole);
    });

    it.each(all.map((s) => [s.name, s] as const))('the plan reads no translation (%s)', (__, { catalog, config }) => {
      expect(planOf(target, unreadable(catalog), config)).toEqual(planOf(target, catalog, config));
    });
  });
});

/** A file renders as its shell with its entry lists' entries put in, nothing more. */
function expectTemplateAroundEntries(renderer: TemplateRenderer, id: string, file: PlannedFile): void {
  const lists = listsOf(file);
  const text = assembled(
    shellOf(renderer, id, file),
    lists.map((l) => entryTexts(renderer, id, l)),
    lists.map((l) => l.separator ?? '\n'),
  );
  expect(renderer.render(id, file), file.path).toBe(text);
}
