/**
 * Origins that find their line only when asked. Every message of every
 * locale has one, but most runs never print a position (a clean catalog,
 * `--quiet`, targets without source references), so the lookup in the JSON
 * file, and the file's position index behind it, wait for the first reader.
 */
import type { Place } from '../diagnostics/diagnostic.js';
import { escapePointer, type JsonFile, type Position } from '../json/json-file.js';
import type { Origin } from './model.js';

/**
 * What the origins of one container's members have in common (its file, layer, pointer and
 * whether they point at names): made once per container, so that each of its 100k origins keeps
 * only its member's name and what it has looked up.
 */
export class OriginScope {
  constructor(
    readonly layer: string,
    readonly json: JsonFile,
    readonly parent: string,
    readonly atKey: boolean,
  ) {}

  /** The origin of member `name` (an index for arrays). */
  member(name: string | number): SourceOrigin {
    return new SourceOrigin(this, name);
  }
}

export class SourceOrigin implements Origin {
  #scope: OriginScope;
  #name: string;
  #pointer: string | undefined;
  #position: Position | undefined;

  /** The member `name` of the object or array at the scope's parent; the scope's `atKey` points at the member's name rather than its value. */
  constructor(scope: OriginScope, name: string | number) {
    this.#scope = scope;
    this.#name = String(name);
  }

  get layer(): string {
    return this.#scope.layer;
  }

  get file(): string {
    return this.#scope.json.file;
  }

  get pointer(): string {
    return (this.#pointer ??= `${this.#scope.parent}/${escapePointer(this.#name)}`);
  }

  /** Whether two origins have the same pointer, without building either when both are SourceOrigins (the pointer is `parent/escaped name`, one string per pair). */
  static samePointer(a: Origin, b: Origin): boolean {
    if (a instanceof SourceOrigin && b instanceof SourceOrigin) return a.#name === b.#name && a.#scope.parent === b.#scope.parent;
    return a.pointer === b.pointer;
  }

  get line(): number {
    return this.#locate().line;
  }

  get column(): number {
    return this.#locate().column;
  }

  #locate(): Position {
    const scope = this.#scope;
    return (this.#position ??= scope.json.locateMember(scope.parent, this.#name, scope.atKey));
  }

  toJSON(): Origin {
    return { layer: this.layer, file: this.file, pointer: this.pointer, line: this.line, column: this.column };
  }
}

/** A diagnostic's place at an origin; lazy like the origin itself. */
export function placeOf(origin: Origin): Place {
  return new OriginPlace(origin);
}

class OriginPlace implements Place {
  readonly file: string;
  #origin: Origin;

  constructor(origin: Origin) {
    this.file = origin.file;
    this.#origin = origin;
  }

  get pointer(): string {
    return this.#origin.pointer;
  }

  get line(): number {
    return this.#origin.line;
  }

  get column(): number {
    return this.#origin.column;
  }

  toJSON(): Place {
    return { file: this.file, line: this.line, column: this.column, pointer: this.pointer };
  }
}
