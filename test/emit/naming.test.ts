/**
 * The naming rules of generator/emit/naming.ts, one table each: what every
 * target that names a bundle, a type, a variable or a character gets.
 */
import { describe, expect, it } from 'vitest';
import { codePointName, isAsciiIdentifier, pascalCase } from '../../generator/emit/naming.js';

describe('pascalCase: a namespace as a type or bundle name (java, lookup-java, types)', () => {
  it.each([
    ['errors', 'Errors'],
    ['errors-detail', 'ErrorsDetail'],
    ['my_app', 'MyApp'],
    ['my.app', 'MyApp'],
    ['Errors', 'Errors'],
    ['errorsDetail', 'ErrorsDetail'],
    ['v2-errors', 'V2Errors'],
    ['errors-2', 'Errors2'],
    ['a--b', 'A-B'],
    ['é-x', 'éX'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(pascalCase(name)).toBe(expected);
  });
});

describe('isAsciiIdentifier: python-brace-format names and .stringsdict variables', () => {
  it.each([
    ['count', true],
    ['_n', true],
    ['n2', true],
    ['N_2', true],
    ['2n', false],
    ['', false],
    ['na-me', false],
    ['Ωmega', false],
    ['名前', false],
    ['n$', false],
  ])('%j → %s', (name, expected) => {
    expect(isAsciiIdentifier(name)).toBe(expected);
  });
});

describe('codePointName: how diagnostics name a character', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u0007', 'U+0007'],
    ['é', 'U+00E9'],
    ['\uFFFE', 'U+FFFE'],
    ['\uD800', 'U+D800'],
    ['\uDC00', 'U+DC00'],
    ['😀', 'U+1F600'],
    ['ab', 'U+0061'],
  ])('%j → %s', (ch, expected) => {
    expect(codePointName(ch)).toBe(expected);
  });
});
