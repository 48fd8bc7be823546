/**
 * qa/markup-differs: locales of one code carry different markup.
 *
 * - Tags (`<br>`, `<code>…</code>`, any `<name>`): the number of each tag
 *   must be the same in every locale with text; `<br/>` and `<br />` count
 *   as `<br>`, names are case-insensitive.
 * - Bracketed labels, `[…]` and `【…】` (the two spellings of a UI label
 *   such as a console page name, counted together): the same number in
 *   every locale.
 * - Brackets `()`, `[]`, `【】`, `「」`, `{}` (full-width `（）［］｛｝` alike) must
 *   be balanced within each text; an unbalanced one is usually text cut by
 *   the import.
 *
 * Parentheses are not compared across locales: the vendor texts put asides
 * in parentheses where other languages use a clause (16 Chat codes differ
 * between ja and ko that way, none of them a defect).
 */
import type { Message } from '../../catalog/model.js';
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { hasText, listOf, literalText, memoByText } from './text.js';

const TAG = /<(\/?)([A-Za-z][\w-]*)\b[^<>]*?(\/?)>/gu;
const PAIRS: [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['【', '】'],
  ['「', '」'],
  ['{', '}'],
];

const VOID_TAGS = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link', 'col', 'area', 'base', 'embed', 'source', 'track', 'param']);

/** Counts of each element (`<code>…</code>` by its opening tag, `<br>`) and of bracketed labels (`[…]`) in a text. */
export function markupOf(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (item: string, n = 1) => counts.set(item, (counts.get(item) ?? 0) + n);
  for (const m of text.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (!m[1]) add(VOID_TAGS.has(name) || m[3] ? `<${name}>` : `<${name}>…</${name}>`);
  }
  const labels = (text.match(/\[[^[\]]*\]|【[^【】]*】/gu) ?? []).length;
  if (labels > 0) add('[…]', labels);
  return counts;
}

/** Non-void elements whose opening and closing tags do not pair up in a text. */
function unpairedTags(text: string): string[] {
  const balance = new Map<string, number>();
  for (const m of text.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (VOID_TAGS.has(name) || m[3]) continue;
    balance.set(name, (balance.get(name) ?? 0) + (m[1] ? -1 : 1));
  }
  return [...balance]
    .filter(([, n]) => n !== 0)
    .map(([name]) => `<${name}>…</${name}>`)
    .sort();
}

const NO_MARKUP: ReadonlyMap<string, number> = new Map();
const NONE: readonly string[] = [];

/** markupOf, remembered by text (read only); a text without `<`, `[` or `【` (most texts) has none, and is not remembered. */
function markupOfText(text: string): ReadonlyMap<string, number> {
  return text.includes('<') || text.includes('[') || text.includes('【') ? rememberedMarkupOf(text) : NO_MARKUP;
}

const rememberedMarkupOf: (text: string) => ReadonlyMap<string, number> = memoByText(markupOf);

/** A character that can open or close a bracket or a tag: without one, a text has nothing unbalanced. */
const BRACKET_OR_TAG = /[()[\]【】「」{}（）［］｛｝<>]/u;

/** The bracket pairs and elements a text leaves unbalanced, remembered by text (read only) when it has any bracket. */
function unbalancedOf(raw: string): readonly string[] {
  return BRACKET_OR_TAG.test(raw) ? rememberedUnbalancedOf(raw) : NONE;
}

const rememberedUnbalancedOf: (raw: string) => readonly string[] = memoByText((raw) => {
  const text = raw.replace(/[（）［］｛｝]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return [
    ...PAIRS.filter(([open, close]) => text.split(open).length !== text.split(close).length).map(([o, c]) => `${o}${c}`),
    ...unpairedTags(raw),
  ];
});

export const markupDiffers: QaCheck = {
  ...qaRule('qa/markup-differs'),
  scope: 'message',
  check(message, catalog) {
    // Markup and brackets need one of these characters: most keys have none in any locale, and no hits.
    if (!catalog.locales.some((l) => hasText(message.translations[l]) && BRACKET_OR_TAG.test(literalText(message.translations[l]))))
      return [];
    const locales = catalog.locales.filter((l) => hasText(message.translations[l]));
    const hits: CheckHit[] = [];
    const counts = new Map(locales.map((l) => [l, markupOfText(literalText(message.translations[l]))]));
    const items = hasAny(counts.values()) ? [...new Set([...counts.values()].flatMap((c) => [...c.keys()]))].sort() : NONE;
    for (const item of items) {
      const per = locales.map((l) => ({ locale: l, n: counts.get(l)!.get(item) ?? 0 }));
      if (new Set(per.map((p) => p.n)).size <= 1) continue;
      hits.push({
        locales: [...locales].sort(),
        message: `${item === '[…]' ? 'Bracketed labels ([…] or 【…】) appear' : `Markup ${item} appears`} ${listOf(per.map((p) => `${p.n}× in ${p.locale}`))}.`,
        origins: origins(message, locales),
        id: `count:${item}`,
      });
    }
    for (const locale of locales) {
      const unbalanced = unbalancedOf(literalText(message.translations[locale]));
      if (unbalanced.length === 0) continue;
      hits.push({
        locales: [locale],
        message: `The ${locale} text has unbalanced ${listOf(unbalanced)}.`,
        origins: [message.translations[locale].origin],
        id: `balance:${locale}`,
      });
    }
    return hits;
  },
};

function hasAny(counts: Iterable<ReadonlyMap<string, number>>): boolean {
  for (const c of counts) if (c.size > 0) return true;
  return false;
}

function origins(message: Message, locales: readonly string[]) {
  return [...locales].sort().map((l) => message.translations[l].origin);
}
