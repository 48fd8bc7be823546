/**
 * Renders planned files through handlebars. One isolated instance per
 * templates folder, strict (a missing field throws instead of printing
 * nothing) and without HTML escaping: escaping is done in TypeScript while
 * building the context, so a custom template cannot forget it. Each
 * template is compiled once per process, when first rendered. A target's
 * templates can be replaced file by file from a folder named in the config.
 *
 * The build precompiles the built-in templates (templates/, partials
 * included) with Handlebars.precompile into one module (`npm run build`
 * runs generator/precompile.js, which calls
 * precompiledTemplatesSource). That module keeps each template's source;
 * a template whose text is exactly one of those sources is loaded from its
 * precompiled form through the handlebars runtime, so a run that only
 * renders built-in templates loads neither handlebars' parser nor its
 * compiler. Any other text (an override, a custom target, a built-in
 * template edited since the build) is compiled by the full handlebars with
 * the same options, which gives the same template function.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { HelperDelegate, TemplateDelegate } from 'handlebars';
import { loadPrecompiled, templatesDir } from '../package-root.js';
import type { Chunk } from '../output/streamed-file.js';
import { eachContext, entryCount } from './lazy-entries.js';
import type { EntryRendering, PlannedFile } from './target.js';
import { templateHelpers } from './template-helpers.js';

type Template = (context: object) => string;

/** About how many bytes of entries `chunks` yields at a time. */
const CHUNK_BYTES = 1 << 16;

/** What handlebars compiles every template and partial with. */
const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** Where the build writes the precompiled templates, relative to build/generator/. */
export const PRECOMPILED_TEMPLATES = 'precompiled/templates.cjs';

interface HandlebarsEnv {
  template(spec: unknown): TemplateDelegate;
  registerPartial(name: string, partial: TemplateDelegate): void;
  registerHelper(helpers: Record<string, HelperDelegate>): void;
}

interface FullHandlebars {
  create(): FullHandlebars & HandlebarsEnv;
  precompile(source: string, options: object): string;
}

const require = createRequire(import.meta.url);
let precompiledSpecs: Map<string, unknown> | undefined;
let fullHandlebars: FullHandlebars | undefined;

/** Precompiled template specs by template source, from the build's module (looked for once). */
function precompiled(): Map<string, unknown> {
  if (!precompiledSpecs) {
    const module = loadPrecompiled<{ templates: { source: string; spec: unknown }[] }>(PRECOMPILED_TEMPLATES);
    precompiledSpecs = new Map((module?.templates ?? []).map(({ source, spec }) => [source, spec]));
  }
  return precompiledSpecs;
}

/** The full handlebars (parser and compiler), loaded the first time a template has no precompiled form. */
function handlebarsCompiler(): FullHandlebars {
  fullHandlebars ??= require('handlebars') as FullHandlebars;
  return fullHandlebars;
}

/** Handlebars.precompile's spec of a template, as source code. */
function precompileSpec(source: string): string {
  return handlebarsCompiler().precompile(source, { ...COMPILE_OPTIONS });
}

export class TemplateRenderer {
  // The runtime's one-file build: the same code as handlebars/runtime.js, without loading its ~25 modules one by one.
  private readonly handlebars = (require('handlebars/dist/handlebars.runtime.js') as { create(): HandlebarsEnv }).create();
  private readonly compiled = new Map<string, Template>();

  /** `overrides`: absolute template folders by target id, searched before the built-in folder. */
  constructor(
    private readonly overrides: Readonly<Record<string, string>> = {},
    private readonly root: string = templatesDir,
  ) {
    const partials = join(root, '_partials');
    for (const name of readdirSync(partials)) {
      if (!name.endsWith('.hbs')) continue;
      // Compiled when first used, as handlebars does with a partial registered as source.
      const source = readFileSync(join(partials, name), 'utf8');
      let partial: TemplateDelegate | undefined;
      this.handlebars.registerPartial(name.slice(0, -4), ((context: unknown, options: unknown) =>
        (partial ??= this.templateOf(source))(context, options as never)) as TemplateDelegate);
    }
    this.handlebars.registerHelper(templateHelpers as Record<string, HelperDelegate>);
  }

  /** Renders `templates/<targetId>/<file.template>` with the file's context (and its entries first, when it has some: `entries`, then `moreEntries`). */
  render(targetId: string, file: PlannedFile): string {
    if (file.content !== undefined) return file.content;
    if (!file.template || !file.context) throw new Error(`codebook: ${file.path} has neither content nor a template`);
    let context = file.context;
    for (const entries of entryListsOf(file)) {
      const entry = this.entryTemplateOf(targetId, entries);
      context = { ...context, [entries.field]: entries.contexts.map((c) => entry(c)).join(entries.separator ?? '\n') };
    }
    return this.templateFor(targetId, file.template)(context);
  }

  /**
   * The file as chunks whose text (textOfChunks) is `render`'s, each entry
   * rendered only when its chunk is asked for, so a file of 100k entries is
   * never one string: the shell's pieces as text, the entries as UTF-8. The
   * file template is rendered once with a marker in
   * place of each entry list and cut at the markers; that is done for the
   * built-in file templates only, which print each list once and as it is
   * (an override might transform the list, so it gets `render`'s one chunk).
   */
  *chunks(targetId: string, file: PlannedFile, layout?: (layout: FileLayout) => void): Generator<Chunk> {
    const lists = entryListsOf(file);
    const marked = lists.flatMap((l, i) => (entryCount(l) > 0 ? [i] : []));
    const shell = marked.length > 0 ? this.shellOf(targetId, file, marked) : undefined;
    if (!shell) {
      yield this.render(targetId, file);
      return;
    }
    // With `layout`, each entry's UTF-8 length is noted as it passes (lists whose entries name their keys only).
    const noted = layout && lists.every((l) => l.keys || entryCount(l) === 0) ? lists.map(() => new Uint32Array(0)) : undefined;
    // Entries are encoded as they are rendered, which gives each one's UTF-8 length, into one buffer that goes out every
    // CHUNK_BYTES or so and is then reused (a chunk is read before the next is asked for: output/streamed-file.ts).
    let buffer = Buffer.allocUnsafe(0);
    for (const piece of shell) {
      if (typeof piece === 'string') {
        if (piece) yield piece;
        continue;
      }
      const list = lists[piece]!;
      const entry = this.entryTemplateOf(targetId, list);
      const separator = list.separator ?? '\n';
      const lengths = noted ? (noted[piece] = new Uint32Array(entryCount(list))) : undefined;
      if (buffer.length === 0) buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      let n = 0;
      for (const context of eachContext(list)) {
        const text = entry(context);
        const most = (n === 0 ? 0 : separator.length * 3) + text.length * 3; // a UTF-16 unit is at most 3 UTF-8 bytes
        if (used + most > buffer.length) {
          if (used > 0) yield buffer.subarray(0, used);
          used = 0;
          if (most > buffer.length) buffer = Buffer.allocUnsafe(most);
        }
        if (n > 0) used += buffer.write(separator, used);
        const bytes = buffer.write(text, used);
        if (lengths) lengths[n] = bytes;
        used += bytes;
        n++;
      }
      if (used > 0) yield buffer.subarray(0, used);
    }
    if (noted)
      layout!({
        pieces: shell,
        lists: lists.map((l, i) => ({
          separatorBytes: Buffer.byteLength(l.separator ?? '\n', 'utf8'),
          keys: l.keys ?? [],
          lengths: noted[i]!,
        })),
      });
  }

  /**
   * The built-in file template's text cut at the entry lists `marked` (a number: the list's
   * index), each given a marker whether it has entries or not, the others given as what they
   * render to, '' (so a template that leaves out an empty section, `{{#if userItems}}`, still
   * does). Undefined for an overridden file template (an override might transform a list) and
   * when a marked list is not printed exactly once.
   */
  shellOf(targetId: string, file: PlannedFile, marked: readonly number[]): (string | number)[] | undefined {
    if (!file.template || !file.context || !this.isBuiltIn(targetId, file.template)) return undefined;
    const lists = entryListsOf(file);
    const fields = Object.fromEntries(lists.map((l, i) => [l.field, marked.includes(i) ? `\u0000codebook-entries-${i}\u0000` : '']));
    const text = this.templateFor(targetId, file.template)({ ...file.context, ...fields });
    const pieces: (string | number)[] = text.split(/\u0000codebook-entries-(\d+)\u0000/).map((p, i) => (i % 2 === 1 ? Number(p) : p));
    const printed = pieces.filter((p) => typeof p === 'number');
    return printed.length === marked.length && new Set(printed).size === marked.length ? pieces : undefined;
  }

  /** The templates of `file` (its own and its entries') that the override folder replaces, as absolute paths. */
  overriddenTemplates(targetId: string, file: PlannedFile): string[] {
    const names = new Set([file.template, ...entryListsOf(file).map((l) => l.template)].filter((n): n is string => n !== undefined));
    return [...names].flatMap((name) => this.overrideOf(targetId, name) ?? []);
  }

  /** The override folder's file that replaces a target's template, when there is one. */
  private overrideOf(targetId: string, name: string): string | undefined {
    const folder = this.overrides[targetId];
    const path = folder && join(folder, name);
    return path && existsSync(path) ? path : undefined;
  }

  /** The entry template of a list: its TypeScript form while the template is the built-in one, else handlebars. */
  entryTemplateOf(targetId: string, entries: EntryRendering): (context: object) => string {
    return entries.builtIn && this.isBuiltIn(targetId, entries.template) ? entries.builtIn : this.templateFor(targetId, entries.template);
  }

  private readonly builtIn = new Map<string, boolean>();

  /** Whether a target's template is the one the build precompiled: not overridden, not edited since. */
  private isBuiltIn(targetId: string, name: string): boolean {
    if (this.overrideOf(targetId, name)) return false;
    const path = join(this.root, targetId, name);
    let known = this.builtIn.get(path);
    if (known === undefined) this.builtIn.set(path, (known = precompiled().has(readFileSync(path, 'utf8'))));
    return known;
  }

  /** A target's template by file name: the override folder's, else the built-in one; compiled once. */
  private templateFor(targetId: string, name: string): Template {
    const path = this.overrideOf(targetId, name) ?? join(this.root, targetId, name);
    let template = this.compiled.get(path);
    if (!template) {
      template = this.templateOf(readFileSync(path, 'utf8'));
      this.compiled.set(path, template);
    }
    return template;
  }

  /** The template function of a template's source: its precompiled form when the build made one, else compiled now. */
  private templateOf(source: string): TemplateDelegate {
    const spec = precompiled().get(source) ?? (new Function(`return ${precompileSpec(source)};`) as () => unknown)();
    return this.handlebars.template(spec);
  }
}

/** How `chunks` laid a file out: its shell, and per entry list (by index) each entry's key and UTF-8 length. */
export interface FileLayout {
  pieces: (string | number)[];
  lists: { separatorBytes: number; keys: readonly string[]; lengths: Uint32Array }[];
}

/** A file's entry lists, in the order they are rendered. */
export function entryListsOf(file: PlannedFile): EntryRendering[] {
  return [...(file.entries ? [file.entries] : []), ...(file.moreEntries ?? [])];
}

/**
 * Build time: the source of a CommonJS module with every built-in template
 * (each `.hbs` file of `root`'s folders, partials included) precompiled,
 * each with the source it was compiled from.
 */
export function precompiledTemplatesSource(root: string = templatesDir): string {
  const entries: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    for (const name of readdirSync(join(root, dir))
      .filter((n) => n.endsWith('.hbs'))
      .sort()) {
      const path = join(root, dir, name);
      const source = readFileSync(path, 'utf8');
      entries.push(
        `  // ${relative(root, path).split('\\').join('/')}\n  { source: ${JSON.stringify(source)}, spec: ${precompileSpec(source)} },`,
      );
    }
  }
  return [
    '// Generated by `npm run build` (generator/precompile.ts) from templates/. Do not edit.',
    '"use strict";',
    'exports.templates = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}
