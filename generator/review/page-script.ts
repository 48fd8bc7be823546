/**
 * The review page's only script: filters rows that are already in the page.
 * It reads nothing but the DOM (the `data-*` attributes page-context.ts
 * writes), never inserts markup and never touches the network. It is kept
 * here, not in the template, so its SHA-256 can go into the page's
 * Content-Security-Policy: the browser then runs this exact script and no
 * other (no injected `<script>`, no `on…` attribute), and loads nothing
 * (`default-src 'none'`).
 *
 * Filters: locales (a `hide-cN` class on <body>; CSS hides the column and
 * the locale's summary row), section, state (a row matches when a visible
 * locale has that state, `missing` meaning no text), finding (any, open,
 * one rule) and search. Search is case-insensitive and NFKC-folded over the
 * row's whole text (key, section, description, every locale's text and
 * provenance, findings); every word must occur. A query that is a whole
 * number also finds the range containing it.
 */
import { createHash } from 'node:crypto';

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var doc = document;
  var form = doc.getElementById('filters');
  var table = doc.getElementById('messages');
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll('.row[data-states]'));
  var texts = null;
  var hiddenColumns = {};
  var search = doc.getElementById('f-search');
  var section = doc.getElementById('f-section');
  var state = doc.getElementById('f-state');
  var rule = doc.getElementById('f-rule');
  var shown = doc.getElementById('shown');
  var none = doc.getElementById('no-match');
  var columns = Array.prototype.slice.call(form.querySelectorAll('input[data-col]'));

  function fold(s) { return s.normalize('NFKC').toLowerCase(); }

  function rowText(i) {
    if (!texts) texts = rows.map(function (row) { return fold(row.textContent); });
    return texts[i];
  }

  function stateMatches(row, wanted) {
    var tokens = (row.getAttribute('data-states') || '').split(' ');
    for (var i = 0; i < tokens.length; i++) {
      var colon = tokens[i].indexOf(':');
      if (colon > 0 && !hiddenColumns[tokens[i].slice(0, colon)] && tokens[i].slice(colon + 1) === wanted) return true;
    }
    return false;
  }

  function ruleMatches(row, wanted) {
    if (wanted === 'any') return row.getAttribute('data-rules') !== '';
    if (wanted === 'open') return row.getAttribute('data-open') !== '0';
    return (' ' + row.getAttribute('data-rules') + ' ').indexOf(' ' + wanted + ' ') >= 0;
  }

  function inRange(row, query) {
    var range = row.getAttribute('data-range');
    if (!range || !/^-?\d+$/.test(query)) return false;
    var bounds = range.split(' ');
    var n = Number(query);
    return n >= Number(bounds[0]) && n <= Number(bounds[1]);
  }

  function apply() {
    var query = fold(search.value).trim();
    var words = query ? query.split(/\s+/) : [];
    var count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (!section.value || row.getAttribute('data-section') === section.value) &&
        (!state.value || stateMatches(row, state.value)) &&
        (!rule.value || ruleMatches(row, rule.value));
      if (ok && words.length) {
        var text = rowText(i);
        ok = inRange(row, query) || words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      if (row.hidden === ok) row.hidden = !ok;
      if (ok) count++;
    }
    shown.textContent = count + ' of ' + rows.length + ' messages shown';
    none.hidden = count !== 0;
  }

  function applyColumns() {
    columns.forEach(function (box) {
      var col = box.getAttribute('data-col');
      hiddenColumns[col] = !box.checked;
      doc.body.classList.toggle('hide-' + col, !box.checked);
    });
  }

  var timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  [section, state, rule].forEach(function (select) { select.addEventListener('change', apply); });
  columns.forEach(function (box) { box.addEventListener('change', function () { applyColumns(); apply(); }); });
  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); apply(); });
  form.addEventListener('reset', function () { setTimeout(function () { applyColumns(); apply(); }, 0); });
  form.hidden = false;
  applyColumns();
  apply();
})();
`;

if (/<\/script|<!--/i.test(PAGE_SCRIPT)) throw new Error('codebook: the review page script must not contain </script or <!--');

/** The CSP source that allows exactly PAGE_SCRIPT. */
export const PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64')}'`;

/** The page's Content-Security-Policy: inline styles, this one script, nothing loaded, no form submission. */
export const PAGE_CSP = `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
