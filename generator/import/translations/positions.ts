/**
 * Line:column of an offset in a text, as every reader of the project counts
 * them: lines end at LF, CR LF or a lone CR; columns count UTF-16 code units
 * from 1. Shared by the JSON (ARB, .xcstrings) and XML (Android) readers of
 * the translation imports.
 */
import type { At } from './apply.js';

export type Locate = (offset: number) => At;

/** A locator for `text`: one pass for the line starts, then a binary search per offset. */
export function locator(text: string): Locate {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
