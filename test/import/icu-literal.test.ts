import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { icuLiteral, isIcuLiteralOf } from '../../generator/import/icu-literal.js';

function readsBack(text: string): void {
  const source = icuLiteral(text);
  const ast = parse(source, { ignoreTag: true });
  expect(ast, `${JSON.stringify(text)} → ${JSON.stringify(source)}`).toHaveLength(1);
  expect(ast[0]).toEqual({ type: 0, value: text });
  expect(isIcuLiteralOf(source, text)).toBe(true);
}

describe('icuLiteral', () => {
  it('leaves text without ICU-special characters alone', () => {
    for (const text of [
      'ファイルが存在しません。',
      "It's fine",
      "'AllowType_Type_NeedConfirm'으로",
      'a # b',
      '<br>x',
      "'",
      'x<code>y</code>',
    ]) {
      expect(icuLiteral(text)).toBe(text);
    }
  });

  it('quotes brace runs and doubles an apostrophe only where it would start a quote', () => {
    expect(icuLiteral('{0}')).toBe("'{'0'}'");
    expect(icuLiteral('a {{x}} b')).toBe("a '{{'x'}}' b");
    expect(icuLiteral("'{'")).toBe("'''{'''");
    expect(icuLiteral("''")).toBe("'''");
    expect(icuLiteral("'<code>")).toBe("''<code>");
    expect(icuLiteral("x'>")).toBe("x''>");
  });

  it('reads back every string over the tricky characters (all of length ≤ 4; ≤ 6 over quote and braces)', () => {
    const all = (alphabet: string[], max: number): void => {
      let strings = [''];
      for (let n = 1; n <= max; n++) {
        strings = strings.flatMap((s) => alphabet.map((c) => s + c));
        for (const s of strings) readsBack(s);
      }
    };
    all(["'", '{', '}', '<', '>', '#', 'a', ' '], 4);
    all(["'", '{', '}', 'a'], 6);
  });

  it('rejects a source that does not read back', () => {
    expect(isIcuLiteralOf("'{'", "'{'")).toBe(false);
    expect(isIcuLiteralOf('{0}', '{0}')).toBe(false);
  });
});
