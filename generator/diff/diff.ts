/**
 * What changed between two releases of the catalog, judged by what an app
 * that uses the bundles would notice. Every change has a kind, a severity
 * (`breaking`: an app that compiled or worked against the old release may
 * not any more; `warning`: it still works but behaves differently; `info`:
 * nothing to do) and a sentence for people.
 *
 * Codes are matched by key. A range whose key changed is matched to the old
 * range it overlaps, and reported as `range-changed` instead of one range
 * removed and another added.
 */
import { compareKeys } from '../catalog/keys.js';
import type { ParamType } from '../catalog/model.js';
import { compareText, type Snapshot, type SnapshotMessage, type SnapshotParam } from '../targets/catalog-snapshot.js';
import { pushTo } from '../multimap.js';

export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/** Every change kind with its severity, in report order within one key. */
export const CHANGE_KINDS = {
  'namespace-changed': 'breaking',
  'locale-removed': 'breaking',
  'locale-added': 'info',
  'code-removed': 'breaking',
  'code-added': 'info',
  'range-changed': 'breaking',
  'section-changed': 'warning',
  'params-changed': 'breaking',
  'identifier-changed': 'breaking',
  'action-changed': 'warning',
  'fault-changed': 'info',
  'translation-removed': 'warning',
  'translation-added': 'info',
  'text-changed': 'info',
  'user-text-changed': 'info',
} as const satisfies Record<string, ChangeSeverity>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export const SEVERITY_ORDER: readonly ChangeSeverity[] = ['breaking', 'warning', 'info'];

interface ChangeBase<K extends ChangeKind> {
  kind: K;
  severity: (typeof CHANGE_KINDS)[K];
  /** One sentence for people. */
  message: string;
}

export type Change =
  | (ChangeBase<'namespace-changed'> & { old: string; new: string })
  | (ChangeBase<'locale-removed' | 'locale-added'> & { locale: string })
  | (ChangeBase<'code-removed' | 'code-added'> & { key: string; code?: number; range?: [number, number]; section: string })
  | (ChangeBase<'range-changed'> & { key: string; oldKey: string; old: [number, number]; new: [number, number] })
  | (ChangeBase<'section-changed'> & { key: string; old: string; new: string })
  | (ChangeBase<'params-changed'> & {
      key: string;
      removed: SnapshotParam[];
      added: SnapshotParam[];
      retyped: { name: string; old: ParamType; new: ParamType }[];
    })
  | (ChangeBase<'identifier-changed'> & { key: string; platforms: string[]; old: string; new: string })
  | (ChangeBase<'action-changed' | 'fault-changed'> & { key: string; old?: string; new?: string })
  | (ChangeBase<'user-text-changed'> & { key: string; locale: string; old?: string; new?: string })
  | (ChangeBase<'translation-removed'> & { key: string; locale: string; old: string; fallback: string })
  | (ChangeBase<'translation-added'> & { key: string; locale: string; new: string })
  | (ChangeBase<'text-changed'> & { key: string; locale: string; old: string; new: string });

export interface DiffResult {
  changes: Change[];
}

export function isChangeKind(kind: string): kind is ChangeKind {
  return Object.hasOwn(CHANGE_KINDS, kind);
}

/** "code 6014", "range 120001-130000", "key unknown". */
export function describeKey(message: Pick<SnapshotMessage, 'key' | 'code' | 'range'>): string {
  if (message.code !== undefined) return `code ${message.key}`;
  if (message.range) return `range ${message.key}`;
  return `key ${message.key}`;
}

/**
 * The changes from `old` to `new`, in a fixed order: namespace, locales,
 * then per key (compareKeys) by kind, then by locale.
 */
export function diffCatalogs(old: Snapshot, new_: Snapshot): DiffResult {
  return { changes: [...namespaceChanges(old, new_), ...localeChanges(old, new_), ...keyChanges(old, new_)] };
}

function namespaceChanges(old: Snapshot, new_: Snapshot): Change[] {
  if (old.namespace === new_.namespace) return [];
  return [
    {
      kind: 'namespace-changed',
      severity: 'breaking',
      old: old.namespace,
      new: new_.namespace,
      message: `The namespace changed from ${JSON.stringify(old.namespace)} to ${JSON.stringify(new_.namespace)}: every i18next lookup, bundle file and Java bundle name changes.`,
    },
  ];
}

/** Locales removed, then locales added, each source locale first. */
function localeChanges(old: Snapshot, new_: Snapshot): Change[] {
  const changes: Change[] = [];
  const oldLocales = new Set(old.locales);
  const newLocales = new Set(new_.locales);
  for (const locale of sortedLocales(
    old.locales.filter((l) => !newLocales.has(l)),
    new_.sourceLocale,
  )) {
    changes.push({ kind: 'locale-removed', severity: 'breaking', locale, message: `Locale ${locale} was removed: its bundles are gone.` });
  }
  for (const locale of sortedLocales(
    new_.locales.filter((l) => !oldLocales.has(l)),
    new_.sourceLocale,
  )) {
    const count = new_.messages.filter((m) => m.texts[locale] !== undefined).length;
    changes.push({ kind: 'locale-added', severity: 'info', locale, message: `Locale ${locale} was added with ${count} text(s).` });
  }
  return changes;
}

/** Per key in compareKeys order: removed, added, or (present on both sides, or a moved range) what changed in it. */
function keyChanges(old: Snapshot, new_: Snapshot): Change[] {
  const changes: Change[] = [];
  const oldByKey = new Map(old.messages.map((m) => [m.key, m]));
  const newByKey = new Map(new_.messages.map((m) => [m.key, m]));
  const { movedFrom, pairedOld } = movedRanges(
    old.messages.filter((m) => !newByKey.has(m.key)),
    new_.messages.filter((m) => !oldByKey.has(m.key)),
  );
  const keys = [...new Set([...old.messages.map((m) => m.key), ...new_.messages.map((m) => m.key)])].sort(compareKeys);
  const newLocales = new Set(new_.locales);
  const shared = sortedLocales(
    old.locales.filter((l) => newLocales.has(l)),
    new_.sourceLocale,
  );
  for (const key of keys) {
    const before = oldByKey.get(key);
    const after = newByKey.get(key);
    if (before && !after) {
      if (!pairedOld.has(key)) changes.push(presence('code-removed', before));
      continue;
    }
    if (!after) continue;
    const moved = movedFrom.get(key);
    if (!before && !moved) {
      changes.push(presence('code-added', after));
      continue;
    }
    if (moved) changes.push(rangeChanged(moved, after));
    changes.push(...messageChanges(moved ?? before!, after, shared, new_.sourceLocale, !moved));
  }
  return changes;
}

/** A moved range: each old range is paired with the first unmatched new range it overlaps. */
function movedRanges(
  removed: readonly SnapshotMessage[],
  added: readonly SnapshotMessage[],
): { movedFrom: Map<string, SnapshotMessage>; pairedOld: Set<string> } {
  const movedFrom = new Map<string, SnapshotMessage>();
  const pairedOld = new Set<string>();
  for (const before of removed) {
    if (!before.range) continue;
    const after = added.find((m) => m.range && !movedFrom.has(m.key) && overlaps(before.range!, m.range));
    if (!after) continue;
    movedFrom.set(after.key, before);
    pairedOld.add(before.key);
  }
  return { movedFrom, pairedOld };
}

function rangeChanged(moved: SnapshotMessage, after: SnapshotMessage): Change {
  return {
    kind: 'range-changed',
    severity: 'breaking',
    key: after.key,
    oldKey: moved.key,
    old: moved.range!,
    new: after.range!,
    message: `Range ${moved.key} became ${after.key}: codes ${uncovered(moved.range!, after.range!)} change message, and the key ${moved.key} is gone.`,
  };
}

function presence(kind: 'code-removed' | 'code-added', m: SnapshotMessage): Change {
  const what = describeKey(m);
  const where = { ...(m.code !== undefined ? { code: m.code } : {}), ...(m.range ? { range: m.range } : {}) };
  const message =
    kind === 'code-removed'
      ? `${capitalize(what)} (section ${m.section}) was removed.`
      : `${capitalize(what)} (section ${m.section}) was added.`;
  return kind === 'code-removed'
    ? { kind, severity: 'breaking', key: m.key, ...where, section: m.section, message }
    : { kind, severity: 'info', key: m.key, ...where, section: m.section, message };
}

/** Changes of one message present on both sides (`before` may be the old range a moved range replaced). */
function messageChanges(
  before: SnapshotMessage,
  after: SnapshotMessage,
  locales: string[],
  sourceLocale: string,
  compareIdentifiers: boolean,
): Change[] {
  const what = describeKey(after);
  return [
    ...sectionChanges(before, after, what),
    ...paramsChanges(before, after, what),
    ...(compareIdentifiers ? identifierChanges(before, after, what) : []),
    ...actionChanges(before, after, what),
    ...faultChanges(before, after, what),
    ...userTextChanges(before, after, locales, what),
    ...translationsRemoved(before, after, locales, sourceLocale, what),
    ...translationsAdded(before, after, locales, what),
    ...textChanges(before, after, locales, what),
  ];
}

function sectionChanges(before: SnapshotMessage, after: SnapshotMessage, what: string): Change[] {
  if (before.section === after.section) return [];
  return [
    {
      kind: 'section-changed',
      severity: 'warning',
      key: after.key,
      old: before.section,
      new: after.section,
      message: `${capitalize(what)} moved from section ${before.section} to ${after.section}.`,
    },
  ];
}

/** Parameters removed, added and retyped, each by name, as one change. */
function paramsChanges(before: SnapshotMessage, after: SnapshotMessage, what: string): Change[] {
  const oldParams = new Map(before.params.map((p) => [p.name, p.type]));
  const newParams = new Map(after.params.map((p) => [p.name, p.type]));
  const removed = before.params.filter((p) => !newParams.has(p.name)).sort(byName);
  const added = after.params.filter((p) => !oldParams.has(p.name)).sort(byName);
  const retyped = after.params
    .filter((p) => oldParams.has(p.name) && oldParams.get(p.name) !== p.type)
    .sort(byName)
    .map((p) => ({ name: p.name, old: oldParams.get(p.name)!, new: p.type }));
  if (removed.length + added.length + retyped.length === 0) return [];
  const parts = [
    ...removed.map((p) => `{${p.name}} (${p.type}) removed`),
    ...added.map((p) => `{${p.name}} (${p.type}) added`),
    ...retyped.map((p) => `{${p.name}} changed from ${p.old} to ${p.new}`),
  ];
  return [
    {
      kind: 'params-changed',
      severity: 'breaking',
      key: after.key,
      removed,
      added,
      retyped,
      message: `Parameters of ${what}: ${parts.join('; ')}.`,
    },
  ];
}

/** One change per rename: platforms whose identifier changed the same way are reported together. */
function identifierChanges(before: SnapshotMessage, after: SnapshotMessage, what: string): Change[] {
  const byRename = new Map<string, string[]>();
  for (const platform of Object.keys(after.identifiers).sort(compareText)) {
    const was = before.identifiers[platform];
    const now = after.identifiers[platform];
    if (was === undefined || was === now) continue;
    pushTo(byRename, JSON.stringify([was, now]), platform);
  }
  return [...byRename].map(([id, platforms]): Change => {
    const [was, now] = JSON.parse(id) as [string, string];
    return {
      kind: 'identifier-changed',
      severity: 'breaking',
      key: after.key,
      platforms,
      old: was,
      new: now,
      message: `The ${platforms.join(' and ')} identifier of ${what} changed from ${was} to ${now}.`,
    };
  });
}

function actionChanges(before: SnapshotMessage, after: SnapshotMessage, what: string): Change[] {
  if (before.action === after.action) return [];
  return [
    {
      kind: 'action-changed',
      severity: 'warning',
      key: after.key,
      ...(before.action ? { old: before.action } : {}),
      ...(after.action ? { new: after.action } : {}),
      message: `The action of ${what} changed from ${before.action ?? '(none)'} to ${after.action ?? '(none)'}: apps offer their users something else.`,
    },
  ];
}

function faultChanges(before: SnapshotMessage, after: SnapshotMessage, what: string): Change[] {
  if (before.fault === after.fault) return [];
  return [
    {
      kind: 'fault-changed',
      severity: 'info',
      key: after.key,
      ...(before.fault ? { old: before.fault } : {}),
      ...(after.fault ? { new: after.fault } : {}),
      message: `The fault of ${what} changed from ${before.fault ?? '(none)'} to ${after.fault ?? '(none)'}.`,
    },
  ];
}

function userTextChanges(before: SnapshotMessage, after: SnapshotMessage, locales: readonly string[], what: string): Change[] {
  const changes: Change[] = [];
  for (const locale of locales) {
    const was = before.userTexts?.[locale];
    const now = after.userTexts?.[locale];
    if (was !== now)
      changes.push({
        kind: 'user-text-changed',
        severity: 'info',
        key: after.key,
        locale,
        ...(was !== undefined ? { old: was } : {}),
        ...(now !== undefined ? { new: now } : {}),
        message: `The ${locale} user message of ${what} ${was === undefined ? 'was added' : now === undefined ? 'was removed' : 'was reworded'}.`,
      });
  }
  return changes;
}

function translationsRemoved(
  before: SnapshotMessage,
  after: SnapshotMessage,
  locales: readonly string[],
  sourceLocale: string,
  what: string,
): Change[] {
  const changes: Change[] = [];
  for (const locale of locales) {
    const was = before.texts[locale];
    if (was !== undefined && after.texts[locale] === undefined) {
      changes.push({
        kind: 'translation-removed',
        severity: 'warning',
        key: after.key,
        locale,
        old: was,
        fallback: sourceLocale,
        message: `The ${locale} text of ${what} was removed; ${locale === sourceLocale ? 'apps have no text for it' : `apps fall back to ${sourceLocale}`}.`,
      });
    }
  }
  return changes;
}

function translationsAdded(before: SnapshotMessage, after: SnapshotMessage, locales: readonly string[], what: string): Change[] {
  const changes: Change[] = [];
  for (const locale of locales) {
    const now = after.texts[locale];
    if (now !== undefined && before.texts[locale] === undefined) {
      changes.push({
        kind: 'translation-added',
        severity: 'info',
        key: after.key,
        locale,
        new: now,
        message: `${capitalize(what)} now has a ${locale} text.`,
      });
    }
  }
  return changes;
}

/** Texts present on both sides that differ. */
function textChanges(before: SnapshotMessage, after: SnapshotMessage, locales: readonly string[], what: string): Change[] {
  const changes: Change[] = [];
  for (const locale of locales) {
    const was = before.texts[locale];
    const now = after.texts[locale];
    if (was !== undefined && now !== undefined && was !== now) {
      changes.push({
        kind: 'text-changed',
        severity: 'info',
        key: after.key,
        locale,
        old: was,
        new: now,
        message: `The ${locale} text of ${what} changed.`,
      });
    }
  }
  return changes;
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The codes covered by one range and not the other, as text. */
function uncovered(was: readonly [number, number], now: readonly [number, number]): string {
  const parts: string[] = [];
  const span = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);
  if (was[0] < now[0]) parts.push(span(was[0], now[0] - 1));
  if (now[1] < was[1]) parts.push(span(now[1] + 1, was[1]));
  if (now[0] < was[0]) parts.push(span(now[0], was[0] - 1));
  if (was[1] < now[1]) parts.push(span(was[1] + 1, now[1]));
  return parts.join(', ');
}

function sortedLocales(locales: readonly string[], sourceLocale: string): string[] {
  return [...locales].sort((a, b) => (a === sourceLocale ? -1 : b === sourceLocale ? 1 : compareText(a, b)));
}

function byName(a: SnapshotParam, b: SnapshotParam): number {
  return compareText(a.name, b.name);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
