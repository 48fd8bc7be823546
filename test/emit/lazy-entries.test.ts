/**
 * generator/emit/lazy-entries.ts: entry lists whose contexts are built as the
 * file is rendered. The renderer builds each context once, when its entry is
 * reached, and gives the bytes an eager list gives; `contexts` still reads
 * as the whole array (a warm splice, a test).
 */
import { describe, expect, it } from 'vitest';
import { entryCount, lazyEntries } from '../../generator/emit/lazy-entries.js';
import { textOfChunks } from '../../generator/output/streamed-file.js';
import { TemplateRenderer } from '../../generator/emit/render.js';
import type { EntryRendering, PlannedFile } from '../../generator/emit/target.js';
import { entryText, type BundleEntryContext } from '../../generator/targets/java.js';

const keys = ['1', '2', '3'];
const contextOf = (key: string): BundleEntryContext => ({
  messageKey: key,
  comment: `${key} comment`,
  pattern: false,
  plural: false,
  properties: [{ key, value: `text ${key}` }],
});
const list = { template: 'entry.properties.hbs', field: 'entries', keys, separator: '\n\n', builtIn: entryText };

/** A lazy list over `keys` that counts the contexts it builds. */
function counted(): { entries: EntryRendering; built: () => number } {
  let built = 0;
  const entries = lazyEntries(list, keys, (key) => {
    built++;
    return contextOf(key);
  });
  return { entries, built: () => built };
}

const fileOf = (entries: EntryRendering): PlannedFile => ({
  path: 'java/Errors.properties',
  template: 'bundle.properties.hbs',
  context: { header: 'header', notes: [] },
  entries,
});

describe('lazyEntries', () => {
  it('builds nothing at plan time and knows its size from its items', () => {
    const { entries, built } = counted();
    expect(entryCount(entries)).toBe(3);
    expect(built()).toBe(0);
  });

  it('is rendered with each context built once, as it is reached, to the bytes of the eager list', () => {
    const renderer = new TemplateRenderer();
    const { entries, built } = counted();
    const eager = fileOf({ ...list, contexts: keys.map(contextOf) });
    const chunks = renderer.chunks('java', fileOf(entries));
    expect(chunks.next().done).toBe(false); // the file's text before the entries
    expect(built()).toBe(0);
    const text = textOfChunks(renderer.chunks('java', fileOf(entries)));
    expect(text).toBe(textOfChunks(renderer.chunks('java', eager)));
    expect(text).toContain('# 2 comment\n2=text 2');
    expect(built()).toBe(3);
  });

  it('reads as the whole array, built on the first read', () => {
    const { entries, built } = counted();
    expect(entries.contexts).toEqual(keys.map(contextOf));
    expect(entries.contexts).toBe(entries.contexts);
    expect(built()).toBe(3);
  });
});
