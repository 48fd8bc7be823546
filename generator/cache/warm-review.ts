/**
 * Translation QA in an incremental run: the whole review (review/warm-qa.ts
 * wholeQa) or, when the last run's state (review-state.ts) says which keys
 * an edit touched, the warm one (warmQa). A key counts as edited when one of
 * its entries (its text, or its user override, with state, note, doubts) in
 * any layer file differs, so an edit of a text that a later layer overrides
 * counts too: the earlier stacks' findings read it. Everything else must be
 * as it was, or the review is whole: the review's base key (code, config,
 * templates) and the record the state was written with, the keys, the
 * registries, each message file's locale, section titles and shared user
 * texts, and its line count; and every key whose translations' origins
 * moved (key-fingerprints.ts) must be an edited one, as findings name
 * origins by line.
 */
import type { SourceFile } from '../catalog/load-layers.js';
import { Hash53, hashText } from '../json/text-hash.js';
import type { Finding } from '../review/finding.js';
import { StageTimer } from '../stage-timer.js';
import { warmQa, wholeQa, type QaInput } from '../review/warm-qa.js';
import type { IncrementalRun } from './incremental.js';
import { readReviewState, reviewStateFileFor, writeReviewState, type ReviewState, type SourceFileState } from './review-state.js';

/** Past this share of the keys (or 64), reviewing whole costs little more. */
const MAX_SHARE = 0.05;

const REVIEW = 'review';

export class WarmReview {
  private next?: ReviewState;
  /**
   * The keys whose findings differ from those the review's recorded files show (what a warm run
   * renders their rows again for); undefined when unknown, or when the rules found changed (every
   * row names its rules by their place among them).
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
   * The run's findings. `hashes`: the layer files' text hashes (the load stage's); `moved`: the
   * keys whose texts or origins' places changed by the key fingerprints, undefined when more changed.
   */
  findings(
    input: QaInput,
    hashes: ReadonlyMap<string, number>,
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
    const files = sourceStates(input.files, keys, hashes, usable?.files);
    const edited = usable && moved ? editedKeys(files, usable.files, keys) : undefined;
    const maxKeys = Math.max(64, keys.length * MAX_SHARE);
    // Nested stages (`--timings`, and the tests' proof that the warm path ran): a failed warm attempt is followed by a whole one.
    const warm =
      usable && edited && [...moved!].every((k) => edited.has(k))
        ? timer.time('review warm', () => warmQa(input, usable, edited, maxKeys))
        : undefined;
    const result = warm ?? timer.time('review whole', () => wholeQa(input));
    if (usable) this.findingsChanged = changedFindings(usable.findings, result.state.findings, warm?.reviewed);
    this.next = { ...result.state, base, recordKey: '', keysHash, files: Object.fromEntries(files) };
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

/** Each layer file's state now; a message file whose text is as before keeps its entry hashes. */
function sourceStates(
  files: readonly SourceFile[],
  keys: readonly string[],
  hashes: ReadonlyMap<string, number>,
  before: ReviewState['files'] | undefined,
): Map<string, SourceFileState> {
  const states = new Map<string, SourceFileState>();
  for (const file of files) {
    const path = file.json.file;
    const text = hashes.get(path) ?? hashText(file.json.text);
    const old = before?.[path];
    if (old && old.text === text) {
      states.set(path, old);
      continue;
    }
    const lines = lineCount(file.json.text);
    if (file.kind === 'registry') {
      states.set(path, { text, lines, frame: text });
      continue;
    }
    const { messages: _m, userOverrides: _o, ...rest } = file.data;
    states.set(path, { text, lines, frame: new Hash53().start().value(rest).digest(), entries: entryHashes(file, keys) });
  }
  return states;
}

/** Per key (in key-table order), the hash of its message entry and user override in a message file (0 for none). */
function entryHashes(file: SourceFile & { kind: 'messages' }, keys: readonly string[]): Float64Array {
  const { messages = {}, userOverrides = {} } = file.data;
  const hashes = new Float64Array(keys.length);
  const hash = new Hash53();
  for (let p = 0; p < keys.length; p++) {
    const key = keys[p]!;
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    const override = Object.hasOwn(userOverrides, key) ? userOverrides[key] : undefined;
    if (entry !== undefined || override !== undefined)
      hashes[p] = hash
        .start()
        .value([entry ?? null, override ?? null])
        .digest();
  }
  return hashes;
}

/** The keys with an entry that differs between the states; undefined when anything but entries differs. */
function editedKeys(
  now: ReadonlyMap<string, SourceFileState>,
  before: ReviewState['files'],
  keys: readonly string[],
): Set<string> | undefined {
  if (now.size !== Object.keys(before).length) return undefined;
  const edited = new Set<string>();
  for (const [path, state] of now) {
    const old = before[path];
    if (!old || old.frame !== state.frame || old.lines !== state.lines) return undefined;
    if (old === state || old.text === state.text) continue;
    if (!old.entries || !state.entries) return undefined;
    for (let p = 0; p < keys.length; p++) if (old.entries[p] !== state.entries[p]) edited.add(keys[p]!);
  }
  return edited;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The keys whose findings differ (of `among`, when only those can); undefined when the set of rules found differs. */
function changedFindings(before: readonly Finding[], after: readonly Finding[], among?: ReadonlySet<string>): Set<string> | undefined {
  const rules = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.ruleId))].sort().join(' ');
  if (rules(before) !== rules(after)) return undefined;
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
