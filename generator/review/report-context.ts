/**
 * report.json through templates: `report.json.hbs` is the file,
 * `finding.json.hbs` one finding of its `findings` array. Every context
 * field is JSON text already (a string quoted and escaped, an array or null
 * as JSON), indented for where the built-in template prints it, so the
 * built-in templates give exactly reportJson's canonical bytes and an
 * override can lay the members out differently but not break a value.
 * targets/review.ts checks what an override renders before writing it.
 */
import type { Catalog } from '../catalog/model.js';
import type { Finding } from './finding.js';
import { reportObject, sortKeys, type ReportFinding } from './report.js';

/** One finding (`finding.json.hbs`); each field JSON text, continuation lines indented 6 spaces. */
export type ReportFindingContext = Record<keyof ReportFinding, string>;

/** The file (`report.json.hbs`), besides `findings`: the findings rendered, joined by `,\n`, '' when there are none. */
export interface ReportFileContext {
  /** The `summary` object as canonical JSON (keys sorted), continuation lines indented 2 spaces. */
  summary: string;
}

export function reportContexts(
  findings: readonly Finding[],
  catalog: Catalog,
): { file: ReportFileContext; findings: ReportFindingContext[] } {
  const report = reportObject(findings, catalog);
  return { file: { summary: jsonAt(report.summary, 2) }, findings: report.findings.map(findingContext) };
}

function findingContext(f: ReportFinding): ReportFindingContext {
  return {
    key: jsonAt(f.key, 6),
    layer: jsonAt(f.layer, 6),
    locales: jsonAt(f.locales, 6),
    message: jsonAt(f.message, 6),
    provenance: jsonAt(f.provenance, 6),
    resolvedBy: jsonAt(f.resolvedBy, 6),
    rule: jsonAt(f.rule, 6),
    severity: jsonAt(f.severity, 6),
  };
}

/** Canonical JSON of a value printed `indent` spaces deep: two-space indentation, keys sorted, its later lines shifted. */
function jsonAt(value: unknown, indent: number): string {
  // A finding's fields are strings, null and arrays of strings: written directly (10k findings have 80k fields).
  if (typeof value === 'string' || value === null) return JSON.stringify(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    if (value.length === 0) return '[]';
    const pad = ' '.repeat(indent);
    return `[\n${pad}  ${value.map((v) => JSON.stringify(v)).join(`,\n${pad}  `)}\n${pad}]`;
  }
  return JSON.stringify(sortKeys(value), null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

/** templates/review/finding.json.hbs in TypeScript (test/review/report-template.test.ts holds them to the same bytes). */
export function findingJson(f: ReportFindingContext): string {
  return [
    '    {',
    `      "key": ${f.key},`,
    `      "layer": ${f.layer},`,
    `      "locales": ${f.locales},`,
    `      "message": ${f.message},`,
    `      "provenance": ${f.provenance},`,
    `      "resolvedBy": ${f.resolvedBy},`,
    `      "rule": ${f.rule},`,
    `      "severity": ${f.severity}`,
    '    }',
  ].join('\n');
}

/** What a rendered report.json must be for its readers: an object with a `findings` array and a `summary` object. */
export function reportShape(value: unknown): { pointer: string; why: string } | undefined {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(value)) return { pointer: '', why: 'the file is not an object' };
  const report = value as Record<string, unknown>;
  if (!Array.isArray(report.findings)) return { pointer: '/findings', why: '`findings` is not an array' };
  if (!isObject(report.summary)) return { pointer: '/summary', why: '`summary` is not an object' };
  return undefined;
}
