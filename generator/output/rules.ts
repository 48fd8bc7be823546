/**
 * The rules about the output folder: codebook cannot write it as asked. Any
 * of them as an error makes a command exit 2.
 */
import { rulesOf } from '../diagnostics/rule.js';

export const OUTPUT_RULES = rulesOf('output', {
  'output/foreign-file': {
    severity: 'error',
    explanation: 'A file (or folder) codebook did not write stands where it would write; codebook never replaces it.',
  },
  'output/foreign-files': {
    severity: 'warning',
    explanation: "Files in a target's folder that codebook did not write; left alone, mentioned once.",
  },
  'output/locked': { severity: 'error', explanation: 'Another codebook run is writing the same output folder.' },
  'output/manifest': { severity: 'error', explanation: "The output's record of codebook's own files cannot be read." },
  'output/file-system': {
    severity: 'error',
    explanation: 'The output cannot be written: disk full, read-only, permission denied, or a path of the wrong kind.',
  },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof OUTPUT_RULES, true> {}
}
