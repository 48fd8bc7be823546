/**
 * The review pages' only script (the same on every page): filters the rows
 * of a section page, and finds a code from the index. It reads nothing but
 * the DOM (the `data-*` attributes page-context.ts writes, the index's JSON
 * block) and the page's own query string, never inserts markup (results are
 * built with createElement and textContent) and never touches the network.
 * It is kept here, not in the template, so its SHA-256 can go into the
 * pages' Content-Security-Policy: the browser then runs this exact script
 * and no other (no injected `<script>`, no `on…` attribute), and loads
 * nothing (`default-src 'none'`).
 *
 * Section page filters: locales (a `hide-cN` class on <body>; CSS hides the
 * column), state (a row matches when a visible locale has that state,
 * `missing` meaning no text), finding (any, open, one rule) and search.
 * Search is case-insensitive and NFKC-folded over the row's whole text
 * (key, description, every locale's text and provenance, findings); every
 * word must occur. A query that is a whole number also finds the range
 * containing it. The filters travel with the previous/next links as a query
 * string (`?q=…&state=…&rule=r-qa_2f_whitespace&hide=c1.c2`), which the next page reads
 * back: only values its own form offers are taken.
 *
 * Index: "Find a code" lists up to 20 keys that equal or start with what is
 * typed (case-insensitive), or a range that holds the number typed, each a
 * link to its row on its page.
 */
import { createHash } from 'node:crypto';

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var doc = document;

  function fold(s) { return s.normalize('NFKC').toLowerCase(); }

  function anchorOf(key) {
    var out = 'k-';
    for (var i = 0; i < key.length; i++) {
      var cp = key.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      out += /^[A-Za-z0-9-]$/.test(ch) ? ch : '_' + cp.toString(16) + '_';
    }
    return out;
  }

  function finder() {
    var input = doc.getElementById('find-key');
    var list = doc.getElementById('found');
    var data = doc.getElementById('page-keys');
    var box = doc.getElementById('find');
    if (!input || !list || !data || !box) return;
    var index = JSON.parse(data.textContent);
    var folded = index.keys.map(function (keys) { return keys.map(fold); });

    function link(page, key) {
      var li = doc.createElement('li');
      var a = doc.createElement('a');
      a.href = index.pages[page][0] + '#' + anchorOf(key);
      a.textContent = key;
      li.appendChild(a);
      li.appendChild(doc.createTextNode(' · ' + index.pages[page][1]));
      return li;
    }

    function find() {
      var query = fold(input.value).trim();
      var exact = [];
      var starts = [];
      if (query) {
        for (var p = 0; p < folded.length; p++) {
          for (var k = 0; k < folded[p].length; k++) {
            if (folded[p][k] === query) exact.push([p, index.keys[p][k]]);
            else if (starts.length < 20 && folded[p][k].indexOf(query) === 0) starts.push([p, index.keys[p][k]]);
          }
        }
        if (/^-?\d+$/.test(query)) {
          var n = Number(query);
          index.ranges.forEach(function (r) { if (n >= r[2] && n <= r[3]) exact.push([r[0], r[1]]); });
        }
      }
      var hits = exact.concat(starts).slice(0, 20);
      while (list.firstChild) list.removeChild(list.firstChild);
      hits.forEach(function (hit) { list.appendChild(link(hit[0], hit[1])); });
      var status = doc.getElementById('find-status');
      status.textContent = !query ? '' : hits.length === 0 ? 'No code matches.' : '';
    }

    input.addEventListener('input', find);
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      find();
      var first = list.querySelector('a');
      if (first) first.click();
    });
    box.hidden = false;
    find();
  }

  function filters() {
    var form = doc.getElementById('filters');
    var table = doc.getElementById('messages');
    if (!form || !table) return;
    var rows = Array.prototype.slice.call(table.querySelectorAll('.row[data-states]'));
    var texts = null;
    var hiddenColumns = {};
    var search = doc.getElementById('f-search');
    var state = doc.getElementById('f-state');
    var rule = doc.getElementById('f-rule');
    var shown = doc.getElementById('shown');
    var none = doc.getElementById('no-match');
    var columns = Array.prototype.slice.call(form.querySelectorAll('input[data-col]'));
    var carried = Array.prototype.slice.call(doc.querySelectorAll('a[data-carry]'));

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

    function carry() {
      var params = new URLSearchParams();
      if (search.value.trim()) params.set('q', search.value.trim());
      if (state.value) params.set('state', state.value);
      if (rule.value) params.set('rule', rule.value);
      var hidden = columns.filter(function (box) { return !box.checked; }).map(function (box) { return box.getAttribute('data-col'); });
      if (hidden.length) params.set('hide', hidden.join('.'));
      var query = params.toString();
      carried.forEach(function (a) {
        var href = a.getAttribute('href').split('?')[0];
        a.setAttribute('href', query ? href + '?' + query : href);
      });
    }

    function apply() {
      var query = fold(search.value).trim();
      var words = query ? query.split(/\s+/) : [];
      var count = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = (!state.value || stateMatches(row, state.value)) && (!rule.value || ruleMatches(row, rule.value));
        if (ok && words.length) {
          var text = rowText(i);
          ok = inRange(row, query) || words.every(function (w) { return text.indexOf(w) >= 0; });
        }
        if (row.hidden === ok) row.hidden = !ok;
        if (ok) count++;
      }
      shown.textContent = count + ' of ' + rows.length + ' messages shown';
      none.hidden = count !== 0;
      carry();
    }

    function applyColumns() {
      columns.forEach(function (box) {
        var col = box.getAttribute('data-col');
        hiddenColumns[col] = !box.checked;
        doc.body.classList.toggle('hide-' + col, !box.checked);
      });
    }

    function offers(select, value) {
      return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    }

    function restore() {
      var params = new URLSearchParams(location.search);
      if (params.has('q')) search.value = params.get('q');
      [[state, 'state'], [rule, 'rule']].forEach(function (pair) {
        var value = params.get(pair[1]);
        if (value !== null && offers(pair[0], value)) pair[0].value = value;
      });
      var hide = (params.get('hide') || '').split('.');
      columns.forEach(function (box) { if (hide.indexOf(box.getAttribute('data-col')) >= 0) box.checked = false; });
    }

    var timer = 0;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 120);
    });
    [state, rule].forEach(function (select) { select.addEventListener('change', apply); });
    columns.forEach(function (box) { box.addEventListener('change', function () { applyColumns(); apply(); }); });
    form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); apply(); });
    form.addEventListener('reset', function () { setTimeout(function () { applyColumns(); apply(); }, 0); });
    restore();
    form.hidden = false;
    applyColumns();
    apply();
  }

  finder();
  filters();
})();
`;

if (/<\/script|<!--/i.test(PAGE_SCRIPT)) throw new Error('codebook: the review page script must not contain </script or <!--');

/** The CSP source that allows exactly PAGE_SCRIPT. */
export const PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64')}'`;

/** The pages' Content-Security-Policy: inline styles, this one script, nothing loaded, no form submission. */
export const PAGE_CSP = `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
