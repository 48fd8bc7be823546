/**
 * ICU MessageFormat, through @formatjs/icu-messageformat-parser only: parse a
 * message (markup is plain text: `ignoreTag`), and list the arguments it uses
 * with the kind each is used as.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { ParamType } from './model.js';

export type ParseResult = { ok: true; ast: MessageFormatElement[] } | { ok: false; kind: string; message: string; offset: number };

/** The characters that can make a text more than one literal, with tags ignored. */
const ICU_CHARACTERS = /[{}']/;
/** An apostrophe quotes only before what it would quote (ICU's "only where needed": ' { } < >); any other is a letter. */
const QUOTING_APOSTROPHE = /'['{}<>]/;

/** Whether ICU reads `text` as more than one literal: a brace, or a quoting apostrophe (one character class first: most texts have none of them). */
function hasIcuSyntax(text: string): boolean {
  return ICU_CHARACTERS.test(text) && (text.includes('{') || text.includes('}') || QUOTING_APOSTROPHE.test(text));
}

/** `{name}` or `{name, number|date|time}`, spaces around each part: what most messages use, read here without the parser. */
const SIMPLE_ARGUMENT = /\{ *(\w+) *(?:, *(number|date|time) *)?\}/y;

export function parseMessage(text: string): ParseResult {
  // Most catalog texts are plain sentences, or sentences with simple arguments: skip the parser
  // for them (test/catalog/fast-paths.test.ts proves the shortcuts equal to it).
  if (text !== '' && !hasIcuSyntax(text)) return { ok: true, ast: [{ type: TYPE.literal, value: text }] };
  const simple = simpleArguments(text);
  if (simple) return { ok: true, ast: simple };
  try {
    return { ok: true, ast: parse(text, { ignoreTag: true, requiresOtherClause: true }) };
  } catch (error) {
    const e = error as Error & { location?: { start: { offset: number } } };
    return { ok: false, kind: e.message, message: describeIcuError(e.message), offset: e.location?.start.offset ?? 0 };
  }
}

/**
 * The parser's AST of a text of literals (no apostrophe, no "}") and SIMPLE_ARGUMENTs, in the
 * parser's element shapes and key order; undefined for any other text.
 */
function simpleArguments(text: string): MessageFormatElement[] | undefined {
  if (text.includes("'")) return undefined;
  const ast: MessageFormatElement[] = [];
  let at = 0;
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', at)) {
    if (!pushLiteral(ast, text, at, open)) return undefined;
    SIMPLE_ARGUMENT.lastIndex = open;
    const argument = SIMPLE_ARGUMENT.exec(text);
    if (!argument) return undefined;
    const [whole, name, type] = argument as unknown as [string, string, 'number' | 'date' | 'time' | undefined];
    ast.push(
      type === undefined
        ? { type: TYPE.argument, value: name }
        : { type: type === 'number' ? TYPE.number : type === 'date' ? TYPE.date : TYPE.time, value: name, style: null },
    );
    at = open + whole.length;
  }
  return pushLiteral(ast, text, at, text.length) ? ast : undefined;
}

/** The literal text[from, to) if any, unless it holds a "}" (which the parser reads in its own way). */
function pushLiteral(ast: MessageFormatElement[], text: string, from: number, to: number): boolean {
  if (from === to) return true;
  const value = text.slice(from, to);
  if (value.includes('}')) return false;
  ast.push({ type: TYPE.literal, value });
  return true;
}

const ICU_ERRORS: Record<string, string> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: 'an argument is not closed with "}" (write a literal brace as \'{\')',
  EMPTY_ARGUMENT: 'an argument "{}" has no name',
  MALFORMED_ARGUMENT: 'an argument name is malformed',
  EXPECT_ARGUMENT_TYPE: 'expected an argument type after ","',
  INVALID_ARGUMENT_TYPE: 'unknown argument type (use number, date, time, plural, select or selectordinal)',
  EXPECT_ARGUMENT_STYLE: 'expected an argument style after ","',
  INVALID_NUMBER_SKELETON: 'invalid number skeleton',
  INVALID_DATE_TIME_SKELETON: 'invalid date/time skeleton',
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: "a quote ' in an argument style is not closed",
  EXPECT_SELECT_ARGUMENT_OPTIONS: 'a select has no options',
  EXPECT_PLURAL_ARGUMENT_OFFSET_VALUE: 'a plural offset has no value',
  INVALID_PLURAL_ARGUMENT_OFFSET_VALUE: 'a plural offset is not a number',
  EXPECT_SELECT_ARGUMENT_SELECTOR: 'a select option has no selector',
  EXPECT_PLURAL_ARGUMENT_SELECTOR: 'a plural option has no selector',
  EXPECT_SELECT_ARGUMENT_SELECTOR_FRAGMENT: 'a select option has no {…} text',
  EXPECT_PLURAL_ARGUMENT_SELECTOR_FRAGMENT: 'a plural option has no {…} text',
  INVALID_PLURAL_ARGUMENT_SELECTOR: 'invalid plural selector (use zero, one, two, few, many, other or =N)',
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: 'a plural selector is repeated',
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: 'a select selector is repeated',
  MISSING_OTHER_CLAUSE: 'a plural or select has no "other" option',
};

function describeIcuError(kind: string): string {
  return ICU_ERRORS[kind] ?? kind.toLowerCase().replace(/_/g, ' ');
}

/** Every argument a message uses, by name, with the kind of its first use. */
export function argumentsOf(ast: readonly MessageFormatElement[]): Map<string, ParamType> {
  const found = new Map<string, ParamType>();
  walk(ast);
  return found;

  function walk(elements: readonly MessageFormatElement[]): void {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          add(el.value, 'string');
          break;
        case TYPE.number:
          add(el.value, 'number');
          break;
        case TYPE.date:
          add(el.value, 'date');
          break;
        case TYPE.time:
          add(el.value, 'time');
          break;
        case TYPE.plural:
          add(el.value, 'plural');
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.select:
          add(el.value, 'select');
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          walk(el.children);
          break;
        default:
          break;
      }
    }
  }

  function add(name: string, type: ParamType): void {
    const seen = found.get(name);
    // A plural or select use says more than a plain `{n}` use of the same argument.
    if (!seen || seen === 'string') found.set(name, type);
  }
}

/** Every plural element, with the selectors it gives, anywhere in the message. */
export function pluralsOf(ast: readonly MessageFormatElement[]): { arg: string; ordinal: boolean; selectors: string[] }[] {
  const found: { arg: string; ordinal: boolean; selectors: string[] }[] = [];
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.plural) {
        found.push({ arg: el.value, ordinal: el.pluralType === 'ordinal', selectors: Object.keys(el.options) });
      }
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return found;
}
