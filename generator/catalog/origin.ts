/**
 * Origins that find their line only when asked. Every message of every
 * locale has one, but most runs never print a position (a clean catalog,
 * `--quiet`, targets without source references), so the lookup in the JSON
 * file, and the file's position index behind it, wait for the first reader.
 */
import type { Place } from '../diagnostics/diagnostic.js';
import { escapePointer, type JsonFile, type Position } from '../json/json-file.js';
import type { Origin } from './model.js';

export class SourceOrigin implements Origin {
  readonly layer: string;
  readonly file: string;
  #json: JsonFile;
  #parent: string;
  #name: string;
  #atKey: boolean;
  #pointer: string | undefined;
  #position: Position | undefined;

  /** The member `name` of the object or array at `parent`; `atKey` points at the member's name rather than its value. */
  constructor(layer: string, json: JsonFile, parent: string, name: string | number, atKey: boolean) {
    this.layer = layer;
    this.file = json.file;
    this.#json = json;
    this.#parent = parent;
    this.#name = String(name);
    this.#atKey = atKey;
  }

  get pointer(): string {
    return (this.#pointer ??= `${this.#parent}/${escapePointer(this.#name)}`);
  }

  /** Whether two origins have the same pointer, without building either when both are SourceOrigins (the pointer is `parent/escaped name`, one string per pair). */
  static samePointer(a: Origin, b: Origin): boolean {
    if (a instanceof SourceOrigin && b instanceof SourceOrigin) return a.#name === b.#name && a.#parent === b.#parent;
    return a.pointer === b.pointer;
  }

  get line(): number {
    return this.#locate().line;
  }

  get column(): number {
    return this.#locate().column;
  }

  #locate(): Position {
    return (this.#position ??= this.#json.locateMember(this.#parent, this.#name, this.#atKey));
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
