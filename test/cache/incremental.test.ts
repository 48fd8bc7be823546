/**
 * Incremental `generate` through the built binary: a run with no change
 * loads and writes nothing; a changed message rewrites exactly the files
 * whose bytes change; a changed template re-renders only its target; a
 * changed config re-renders everything; `--check` never trusts the cache;
 * a corrupt or missing record only costs a full run. Nothing here is timed:
 * whether a stage ran is read from `--timings`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/catalogs.js';
import { fixtureCopy, markAsWritten, readTree, runCli } from '../support/files.js';

const PAST = new Date('2001-01-01T00:00:00Z');

const run = (args: string[], cwd: string) => runCli(args, cwd);

/** Stage names printed by --timings. */
function stagesOf(stderr: string): string[] {
  return [...stderr.matchAll(/^(\S.*?)\s+\d+\.\d ms$/gm)].map((m) => m[1]!).filter((s) => s !== 'total');
}

const hazardsCopy = () => fixtureCopy('hazards', 'codebook-cache-');

/** Sets every output file's mtime to PAST, so a rewrite shows. */
function age(dist: string): string[] {
  const files = Object.keys(readTree(dist));
  for (const f of files) utimesSync(join(dist, f), PAST, PAST);
  return files;
}

const rewritten = (dist: string, files: string[]) =>
  files.filter((f) => !existsSync(join(dist, f)) || statSync(join(dist, f)).mtime.getTime() !== PAST.getTime());
const cacheFiles = (dir: string) =>
  readdirSync(join(dir, 'node_modules/.cache/codebook'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, 'node_modules/.cache/codebook', f));
const indexFiles = (dir: string) =>
  readdirSync(join(dir, 'node_modules/.cache/codebook'))
    .filter((f) => f.endsWith('.entries.bin'))
    .map((f) => join(dir, 'node_modules/.cache/codebook', f));

describe('incremental generate', () => {
  it('a run with no change loads nothing, writes nothing and says it is up to date', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    const first = run(['generate', '-q', '--timings'], dir);
    expect(first.code).toBe(0);
    expect(stagesOf(first.stderr)).toContain('load layers');
    expect(cacheFiles(dir)).toHaveLength(1);
    // Not under dist/: the record is never output.
    expect(Object.keys(readTree(dist)).some((f) => f.includes('cache'))).toBe(false);
    const before = readTree(dist);
    const mtimes = Object.keys(before).map((f) => statSync(join(dist, f)).mtimeMs);

    const second = run(['generate', '--timings'], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`0 written, ${Object.keys(before).length} unchanged, 0 removed; up to date (cache hit`);
    const stages = stagesOf(second.stderr);
    expect(stages).toContain('cache');
    for (const skipped of ['load layers', 'merge', 'validate', 'review', 'plan i18next', 'render types', 'write'])
      expect(stages).not.toContain(skipped);
    // The warnings of the recorded run are reported again, with their code frames.
    expect(second.stderr).toMatch(/warning {2}Key -302 has no ar text; apps fall back to en\. {2}\[completeness\/missing\]/);
    expect(second.stderr).toContain('     ^');
    expect(Object.keys(before).map((f) => statSync(join(dist, f)).mtimeMs)).toEqual(mtimes);
    expect(readTree(dist)).toEqual(before);

    // Aged files (mtime moved, bytes the same) are hashed and still trusted.
    const files = age(dist);
    const third = run(['generate'], dir);
    expect(third.stderr).toContain('up to date (cache hit');
    expect(rewritten(dist, files)).toEqual([]);
    // --no-cache runs every stage, and still rewrites nothing.
    const full = run(['generate', '--no-cache', '--timings'], dir);
    expect(stagesOf(full.stderr)).toContain('load layers');
    expect(full.stderr).not.toContain('cache hit');
    expect(rewritten(dist, files)).toEqual([]);
  });

  it('a changed message rewrites exactly the files whose bytes change', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const files = age(dist);
    const before = readTree(dist);
    const ja = join(dir, 'locales/ja/messages.json');
    writeFileSync(ja, readFileSync(ja, 'utf8').replace('ログインしていません。', 'まだログインしていません。'));
    const result = run(['generate', '--timings'], dir);
    expect(result.code).toBe(0);
    // An edit inside one entry: that key alone is merged, the review's included (cache/warm-review.ts), not the whole catalog.
    expect(stagesOf(result.stderr)).toContain('load edited keys');
    expect(stagesOf(result.stderr)).not.toContain('load layers');
    const after = readTree(dist);
    const changed = files.filter((f) => before[f] !== after[f]);
    expect(changed).toContain('i18next/ja/errors.json');
    expect(after['i18next/ja/errors.json']).toContain('まだログインしていません。');
    expect(rewritten(dist, files)).toEqual(changed);
    expect(result.stderr).toMatch(
      new RegExp(`codebook: ${changed.length} written, ${files.length - changed.length} unchanged, 0 removed[.;]`),
    );
    // Only texts changed: the targets that promise it splice the edited entries, and those that read no text keep their files.
    expect(stagesOf(result.stderr)).toContain('splice i18next');
    expect(stagesOf(result.stderr)).not.toContain('plan i18next');
    // types and the lookup tables read only source texts and which argument is plural: a ja edit leaves them.
    expect(result.stderr).toContain('cache: merged and checked the 1 edited key(s) alone');
    expect(result.stderr).toContain(
      ' reused 5 unchanged target(s) (types, lookup-kotlin, lookup-java, lookup-swift, lookup-dart); spliced the edited entries into 9 target(s) (i18next, android, apple, flutter, gettext, java, xliff, catalog, review).',
    );
    // And the run after that is a hit again.
    expect(run(['generate'], dir).stderr).toContain('up to date (cache hit');
  });

  it('a changed template override re-renders only its target; a changed config re-renders everything', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    const config = join(dir, 'codebook.config.json');
    mkdirSync(join(dir, 'tpl'));
    cpSync(join(repoRoot, 'templates/java'), join(dir, 'tpl/java'), { recursive: true });
    writeFileSync(config, readFileSync(config, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "templates": { "java": "tpl/java" }'));
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const files = age(dist);
    const before = readTree(dist);

    const template = join(dir, 'tpl/java/bundle.properties.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}# overridden\n`);
    const partial = run(['generate', '--timings'], dir);
    expect(partial.code).toBe(0);
    const stages = stagesOf(partial.stderr);
    expect(stages).toContain('plan java');
    expect(stages.filter((s) => /^(plan|render) /.test(s) && !s.endsWith(' java'))).toEqual([]);
    expect(partial.stderr).toMatch(/cache: reused 13 unchanged target\(s\)/);
    const javaFiles = files.filter((f) => f.startsWith('java/'));
    expect(rewritten(dist, files)).toEqual(javaFiles);
    for (const f of javaFiles) expect(readFileSync(join(dist, f), 'utf8')).toBe(`${before[f]}# overridden\n`);
    // The warnings of the targets not planned again are still reported.
    expect(partial.stderr).toContain('[android/exact-selector-dropped]');

    // A changed config: every stage and every target runs again.
    age(dist);
    writeFileSync(config, readFileSync(config, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "identifierPrefix": "err_"'));
    const full = run(['generate', '--timings'], dir);
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain('cache: reused');
    expect(full.stderr).not.toContain('cache hit');
    for (const stage of ['load layers', 'plan i18next', 'plan android', 'plan java', 'plan review'])
      expect(stagesOf(full.stderr)).toContain(stage);
    expect(readFileSync(join(dist, 'android/values/strings.xml'), 'utf8')).toContain('name="err_6014"');
  });

  it('--check compares real bytes even when the cache says up to date', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    expect(run(['generate', '-q'], dir).code).toBe(0);
    // Same size, same mtime: only reading the bytes can tell.
    const path = join(dist, 'i18next/en/errors.json');
    const { mtime, atime, size } = statSync(path);
    const text = readFileSync(path, 'utf8');
    const edited = text.replace('"6014": "', '"6014": "X').replace(/.\n}\n$/, '\n}\n');
    expect(Buffer.byteLength(edited)).toBe(size);
    writeFileSync(path, edited);
    utimesSync(path, atime, mtime);
    const check = run(['generate', '--check', '--timings'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale     i18next/en/errors.json');
    expect(stagesOf(check.stderr)).toContain('load layers');
    expect(readFileSync(path, 'utf8')).toBe(edited);
    // --no-cache repairs it; then --check passes.
    expect(run(['generate', '-q', '--no-cache'], dir).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(run(['generate', '--check', '-q'], dir).code).toBe(0);
  });

  it('a missing, edited or orphaned output file is not up to date', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const before = readTree(dist);
    rmSync(join(dist, 'types/index.js'));
    writeFileSync(join(dist, 'i18next/en/errors.json'), '{}\n');
    mkdirSync(join(dist, 'i18next/de'));
    writeFileSync(join(dist, 'i18next/de/errors.json'), '{}\n');
    markAsWritten(dist, 'i18next', 'i18next/de/errors.json');
    const repaired = run(['generate'], dir);
    expect(repaired.code).toBe(0);
    expect(repaired.stderr).toMatch(/codebook: 2 written, \d+ unchanged, 1 removed; cache: reused 12 unchanged target\(s\)/);
    expect(readTree(dist)).toEqual(before);
    // A file of the user's beside the output is left alone and does not keep the cache from hitting.
    writeFileSync(join(dist, 'i18next/notes.md'), 'mine\n');
    const again = run(['generate', '-q'], dir);
    expect(again.code).toBe(0);
    expect(run(['generate'], dir).stderr).toContain('up to date (cache hit');
    expect(readTree(dist)).toEqual({ ...before, 'i18next/notes.md': 'mine\n' });
  });

  it('a corrupt record is ignored: a full run, which writes a good record again', () => {
    const dir = hazardsCopy();
    const dist = join(dir, 'dist');
    expect(run(['generate', '-q'], dir).code).toBe(0);
    const files = age(dist);
    const [record] = cacheFiles(dir);
    const [index] = indexFiles(dir);
    for (const garbage of [
      '{"format":1,"key":',
      '{"format":1,"key":"x","targets":[],"diagnostics":[],"entries":{"i18next":{"files":3}}}',
      '\u0000\u0001',
    ]) {
      writeFileSync(record!, garbage);
      writeFileSync(index!, garbage);
      const result = run(['generate', '--timings'], dir);
      expect(result.code).toBe(0);
      expect(stagesOf(result.stderr)).toContain('load layers');
      expect(stagesOf(result.stderr)).toContain('plan i18next');
      expect(result.stderr).toContain(`0 written, ${files.length} unchanged, 0 removed.`);
      expect(rewritten(dist, files)).toEqual([]);
      expect(() => JSON.parse(readFileSync(record!, 'utf8'))).not.toThrow();
    }
    expect(run(['generate'], dir).stderr).toContain('up to date (cache hit');
  });
});
