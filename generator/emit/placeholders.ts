/**
 * Positional arguments for formats that number them (`%1$s`, `{0}`): the
 * position of an argument is its place in the message's `params` (sorted by
 * name at merge), so it is the same in every locale whatever order a
 * translation uses them in.
 */
import type { Message } from '../catalog/model.js';

/** Positions by message: targets ask once per text piece, and a message's params never change. */
const positionsOf = new WeakMap<Message, ReadonlyMap<string, number>>();

/** 1-based position of each declared argument. */
export function argumentPositions(message: Message): ReadonlyMap<string, number> {
  let positions = positionsOf.get(message);
  if (positions === undefined) {
    positions = new Map(message.params.map((p, i) => [p.name, i + 1]));
    positionsOf.set(message, positions);
  }
  return positions;
}
