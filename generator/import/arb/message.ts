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

/** A cursor over one value: each method reads one construct from `i` on, or throws a Problem. */
class ArbReader {
  i = 0;

  constructor(readonly value: string) {}

  fail(message: string, at = this.i): never {
    throw new Problem(message, at);
  }

  skipSpace(): void {
    while (this.i < this.value.length && /\s/.test(this.value[this.i])) this.i++;
  }

  word(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.value);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** Text and expressions up to the end (top level) or the `}` that closes a case. */
  message(inCase: boolean): ArbNode[] {
    const nodes: ArbNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.i < this.value.length) {
      const c = this.value[this.i];
      if (c === "'") {
        if (this.value[this.i + 1] === "'") {
          text += "'";
          this.i += 2;
          continue;
        }
        const close = this.value.indexOf("'", this.i + 1);
        if (close < 0)
          this.fail(
            `an apostrophe that no apostrophe closes: gen-l10n (use-escaping) reads ' as the start of quoted text; write '' for an apostrophe`,
          );
        text += this.value.slice(this.i + 1, close);
        this.i = close + 1;
      } else if (c === '{') {
        flush();
        nodes.push(this.expression());
      } else if (c === '}') {
        if (inCase) break;
        this.fail(`a "}" that closes nothing (a literal brace is quoted: '}')`);
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return nodes;
  }

  /** A `{name}` placeholder, or a `{name, plural|select, …}` with its cases. */
  expression(): ArbNode {
    const start = this.i;
    this.i++; // {
    this.skipSpace();
    const nameAt = this.i;
    const name = this.word(IDENTIFIER);
    if (name === undefined) this.fail(`a "{" that starts no placeholder (a placeholder is {name}; a literal brace is quoted: '{')`, start);
    this.skipSpace();
    if (this.value[this.i] === '}') {
      this.i++;
      return { kind: 'arg', name: name!, index: start };
    }
    if (this.value[this.i] !== ',')
      this.fail(`{${name} is not followed by "}" or ", plural," / ", select,"`, this.i < this.value.length ? this.i : start);
    this.i++;
    this.skipSpace();
    const typeAt = this.i;
    const type = this.word(IDENTIFIER);
    if (type !== 'plural' && type !== 'select') {
      this.fail(
        type === 'number' || type === 'date' || type === 'time'
          ? `{${name}, ${type}, …} is not how the flutter target writes arguments (a placeholder's format is set in the template's metadata); write {${name}}`
          : `{${name}, ${type ?? ''}…: gen-l10n knows plural and select here`,
        typeAt,
      );
    }
    this.skipSpace();
    if (this.value[this.i] !== ',') this.fail(`{${name}, ${type} is not followed by ","`, this.i < this.value.length ? this.i : start);
    this.i++;
    const options = this.cases(name!, type, start);
    if (options.length === 0) this.fail(`{${name}, ${type}, …} has no case`, nameAt);
    return { kind: 'choice', type, arg: name!, index: start, options };
  }

  /** The cases of a plural or select, up to its closing `}`. */
  cases(name: string, type: 'plural' | 'select', start: number): ArbOption[] {
    const options: ArbOption[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.value.length) this.fail(`the {${name}, ${type}, …} that starts here is not closed`, start);
      if (this.value[this.i] === '}') {
        this.i++;
        break;
      }
      const selectorAt = this.i;
      const selector = (type === 'plural' ? this.word(EXACT) : undefined) ?? this.word(IDENTIFIER) ?? this.word(/\d+/y);
      if (selector === undefined)
        this.fail(
          `a case of {${name}, ${type}, …} must start with a selector (${type === 'plural' ? 'a plural category or =N' : 'a word'})`,
        );
      this.skipSpace();
      if (this.value[this.i] !== '{')
        this.fail(`the case ${selector} of {${name}, ${type}, …} has no {message}`, this.i < this.value.length ? this.i : selectorAt);
      const open = this.i;
      this.i++;
      const body = this.message(true);
      if (this.value[this.i] !== '}') this.fail(`the case ${selector} of {${name}, ${type}, …} is not closed`, open);
      this.i++;
      options.push({ selector: selector!, index: selectorAt, body });
    }
    return options;
  }
}

export function parseArbMessage(value: string): ArbParse {
  try {
    return { ok: true, nodes: new ArbReader(value).message(false) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, message: error.message, index: error.index };
    throw error;
  }
}
