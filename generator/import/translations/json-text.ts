/**
 * A translator's JSON file (ARB, String Catalog) read with a position for
 * everything a diagnostic may point at: momoa's syntax tree (as
 * json/json-file.ts uses it), which keeps every member (so a repeated key
 * is seen, where JSON.parse keeps the last) and the range of every node, and
 * for a string value the line:column of each of its characters, through its
 * escapes (`\u00e9`, `\n`), so a check can point at the `{` of a broken
 * placeholder.
 */
import { parse, type AnyNode, type MemberNode, type ObjectNode } from '@humanwhocodes/momoa';
import type { At } from './apply.js';
import { locator, type Locate } from './positions.js';
import type { ReadResult } from './report.js';

export interface JsonText {
  /** The decoded value. */
  text: string;
  /** The opening quote. */
  at: At;
  /** Where the value's UTF-16 unit i is written (its character or escape); i = text.length gives the closing quote. */
  position(i: number): At;
}

export interface JsonDocument {
  root: AnyNode;
  /** The position of a node (its first character). */
  at(node: AnyNode): At;
  /** A string node as text with positions. */
  string(node: AnyNode & { type: 'String' }): JsonText;
}

export type JsonReadResult = ReadResult<JsonDocument>;

export function readJson(text: string): JsonReadResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = text.slice(bom);
  const where = locator(source);
  let root: AnyNode;
  try {
    root = parse(source, { mode: 'json', ranges: true }).body;
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    return {
      ok: false,
      rule: 'syntax',
      message: `Not valid JSON: ${e.message.replace(/\s*\(\d+:\d+\)$/, '')}`,
      at: e.line !== undefined && e.column !== undefined ? { line: e.line, column: e.column } : { line: 1, column: 1 },
    };
  }
  const doc: JsonDocument = {
    root,
    at: (node) => where(node.range![0]),
    string: (node) => jsonText(source, node, where),
  };
  return { ok: true, doc };
}

function jsonText(source: string, node: AnyNode & { type: 'String' }, where: Locate): JsonText {
  const [start, end] = node.range!;
  let offsets: number[] | undefined;
  return {
    text: node.value,
    at: where(start),
    position(i) {
      if (!offsets) {
        offsets = [];
        for (let raw = start + 1; raw < end - 1;) {
          offsets.push(raw);
          raw += source[raw] !== '\\' ? 1 : source[raw + 1] === 'u' ? 6 : 2;
        }
        offsets.push(end - 1);
      }
      return where(offsets[Math.min(i, offsets.length - 1)]);
    },
  };
}

/** A member's name. */
export function memberName(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

/** The first member of that name in an object node. */
export function member(node: AnyNode | undefined, name: string): MemberNode | undefined {
  return node?.type === 'Object' ? node.members.find((m) => memberName(m) === name) : undefined;
}

export function isObject(node: AnyNode | undefined): node is ObjectNode {
  return node?.type === 'Object';
}

/** A JSON type's name for a message ("a number"). */
export function jsonKind(node: AnyNode): string {
  return node.type === 'Object'
    ? 'an object'
    : node.type === 'Array'
      ? 'an array'
      : node.type === 'String'
        ? 'a string'
        : node.type === 'Number'
          ? 'a number'
          : node.type === 'Boolean'
            ? 'a boolean'
            : 'null';
}
