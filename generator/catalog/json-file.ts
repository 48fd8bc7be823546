/**
 * Parses a JSON source file and keeps what is needed to point at any value in
 * it: every diagnostic and every message origin gets a line and column from
 * momoa's syntax tree, looked up by JSON pointer. Duplicate object keys, which
 * JSON.parse would resolve silently, are reported.
 */
import { parse, type AnyNode, type DocumentNode } from '@humanwhocodes/momoa';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface Position {
  line: number;
  column: number;
}

export interface JsonFile {
  file: string;
  text: string;
  value: unknown;
  /** Position of the value at `pointer`; for a missing pointer, the nearest existing parent. */
  locate(pointer: string): Position;
  /** Position of the member name at `pointer` (the key), falling back to its value. */
  locateKey(pointer: string): Position;
}

interface Located {
  key?: Position;
  value: Position;
}

export function parseJsonFile(file: string, text: string): { json?: JsonFile; diagnostics: Diagnostic[] } {
  let doc: DocumentNode;
  try {
    doc = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { mode: 'json' });
  } catch (error) {
    const e = error as Error & { line?: number; column?: number };
    return {
      diagnostics: [
        {
          ruleId: 'json/syntax',
          severity: 'error',
          message: `Not valid JSON: ${e.message.replace(/\s*\(\d+:\d+\)$/, '')}`,
          place: { file, line: e.line ?? 1, column: e.column ?? 1 },
        },
      ],
    };
  }
  const index = new Map<string, Located>();
  const diagnostics: Diagnostic[] = [];
  indexNode(doc.body, '', undefined);

  const locate = (pointer: string): Position => {
    for (let p = pointer; ; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const hit = index.get(p);
      if (hit) return hit.value;
      if (p === '') return { line: 1, column: 1 };
    }
  };
  return {
    json: {
      file,
      text,
      value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
      locate,
      locateKey: (pointer) => index.get(pointer)?.key ?? locate(pointer),
    },
    diagnostics,
  };

  function indexNode(node: AnyNode, pointer: string, key: Position | undefined): void {
    index.set(pointer, { key, value: { line: node.loc.start.line, column: node.loc.start.column } });
    if (node.type === 'Object') {
      const seen = new Map<string, Position>();
      for (const member of node.members) {
        const name = member.name.type === 'String' ? member.name.value : member.name.name;
        const at = { line: member.name.loc.start.line, column: member.name.loc.start.column };
        const first = seen.get(name);
        if (first) {
          diagnostics.push({
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

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => `/${escapePointer(String(s))}`).join('');
}
