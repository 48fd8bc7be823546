/**
 * Entry lists whose contexts are built one at a time as their file is
 * rendered, not when the target is planned. A plan that built every file's
 * contexts up front held them all (hundreds of MB at 100k keys) until its
 * last file was rendered: long enough for the garbage collector to copy them
 * into the old generation, which grew by gigabytes of garbage between full
 * collections. Built per entry, each context is garbage as soon as its entry
 * is rendered and dies young.
 */
import type { EntryRendering } from './target.js';

/**
 * `list` whose contexts are `contextOf` of each of `items` (what the plan
 * kept of each entry: its message, its converted text), built when they are
 * read: one at a time by the renderer (`eachContext`), or as an array by
 * `contexts` (a warm splice of a few keys' plan, a test), built on its first
 * read and kept. `keys`, when given, are parallel to `items`.
 */
export function lazyEntries<T, C extends object>(
  list: Omit<EntryRendering<C>, 'contexts' | 'eachContext'>,
  items: readonly T[],
  contextOf: (item: T) => C,
): EntryRendering<C> {
  let contexts: readonly C[] | undefined;
  return {
    ...list,
    get contexts(): readonly C[] {
      return (contexts ??= items.map(contextOf));
    },
    count: items.length,
    *eachContext(): Generator<C> {
      for (const item of items) yield contextOf(item);
    },
  };
}

/** How many entries a list renders, without building lazy contexts. */
export function entryCount(list: EntryRendering): number {
  return list.count ?? list.contexts.length;
}

/** A list's contexts in order, each built when reached when the list is lazy. */
export function eachContext<C extends object>(list: EntryRendering<C>): Iterable<C> {
  return list.eachContext?.() ?? list.contexts;
}
