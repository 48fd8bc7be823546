/**
 * Origins that find their line only when asked. Every message of every
 * locale has one, but most runs never print a position (a clean catalog,
 * `--quiet`, targets without source references), so the lookup in the JSON
 * file, and the file's position index behind it, wait for the first reader.
 */
import type { Place } from '../diagnostics/diagnostic.js';
import type { JsonFile, Position } from './json-file.js';
import type { Origin } from './model.js';

export class SourceOrigin implements Origin {
  readonly layer: string;
  readonly file: string;
  readonly pointer: string;
  #json: JsonFile;
  #atKey: boolean;
  #position: Position | undefined;

  constructor(layer: string, json: JsonFile, pointer: string, atKey: boolean) {
    this.layer = layer;
    this.file = json.file;
    this.pointer = pointer;
    this.#json = json;
    this.#atKey = atKey;
  }

  get line(): number {
    return this.#locate().line;
  }

  get column(): number {
    return this.#locate().column;
  }

  #locate(): Position {
    return (this.#position ??= this.#atKey ? this.#json.locateKey(this.pointer) : this.#json.locate(this.pointer));
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
  readonly pointer: string;
  #origin: Origin;

  constructor(origin: Origin) {
    this.file = origin.file;
    this.pointer = origin.pointer;
    this.#origin = origin;
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
