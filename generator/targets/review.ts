/**
 * The translator review pages: `review/index.html`, the entry page, and
 * `review/sections/<section>.html` (`.2.html`, `.3.html`… for a long
 * section), static, self-contained HTML5 files (inline CSS and one inline
 * script, nothing loaded: the Content-Security-Policy is
 * `default-src 'none'` plus the script's hash). Rows are split by section,
 * and a section's rows into pages of at most 6,000 locale cells and 2,000
 * rows (generator/review/page-files.ts says why and how files are named),
 * so every page stays at a few MB whatever the catalog's size.
 *
 * The index: totals; "find a code" (each code's page, from a JSON block);
 * one row per section with its message count, open findings by severity
 * and by rule, and a link to each page with its first and last code; the
 * section titles in every locale; a per-locale summary (share with text,
 * reviewed or final, counts by state, findings by rule); findings on keys
 * the catalog does not have.
 *
 * A section page: previous/next page (in section order, crossing sections)
 * and the way back to the index, top and bottom; the section's titles; one
 * row per message, in catalog order: key, description, arguments and the
 * QA findings of that key (rule, severity, message, layer, origins,
 * "resolved by file:line"), then one column per locale with the text, its
 * state, its origin `file:line` and the origins it replaced, the note and
 * the importer's doubts. The rows are in the HTML, so the page reads
 * without JavaScript; the script only filters (locale columns, state,
 * finding rule, search) by toggling `hidden` and a class on <body>, and
 * carries the filters to the previous and next page.
 *
 * The read-back contract (shared docs, formats.md §4.9): each translation is
 * a `<div class="text" data-key data-locale lang dir>`, on exactly one
 * section page, `dir="rtl"` for right-to-left scripts (he, ar…) and
 * `dir="auto"` otherwise, styled `white-space: pre-wrap`. Its text is the
 * catalog text, except that characters HTML cannot carry (C0 controls but
 * TAB and LF, so CR too; DEL; C1; noncharacters; lone surrogates) read as
 * `\uXXXX`, each in a `<span class="ctl">`. A locale without text has no
 * such element.
 *
 * Plurals: the element holds the ICU text, the text a translator edits (so
 * there is one element per message and locale, without `data-quantity`).
 * Below it, a list shows the message as each form reads (`=0`…, then every
 * CLDR category the locale needs, a missing one marked as using `other`'s
 * text), each in the locale's `lang` and `dir`: ICU syntax in a
 * right-to-left paragraph is reordered by the bidi algorithm, the forms are
 * not.
 *
 * Template: `page.html.hbs` renders both kinds of page; `index` (true on
 * the index) switches between them. Context (generator/review/page-context.ts):
 * every string is already HTML (escaped by generator/review/html-escape.ts),
 * so a replacement template prints fields as they are and cannot let
 * message text inject markup. Both: `index`, `header`, `csp`, `script`
 * (keep it byte for byte inside `<script>…</script>`: the CSP allows that
 * exact text), `title`, `namespace`, `sourceLocale`, `locales[]` (`col`,
 * `tag`, `dir`, `rtl`, `source`), `stateNames`. The index: `total`,
 * `findingCount`, `openCount`, `sectionCount`, `pageCount`, `severities`,
 * `sections[]` (`id`, `part`, `title`, `count`, `href`, `open`,
 * `bySeverity`, `byRule[]`, `pages[]` (`href`, `number`, `rows`, `keys`,
 * `open`), `titles[]`), `openBySeverity`, `summary[]`, `overall[]`,
 * `orphans[]` (findings on keys the catalog lacks) and `pageKeys` (JSON,
 * safe inside `<script type="application/json">`). A section page:
 * `section` (`id`, `part`, `title`, `titles[]`), `page` (`number`, `of`,
 * `multi`, `first`, `last`, `sectionTotal`), `nav` (`index`, `prev`,
 * `next`: `href`, `label`, or null), `total`, `rowCount`, `tableMinWidth`,
 * `findingCount`, `openCount`, `rules[]` (`col`, `optionLabel`) and
 * `rows[]` (`anchor`, `key`, `states`, `rules`, `open`, `range`,
 * `findings[]`, `cells[]`…).
 */
import { reportJson, reportMarkdown } from '../review/report.js';
import type { PlanOptions, PlannedFile, Target } from '../emit/target.js';
import type { Catalog } from '../catalog/model.js';
import { reviewPages, type ReviewPageOptions } from '../review/page-context.js';

export const reviewTarget: Target = {
  id: 'review',
  description:
    'Translator review pages: every message in every locale with states, origins and QA findings (static HTML, an index and a page per section)',
  plan(catalog, options) {
    return { files: reviewFiles(catalog, options), diagnostics: [] };
  },
};

/** The target's files: the pages (index first, then sections in reading order), report.json and summary.md. `pages` is for tests (a small `rowsPerPage`). */
export function reviewFiles(
  catalog: Catalog,
  { config, header, findings = [] }: PlanOptions,
  pages: ReviewPageOptions = {},
): PlannedFile[] {
  return [
    ...reviewPages({ catalog, config, header, findings }, pages).map(({ path, context }) => ({ path, template: 'page.html.hbs', context })),
    { path: 'review/report.json', content: reportJson([...findings], catalog) },
    { path: 'review/summary.md', content: reportMarkdown([...findings], catalog) },
  ];
}
