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
 * Templates: `page.html.hbs` renders both kinds of page (`index`, true on
 * the index, switches between them); on a section page, `row.html.hbs`
 * renders each message row from a RowContext (generator/review/row-context.ts)
 * and the page prints the rows as `rows`. Every string of both contexts is
 * HTML already (escaped by generator/review/html-escape.ts), so a
 * replacement template prints fields as they are and cannot let message
 * text inject markup; `script` must stay byte for byte inside
 * `<script>…</script>` (the CSP allows that exact text).
 * templates/review/README.md documents every field; while `row.html.hbs`
 * is the built-in one, generator/review/row-html.ts renders the rows.
 * report.json is rendered by `report.json.hbs` and `finding.json.hbs` (one
 * per finding) from JSON-text contexts (review/report-context.ts); the
 * built-in ones give the bytes `codebook review --format json` prints, and
 * what an override renders is parsed before anything is written.
 * summary.md is `summary.md.hbs` rendered from review/report.ts's
 * SummaryContext; the built-in one gives the Markdown `codebook review`
 * prints.
 */
import { summaryContext } from '../review/report.js';
import { findingJson, reportContexts, reportShape } from '../review/report-context.js';
import type { PlanOptions, PlannedFile, Target } from '../emit/target.js';
import type { Catalog } from '../catalog/model.js';
import { prepareReview, reviewPages, type PreparedReview, type ReviewPage, type ReviewPageOptions } from '../review/page-context.js';
import { rowHtml } from '../review/row-html.js';
import { lazyEntries } from '../emit/lazy-entries.js';
import { carriesKeyTable, tableOfCatalog, withKeyTable } from '../review/key-table.js';

export const reviewTarget: Target = {
  id: 'review',
  description:
    'Translator review pages: every message in every locale with states, origins and QA findings (static HTML, an index and a page per section)',
  plan(catalog, options) {
    return { files: reviewFiles(catalog, options), diagnostics: [] };
  },
  // A warm edit splices the rows of the edited keys and of those whose findings changed; the index, report.json and summary.md (and a page whose counts changed) are rendered whole.
  entriesByKey: true,
  planOfKeys(catalog, keys, options) {
    return { files: reviewFilesOfKeys(catalog, options, keys), diagnostics: [] };
  },
  entriesAlsoChanged: (options) => options.findingsChanged,
};

/** The target's files: the pages (index first, then sections in reading order), report.json and summary.md. `pages` is for tests (a small `rowsPerPage`). */
export function reviewFiles(whole: Catalog, { config, header, findings = [] }: PlanOptions, pages: ReviewPageOptions = {}): PlannedFile[] {
  const catalog = tabled(whole);
  return [
    ...reviewPages({ catalog, config, header, findings }, pages).map(pageFile),
    reportFile(catalog, findings),
    { path: 'review/summary.md', template: 'summary.md.hbs', context: summaryContext(findings, catalog) },
  ];
}

/**
 * The files of the last planOfKeys that do not depend on the keys (the index, report.json,
 * summary.md), by catalog: a splice that renders some pages whole plans a second time, for their
 * keys, with the same catalog and options.
 */
const keyless = new WeakMap<Catalog, { options: PlanOptions; prepared: PreparedReview; index: PlannedFile; rest: PlannedFile[] }>();

/** The catalog carrying its key table, which the pages, report.json and summary.md all count on: built once (review/key-table.ts). */
function tabled(catalog: Catalog): Catalog {
  return carriesKeyTable(catalog) ? catalog : withKeyTable(catalog, tableOfCatalog(catalog));
}

function reviewFilesOfKeys(whole: Catalog, options: PlanOptions, only: ReadonlySet<string>): PlannedFile[] {
  const last = keyless.get(whole);
  const { config, header, findings = [] } = options;
  if (last && last.options.config === config && last.options.header === header && last.options.findings === options.findings) {
    const pages = reviewPages(
      { catalog: last.prepared.catalog, config, header, findings },
      { only, index: false, prepared: last.prepared },
    ).map(pageFile);
    return [last.index, ...pages, ...last.rest];
  }
  const catalog = tabled(whole);
  const prepared = prepareReview({ catalog, config, header, findings });
  const files = reviewFiles(catalog, options, { only, prepared });
  keyless.set(whole, { options, prepared, index: files[0]!, rest: files.slice(-2) });
  return files;
}

const REPORT_JSON = 'review/report.json';

/** report.json: `report.json.hbs` with its findings through `finding.json.hbs` (findingJson while that is the built-in one). */
function reportFile(catalog: Catalog, findings: PlanOptions['findings'] = []): PlannedFile {
  const { file, findings: contexts } = reportContexts(findings, catalog);
  return {
    path: REPORT_JSON,
    template: 'report.json.hbs',
    context: file,
    entries: { template: 'finding.json.hbs', field: 'findings', separator: ',\n', contexts, builtIn: findingJson },
    // Only report.json is JSON: the pages' overrides are HTML.
    json: { shape: reportShape },
  };
}

/** A page's file: page.html.hbs, and on a section page its rows through row.html.hbs (rowHtml while that is the built-in one), each row's key given. */
function pageFile({ path, context, rows, rowContext, keys }: ReviewPage): PlannedFile {
  const file: PlannedFile = { path, template: 'page.html.hbs', context };
  return rows && rowContext
    ? {
        ...file,
        entries: lazyEntries({ template: 'row.html.hbs', field: 'rows', builtIn: rowHtml, ...(keys ? { keys } : {}) }, rows, rowContext),
      }
    : file;
}
