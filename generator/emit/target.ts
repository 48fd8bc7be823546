/**
 * The contract between the pipeline and each output format. A target is a
 * plain module: `plan` is pure (catalog in, files out, no disk), owns the
 * folder `<out>/<id>/`, and reports what its format cannot carry as
 * diagnostics instead of writing a silently different file.
 */
import type { Catalog, Message } from '../catalog/model.js';
import type { Config } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface PlannedFile {
  /** Relative to the output folder, forward slashes, starting with the target id. */
  path: string;
  /** A template under templates/<target id>/, rendered with `context`... */
  template?: string;
  context?: object;
  /** ...or the finished text (a JSON file an overridden template rendered and emit/json-output-check.ts checked, or text a test hands in). */
  content?: string;
  /**
   * Per-entry rendering: each context is rendered with `template` (a file of
   * templates/<target id>/, overridable like any other), the results joined
   * with `separator` (default "\n") and given to the file's template as
   * `context[field]`. The entry template is compiled once and called per entry.
   */
  entries?: EntryRendering;
  /** More per-entry renderings, each with its own field, for a file with several lists of entries (xliff: one per `<file>` section). */
  moreEntries?: readonly EntryRendering[];
  /**
   * The file is JSON, of this shape when one is given: when a user's template
   * renders it, the emit stage parses the rendered text and checks the shape
   * before anything is written (emit/json-output-check.ts).
   */
  json?: { shape?: JsonShape };
}

/** What is wrong with a parsed JSON file's shape, at a JSON pointer, or undefined when its readers accept it. */
export type JsonShape = (value: unknown) => { pointer: string; why: string } | undefined;

export interface EntryRendering<C extends object = object> {
  template: string;
  field: string;
  contexts: readonly C[];
  separator?: string;
  /**
   * The built-in entry template written in TypeScript, used instead of
   * handlebars while that template is neither overridden nor edited since the
   * build: per entry, handlebars costs seconds at 100k keys. A test renders
   * every golden context both ways and requires the same bytes.
   */
  builtIn?(context: C): string; // a method: its parameter is bivariant, so a target's own context type fits
  /**
   * The message key each context renders, parallel to `contexts` (a key's
   * entries are consecutive: i18next's plural forms are several). Given by
   * the targets that declare `entriesByKey`, so a warm run can re-render the
   * entries of the edited keys alone and splice them into the file. An
   * entry that is no message's (xliff's unit of a shared user text) has a
   * key no message has, with a `:` (`user:<id>`), and reads no message text:
   * a warm run keeps it as it is.
   */
  keys?: readonly string[];
  /**
   * For contexts built when they are read (emit/lazy-entries.ts): how many
   * there are, and each built when reached, as the renderer reads them (so a
   * plan never holds a file's contexts; `contexts` builds them all when
   * first read).
   */
  count?: number;
  eachContext?(): Iterable<C>;
}

export interface TargetPlan {
  files: PlannedFile[];
  diagnostics: Diagnostic[];
}

export interface PlanOptions {
  config: Config;
  /** One line naming codebook, the source and the regenerate command; no date. */
  header: string;
  // Stages above add what their targets need (declaration merging): the review adds `findings` (review/finding.ts).
}

export interface Target {
  id: string;
  description: string;
  plan(catalog: Catalog, options: PlanOptions): TargetPlan;
  /**
   * What a target promises so that a warm run need not plan it whole
   * (cache/warm-edit.ts), each held by test/targets/entries-by-key.test.ts:
   *
   * - `entriesByKey`: every entry list carries `keys`; an entry depends on
   *   its key's message alone (and the file's context); the files' contexts,
   *   the order of the entries and the diagnostics without a key do not
   *   depend on any translation. Planning the catalog cut down to some keys
   *   (catalogOfKeys) gives, for those keys, the entries (in the same runs:
   *   a key may have several, apart) and diagnostics the whole plan gives;
   *   it may leave out a file that has none of their entries (apple's
   *   .stringsdict of a locale none of them is plural in).
   * - `planOfKeys` (with `entriesByKey`), for a target whose files also
   *   hold what reads the whole catalog (the review: its index, report.json
   *   and summary.md count every finding) or whose entries read more than
   *   their key's message (a review row shows its key's findings): the
   *   whole plan, every file, with each entry list cut down to the entries
   *   of `keys` (with their `keys`, in the whole plan's order). It replaces
   *   the plan of the cut-down catalog, and the file contexts may depend on
   *   translations: a warm run splices the entries into each file with
   *   keyed entry lists whose text outside its entries is as it was, and
   *   renders whole the others (from `planOfKeys` with all their keys).
   *   `entriesAlsoChanged` names the keys whose entries must be rendered
   *   again besides those whose texts changed (the review: those whose
   *   findings changed), from what `options` hold; undefined when that is
   *   not known, which plans whole.
   * - `readsNoTranslations`: the plan reads no translation (texts, states,
   *   notes, origins of translations) at all, so an edit of texts leaves its
   *   files as they are.
   */
  entriesByKey?: boolean;
  planOfKeys?(catalog: Catalog, keys: ReadonlySet<string>, options: PlanOptions): TargetPlan;
  entriesAlsoChanged?(options: PlanOptions): ReadonlySet<string> | undefined;
  readsNoTranslations?: boolean;
  /**
   * For a target that reads little of the translations (types: the source
   * text and the plural argument; lookup tables: which argument is plural):
   * that little of one message (of `messages` or `userMessages`), as a
   * string. Two catalogs that differ only in translations whose messages all
   * give the same digests plan the same; a warm run keeps the files when
   * every edited key's digests are as they were.
   */
  translationDigest?(message: Message, catalog: Catalog): string;
}
