/**
 * What a message shows, per ICU semantics, with every argument replaced by a
 * sentinel: the expected side of read-back tests for positional formats
 * (Android `%1$s`, MessageFormat `{0}`). Works on the catalog's parsed AST,
 * never on a target's output.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** ICU text of plain elements (no plural/select), arguments and `#` as sentinels. */
export function sentinelText(elements: readonly MessageFormatElement[], sentinel: (arg: string) => string, pluralArg?: string): string {
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value;
      if (el.type === TYPE.pound) return sentinel(pluralArg!);
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) return sentinel(el.value);
      throw new Error(`unexpected ICU element ${el.type}`);
    })
    .join('');
}

/** ICU's choice for quantity n: the top-level plural resolved (exact `=n` first, then n's category, then other). */
export function resolveAt(
  ast: readonly MessageFormatElement[],
  locale: string,
  n: number,
): { elements: MessageFormatElement[]; pluralArg?: string } {
  return resolveWith(ast, (options) => options[`=${n}`] ?? options[new Intl.PluralRules(locale).select(n)]);
}

/** The branch of a category (else other), whatever exact selectors exist. */
export function resolveCategory(
  ast: readonly MessageFormatElement[],
  category: string,
): { elements: MessageFormatElement[]; pluralArg?: string } {
  return resolveWith(ast, (options) => options[category]);
}

type Options = Record<string, { value: MessageFormatElement[] } | undefined>;

function resolveWith(ast: readonly MessageFormatElement[], pick: (options: Options) => { value: MessageFormatElement[] } | undefined) {
  const elements: MessageFormatElement[] = [];
  let pluralArg: string | undefined;
  for (const el of ast) {
    if (el.type !== TYPE.plural) {
      elements.push(el);
      continue;
    }
    pluralArg = el.value;
    elements.push(...(pick(el.options) ?? el.options.other).value);
  }
  return { elements, pluralArg };
}

/** The exact selectors (`=0` → 0) of a message's top-level plural. */
export function exactSelectors(ast: readonly MessageFormatElement[]): number[] {
  return ast.flatMap((el) =>
    el.type === TYPE.plural
      ? Object.keys(el.options)
          .filter((k) => k.startsWith('='))
          .map((k) => Number(k.slice(1)))
      : [],
  );
}

/**
 * A quantity of each category: the smallest integer of it that no exact
 * selector takes, else its smallest integer, else a fraction (ru `other`
 * holds fractions only).
 */
export function sampleOf(locale: string, category: string, exact: readonly number[]): number {
  const rules = new Intl.PluralRules(locale);
  const members = [...Array.from({ length: 1001 }, (_, i) => i), 1_000_000, 0.5, 1.5, 2.5].filter((n) => rules.select(n) === category);
  if (members.length === 0) throw new Error(`no sample of ${locale} ${category}`);
  return members.find((n) => !exact.includes(n)) ?? members[0];
}
