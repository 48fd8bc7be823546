/**
 * Reads a PO file (gettext manual, "The Format of PO Files") into entries,
 * with a line:column for every keyword and for every character of every
 * string, so a diagnostic can point at the `{` of a broken placeholder.
 *
 * Written here rather than taken from npm: gettext-parser (the well-kept
 * one) gives no positions, decodes only \n \t \r (`\007` comes back as
 * "007") and keeps the last of two entries with the same msgctxt and msgid;
 * pofile likewise has no positions.
 *
 * - Strings: `"…"`, several in a row (on the keyword's line and on lines of
 *   their own) joined. Escapes as gettext's own reader (po-lex.c) takes
 *   them: \n \t \b \r \f \v \a \\ \" (and \' \?), octal \o…\ooo and hex
 *   \xH… — the last two are bytes, decoded in the file's charset (the
 *   header's Content-Type), so `\303\251` in a UTF-8 file is "é". Anything
 *   else after a backslash is an error, as it is for msgfmt.
 * - Entries: comments (`#`, `#.`, `#:`, `#|`) and flags (`#,`) before
 *   msgctxt / msgid / msgid_plural / msgstr or msgstr[N]; a comment after a
 *   complete entry starts the next one. Obsolete entries (`#~`, what
 *   msgmerge keeps of removed ones) are skipped with the comments before them.
 * - The header is the entry with an empty msgid and no msgctxt; its fields
 *   are read with where each starts.
 * - Lines may end in CRLF; a BOM is skipped. Columns count UTF-16 code
 *   units from 1, as every other reader of the project does.
 */

import { TextDecoder, TextEncoder } from 'node:util';
import type { ReadResult } from '../translations/report.js';

export interface At {
  line: number;
  column: number;
}

export interface PoString {
  /** The decoded text. */
  text: string;
  /** The keyword (`msgstr[1]`, `msgid`). */
  at: At;
  /** Where the text's UTF-16 unit i comes from (its character or escape); i = text.length gives the end. */
  position(i: number): At;
}

export interface PoEntry {
  /** The first keyword of the entry. */
  at: At;
  flags: string[];
  /** The `#,` line holding the flags, when there is one. */
  flagsAt?: At;
  msgctxt?: PoString;
  msgid: PoString;
  msgidPlural?: PoString;
  /** `msgstr` (an entry without msgid_plural). */
  msgstr?: PoString;
  /** `msgstr[0]`, `msgstr[1]`, … in order (an entry with msgid_plural). */
  msgstrs: PoString[];
}

export interface PoHeader {
  entry: PoEntry;
  /** `Name: value` lines of the header msgstr, by name (the first of a name), with where the line starts. */
  fields: Map<string, { value: string; at: At }>;
}

export interface PoDocument {
  header?: PoHeader;
  /** Every entry but the header and the obsolete ones, in file order. */
  entries: PoEntry[];
  charset: string;
}

export type PoReadResult = ReadResult<PoDocument>;

class PoSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: At,
  ) {
    super(message);
  }
}

/** The charset a PO file's header names (`CHARSET`, the POT placeholder, and none mean UTF-8). */
export function poCharset(text: string): string {
  // The header entry: up to the first blank line or msgctxt after its msgid.
  const start = text.search(/^[ \t]*msgid[ \t]/m);
  const rest = start < 0 ? '' : text.slice(start, start + 8192);
  const end = rest.search(/\n[ \t]*(\r?\n|msgctxt|#)/);
  const match = /Content-Type:[^"\n]*?charset=([A-Za-z0-9_.:+-]+)/.exec(end < 0 ? rest : rest.slice(0, end));
  const name = match?.[1];
  return !name || name.toUpperCase() === 'CHARSET' ? 'utf-8' : name.toLowerCase();
}

/** The text of a PO file's bytes, in the charset its header names (UTF-8 when none, or when it is not one Node knows; readPo then says so). */
export function decodePo(bytes: Buffer): string {
  const charset = poCharset(bytes.subarray(0, 8192).toString('latin1'));
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** Whether a text looks like a PO file: msgid and msgstr lines (the header entry's included). */
export function looksLikePo(text: string): boolean {
  return /^[ \t]*msgid[ \t]+"/m.test(text) && /^[ \t]*msgstr(\[\d+\])?[ \t]+"/m.test(text);
}

type Keyword = 'msgctxt' | 'msgid' | 'msgid_plural' | 'msgstr';

interface Building {
  flags: string[];
  flagsAt?: At;
  at?: At;
  msgctxt?: PoString;
  msgid?: PoString;
  msgidPlural?: PoString;
  msgstr?: PoString;
  msgstrs: PoString[];
  /** The string continuation lines add to. */
  last?: StringBuilder;
}

export function readPo(text: string): PoReadResult {
  try {
    return { ok: true, doc: parse(text) };
  } catch (error) {
    if (error instanceof PoSyntaxError) return { ok: false, rule: 'syntax', message: error.message, at: error.at };
    throw error;
  }
}

function parse(text: string): PoDocument {
  const charset = poCharset(text);
  const decoder = decoderOf(charset);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = text.slice(bom).split('\n');
  const entries: PoEntry[] = [];
  let header: PoHeader | undefined;
  let current: Building = { flags: [], msgstrs: [] };
  let obsolete = false; // the current comments belong to an obsolete entry

  const finish = () => {
    if (started(current)) {
      const entry = toEntry(current);
      if (!header && entry.msgctxt === undefined && entry.msgid.text === '' && entries.length === 0)
        header = { entry, fields: headerFields(entry) };
      else entries.push(entry);
    }
    current = { flags: [], msgstrs: [] };
    obsolete = false;
  };

  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineNo = index + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const body = line.slice(indent);
    const at = (offset: number): At => ({ line: lineNo, column: offset + 1 });
    if (body === '') return;
    if (body.startsWith('#~')) {
      // An obsolete entry: the comments before it are its own.
      if (started(current) && !complete(current))
        throw new PoSyntaxError('An obsolete (#~) line inside an entry that has no msgstr yet.', at(indent));
      if (complete(current)) finish();
      current = { flags: [], msgstrs: [] };
      obsolete = true;
      return;
    }
    if (body.startsWith('#')) {
      if (complete(current) || obsolete) finish();
      else if (started(current)) throw new PoSyntaxError('A comment inside an entry: comments go before its msgctxt or msgid.', at(indent));
      if (body.startsWith('#,')) {
        current.flagsAt ??= at(indent);
        for (const flag of body.slice(2).split(',')) if (flag.trim() !== '') current.flags.push(flag.trim());
      }
      return;
    }
    if (body.startsWith('"')) {
      if (!current.last) throw new PoSyntaxError('A string that follows no msgctxt, msgid or msgstr.', at(indent));
      readStrings(line, indent, lineNo, current.last);
      return;
    }
    const keyword = keywordOf(body, at(indent));
    if (obsolete || ((keyword.name === 'msgctxt' || keyword.name === 'msgid') && complete(current))) finish();
    readKeywordLine(current, line, indent, lineNo, keyword, decoder);
  });
  if (started(current) && !complete(current))
    throw new PoSyntaxError('The last entry has no msgstr.', current.at ?? { line: lines.length, column: 1 });
  finish();
  return { ...(header ? { header } : {}), entries, charset };
}

const complete = (b: Building) => b.msgstr !== undefined || b.msgstrs.length > 0;
const started = (b: Building) => b.msgctxt !== undefined || b.msgid !== undefined;

/** A decoder of the header's charset, for escaped bytes. */
function decoderOf(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw new PoSyntaxError(`The header names the charset ${JSON.stringify(charset)}, which this reader does not know.`, {
      line: 1,
      column: 1,
    });
  }
}

/** The keyword a line starts with (`msgstr[1]`: name msgstr, index 1). */
function keywordOf(body: string, at: At): { name: Keyword; index: string | undefined; label: string } {
  const keyword = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[ \t"]|$)/.exec(body);
  if (!keyword)
    throw new PoSyntaxError(
      `${JSON.stringify(body.split(/[ \t]/)[0])} is not a PO keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[N]) or a string.`,
      at,
    );
  return { name: keyword[1] as Keyword, index: keyword[2], label: keyword[0] };
}

/** A keyword line: its string starts the keyword's value on the entry being built. */
function readKeywordLine(
  current: Building,
  line: string,
  indent: number,
  lineNo: number,
  { name, index, label }: { name: Keyword; index: string | undefined; label: string },
  decoder: TextDecoder,
): void {
  const where = { line: lineNo, column: indent + 1 };
  const builder = new StringBuilder(where, decoder);
  if (index !== undefined && name !== 'msgstr') throw new PoSyntaxError(`${name} takes no [N].`, where);
  setKeyword(current, name, index, label, where, builder.value);
  current.last = builder;
  const rest = indent + label.length;
  if (!/^[ \t]*"/.test(line.slice(rest))) throw new PoSyntaxError(`${label} needs a string.`, { line: lineNo, column: rest + 1 });
  readStrings(line, rest, lineNo, builder);
}

/** A keyword's string set on the entry being built (`index`: the N of msgstr[N]), when the keyword may come there. */
function setKeyword(current: Building, name: Keyword, index: string | undefined, label: string, where: At, value: PoString): void {
  switch (name) {
    case 'msgctxt':
      if (started(current)) throw new PoSyntaxError('msgctxt must come before msgid.', where);
      current.at ??= where;
      current.msgctxt = value;
      break;
    case 'msgid':
      if (current.msgid) throw new PoSyntaxError('A second msgid before the entry has a msgstr.', where);
      current.at ??= where;
      current.msgid = value;
      break;
    case 'msgid_plural':
      if (!current.msgid || complete(current)) throw new PoSyntaxError('msgid_plural must follow a msgid.', where);
      if (current.msgidPlural) throw new PoSyntaxError('A second msgid_plural in one entry.', where);
      current.msgidPlural = value;
      break;
    case 'msgstr': {
      if (!current.msgid) throw new PoSyntaxError(`${label} must follow a msgid.`, where);
      if (index === undefined) {
        if (current.msgidPlural) throw new PoSyntaxError('An entry with msgid_plural has msgstr[0], msgstr[1]…, not msgstr.', where);
        if (current.msgstr) throw new PoSyntaxError('A second msgstr in one entry.', where);
        current.msgstr = value;
      } else {
        if (!current.msgidPlural) throw new PoSyntaxError(`${label} needs a msgid_plural; an entry without one has msgstr.`, where);
        if (Number(index) !== current.msgstrs.length)
          throw new PoSyntaxError(`${label} where msgstr[${current.msgstrs.length}] was expected.`, where);
        current.msgstrs.push(value);
      }
      break;
    }
  }
}

function toEntry(b: Building): PoEntry {
  return {
    at: b.at!,
    flags: b.flags,
    ...(b.flagsAt ? { flagsAt: b.flagsAt } : {}),
    ...(b.msgctxt ? { msgctxt: b.msgctxt } : {}),
    msgid: b.msgid!,
    ...(b.msgidPlural ? { msgidPlural: b.msgidPlural } : {}),
    ...(b.msgstr ? { msgstr: b.msgstr } : {}),
    msgstrs: b.msgstrs,
  };
}

/** The strings of one line from `from` on: `"…"` separated by blanks, nothing else. */
function readStrings(line: string, from: number, lineNo: number, builder: StringBuilder): void {
  let i = from;
  for (;;) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) return;
    if (line[i] !== '"')
      throw new PoSyntaxError(`Unexpected ${JSON.stringify(line[i])} after a string: a PO line holds a keyword and strings only.`, {
        line: lineNo,
        column: i + 1,
      });
    i = builder.read(line, i, lineNo);
  }
}

const NAMED: Record<string, string> = {
  n: '\n',
  t: '\t',
  b: '\b',
  r: '\r',
  f: '\f',
  v: '\v',
  a: '\u0007',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '?': '?',
};

/** Accumulates the decoded text of one field and where each of its code units comes from. */
class StringBuilder {
  private text = '';
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private bytes: number[] = [];
  private bytesAt: At[] = [];
  readonly value: PoString;

  constructor(
    at: At,
    private readonly decoder: TextDecoder,
  ) {
    // The value's getter reads the string as it grows; a getter has no arrow form to capture `this`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.value = {
      get text() {
        return self.text;
      },
      at,
      position(i: number): At {
        if (i < self.lines.length) return { line: self.lines[i], column: self.columns[i] };
        return self.end;
      },
    };
  }

  private end: At = { line: 0, column: 0 };

  /** Reads the string that opens at `line[start]`; returns the index after its closing quote. */
  read(line: string, start: number, lineNo: number): number {
    let i = start + 1;
    while (i < line.length) {
      const c = line[i];
      if (c === '"') {
        this.flush();
        this.end = { line: lineNo, column: i + 1 };
        return i + 1;
      }
      if (c !== '\\') {
        this.flush();
        this.push(c, lineNo, i + 1);
        i++;
        continue;
      }
      const next = line[i + 1];
      if (next === undefined)
        throw new PoSyntaxError('A backslash at the end of the line: a PO string continues on the next line as a new "…" string.', {
          line: lineNo,
          column: i + 1,
        });
      if (NAMED[next] !== undefined) {
        this.flush();
        this.push(NAMED[next], lineNo, i + 1);
        i += 2;
      } else if (/[0-7]/.test(next)) {
        const digits = /^[0-7]{1,3}/.exec(line.slice(i + 1))![0];
        this.byte(parseInt(digits, 8) & 0xff, lineNo, i + 1);
        i += 1 + digits.length;
      } else if (next === 'x') {
        const digits = /^[0-9A-Fa-f]*/.exec(line.slice(i + 2))![0];
        if (digits === '') throw new PoSyntaxError('\\x must be followed by hexadecimal digits.', { line: lineNo, column: i + 1 });
        const value = parseInt(digits, 16);
        if (value > 0xff)
          throw new PoSyntaxError(`\\x${digits} is more than a byte (gettext reads hex escapes as bytes).`, {
            line: lineNo,
            column: i + 1,
          });
        this.byte(value, lineNo, i + 1);
        i += 2 + digits.length;
      } else {
        throw new PoSyntaxError(`\\${next} is not a PO escape (\\n \\t \\b \\r \\f \\v \\a \\\\ \\" \\ooo \\xHH).`, {
          line: lineNo,
          column: i + 1,
        });
      }
    }
    throw new PoSyntaxError('A string that is not closed on its line.', { line: lineNo, column: start + 1 });
  }

  private push(s: string, line: number, column: number): void {
    this.text += s;
    for (let k = 0; k < s.length; k++) {
      this.lines.push(line);
      this.columns.push(column);
    }
  }

  private byte(value: number, line: number, column: number): void {
    this.bytes.push(value);
    this.bytesAt.push({ line, column });
  }

  /** Escaped bytes in a row are characters of the charset: decoded together. */
  private flush(): void {
    if (this.bytes.length === 0) return;
    const bytes = this.bytes;
    const at = this.bytesAt;
    this.bytes = [];
    this.bytesAt = [];
    let decoded: string;
    try {
      decoded = this.decoder.decode(Uint8Array.from(bytes));
    } catch {
      throw new PoSyntaxError(
        `The escaped bytes ${bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')} are not text in the file's charset.`,
        at[0],
      );
    }
    if (decoded.length === bytes.length) {
      for (let k = 0; k < decoded.length; k++) this.push(decoded[k], at[k].line, at[k].column);
    } else {
      // Several bytes to a character: each character at the escape of its first byte.
      let b = 0;
      for (const ch of decoded) {
        this.push(ch, at[Math.min(b, at.length - 1)].line, at[Math.min(b, at.length - 1)].column);
        b += new TextEncoder().encode(ch).length;
      }
    }
  }
}

/** The header's `Name: value` lines. */
function headerFields(entry: PoEntry): Map<string, { value: string; at: At }> {
  const fields = new Map<string, { value: string; at: At }>();
  const msgstr = entry.msgstr ?? entry.msgstrs[0];
  if (!msgstr) return fields;
  let offset = 0;
  for (const line of msgstr.text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim();
      if (!fields.has(name)) fields.set(name, { value: line.slice(colon + 1).trim(), at: msgstr.position(offset) });
    }
    offset += line.length + 1;
  }
  return fields;
}
