/** The rules every target shares: what the platforms' naming cannot tell apart. */
import { rulesOf } from '../diagnostics/rule.js';

export const EMIT_RULES = rulesOf('input', {
  'emit/identifier-collision': { severity: 'error', explanation: 'Two keys map to the same platform identifier.' },
  'emit/template-invalid-json': {
    severity: 'error',
    explanation:
      'An overridden template of a JSON target renders a file that is not JSON, or not the shape its readers need (an i18next bundle that holds an array).',
  },
});

declare module '../diagnostics/rule.js' {
  interface RuleIds extends Record<keyof typeof EMIT_RULES, true> {}
}
