/**
 * Line and column of the shallow values of a JSON text (pointers of at most
 * two segments: `/messages/6014`, `/codes/12`), found by one regex pass over
 * strings and brackets instead of a full syntax tree. Those are the positions
 * every message origin needs (gettext `#:` references, XLIFF locations,
 * diagnostics); deeper pointers are rare (schema errors) and left to momoa.
 * Columns count UTF-16 code units from 1, as momoa's do.
 */
import { escapePointer, type Position } from './pointer.js';

/** Deepest pointer this index knows, in segments. */
export const SHALLOW_DEPTH = 2;

export interface Offsets {
  /** Where the member name starts, or -1 for an array element and the root. */
  key: number;
  value: number;
}

export interface ShallowIndex {
  /** Offsets by parent pointer, then by member name or array index (as a string); the root is `''` in `''`. */
  children: Map<string, Map<string, Offsets>>;
  /** Offsets at a pointer of at most SHALLOW_DEPTH segments. */
  at(pointer: string): Offsets | undefined;
  position(offset: number): Position;
}

interface Frame {
  pointer: string;
  depth: number;
  array: boolean;
  index: number;
}

export function indexShallowValues(source: string): ShallowIndex {
  const scan = new ShallowScan(source);
  const token = /"[^"\\]*(?:\\.[^"\\]*)*"|[{}[\],]/g;
  for (let m = token.exec(source); m !== null; m = token.exec(source)) {
    const at = m.index;
    switch (source.charCodeAt(at)) {
      case 0x7b: // {
      case 0x5b: // [
        scan.open(at);
        break;
      case 0x7d: // }
      case 0x5d: // ]
        scan.close();
        break;
      case 0x2c: // ,
        scan.comma(at);
        break;
      default:
        scan.string(at, m[0], token.lastIndex);
    }
  }
  return shallowIndex(source, scan.children);
}

/** The offsets found so far, and the containers open around the token being read. */
class ShallowScan {
  readonly children = new Map<string, Map<string, Offsets>>();
  private readonly stack: Frame[] = [];
  private top: Frame | undefined;
  /** The pointer of the value about to open, when it is a container. */
  private opening = '';

  constructor(private readonly source: string) {
    this.record('', '', { key: -1, value: skipSpace(source, 0) });
  }

  /** `{` or `[` at `at`; a shallow array's first element starts right after it. */
  open(at: number): void {
    const { source, top } = this;
    if (top) this.stack.push(top);
    const depth = top ? top.depth + 1 : 0;
    this.top = { pointer: depth < SHALLOW_DEPTH ? this.opening : '', depth, array: source.charCodeAt(at) === 0x5b, index: 0 };
    if (this.top.array && depth < SHALLOW_DEPTH) this.elementAt(skipSpace(source, at + 1));
  }

  close(): void {
    this.top = this.stack.pop();
  }

  /** `,` at `at`: in a shallow array, the next element starts after it. */
  comma(at: number): void {
    const top = this.top;
    if (top?.array && top.depth < SHALLOW_DEPTH) {
      top.index++;
      this.elementAt(skipSpace(this.source, at + 1));
    }
  }

  /** A string token ending at `end`: a member name when a colon follows. */
  string(at: number, raw: string, end: number): void {
    const { source, top } = this;
    if (!top || top.array || top.depth >= SHALLOW_DEPTH) return;
    const colon = skipSpace(source, end);
    if (source.charCodeAt(colon) !== 0x3a) return;
    const name = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    // Only containers need their own pointer (for their members); a string value never opens one.
    this.opening = top.depth + 1 < SHALLOW_DEPTH ? `${top.pointer}/${escapePointer(name)}` : '';
    this.record(top.pointer, name, { key: at, value: skipSpace(source, colon + 1) });
  }

  private elementAt(offset: number): void {
    if (this.source.charCodeAt(offset) === 0x5d) return; // an empty array
    const top = this.top!;
    const index = String(top.index);
    this.opening = top.depth + 1 < SHALLOW_DEPTH ? `${top.pointer}/${index}` : '';
    this.record(top.pointer, index, { key: -1, value: offset });
  }

  private record(parent: string, name: string, offsets: Offsets): void {
    let members = this.children.get(parent);
    if (!members) this.children.set(parent, (members = new Map()));
    members.set(name, offsets);
  }
}

/** Lookups over the scanned offsets; line starts are found on the first position asked for. */
function shallowIndex(source: string, children: Map<string, Map<string, Offsets>>): ShallowIndex {
  let lineStarts: number[] | undefined;
  return {
    children,
    at(pointer) {
      const slash = pointer.lastIndexOf('/');
      if (slash === -1) return children.get('')?.get('');
      return children.get(pointer.slice(0, slash))?.get(unescapePointer(pointer.slice(slash + 1)));
    },
    position(offset) {
      lineStarts ??= lineStartsOf(source);
      const line = lastAtOrBefore(lineStarts, offset);
      return { line: line + 1, column: offset - lineStarts[line] + 1 };
    },
  };
}

function unescapePointer(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

function skipSpace(source: string, from: number): number {
  let i = from;
  for (let c = source.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = source.charCodeAt(++i));
  return i;
}

/** Offsets where lines start; a line ends at LF, CR LF or a lone CR, as in momoa. */
export function lineStartsOf(source: string): number[] {
  const starts = [0];
  const newline = /\r\n?|\n/g;
  for (let m = newline.exec(source); m !== null; m = newline.exec(source)) starts.push(newline.lastIndex);
  return starts;
}

export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let [lo, hi] = [0, sorted.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
