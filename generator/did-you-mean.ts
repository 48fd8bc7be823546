/** "Did you mean …?" for a misspelt name: the nearest candidate by edit distance, when it is near enough to be a typo. */
import { closest, distance } from 'fastest-levenshtein';

/** The candidate nearest to `name`, if it is at most a third of the name's length away (at least one edit). */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((c) => c !== name);
  if (list.length === 0) return undefined;
  const best = closest(name, list);
  return distance(name, best) <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** ` Did you mean "x"?` (with its leading space), or '' when nothing is near. */
export function didYouMean(name: string, candidates: Iterable<string>, quote: (s: string) => string = (s) => JSON.stringify(s)): string {
  const near = nearestName(name, candidates);
  return near === undefined ? '' : ` Did you mean ${quote(near)}?`;
}
