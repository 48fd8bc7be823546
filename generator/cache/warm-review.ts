/**
 * Translation QA in an incremental run: the whole review (review/warm-qa.ts
 * wholeQa) or, when the last run's state (review-state.ts) is usable and the
 * warm run knows which keys an edit touched, the warm one (warmQa). A key
 * counts as edited when one of its entries in any layer file differs (the
 * layouts of cache/source-layout.ts, which also require every other entry
 * where it was and the rest of each file unchanged), so an edit of a text
 * that a later layer overrides counts too: the earlier stacks' findings
 * read it. The review's base key (code, config, templates), the record the
 * state was written with and the keys must be as they were; and every key
 * whose translations or their origins' places changed (key-fingerprints.ts)
 * must be an edited one.
 *
 * A warm edit whose catalog holds the edited keys alone (edited-catalog.ts)
 * reviews from it (partialFindings): the keys warmQa merges are read and
 * merged apart (EditedCatalog.mergeOf), with what the cut stacks keep
 * besides (each registry's first code naming a user text, recorded; each
 * messages file's first user override, from its layout), and the review's
 * plan gets their catalog carrying every key's table from the recorded
 * frame (review-frame.ts). The findings' display order is kept too: only
 * the findings of the keys reviewed again are sorted and merged in.
 * Anything it cannot do gives undefined: the run loads the whole catalog.
 */
import type { Catalog } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import { hashText } from '../json/text-hash.js';
import type { Finding } from '../review/finding.js';
import { displayOrder, noteDisplayOrder } from '../review/page-context.js';
import { stacksOfKeys, userNamingKeys } from '../review/stacks-of-keys.js';
import { StageTimer } from '../stage-timer.js';
import { cutOfCatalog, warmQa, wholeQa, type QaCut, type QaInput, type QaResult } from '../review/warm-qa.js';
import type { EditedCatalog } from './edited-catalog.js';
import type { IncrementalRun } from './incremental.js';
import { frameCatalog, frameOf, patchedFrame } from './review-frame.js';
import { readReviewState, reviewStateFileFor, writeReviewState, type ReviewState } from './review-state.js';

/** Past this share of the keys (or 64), reviewing whole costs little more. */
const MAX_SHARE = 0.05;

const REVIEW = 'review';

export class WarmReview {
  private next?: ReviewState;
  /**
   * The keys whose findings differ from those the review's recorded files show (what a warm run
   * renders their rows again for); undefined when unknown. A row names its rules by their ids
   * (review/row-context.ts ruleTokenOf), so a change in which rules the review found changes only
   * the rows of the keys whose findings changed.
   */
  findingsChanged?: ReadonlySet<string>;
  /** After partialFindings: the catalog the review's plan reads, carrying every key's table (review-frame.ts frameCatalog). */
  planCatalog?: Catalog;

  private constructor(
    private readonly run: IncrementalRun,
    private readonly previous: ReviewState | undefined,
  ) {}

  static async open(run: IncrementalRun): Promise<WarmReview> {
    return new WarmReview(run, await readReviewState(reviewStateFileFor(run.file)));
  }

  /**
   * The run's findings. `edited`: the keys with an entry edited in some layer file (WarmRun
   * editedEntryKeys), undefined when more changed; `moved`: the keys whose texts or origins' places
   * changed by the key fingerprints, undefined when more changed.
   */
  findings(
    input: QaInput,
    edited: ReadonlySet<string> | undefined,
    moved: ReadonlySet<string> | undefined,
    timer = new StageTimer(),
  ): Finding[] {
    const cut = cutOfCatalog(input);
    const { usable, keysHash } = this.usable(cut.keys);
    // Nested stages (`--timings`, and the tests' proof that the warm path ran): a failed warm attempt is followed by a whole one.
    const warm =
      usable && edited && moved && [...moved].every((k) => edited.has(k))
        ? timer.time('review warm', () => warmQa(input, cut, usable, edited, maxKeysOf(cut.keys)))
        : undefined;
    const result = warm ?? timer.time('review whole', () => wholeQa(input));
    const { catalog } = input.merged;
    this.keep(input.config, result, usable, keysHash, cut.keys.length, frameOf(catalog), userNamingKeys(input.files, catalog));
    return result.findings;
  }

  /**
   * The run's findings from a catalog of the edited keys alone: undefined when the warm review
   * cannot be done from it (no usable state or frame, too many keys, a read not as laid out), and
   * the catalog must be loaded whole.
   */
  partialFindings(input: Pick<QaInput, 'config' | 'settings'>, edited: EditedCatalog, timer = new StageTimer()): Finding[] | undefined {
    const { keys } = edited.fingerprints;
    const { usable, keysHash } = this.usable(keys);
    const firstOverrides = firstOverriddenKeys(edited, keys);
    if (!usable?.frame || !usable.userNaming || !firstOverrides) return undefined;
    const { config } = input;
    const besides = new Set([...usable.userNaming, ...firstOverrides]);
    const keyIndex = new Map(keys.map((k, i) => [k, i]));
    let last: ReturnType<EditedCatalog['mergeOf']>;
    const cut: QaCut = {
      keys,
      positions: keyIndex,
      stacksOf(cutKeys) {
        last = edited.mergeOf(new Set([...cutKeys, ...besides]));
        // Cut registries are rebuilt from the merge's origins only while every registry is in the first layer (stacks-of-keys.ts).
        const cutRegistries = last?.files.every((f) => f.kind !== 'registry' || f.layer === config.layers[0]!.name);
        return last && cutRegistries ? stacksOfKeys(last.files, config, last.merged, cutKeys) : undefined;
      },
    };
    const warm = timer.time('review warm', () => warmQa(input, cut, usable, edited.edited, maxKeysOf(keys)));
    const merged = last?.merged.catalog;
    const frame = merged && patchedFrame(usable.frame, merged, keyIndex);
    const planCatalog = frame && frameCatalog(frame, keys, merged, keyIndex);
    if (!warm || !planCatalog) return undefined;
    this.planCatalog = planCatalog;
    this.keep(config, warm, usable, keysHash, keys.length, frame, usable.userNaming);
    return warm.findings;
  }

  /** The recorded state when it is of this review (base, record and key table as they are). */
  private usable(keys: readonly string[]): { usable?: ReviewState; keysHash: number } {
    const keysHash = hashText(keys.join('\n'));
    const previous = this.previous;
    const usable =
      previous?.base === this.run.baseKey(REVIEW) && previous.recordKey === this.run.recordedKey(REVIEW) && previous.keysHash === keysHash
        ? previous
        : undefined;
    return { ...(usable ? { usable } : {}), keysHash };
  }

  /** Notes what changed since the recorded state, the findings' display order (for the pages), and the state to save. */
  private keep(
    config: Config,
    result: QaResult,
    usable: ReviewState | undefined,
    keysHash: number,
    keyCount: number,
    frame: ReviewState['frame'],
    userNaming: string[] | undefined,
  ): void {
    if (usable) this.findingsChanged = changedFindings(usable.findings, result.state.findings, result.reviewed);
    const order = displayOrder(result.findings, config, keptOrder(usable, result));
    noteDisplayOrder(result.findings, order);
    this.next = {
      ...result.state,
      base: this.run.baseKey(REVIEW),
      recordKey: '',
      keysHash,
      ...(frame ? { frame } : {}),
      ...(userNaming ? { userNaming } : {}),
      order: Uint32Array.from(order),
    };
    this.keyCount = keyCount;
  }

  private keyCount = 0;

  /** Saves the state of this run's review (after the record: `recordKey` is the review's key in it). */
  async save(recordKey: string | undefined): Promise<void> {
    if (!this.next || !recordKey) return;
    await writeReviewState(reviewStateFileFor(this.run.file), { ...this.next, recordKey }, this.keyCount);
  }
}

function maxKeysOf(keys: readonly string[]): number {
  return Math.max(64, keys.length * MAX_SHARE);
}

/** Each messages file's first user-overridden key (a user override alone makes two audiences: the cut stacks keep it), from its layout. */
function firstOverriddenKeys(edited: EditedCatalog, keys: readonly string[]): string[] | undefined {
  const found: string[] = [];
  for (const source of edited.layers.files) {
    if (source.kind !== 'messages') continue;
    const layout = edited.layouts[source.json.file];
    if (!layout?.lists) return undefined;
    const first = layout.lists['/userOverrides']?.keys[0];
    if (first !== undefined) found.push(keys[first]!);
  }
  return found;
}

/**
 * On a warm review, the places in its findings of those it kept (of the keys not reviewed again), in
 * the recorded display order; undefined when unknown (then all are sorted).
 */
function keptOrder(usable: ReviewState | undefined, result: QaResult): number[] | undefined {
  const { reviewed } = result;
  const before = usable?.order;
  if (
    !usable ||
    !before ||
    !reviewed ||
    before.length !== usable.findings.length ||
    result.findings.length !== result.state.findings.length
  )
    return undefined;
  // Kept findings are the recorded objects (warm-qa.ts), in the state's findings at the places the run's have them (applyStrict maps one to one).
  const placeOf = new Map(result.state.findings.map((f, at) => [f, at]));
  const kept: number[] = [];
  for (const at of before) {
    const f = usable.findings[at]!;
    if (reviewed.has(f.key)) continue;
    const now = placeOf.get(f);
    if (now === undefined) return undefined;
    kept.push(now);
  }
  return kept;
}

/** The keys whose findings differ (of `among`, when only those can). */
function changedFindings(before: readonly Finding[], after: readonly Finding[], among?: ReadonlySet<string>): Set<string> {
  const byKey = (findings: readonly Finding[]) => {
    const texts = new Map<string, string>();
    for (const f of findings) if (!among || among.has(f.key)) texts.set(f.key, `${texts.get(f.key) ?? ''}${JSON.stringify(f)}\n`);
    return texts;
  };
  const old = byKey(before);
  const now = byKey(after);
  const changed = new Set<string>();
  for (const [key, text] of now) if (old.get(key) !== text) changed.add(key);
  for (const key of old.keys()) if (!now.has(key)) changed.add(key);
  return changed;
}
