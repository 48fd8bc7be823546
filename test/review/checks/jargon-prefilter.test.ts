/**
 * qa/user-jargon looks for a term's needle (needleOf) before it runs the
 * term's case-insensitive Unicode pattern. Here the needles are proven never
 * to hide a match: against the regex engine's own case folding for every
 * code point, and by comparing the prefiltered finder with the plain
 * patterns on the Chat catalog's texts and on seeded random texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASELESS_TERM, foldAscii, jargonIn, jargonPattern, needleOf } from '../../../generator/review/checks/user-messages.js';
import { repoRoot } from '../../support/catalogs.js';
import { prng } from '../../support/prng.js';

/** Every code point but the surrogates. */
function* codePoints(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('jargon needles', () => {
  it('a character that matches a printable ASCII character under `iu` folds to that character with foldAscii', () => {
    const anyAscii = /^[\x20-\x7e]$/iu;
    const odd: string[] = [];
    for (const ch of codePoints()) {
      if (!anyAscii.test(ch)) continue;
      const matched = ASCII.filter((a) => new RegExp(`^${escape(a)}$`, 'iu').test(ch));
      expect(matched.length, ch).toBeGreaterThan(0);
      for (const a of matched) expect(foldAscii(ch), `U+${ch.codePointAt(0)!.toString(16)} as ${a}`).toBe(a.toLowerCase());
      if (ch > '\x7f') odd.push(ch);
    }
    expect(odd).toEqual(['\u017f', '\u212a']);
  });

  it('no character outside the caseless scripts matches one of theirs under `iu`, and none of theirs has a case', () => {
    const inClass = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]$/u;
    const folded = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]$/iu;
    expect(CASELESS_TERM.source).toContain(inClass.source.slice(2, -2));
    for (const ch of codePoints()) {
      const member = inClass.test(ch);
      if (folded.test(ch)) expect(member, `U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
      if (member) expect([ch.toLowerCase(), ch.toUpperCase()], ch).toEqual([ch, ch]);
    }
  });

  it('the prefiltered finder names the same terms as the plain patterns', () => {
    const config = JSON.parse(readFileSync(join(repoRoot, 'locales/chat.base.json'), 'utf8')) as { review: { jargon: string[] } };
    const terms = [...config.review.jargon, 'Straße', 'Kelvin', 'ΣΟΦΙΑ', 'a.b', 'C++', 'ステータス'];
    const plain = (text: string) => terms.filter((t) => jargonPattern(t).test(text));
    const texts: string[] = [];
    for (const locale of readdirSync(join(repoRoot, 'locales'), { withFileTypes: true }).filter((e) => e.isDirectory()))
      for (const file of readdirSync(join(repoRoot, 'locales', locale.name)).filter((f) => f.endsWith('.json')))
        JSON.stringify(JSON.parse(readFileSync(join(repoRoot, 'locales', locale.name, file), 'utf8')), (_, v: unknown) => {
          if (typeof v === 'string') texts.push(v);
          return v;
        });
    const random = prng(13);
    const pieces = [
      ...terms,
      ...terms.map((t) => t.toUpperCase()),
      '\u017f',
      '\u212a',
      'İ',
      'ı',
      ' ',
      '_',
      '-',
      'x',
      '1',
      'é',
      'サ',
      'ー',
      '。',
    ];
    for (let i = 0; i < 5000; i++)
      texts.push(Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    texts.push('\u017fdk', 'u\u017fer\u017fig', 'To\u212aen', 'API');
    const find = jargonIn(terms);
    for (const text of texts) expect(find(text), text).toEqual(plain(text));
    expect(texts.filter((t) => plain(t).length > 0).length).toBeGreaterThan(100);
  });

  it('needles by kind of term', () => {
    expect(needleOf('UserSig')).toEqual({ text: 'usersig', caseless: false });
    expect(needleOf('サーバー')).toEqual({ text: 'サーバー', caseless: true });
    expect(needleOf('Straße')).toBeUndefined();
  });
});
