/**
 * QA of the end-user messages (catalogs with two audiences):
 * - qa/user-jargon: a user message names an internal term (the config's
 *   `review.jargon`), which an end user can neither read nor act on;
 * - qa/user-too-long: a user message longer than `review.userMessageMaxLength`
 *   characters in English (90 by default), scaled per script for the other
 *   locales as qa/length-ratio expects them (Japanese 0.6, Chinese 0.4…);
 * - qa/no-action: a code with no `action` or `fault`, so an app cannot tell
 *   what to offer its user.
 * A shared user text is reported once, on the first key that names it, so
 * 157 codes sharing one text give one finding, not 157.
 */
import type { Catalog, Message, Translation } from '../../catalog/model.js';
import type { CheckHit, QaCheck } from './check.js';
import { qaRule } from '../rules.js';
import { expectedRatio } from './length-ratio.js';
import { codePointLength, hasText, literalText, memoByText } from './text.js';

export const DEFAULT_USER_MESSAGE_MAX_LENGTH = 90;

/** The user message of `message` in each locale, when this key is the one to report it on. */
function userTextsToReport(message: Message, catalog: Catalog): [locale: string, text: Translation, where: string][] {
  const user = userMessageOf(catalog, message.key);
  if (!user) return [];
  const out: [string, Translation, string][] = [];
  for (const locale of catalog.locales) {
    const text = user.translations[locale];
    if (!hasText(text)) continue;
    const own = catalog.userOverrides?.get(message.key)?.[locale] !== undefined;
    if (!own && firstKeyNaming(catalog, message.user) !== message.key) continue;
    out.push([locale, text, own ? `The user message of ${message.key}` : `The user message ${JSON.stringify(message.user)}`]);
  }
  return out;
}

/** A shared user text is reported on the first key naming it: the keys naming one text are peers; no other key's text is read. */
function namers(message: Message): string[] {
  return message.user === undefined ? [] : [message.user];
}

const noGroups = (): string[] => [];

export const userJargon: QaCheck = {
  ...qaRule('qa/user-jargon'),
  groups: noGroups,
  peers: namers,
  check(message, catalog, { settings }) {
    const terms = settings?.jargon ?? [];
    if (terms.length === 0) return [];
    const hits: CheckHit[] = [];
    for (const [locale, text, what] of userTextsToReport(message, catalog)) {
      const found = jargonIn(terms)(literalText(text));
      if (found.length > 0)
        hits.push({
          locales: [locale],
          message: `${what} (${locale}) names ${found.map((t) => JSON.stringify(t)).join(', ')}, which end users do not know; say what happened in their words.`,
          origins: [text.origin],
          id: `${locale}:${found.join(',')}`,
        });
    }
    return hits;
  },
};

export const userTooLong: QaCheck = {
  ...qaRule('qa/user-too-long'),
  groups: noGroups,
  peers: namers,
  check(message, catalog, { settings }) {
    const limitInSource = settings?.userMessageMaxLength ?? DEFAULT_USER_MESSAGE_MAX_LENGTH;
    const hits: CheckHit[] = [];
    for (const [locale, text, what] of userTextsToReport(message, catalog)) {
      const limit = Math.ceil((limitInSource * expectedRatio(locale)) / expectedRatio(catalog.sourceLocale));
      const length = codePointLength(literalText(text).trim());
      if (length > limit)
        hits.push({
          locales: [locale],
          message: `${what} (${locale}) has ${length} characters; keep it to ${limit} so it fits a dialog or a snackbar.`,
          origins: [text.origin],
        });
    }
    return hits;
  },
};

export const noAction: QaCheck = {
  ...qaRule('qa/no-action'),
  scope: 'message',
  check(message, catalog) {
    if (!catalog.userTexts || (message.action !== undefined && message.fault !== undefined)) return [];
    const missing = [message.action === undefined ? '"action"' : '', message.fault === undefined ? '"fault"' : '']
      .filter(Boolean)
      .join(' and ');
    return [
      {
        locales: [catalog.sourceLocale],
        message: `Key ${message.key} has no ${missing} in the registry, so apps cannot tell what to offer their user.`,
        origins: [message.origin],
        subjects: [],
      },
    ];
  },
};

const userByCatalog = new WeakMap<Catalog, Map<string, Message>>();
function userMessageOf(catalog: Catalog, key: string): Message | undefined {
  if (!catalog.userMessages) return undefined;
  let byKey = userByCatalog.get(catalog);
  if (!byKey) userByCatalog.set(catalog, (byKey = new Map(catalog.userMessages.map((m) => [m.key, m]))));
  return byKey.get(key);
}

const firstByCatalog = new WeakMap<Catalog, Map<string, string>>();
function firstKeyNaming(catalog: Catalog, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  let first = firstByCatalog.get(catalog);
  if (!first) {
    first = new Map();
    for (const m of catalog.messages) if (m.user !== undefined && !first.has(m.user)) first.set(m.user, m.key);
    firstByCatalog.set(catalog, first);
  }
  return first.get(id);
}

/** The terms of a jargon list a text names, remembered by text: shared user texts repeat across keys and layer stacks. */
const finders = new WeakMap<readonly string[], (text: string) => string[]>();
export function jargonIn(terms: readonly string[]): (text: string) => string[] {
  let find = finders.get(terms);
  if (!find) {
    const probes = terms.map((term) => ({ term, needle: needleOf(term) }));
    find = memoByText((text) => {
      let folded: string | undefined;
      return probes
        .filter(({ term, needle }) => {
          // A term whose needle the text lacks cannot match: most texts name no term, and each
          // pattern is a Unicode, case-insensitive regex with look-arounds (costly to compile and run).
          if (needle?.caseless === false && !(folded ??= foldAscii(text)).includes(needle.text)) return false;
          if (needle?.caseless && !text.includes(needle.text)) return false;
          return jargonPattern(term).test(text);
        })
        .map(({ term }) => term);
    });
    finders.set(terms, find);
  }
  return find;
}

/**
 * What a text must contain for `jargonPattern(term)` to match (a prefilter; the pattern decides):
 * - a term of printable ASCII: its lower case, looked for in `foldAscii(text)`;
 * - a term of scripts without case (Han, kana, Hangul, the prolonged sound mark): the term itself;
 * - any other term: nothing, the pattern alone decides.
 * test/review/checks/user-messages.test.ts proves both rules against the regex engine's case folding.
 */
export function needleOf(term: string): { text: string; caseless: boolean } | undefined {
  if (/^[\x20-\x7e]+$/u.test(term)) return { text: term.toLowerCase(), caseless: false };
  if (CASELESS_TERM.test(term)) return { text: term, caseless: true };
  return undefined;
}

/** Characters that no other character matches case-insensitively (proven in the test). */
export const CASELESS_TERM = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+$/u;

/**
 * The text in lower case, with ſ (U+017F) as s: under the `iu` flags the characters that match an
 * ASCII letter are its two cases, ſ (for s) and the Kelvin sign (for k, which lower-cases to k).
 */
export function foldAscii(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

const patterns = new Map<string, RegExp>();
/** Whole words for Latin terms (so "API" does not match "RAPID"), plain substrings for terms in other scripts. */
export function jargonPattern(term: string): RegExp {
  let pattern = patterns.get(term);
  if (!pattern) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = /^[\p{Script=Latin}\d_ -]+$/u.test(term)
      ? new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'iu')
      : new RegExp(escaped, 'iu');
    patterns.set(term, pattern);
  }
  return pattern;
}
