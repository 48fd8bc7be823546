/**
 * Text helpers the QA checks share: the parsed form of a translation (the
 * validate stage's AST, or a fresh parse when a catalog was built without
 * it), the literal text a reader sees with ICU arguments taken out, the
 * arguments a text uses, and the writing system a locale uses.
 */
import { TYPE, type LiteralElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { argumentsOf, parseMessage } from '../../catalog/icu.js';
import type { Translation } from '../../catalog/model.js';

const parsedCache = new WeakMap<Translation, MessageFormatElement[] | null>();

/** The translation's AST; undefined when the text is not valid ICU (the validator reports that). */
export function astOf(translation: Translation): MessageFormatElement[] | undefined {
  if (translation.ast.length > 0) return translation.ast;
  let cached = parsedCache.get(translation);
  if (cached === undefined) {
    const parsed = parseMessage(translation.text);
    cached = parsed.ok ? parsed.ast : null;
    parsedCache.set(translation, cached);
  }
  return cached ?? undefined;
}

/**
 * The text with every ICU argument replaced by `mark` and the options of a
 * plural or select joined by a space; the raw text when it does not parse.
 * Markup stays, since the parser runs with `ignoreTag`.
 */
export function literalText(translation: Translation, mark = ' '): string {
  const ast = astOf(translation);
  if (!ast) return translation.text;
  // Most texts are one literal: that is their literal text, without a walk or a cache entry.
  if (isOneLiteral(ast)) return (ast[0] as LiteralElement).value;
  if (mark !== ' ') return computeLiteralText(ast, mark);
  // By AST: the layer stacks of a review share the AST of a text they share.
  let text = literalCache.get(ast);
  if (text === undefined) {
    text = computeLiteralText(ast, mark);
    literalCache.set(ast, text);
  }
  return text;
}

const literalCache = new WeakMap<readonly MessageFormatElement[], string>();

function computeLiteralText(ast: readonly MessageFormatElement[], mark: string): string {
  const out: string[] = [];
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.literal) out.push(el.value);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        out.push(mark);
        for (const option of Object.values(el.options)) {
          walk(option.value);
          out.push(' ');
        }
      } else if (el.type === TYPE.tag) walk(el.children);
      else out.push(mark);
    }
  };
  walk(ast);
  return out.join('');
}

/** The names of the ICU arguments a translation uses, sorted (read only); undefined when it does not parse. */
export function argumentNames(translation: Translation): readonly string[] | undefined {
  const ast = astOf(translation);
  if (!ast) return undefined;
  if (isOneLiteral(ast)) return NO_NAMES;
  return [...argumentsOf(ast).keys()].sort();
}

const NO_NAMES: readonly string[] = [];

function isOneLiteral(ast: readonly MessageFormatElement[]): boolean {
  return ast.length === 1 && ast[0].type === TYPE.literal;
}

/** A translation a reader would see as text: present and not only whitespace. */
export function hasText(translation: Translation | undefined): translation is Translation {
  return translation !== undefined && !isBlank(translation.text);
}

/** `text.trim() === ''`, without the trimmed copy: a text is read up to its first character that is not whitespace. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A UTF-16 code unit that `\s` matches and `trim()` removes: ECMAScript's WhiteSpace and
 * LineTerminator (tab, line feed, vertical tab, form feed, carriage return, the space separators
 * Zs, U+FEFF, U+2028 and U+2029). test/review/checks/text.test.ts compares it with `\s` on every
 * code unit.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 0xa0) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `read` remembered by its string argument. For the pure functions of one text the checks
 * share: the layer stacks of a review hold mostly the same texts. Bounded, for long-lived
 * processes (watch mode): once full, the cache keeps what it holds and new texts are read
 * directly (clearing and refilling it cost more than it saved on catalogs of 100k texts).
 */
export function memoByText<T>(read: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const cached = cache.get(text);
    if (cached !== undefined || cache.has(text)) return cached as T;
    const value = read(text);
    if (cache.size < limit) cache.set(text, value);
    return value;
  };
}

/** Whitespace collapsed and trimmed: the form texts are compared in. */
export function normalizeSpace(text: string): string {
  // Most texts are already in that form: they are their own, without a copy or a cache entry.
  return isSpaceNormal(text) ? text : collapseSpace(text);
}

const collapseSpace = memoByText((text) => text.replace(/\s+/gu, ' ').trim());

/** True when `text` has no whitespace but single spaces between other characters. */
function isSpaceNormal(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 ? i === 0 || i === last || isSpaceCode(text.charCodeAt(i + 1)) : isSpaceCode(c)) return false;
  }
  return true;
}

/** The number of code points of a text, as `[...text].length` counts them (a lone surrogate is one), without the array. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      length--;
      i++;
    }
  }
  return length;
}

/** The last code point of a text as a string, as `[...text].at(-1) ?? ''` gives it, without the array. */
export function lastCodePoint(text: string): string {
  const n = text.length;
  if (n >= 2 && isLowSurrogate(text.charCodeAt(n - 1)) && isHighSurrogate(text.charCodeAt(n - 2))) return text.slice(n - 2);
  return text.slice(n - 1);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const scripts = new Map<string, string | undefined>();

/** ISO 15924 script a locale is written in (`Jpan`, `Kore`, `Latn`…), from CLDR likely subtags. */
export function scriptOf(locale: string): string | undefined {
  if (!scripts.has(locale)) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(locale).maximize().script;
    } catch {
      script = undefined;
    }
    scripts.set(locale, script);
  }
  return scripts.get(locale);
}

/** Scripts whose sentences end with the ideographic full stop 。 (Japanese, Chinese). */
export const IDEOGRAPHIC_SCRIPTS: ReadonlySet<string> = new Set(['Jpan', 'Hans', 'Hant', 'Hani', 'Hira', 'Kana']);

/** Quotes a text for a finding's message, shortened to `max` characters. */
export function quote(text: string, max = 60): string {
  const flat = normalizeSpace(text);
  const chars = [...flat];
  return `“${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat}”`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
