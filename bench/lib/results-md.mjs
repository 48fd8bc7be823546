// Turns the runner's results object into bench/RESULTS.md: machine, method, a table per size,
// scaling ratios, the tsc table, the peers measured side by side (peers-md.mjs), the peers'
// published figures beside ours, and the goals.
import { existsSync, readFileSync } from 'node:fs';
import { summary } from './measure.mjs';
import { peersSection } from './peers-md.mjs';

/** Peers' figures for 100k keys × 3 locales on a 2-core machine, and which of our runs compares. */
const PEERS = [
  { tool: 'i18next-resources-for-ts `interface`', wallS: 1.0, rssMiB: 203, ours: 'types', note: 'our `types` target' },
  { tool: 'i18next-cli `types`', wallS: 1.2, rssMiB: 202, ours: 'types', note: 'our `types` target' },
  { tool: '@formatjs/cli `compile`', wallS: 2.2, rssMiB: 284, ours: 'i18next', note: 'our `i18next` target (ICU → i18next JSON)' },
  { tool: 'i18next-conv JSON→PO, 3 locales', wallS: 7.3, rssMiB: 285, ours: 'gettext', note: 'our `gettext` target' },
  { tool: 'typesafe-i18n generator', wallS: 13.6, rssMiB: 1332, ours: 'i18next,types', note: 'our `i18next,types` (bundles + types)' },
  {
    tool: 'tsc, 200 typed t() calls, i18next flat resources',
    text: 'fails (too complex)',
    ours: 'tsc-selector',
    note: "tsc, (b) i18next's selector API on our augmentation",
  },
  {
    tool: 'tsc, 200 typed t() calls, plain string-literal key union',
    wallS: 1.9,
    rssMiB: 206,
    ours: 'tsc',
    note: 'tsc, (a) our `messageT` on `types/index.ts`',
  },
];

const s = (ms) =>
  ms === undefined || !Number.isFinite(ms)
    ? '–'
    : Math.abs(ms) < 5
      ? '0.00 s'
      : ms < 10_000
        ? `${(ms / 1000).toFixed(2)} s`
        : `${(ms / 1000).toFixed(1)} s`;
const mib = (kib) => (kib === undefined || !Number.isFinite(kib) ? '–' : `${Math.round(kib / 1024)} MiB`);
const range = (sum, f) => (sum.n > 1 ? `${f(sum.min)}–${f(sum.max)}` : '–');
const pct = (x) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(1)}×` : '–');
const bytes = (b) => (b === undefined ? '–' : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(1)} MiB` : `${Math.round(b / 1024)} KiB`);
const n = (x) => x.toLocaleString('en-US');

export function stats(samples) {
  return {
    wall: summary(samples.map((x) => x.wallMs)),
    rss: summary(samples.map((x) => x.rssKiB)),
    cpu: summary(samples.map((x) => x.cpuMs)),
  };
}

function scenario(size, id) {
  return size?.scenarios.find((x) => x.id === id);
}
const med = (sc) => (sc ? stats(sc.samples).wall.median : undefined);
const medRss = (sc) => (sc ? stats(sc.samples).rss.median : undefined);

function sizeTable(size) {
  const all = med(scenario(size, 'all'));
  const validate = med(scenario(size, 'validate'));
  const rows = [
    '| run | wall median | wall min–max | CPU median | peak RSS median | RSS min–max | share of all | over validate | output |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const sc of size.scenarios) {
    if (sc.samples.length === 0) {
      rows.push(`| ${sc.label} | **failed** | | | | | | | |`);
      continue;
    }
    const st = stats(sc.samples);
    const share = sc.id === 'all' || sc.id === 'validate' ? '' : pct(st.wall.median / all);
    const over = sc.id === 'validate' ? '' : s(st.wall.median - validate);
    const output = sc.files === undefined ? '' : `${sc.files} files, ${bytes(sc.bytes)}`;
    rows.push(
      `| ${sc.label} | ${s(st.wall.median)} | ${range(st.wall, s)} | ${s(st.cpu.median)} | ${mib(st.rss.median)} | ${range(st.rss, mib)} | ${share} | ${over} | ${output} |`,
    );
  }
  const failures = size.scenarios.filter((sc) => sc.failure).map((sc) => `- ${sc.label} failed: ${sc.failure}`);
  return [...rows, ...(failures.length ? ['', ...failures] : [])].join('\n');
}

function scalingTable(results) {
  const byLabel = new Map(results.sizes.map((x) => [x.label, x]));
  const pairs = [
    ['1k', '10k'],
    ['10k', '100k'],
  ].filter(([a, b]) => byLabel.has(a) && byLabel.has(b));
  if (pairs.length === 0) return '_Needs two of the sizes 1k, 10k, 100k._';
  const ids = results.sizes[0].scenarios.map((x) => [x.id, x.label]);
  const rows = [
    `| run | ${pairs.map(([a, b]) => `${a}→${b} wall | ${a}→${b} RSS`).join(' | ')} |`,
    `|---|${pairs.map(() => '---:|---:').join('|')}|`,
  ];
  for (const [id, label] of ids) {
    const cells = pairs.map(([a, b]) => {
      const [x, y] = [scenario(byLabel.get(a), id), scenario(byLabel.get(b), id)];
      return `${ratio(med(y) / med(x))} | ${ratio(medRss(y) / medRss(x))}`;
    });
    rows.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

/** The tsc projects of a size; results written before (a)/(b) had one project, the i18next string-key one. */
function tscProjects(size) {
  const t = size.tsc;
  if (!t) return [];
  if (t.projects) return t.projects;
  return [{ id: 'legacy', label: 'i18next string keys + augmentation (old layout)', ...t }];
}
const tscProject = (size, id) => tscProjects(size).find((p) => p.id === id);

function tscTable(results) {
  const rows = [
    '| size | keys | usage (200 typed calls) | wall median | wall min–max | CPU median | peak RSS | passed | "excessively deep" / "too complex" | tsc errors | types, no calls: wall / CPU / RSS | empty program: wall / CPU / RSS |',
    '|---|---:|---|---:|---:|---:|---:|---|---|---:|---:|---:|',
  ];
  for (const size of results.sizes) {
    const empty = size.tsc?.empty;
    for (const t of tscProjects(size)) {
      const st = stats(t.samples);
      const wall = t.timedOut && t.samples.length === 0 ? `> ${t.timeoutS} s (killed)` : s(st.wall.median);
      const passed = t.timedOut ? '**timed out**' : t.passed ? 'yes' : `**no**${t.outOfMemory ? ' (out of memory)' : ''}`;
      const one = (r) =>
        r
          ? `${r.timedOut ? `> ${t.timeoutS} s` : s(r.wallMs)} / ${s(r.cpuMs)} / ${mib(r.rssKiB)}${r.passed || r.timedOut ? '' : ' (errors)'}`
          : '–';
      rows.push(
        `| ${size.label} | ${n(size.codes)} | ${t.label} | ${wall} | ${range(st.wall, s)} | ${s(st.cpu.median)} | ${mib(st.rss.median)} | ${passed} | ${t.tooComplex ? '**yes**' : 'no'} | ${t.errors} | ${t.typesOnly ? one(t.typesOnly) : t.timedOut ? 'skipped' : '–'} | ${one(empty)} |`,
      );
    }
  }
  return rows.length > 2 ? rows.join('\n') : '_tsc was not run (--no-tsc)._';
}

/** Our figure for a peer row, at 100k. */
function ours(results, key) {
  const big = results.sizes.find((x) => x.label === '100k');
  if (!big) return { text: 'not measured (100k not run)' };
  if (key.startsWith('tsc')) {
    const t = tscProject(big, key === 'tsc-selector' ? 'selector' : 'api') ?? tscProject(big, 'legacy');
    if (!t) return { text: 'not measured' };
    if (t.timedOut && t.samples.length === 0) return { text: `> ${t.timeoutS} s (killed)` };
    const st = stats(t.samples);
    return {
      wallMs: st.wall.median,
      rssKiB: st.rss.median,
      text: `${s(st.wall.median)} / ${mib(st.rss.median)}, ${t.passed ? 'passes' : 'fails'}${t.tooComplex ? ' (too complex)' : ''}${t.outOfMemory ? ' (out of memory)' : ''}`,
    };
  }
  const sc = scenario(big, key);
  if (!sc) return { text: `n/a (no \`${key}\` target)` };
  const st = stats(sc.samples);
  return { wallMs: st.wall.median, rssKiB: st.rss.median, text: `${s(st.wall.median)} / ${mib(st.rss.median)}` };
}

function peersTable(results) {
  const rows = [
    '| peer (100k keys × 3 locales, 2 cores) | peer wall / RSS | ours, comparable run | our wall / RSS (100k) | ours ÷ peer (wall) |',
    '|---|---:|---|---:|---:|',
  ];
  for (const p of PEERS) {
    const o = ours(results, p.ours);
    const peer = p.text ?? `${p.wallS.toFixed(1)} s / ${p.rssMiB} MiB`;
    const vs = p.wallS && o.wallMs ? ratio(o.wallMs / 1000 / p.wallS) : '–';
    rows.push(`| ${p.tool} | ${peer} | ${p.note} | ${o.text} | ${vs} |`);
  }
  return rows.join('\n');
}

function goalsTable(results) {
  const byLabel = new Map(results.sizes.map((x) => [x.label, x]));
  const big = byLabel.get('100k');
  const ten = byLabel.get('10k');
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const goals = [];
  const all = scenario(big, 'all');
  goals.push(['all targets, 100k: wall', '≤ 5 s', all ? s(med(all)) : '–', all ? verdict(med(all) <= 5000) : verdict()]);
  goals.push([
    'all targets, 100k: peak RSS',
    '≤ 1 GiB',
    all ? mib(medRss(all)) : '–',
    all ? verdict(medRss(all) <= 1024 * 1024) : verdict(),
  ]);
  const pair = scenario(big, 'i18next,types');
  goals.push(['i18next + types, 100k', '≤ 1.0 s', pair ? s(med(pair)) : '–', pair ? verdict(med(pair) <= 1000) : verdict()]);
  const gettext = scenario(big, 'gettext');
  const hasGettext = results.targets.includes('gettext');
  goals.push([
    'gettext, 100k: ≥ 5× faster than i18next-conv (7.3 s)',
    '≤ 1.46 s',
    gettext ? `${s(med(gettext))} (i18next-conv ÷ ours = ${(7300 / med(gettext)).toFixed(2)}×)` : hasGettext ? '–' : 'no gettext target',
    gettext ? verdict(med(gettext) <= 1460) : hasGettext ? verdict() : 'n/a',
  ]);
  const def = results.defaultCatalog;
  goals.push([
    'default catalog, all targets',
    '≤ 0.5 s',
    def ? s(stats(def.samples).wall.median) : '–',
    def ? verdict(stats(def.samples).wall.median <= 500) : verdict(),
  ]);
  const scale = big && ten ? med(scenario(big, 'all')) / med(scenario(ten, 'all')) : undefined;
  goals.push(['all targets, 10k → 100k scaling', '≤ 11×', scale ? ratio(scale) : '–', scale ? verdict(scale <= 11) : verdict()]);
  const tsc = big && (tscProject(big, 'api') ?? tscProject(big, 'legacy'));
  const tscWall = tsc && tsc.samples.length ? stats(tsc.samples).wall.median : undefined;
  const tscText = !tsc ? '–' : tscWall === undefined ? `> ${tsc.timeoutS} s (killed)` : `${s(tscWall)}${tsc.passed ? '' : ', fails'}`;
  goals.push([
    'tsc, 200 typed t() calls (recommended API), 100k',
    '≤ 2 s and passes',
    tscText,
    tsc ? verdict(tscWall !== undefined && tscWall <= 2000 && tsc.passed) : verdict(),
  ]);
  const sel = big && tscProject(big, 'selector');
  const selText = !sel
    ? '–'
    : sel.timedOut && sel.samples.length === 0
      ? `> ${sel.timeoutS} s (killed)`
      : `${s(stats(sel.samples).wall.median)}${sel.passed ? ', passes' : ', fails'}${sel.tooComplex ? ' (too complex)' : ''}`;
  goals.push([
    "tsc, 200 calls through i18next's selector API, 100k",
    'passes, never "excessively deep" (time reported)',
    selText,
    sel ? verdict(sel.passed && !sel.tooComplex) : verdict(),
  ]);
  return ['| goal | target | ours (median) | verdict |', '|---|---|---|---|', ...goals.map((g) => `| ${g.join(' | ')} |`)].join('\n');
}

export function resultsMarkdown(results) {
  const m = results.machine;
  const out = [
    '# codebook benchmark results',
    '',
    `Written by \`bench/run.mjs\` (${results.command}); every run overwrites this file. See bench/README.md.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu} |`,
    `| cores | ${m.cores} |`,
    `| memory | ${m.memoryGiB.toFixed(1)} GiB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| date | ${m.date} |`,
    `| checkout | ${m.commit} |`,
    `| build | ${results.build.note} |`,
    `| load average (1 min) | ${results.load.map((l) => `${l.when}: ${l.value.toFixed(2)}`).join(', ')} |`,
    '',
    '## Method',
    '',
    '- Every figure is a **cold process**: `node build/generator/cli.js generate -q -c <config> -o <fresh empty folder>` spawned by the runner, so it includes node start-up, module loading, ajv schema compilation and handlebars template compilation. Wall time is hrtime around the spawn; peak RSS and CPU time (user + system, all threads) come from `process.resourceUsage()` in a preloaded `bench/report-rss.cjs`.',
    `- Catalogs are synthetic (\`bench/synth-catalog.mjs\`, seeded, identical bytes on every run): N registry entries (N = keys), 3 locales (en complete; ja and ko miss ~3%), 2 layers. The same catalog is used for every run of a size.`,
    `- Up to ${results.method.runs} rounds per size; each round runs every scenario once, in turn. No new round starts once a size has used ${results.method.budgetS} s (so the largest size may have fewer runs; n is in each table's title). The figures are medians; min–max shows the spread.`,
    '- "validate only" is `codebook validate -q` on the same catalog: config, load, parse, schema, merge and semantic checks, no render or write — the fixed cost inside every generate run. "over validate" = the run’s median minus that. "share of all" = the run’s median ÷ the all-targets median (single-target runs each pay the fixed cost again, so the shares add up to more than 100%).',
    '- Before the first figure, one untimed run of the default catalog warms the OS file cache.',
    `- tsc: \`node_modules/typescript/bin/tsc -p <project>\` in \`bench/.work/tsc-<size>/\`, where \`types/\` is generated by \`--targets types\` and \`selector/types/\` the same with \`types.i18nextSelector\`. Compiler options, as a typical app has them: \`${JSON.stringify(results.method.tscOptions)}\`. Two usage projects, each with 200 typed calls spread over the catalog (plain, with parameters, plural, negative, range, unknown), 10 \`messageKey()\` + \`t(messageKey(code), { code })\` uses, \`isErrorCode\`, \`sectionOf\`, \`MessageParams\` and one \`@ts-expect-error\` on an unknown key (so a degraded \`string\` key type fails): (a) \`usage.ts\`, the recommended API, \`const t = messageT(i18next); t("<key>", params)\` on \`types/index.ts\` without the i18next augmentation; (b) \`usage-selector.ts\`, i18next’s own \`i18next.t(($) => $["<key>"], params)\` with \`selector/types/i18next.d.ts\`. Two reference runs, once each: the same imports without calls ("types, no calls", per usage) and an empty module ("empty program": tsc’s own start-up and lib cost).`,
    '- The machine may be shared: compare wall with CPU time, and see the load average above. Heavy concurrent load inflates wall time.',
    '',
  ];
  if (results.defaultCatalog) {
    const st = stats(results.defaultCatalog.samples);
    out.push(
      '## Default catalog (repo root config, all targets)',
      '',
      '| keys | wall median | wall min–max | CPU median | peak RSS median | runs |',
      '|---:|---:|---:|---:|---:|---:|',
    );
    out.push(
      `| ${results.defaultCatalog.keys ?? '–'} | ${s(st.wall.median)} | ${range(st.wall, s)} | ${s(st.cpu.median)} | ${mib(st.rss.median)} | ${st.wall.n} |`,
      '',
    );
  }
  out.push(`## Synthetic catalogs (targets: ${results.targets.map((t) => `\`${t}\``).join(', ')})`, '');
  for (const size of results.sizes) {
    const runs = Math.min(...size.scenarios.map((x) => x.samples.length));
    out.push(
      `### ${size.label}: ${n(size.codes)} keys × 3 locales (source ${bytes(size.catalogBytes)}; n = ${runs}; load ${size.load.map((l) => l.toFixed(2)).join(' → ')})`,
      '',
      sizeTable(size),
      '',
    );
  }
  out.push('## Scaling (ratio of medians)', '', scalingTable(results), '', '## tsc on the generated types', '', tscTable(results), '');
  for (const size of results.sizes) {
    for (const t of tscProjects(size)) {
      if (t.timedOut) out.push(`At ${size.label}, ${t.label}: tsc was killed after ${t.timeoutS} s (--tsc-timeout).`, '');
      else if (!t.passed)
        out.push(
          `tsc output at ${size.label}, ${t.label} (first lines):`,
          '',
          '```',
          t.output.split('\n').slice(0, 12).join('\n'),
          '```',
          '',
        );
    }
  }
  out.push(peersSection(), '');
  out.push('## Peers (their published figures) beside ours', '', peersTable(results), '', '## Goals', '', goalsTable(results), '');
  out.push(optimisationLog());
  return out.join('\n');
}

/** The optimisations and the gain each measured when it landed: kept by hand in bench/optimisations.md, carried into every RESULTS.md. */
function optimisationLog() {
  const file = new URL('../optimisations.md', import.meta.url);
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().concat('\n') : '';
}
