/**
 * How the review is cut into pages and what each page file is called.
 *
 * `review/index.html` is the entry page (no message rows: sections, counts,
 * summaries, links). Every section's messages, in catalog order, go to
 * `review/sections/<stem>.html`; a section with more rows than a page holds
 * is cut into pages of nearly equal size, `<stem>.html`, `<stem>.2.html`,
 * `<stem>.3.html`… The pages are ordered as the catalog's sections are, then
 * any section a message names that the catalog does not list (in order of
 * first use), so previous/next walk every message once.
 *
 * File stems are the section id when it is made of `a-z`, `0-9` and `-`
 * only (what the registry schema allows). Any other character is written
 * `_<hex code point>_` (`A` → `_41_`, `/` → `_2f_`, `é` → `_e9_`), so stems
 * use only `[a-z0-9_-]`: safe in URLs without encoding, on case-insensitive
 * file systems and on Windows. The mapping stays one-to-one: a raw `_`
 * never appears in a stem (it is escaped as `_5f_`), nor does `.`, which
 * therefore marks the page number without colliding with an id (`a-2` is
 * `a-2.html`, page 2 of `a` is `a.2.html`). Three more cases: the empty id
 * is `_` (which no escape produces), a Windows device name (`con`, `nul`,
 * `com1`…, reserved whatever follows the first dot) gets its first letter
 * escaped (`_63_on`), and a stem over 100 characters is cut to 80 and
 * followed by `~` and 16 hex digits of the id's SHA-256 (no other stem has
 * a `~`).
 */
import { createHash } from 'node:crypto';
import type { Section } from '../catalog/model.js';
import type { KeyTable } from './key-table.js';

/**
 * A page holds at most this many translation cells (rows × locales). Size
 * and DOM weight grow with cells, not rows: measured at 0.5 KB of HTML per
 * cell (message column included) on the synthetic catalog and 0.7 KB on the
 * Chat catalog, 6,000 cells is 3–4 MB. Headless Chromium on 2 cores loads
 * the largest page of a 100k-code catalog (3.0 MB) with its script in
 * 0.7 s and filters it in 0.1 s; the one 158 MB page it replaces took 52 s
 * and 2.5 s. With 3 locales that is 2,000 rows a page, with 5 locales
 * 1,200.
 */
export const PAGE_CELLS = 6_000;
/** And at most this many rows, whatever the locale count (the message column weighs about as much as a cell). */
export const PAGE_ROWS = 2_000;

/** Rows a page holds for a catalog with `localeCount` locales: 6,000 cells, at most 2,000 rows, at least 1. */
export function rowsPerPage(localeCount: number): number {
  return Math.max(1, Math.min(PAGE_ROWS, Math.floor(PAGE_CELLS / Math.max(1, localeCount))));
}

const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_STEM = 100;

/** The file stem of a section id: see the module comment. Distinct ids give distinct stems. */
export function sectionFileStem(id: string): string {
  if (id === '') return '_';
  let stem = id.replace(/[^a-z0-9-]/gu, escapeChar);
  if (WINDOWS_DEVICE.test(stem)) stem = escapeChar(stem[0]) + stem.slice(1);
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, 80)}~${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 16)}`;
  return stem;
}

/** A character as `_hex_` (its code point): how section stems, row anchors and rule tokens write what they cannot keep. */
export function escapeChar(ch: string): string {
  return `_${ch.codePointAt(0)!.toString(16)}_`;
}

/** The file name of page `number` (1-based) of a section: `<stem>.html`, then `<stem>.2.html`… */
export function sectionPageName(id: string, number: number): string {
  const stem = sectionFileStem(id);
  return number === 1 ? `${stem}.html` : `${stem}.${number}.html`;
}

export interface SectionGroup {
  id: string;
  /** The catalog's section; undefined for an id only messages name. */
  section?: Section;
  /** Its messages' places in the catalog (review/key-table.ts), in catalog order. */
  positions: number[];
  pages: PagePlan[];
}

export interface PagePlan {
  /** `review/sections/<name>`. */
  path: string;
  /** The file name alone, which is also the link from a sibling page. */
  name: string;
  /** 1-based within the section, and the section's page count. */
  number: number;
  of: number;
  /** The page's rows: `positions.slice(from, to)` of its section (0-based, `to` exclusive). */
  from: number;
  to: number;
}

/**
 * The catalog's messages by section (the catalog's sections in order, then
 * any section only messages name, in order of first use), each section cut
 * into pages of at most `perPage` rows. A section of n rows gets
 * ceil(n / perPage) pages whose sizes differ by at most one (the first ones
 * the larger); a section without messages gets no page.
 */
export function sectionGroups(
  sections: readonly Section[],
  table: Pick<KeyTable, 'keys' | 'sectionIds' | 'sectionOf'>,
  perPage: number,
): SectionGroup[] {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new Error(`codebook: rows per review page must be a positive integer, not ${perPage}`);
  const groups = new Map<string, SectionGroup>();
  for (const section of sections)
    if (!groups.has(section.id)) groups.set(section.id, { id: section.id, section, positions: [], pages: [] });
  // Each section id's group, found once per id, not once per message.
  const groupOfId: (SectionGroup | undefined)[] = [];
  const { sectionIds, sectionOf } = table;
  for (let at = 0; at < table.keys.length; at++) {
    const s = sectionOf[at]!;
    let group = groupOfId[s];
    if (!group) {
      const id = sectionIds[s]!;
      group = groups.get(id);
      if (!group) groups.set(id, (group = { id, positions: [], pages: [] }));
      groupOfId[s] = group;
    }
    group.positions.push(at);
  }
  for (const group of groups.values()) {
    const n = group.positions.length;
    const count = Math.ceil(n / perPage);
    let from = 0;
    for (let p = 0; p < count; p++) {
      const size = Math.floor(n / count) + (p < n % count ? 1 : 0);
      const name = sectionPageName(group.id, p + 1);
      group.pages.push({ path: `review/sections/${name}`, name, number: p + 1, of: count, from, to: from + size });
      from += size;
    }
  }
  return [...groups.values()];
}
