/** The rules every target shares: what the platforms' naming cannot tell apart. */
import { rulesOf } from '../diagnostics/rule.js';

export const EMIT_RULES = rulesOf('input', {
  'emit/identifier-collision': { severity: 'error', explanation: 'Two keys map to the same platform identifier.' },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof EMIT_RULES, true> {}
}
