/**
 * What every translation import (XLIFF, PO) does once it has decided which
 * texts changed: check the locale source file it updates, refuse a change
 * the file cannot make (the key's text comes from a later layer or another
 * file of its layer), send each changed user text to the file that defines
 * it, edit the files in place (json-edit.ts) and diff them. Pure: texts in,
 * texts out; the format's reader decides, this writes.
 *
 * - Key texts go into the target file's `messages`, unless the key's text in
 *   the locale comes from elsewhere in a way that would hide or conflict with
 *   the new entry (`shadowed`).
 * - User texts (a shared text, or a key's user override) go to the file that
 *   defines the locale's text now, else to the target when the user named it
 *   (--out), else to the locale's file of the layer that defines the
 *   source-locale text; into its `user` or `userOverrides` section.
 */
import { parseJsonFile } from '../../json/json-file.js';
import { compareKeys } from '../../catalog/keys.js';
import type { MessagesData } from '../../catalog/load-layers.js';
import type { Catalog, Origin, Translation } from '../../catalog/model.js';
import { validateAgainstSchema } from '../../json/schemas.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { UserUnit } from '../../targets/xliff.js';
import { updateEntries, type EntryUpdate } from './json-edit.js';
import type { WriterRule } from './rules.js';
import { unifiedDiff } from './unified-diff.js';

export interface At {
  line: number;
  column: number;
}

/** Reports a rule of rules.ts under the import's prefix (`xliff-import/shadowed`, `po-import/shadowed`). */
export type SharedReporter = (rule: WriterRule, message: string, at: At, extra?: Partial<Diagnostic>) => void;

export interface TranslationTargetOptions {
  catalog: Catalog;
  /**
   * The locale source file to update: `path` as the catalog's origins name
   * files (relative to the config folder, forward slashes), `text` its
   * content ("" for a file that does not exist yet). `layer`: the config
   * layer it belongs to, when known (else found through the catalog).
   */
  targetFile: { path: string; text: string; layer?: string };
  /** Layer names in merge order (the config's), to tell when a later layer would hide an imported text. */
  layers?: readonly string[];
  /**
   * User texts: the text of another locale source file by path ("" when it
   * does not exist yet; undefined when it cannot be read). Without it, a
   * changed user text whose file is not `targetFile` is reported and not
   * imported.
   */
  readSource?: (path: string) => string | undefined;
  /**
   * The locale's file of a layer (for a user text the locale has no text for
   * yet: the layer of its source-locale text). Default: the source-locale
   * file's path with its source-locale segment replaced by the locale.
   */
  localeFile?: (layer: string, locale: string) => string | undefined;
  /** `targetFile` was named by the user (--out): a user text the locale has no text for yet goes there. */
  targetNamed?: boolean;
}

/** A user file other than the target that the import changed. */
export interface ImportedUserFile {
  path: string;
  /** Before ("" when it did not exist) and after. */
  text: string;
  fileText: string;
  diff: string;
}

export interface TranslationImportResult {
  /** The new text of the target locale source file (byte-identical to the old one when nothing changed). */
  fileText: string;
  /** A unified diff of old → new, for --dry-run ("" when nothing changed). */
  diff: string;
  /** Keys whose text or state changed, in catalog order; then `user:<unit id>` of the changed user texts and overrides. */
  changed: string[];
  /** Located in the imported file (line:column) or a source file. */
  diagnostics: Diagnostic[];
  /** Other source files changed by user texts (absent when none). */
  userFiles?: ImportedUserFile[];
}

/** What a diagnostic about one entry names: its key (`user:<id>` for a user text) and the locale. */
export type Context = { key: string; locale: string };

/**
 * Collects the changes of one import and writes them. `diagnostics` is the
 * import's list (this adds to it); `language` starts the message of a
 * locale mismatch (`trgLang is "ja"`).
 */
export class TranslationWriter {
  private baseText = '';
  private readonly updates: EntryUpdate[] = [];
  private readonly byFile = new Map<string, { text: string; updates: (EntryUpdate & { section: 'user' | 'userOverrides' })[] }>();
  private readonly userChanged: string[] = [];
  private targetLayer: string | undefined;

  constructor(
    private readonly options: TranslationTargetOptions,
    private readonly locale: string,
    private readonly fileName: string,
    private readonly diagnostics: Diagnostic[],
    private readonly report: SharedReporter,
    private readonly language: string,
  ) {}

  /** Reads the target file (a missing one as an empty file of the locale); false, reported, when it cannot be updated. */
  open(at: At): boolean {
    const { targetFile } = this.options;
    this.baseText = targetFile.text === '' ? `{\n  "locale": ${JSON.stringify(this.locale)},\n  "messages": {}\n}\n` : targetFile.text;
    const parsed = parseJsonFile(targetFile.path, this.baseText);
    this.diagnostics.push(...parsed.diagnostics);
    if (parsed.json) this.diagnostics.push(...validateAgainstSchema('messages', parsed.json));
    if (hasErrors(this.diagnostics) || !parsed.json) return false;
    const fileLocale = (parsed.json.value as MessagesData).locale;
    if (fileLocale !== this.locale) {
      this.report('locale-mismatch', `${this.language} but ${targetFile.path} holds locale ${JSON.stringify(fileLocale)}.`, at, {
        notes: [
          { message: 'the locale of the file', place: { file: targetFile.path, ...parsed.json.locate('/locale'), pointer: '/locale' } },
        ],
      });
      return false;
    }
    this.targetLayer = targetFile.layer ?? layerOfFile(this.options.catalog, targetFile.path);
    return true;
  }

  /** A key's new text or state, written to the target; false (reported) when the target cannot make it. */
  addMessage(update: EntryUpdate, current: Translation | undefined, at: At, context: Context): boolean {
    const { targetFile, layers } = this.options;
    const shadow = shadowing(current, targetFile.path, this.targetLayer, layers);
    if (shadow) {
      this.report(
        'shadowed',
        `Key ${update.key}: the ${this.locale} text comes from ${shadow.origin.file} (layer ${JSON.stringify(shadow.origin.layer)}), ${shadow.why}; the change is not imported.`,
        at,
        {
          ...context,
          notes: [
            {
              message: 'the current text',
              place: { file: shadow.origin.file, line: shadow.origin.line, column: shadow.origin.column, pointer: shadow.origin.pointer },
            },
          ],
          hint: 'Import into that file instead (--out).',
        },
      );
      return false;
    }
    this.updates.push(update);
    return true;
  }

  /**
   * A user text's (or user override's) new text or state (`update.key` is
   * ignored: the unit names the entry), into the `user` or `userOverrides`
   * section of the file that defines it; false (reported) when there is no
   * such file or it cannot be updated.
   */
  addUser(unit: UserUnit, update: EntryUpdate, current: Translation | undefined, at: At, context: Context): boolean {
    const { catalog, targetFile, readSource, localeFile, targetNamed } = this.options;
    const locale = this.locale;
    const id = unit.message.key;
    const source = unit.message.translations[catalog.sourceLocale];
    const path =
      current?.origin.file ??
      (targetNamed
        ? targetFile.path
        : source && (localeFile ? localeFile(source.origin.layer, locale) : swapLocale(catalog, source.origin.file, locale)));
    const text =
      path === undefined ? undefined : path === targetFile.path ? targetFile.text : (this.byFile.get(path)?.text ?? readSource?.(path));
    if (path === undefined || text === undefined) {
      this.report(
        'no-target-file',
        `User text ${id}: ${path === undefined ? `no ${locale} file to write it to` : `${path} could not be read`}; it is not imported.`,
        at,
        { ...context, hint: 'Name the file to update with --out.' },
      );
      return false;
    }
    if (path !== targetFile.path && !this.byFile.has(path) && text !== '') {
      const json = parseJsonFile(path, text);
      const problems = [...json.diagnostics, ...(json.json ? validateAgainstSchema('messages', json.json) : [])];
      if (problems.length > 0 || !json.json) {
        this.diagnostics.push(...problems);
        return false;
      }
      const other = (json.json.value as MessagesData).locale;
      if (other !== locale) {
        this.report(
          'locale-mismatch',
          `${this.language} but ${path}, where user text ${id} goes, holds locale ${JSON.stringify(other)}.`,
          at,
          context,
        );
        return false;
      }
    }
    const entry = this.byFile.get(path) ?? this.byFile.set(path, { text, updates: [] }).get(path)!;
    entry.updates.push({ ...update, key: unit.name, section: unit.kind === 'text' ? 'user' : 'userOverrides' });
    this.userChanged.push(id);
    return true;
  }

  /** The files after every change added, their diffs and the import's diagnostics in order. */
  result(): TranslationImportResult {
    const { targetFile } = this.options;
    const done = (fileText: string, changed: string[] = [], userFiles: ImportedUserFile[] = []): TranslationImportResult => ({
      fileText,
      diff: unifiedDiff(targetFile.text, fileText, targetFile.path),
      changed,
      diagnostics: sortDiagnostics(this.diagnostics, this.fileName),
      ...(userFiles.length > 0 ? { userFiles } : {}),
    });
    if (this.updates.length === 0 && this.userChanged.length === 0) return done(targetFile.text);
    let fileText = this.updates.length === 0 ? targetFile.text : updateEntries(this.baseText, this.updates);
    const changed = this.updates.map((u) => u.key).sort(compareKeys);
    const userFiles: ImportedUserFile[] = [];
    for (const [path, edits] of this.byFile) {
      const own = path === targetFile.path;
      const before = own ? targetFile.text : edits.text;
      let after = own
        ? fileText === ''
          ? this.baseText
          : fileText
        : edits.text === ''
          ? `{\n  "locale": ${JSON.stringify(this.locale)}\n}\n`
          : edits.text;
      for (const section of ['user', 'userOverrides'] as const)
        after = updateEntries(
          after,
          edits.updates.filter((u) => u.section === section),
          section,
        );
      if (own) fileText = after;
      else userFiles.push({ path, text: before, fileText: after, diff: unifiedDiff(before, after, path) });
    }
    return done(fileText, [...changed, ...this.userChanged.map((id) => `user:${id}`)], userFiles);
  }

  /** The result when nothing can be imported (a bad header, a target that cannot be updated). */
  unchanged(): TranslationImportResult {
    const { targetFile } = this.options;
    return { fileText: targetFile.text, diff: '', changed: [], diagnostics: sortDiagnostics(this.diagnostics, this.fileName) };
  }
}

/** The source-locale file's path with its source-locale segment replaced by the locale. */
function swapLocale(catalog: Catalog, sourceFile: string, target: string): string | undefined {
  const segments = sourceFile.split('/');
  const i = segments.indexOf(catalog.sourceLocale);
  return i < 0 ? undefined : [...segments.slice(0, i), target, ...segments.slice(i + 1)].join('/');
}

/** The layer of a file, from any origin in the catalog that names it. */
function layerOfFile(catalog: Catalog, file: string): string | undefined {
  for (const message of catalog.messages) {
    for (const t of Object.values(message.translations)) {
      for (const origin of [t.origin, ...(t.overrides ?? [])]) if (origin.file === file) return origin.layer;
    }
  }
  return undefined;
}

/** Why writing the key into the target file would not change the catalog, if it would not. */
function shadowing(
  current: Translation | undefined,
  file: string,
  layer: string | undefined,
  layers: readonly string[] | undefined,
): { origin: Origin; why: string } | undefined {
  if (!current || current.origin.file === file) return undefined;
  const origin = current.origin;
  if (layer !== undefined && origin.layer === layer)
    return { origin, why: `another file of the target's layer, so a second entry would be a merge conflict` };
  const later =
    layers && layer !== undefined && layers.includes(origin.layer) && layers.includes(layer)
      ? layers.indexOf(origin.layer) > layers.indexOf(layer)
      : (current.overrides ?? []).some((o) => o.file === file);
  return later ? { origin, why: `a layer merged after ${file}, so a text written there would stay hidden` } : undefined;
}

/** Diagnostics of other files first, then the imported file's by line and column; ties keep their order. */
export function sortDiagnostics(diagnostics: Diagnostic[], fileName: string): Diagnostic[] {
  const rank = (d: Diagnostic) => [d.place?.file === fileName ? 1 : 0, d.place?.line ?? 0, d.place?.column ?? 0];
  return diagnostics
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map(({ d }) => d);
}
