/**
 * Reads an XLIFF 2.x or 1.x document (fast-xml-parser, document order kept)
 * into what the import needs: the languages, and per `<unit>` and per
 * `codebook:plural` `<group>` the inline content of source and target as
 * text and `<ph>` parts, the segment state, and a line:column for everything
 * a diagnostic may point at. The version is the root's (`version`, and the
 * namespace when it has one: they must agree); both versions are read into
 * the same model, 1.2's terms mapped onto 2.0's (below).
 *
 * XML is decoded here, not by the parser: entities and character references
 * (`&#13;` is a CR), `<cp hex/>` (a character XML cannot carry), CDATA as
 * is, attribute values normalized as XML 1.0 §3.3.3 says. All whitespace in
 * `<source>`/`<target>` is kept, whatever `xml:space` says. A unit with
 * several segments (a CAT tool's split) is read as one text: its segments and
 * ignorables in order. `<mrk>` is transparent and `<sm/>`/`<em/>` are
 * dropped (annotations); other inline codes (`<pc>`, `<sc>`, `<ec>`) are
 * markup a catalog message cannot hold and come back as problems.
 *
 * XLIFF 1.0–1.2 (the xliff target's 1.2, xliff-12.ts, or what a tool made of
 * it): a `<file>`'s `original` is its id, `source-language` and
 * `target-language` of the first `<file>` the languages (every `<file>`'s are
 * kept, for the import to check they agree); a `<trans-unit>` is a unit
 * (`resname` its name), a `<group restype="x-codebook-plural">` a plural
 * group (`resname` the plural argument), other groups are transparent,
 * `<bin-unit>`s and `<seg-source>` are ignored. The state is `<target
 * state>` in codebook's terms (`new`, `needs-*` → initial, `translated`,
 * `signed-off` → reviewed, `final`); a target without one is translated when
 * the unit is `approved="yes"`, else initial. Placeholders: `<ph>` with its
 * content as the ICU spelling, `<x/>` with its `equiv-text`; `<mrk>` is
 * transparent; `<g>`, `<bx>`, `<ex>`, `<bpt>`, `<ept>`, `<it>` are markup (a
 * problem), as is a `<ph>` holding `<sub>`. XML 1.0 characters only: 1.2 has
 * no `<cp>`.
 */
import { XMLParser } from 'fast-xml-parser';
import { locator } from '../translations/positions.js';
import { wellFormedXml, XML_TREE_OPTIONS } from '../translations/xml-text.js';
import type { ReadResult as SharedReadResult } from '../translations/report.js';
import { PLURAL_GROUP_RESTYPE, PLURAL_GROUP_TYPE, stateOf12 } from '../../emit/xliff-ids.js';

/** The 1.2 target states the import reads (emit/xliff-ids.ts). */
export { XLIFF_12_STATES } from '../../emit/xliff-ids.js';

export interface At {
  line: number;
  column: number;
}

/**
 * A placeholder's `equiv` is its ICU spelling; `form` says where the file
 * gave it: 2.0's `equiv` attribute (undefined), 1.2's `<ph>` content
 * (`content`) or `<x equiv-text>` (`equiv-text`), for diagnostics to show it
 * as the file spells it.
 */
export type InlinePart =
  | { kind: 'text'; text: string }
  | { kind: 'ph'; id: string | undefined; equiv: string | undefined; at: At; form?: 'content' | 'equiv-text' };

export interface Content {
  parts: InlinePart[];
  /** The (first) `<source>` or `<target>` element. */
  at: At;
}

export interface Problem {
  message: string;
  at: At;
}

export interface ReadUnit {
  kind: 'unit';
  id: string | undefined;
  /** The id of the `<file>` holding it (a top-level item's). */
  fileId?: string | undefined;
  name: string | undefined;
  at: At;
  /** The least advanced state of the unit's segments (XLIFF's default `initial` for a segment without one). */
  state: string;
  /** A segment state that is not one of XLIFF's four, with where it is. */
  badState?: { value: string; at: At };
  source?: Content;
  /** Absent when no segment has a `<target>`. */
  target?: Content;
  /** Content the import cannot read (unsupported inline codes, a bad `<cp>`…). */
  problems: Problem[];
}

export interface ReadGroup {
  kind: 'group';
  id: string | undefined;
  /** The id of the `<file>` holding it. */
  fileId?: string | undefined;
  /** The plural argument. */
  name: string | undefined;
  at: At;
  units: ReadUnit[];
}

export interface ReadDocument {
  /** The root's `version` ("2.0", "1.2"…). */
  version: string | undefined;
  /** 1 for XLIFF 1.x (1.2's terms: source-language, trans-unit…), 2 for 2.x. */
  major: 1 | 2;
  srcLang: string | undefined;
  trgLang: string | undefined;
  at: At;
  /** Where the languages are given: the root (2.x), the first `<file>` (1.x). */
  langAt: At;
  /** The first `<file>` element (or the root when there is none). */
  fileAt: At;
  /** Every `<file>`: its id (1.x: `original`), where it starts, and (1.x) its languages. */
  files: { id: string | undefined; at: At; srcLang?: string | undefined; trgLang?: string | undefined }[];
  /** The items of every file, in document order. */
  items: (ReadUnit | ReadGroup)[];
}

export type ReadResult = SharedReadResult<ReadDocument, 'syntax' | 'not-xliff'>;

const STATES = ['initial', 'translated', 'reviewed', 'final'];

type XNode = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as string;

class BadXml extends Error {
  constructor(
    message: string,
    readonly at: At,
  ) {
    super(message);
  }
}

export function readXliff(text: string): ReadResult {
  const xml = wellFormedXml(text);
  if (!xml.ok) return xml;
  const { bom, body } = xml.doc;
  const where = nodeLocator(text, bom);
  const parser = new XMLParser({ ...XML_TREE_OPTIONS, cdataPropName: '#cdata' });
  const nodes = parser.parse(body) as XNode[];
  const root = nodes.find((n) => !tagOf(n).startsWith('#'));
  const rootAt = root ? where(root) : { line: 1, column: 1 };
  if (!root || tagOf(root) !== 'xliff')
    return {
      ok: false,
      rule: 'not-xliff',
      message: `The root element is ${root ? `<${tagOf(root)}>` : 'missing'}, not an XLIFF <xliff>.`,
      at: rootAt,
    };
  try {
    const version = attr(root, 'version', where);
    const major = majorOf(root, version, where);
    if (typeof major === 'string') return { ok: false, rule: 'not-xliff', message: major, at: rootAt };
    const files = children(root).filter((n) => tagOf(n) === 'file');
    return { ok: true, doc: major === 1 ? read12(version!, root, rootAt, files, where) : read20(version!, root, rootAt, files, where) };
  } catch (error) {
    if (error instanceof BadXml) return { ok: false, rule: 'syntax', message: error.message, at: error.at };
    throw error;
  }
}

/** The XLIFF major version of the root, or why it is none codebook reads (a version it does not read, a namespace of another). */
function majorOf(root: XNode, version: string | undefined, where: Where): 1 | 2 | string {
  const namespace = attr(root, 'xmlns', where);
  const major = version === undefined ? undefined : /^2\.\d+$/.test(version) ? 2 : /^1\.[0-2]$/.test(version) ? 1 : undefined;
  const nsVersion = namespace === undefined ? undefined : /^urn:oasis:names:tc:xliff:document:(\d+\.\d+)$/.exec(namespace)?.[1];
  if (major === undefined) return `This is XLIFF ${version ?? 'without a version'}; codebook imports XLIFF 1.2 and 2.0.`;
  if (namespace !== undefined && (nsVersion === undefined || !nsVersion.startsWith(`${major}.`)))
    return `The root says version="${version}" but its namespace is ${JSON.stringify(namespace)}${nsVersion ? `, XLIFF ${nsVersion}'s` : ''}; it is not an XLIFF document codebook can read.`;
  return major;
}

/** An XLIFF 2.x document: languages on the root, units and groups in each `<file>`. */
function read20(version: string, root: XNode, rootAt: At, files: XNode[], where: Where): ReadDocument {
  const items = files.flatMap((file) => {
    const fileId = attr(file, 'id', where);
    return readContainer(file, where).map((item) => ({ ...item, fileId }));
  });
  return {
    version,
    major: 2,
    srcLang: attr(root, 'srcLang', where),
    trgLang: attr(root, 'trgLang', where),
    at: rootAt,
    langAt: rootAt,
    fileAt: files[0] ? where(files[0]) : rootAt,
    files: files.map((f) => ({ id: attr(f, 'id', where), at: where(f) })),
    items,
  };
}

/** Units and plural groups of a `<file>` or an ordinary `<group>`, in document order. */
function readContainer(node: XNode, where: Where): (ReadUnit | ReadGroup)[] {
  const items: (ReadUnit | ReadGroup)[] = [];
  for (const child of children(node)) {
    const tag = tagOf(child);
    if (tag === 'unit') items.push(readUnit(child, where));
    else if (tag === 'group' && attr(child, 'type', where) === PLURAL_GROUP_TYPE) {
      const units = children(child)
        .filter((n) => tagOf(n) === 'unit')
        .map((n) => readUnit(n, where));
      items.push({ kind: 'group', id: attr(child, 'id', where), name: attr(child, 'name', where), at: where(child), units });
    } else if (tag === 'group') items.push(...readContainer(child, where));
  }
  return items;
}

function readUnit(node: XNode, where: Where): ReadUnit {
  const unit: ReadUnit = {
    kind: 'unit',
    id: attr(node, 'id', where),
    name: attr(node, 'name', where),
    at: where(node),
    state: 'initial',
    problems: [],
  };
  const pieces = children(node).filter((n) => tagOf(n) === 'segment' || tagOf(n) === 'ignorable');
  const segments = pieces.filter((n) => tagOf(n) === 'segment');
  const translated = segments.filter((s) => children(s).some((n) => tagOf(n) === 'target'));
  let rank = STATES.length;
  for (const segment of segments) {
    const value = attr(segment, 'state', where) ?? 'initial';
    const i = STATES.indexOf(value);
    if (i < 0) unit.badState ??= { value, at: where(segment) };
    else rank = Math.min(rank, i);
  }
  unit.state = STATES[rank === STATES.length ? 0 : rank];
  const source: InlinePart[] = [];
  const target: InlinePart[] = [];
  for (const piece of pieces) {
    const src = children(piece).find((n) => tagOf(n) === 'source');
    const trg = children(piece).find((n) => tagOf(n) === 'target');
    if (src) {
      unit.source ??= { parts: source, at: where(src) };
      readInline(src, source, unit.problems, where);
    }
    if (translated.length === 0) continue;
    if (trg) {
      unit.target ??= { parts: target, at: where(trg) };
      readInline(trg, target, unit.problems, where);
    } else if (tagOf(piece) === 'ignorable') {
      if (src) readInline(src, target, unit.problems, where);
    } else {
      unit.problems.push({
        message: `Unit ${unit.id ?? '(no id)'} has a segment without a target among translated segments.`,
        at: where(piece),
      });
    }
  }
  return unit;
}

/** An XLIFF 1.x document: its `<file>`s, each `<body>`'s trans-units and plural groups (see the file comment). */
function read12(version: string, root: XNode, rootAt: At, files: XNode[], where: Where): ReadDocument {
  const described = files.map((f) => ({
    id: attr(f, 'original', where),
    at: where(f),
    srcLang: attr(f, 'source-language', where),
    trgLang: attr(f, 'target-language', where),
  }));
  const items = files.flatMap((file, i) =>
    children(file)
      .filter((n) => tagOf(n) === 'body')
      .flatMap((body) => readContainer12(body, where))
      .map((item) => ({ ...item, fileId: described[i].id })),
  );
  const first = described[0];
  return {
    version,
    major: 1,
    srcLang: first?.srcLang,
    trgLang: first?.trgLang,
    at: rootAt,
    langAt: first?.at ?? rootAt,
    fileAt: first?.at ?? rootAt,
    files: described,
    items,
  };
}

/** Trans-units and plural groups of a 1.x `<body>` or an ordinary `<group>`, in document order. */
function readContainer12(node: XNode, where: Where): (ReadUnit | ReadGroup)[] {
  const items: (ReadUnit | ReadGroup)[] = [];
  for (const child of children(node)) {
    const tag = tagOf(child);
    if (tag === 'trans-unit') items.push(readUnit12(child, where));
    else if (tag === 'group' && attr(child, 'restype', where) === PLURAL_GROUP_RESTYPE) {
      const units = children(child)
        .filter((n) => tagOf(n) === 'trans-unit')
        .map((n) => readUnit12(n, where));
      items.push({ kind: 'group', id: attr(child, 'id', where), name: attr(child, 'resname', where), at: where(child), units });
    } else if (tag === 'group') items.push(...readContainer12(child, where));
  }
  return items;
}

function readUnit12(node: XNode, where: Where): ReadUnit {
  const unit: ReadUnit = {
    kind: 'unit',
    id: attr(node, 'id', where),
    name: attr(node, 'resname', where),
    at: where(node),
    state: 'initial',
    problems: [],
  };
  const src = children(node).find((n) => tagOf(n) === 'source');
  const trg = children(node).find((n) => tagOf(n) === 'target');
  if (src) {
    unit.source = { parts: [], at: where(src) };
    readInline(src, unit.source.parts, unit.problems, where, 1);
  }
  if (trg) {
    unit.target = { parts: [], at: where(trg) };
    readInline(trg, unit.target.parts, unit.problems, where, 1);
    const value = attr(trg, 'state', where);
    const state = value === undefined ? undefined : stateOf12(value);
    if (value === undefined) unit.state = attr(node, 'approved', where) === 'yes' ? 'translated' : 'initial';
    else if (state !== undefined) unit.state = state;
    else unit.badState = { value, at: where(trg) };
  }
  return unit;
}

/** Appends the inline content of `element` to `parts` (text nodes have no position of their own: they are located at `element`). */
function readInline(element: XNode, parts: InlinePart[], problems: Problem[], where: Where, major: 1 | 2 = 2): void {
  const text = (value: string) => {
    if (value === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  for (const node of children(element)) {
    const tag = tagOf(node);
    if (tag === '#text') {
      text(decode(node['#text'] as string, where(element), false));
    } else if (tag === '#cdata') {
      for (const inner of children(node)) text(String(inner['#text'] ?? ''));
    } else if (tag === 'ph' && major === 1) {
      const content: InlinePart[] = [];
      const before = problems.length;
      readInline(node, content, problems, where, 1);
      if (content.some((p) => p.kind === 'ph') || problems.length > before) {
        problems.splice(before);
        problems.push({ message: '<ph> holds markup, not the ICU spelling of an argument.', at: where(node) });
      } else {
        const text = content.map((p) => (p.kind === 'text' ? p.text : '')).join('');
        parts.push({
          kind: 'ph',
          id: attr(node, 'id', where),
          equiv: text !== '' ? text : attr(node, 'equiv-text', where),
          at: where(node),
          form: 'content',
        });
      }
    } else if (tag === 'x' && major === 1) {
      parts.push({ kind: 'ph', id: attr(node, 'id', where), equiv: attr(node, 'equiv-text', where), at: where(node), form: 'equiv-text' });
    } else if (tag === 'ph') {
      parts.push({ kind: 'ph', id: attr(node, 'id', where), equiv: attr(node, 'equiv', where), at: where(node) });
    } else if (tag === 'cp' && major === 2) {
      const hex = attr(node, 'hex', where) ?? '';
      const code = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
      if (code <= 0x10ffff) text(String.fromCodePoint(code));
      else problems.push({ message: `<cp hex="${hex}"/> is not a Unicode code point.`, at: where(node) });
    } else if (tag === 'mrk') {
      readInline(node, parts, problems, where, major);
    } else if ((tag === 'sm' || tag === 'em') && major === 2) {
      // Annotation markers carry no text.
    } else {
      problems.push({ message: `<${tag}> is markup a catalog message cannot hold; write the text without it.`, at: where(node) });
    }
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entity and character references; in attribute values TAB and LF are first normalized to spaces (XML 1.0 §3.3.3). */
function decode(raw: string, at: At, attribute: boolean): string {
  const value = attribute ? raw.replace(/[\t\n]/g, ' ') : raw;
  return value.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new BadXml(`A "&" that starts no reference (write &amp;).`, at);
    const code = /^#x[0-9A-Fa-f]+$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : undefined;
    if (code !== undefined) {
      if (code > 0x10ffff) throw new BadXml(`&${name}; is not a Unicode code point.`, at);
      return String.fromCodePoint(code);
    }
    if (name in NAMED) return NAMED[name];
    throw new BadXml(`The entity &${name}; is not defined in XML.`, at);
  });
}

type Where = (node: XNode) => At;

/** Line:column (1-based) of a parsed node, from the parser's start index into the text without its BOM. */
function nodeLocator(text: string, bom: number): Where {
  const at = locator(text);
  return (node) => at(((node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0) + bom);
}

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '#text';
}

function children(node: XNode): XNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function attr(node: XNode, name: string, where: Where): string | undefined {
  const attrs = node[':@'] as Record<string, string> | undefined;
  const raw = attrs?.[name];
  return raw === undefined ? undefined : decode(String(raw), where(node), true);
}
