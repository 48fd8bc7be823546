/**
 * The warm path must never be a different product: after each step of a
 * seeded random sequence of source edits, new files, deletions, renames,
 * broken and repaired files, a warm run (incremental cache on, the watch
 * mode's WarmState kept across runs) writes exactly the bytes a cold run
 * (`--no-cache`, a fresh copy of the same sources, a new output folder)
 * writes, reports the same rules, and after an error leaves the output as
 * it was.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WarmState } from '../../generator/cache/warm.js';
import { generate } from '../../generator/pipeline.js';
import { builtInTargets } from '../../generator/targets/index.js';
import { StageTimer } from '../../generator/stage-timer.js';
import { fixtureCopy, readTree } from '../support/files.js';
import { prng } from '../support/prng.js';

/** Seeded choices, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  const next = prng(seed);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const WORDS = ['again', 'now', 'please', 'soon', 'もう一度', '다시', '🎉', 'café'];

interface Project {
  dir: string;
  /** Keys and locales of the catalog, for new override files. */
  keys: string[];
  locales: string[];
}

/** The hazards fixture with a third layer, `app/*.json`, whose files the steps add, rename and delete. */
function project(): Project {
  const dir = fixtureCopy('hazards', 'codebook-warm-');
  const configPath = join(dir, 'codebook.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { layers: { name: string; files: string[] }[]; locales: string[] };
  config.layers.push({ name: 'app', files: ['app/*.json'] });
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  mkdirSync(join(dir, 'app'));
  // Keys without arguments: any plain text is a valid override of them.
  const registry = JSON.parse(readFileSync(join(dir, 'locales/codes.json'), 'utf8')) as {
    codes: { code?: number; key?: string; range?: number[]; params?: object }[];
  };
  const keys = registry.codes.filter((c) => !c.params && !c.range).map((c) => (c.code !== undefined ? String(c.code) : c.key!));
  return { dir, keys, locales: config.locales };
}

/** The layer files a step may edit: every messages file and every app file. */
function messageFiles(dir: string): string[] {
  const locales = readdirSync(join(dir, 'locales'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `locales/${e.name}/messages.json`);
  const app = readdirSync(join(dir, 'app')).map((f) => `app/${f}`);
  return [...locales, ...app].filter((f) => existsSync(join(dir, f)));
}

type Step = (p: Project, r: ReturnType<typeof random>) => string;

const STEPS: Record<string, Step> = {
  /** Appends a word to one text (a string, or the text of an entry object); ICU stays valid (no braces or quotes added). */
  edit: ({ dir }, r) => {
    const file = r.pick(messageFiles(dir));
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { messages?: Record<string, string | { text?: string }> };
    const keys = Object.keys(data.messages ?? {});
    if (keys.length === 0) return `edit: ${file} has no messages`;
    const key = r.pick(keys);
    const value = data.messages![key]!;
    const word = r.pick(WORDS);
    if (typeof value === 'string') data.messages![key] = `${value} ${word}`;
    else if (value.text !== undefined) value.text = `${value.text} ${word}`;
    writeFileSync(join(dir, file), `${JSON.stringify(data, null, r.next() < 0.5 ? 2 : 1)}\n`);
    return `edit ${file} ${key}`;
  },
  /**
   * Appends a word to one text in place, the file's formatting kept (what an editor's save does):
   * the edit a warm run merges alone (cache/edited-catalog.ts). Sometimes two texts of one file.
   */
  inPlace: ({ dir }, r) => {
    const file = r.pick(messageFiles(dir));
    let text = readFileSync(join(dir, file), 'utf8');
    const data = JSON.parse(text) as { messages?: Record<string, string | { text?: string }> };
    const keys = Object.keys(data.messages ?? {});
    if (keys.length === 0) return `inPlace: ${file} has no messages`;
    const edited: string[] = [];
    for (let n = r.next() < 0.3 ? 2 : 1; n > 0; n--) {
      const key = r.pick(keys);
      const value = data.messages![key]!;
      const old = typeof value === 'string' ? value : value.text;
      const at = old === undefined ? -1 : text.indexOf(JSON.stringify(old));
      if (old === undefined || at < 0) continue;
      text = `${text.slice(0, at)}${JSON.stringify(`${old} ${r.pick(WORDS)}`)}${text.slice(at + JSON.stringify(old).length)}`;
      edited.push(key);
    }
    writeFileSync(join(dir, file), text);
    return `inPlace ${file} ${edited.join(' ')}`;
  },
  /** A new app file overriding one key in one locale (sometimes as a reviewed entry with a note). */
  add: ({ dir, keys, locales }, r) => {
    const name = `app/${Math.floor(r.next() * 1e6)}.json`;
    const key = r.pick(keys);
    const text = `Override ${r.pick(WORDS)}`;
    const entry = r.next() < 0.5 ? text : { text, state: 'reviewed', note: `from ${name}` };
    const locale = r.pick(locales);
    writeFileSync(join(dir, name), `${JSON.stringify({ locale, messages: { [key]: entry } }, null, 2)}\n`);
    return `add ${name} (${locale} ${key})`;
  },
  remove: ({ dir }, r) => {
    const app = readdirSync(join(dir, 'app'));
    if (app.length === 0) return 'remove: no app file';
    const name = r.pick(app);
    rmSync(join(dir, 'app', name));
    return `remove app/${name}`;
  },
  /** The same bytes under another name: only origins (file names in the review, the catalog snapshot…) change. */
  rename: ({ dir }, r) => {
    const app = readdirSync(join(dir, 'app'));
    if (app.length === 0) return 'rename: no app file';
    const name = r.pick(app);
    const to = `${Math.floor(r.next() * 1e6)}.json`;
    renameSync(join(dir, 'app', name), join(dir, 'app', to));
    return `rename app/${name} → app/${to}`;
  },
  /** Invalid JSON in an app file: both runs fail the same way; the next add, remove or rename may repair it. */
  break: ({ dir }, r) => {
    const name = `app/${Math.floor(r.next() * 1e6)}.json`;
    writeFileSync(join(dir, name), '{ "locale": "ja", "messages": { "6014": "broken", } ');
    return `break ${name}`;
  },
  touch: ({ dir }, r) => {
    const file = r.pick(messageFiles(dir));
    writeFileSync(join(dir, file), readFileSync(join(dir, file)));
    return `touch ${file}`;
  },
};

/** Repairs every broken app file (the runs after a `break` step must get back to output). */
function repair(dir: string): void {
  for (const name of readdirSync(join(dir, 'app')))
    if (readFileSync(join(dir, 'app', name), 'utf8').includes('"broken", }')) rmSync(join(dir, 'app', name));
}

/** A cold run: the sources of `dir` copied into a fresh folder, no cache, a new output folder. */
async function coldRun(dir: string) {
  const cold = mkdtempSync(join(tmpdir(), 'codebook-cold-'));
  cpSync(dir, cold, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)([\\/]|$)/.test(path.slice(dir.length)) });
  const result = await generate({ config: join(cold, 'codebook.config.json'), cwd: cold, cache: false });
  return { result, out: join(cold, 'dist'), dir: cold };
}

const errorsOf = (diagnostics: { ruleId: string; severity: string }[]) =>
  diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => d.ruleId)
    .sort();

/** Every layer file's text by path. */
function sourceFiles(dir: string): Map<string, string> {
  const paths = [...messageFiles(dir), 'locales/codes.json'];
  return new Map(paths.map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/**
 * Gives each file a step changed or added an mtime a minute old (a distinct one per step), as if
 * saved a while before the run: no file is then too recent to trust by size and mtime, so a run
 * after a save in place reads the saved file alone (cache/partial-source.ts).
 */
function ageChangedFiles(dir: string, before: ReadonlyMap<string, string>, save: number): void {
  const at = new Date(Date.now() - 60_000 + save);
  for (const [path, text] of sourceFiles(dir)) if (before.get(path) !== text) utimesSync(join(dir, path), at, at);
}

/** The project's config limited to `targets` (the cold run copies it). */
function limitTargets(p: Project, targets: readonly string[]): void {
  const file = join(p.dir, 'codebook.config.json');
  writeFileSync(file, `${JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), targets }, null, 2)}\n`);
}

describe('warm runs equal cold runs', () => {
  /** Targets spliced, and edits merged alone, over every sequence: both must be among what is compared. */
  let spliced = 0;
  let mergedAlone = 0;
  let readInPart = 0;
  /** Runs that laid a changed file out from its last layout (cache/relayout.ts). */
  let relaid = 0;
  /** Runs whose QA reviewed only the edited keys (cache/warm-review.ts): their findings must be among what is compared. */
  let warmReviews = 0;
  /** Runs that spliced the review's rows though the rules found changed (rows name rules by id, not by their place among them). */
  let reviewSplicedNewRules = 0;
  /** Runs that merged the edited keys alone and spliced the review from them (its QA and plan without the whole catalog). */
  let reviewMergedAlone = 0;
  afterAll(() => {
    expect(spliced).toBeGreaterThan(0);
    expect(mergedAlone).toBeGreaterThan(0);
    expect(readInPart).toBeGreaterThan(0);
    expect(relaid).toBeGreaterThan(0);
    expect(warmReviews).toBeGreaterThan(0);
    expect(reviewSplicedNewRules).toBeGreaterThan(0);
    expect(reviewMergedAlone).toBeGreaterThan(0);
  });

  // Sequences 4 and 5 leave out the review; from 4 on, half the steps are saves in place, which can be merged alone.
  for (const seed of [1, 2, 3, 4, 5, 6, 7]) {
    it(`after every step of random sequence ${seed}`, async () => {
      const p = project();
      const withReview = seed <= 3 || seed > 5;
      if (!withReview)
        limitTargets(
          p,
          builtInTargets.map((t) => t.id).filter((id) => id !== 'review'),
        );
      const r = random(seed);
      const warm = new WarmState();
      const config = join(p.dir, 'codebook.config.json');
      const first = await generate({ config, cwd: p.dir, cache: true, warm });
      expect(errorsOf(first.diagnostics)).toEqual([]);
      const rulesOf = (findings: readonly { ruleId: string }[] = []) => [...new Set(findings.map((f) => f.ruleId))].sort().join(' ');
      let rules = rulesOf(first.findings);
      const log: string[] = [];
      let saves = 0;
      for (let i = 0; i < 14; i++) {
        // Half the steps are saves in place, so that edits merged alone meet the other steps.
        const kind = seed > 3 && r.next() < 0.5 ? 'inPlace' : r.pick(Object.keys(STEPS));
        if (kind !== 'break' && r.next() < 0.5) repair(p.dir);
        const sources = sourceFiles(p.dir);
        log.push(STEPS[kind]!(p, r));
        ageChangedFiles(p.dir, sources, ++saves);
        const before = existsSync(join(p.dir, 'dist')) ? readTree(join(p.dir, 'dist')) : {};
        const timer = new StageTimer();
        const hot = await generate({ config, cwd: p.dir, cache: true, warm, timer });
        spliced += hot.cache?.spliced?.length ?? 0;
        if (hot.cache?.edited) mergedAlone += 1;
        if (hot.cache?.edited && hot.cache.edited.read < hot.cache.edited.files) readInPart += 1;
        if (hot.cache?.edited?.relaid) relaid += 1;
        if (hot.cache?.edited && hot.cache.spliced?.includes('review')) reviewMergedAlone += 1;
        const stages = new Set(timer.stages.map(([name]) => name));
        if (stages.has('review warm') && !stages.has('review whole')) warmReviews++;
        if (hot.findings && errorsOf(hot.diagnostics).length === 0) {
          if (hot.cache?.spliced?.includes('review') && rulesOf(hot.findings) !== rules) reviewSplicedNewRules++;
          rules = rulesOf(hot.findings);
        }
        const cold = await coldRun(p.dir);
        const context = `seed ${seed}, steps:\n${log.join('\n')}`;
        expect(errorsOf(hot.diagnostics), context).toEqual(errorsOf(cold.result.diagnostics));
        if (errorsOf(cold.result.diagnostics).length > 0) {
          // A failed run leaves the output as the last good run wrote it.
          expect(readTree(join(p.dir, 'dist')), context).toEqual(before);
        } else {
          expect(readTree(join(p.dir, 'dist')), context).toEqual(readTree(cold.out));
          // Whole diagnostics, places included; only the project folder differs (the config's absolute path).
          const plain = (ds: typeof hot.diagnostics, dir: string) => ds.map((d) => JSON.stringify(d).split(dir).join('<project>')).sort();
          expect(plain(hot.diagnostics, p.dir), context).toEqual(plain(cold.result.diagnostics, cold.dir));
          // Findings are computed when the review is rendered (not when its files are reused, nor without the review).
          if (withReview && hot.cache?.reused.includes('review') !== true)
            expect(JSON.stringify(hot.findings), context).toEqual(JSON.stringify(cold.result.findings));
        }
        rmSync(cold.dir, { recursive: true, force: true });
      }
      // The warm side really is warm: after a repair, a file rewritten with the same bytes is a cache hit.
      repair(p.dir);
      expect(errorsOf((await generate({ config, cwd: p.dir, cache: true, warm })).diagnostics)).toEqual([]);
      STEPS.touch!(p, r);
      const hit = await generate({ config, cwd: p.dir, cache: true, warm });
      expect(hit.cache?.state).toBe('hit');
      const cold = await coldRun(p.dir);
      expect(readTree(join(p.dir, 'dist'))).toEqual(readTree(cold.out));
      rmSync(cold.dir, { recursive: true, force: true });
      rmSync(p.dir, { recursive: true, force: true });
    }, 120_000);
  }
});
