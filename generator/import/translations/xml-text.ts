/**
 * A translator's XML file (Android `strings.xml`) read with a position for
 * everything a diagnostic may point at. Well-formedness is fast-xml-parser's
 * XMLValidator (with its line:column); the element tree is its parser's
 * (document order kept), each element located by the start index the parser
 * records (`captureMetaData`), as import/xliff/read-xliff.ts locates units.
 *
 * The content of an element (text, CDATA, child elements) is read here from
 * the element's own span of the text, so that every decoded character keeps
 * the offset it is written at: entity and character references decoded
 * (`&amp;` → `&`, `&#32;` → a space, located at their `&`), CDATA as is, line
 * ends normalized to LF as XML 1.0 §2.11 says, comments and processing
 * instructions dropped, child elements given as markers.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { At } from './apply.js';
import { locator, type Locate } from './positions.js';
import type { ReadResult } from './report.js';

export interface XmlElement {
  /** The name as written (`string`, `xliff:g`). */
  name: string;
  /** Attribute values, decoded. */
  attributes: Map<string, string>;
  at: At;
  /** Offsets of `<` and after the closing `>` of the element in the text. */
  start: number;
  end: number;
  /** Child elements in document order. */
  children: XmlElement[];
}

/** One piece of an element's content: decoded text (each UTF-16 unit with its offset), the start or end of a child element, or an entity reference XML does not define (`&nbsp;`, which the validator lets through). */
export type ContentPiece =
  | { kind: 'text'; text: string; offsets: number[] }
  | { kind: 'open' | 'close'; name: string; offset: number }
  | { kind: 'undefined-reference'; name: string; offset: number };

export interface XmlDocument {
  root: XmlElement;
  locate: Locate;
  /** The content of an element, in order. */
  content(element: XmlElement): ContentPiece[];
}

export type XmlReadResult = ReadResult<XmlDocument>;

type XNode = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** How every translated-file import parses XML: the tree in document order, text and attributes as written (entities decoded by the importer, with positions), start offsets kept. */
export const XML_TREE_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text without its byte order mark (`bom`: its length), or where it is not well-formed XML. */
export function wellFormedXml(text: string): ReadResult<{ bom: number; body: string }> {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = text.slice(bom);
  const valid = XMLValidator.validate(body);
  if (valid === true) return { ok: true, doc: { bom, body } };
  return {
    ok: false,
    rule: 'syntax',
    message: `Not well-formed XML: ${valid.err.msg}`,
    at: { line: valid.err.line, column: valid.err.col },
  };
}

export function readXml(text: string): XmlReadResult {
  const xml = wellFormedXml(text);
  if (!xml.ok) return xml;
  const { body } = xml.doc;
  const locate = locator(body);
  const parser = new XMLParser(XML_TREE_OPTIONS);
  const nodes = parser.parse(body) as XNode[];
  const rootNode = nodes.find((n) => !tagOf(n).startsWith('#'));
  if (!rootNode) return { ok: false, rule: 'syntax', message: 'The file has no root element.', at: { line: 1, column: 1 } };
  let problem: { message: string; at: At } | undefined;
  const element = (node: XNode): XmlElement => {
    const meta = node[META] as { startIndex?: number; endIndex?: number } | undefined;
    const start = meta?.startIndex ?? 0;
    const at = locate(start);
    const attributes = new Map<string, string>();
    for (const [name, raw] of Object.entries((node[':@'] as Record<string, string> | undefined) ?? {})) {
      const value = decodeReferences(String(raw).replace(/[\t\n\r]/g, ' '));
      if (value === undefined) problem ??= { message: `The value of ${name} has a reference XML does not define.`, at };
      attributes.set(name, value ?? String(raw));
    }
    const children = childrenOf(node)
      .filter((n) => !tagOf(n).startsWith('#'))
      .map(element);
    return { name: tagOf(node), attributes, at, start, end: meta?.endIndex ?? start, children };
  };
  const root = element(rootNode);
  if (problem) return { ok: false, rule: 'syntax', ...problem };
  return { ok: true, doc: { root, locate, content: (el) => contentOf(body, el) } };
}

/** The text with its entity and character references decoded; undefined when one is not XML's. */
function decodeReferences(raw: string): string | undefined {
  let bad = false;
  const out = raw.replace(/&([^;&\s]*);/g, (_, name: string) => {
    const char = referenced(name);
    if (char === undefined) bad = true;
    return char ?? '';
  });
  return bad ? undefined : out;
}

function referenced(name: string): string | undefined {
  const code = /^#x[0-9A-Fa-f]+$/.test(name)
    ? parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? parseInt(name.slice(1), 10)
      : undefined;
  if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  return NAMED[name];
}

/** The pieces between the element's start tag and its end tag (none for `<a/>`). */
function contentOf(body: string, el: XmlElement): ContentPiece[] {
  const open = endOfTag(body, el.start);
  if (body[open - 2] === '/') return [];
  const close = body.lastIndexOf('</', el.end - 1);
  const pieces: ContentPiece[] = [];
  let text = '';
  let offsets: number[] = [];
  const flush = () => {
    if (text !== '') pieces.push({ kind: 'text', text, offsets });
    text = '';
    offsets = [];
  };
  const add = (s: string, offset: number) => {
    for (let k = 0; k < s.length; k++) {
      text += s[k];
      offsets.push(offset);
    }
  };
  let i = open;
  while (i < close) {
    const c = body[i];
    if (c === '<') {
      if (body.startsWith('<!--', i)) i = body.indexOf('-->', i + 4) + 3;
      else if (body.startsWith('<![CDATA[', i)) {
        const end = body.indexOf(']]>', i + 9);
        for (let k = i + 9; k < end;) k = addRaw(body, k, add);
        i = end + 3;
      } else if (body[i + 1] === '?') i = body.indexOf('?>', i + 2) + 2;
      else {
        flush();
        const end = endOfTag(body, i);
        const closing = body[i + 1] === '/';
        const name = /^<\/?([^\s/>]+)/.exec(body.slice(i, end))![1];
        pieces.push({ kind: closing ? 'close' : 'open', name, offset: i });
        if (!closing && body[end - 2] === '/') pieces.push({ kind: 'close', name, offset: i });
        i = end;
      }
    } else if (c === '&') {
      const semi = body.indexOf(';', i);
      const name = body.slice(i + 1, semi);
      const char = referenced(name);
      if (char !== undefined) add(char, i);
      else {
        flush();
        pieces.push({ kind: 'undefined-reference', name, offset: i });
      }
      i = semi + 1;
    } else i = addRaw(body, i, add);
  }
  flush();
  return pieces;
}

/** Adds the character at i (a CR or CR LF as one LF); the next offset. */
function addRaw(body: string, i: number, add: (s: string, offset: number) => void): number {
  if (body[i] === '\r') {
    add('\n', i);
    return body[i + 1] === '\n' ? i + 2 : i + 1;
  }
  add(body[i], i);
  return i + 1;
}

/** The offset after the `>` of the tag that starts at `start` (attribute values skipped). */
function endOfTag(body: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return body.length;
}

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '#text';
}

function childrenOf(node: XNode): XNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

/** An XML file's text: UTF-8 (a BOM is kept for the reader to skip), or UTF-16 when it starts with a UTF-16 BOM. */
export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
}
