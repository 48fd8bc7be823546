/**
 * The warm path of an edit (generator/cache/warm-edit.ts), case by case: the
 * targets that declare `entriesByKey` splice the edited keys' entries, those
 * that read no translation (or the same digest of them) keep their files,
 * and every case a splice cannot
 * be sure of falls back to planning whole. After every run the output and
 * the diagnostics are a cold run's, byte for byte and field for field.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { StageTimer } from '../../generator/stage-timer.js';
import { builtInTargets } from '../../generator/targets/index.js';
import { fixtureCopy, readTree } from '../support/files.js';

const SPLICING = builtInTargets.filter((t) => t.entriesByKey).map((t) => t.id);

/** A warm run (the incremental cache on) with the stages it went through. */
async function warmRun(dir: string) {
  const timer = new StageTimer();
  const result = await generate({ config: join(dir, 'codebook.config.json'), cwd: dir, cache: true, timer });
  const stages = new Set(timer.stages.map(([name]) => name));
  return { result, stages, spliced: SPLICING.filter((id) => stages.has(`splice ${id}`) && !stages.has(`plan ${id}`)) };
}

/** The same sources run cold in a fresh folder: what the warm run must equal. */
async function expectCold(dir: string, warm: Awaited<ReturnType<typeof warmRun>>): Promise<void> {
  const cold = mkdtempSync(join(tmpdir(), 'codebook-warm-edit-cold-'));
  try {
    cpSync(dir, cold, { recursive: true, filter: (path) => !/[\\/](dist|node_modules)([\\/]|$)/.test(path.slice(dir.length)) });
    const result = await generate({ config: join(cold, 'codebook.config.json'), cwd: cold, cache: false });
    expect(readTree(join(dir, 'dist'))).toEqual(readTree(join(cold, 'dist')));
    const plain = (ds: typeof result.diagnostics) => ds.map((d) => JSON.stringify(d)).sort();
    expect(plain(warm.result.diagnostics)).toEqual(plain(result.diagnostics));
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}

/** Rewrites one key's text in a locale's messages file (a string or an entry's `text`). */
function editText(dir: string, locale: string, key: string, edit: (text: string) => string): void {
  const file = join(dir, `locales/${locale}/messages.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { messages: Record<string, string | { text: string }> };
  const value = data.messages[key]!;
  if (typeof value === 'string') data.messages[key] = edit(value);
  else value.text = edit(value.text);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

async function freshProject(): Promise<string> {
  const dir = fixtureCopy('hazards', 'codebook-warm-edit-');
  expect((await warmRun(dir)).result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return dir;
}

describe('a warm edit', () => {
  it('splices every entriesByKey target, keeps the targets that read no text, and equals a cold run, edit after edit', async () => {
    const dir = await freshProject();
    expect(SPLICING.length).toBeGreaterThanOrEqual(8);
    for (const [locale, key, word] of [
      ['ja', '1', '今すぐ'],
      ['en', '2', 'really'],
      ['ja', '1', 'もう一度'],
      ['fr', '1', 'encore'],
    ] as const) {
      // The word goes first: the end punctuation stays, and so does the set of rules found (a new one re-renders every review row).
      editText(dir, locale, key, (text) => `${word} ${text}`);
      const run = await warmRun(dir);
      expect(run.spliced, `${locale} ${key}`).toEqual(SPLICING);
      expect(run.result.cache?.spliced).toEqual(SPLICING);
      // Targets that read no text keep their files; those that read a digest of the texts keep them when the digests are as they were.
      const keeping = builtInTargets.filter((t) => t.readsNoTranslations || t.translationDigest).map((t) => t.id);
      expect(run.result.cache?.reused).toEqual(keeping);
      await expectCold(dir, run);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans whole what the edit changes beyond its entries: a text that stops being plural (its .stringsdict entry goes)', async () => {
    const dir = await freshProject();
    editText(dir, 'ja', '5', () => '残り {count, number} 件のファイル');
    const run = await warmRun(dir);
    expect(run.spliced).not.toContain('apple');
    expect(run.spliced).toContain('gettext');
    await expectCold(dir, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a source text with arguments is a literal type: its edit plans types, and the lookup tables still keep their files', async () => {
    const dir = await freshProject();
    editText(dir, 'en', '7', (text) => `${text} Really.`);
    const run = await warmRun(dir);
    expect(run.result.cache?.reused).not.toContain('types');
    expect(run.result.cache?.reused).toContain('lookup-kotlin');
    expect(run.stages).toContain('plan types');
    await expectCold(dir, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a reformatted file moves every origin: the targets that print them still equal a cold run', async () => {
    const dir = await freshProject();
    const file = join(dir, 'locales/en/messages.json');
    writeFileSync(file, `\n\n${JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 4)}\n`);
    await expectCold(dir, await warmRun(dir));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a key added before the others moves every key place: origins in the files it left alone are still placed right, then and at the next edits', async () => {
    const dir = await freshProject();
    const registry = join(dir, 'locales/codes.json');
    const codes = JSON.parse(readFileSync(registry, 'utf8')) as { codes: object[] };
    codes.codes.unshift({ code: -999, section: 'general', description: 'Added before every other code.' });
    writeFileSync(registry, `${JSON.stringify(codes, null, 2)}\n`);
    const en = join(dir, 'locales/en/messages.json');
    const messages = JSON.parse(readFileSync(en, 'utf8')) as { messages: Record<string, unknown> };
    messages.messages = { '-999': 'Added.', ...messages.messages };
    writeFileSync(en, `${JSON.stringify(messages, null, 2)}\n`);
    await expectCold(dir, await warmRun(dir)); // ja, fr… unchanged: their layouts name the keys by their old places
    for (const locale of ['ja', 'fr', 'ja']) {
      editText(dir, locale, '1', (text) => `もう一度 ${text}`);
      await expectCold(dir, await warmRun(dir));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('an overridden file template is never spliced: its target plans whole', async () => {
    const dir = await freshProject();
    const configPath = join(dir, 'codebook.config.json');
    mkdirSync(join(dir, 'tpl/java'), { recursive: true });
    writeFileSync(join(dir, 'tpl/java/bundle.properties.hbs'), `# mine\n${readFileSync('templates/java/bundle.properties.hbs', 'utf8')}`);
    writeFileSync(
      configPath,
      readFileSync(configPath, 'utf8').replace('"out": "dist"', '"out": "dist",\n  "templates": { "java": "tpl/java" }'),
    );
    await warmRun(dir);
    editText(dir, 'ja', '1', (text) => `${text} 再び`);
    const run = await warmRun(dir);
    expect(run.spliced).not.toContain('java');
    expect(run.spliced).toContain('gettext');
    await expectCold(dir, run);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a missing or broken entry index costs a full run, never a wrong one', async () => {
    const dir = await freshProject();
    const cache = join(dir, 'node_modules/.cache/codebook');
    const [index] = readdirSync(cache).filter((f) => f.endsWith('.entries.bin'));
    for (const garbage of [Buffer.from([1, 2, 3]), Buffer.alloc(0), Buffer.from('{"format":1}')]) {
      writeFileSync(join(cache, index!), garbage);
      editText(dir, 'ja', '1', (text) => `${text} 再`);
      const run = await warmRun(dir);
      expect(run.spliced).toEqual([]);
      await expectCold(dir, run);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
