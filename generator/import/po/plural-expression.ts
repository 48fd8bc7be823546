/**
 * gettext's `Plural-Forms: nplurals=N; plural=EXPR;` read and evaluated, so
 * the import can tell whether a PO's header (rewritten by msgmerge, Poedit
 * or a translator) sends every count to the msgstr index codebook's own
 * rule does. EXPR is the C subset gettext accepts (plural-exp.c): n,
 * decimal integers, ( ), ! and the binary operators * / % + - < <= > >= ==
 * != && || and ?: with C's precedence; arithmetic is on unsigned longs, as
 * there (a division by zero makes the expression unusable).
 */

export interface PluralForms {
  nplurals: number;
  plural: (n: number) => number;
}

/** The header value read, or a reason it cannot be. */
export function parsePluralForms(value: string): PluralForms | { problem: string } {
  const pieces = value.split(';').map((p) => p.trim());
  const nplurals = pieces.map((p) => /^nplurals\s*=\s*(\d+)$/.exec(p)).find(Boolean);
  const plural = pieces.map((p) => /^plural\s*=\s*(.+)$/.exec(p)).find(Boolean);
  if (!nplurals || Number(nplurals[1]) < 1) return { problem: 'it has no nplurals=N (N ≥ 1)' };
  if (!plural) return { problem: 'it has no plural=EXPRESSION' };
  try {
    const parser = new Parser(plural[1]);
    const expression = parser.expression();
    parser.end();
    return { nplurals: Number(nplurals[1]), plural: (n) => expression(n) };
  } catch (error) {
    if (error instanceof ExpressionError) return { problem: `its plural expression ${error.message}` };
    throw error;
  }
}

/** Whether two rules send every count 0…1000 to the same index. */
export function samePluralForms(a: PluralForms, b: PluralForms): boolean {
  if (a.nplurals !== b.nplurals) return false;
  for (let n = 0; n <= 1000; n++) {
    try {
      if (a.plural(n) !== b.plural(n)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

class ExpressionError extends Error {}

type Fn = (n: number) => number;

const BINARY: { ops: string[]; apply: (op: string, a: number, b: number) => number }[] = [
  { ops: ['||'], apply: (_, a, b) => (a || b ? 1 : 0) },
  { ops: ['&&'], apply: (_, a, b) => (a && b ? 1 : 0) },
  { ops: ['==', '!='], apply: (op, a, b) => ((op === '==') === (a === b) ? 1 : 0) },
  { ops: ['<=', '>=', '<', '>'], apply: (op, a, b) => ((op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b) ? 1 : 0) },
  { ops: ['+', '-'], apply: (op, a, b) => (op === '+' ? a + b : Math.max(0, a - b)) },
  {
    ops: ['*', '/', '%'],
    apply: (op, a, b) => {
      if (op === '*') return a * b;
      if (b === 0) throw new ExpressionError('divides by zero');
      return op === '/' ? Math.floor(a / b) : a % b;
    },
  },
];

class Parser {
  private readonly tokens: string[];
  private i = 0;

  constructor(source: string) {
    const tokens = source.match(/\s*(\d+|n|&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()])\s*/gy);
    if (!tokens || tokens.join('').length !== source.length)
      throw new ExpressionError(`${JSON.stringify(source)} has a character gettext does not read`);
    this.tokens = tokens.map((t) => t.trim());
  }

  end(): void {
    if (this.i < this.tokens.length) throw new ExpressionError(`has ${JSON.stringify(this.tokens[this.i])} where it should end`);
  }

  /** cond ? a : b (right-associative), else a binary expression. */
  expression(): Fn {
    const condition = this.binary(0);
    if (this.tokens[this.i] !== '?') return condition;
    this.i++;
    const then = this.expression();
    if (this.tokens[this.i++] !== ':') throw new ExpressionError('has a ? without its :');
    const otherwise = this.expression();
    return (n) => (condition(n) ? then(n) : otherwise(n));
  }

  private binary(level: number): Fn {
    if (level === BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    const { ops, apply } = BINARY[level];
    while (ops.includes(this.tokens[this.i])) {
      const op = this.tokens[this.i++];
      const l = left;
      const r = this.binary(level + 1);
      left = (n) => apply(op, l(n), r(n));
    }
    return left;
  }

  private unary(): Fn {
    const token = this.tokens[this.i++];
    if (token === '!') {
      const operand = this.unary();
      return (n) => (operand(n) ? 0 : 1);
    }
    if (token === '(') {
      const inner = this.expression();
      if (this.tokens[this.i++] !== ')') throw new ExpressionError('has a ( without its )');
      return inner;
    }
    if (token === 'n') return (n) => n;
    if (token !== undefined && /^\d+$/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    throw new ExpressionError(token === undefined ? 'ends too early' : `has ${JSON.stringify(token)} where a value should be`);
  }
}
