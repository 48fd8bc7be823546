/**
 * "Converted, or cannot be written": the one result of every target's
 * conversion of a message (or a piece of one) into its format, and the one
 * diagnostic a target reports when the answer is "cannot". A target never
 * throws for a message it cannot write and never writes a silently different
 * file: the conversion says why, the plan reports it as
 * `<target>/unrepresentable` and leaves the message out.
 *
 *   Key 6014 (ja) cannot be written for XLIFF: XLIFF core has no representation of a select argument.
 *   Locale ca-ES-valencia cannot be written for the flutter target: gen-l10n locales have …
 *
 * `why` is a clause without a final period (the builder adds it).
 * test/emit/unrepresentable.test.ts holds the table.
 */
import type { Message } from '../catalog/model.js';
import { placeOf } from '../catalog/origin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A converted value, or why the format cannot carry it. */
export type Converted<T> = { ok: true; value: T } | { ok: false; why: string };

export const converted = <T>(value: T): Converted<T> => ({ ok: true, value });
export const cannot = (why: string): { ok: false; why: string } => ({ ok: false, why });

/** Every value, or the first "cannot" among them. */
export function allConverted<T>(results: readonly Converted<T>[]): Converted<T[]> {
  const values: T[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return converted(values);
}

/**
 * The shape of the functions that importers still read (`T`, or
 * `{ problem }`): import/android reads resourceOf, import/arb arbValue,
 * import/po poText and import/xcstrings appleMessage in it. The targets
 * themselves use Converted.
 */
export function orProblem<T>(result: Converted<T>): T | { problem: string } {
  return result.ok ? result.value : { problem: result.why };
}

/** How each target's messages name it: `cannot be written for <name>`. */
export const TARGET_NAMES = {
  android: 'Android',
  apple: 'the apple target',
  flutter: 'the flutter target',
  gettext: 'gettext',
  i18next: 'i18next',
  java: 'Java .properties',
  xliff: 'XLIFF',
} as const;

export type WritingTarget = keyof typeof TARGET_NAMES;

/**
 * `<target>/unrepresentable` for a message: in one locale (placed at that
 * translation, else at the message), or in every locale when `locale` is
 * undefined (placed at the message).
 */
export function unrepresentable(target: WritingTarget, message: Message, locale: string | undefined, why: string): Diagnostic {
  const translation = locale === undefined ? undefined : message.translations[locale];
  return {
    ruleId: `${target}/unrepresentable`,
    severity: 'error',
    message: `Key ${message.key}${locale === undefined ? '' : ` (${locale})`} cannot be written for ${TARGET_NAMES[target]}: ${why}.`,
    target,
    key: message.key,
    ...(locale === undefined ? {} : { locale }),
    place: placeOf((translation ?? message).origin),
  };
}

/** `<target>/unrepresentable` for a whole locale (its file has no name in the format, two locales share one…). */
export function localeUnrepresentable(target: WritingTarget, locale: string, why: string): Diagnostic {
  return {
    ruleId: `${target}/unrepresentable`,
    severity: 'error',
    message: `Locale ${locale} cannot be written for ${TARGET_NAMES[target]}: ${why}.`,
    target,
    locale,
  };
}
