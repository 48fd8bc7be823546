/**
 * An Apple format string (what targets/apple-format.ts writes into the
 * String Catalog) read back as literal text and positional arguments: `%%`
 * is `%`, `%N$@` / `%N$lld` the argument at position N in the registry's
 * params. What the target never writes (a conversion without a position,
 * flags, a width, another length or conversion, a `%#@name@` substitution)
 * comes back as a problem at its `%`.
 */

export type PrintfPart = { kind: 'text'; text: string } | { kind: 'arg'; position: number; specifier: string; index: number };

export interface PrintfProblem {
  message: string;
  index: number;
}

const CONVERSION = /%(?:(\d+)\$)?([-#+ 0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|q|L|z|t|j)?([@dDiuUxXoOfFeEgGcCsSpaA%])?/y;

export function printfParts(text: string): { parts: PrintfPart[]; problems: PrintfProblem[] } {
  const parts: PrintfPart[] = [];
  const problems: PrintfProblem[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') {
      literal += text[i];
      continue;
    }
    if (text[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    if (text[i + 1] === '#' && text[i + 2] === '@') {
      const end = text.indexOf('@', i + 3);
      const token = end < 0 ? text.slice(i) : text.slice(i, end + 1);
      problems.push({
        message: `${JSON.stringify(token)} is a substitution, which the apple target does not write (a plural is given as variations)`,
        index: i,
      });
      literal += token;
      i += token.length - 1;
      continue;
    }
    CONVERSION.lastIndex = i;
    const m = CONVERSION.exec(text)!;
    const [whole, position, flags, width, precision, length, conversion] = m;
    if (conversion === undefined) {
      problems.push({ message: 'a single "%" (a literal percent sign is "%%")', index: i });
      literal += '%';
      continue;
    }
    if (position === undefined || flags || width !== undefined || precision !== undefined || conversion === '%') {
      problems.push({
        message: `${JSON.stringify(whole)}, which is not an argument as codebook writes them (%N$@ or %N$lld, N its position) nor "%%"`,
        index: i,
      });
      literal += whole;
      i += whole.length - 1;
      continue;
    }
    flush();
    parts.push({ kind: 'arg', position: Number(position), specifier: `${length ?? ''}${conversion}`, index: i });
    i += whole.length - 1;
  }
  flush();
  return { parts, problems };
}
