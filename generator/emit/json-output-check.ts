/**
 * JSON written through a user's templates, checked before anything is
 * written. The entry contexts of the JSON targets hold JSON text already, so
 * an override cannot break string escaping, but it lays out the punctuation
 * (commas, braces) and may get that wrong. Built-in templates are held to
 * valid JSON by the tests, so only a file that an overridden template
 * renders is checked: the emit stage renders it whole, parses it, gives it
 * the target's shape check (`PlannedFile.json`), and a file that fails is a
 * located error that stops the run before anything is written.
 */
import { relative } from 'node:path';
import type { Config } from '../config/load-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapePointer, parseJsonFile } from '../json/json-file.js';
import type { JsonShape } from './target.js';

export type { JsonShape } from './target.js';

/** The error of a JSON file rendered through the overridden `templates` (absolute paths), or undefined when it is JSON of `shape`. */
export function jsonOutputProblem(
  targetId: string,
  path: string,
  text: string,
  shape: JsonShape | undefined,
  templates: readonly string[],
  config: Config,
): Diagnostic | undefined {
  const problem = jsonProblem(path, text, shape);
  if (!problem) return undefined;
  const shown = templates.map((t) => relative(config.root, t).split('\\').join('/'));
  return invalidOutput(targetId, path, shown, { ...problem, excerpt: lineAt(text, problem.line) });
}

/** A target-independent shape: an object whose values are strings or objects of the same kind (i18next resources). */
export const stringTree: JsonShape = (value) => treeProblem(value, '');

function treeProblem(value: unknown, pointer: string): { pointer: string; why: string } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      pointer,
      why: `${pointer ? `the value at ${pointer}` : 'the file'} is ${describe(value)}, not a string or an object of strings`,
    };
  for (const [name, member] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(name)}`;
    if (typeof member === 'string') continue;
    const problem = treeProblem(member, at);
    if (problem) return problem;
  }
  return undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

interface Problem {
  why: string;
  line?: number;
  column?: number;
  /** The rendered line, shortened: the file is not written, so the message shows it. */
  excerpt?: string;
}

/** Why the text is not JSON of the required shape, with its line and column in the text, or undefined. */
function jsonProblem(path: string, text: string, shape: JsonShape | undefined): Problem | undefined {
  const { json, diagnostics } = parseJsonFile(path, text);
  if (!json) {
    const [first] = diagnostics;
    return { why: `it is not JSON (${first?.message ?? 'unreadable'})`, line: first?.place?.line, column: first?.place?.column };
  }
  const wrong = shape?.(json.value);
  return wrong ? { why: wrong.why, ...json.locate(wrong.pointer) } : undefined;
}

function invalidOutput(targetId: string, path: string, templates: string[], problem: Problem): Diagnostic {
  const where = problem.line !== undefined ? ` at line ${problem.line}, column ${problem.column}` : '';
  const excerpt = problem.excerpt ? ` (${JSON.stringify(problem.excerpt)})` : '';
  return {
    ruleId: 'emit/template-invalid-json',
    severity: 'error',
    target: targetId,
    message: `The ${targetId} template override ${templates.join(' and ')} renders ${path} wrong${where}${excerpt}: ${problem.why}. Nothing was written.`,
    place: { file: templates[0] },
    notes: [{ message: `the rendered ${path}`, place: { file: path, line: problem.line, column: problem.column } }],
    hint: `Print the context fields as they are (they are JSON already) and keep the commas between members; templates/${targetId}/README.md lists them.`,
  };
}

/** Line `line` (1-based) of the text, trimmed and cut to 80 characters. */
function lineAt(text: string, line: number | undefined): string | undefined {
  if (line === undefined) return undefined;
  const found = text.split('\n', line)[line - 1]?.trim();
  return found && found.length > 80 ? `${found.slice(0, 77)}...` : found;
}
