/**
 * The translator review page: `review/index.html`, one static,
 * self-contained HTML5 file (inline CSS and one inline script, nothing
 * loaded: its Content-Security-Policy is `default-src 'none'` plus the
 * script's hash). One row per message, in catalog order: key, section,
 * description, arguments and the QA findings of that key (rule, severity,
 * message, layer, origins, "resolved by file:line"), then one column per
 * locale with the text, its state, its origin `file:line` and the origins it
 * replaced, the note and the importer's doubts. A per-locale summary (share
 * with text, reviewed or final, counts by state, findings by rule) and the
 * section titles in every locale come first. The rows are in the HTML, so
 * the page reads without JavaScript; the script only filters (locale
 * columns, section, state, finding rule, search) by toggling `hidden` and a
 * class on <body>.
 *
 * The read-back contract (shared docs, formats.md §4.9): each translation is
 * a `<div class="text" data-key data-locale lang dir>`, `dir="rtl"` for
 * right-to-left scripts (he, ar…) and `dir="auto"` otherwise, styled
 * `white-space: pre-wrap`. Its text is the catalog text, except that
 * characters HTML cannot carry (C0 controls but TAB and LF, so CR too; DEL;
 * C1; noncharacters; lone surrogates) read as `\uXXXX`, each in a
 * `<span class="ctl">`. A locale without text has no such element.
 *
 * Plurals: the element holds the ICU text, the text a translator edits (so
 * there is one element per message and locale, without `data-quantity`).
 * Below it, a list shows the message as each form reads (`=0`…, then every
 * CLDR category the locale needs, a missing one marked as using `other`'s
 * text), each in the locale's `lang` and `dir`: ICU syntax in a
 * right-to-left paragraph is reordered by the bidi algorithm, the forms are
 * not.
 *
 * Context (generator/review/page-context.ts): every string is already HTML
 * (escaped by generator/review/html-escape.ts), so a replacement template
 * prints fields as they are and cannot let message text inject markup.
 * Fields: `header`, `csp`, `script` (keep it byte for byte inside
 * `<script>…</script>`: the CSP allows that exact text), `namespace`,
 * `namespacePlain`, `sourceLocale`, `total`, `findingCount`, `openCount`,
 * `locales[]` (`col`, `tag`, `dir`, `rtl`, `source`), `stateNames`, `sections[]`, `rules[]`, `summary[]`,
 * `overall[]`, `rows[]` (`anchor`, `key`, `sectionCol`, `states`, `rules`,
 * `open`, `range`, `findings[]`, `cells[]`…) and `orphans[]` (findings on
 * keys the catalog lacks).
 */
import { reportJson, reportMarkdown } from '../review/report.js';
import type { Target } from '../emit/target.js';
import { reviewPageContext } from '../review/page-context.js';

export const reviewTarget: Target = {
  id: 'review',
  description: 'Translator review page: every message in every locale with states, origins and QA findings (one static HTML file)',
  plan(catalog, { config, header, findings = [] }) {
    const context = reviewPageContext({ catalog, config, header, findings });
    return {
      files: [
        { path: 'review/index.html', template: 'index.html.hbs', context },
        { path: 'review/report.json', content: reportJson([...findings], catalog) },
        { path: 'review/summary.md', content: reportMarkdown([...findings], catalog) },
      ],
      diagnostics: [],
    };
  },
};
