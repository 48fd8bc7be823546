/**
 * templates/review/row.html.hbs in TypeScript, for when it is not
 * overridden: one function per inline partial of the template, in its
 * order. test/targets/review-page.test.ts renders every row of every test
 * catalog both ways and requires the same bytes.
 */
import type { CellContext, FindingContext, ParamContext, RowContext } from './row-context.js';

export function rowHtml(r: RowContext): string {
  const range = r.range ? ` data-range="${r.range}"` : '';
  return `<div class="row" role="row" id="${r.anchor}" data-states="${r.states}" data-rules="${r.rules}" data-open="${r.open}"${range}>${messageHtml(r)}${r.cells.map(cellHtml).join('')}</div>`;
}

function messageHtml(r: RowContext): string {
  let out = `<div class="msg" role="rowheader"><a class="key" href="#${r.anchor}">${r.key}</a>`;
  if (r.rangeLabel) out += ` <span class="kind">range ${r.rangeLabel}</span>`;
  if (r.action)
    out += `<div class="act">action <code>${r.action}</code> · fault <code>${r.fault}</code>${r.userId ? ` · user message <code>${r.userId}</code>` : ''}</div>`;
  if (r.description) out += `<p class="desc">${r.description}</p>`;
  if (r.params.length > 0) out += `<ul class="params">${r.params.map(paramHtml).join('')}</ul>`;
  if (r.findings.length > 0) out += `<ul class="findings">${r.findings.map(findingHtml).join('')}</ul>`;
  return `${out}</div>`;
}

function paramHtml(p: ParamContext): string {
  return `<li><code>${p.name}</code> ${p.type}${p.example ? `, e.g. <code>${p.example}</code>` : ''}${p.description ? `: ${p.description}` : ''}</li>`;
}

export function findingHtml(f: FindingContext): string {
  const resolved = f.resolved ? ' resolved' : '';
  let out = `<li class="finding sev-${f.severityClass}${resolved}"><span class="rule">${f.rule}</span> <span class="sev">${f.severity}</span> <span class="layer">layer ${f.layer}</span>`;
  if (f.locales) out += ` <span class="locs">${f.locales}</span>`;
  if (f.resolved) out += ' <span class="badge">resolved</span>';
  out += `<p class="fmsg" dir="auto">${f.message}</p>`;
  if (f.origins) out += `<p class="where">at ${f.origins}</p>`;
  if (f.resolved) out += `<p class="resolved-by">resolved by ${f.resolvedBy}</p>`;
  return `${out}</li>`;
}

function userHtml(c: CellContext): string {
  return c.user
    ? `<div class="user" lang="${c.locale}" dir="${c.dir}" title="user message · ${c.user.origin}"><span class="tag">user</span> ${c.user.text}</div>`
    : '';
}

function cellHtml(c: CellContext): string {
  return c.present ? textCellHtml(c) : missingCellHtml(c);
}

function textCellHtml(c: CellContext): string {
  let out = `<div class="cell ${c.col}${c.flagged ? ' flagged' : ''}" role="cell">${userHtml(c)}`;
  out += `<div class="text" data-key="${c.key}" data-locale="${c.locale}" lang="${c.locale}" dir="${c.dir}">${c.text}</div>`;
  out += `<div class="meta"><span class="state st-${c.state}">${c.state}</span> ${c.layer} · ${c.origin}</div>`;
  for (const o of c.overrides) out += `<div class="meta">replaces ${o.layer} · ${o.at}</div>`;
  if (c.note) out += `<p class="note">Note: ${c.note}</p>`;
  for (const d of c.doubts) out += `<p class="doubt">Doubt: ${d}</p>`;
  if (c.forms.length > 0) {
    const forms = c.forms.map(
      (f) =>
        `<li><span class="q">${f.name}</span><span class="form" lang="${f.lang}" dir="${f.dir}">${f.text}</span>${f.fallback ? '<span class="fallback">other’s text</span>' : ''}</li>`,
    );
    out += `<ul class="forms" aria-label="plural forms">${forms.join('')}</ul>`;
  }
  return `${out}</div>`;
}

function missingCellHtml(c: CellContext): string {
  const state = c.fallbackTo ? `fallback: shows ${c.fallbackTo}` : 'missing';
  return `<div class="cell ${c.col} missing${c.flagged ? ' flagged' : ''}" role="cell">${userHtml(c)}<span class="state st-missing">${state}</span></div>`;
}
