/**
 * Plain vendor text as ICU MessageFormat source. Guarantee: for every string
 * s, `parse(icuLiteral(s), { ignoreTag: true })` is exactly one literal element
 * whose value is s. Quoting is minimal: each run of "{" / "}" is wrapped in
 * '…' (apostrophes inside or right after the run are doubled into it), and a
 * lone apostrophe is doubled only when the next character would otherwise
 * make it start a quote ("'", "{", "}", "<", ">"). `isIcuLiteralOf` checks the
 * guarantee with the real parser.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

const OPENS_QUOTE_AFTER_APOSTROPHE = new Set(["'", '{', '}', '<', '>']);

export function icuLiteral(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{' || c === '}') {
      let j = i + 1;
      while (j < text.length && (text[j] === '{' || text[j] === '}' || text[j] === "'")) j++;
      out += `'${text.slice(i, j).replace(/'/g, "''")}'`;
      i = j;
    } else if (c === "'") {
      out += i + 1 < text.length && OPENS_QUOTE_AFTER_APOSTROPHE.has(text[i + 1]) ? "''" : "'";
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** True when `source` parses (tags ignored) to exactly one literal whose value is `text`. */
export function isIcuLiteralOf(source: string, text: string): boolean {
  try {
    const ast = parse(source, { ignoreTag: true });
    return ast.length === 1 && ast[0].type === TYPE.literal && ast[0].value === text;
  } catch {
    return false;
  }
}
