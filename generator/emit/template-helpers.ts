/**
 * Helpers every template (built-in or custom) can call. They only format
 * values already prepared by the target; none of them decides what to emit.
 */
import { docComment, tsString } from './escape.js';

export const templateHelpers = {
  /** `{{json value}}`: canonical JSON of a value. */
  json: (value: unknown) => JSON.stringify(value),
  /** `{{tsString text}}`: a TypeScript string literal. */
  tsString: (value: string) => tsString(value),
  /** `{{docComment text}}`: text safe inside a JSDoc comment. */
  docComment: (value: string) => docComment(value),
};
