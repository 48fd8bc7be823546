/**
 * An ARB message as Flutter's gen-l10n reads it with `use-escaping: true`
 * (what targets/flutter-icu.ts writes for; flutter_tools
 * `message_parser.dart`): text, `{name}` placeholders, and
 * `{name, plural, …}` / `{name, select, …}` with their cases, each with the
 * index in the value where it is written, so a problem can be located.
 *
 * - Text: `''` is an apostrophe; `'…'` is quoted text (braces in it are
 *   text); a `'` that no `'` closes is an error, as gen-l10n's lexer has no
 *   token for it. `#` is text (gen-l10n has no pound).
 * - Expressions: an identifier, then `}` (a placeholder) or `, plural,` /
 *   `, select,` and cases `selector{message}` up to the closing `}`;
 *   whitespace between tokens is skipped. Selectors are identifiers, or
 *   `=N` for plurals. `{name, number, …}`-style arguments are not something
 *   the target writes (formats are per placeholder, in the template) and are
 *   reported.
 */

export type ArbNode =
  | { kind: 'text'; text: string }
  | { kind: 'arg'; name: string; index: number }
  | { kind: 'choice'; type: 'plural' | 'select'; arg: string; index: number; options: ArbOption[] };

export interface ArbOption {
  selector: string;
  index: number;
  body: ArbNode[];
}

export type ArbParse = { ok: true; nodes: ArbNode[] } | { ok: false; message: string; index: number };

class Problem extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const EXACT = /=\d+/y;

export function parseArbMessage(value: string): ArbParse {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Problem(message, at);
  };
  const skipSpace = () => {
    while (i < value.length && /\s/.test(value[i])) i++;
  };
  const word = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(value);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };

  /** Text and expressions up to the end (top level) or the `}` that closes a case. */
  const message = (inCase: boolean): ArbNode[] => {
    const nodes: ArbNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (i < value.length) {
      const c = value[i];
      if (c === "'") {
        if (value[i + 1] === "'") {
          text += "'";
          i += 2;
          continue;
        }
        const close = value.indexOf("'", i + 1);
        if (close < 0)
          fail(
            `an apostrophe that no apostrophe closes: gen-l10n (use-escaping) reads ' as the start of quoted text; write '' for an apostrophe`,
          );
        text += value.slice(i + 1, close);
        i = close + 1;
      } else if (c === '{') {
        flush();
        nodes.push(expression());
      } else if (c === '}') {
        if (inCase) break;
        fail(`a "}" that closes nothing (a literal brace is quoted: '}')`);
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return nodes;
  };

  const expression = (): ArbNode => {
    const start = i;
    i++; // {
    skipSpace();
    const nameAt = i;
    const name = word(IDENTIFIER);
    if (name === undefined) fail(`a "{" that starts no placeholder (a placeholder is {name}; a literal brace is quoted: '{')`, start);
    skipSpace();
    if (value[i] === '}') {
      i++;
      return { kind: 'arg', name: name!, index: start };
    }
    if (value[i] !== ',') fail(`{${name} is not followed by "}" or ", plural," / ", select,"`, i < value.length ? i : start);
    i++;
    skipSpace();
    const typeAt = i;
    const type = word(IDENTIFIER);
    if (type !== 'plural' && type !== 'select') {
      fail(
        type === 'number' || type === 'date' || type === 'time'
          ? `{${name}, ${type}, …} is not how the flutter target writes arguments (a placeholder's format is set in the template's metadata); write {${name}}`
          : `{${name}, ${type ?? ''}…: gen-l10n knows plural and select here`,
        typeAt,
      );
    }
    skipSpace();
    if (value[i] !== ',') fail(`{${name}, ${type} is not followed by ","`, i < value.length ? i : start);
    i++;
    const options: ArbOption[] = [];
    for (;;) {
      skipSpace();
      if (i >= value.length) fail(`the {${name}, ${type}, …} that starts here is not closed`, start);
      if (value[i] === '}') {
        i++;
        break;
      }
      const selectorAt = i;
      const selector = (type === 'plural' ? word(EXACT) : undefined) ?? word(IDENTIFIER) ?? word(/\d+/y);
      if (selector === undefined)
        fail(`a case of {${name}, ${type}, …} must start with a selector (${type === 'plural' ? 'a plural category or =N' : 'a word'})`);
      skipSpace();
      if (value[i] !== '{') fail(`the case ${selector} of {${name}, ${type}, …} has no {message}`, i < value.length ? i : selectorAt);
      const open = i;
      i++;
      const body = message(true);
      if (value[i] !== '}') fail(`the case ${selector} of {${name}, ${type}, …} is not closed`, open);
      i++;
      options.push({ selector: selector!, index: selectorAt, body });
    }
    if (options.length === 0) fail(`{${name}, ${type}, …} has no case`, nameAt);
    return { kind: 'choice', type: type as 'plural' | 'select', arg: name!, index: start, options };
  };

  try {
    return { ok: true, nodes: message(false) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, message: error.message, index: error.index };
    throw error;
  }
}
