/**
 * The layer files read, taken one by one in layer order: each decoded, owned
 * by one layer, parsed, classified as a registry file (`codes`) or a messages
 * file (`locale`) and checked against its kind's schema; kept for the merge
 * or recorded as failed. The same steps run on the main thread (loadLayers)
 * or, for a large catalog, in a worker that returns only what they found
 * (parallel-load.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseJsonFile, type JsonFile } from '../json/json-file.js';
import { NOT_PLAIN } from '../json/plain-messages.js';
import { plainMembers, validateAgainstSchema } from '../json/schemas.js';
import { hashText } from '../json/text-hash.js';
import { numberFormProblems } from './number-forms.js';
import type { FailedFile, LoadedLayers, MessagesData, RegistryData, SourceFile } from './source-files.js';
import { decodeSource } from './source-text.js';

/** One layer file's bytes, as read for a layer; `file` is its display path. */
export interface LayerRead {
  layer: string;
  file: string;
  bytes: Uint8Array;
}

/** What the load needs of the config: its locales, and the layers a base brings (`from`), whose other locales are left out. */
export interface LoadSettings {
  locales: readonly string[];
  baseLayers: readonly string[];
}

export interface LoadOptions {
  /** Files (display path → text hash) that loaded clean last run: their checks are skipped while the text is the same (loadLayers). */
  trusted?: ReadonlyMap<string, number>;
  /** Files checked by the caller on the parts that changed: loaded as trusted, never counted clean. */
  deferred?: ReadonlySet<string>;
  /** Every file taken as trusted (no hash, no checks): the load the merge may start from while the checks run elsewhere. */
  assumeClean?: boolean;
  /** Keep the parsed files and the texts (false in the worker, which hands back only what it found). */
  retain?: boolean;
}

/** What a load found, without the parsed files and texts: all a worker sends back. */
export interface LoadVerdict {
  diagnostics: Diagnostic[];
  failed: FailedFile[];
  /** The reads kept for the merge, by index, in order. */
  kept: number[];
  hashes: Map<string, number>;
  clean: Map<string, number>;
}

export class LayerLoad {
  readonly files: SourceFile[] = [];
  readonly kept: number[] = [];
  readonly texts = new Map<string, string>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly failed: FailedFile[] = [];
  /** The layer each file was first read for, by display path. */
  private readonly seen = new Map<string, string>();
  private readonly baseLayers: ReadonlySet<string>;
  private readonly hashes = new Map<string, number>();
  private readonly clean = new Map<string, number>();

  constructor(
    private readonly settings: LoadSettings,
    private readonly options: LoadOptions = {},
  ) {
    this.baseLayers = new Set(settings.baseLayers);
  }

  /** Read number `index`: decoded, owned by one layer, parsed, classified, then checked against its kind's schema. */
  add({ layer, file, bytes }: LayerRead, index: number): void {
    const { options } = this;
    const reported = this.diagnostics.length;
    const text = this.decode(file, bytes);
    if (text === undefined || !this.claim(file, layer)) return;
    if (options.retain !== false) this.texts.set(file, text);
    // Hashed only for an incremental run (`trusted` given, if empty), which records the clean files for the next.
    const hash = options.trusted && !options.assumeClean ? hashText(text) : undefined;
    if (hash !== undefined) this.hashes.set(file, hash);
    const deferred = options.deferred?.has(file) === true;
    const trusted = options.assumeClean === true || deferred || (hash !== undefined && options.trusted!.get(file) === hash);
    // A plain file's schema check (a shortcut past ajv) counts its member names too: one walk for both.
    let plain = false;
    const members = (value: unknown) => {
      const kind = kindOf(value);
      const count = kind ? plainMembers(kind, value) : NOT_PLAIN;
      plain = count !== NOT_PLAIN;
      return plain ? count : undefined;
    };
    const parsed = parseJsonFile(file, text, { trusted, members });
    this.diagnostics.push(...parsed.diagnostics);
    if (!parsed.json) {
      this.failed.push({ file });
      return;
    }
    const source = this.classify(file, layer, parsed.json);
    // A base's texts of a locale the project left out are not part of its catalog.
    if (!source || (source.kind === 'messages' && this.baseLayers.has(layer) && !this.settings.locales.includes(source.data.locale)))
      return;
    const kept = this.check(source, file, text, parsed.diagnostics.length === 0, trusted, plain);
    if (kept) {
      this.kept.push(index);
      if (options.retain !== false) this.files.push(source);
    }
    if (kept && hash !== undefined && this.diagnostics.length === reported && !deferred) this.clean.set(file, hash);
  }

  verdict(): LoadVerdict {
    return { diagnostics: this.diagnostics, failed: this.failed, kept: this.kept, hashes: this.hashes, clean: this.clean };
  }

  /** The loaded layers, after the diagnostics of reading them (`before`). */
  result(before: readonly Diagnostic[]): LoadedLayers {
    return {
      files: this.files,
      failed: this.failed,
      texts: this.texts,
      diagnostics: [...before, ...this.diagnostics],
      hashes: this.hashes,
      clean: this.clean,
    };
  }

  private decode(file: string, bytes: Uint8Array): string | undefined {
    const { text, diagnostic } = decodeSource(file, bytes);
    if (text === undefined) {
      this.diagnostics.push(diagnostic!);
      this.failed.push({ file });
    }
    return text;
  }

  /** Whether the file is this layer's: the first layer that matches it keeps it, another one is reported. */
  private claim(file: string, layer: string): boolean {
    const earlier = this.seen.get(file);
    if (earlier !== undefined) {
      this.diagnostics.push({
        ruleId: 'config/file-in-two-layers',
        severity: 'error',
        message: `${file} is matched by layer ${JSON.stringify(earlier)} and by layer ${JSON.stringify(layer)}; a file belongs to one layer.`,
        place: { file },
      });
      return false;
    }
    this.seen.set(file, layer);
    return true;
  }

  private classify(file: string, layer: string, json: JsonFile): SourceFile | undefined {
    const source = classify(layer, json);
    if (!source) {
      this.diagnostics.push({
        ruleId: 'schema/kind',
        severity: 'error',
        message: 'Neither a registry file (with "codes") nor a messages file (with "locale" and "messages").',
        place: { file, line: 1, column: 1, pointer: '' },
      });
      this.failed.push({ file });
    }
    return source;
  }

  /**
   * Schema problems (and a registry's number forms) leave the file out; so does a parse that only recovered. Whether it was kept.
   * `plain`: the schema accepts the file for certain (plainMembers).
   */
  private check(source: SourceFile, file: string, text: string, parsedCleanly: boolean, trusted: boolean, plain: boolean): boolean {
    const problems = trusted
      ? []
      : [
          ...(plain ? [] : validateAgainstSchema(source.kind, source.json)),
          ...(source.kind === 'registry' ? numberFormProblems(file, text) : []),
        ];
    this.diagnostics.push(...problems);
    if (problems.length === 0 && parsedCleanly) return true;
    this.failed.push({
      file,
      kind: source.kind,
      ...(source.kind === 'messages' && typeof source.data.locale === 'string' ? { locale: source.data.locale } : {}),
    });
    return false;
  }
}

function classify(layer: string, json: JsonFile): SourceFile | undefined {
  const value = json.value;
  switch (kindOf(value)) {
    case 'registry':
      return { kind: 'registry', layer, json, data: value as RegistryData };
    case 'messages':
      return { kind: 'messages', layer, json, data: value as MessagesData };
    default:
      return undefined;
  }
}

/** A registry file has "codes"; a messages file has "locale", "messages" or "user"; anything else is neither. */
function kindOf(value: unknown): SourceFile['kind'] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('codes' in value) return 'registry';
  if ('locale' in value || 'messages' in value || 'user' in value) return 'messages';
  return undefined;
}
