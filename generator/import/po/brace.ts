/**
 * A msgstr of a `python-brace-format` entry (the gettext target writes every
 * message with arguments so: `{name}`, literal braces doubled) read back as
 * literal text and argument fields, as Python's str.format reads it. What
 * str.format would reject (a single `{` or `}`) or what the export never
 * writes (`{0}`, `{}`, `{name!r}`, `{name:>8}`, `{a.b}`, `{a[0]}`) comes back
 * as a problem at the offending brace.
 */

export type BracePart = { kind: 'text'; text: string } | { kind: 'field'; name: string; index: number };

export interface BraceProblem {
  message: string;
  /** Offset of the brace in the text. */
  index: number;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseBraceFormat(text: string): { parts: BracePart[]; problems: BraceProblem[] } {
  const parts: BracePart[] = [];
  const problems: BraceProblem[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (c === '}' && text[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (c === '}') {
      problems.push({ message: 'a single "}" (a literal brace is written "}}")', index: i });
      literal += '}';
      i++;
    } else if (c === '{') {
      const close = text.indexOf('}', i + 1);
      const open = text.indexOf('{', i + 1);
      if (close < 0 || (open >= 0 && open < close)) {
        problems.push({ message: 'a "{" that no "}" closes (a literal brace is written "{{")', index: i });
        literal += '{';
        i++;
        continue;
      }
      const name = text.slice(i + 1, close);
      if (NAME.test(name)) {
        flush();
        parts.push({ kind: 'field', name, index: i });
      } else {
        problems.push({
          message: `the field ${JSON.stringify(text.slice(i, close + 1))}, which is not an argument name in braces`,
          index: i,
        });
        literal += text.slice(i, close + 1);
      }
      i = close + 1;
    } else {
      literal += c;
      i++;
    }
  }
  flush();
  return { parts, problems };
}
