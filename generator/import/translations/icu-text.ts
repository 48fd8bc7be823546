/**
 * A translation read back from a translator's file, as parts (literal text
 * and placeholders), back to ICU MessageFormat source; and the comparison of
 * messages by meaning rather than spelling. Shared by the XLIFF and PO
 * imports.
 *
 * A placeholder becomes its `equiv`: its ICU spelling (an XLIFF `<ph>`'s
 * `equiv` attribute, or a PO `{name}`'s argument as the source spells it). Literal
 * text is quoted minimally, so that formatjs reads it back as exactly that
 * text: each run of `{` `}` (and `#` inside a plural form) is wrapped in
 * '…' together with the apostrophes right after it (doubled), and a lone
 * apostrophe is doubled only when the next character of the message would
 * otherwise make it open a quote (`'` `{` `}` `<` `>`, and `#` in a plural,
 * whether that character is the next literal, a placeholder's `{`/`#`, or the
 * `}` that closes a plural form).
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parseMessage } from '../../catalog/icu.js';

/** Literal text, or a placeholder with its ICU spelling (a reader's parts may carry more, e.g. where they are). */
export type IcuPart = { kind: 'text'; text: string } | { kind: 'ph'; equiv: string | undefined };

/**
 * ICU source of text with positional arguments (`%1$s` in Android and printf formats): argument N
 * is the message's Nth parameter, spelled as the source text spells it (`spelling`), and `#` for
 * the plural argument inside a plural form, whose `}` follows.
 */
export function positionalToIcu(
  parts: readonly ({ kind: 'text'; text: string } | { kind: 'arg'; position: number })[],
  params: readonly { name: string }[],
  spelling: ReadonlyMap<string, string>,
  pluralArg: string | undefined,
  inPlural: boolean,
): string {
  const icuParts = parts.map((p): IcuPart => {
    if (p.kind === 'text') return p;
    const name = params[p.position - 1].name;
    return { kind: 'ph', equiv: inPlural && name === pluralArg ? '#' : spelling.get(name) };
  });
  return partsToIcu(icuParts, inPlural, inPlural ? '}' : '');
}

/** ICU source of inline parts; `followedBy` is what the message continues with (`}` at the end of a plural form). */
export function partsToIcu(parts: readonly IcuPart[], inPlural: boolean, followedBy = ''): string {
  let out = '';
  parts.forEach((part, i) => {
    if (part.kind === 'ph') {
      out += part.equiv ?? '';
      return;
    }
    const next = parts[i + 1];
    out += quoteLiteral(part.text, inPlural, next ? (next.kind === 'ph' ? (next.equiv ?? '') : next.text).charAt(0) : followedBy);
  });
  return out;
}

function quoteLiteral(text: string, inPlural: boolean, followedBy: string): string {
  const special = (c: string) => c === '{' || c === '}' || (inPlural && c === '#');
  const opensQuote = (c: string) => c === "'" || c === '<' || c === '>' || special(c);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (special(c)) {
      let j = i + 1;
      while (j < text.length && (special(text[j]) || text[j] === "'")) j++;
      out += `'${text.slice(i, j).replace(/'/g, "''")}'`;
      i = j;
    } else if (c === "'") {
      out += opensQuote(i + 1 < text.length ? text[i + 1] : followedBy) ? "''" : "'";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A message's elements in a form that compares by meaning: no locations, adjacent literals joined. */
export function canonical(elements: readonly MessageFormatElement[]): string {
  return JSON.stringify(strip(elements));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const stripped = strip(item) as { type?: unknown; value?: unknown } | undefined;
      const last = out[out.length - 1] as { type?: unknown; value?: unknown } | undefined;
      if (isLiteral(stripped) && isLiteral(last)) last.value = `${last.value as string}${stripped.value as string}`;
      else out.push(stripped);
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'location')
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

function isLiteral(el: unknown): el is { type: TYPE.literal; value: string } {
  return (
    el !== null &&
    typeof el === 'object' &&
    (el as { type?: unknown }).type === TYPE.literal &&
    typeof (el as { value?: unknown }).value === 'string' &&
    Object.keys(el).length === 2
  );
}

/** The elements of one plural form given as parts (`#` is the plural's pound); undefined when they do not parse. */
export function parseForm(parts: readonly IcuPart[], arg: string): MessageFormatElement[] | undefined {
  const parsed = parseMessage(`{${arg}, plural, other {${partsToIcu(parts, true, '}')}}}`);
  if (!parsed.ok) return undefined;
  const [plural] = parsed.ast;
  return plural?.type === TYPE.plural ? plural.options.other.value : undefined;
}

/** The elements of a plain unit's parts; undefined when they do not parse. */
export function parsePlain(parts: readonly IcuPart[]): MessageFormatElement[] | undefined {
  const parsed = parseMessage(partsToIcu(parts, false));
  return parsed.ok ? parsed.ast : undefined;
}
