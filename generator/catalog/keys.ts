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
  const pa = parseKey(a);
  const pb = parseKey(b);
  if (pa && pb) {
    const sa = 'code' in pa ? pa.code : pa.range[0];
    const sb = 'code' in pb ? pb.code : pb.range[0];
    if (sa !== sb) return sa - sb;
    return ('code' in pa ? 0 : 1) - ('code' in pb ? 0 : 1);
  }
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
