/**
 * What the translator-session tests of every import format share: a copy of
 * the hazards project with its output generated, an exact one-place edit of
 * an exported file, and the line:column a report must name.
 */
import { expect } from 'vitest';
import { fixtureCopy, runCli } from './files.js';

/** A fresh copy of the hazards project with its dist/ generated. */
export function generatedHazards(prefix: string): string {
  const dir = fixtureCopy('hazards', prefix);
  const generated = runCli(['generate', '-q'], dir);
  expect(generated.code, generated.stderr).toBe(0);
  return dir;
}

/** `s` with the only occurrence of `from` replaced (throws unless there is exactly one). */
export function replaceOnce(s: string, from: string, to: string): string {
  const i = s.indexOf(from);
  if (i < 0 || s.indexOf(from, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return s.slice(0, i) + to + s.slice(i + from.length);
}

/** 1-based line and column of the only occurrence of `needle`. */
export function where(text: string, needle: string): string {
  const i = text.indexOf(needle);
  if (i < 0 || text.indexOf(needle, i + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(needle)}`);
  const before = text.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
}
