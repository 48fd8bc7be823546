// The peers table's figures and how they are shown: bench/peers/latest.json (the latest figures of
// each size, merged size by size so `--sizes 1k,10k` and a later `--sizes 100k:3` add up),
// bench/peers/baseline.json (the figures recorded with --save-baseline: the "before" of issue 13),
// the "Peers, measured side by side" section of RESULTS.md (between markers, so `--peers-only`
// rewrites that section alone), and the table printed at the end of a run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summary } from './measure.mjs';
import { PEERS_DIR, pinnedPeers } from './peers.mjs';

export const LATEST_FILE = join(PEERS_DIR, 'latest.json');
export const BASELINE_FILE = join(PEERS_DIR, 'baseline.json');
export const BEGIN =
  '<!-- peers:begin (written by bench/run.mjs from bench/peers/latest.json and baseline.json; `node bench/run.mjs --peers-only` rewrites this section alone) -->';
export const END = '<!-- peers:end -->';
const PUBLISHED_HEADING = '## Peers (their published figures) beside ours';

/** Targets of issue 13 are stated for 100k keys (and the default catalog for itself). */
const TARGET_SIZE = 100_000;

export function readStore(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { sizes: {} };
  }
}

/** Adds the sizes of this run to the store in `file` (a size measured again replaces its entry). */
export function mergeStore(file, entries, extra = {}) {
  const store = readStore(file);
  for (const entry of entries) store.sizes[entry.label] = entry;
  const ordered = Object.fromEntries(Object.entries(store.sizes).sort(([a, x], [b, y]) => order(x) - order(y) || a.localeCompare(b)));
  const next = { ...store, ...extra, peers: pinnedPeers(), sizes: ordered };
  writeFileSync(file, `${JSON.stringify(next, null, 1)}\n`);
  return next;
}
const order = (entry) => (entry.label === 'default' ? -1 : entry.codes);

const s = (ms) =>
  ms === undefined || !Number.isFinite(ms) ? '–' : ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
const mib = (kib) =>
  kib === undefined || !Number.isFinite(kib)
    ? '–'
    : kib >= 1024 * 1024
      ? `${(kib / 1024 / 1024).toFixed(2)} GiB`
      : `${Math.round(kib / 1024)} MiB`;
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const n = (x) => (x === undefined ? '–' : x.toLocaleString('en-US'));

/** Medians of a side: { wall, rss, cpu, n, min, max } or undefined when it has no sample. */
function side(sideRow) {
  if (!sideRow?.samples?.length) return undefined;
  const wall = summary(sideRow.samples.map((x) => x.wallMs));
  return {
    wall: wall.median,
    min: wall.min,
    max: wall.max,
    n: wall.n,
    rss: summary(sideRow.samples.map((x) => x.rssKiB)).median,
    cpu: summary(sideRow.samples.map((x) => x.cpuMs)).median,
  };
}

/** A row's figures and verdict. */
export function evaluate(row, entry) {
  const codebook = side(row.codebook);
  const peer = side(row.peer);
  const ratio = codebook && peer ? codebook.wall / peer.wall : undefined;
  const failed = row.codebook.failure ? 'codebook failed' : row.peer?.failure ? 'peer failed' : undefined;
  let verdict = '–';
  const target = TARGETS[row.id];
  if (failed) verdict = `**${failed}**`;
  else if (target && codebook && (!row.peer || peer)) {
    const ok = target.ok({ ratio, codebook, peer });
    const atTargetSize = entry.label === 'default' || entry.codes === TARGET_SIZE;
    verdict = atTargetSize ? (ok ? '**met**' : '**not met**') : ok ? '(met)' : '(not met)';
  }
  return { codebook, peer, ratio, verdict, target: target?.text ?? '–' };
}

/** The issue's targets by row id (kept here as well as in the jobs, so old figures render). */
const TARGETS = {
  types: { text: '≤ 1.5×', ok: (r) => r.ratio <= 1.5 },
  i18next: { text: '≤ 1.0×', ok: (r) => r.ratio <= 1.0 },
  gettext: { text: '≤ 0.5× (≥ 2× faster)', ok: (r) => r.ratio <= 0.5 },
  all: { text: '≤ 10 s and ≤ 1 GiB', ok: (r) => r.codebook.wall <= 10_000 && r.codebook.rss <= 1024 * 1024 },
  default: { text: '≤ 0.5 s', ok: (r) => r.codebook.wall <= 500 },
};

const sizeText = (entry) => (entry.label === 'default' ? `default (${n(entry.codes)} keys)` : entry.label);
const peerName = (row) => row.peer?.label ?? '–';

/** The rows of the store, ordered job by job, then size by size. */
function rowsOf(store) {
  const entries = Object.values(store.sizes ?? {});
  const ids = ['types', 'i18next', 'gettext', 'validate', 'all', 'default'];
  const out = [];
  for (const id of ids) for (const entry of entries) for (const row of entry.rows) if (row.id === id) out.push({ entry, row });
  return out;
}

function sameRun(a, b) {
  return a && b && a.date === b.date && a.commit === b.commit;
}

/** The markdown table of a store; `before` (the baseline) adds a before column where it differs. */
function table(store, before) {
  const withBefore = before && rowsOf(store).some(({ entry }) => before.sizes?.[entry.label] && !sameRun(before.sizes[entry.label], entry));
  const head = [
    'job',
    'peer',
    'size',
    'n',
    'codebook median',
    'peer median',
    'ratio (codebook ÷ peer)',
    'codebook RSS',
    'peer RSS',
    'CPU codebook / peer',
    'target (issue 13)',
    'verdict',
    ...(withBefore ? ['before: codebook / ratio'] : []),
  ];
  const rows = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i < 3 || i >= 10 ? '---' : '---:')).join('|')}|`];
  for (const { entry, row } of rowsOf(store)) {
    const e = evaluate(row, entry);
    const nn = Math.max(e.codebook?.n ?? 0, e.peer?.n ?? 0) || '–';
    const cb = row.codebook.failure ? `failed: ${row.codebook.failure}` : `${s(e.codebook?.wall)}${row.codebook.reused ? ' ¹' : ''}`;
    const peer = !row.peer ? '–' : row.peer.failure ? `failed: ${row.peer.failure}` : s(e.peer?.wall);
    const cpu = `${s(e.codebook?.cpu)}${row.peer ? ` / ${s(e.peer?.cpu)}` : ''}`;
    const cells = [
      row.job.replace(/ vs .*/, ''),
      peerName(row),
      sizeText(entry),
      nn,
      cb,
      peer,
      row.peer ? times(e.ratio) : '–',
      mib(e.codebook?.rss),
      row.peer ? mib(e.peer?.rss) : '–',
      cpu,
      e.target,
      e.verdict,
    ];
    if (withBefore) {
      const b = before.sizes?.[entry.label];
      const brow = b && !sameRun(b, entry) ? b.rows.find((x) => x.id === row.id) : undefined;
      const be = brow && evaluate(brow, b);
      cells.push(be ? `${s(be.codebook?.wall)}${brow.peer ? ` / ${times(be.ratio)}` : ''}` : '');
    }
    rows.push(`| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return rows.join('\n');
}

/** Per size: when, on which checkout, how loaded. */
function runsTable(store) {
  const rows = [
    '| size | measured (UTC) | checkout | n (runs per side) | load average (1 min), start → end | runs redone (contended) | contended runs kept | Node |',
    '|---|---|---|---:|---|---:|---:|---|',
  ];
  for (const entry of Object.values(store.sizes ?? {})) {
    const sides = entry.rows.flatMap((r) => [r.codebook, r.peer].filter(Boolean));
    const redone = sides.reduce((a, x) => a + (x.redone ?? 0), 0);
    const kept = sides.reduce((a, x) => a + x.samples.filter((y) => y.contended).length, 0);
    rows.push(
      `| ${sizeText(entry)} | ${entry.date} | ${entry.commit} | ${entry.runs} | ${entry.load.map((l) => l.toFixed(2)).join(' → ')} | ${redone} | ${kept} | ${entry.node} |`,
    );
  }
  return rows.join('\n');
}

/** codebook's 10k → 100k ratio per job (issue 13: time linear in size, ≤ 11×). */
function scalingLine(store) {
  const ten = store.sizes?.['10k'];
  const big = store.sizes?.['100k'];
  if (!ten || !big) return '';
  const parts = big.rows
    .map((row) => {
      const a = side(ten.rows.find((x) => x.id === row.id)?.codebook);
      const b = side(row.codebook);
      return a && b ? `${row.id} ${times(b.wall / a.wall)}` : undefined;
    })
    .filter(Boolean);
  return `codebook, 10k → 100k (ratio of medians; target ≤ 11×): ${parts.join(', ')}.`;
}

function machineLine(store) {
  const any = Object.values(store.sizes ?? {}).at(-1);
  if (!any) return '';
  return `Machine: ${any.cpu}, ${any.cores} cores, ${any.memoryGiB.toFixed(1)} GiB RAM, Node ${any.node}.`;
}

/** The commits of a store's entries, once each, and whether the work tree had changes. */
function checkouts(store) {
  const commits = Object.values(store.sizes ?? {}).map((e) => e.commit ?? 'unknown');
  const heads = [...new Set(commits.map((c) => c.split(' ')[0]))].join(', ');
  const dirty = commits.filter((c) => / \+ /.test(c));
  if (dirty.length === 0) return heads;
  return `${heads}, ${dirty.every((c) => c.endsWith('in bench/ only')) ? 'with uncommitted changes in bench/ only' : 'with uncommitted changes'}`;
}

/** The whole section, between its markers. */
export function peersSection(latest = readStore(LATEST_FILE), baseline = readStore(BASELINE_FILE)) {
  const out = [BEGIN, '## Peers, measured side by side (paired ratios)', ''];
  if (!Object.keys(latest.sizes ?? {}).length) {
    out.push('_Not measured yet: `node bench/run.mjs --peers-only --sizes 1k,10k`._', '', END);
    return out.join('\n');
  }
  const versions = Object.entries(latest.peers ?? pinnedPeers())
    .map(([name, v]) => `${name} ${v}`)
    .join(', ');
  out.push(
    `${machineLine(latest)} Peers: ${versions} (pinned in \`bench/peers/package-lock.json\`, installed by the bench alone).`,
    '',
    "Every figure is a cold process, spawned with the `report-rss.cjs` preload (peers too: their JS entry under `node`, no npx). Each pair runs alternately, codebook then peer, after one untimed warm-up of each; medians of n. Inputs: one synthetic catalog per size (`synth-catalog.mjs`: en/ja/ko, ~10% of messages with arguments); i18next-resources-for-ts and i18next-conv read the i18next JSON that codebook generates from it, formatjs reads the same ICU source texts as extracted-messages JSON (one file per locale), the validate baseline reads the same source files. A peer whose exit code is not 0 or whose output files are missing or short is reported as failed, never timed. The machine is shared: a run during which other processes used over half a core (read from /proc/stat) is measured again after the machine quietens, up to 3 times, then kept and counted as contended. Ratio = codebook median ÷ peer median (below 1: codebook is faster). The targets are issue 13's, stated for 100k keys: a verdict in parentheses is for another size, for information. See bench/README.md.",
    '',
    runsTable(latest),
    '',
  );
  const before = Object.keys(baseline.sizes ?? {}).length ? baseline : undefined;
  const sameAsBaseline = before && Object.values(latest.sizes).every((entry) => sameRun(before.sizes?.[entry.label], entry));
  out.push(
    `### Latest${sameAsBaseline ? ' = the "before" baseline of issue 13' : ''}`,
    '',
    table(latest, sameAsBaseline ? undefined : before),
    '',
  );
  if (Object.values(latest.sizes).some((e) => e.rows.some((r) => r.codebook.reused)))
    out.push('¹ the all-targets runs of the main benchmark above, same run (not measured twice).', '');
  const scaling = scalingLine(latest);
  if (scaling) out.push(scaling, '');
  if (before && sameAsBaseline) {
    out.push(
      `These figures are recorded as the **before** baseline of issue 13 (\`bench/peers/baseline.json\`, written by \`--save-baseline\`; checkout ${checkouts(before)}). Later runs show them in a "before" column.`,
      '',
    );
  } else if (before) {
    out.push('### Before (baseline of issue 13)', '', runsTable(before), '', table(before), '');
  }
  out.push(END);
  return out.join('\n');
}

/** Puts the section into an existing RESULTS.md text: in place of the old one, else before the published peers, else at the end. */
export function withPeersSection(text, section = peersSection()) {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) return `${text.slice(0, a)}${section}${text.slice(b + END.length)}`;
  const p = text.indexOf(PUBLISHED_HEADING);
  if (p >= 0) return `${text.slice(0, p)}${section}\n\n${text.slice(p)}`;
  return `${text.trimEnd()}\n\n${section}\n`;
}

/** Rewrites the peers section of the results file alone (`--peers-only`). */
export function updateResultsFile(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# codebook benchmark results\n';
  writeFileSync(file, withPeersSection(text));
}

/** The table for the terminal: aligned columns. */
export function consoleTable(store, labels) {
  const head = ['job', 'size', 'n', 'codebook', 'peer', 'ratio', 'RSS codebook', 'RSS peer', 'target', 'verdict'];
  const lines = [head];
  for (const { entry, row } of rowsOf(store)) {
    if (labels && !labels.includes(entry.label)) continue;
    const e = evaluate(row, entry);
    const nn = String(Math.max(e.codebook?.n ?? 0, e.peer?.n ?? 0) || '–');
    const job = row.peer
      ? `${row.job.replace(/ vs .*/, '').replace(/^codebook /, '')} vs ${peerName(row)}`
      : row.job.replace(/^codebook, /, '');
    lines.push([
      job,
      sizeText(entry),
      nn,
      row.codebook.failure ? 'FAILED' : s(e.codebook?.wall),
      !row.peer ? '–' : row.peer.failure ? 'FAILED' : s(e.peer?.wall),
      row.peer ? times(e.ratio) : '–',
      mib(e.codebook?.rss),
      row.peer ? mib(e.peer?.rss) : '–',
      e.target,
      e.verdict.replace(/\*/g, ''),
    ]);
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => String(l[i]).replace(/`/g, '').length)));
  const fmt = (l) =>
    l.map((c, i) => (i >= 2 && i <= 7 ? String(c).padStart(widths[i]) : String(c).replace(/`/g, '').padEnd(widths[i]))).join('  ');
  const failures = rowsOf(store)
    .filter(({ entry }) => !labels || labels.includes(entry.label))
    .flatMap(({ entry, row }) =>
      [
        row.codebook.failure && `${row.id} ${entry.label} codebook: ${row.codebook.failure}`,
        row.peer?.failure && `${row.id} ${entry.label} ${row.peer.label}: ${row.peer.failure}`,
      ].filter(Boolean),
    );
  return [
    fmt(lines[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.slice(1).map(fmt),
    ...(failures.length ? ['', 'failed:', ...failures.map((f) => `  ${f}`)] : []),
  ].join('\n');
}
