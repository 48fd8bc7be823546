/**
 * Message keys: the decimal string of a code ("6014", "-302"), a range
 * "120001-130000", or a named key ("unknown"). This module is the only place
 * that turns codes into keys and orders keys, so every output sorts alike.
 */
export const UNKNOWN_KEY = 'unknown';

export type CodeRange = readonly [from: number, to: number];

export function keyOfCode(code: number): string {
  return String(code);
}

export function keyOfRange([from, to]: CodeRange): string {
  return `${from}-${to}`;
}

/** Parses "6014", "-302" or "120001-130000"; named keys give undefined. */
export function parseKey(key: string): { code: number } | { range: CodeRange } | undefined {
  if (/^-?(0|[1-9]\d*)$/.test(key)) return { code: Number(key) };
  const m = /^(-?(?:0|[1-9]\d*))-(-?(?:0|[1-9]\d*))$/.exec(key);
  if (m) return { range: [Number(m[1]), Number(m[2])] };
  return undefined;
}

/** Numeric order (negative codes first, a range at its start), named keys last, by name. */
export function compareKeys(a: string, b: string): number {
  const pa = orderOf(a);
  const pb = orderOf(b);
  if (pa && pb) {
    if (pa.start !== pb.start) return pa.start - pb.start;
    return pa.range - pb.range;
  }
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * compareKeys of two messages' keys, read from their code or range when both have one (the key
 * is then that code or range written out: keyOfCode, keyOfRange) instead of parsed: the merge
 * sorts 100k messages, most of them codes, and each key parsed is two regex matches and an entry
 * in the orders kept below.
 */
export function compareMessageKeys(a: KeyedMessage, b: KeyedMessage): number {
  if ((a.code === undefined && !a.range) || (b.code === undefined && !b.range)) return compareKeys(a.key, b.key);
  const start = (a.code ?? a.range![0]) - (b.code ?? b.range![0]);
  // At the same start a code comes before the range it starts.
  return start !== 0 ? start : (a.code === undefined ? 1 : 0) - (b.code === undefined ? 1 : 0);
}

/** What compareMessageKeys reads of a message. */
export interface KeyedMessage {
  key: string;
  code?: number;
  range?: CodeRange;
}

interface Order {
  /** The code, or the first code of a range. */
  start: number;
  /** 1 for a range (after the code it starts with), else 0. */
  range: number;
}

/**
 * A key's place in compareKeys's order, remembered by key: every sort of a catalog's messages or
 * findings compares each key many times, and parsing is two regex matches. Bounded for
 * long-lived processes (watch mode): once full, new keys are parsed each time.
 */
const orders = new Map<string, Order | null>();
const ORDER_CACHE_LIMIT = 200_000;

function orderOf(key: string): Order | null {
  let order = orders.get(key);
  if (order === undefined) {
    const parsed = parseKey(key);
    order = parsed ? ('code' in parsed ? { start: parsed.code, range: 0 } : { start: parsed.range[0], range: 1 }) : null;
    if (orders.size < ORDER_CACHE_LIMIT) orders.set(key, order);
  }
  return order;
}
