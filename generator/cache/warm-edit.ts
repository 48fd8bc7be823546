/**
 * The warm path of an edit: when only some keys' texts changed since the
 * last run (key-fingerprints.ts), a target that declares `entriesByKey`
 * plans the catalog cut down to those keys, renders their entries alone and
 * splices them into its files where the entry index says the old ones are
 * (entry-index.ts); a target that declares `readsNoTranslations` keeps its
 * files. Every check that could tell the splice from a whole plan apart is
 * made before anything is written, and any failed one sends the target down
 * the ordinary path: the file list, each file's text outside its entries,
 * each key's entries present where they were, the diagnostics without a key.
 * A target that declares `planOfKeys` (the review) is planned whole but for
 * its entries, which are those of the edited keys and of the keys it names
 * (`entriesAlsoChanged`: whose findings changed); its text outside the
 * entries (a page's finding counts) is the whole plan's, so where it changed
 * it is spliced too; its files without keyed entries, and those the splice
 * cannot place, are rendered whole instead of sending the target down the
 * ordinary path.
 * test/cache/warm-equals-cold.test.ts holds the result to a cold run's bytes.
 */
import { catalogOfKeys } from '../catalog/of-keys.js';
import type { Catalog } from '../catalog/model.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryListsOf, type FileLayout, type TemplateRenderer } from '../emit/render.js';
import type { PlanOptions, PlannedFile, Target } from '../emit/target.js';
import type { Splice } from '../output/spliced-file.js';
import type { StagedOutput } from '../output/write-output.js';
import type { EntryIndex, FileIndex, ListIndex } from './entry-index.js';
import type { TargetRecord } from './output-cache.js';
import { rowKeysOf } from './review-frame.js';

/** Past this share of the keys (or 64, in a small catalog), splicing saves little over rendering whole. */
const MAX_CHANGED_SHARE = 0.05;

/** Whether `edited` of `total` keys are few enough to be merged (edited-catalog.ts) and spliced alone. */
export function fewEdited(edited: number, total: number): boolean {
  return edited <= Math.max(64, total * MAX_CHANGED_SHARE);
}

export interface SplicedTarget {
  diagnostics: Diagnostic[];
  files: Map<string, FileIndex>;
}

export class WarmEdit {
  private readonly changedFlags: Uint8Array;

  constructor(
    /** Keys whose texts changed since the run the index describes. */
    readonly changed: ReadonlySet<string>,
    private readonly previous: EntryIndex,
    /** Each message key's place in the key table, which this run and the index share (the keys did not change). */
    private readonly keyIndex: ReadonlyMap<string, number>,
  ) {
    this.changedFlags = new Uint8Array(keyIndex.size);
    for (const key of changed) this.changedFlags[keyIndex.get(key)!] = 1;
  }

  /**
   * Each edited key's runs [from, to) in a cut-down plan's entry keys, in order (flutter's file
   * with two audiences lists a key twice, far apart); undefined when a message that was not
   * edited has an entry. Entries that are no message's (xliff's units of shared user texts) read
   * no message text: they stay as they are.
   */
  private runsOf(keys: readonly string[]): Map<string, [number, number][]> | undefined {
    const runs = new Map<string, [number, number][]>();
    for (let n = 0; n < keys.length; n++) {
      const key = keys[n]!;
      if (!this.isMessageKey(key)) continue;
      if (!this.changed.has(key)) return undefined;
      const list = runs.get(key) ?? runs.set(key, []).get(key)!;
      const last = list[list.length - 1];
      if (last && last[1] === n) last[1] = n + 1;
      else list.push([n, n + 1]);
    }
    return runs;
  }

  private isMessageKey(key: string): boolean {
    return this.keyIndex.has(key);
  }

  /** Whether the last run rendered (or confirmed) the target under `recordKey`: its files are of the catalog the index describes. */
  knows(targetId: string, recordKey: string | undefined): boolean {
    return recordKey !== undefined && this.previous.targets[targetId]?.key === recordKey;
  }

  /** The target's last translation digests (by key-table position), when it declares some. */
  digestsOf(targetId: string): Float64Array | undefined {
    return this.previous.targets[targetId]?.digests;
  }

  /** The target's last index, carried over when its files are kept. */
  indexOf(targetId: string): Map<string, FileIndex> | undefined {
    return this.previous.targets[targetId]?.files;
  }

  /**
   * Splices the target's files in `sink`, or returns undefined (nothing
   * written) when the target must be planned whole.
   */
  splice(
    target: Target,
    catalog: Catalog,
    options: PlanOptions,
    renderer: TemplateRenderer,
    recorded: TargetRecord,
    sink: StagedOutput,
  ): SplicedTarget | undefined {
    const indexed = this.previous.targets[target.id]?.files;
    const also = target.entriesAlsoChanged ? target.entriesAlsoChanged(options) : new Set<string>();
    if (!target.entriesByKey || !indexed || !also) return undefined;
    // A target whose entries read more than their texts (the review's rows, their findings) re-renders those keys' too.
    const edit = [...also].every((k) => this.changed.has(k))
      ? this
      : new WarmEdit(new Set([...this.changed, ...also]), this.previous, this.keyIndex);
    if (!fewEdited(edit.changed.size, this.changedFlags.length)) return undefined;
    return edit.spliceKeys(target, catalog, options, renderer, recorded, sink, indexed);
  }

  private spliceKeys(
    target: Target,
    catalog: Catalog,
    options: PlanOptions,
    renderer: TemplateRenderer,
    recorded: TargetRecord,
    sink: StagedOutput,
    indexed: ReadonlyMap<string, FileIndex>,
  ): SplicedTarget | undefined {
    // A catalog carrying the review's key table (review-frame.ts) plans the rows of its own messages alone.
    const rowKeys = rowKeysOf(catalog);
    const planOf = (keys: ReadonlySet<string>) =>
      rowKeys && [...keys].some((k) => !rowKeys.has(k))
        ? undefined
        : target.planOfKeys
          ? target.planOfKeys(catalog, keys, options)
          : target.plan(catalogOfKeys(catalog, keys), options);
    const plan = planOf(this.changed);
    if (!plan) return undefined;
    const diagnostics = this.diagnosticsOf(plan.diagnostics, recorded.diagnostics);
    const paths = Object.keys(recorded.files);
    if (!diagnostics || paths.some((path) => !indexed.has(path)) || plan.files.some((f) => !recorded.files[f.path])) return undefined;
    const planned = new Map(plan.files.map((f) => [f.path, f]));
    const edits = new Map<string, { splices: Splice[]; index: FileIndex }>();
    /** With planOfKeys: files rendered whole (those without keyed entry lists, and those the splice cannot place). */
    const whole: string[] = [];
    for (const path of paths) {
      const file = planned.get(path);
      if (target.planOfKeys) {
        if (!file || (file.json && renderer.overriddenTemplates(target.id, file).length > 0)) return undefined; // every file is planned; JSON an override renders is checked by emitTargets
        const keyed = entryListsOf(file).some((l) => l.keys);
        const edited = keyed && this.editOf(target.id, file, indexed.get(path)!, renderer, { shellPlanned: true });
        if (edited) edits.set(path, edited);
        else whole.push(path);
        continue;
      }
      // A file the cut-down plan leaves out (apple's .stringsdict of a locale whose edited texts are not plural) must have had no entry of an edited key either.
      const edit = file ? this.editOf(target.id, file, indexed.get(path)!, renderer) : this.untouched(indexed.get(path)!);
      if (!edit) return undefined;
      edits.set(path, edit);
    }
    const files = new Map<string, FileIndex>();
    if (hasErrors(diagnostics)) return { diagnostics, files }; // the run stops before writing anything
    const wholeFiles = this.wholeFiles(whole, planned, indexed, planOf);
    if (!wholeFiles) return undefined;
    for (const [path, { splices, index }] of edits) {
      sink.addSpliced(path, splices, recorded.files[path]!.sha256);
      files.set(path, { ...index, size: sink.sizes.get(path)! });
    }
    for (const file of wholeFiles) {
      let layout: FileLayout | undefined;
      sink.add(
        file.path,
        renderer.chunks(target.id, file, (noted) => (layout = noted)),
      );
      files.set(file.path, fileIndexOf(layout, sink.sizes.get(file.path)!, this.keyIndex));
    }
    return { diagnostics, files };
  }

  /** The files at `paths` with all their entries: as planned when they have no keyed list, else planned again with every key they hold. */
  private wholeFiles(
    paths: readonly string[],
    planned: ReadonlyMap<string, PlannedFile>,
    indexed: ReadonlyMap<string, FileIndex>,
    planOf: (keys: ReadonlySet<string>) => { files: PlannedFile[] } | undefined,
  ): PlannedFile[] | undefined {
    const keyed = paths.filter((path) => entryListsOf(planned.get(path)!).some((l) => l.keys));
    if (keyed.length === 0) return paths.map((path) => planned.get(path)!);
    const keys = new Set(this.changed);
    for (const path of keyed)
      for (const list of indexed.get(path)!.lists)
        for (const at of list.keys) if (at !== NOT_A_MESSAGE) keys.add(this.previous.fingerprints.keys[at]!);
    const plan = planOf(keys);
    if (!plan) return undefined;
    const again = new Map(plan.files.map((f) => [f.path, f]));
    return paths.map((path) => again.get(path) ?? planned.get(path)!);
  }

  /** The recorded diagnostics with the changed keys' replaced by the cut-down plan's; undefined when those without a key differ. */
  private diagnosticsOf(planned: readonly Diagnostic[], recorded: readonly Diagnostic[]): Diagnostic[] | undefined {
    const keyless = (list: readonly Diagnostic[]) => JSON.stringify(list.filter((d) => d.key === undefined));
    if (keyless(planned) !== keyless(recorded)) return undefined;
    if (planned.some((d) => d.key !== undefined && !this.changed.has(d.key))) return undefined;
    return [...recorded.filter((d) => d.key === undefined || !this.changed.has(d.key)), ...planned.filter((d) => d.key !== undefined)];
  }

  /** A file with no entry of an edited key, as it is; undefined when it has one. */
  private untouched(index: FileIndex): { splices: Splice[]; index: FileIndex } | undefined {
    const edited = index.lists.some((list) => list.keys.some((key) => key !== NOT_A_MESSAGE && this.changedFlags[key] === 1));
    return edited ? undefined : { splices: [], index };
  }

  /**
   * The splices of one file and its index after them; undefined when the file is not as the index describes it.
   * `shellPlanned`: the file's text outside its entries is the whole plan's (planOfKeys), so where it changed it is spliced too;
   * otherwise (a plan of the cut-down catalog) it must be as recorded.
   */
  private editOf(
    targetId: string,
    file: PlannedFile,
    index: FileIndex,
    renderer: TemplateRenderer,
    { shellPlanned = false } = {},
  ): { splices: Splice[]; index: FileIndex } | undefined {
    const marked = index.pieces.filter((p): p is number => typeof p === 'number');
    // A file that had no entries keeps none: an edited key with entries in it now changes the file.
    if (marked.length === 0)
      return entryListsOf(file).some((l) => (l.keys ?? []).some((k) => this.isMessageKey(k))) ? undefined : { splices: [], index };
    const shell = renderer.shellOf(targetId, file, marked);
    const lists = entryListsOf(file);
    if (!shell || lists.length !== index.lists.length || !sameLists(shell, index.pieces, shellPlanned)) return undefined;
    const splices: Splice[] = [];
    const newLists = [...index.lists];
    let at = 0;
    for (const [n, piece] of index.pieces.entries()) {
      if (typeof piece === 'string') {
        // Text outside the entries that changed (the review page's finding counts) is spliced like an entry.
        const bytes = Buffer.byteLength(piece, 'utf8');
        const now = shell[n] as string;
        if (now !== piece) splices.push({ start: at, end: at + bytes, bytes: Buffer.from(now, 'utf8') });
        at += bytes;
        continue;
      }
      const list = lists[piece]!;
      if (list.contexts.length > 0 && list.keys?.length !== list.contexts.length) return undefined;
      const entry = renderer.entryTemplateOf(targetId, list);
      const spliced = this.spliceList(index.lists[piece]!, at, list.keys ?? [], (n) => entry(list.contexts[n]!), list.separator ?? '\n');
      if (!spliced) return undefined;
      splices.push(...spliced.splices);
      newLists[piece] = spliced.list;
      at += listBytes(index.lists[piece]!);
    }
    return { splices, index: { pieces: shell, lists: newLists, size: index.size } };
  }

  /**
   * One entry list: each changed key's old entries (consecutive) replaced by
   * its new ones, found by walking the recorded lengths from `start`.
   */
  private spliceList(
    old: ListIndex,
    start: number,
    keys: readonly string[],
    render: (n: number) => string,
    separator: string,
  ): { splices: Splice[]; list: ListIndex } | undefined {
    const fresh = this.runsOf(keys);
    if (!fresh) return undefined;
    // A list with no edited key stays as it is (most of the review's pages).
    if (fresh.size === 0 && !old.keys.some((key) => key !== NOT_A_MESSAGE && this.changedFlags[key] === 1))
      return { splices: [], list: old };
    const splices: Splice[] = [];
    /** Each replaced run of the old list: [from, to) of its entries and the new entries' lengths. */
    const replaced: { from: number; to: number; lengths: number[] }[] = [];
    /** How many of each edited key's runs the old list had. */
    const used = new Map<string, number>();
    const { keys: oldKeys, lengths: oldLengths, separatorBytes } = old;
    let at = start;
    // A tight walk over the recorded lengths: only the edited keys' runs are rendered and noted.
    for (let j = 0; j < oldKeys.length;) {
      const key = oldKeys[j]!;
      let end = j;
      let bytes = 0;
      // The key's run of entries: [j, end).
      for (; end < oldKeys.length && oldKeys[end] === key; end++) bytes += oldLengths[end]! + (end > j ? separatorBytes : 0);
      const entryStart = at + (j > 0 ? separatorBytes : 0);
      if (key !== NOT_A_MESSAGE && this.changedFlags[key]) {
        const name = this.previous.fingerprints.keys[key]!;
        const nth = used.get(name) ?? 0;
        used.set(name, nth + 1);
        const run = fresh.get(name)?.[nth];
        if (!run) return undefined;
        const texts = Array.from({ length: run[1] - run[0] }, (_, n) => render(run[0] + n));
        splices.push({ start: entryStart, end: entryStart + bytes, bytes: Buffer.from(texts.join(separator), 'utf8') });
        replaced.push({ from: j, to: end, lengths: texts.map((t) => Buffer.byteLength(t, 'utf8')) });
      }
      at = entryStart + bytes;
      j = end;
    }
    // An edited key with more or fewer runs than before (entries where it had none, or none where it had some) changes where entries go: plan whole.
    if ([...fresh].some(([key, runs]) => used.get(key) !== runs.length)) return undefined;
    return { splices, list: { separatorBytes, ...patchedList(oldKeys, oldLengths, replaced) } };
  }
}

/** The old list's keys and lengths with the replaced runs' entries in place of the old ones (copied in blocks, not entry by entry). */
function patchedList(
  keys: Uint32Array,
  lengths: Uint32Array,
  replaced: readonly { from: number; to: number; lengths: number[] }[],
): { keys: Uint32Array; lengths: Uint32Array } {
  const count = keys.length + replaced.reduce((sum, r) => sum + r.lengths.length - (r.to - r.from), 0);
  const keysOut = new Uint32Array(count);
  const lengthsOut = new Uint32Array(count);
  let from = 0;
  let to = 0;
  for (const r of replaced) {
    keysOut.set(keys.subarray(from, r.from), to);
    lengthsOut.set(lengths.subarray(from, r.from), to);
    to += r.from - from;
    keysOut.fill(keys[r.from]!, to, to + r.lengths.length);
    lengthsOut.set(r.lengths, to);
    to += r.lengths.length;
    from = r.to;
  }
  keysOut.set(keys.subarray(from), to);
  lengthsOut.set(lengths.subarray(from), to);
  return { keys: keysOut, lengths: lengthsOut };
}

/** Whether a shell has its entry lists where the recorded one had them, and (unless `textMayDiffer`) its text between them. */
function sameLists(shell: readonly (string | number)[], recorded: readonly (string | number)[], textMayDiffer: boolean): boolean {
  return (
    shell.length === recorded.length &&
    shell.every((p, i) => p === recorded[i] || (textMayDiffer && typeof p === 'string' && typeof recorded[i] === 'string'))
  );
}

function listBytes(list: ListIndex): number {
  let bytes = list.lengths.length > 0 ? (list.lengths.length - 1) * list.separatorBytes : 0;
  for (const length of list.lengths) bytes += length;
  return bytes;
}

/** The index of an entry that is no message's (xliff's unit of a shared user text). */
export const NOT_A_MESSAGE = 0xffffffff;

/** A cold-rendered file's index, from the layout the renderer noted (keys made indices of `keyIndex`). */
export function fileIndexOf(layout: FileLayout | undefined, size: number, keyIndex: ReadonlyMap<string, number>): FileIndex {
  if (!layout) return { pieces: [], lists: [], size };
  const lists: ListIndex[] = layout.lists.map((l) => {
    const keys = new Uint32Array(l.keys.length);
    for (let n = 0; n < l.keys.length; n++) keys[n] = keyIndex.get(l.keys[n]!) ?? NOT_A_MESSAGE;
    return { separatorBytes: l.separatorBytes, keys, lengths: l.lengths };
  });
  return { pieces: layout.pieces, lists, size };
}
