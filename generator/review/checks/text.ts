/**
 * Text helpers the QA checks share: the parsed form of a translation (the
 * validate stage's AST, or a fresh parse when a catalog was built without
 * it), the literal text a reader sees with ICU arguments taken out, the
 * arguments a text uses, and the writing system a locale uses.
 */
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
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

/** The names of the ICU arguments a translation uses, sorted; undefined when it does not parse. */
export function argumentNames(translation: Translation): string[] | undefined {
  const ast = astOf(translation);
  if (!ast) return undefined;
  return [...argumentsOf(ast).keys()].sort();
}

/** A translation a reader would see as text: present and not only whitespace. */
export function hasText(translation: Translation | undefined): translation is Translation {
  return translation !== undefined && translation.text.trim() !== '';
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
export const normalizeSpace: (text: string) => string = memoByText((text) => text.replace(/\s+/gu, ' ').trim());

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
