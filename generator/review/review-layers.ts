/**
 * Runs the QA checks on every layer stack and keeps a problem visible
 * together with the layer that resolved it.
 *
 * A stack is the catalog merged from the layers up to and including one
 * layer; the last stack is the full merge, named "merged". Every finding of
 * the merged catalog is reported (layer "merged"). A finding of an earlier
 * stack is reported only when
 * - the merged catalog no longer has it (same rule, key and locales, or the
 *   same check-specific id), and
 * - it involves a text (or a text-less entry) of that stack's own layer, so
 *   that keys simply not yet translated by an earlier layer are not
 *   reported as "resolved" by the layer that translates them.
 * Such a finding gets `resolvedBy`: the origins of the merged texts that
 * replaced the ones it was about (or, when none was replaced, of the merged
 * texts for its locales). A finding found in several earlier stacks is
 * reported once, for the first.
 */
import type { Gap, MergeResult } from '../catalog/merge.js';
import { mergeLayers } from '../catalog/merge.js';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseMessage } from '../catalog/icu.js';
import { compareKeys } from '../catalog/keys.js';
import type { SourceFile } from '../catalog/load-layers.js';
import type { Catalog, Message, Origin, Translation } from '../catalog/model.js';
import { SourceOrigin } from '../catalog/origin.js';
import type { Config } from '../config/load-config.js';
import type { CheckSettings, ReviewSettings, SeveritySetting } from '../config/review-settings.js';
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Finding } from './finding.js';
import type { QaCheck, Subject } from './checks/check.js';
import { qaChecks } from './checks/index.js';
import { applyStrict } from './severity.js';
import { pushTo } from '../multimap.js';

/** The name of the last stack: the full merge. */
export const MERGED_LAYER = 'merged';

export interface LayerStack {
  /** A layer name from the config, or "merged" for the last stack. */
  layer: string;
  catalog: Catalog;
  gaps?: Gap[];
  /**
   * An earlier stack merged from registries alone: it has no text, user text or gap, so no check
   * finds in it what reviewLayers would report (see there), and its catalog is merged only when read.
   */
  textless?: boolean;
}

export interface ReviewOptions {
  /** Rule id → severity, or "off" to skip the rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The checks to run; all of them by default. */
  checks?: readonly QaCheck[];
  /** What the config tunes for the checks (jargon list, length limit). */
  settings?: CheckSettings;
}

interface Run {
  finding: Finding;
  identity: string;
  subjects: Subject[];
}

/**
 * Merges every prefix of the config's layers (and fills the ASTs); the last stack is the full
 * merge, named "merged". A caller that has already merged and validated everything passes it as
 * `merged`, so the full catalog is not built twice.
 */
export function buildLayerStacks(files: readonly SourceFile[], config: Config, merged?: { catalog: Catalog; gaps: Gap[] }): LayerStack[] {
  const names = config.layers.map((l) => l.name);
  // The AST of each text, parsed once for all stacks: a text most stacks share is one parse. Filled
  // from the merged catalog when a stack first has a text (a registry-only stack has none).
  const asts = new Map<string, MessageFormatElement[] | null>();
  const astsOfMerged = () => {
    if (merged && asts.size === 0)
      for (const message of merged.catalog.messages)
        for (const t of Object.values(message.translations)) if (t.ast.length > 0) asts.set(t.text, t.ast);
    return asts;
  };
  return names.map((name, i) => {
    if (merged && i === names.length - 1) return { layer: MERGED_LAYER, catalog: merged.catalog, gaps: merged.gaps };
    const included = new Set(names.slice(0, i + 1));
    const stackFiles = files.filter((f) => included.has(f.layer));
    if (i < names.length - 1 && !stackFiles.some((f) => f.kind === 'messages')) return textlessStack(name, stackFiles, config);
    const stack = mergeLayers(stackFiles, config);
    // Fills each translation's AST as the validate stage does; its diagnostics are the validate stage's business.
    if (hasTranslations(stack.catalog)) fillAsts(stack.catalog, astsOfMerged());
    return { layer: i === names.length - 1 ? MERGED_LAYER : name, catalog: stack.catalog, gaps: stack.gaps };
  });
}

/** An earlier stack of registries alone, merged when its catalog or gaps are first read (reviewLayers reads neither). */
function textlessStack(layer: string, files: readonly SourceFile[], config: Config): LayerStack {
  let merged: MergeResult | undefined;
  const merge = () => (merged ??= mergeLayers(files, config));
  return {
    layer,
    textless: true,
    get catalog() {
      return merge().catalog;
    },
    get gaps() {
      return merge().gaps;
    },
  };
}

function hasTranslations(catalog: Catalog): boolean {
  return catalog.messages.some((m) => Object.keys(m.translations).length > 0);
}

/** Sets each translation's AST to the parse of its text, as validateCatalog does (a text that does not parse keeps its AST). */
export function fillAsts(catalog: Catalog, asts: Map<string, MessageFormatElement[] | null>): void {
  for (const message of catalog.messages) {
    for (const translation of Object.values(message.translations)) {
      let ast = asts.get(translation.text);
      if (ast === undefined) {
        const parsed = parseMessage(translation.text);
        ast = parsed.ok ? parsed.ast : null;
        asts.set(translation.text, ast);
      }
      if (ast) translation.ast = ast;
    }
  }
}

export function reviewLayers(stacks: readonly LayerStack[], options: ReviewOptions = {}): Finding[] {
  if (stacks.length === 0) return [];
  const final = stacks[stacks.length - 1];
  const rank = new Map(stacks.map((s, i) => [s.layer, i]));
  // Every stack's messages by key, built once: runChecks, unreportableKeys and resolvedBy look keys up in them.
  const finalByKey = messagesByKey(final.catalog);
  const current = runChecks(final, finalByKey, options);
  const currentIds = new Set(current.map((r) => r.identity));
  const resolved = new Map<string, Finding>();
  for (const stack of stacks.slice(0, -1)) {
    // No finding can involve a text of a registries-only stack's layer: unreportableKeys would skip every message, and the other checks find nothing without texts.
    if (stack.textless) continue;
    for (const run of runChecks(stack, messagesByKey(stack.catalog), options, unreportableKeys(stack, final, finalByKey))) {
      if (currentIds.has(run.identity) || resolved.has(run.identity)) continue;
      const own = run.finding.origins.some((o) => o.layer === stack.layer) || run.subjects.some((s) => s.origin?.layer === stack.layer);
      if (!own) continue;
      resolved.set(run.identity, { ...run.finding, resolvedBy: resolvedBy(run.subjects, finalByKey) });
    }
  }
  return [...current.map((r) => r.finding), ...resolved.values()].sort((a, b) => compareFindings(a, b, rank));
}

/** Reviews the layer files of a config with its `review` settings: the pipeline's one call. */
export function reviewSources(
  files: readonly SourceFile[],
  config: Config,
  settings: ReviewSettings = {},
  merged?: { catalog: Catalog; gaps: Gap[] },
): Finding[] {
  const findings = reviewLayers(buildLayerStacks(files, config, merged), reviewOptionsOf(settings));
  return settings.strict ? applyStrict(findings) : findings;
}

/** What reviewLayers is told by a config's `review` settings (`strict` is applied to its findings afterwards). */
export function reviewOptionsOf(settings: ReviewSettings): ReviewOptions {
  const { severities, strict: _strict, ...checkSettings } = settings;
  return { ...(severities ? { severities } : {}), settings: checkSettings };
}

function messagesByKey(catalog: Catalog): Map<string, Message> {
  return new Map(catalog.messages.map((m) => [m.key, m]));
}

function runChecks(
  stack: LayerStack,
  byKey: ReadonlyMap<string, Message>,
  options: ReviewOptions,
  skip: ReadonlySet<string> = new Set(),
): Run[] {
  const { catalog } = stack;
  const gapsByKey = gapsByKeyOf(stack);
  const runs: Run[] = [];
  // One context per message, shared by every check (they only read it); the messages without gaps (most) share one.
  const settings = options.settings ? { settings: options.settings } : {};
  const withoutGaps = { gaps: [], ...settings };
  const contexts = catalog.messages.map((message) => {
    const gaps = gapsByKey.get(message.key);
    return gaps ? { gaps, ...settings } : withoutGaps;
  });
  // The positions of the messages that message-scoped checks review, when some are skipped: the skip set is read once, not once per check.
  const kept = skip.size > 0 ? positionsNotIn(catalog.messages, skip) : undefined;
  for (const check of options.checks ?? qaChecks) {
    const setting = options.severities?.[check.id];
    if (setting === 'off') continue;
    const positions = check.scope === 'message' ? kept : undefined;
    const count = positions ? positions.length : catalog.messages.length;
    for (let n = 0; n < count; n++) {
      const i = positions ? positions[n] : n;
      const message = catalog.messages[i];
      const hits = check.check(message, catalog, contexts[i]);
      for (const hit of hits) {
        const key = hit.key ?? message.key;
        const locales = [...hit.locales].sort();
        const severity: Severity = setting ?? hit.severity ?? check.severity;
        const subjects =
          hit.subjects ??
          locales.map((locale) => {
            const origin = byKey.get(key)?.translations[locale]?.origin;
            return { key, locale, ...(origin ? { origin } : {}) };
          });
        runs.push({
          finding: {
            ruleId: check.id,
            severity,
            key,
            locales,
            message: hit.message,
            layer: stack.layer,
            origins: dedupeOrigins(hit.origins),
          },
          identity: [check.id, key, hit.id ?? locales.join(',')].join('\u0000'),
          subjects,
        });
      }
    }
  }
  return runs;
}

function positionsNotIn(messages: readonly Message[], skip: ReadonlySet<string>): number[] {
  const positions: number[] = [];
  for (let i = 0; i < messages.length; i++) if (!skip.has(messages[i].key)) positions.push(i);
  return positions;
}

function gapsByKeyOf(stack: LayerStack): Map<string, Gap[]> {
  const gapsByKey = new Map<string, Gap[]>();
  for (const gap of stack.gaps ?? []) pushTo(gapsByKey, gap.key, gap);
  return gapsByKey;
}

/**
 * Keys of an earlier stack whose message-scoped findings (QaCheck.scope) would all be dropped by
 * reviewLayers, so those checks need not run on them:
 * - the message, with its translations and gaps, is the same as in the last stack (for catalogs
 *   of the same locales): the checks find what they find there, which is all current; or
 * - no translation (nor replaced definition) or gap of the message comes from the stack's own
 *   layer: the findings' origins and subjects come from those, so none would be the layer's own.
 */
function unreportableKeys(stack: LayerStack, final: LayerStack, finalByKey: ReadonlyMap<string, Message>): Set<string> {
  const skip = new Set<string>();
  const a = stack.catalog;
  const b = final.catalog;
  const sameLocales = a.sourceLocale === b.sourceLocale && sameList(a.locales, b.locales, (x, y) => x === y);
  const gapsA = gapsByKeyOf(stack);
  const gapsB = gapsByKeyOf(final);
  for (const message of a.messages) {
    const gaps = gapsA.get(message.key) ?? [];
    if (!mentionsLayer(message, gaps, stack.layer)) {
      skip.add(message.key);
      continue;
    }
    const other = finalByKey.get(message.key);
    if (!sameLocales || !other || !sameMessage(message, other)) continue;
    if (!sameList(gaps, gapsB.get(message.key) ?? [], sameGap)) continue;
    skip.add(message.key);
  }
  return skip;
}

function mentionsLayer(message: Message, gaps: readonly Gap[], layer: string): boolean {
  for (const t of Object.values(message.translations)) {
    if (t.origin.layer === layer || t.overrides?.some((o) => o.layer === layer)) return true;
  }
  return gaps.some((g) => g.origin.layer === layer);
}

function sameMessage(a: Message, b: Message): boolean {
  if (a.key !== b.key || a.code !== b.code || a.section !== b.section || a.description !== b.description) return false;
  if (!sameList(a.range ?? [], b.range ?? [], (x, y) => x === y) || (a.range === undefined) !== (b.range === undefined)) return false;
  if (
    !sameList(
      a.params,
      b.params,
      (x, y) => x.name === y.name && x.type === y.type && x.example === y.example && x.description === y.description,
    )
  )
    return false;
  if (!sameOrigin(a.origin, b.origin)) return false;
  const locales = Object.keys(a.translations);
  if (locales.length !== Object.keys(b.translations).length) return false;
  return locales.every((locale) => b.translations[locale] !== undefined && sameTranslation(a.translations[locale], b.translations[locale]));
}

function sameTranslation(a: Translation, b: Translation): boolean {
  return (
    a.text === b.text &&
    a.state === b.state &&
    a.note === b.note &&
    sameOrigin(a.origin, b.origin) &&
    (a.doubts === undefined) === (b.doubts === undefined) &&
    sameList(a.doubts ?? [], b.doubts ?? [], (x, y) => x === y) &&
    (a.overrides === undefined) === (b.overrides === undefined) &&
    sameList(a.overrides ?? [], b.overrides ?? [], sameOrigin)
  );
}

function sameGap(a: Gap, b: Gap): boolean {
  return a.key === b.key && a.locale === b.locale && sameOrigin(a.origin, b.origin) && sameList(a.doubts, b.doubts, (x, y) => x === y);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
}

function resolvedBy(subjects: readonly Subject[], byKey: ReadonlyMap<string, Message>): Origin[] {
  const replaced: Origin[] = [];
  const all: Origin[] = [];
  for (const subject of subjects) {
    const now = byKey.get(subject.key)?.translations[subject.locale]?.origin;
    if (!now) continue;
    all.push(now);
    if (!subject.origin || !sameOrigin(subject.origin, now)) replaced.push(now);
  }
  return dedupeOrigins(replaced.length > 0 ? replaced : all);
}

function sameOrigin(a: Origin, b: Origin): boolean {
  return a === b || (a.layer === b.layer && a.file === b.file && SourceOrigin.samePointer(a, b));
}

function dedupeOrigins(origins: readonly Origin[]): Origin[] {
  const out: Origin[] = [];
  for (const o of origins) if (!out.some((seen) => sameOrigin(seen, o))) out.push(o);
  return out;
}

/** Key order (compareKeys), then rule, locales, layer stack order (unknown layers by name, "merged" last) and message. */
export function compareFindings(a: Finding, b: Finding, rank?: ReadonlyMap<string, number>): number {
  return (
    compareKeys(a.key, b.key) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.locales.join(','), b.locales.join(',')) ||
    layerRank(a.layer, rank) - layerRank(b.layer, rank) ||
    cmp(a.layer, b.layer) ||
    cmp(a.message, b.message)
  );
}

function layerRank(layer: string, rank?: ReadonlyMap<string, number>): number {
  if (layer === MERGED_LAYER) return Number.MAX_SAFE_INTEGER;
  return rank?.get(layer) ?? 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
