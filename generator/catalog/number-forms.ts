/**
 * Numbers in a registry are codes, so they must survive JSON.parse exactly:
 * an integer beyond ±(2^53 − 1) is silently rounded (naming another code),
 * `1e21` becomes the key "1e+21" and `-0` the key "0". JSON.parse cannot
 * tell, so the number tokens are read from the text.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { positionAt } from '../json/json-file.js';

/** Strings (skipped) and numbers, in the order they appear. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** What any problem needs somewhere in the text: a digit before an exponent, a minus zero, or 16 digits in a row. */
const SUSPECT = /\d[eE]|-0(?![1-9])|\d{16}/;

export function numberFormProblems(file: string, source: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!SUSPECT.test(source)) return problems;
  for (const match of source.matchAll(TOKEN)) {
    const token = match[0];
    if (token.charCodeAt(0) === 0x22) continue;
    const why = /[eE]/.test(token)
      ? `is in exponent form; write the number out in digits`
      : token === '-0' || /^-0\.0*$/.test(token)
        ? 'is negative zero, which JSON readers turn into 0'
        : !token.includes('.') && !Number.isSafeInteger(Number(token))
          ? `is beyond ±9007199254740991 and would be read as ${Number(token)}`
          : undefined;
    if (why)
      problems.push({
        ruleId: 'registry/number-form',
        severity: 'error',
        message: `The number ${token} ${why}.`,
        place: { file, ...positionAt(source, match.index) },
      });
  }
  return problems;
}
