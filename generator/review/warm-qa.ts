/**
 * Translation QA of an edit: when only some keys' texts changed since a
 * review whose findings are at hand, the findings of the other keys stay as
 * they were, and only these are reviewed again (on layer stacks cut down to
 * the keys they read, stacks-of-keys.ts):
 * - the edited keys (every check, on every layer stack);
 * - the keys that share a group (QaCheck.groups: same source text, same
 *   text in a locale) with an edited key, in any stack, before or after the
 *   edit: a cross-key check's hits on them read the edited texts.
 * The cut stacks also hold every key that shares a group with one of those
 * or is its peer (QaCheck.peers: the keys naming its shared user text), so
 * that its checks read what they read in the whole catalog.
 * A finding is always on the key whose message the check was run on, and
 * reviewLayers keeps, drops and resolves a finding by its identity, which
 * holds its key, so a key's findings are a function of what its checks read
 * on each stack: what the module comment of review-layers.ts says holds
 * key by key. Merged with the others and sorted as reviewLayers sorts
 * (a stable sort: findings that compare equal are one key's, in the order
 * its review gave them), they are the whole review's findings.
 *
 * To find the groups without the stacks, each stack's groups are kept per
 * key as 32-bit hashes (a collision only makes more keys reviewed again).
 */
import type { Gap } from '../catalog/merge.js';
import type { SourceFile } from '../catalog/load-layers.js';
import type { Catalog } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import type { ReviewSettings } from '../config/review-settings.js';
import { hashText } from '../json/text-hash.js';
import type { QaCheck } from './checks/check.js';
import { qaChecks } from './checks/index.js';
import type { Finding } from './finding.js';
import { buildLayerStacks, compareFindings, reviewLayers, reviewOptionsOf, type LayerStack } from './review-layers.js';
import { applyStrict } from './severity.js';
import { stacksOfKeys } from './stacks-of-keys.js';

/** One stack's groups by key-table position: position p's are `tokens[offsets[p]…offsets[p+1])`. */
export interface StackGroups {
  offsets: Uint32Array;
  tokens: Uint32Array;
}

/** What a review leaves for the next one: its findings before `strict`, and every stack's groups. */
export interface QaState {
  findings: Finding[];
  groups: StackGroups[];
}

export interface QaInput {
  files: readonly SourceFile[];
  config: Config;
  settings: ReviewSettings;
  merged: { catalog: Catalog; gaps: Gap[] };
}

/** Where a warm review finds the key table and the layer stacks cut down to some keys. */
export interface QaCut {
  /** The key table, in catalog order. */
  keys: readonly string[];
  /** Each key's place in `keys`, when the caller has it (else warmQa makes it). */
  positions?: ReadonlyMap<string, number>;
  /** The layer stacks cut down to `keys` (stacks-of-keys.ts); undefined when they cannot be built from what was read. */
  stacksOf(keys: ReadonlySet<string>): LayerStack[] | undefined;
}

/** The cut of a whole catalog. */
export function cutOfCatalog({ files, config, merged }: QaInput): QaCut {
  return { keys: merged.catalog.messages.map((m) => m.key), stacksOf: (keys) => stacksOfKeys(files, config, merged, keys) };
}

export interface QaResult {
  /** With `strict` applied: the run's findings. */
  findings: Finding[];
  state: QaState;
  /** On a warm review, the keys reviewed again (the others' findings are as they were); unset on a whole one. */
  reviewed?: ReadonlySet<string>;
}

/** The whole review, as reviewSources gives it, with the state a warm one starts from. */
export function wholeQa({ files, config, settings, merged }: QaInput): QaResult {
  const stacks = buildLayerStacks(files, config, merged);
  const options = reviewOptionsOf(settings);
  const findings = reviewLayers(stacks, options);
  const checks = groupingChecks(settings);
  const positions = new Map(merged.catalog.messages.map((m, i) => [m.key, i]));
  const groups = checks ? stacks.map((s) => groupsOf(s.catalog, checks, positions)) : [];
  return { findings: settings.strict ? applyStrict(findings) : findings, state: { findings, groups } };
}

/**
 * The review after only `edited` keys' texts changed since the one `previous` describes (of the
 * same config, settings and key table): undefined when it cannot be told apart from the whole one
 * cheaply (a check without groups, more than `maxKeys` keys to review again, stacks `cut` cannot give).
 */
export function warmQa(
  { config, settings }: Pick<QaInput, 'config' | 'settings'>,
  cut: QaCut,
  previous: QaState,
  edited: ReadonlySet<string>,
  maxKeys: number,
): QaResult | undefined {
  const checks = groupingChecks(settings);
  const { keys } = cut;
  const stackCount = config.layers.length;
  if (!checks || previous.groups.length !== stackCount || edited.size > maxKeys) return undefined;
  const positions = cut.positions ?? new Map(keys.map((k, i) => [k, i]));
  if (previous.groups.some((g) => g.offsets.length !== keys.length + 1)) return undefined;
  const tables = previous.groups.map((g) => new GroupTable(g));
  const editedAt = [...edited].map((k) => positions.get(k)).filter((p): p is number => p !== undefined);
  if (editedAt.length !== edited.size) return undefined;
  // First guess of the keys to merge: the edited ones, those sharing a group with them before the edit, and their groups' keys and peers.
  let related = withShared(tables, new Set(editedAt), { peers: false });
  let merging = withShared(tables, related, { peers: true });
  for (let round = 0; round < 3; round++) {
    // The keys merged are only checked; a few times the keys to review is still far less than a whole review.
    if (related.size > maxKeys || merging.size > maxKeys * 4) return undefined;
    const stacks = cut.stacksOf(new Set([...merging].map((p) => keys[p]!)));
    if (!stacks) return undefined;
    // The edited keys' groups now; the others' are as they were.
    for (const [s, stack] of stacks.entries()) tables[s]!.replace(editedAt, groupsOf(stack.catalog, checks, positions, editedAt));
    related = withShared(tables, new Set(editedAt), { peers: false, before: previous.groups });
    const needed = withShared(tables, related, { peers: true });
    if ([...needed].every((p) => merging.has(p))) return related.size > maxKeys ? undefined : finish(stacks, related);
    merging = new Set([...merging, ...needed]);
  }
  return undefined;

  function finish(stacks: LayerStack[], reviewed: Set<number>): QaResult {
    const reviewedKeys = new Set([...reviewed].map((p) => keys[p]!));
    const fresh = reviewLayers(stacks, reviewOptionsOf(settings)).filter((f) => reviewedKeys.has(f.key));
    const rank = new Map(stacks.map((s, i) => [s.layer, i]));
    const findings = [...previous.findings.filter((f) => !reviewedKeys.has(f.key)), ...fresh].sort((a, b) => compareFindings(a, b, rank));
    return {
      findings: settings.strict ? applyStrict(findings) : findings,
      state: { findings, groups: tables.map((t) => t.compact()) },
      reviewed: reviewedKeys,
    };
  }
}

/** The checks that run and read other keys (none with scope 'message'); undefined when one of them declares no groups. */
function groupingChecks(settings: ReviewSettings): QaCheck[] | undefined {
  const checks = qaChecks.filter((c) => c.scope !== 'message' && settings.severities?.[c.id] !== 'off');
  return checks.every((c) => c.groups) ? checks : undefined;
}

/** The groups of a stack's messages (or of those at `only`), by key-table position. */
function groupsOf(catalog: Catalog, checks: readonly QaCheck[], positions: ReadonlyMap<string, number>, only?: number[]): StackGroups {
  const count = positions.size;
  const offsets = new Uint32Array(count + 1);
  const tokens: number[] = [];
  const wanted = only && new Set(only);
  let at = 0;
  for (const message of catalog.messages) {
    const p = positions.get(message.key);
    if (p === undefined || (wanted && !wanted.has(p))) continue;
    for (; at <= p; at++) offsets[at] = tokens.length;
    for (const check of checks) {
      for (const group of check.groups!(message, catalog)) tokens.push(hash32(`${check.id}\u0000${group}`) & GROUP);
      for (const peer of check.peers?.(message, catalog) ?? []) tokens.push((hash32(`${check.id}\u0000${peer}`) | PEER) >>> 0);
    }
  }
  for (; at <= count; at++) offsets[at] = tokens.length;
  return { offsets, tokens: Uint32Array.from(tokens) };
}

/** A token's top bit tells a group of peers (QaCheck.peers: needed in the catalog, not reviewed again) from a group. */
const PEER = 0x8000_0000;
const GROUP = 0x7fff_ffff;

function hash32(text: string): number {
  return hashText(text) % 0x1_0000_0000;
}

/** One stack's groups, with some positions' replaced (the edited keys' after the edit). */
class GroupTable {
  private readonly replaced = new Map<number, Uint32Array>();

  constructor(private readonly base: StackGroups) {}

  at(p: number): Uint32Array {
    return this.replaced.get(p) ?? this.base.tokens.subarray(this.base.offsets[p], this.base.offsets[p + 1]);
  }

  replace(positions: readonly number[], groups: StackGroups): void {
    for (const p of positions) this.replaced.set(p, groups.tokens.slice(groups.offsets[p], groups.offsets[p + 1]));
  }

  /** Every position with one of `tokens`. */
  sharing(tokens: ReadonlySet<number>, into: Set<number>): void {
    if (tokens.size === 0) return;
    const { offsets, tokens: all } = this.base;
    // A bit per value of the low 16 bits of the tokens looked for: most tokens fail it without a Set look-up.
    const bits = new Uint32Array(2048);
    for (const t of tokens) bits[(t & 0xffff) >>> 5]! |= 1 << (t & 31);
    // One walk over the tokens; a match's position found by advancing through the offsets.
    let p = 0;
    for (let i = 0; i < all.length; i++) {
      const t = all[i]!;
      if ((bits[(t & 0xffff) >>> 5]! & (1 << (t & 31))) === 0 || !tokens.has(t)) continue;
      while (offsets[p + 1]! <= i) p++;
      if (!this.replaced.has(p)) into.add(p);
    }
    for (const [p, list] of this.replaced) if (list.some((t) => tokens.has(t))) into.add(p);
  }

  compact(): StackGroups {
    if (this.replaced.size === 0) return this.base;
    const { offsets: baseOffsets, tokens: baseTokens } = this.base;
    const count = baseOffsets.length - 1;
    const offsets = new Uint32Array(count + 1);
    let size = baseTokens.length;
    for (const [p, list] of this.replaced) size += list.length - (baseOffsets[p + 1]! - baseOffsets[p]!);
    const tokens = new Uint32Array(size);
    // The positions between two replaced ones keep their tokens: copied as one block, their offsets shifted.
    let at = 0;
    let from = 0;
    const copy = (to: number) => {
      const shift = at - baseOffsets[from]!;
      for (let p = from; p < to; p++) offsets[p] = baseOffsets[p]! + shift;
      tokens.set(baseTokens.subarray(baseOffsets[from]!, baseOffsets[to]!), at);
      at += baseOffsets[to]! - baseOffsets[from]!;
    };
    for (const p of [...this.replaced.keys()].sort((a, b) => a - b)) {
      copy(p);
      const list = this.replaced.get(p)!;
      offsets[p] = at;
      tokens.set(list, at);
      at += list.length;
      from = p + 1;
    }
    copy(count);
    offsets[count] = at;
    return { offsets, tokens };
  }
}

/**
 * `from` and every position sharing a group (and, with `peers`, a group of peers) with one of them
 * in some stack (now; and, with `before`, in the stacks' groups before the edit too).
 */
function withShared(
  tables: readonly GroupTable[],
  from: ReadonlySet<number>,
  { peers, before }: { peers: boolean; before?: readonly StackGroups[] },
): Set<number> {
  const out = new Set(from);
  tables.forEach((table, s) => {
    const tokens = new Set<number>();
    const add = (t: number) => {
      if (peers || t < PEER) tokens.add(t);
    };
    for (const p of from) for (const t of table.at(p)) add(t);
    if (before) {
      const { offsets, tokens: old } = before[s]!;
      for (const p of from) for (let i = offsets[p]!; i < offsets[p + 1]!; i++) add(old[i]!);
    }
    table.sharing(tokens, out);
  });
  return out;
}
