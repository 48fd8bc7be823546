/**
 * Positional arguments for formats that number them (`%1$s`, `{0}`): the
 * position of an argument is its place in the message's `params` (sorted by
 * name at merge), so it is the same in every locale whatever order a
 * translation uses them in.
 */
import type { Message } from '../catalog/model.js';

/** 1-based position of each declared argument. */
export function argumentPositions(message: Message): Map<string, number> {
  return new Map(message.params.map((p, i) => [p.name, i + 1]));
}
