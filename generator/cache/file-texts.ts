/**
 * Source texts by display path, for code frames: the files a run read, and
 * any other read when a frame first asks for it (a warm run reads only the
 * files an edit changed, while the diagnostics it prints may point anywhere).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeSource } from '../catalog/source-text.js';

export class FileTexts extends Map<string, string> {
  constructor(
    private readonly root: string,
    read: ReadonlyMap<string, string>,
  ) {
    super(read);
  }

  override get(file: string): string | undefined {
    if (!super.has(file)) {
      const bytes = (() => {
        try {
          return readFileSync(resolve(this.root, file));
        } catch {
          return undefined;
        }
      })();
      const text = bytes && decodeSource(file, bytes).text;
      if (text !== undefined) super.set(file, text);
    }
    return super.get(file);
  }

  override has(file: string): boolean {
    return this.get(file) !== undefined;
  }
}
