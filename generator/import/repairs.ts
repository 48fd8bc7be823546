/**
 * Text repairs on single messages, shape-neutral and pure: joining a message
 * that a page break split in two, and closing markup that the document cut.
 * Each function says what it changed and whether the change is certain
 * (a repair) or a guess a person must check (a doubt); none touches wording.
 */

/** How the two halves of a page-broken message were put together. */
export interface PageBreakJoin {
  text: string;
  separator: '' | ' ';
  /** Why this separator, as a clause for a report message. */
  reason: string;
  /** True when the data does not tell whether the break cut a word. */
  ambiguous: boolean;
}

const HANGUL = /\p{Script=Hangul}/u;
/** Scripts written without spaces between words (Japanese, Chinese) and CJK punctuation. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const SENTENCE_END = /[.!?,;:)\]]/;

/**
 * Joins `before` (the message up to the page break) and `after` (the text of
 * the continuation line, without its leading tab).
 *
 * How the separator is decided — from the data: the Korean seed has one
 * page-broken message (6019, line 56 continued at line 58) and the break falls
 * inside the word 데이터베이스 ("…또는 데이" / "⇥터베이스의 파일…"): the PDF
 * extractor cuts lines by width, not at spaces, and a break between two Hangul
 * syllables with no whitespace on either side is a cut word, joined with no
 * space. Whitespace kept at either side of the break means the break fell
 * between words (one space). A break inside an unfinished tag ("<cod" / "e>")
 * is joined with no space. Japanese and Chinese take no space. After sentence
 * punctuation a space is certain. Anything else (e.g. Latin letters on both
 * sides) cannot be decided: joined with a space and reported as a doubt.
 */
export function joinPageBreak(before: string, after: string): PageBreakJoin {
  const left = before.replace(/\s+$/u, '');
  const right = after.replace(/^\s+/u, '');
  if (left === '' || right === '') return { text: left + right, separator: '', reason: 'one part is empty', ambiguous: false };
  const cut = `“${lastWord(left)}|${firstWord(right)}”`;
  const a = left.slice(-1);
  const b = right[0];
  const cutTag = /<\/?[A-Za-z]*$/.exec(left);
  if (cutTag) return join('', `the break cut the tag “${cutTag[0]}|${/^[^<>\s]*>?/u.exec(right)![0]}”`);
  if (left !== before || right !== after) return join(' ', 'the break fell between words');
  if (UNSPACED.test(a) || UNSPACED.test(b)) return join('', 'the script is written without spaces');
  if (HANGUL.test(a) && HANGUL.test(b)) return join('', `the break cut the word ${cut}`);
  if (SENTENCE_END.test(a)) return join(' ', 'the first part ends with punctuation');
  return { ...join(' ', `the data does not tell whether the break cut the word ${cut}`), ambiguous: true };

  function join(separator: '' | ' ', reason: string): PageBreakJoin {
    return { text: left + separator + right, separator, reason, ambiguous: false };
  }
}

function lastWord(s: string): string {
  const w = s.slice(s.search(/\S+$/u));
  return w.length > 12 ? w.slice(-12) : w;
}

function firstWord(s: string): string {
  const w = /^\S+/u.exec(s)?.[0] ?? '';
  return w.length > 12 ? w.slice(0, 12) : w;
}

/** Tags that come in pairs; a cut one can be closed. */
const PAIRED = ['code', 'b', 'strong', 'i', 'em', 'a', 'span', 'p', 'sub', 'sup', 'u'];
/** Tags that never take a closing tag. */
const VOID = ['br', 'hr', 'img', 'wbr'];

export interface MarkupChange {
  kind: 'closed' | 'truncated' | 'unclosed';
  /** What was done or found, as a clause for a report message. */
  detail: string;
}

/**
 * Closes markup the document clearly cut, in this order:
 * 1. a tag cut at the very end of the message ("…</co"): a cut closing tag of
 *    the innermost open tag is completed ("</code>") — a repair; a cut opening
 *    tag ("…<cod") is removed — a doubt, since the text after it may be lost;
 * 2. a paired tag left open whose content runs to the end as a single word
 *    ("…<code>onConnSucc") is closed at the end — a repair; left open before
 *    more words, where it should end is unknown — a doubt, text unchanged.
 * Void tags ("<br>") never need closing. Text without "<" is returned as is.
 */
export function closeMarkup(text: string): { text: string; changes: MarkupChange[] } {
  const changes: MarkupChange[] = [];
  if (!text.includes('<')) return { text, changes };
  let out = text;

  const cutTag = /<(\/?)([A-Za-z]*)$/.exec(out);
  if (cutTag) {
    const open = openTags(out.slice(0, cutTag.index));
    const innermost = open[open.length - 1];
    if (cutTag[1] === '/' && innermost && innermost.name.startsWith(cutTag[2].toLowerCase())) {
      out = `${out.slice(0, cutTag.index)}</${innermost.name}>`;
      changes.push({ kind: 'closed', detail: `completed the cut closing tag “${cutTag[0]}” as “</${innermost.name}>”` });
    } else {
      out = out.slice(0, cutTag.index).replace(/\s+$/u, '');
      changes.push({
        kind: 'truncated',
        detail: `removed “${cutTag[0]}”; the vendor text after it may be lost`,
      });
    }
  }

  const open = openTags(out);
  for (let i = open.length - 1; i >= 0; i--) {
    const tag = open[i];
    const content = out.slice(tag.end);
    if (i === open.length - 1 && /^\S+$/u.test(content) && !content.includes('<')) {
      out = `${out}</${tag.name}>`;
      changes.push({ kind: 'closed', detail: `closed “<${tag.name}>${content}” with “</${tag.name}>” at the end of the message` });
    } else {
      changes.push({
        kind: 'unclosed',
        detail: `“<${tag.name}>” is never closed and the data does not tell where it ends; left as written`,
      });
    }
  }
  return { text: out, changes };
}

/** Paired tags opened and not closed, outermost first, with where their content starts. */
function openTags(text: string): Array<{ name: string; end: number }> {
  const stack: Array<{ name: string; end: number }> = [];
  for (const m of text.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (VOID.includes(name) || m[3] === '/' || !PAIRED.includes(name)) continue;
    if (m[1] === '/') {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack.splice(at, 1);
    } else {
      stack.push({ name, end: (m.index ?? 0) + m[0].length });
    }
  }
  return stack;
}
