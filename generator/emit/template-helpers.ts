/**
 * Helpers every template (built-in or custom) can call. They only format
 * values already prepared by the target; none of them decides what to emit.
 * templates/README.md documents them for template authors.
 */
import { dartString, docComment, javaString, kotlinString, swiftString, tsString, xmlAttr, xmlText } from './escape.js';

export const templateHelpers = {
  /** `{{json value}}`: JSON of a value. */
  json: (value: unknown) => JSON.stringify(value),
  tsString: (value: string) => tsString(value),
  javaString: (value: string) => javaString(value),
  kotlinString: (value: string) => kotlinString(value),
  swiftString: (value: string) => swiftString(value),
  dartString: (value: string) => dartString(value),
  xmlText: (value: string) => xmlText(value),
  xmlAttr: (value: string) => xmlAttr(value),
  docComment: (value: string) => docComment(value),
  /** `{{#if (eq a b)}}`: strict equality, for templates that branch on a field. */
  eq: (a: unknown, b: unknown) => a === b,
};
