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
 */
import { hashText } from '../json/text-hash.js';
import type { Finding } from '../review/finding.js';
import { StageTimer } from '../stage-timer.js';
import { warmQa, wholeQa, type QaInput } from '../review/warm-qa.js';
import type { IncrementalRun } from './incremental.js';
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
    const keys = input.merged.catalog.messages.map((m) => m.key);
    const keysHash = hashText(keys.join('\n'));
    const base = this.run.baseKey(REVIEW);
    const previous = this.previous;
    const usable =
      previous?.base === base && previous.recordKey === this.run.recordedKey(REVIEW) && previous.keysHash === keysHash
        ? previous
        : undefined;
    const maxKeys = Math.max(64, keys.length * MAX_SHARE);
    // Nested stages (`--timings`, and the tests' proof that the warm path ran): a failed warm attempt is followed by a whole one.
    const warm =
      usable && edited && moved && [...moved].every((k) => edited.has(k))
        ? timer.time('review warm', () => warmQa(input, usable, edited, maxKeys))
        : undefined;
    const result = warm ?? timer.time('review whole', () => wholeQa(input));
    if (usable) this.findingsChanged = changedFindings(usable.findings, result.state.findings, warm?.reviewed);
    this.next = { ...result.state, base, recordKey: '', keysHash };
    this.keyCount = keys.length;
    return result.findings;
  }

  private keyCount = 0;

  /** Saves the state of this run's review (after the record: `recordKey` is the review's key in it). */
  async save(recordKey: string | undefined): Promise<void> {
    if (!this.next || !recordKey) return;
    await writeReviewState(reviewStateFileFor(this.run.file), { ...this.next, recordKey }, this.keyCount);
  }
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
