/**
 * Canonical text of source files (locale message files and the registry), so
 * the importer and every rewrite produce the same bytes. JSON.stringify alone
 * cannot: JS objects put integer-like keys ("6014") before others ("-302").
 */
import { compareKeys } from './keys.js';

/** Serializes with 2-space indent; objects listed in `sortedObjects` (by path) get their keys in compareKeys order. */
export function stringifySource(value: unknown, sortedObjects: ReadonlySet<string> = new Set(['messages'])): string {
  return `${write(value, '', '')}\n`;

  function write(v: unknown, indent: string, path: string): string {
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const inner = indent + '  ';
      const items = v.map((item) => inner + write(item, inner, path));
      return `[\n${items.join(',\n')}\n${indent}]`;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return '{}';
      if (sortedObjects.has(path)) entries.sort(([a], [b]) => compareKeys(a, b));
      const inner = indent + '  ';
      const items = entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner, path ? `${path}.${k}` : k)}`);
      return `{\n${items.join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v);
  }
}
