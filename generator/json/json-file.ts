/**
 * Parses a JSON source file and keeps what is needed to point at any value in
 * it. The common case is fast: JSON.parse for the value and one regex pass
 * that proves no object repeats a key (JSON.parse would keep the last one
 * silently). Positions come from momoa's syntax tree, built only the first
 * time a line is asked for (a diagnostic to print, an origin shown in a
 * report), so a clean 100k-key catalog never pays for a full syntax tree.
 */
import { createRequire } from 'node:module';
import type { AnyNode, DocumentNode } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { indexShallowValues, SHALLOW_DEPTH, type ShallowIndex } from './json-positions.js';
import { escapePointer, type Position } from './pointer.js';

const require = createRequire(import.meta.url);
/** momoa, loaded on first use (its CommonJS build, the same parser): a clean source file never needs its tree. */
const parse = (source: string, options: { mode: 'json' }): DocumentNode =>
  (require('@humanwhocodes/momoa') as typeof import('@humanwhocodes/momoa')).parse(source, options);

export { escapePointer, pointerOf, type Position } from './pointer.js';

export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
  /** Position of the value at `pointer`; for a missing pointer, the nearest existing parent. */
  locate(pointer: string): Position;
  /** Position of the member name at `pointer` (the key), falling back to its value. */
  locateKey(pointer: string): Position;
  /** locateKey (`atKey`) or locate of `parent` + "/" + the escaped `name` (an index for arrays), without building that pointer. */
  locateMember(parent: string, name: string, atKey: boolean): Position;
  /** Positions of members known without reading the text again (a warm run's layouts of it, cache/source-layout.ts); asked before any index is built. */
  knownPositions?: KnownPositions;
  /** The offsets of the text's shallow values (json-positions.ts), built on first use and shared with whoever else reads them (cache/source-layout.ts). */
  shallow?: () => ShallowIndex;
}

/** A member's position (locateMember's), when known; undefined otherwise. */
export type KnownPositions = (parent: string, name: string, atKey: boolean) => Position | undefined;

interface Located {
  key?: Position;
  value: Position;
}

export interface ParseOptions {
  /** This very text parsed without a problem before (cache/, by its hash), so the depth and duplicate-member checks are skipped. */
  trusted?: boolean;
  /**
   * The number of member names in the parsed value, if the caller's own walk of it (a schema
   * shortcut) can tell, and proves it nested shallower than MAX_DEPTH; undefined: counted here.
   */
  members?: (value: unknown) => number | undefined;
}

export function parseJsonFile(
  file: string,
  text: string,
  { trusted = false, members }: ParseOptions = {},
): { json?: JsonFile; diagnostics: Diagnostic[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { diagnostics: [syntaxError(file, source, error as Error)] };
  }
  // One walk counts the member names (for duplicates, below) and bounds the depth.
  const keys = trusted ? 0 : (members?.(value) ?? keysInValue(value));
  if (keys === TOO_DEEP) return { diagnostics: [depthProblem(file, source)] };
  let tree: PositionIndex | undefined;
  const index = () => (tree ??= indexPositions(file, parse(source, { mode: 'json' })));
  let shallowIndex: ShallowIndex | undefined;
  const shallowValues = () => (shallowIndex ??= indexShallowValues(source));
  const shallow = (pointer: string) => (depthOf(pointer) <= SHALLOW_DEPTH ? shallowValues() : undefined);
  const json: JsonFile = {
    file,
    text,
    value,
    locate(pointer) {
      const fast = shallow(pointer);
      if (!fast) return index().locate(pointer);
      for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
        const hit = fast.at(p);
        if (hit) return fast.position(hit.value);
      }
    },
    locateKey(pointer) {
      const fast = shallow(pointer);
      if (!fast) return index().locateKey(pointer);
      const hit = fast.at(pointer);
      return hit && hit.key >= 0 ? fast.position(hit.key) : json.locate(pointer);
    },
    locateMember(parent, name, atKey) {
      const known = json.knownPositions?.(parent, name, atKey);
      if (known) return known;
      const index = shallowValues();
      const hit = depthOf(parent) < SHALLOW_DEPTH ? index.children.get(parent)?.get(name) : undefined;
      if (hit) return index.position(atKey && hit.key >= 0 ? hit.key : hit.value);
      const pointer = `${parent}/${escapePointer(name)}`;
      return atKey ? json.locateKey(pointer) : json.locate(pointer);
    },
    shallow: shallowValues,
  };
  // Duplicate keys are the one thing JSON.parse hides; the syntax tree names each one.
  const diagnostics = trusted || keysInText(source) === keys ? [] : index().duplicates;
  return { json, diagnostics };
}

/**
 * The message and position for text that JSON.parse rejects: momoa's when it
 * agrees, else JSON.parse's own offset (momoa lets raw control characters
 * such as NUL through, and recursion would overflow on deep nesting).
 */
function syntaxError(file: string, source: string, jsonError: Error): Diagnostic {
  const offset = Number(/at position (\d+)/.exec(jsonError.message)?.[1] ?? NaN);
  const code = Number.isInteger(offset) ? source.charCodeAt(offset) : NaN;
  if (code < 0x20) {
    const hex = code.toString(16).padStart(4, '0');
    return {
      ruleId: 'json/syntax',
      severity: 'error',
      message: `Not valid JSON: a raw control character U+${hex.toUpperCase()} inside a string; write it as \\u${hex}.`,
      place: { file, ...positionAt(source, offset) },
    };
  }
  let e: Error & { line?: number; column?: number } = jsonError;
  if (maxDepth(source, MAX_DEPTH).depth <= MAX_DEPTH) {
    try {
      parse(source, { mode: 'json' });
    } catch (error) {
      e = error as typeof e;
    }
  }
  const place =
    e.line !== undefined && e.column !== undefined
      ? { line: e.line, column: e.column }
      : Number.isInteger(offset)
        ? positionAt(source, offset)
        : { line: 1, column: 1 };
  return {
    ruleId: 'json/syntax',
    severity: 'error',
    message: `Not valid JSON: ${e.message.replace(/\s*\(\d+:\d+\)$/, '').replace(/^Unexpected .* in JSON at position \d+.*$/, 'unexpected input')}`,
    place: { file, ...place },
  };
}

/** Deeper nesting than any catalog needs; beyond it, recursive readers (ours, ajv's) would overflow the stack. */
export const MAX_DEPTH = 64;

function depthProblem(file: string, source: string): Diagnostic {
  const { offset } = maxDepth(source, MAX_DEPTH);
  return {
    ruleId: 'json/too-deep',
    severity: 'error',
    message: `Nested deeper than ${MAX_DEPTH} levels; no codebook file needs more than a few.`,
    place: { file, ...positionAt(source, offset) },
  };
}

/** The nesting depth of the text (strings skipped), stopping at the first bracket past `limit`, whose offset it gives. */
function maxDepth(source: string, limit: number): { depth: number; offset: number } {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < source.length && source.charCodeAt(i) !== 0x22; i++) if (source.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > limit) return { depth, offset: i };
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return { depth: deepest, offset: 0 };
}

/** 1-based line and column (in UTF-16 units, like momoa's) of an offset. */
export function positionAt(source: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Member names in the text (which JSON.parse accepted): every string followed by a colon is one
 * (a string value never is), so the pass steps from quote to quote with indexOf, a quote preceded
 * by an odd number of backslashes being inside the string. No match objects: ~3× a regex's speed.
 */
function keysInText(source: string): number {
  let count = 0;
  for (let open = source.indexOf('"'); open !== -1;) {
    let close = source.indexOf('"', open + 1);
    while (close !== -1 && escaped(source, close)) close = source.indexOf('"', close + 1);
    if (close === -1) break;
    let next = close + 1;
    let c = source.charCodeAt(next);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = source.charCodeAt(++next);
    if (c === 0x3a) count++;
    open = source.indexOf('"', next);
  }
  return count;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes before it. */
function escaped(source: string, at: number): boolean {
  let backslashes = 0;
  while (source.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

/** Member names JSON.parse kept: fewer than in the text exactly when a key was repeated. */
/** The count of keysInValue for a value nested deeper than MAX_DEPTH: the walk stops there, so it never overflows the stack. */
const TOO_DEEP = -1;

function keysInValue(value: unknown, depth = 1): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > MAX_DEPTH) return TOO_DEEP;
  // Values, not keys: the same count, without a string for every integer-like key ("6014").
  const children: readonly unknown[] = Array.isArray(value) ? value : Object.values(value);
  let count = Array.isArray(value) ? 0 : children.length;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || typeof child !== 'object') continue;
    const n = keysInValue(child, depth + 1);
    if (n === TOO_DEEP) return TOO_DEEP;
    count += n;
  }
  return count;
}

function depthOf(pointer: string): number {
  let depth = 0;
  for (let i = pointer.indexOf('/'); i !== -1; i = pointer.indexOf('/', i + 1)) depth++;
  return depth;
}

interface PositionIndex {
  locate(pointer: string): Position;
  locateKey(pointer: string): Position;
  duplicates: Diagnostic[];
}

function indexPositions(file: string, doc: DocumentNode): PositionIndex {
  const index = new Map<string, Located>();
  const duplicates: Diagnostic[] = [];
  indexNode(doc.body, '', undefined);
  const locate = (pointer: string): Position => {
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const hit = index.get(p);
      if (hit) return hit.value;
      if (p === '') return { line: 1, column: 1 };
    }
  };
  return { locate, locateKey: (pointer) => index.get(pointer)?.key ?? locate(pointer), duplicates };

  function indexNode(node: AnyNode, pointer: string, key: Position | undefined): void {
    index.set(pointer, { key, value: { line: node.loc.start.line, column: node.loc.start.column } });
    if (node.type === 'Object') {
      const seen = new Map<string, Position>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const at = { line: member.name.loc.start.line, column: member.name.loc.start.column };
        const first = seen.get(name);
        if (first) {
          duplicates.push({
            ruleId: 'json/duplicate-key',
            severity: 'error',
            message: `Duplicate key ${JSON.stringify(name)}: JSON parsers keep only the last one.`,
            place: { file, ...at, pointer: `${pointer}/${escapePointer(name)}` },
            notes: [{ message: 'first defined here', place: { file, ...first } }],
          });
        } else {
          seen.set(name, at);
        }
        indexNode(member.value, `${pointer}/${escapePointer(name)}`, at);
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, i) => indexNode(element.value, `${pointer}/${i}`, undefined));
    }
  }
}
