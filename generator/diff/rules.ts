/**
 * The rules of `codebook diff`: a side it cannot read, an --allow it does not
 * know. The diff command exits 2 on any of them (1 is for breaking changes).
 */
import { rulesOf } from '../diagnostics/rule.js';

export const DIFF_RULES = rulesOf('usage', {
  'diff/unreadable': {
    severity: 'error',
    explanation:
      'A side of codebook diff cannot be read: no such path, neither a project nor a dist folder, not a snapshot of this version, or a catalog with errors.',
  },
  'diff/unknown-kind': { severity: 'error', explanation: 'codebook diff --allow names a change kind that does not exist.' },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof DIFF_RULES, true> {}
}
