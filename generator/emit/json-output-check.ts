/**
 * JSON written through a user's templates, checked before anything is
 * written. The entry contexts of the JSON targets hold JSON text already, so
 * an override cannot break string escaping, but it lays out the punctuation
 * (commas, braces) and may get that wrong. Built-in templates are held to
 * valid JSON by the tests, so only a plan with an overridden template is
 * rendered here: each such file is rendered once, parsed, given the target's
 * shape check, and planned as finished content. A file that fails turns into
 * a located error, and the error stops the run before anything is written.
 * The rendering happens while planning (`--timings` counts it under `plan
 * <target>`), with a renderer of the target's override folder: the target
 * contract has no step after rendering where a target could check its text.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Config } from '../config/load-config.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapePointer, parseJsonFile } from '../json/json-file.js';
import { TemplateRenderer } from './render.js';
import type { PlannedFile, TargetPlan } from './target.js';

/** What is wrong with a parsed file's shape, at a JSON pointer, or undefined when its readers accept it. */
export type JsonShape = (value: unknown) => { pointer: string; why: string } | undefined;

/**
 * The plan with every file that an overridden template renders rendered now
 * and checked as JSON (and against `shape`); unchanged while no template of
 * the target is overridden, or when the plan has errors already.
 */
export function checkJsonOutput(targetId: string, plan: TargetPlan, config: Config, shape?: JsonShape): TargetPlan {
  const folder = config.templates[targetId];
  if (!folder || hasErrors(plan.diagnostics)) return plan;
  let renderer: TemplateRenderer | undefined;
  const diagnostics = [...plan.diagnostics];
  const files = plan.files.map((file): PlannedFile => {
    const overridden = templatesOf(file).filter((name) => existsSync(join(folder, name)));
    if (overridden.length === 0) return file;
    renderer ??= new TemplateRenderer({ [targetId]: folder });
    const content = renderer.render(targetId, file);
    const problem = jsonProblem(file.path, content, shape);
    if (problem) {
      const templates = overridden.map((name) => displayPath(config, join(folder, name)));
      diagnostics.push(invalidOutput(targetId, file.path, templates, { ...problem, excerpt: lineAt(content, problem.line) }));
    }
    return { path: file.path, content };
  });
  return { files, diagnostics };
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

/** The templates a file is rendered with: the file's, then its entries'. */
function templatesOf(file: PlannedFile): string[] {
  const names = [file.template, file.entries?.template, ...(file.moreEntries ?? []).map((e) => e.template)];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
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

function displayPath(config: Config, path: string): string {
  return relative(config.root, path).split('\\').join('/');
}
