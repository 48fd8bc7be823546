/**
 * The file layer (`runXliffImport`: atomic write, --dry-run, a target that
 * does not exist yet) and the unified diff the dry run prints.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseTargetFile, unifiedDiff, xliffLanguages } from '../../../generator/import/xliff/index.js';
import { runXliffImport } from '../../../generator/import/xliff/run.js';
import { loadTestCatalog } from '../../support/catalogs.js';
import { brief, editBlock, exportXliff, replaceOnce, sourceFile } from './helpers.js';

const JA = 'locales/ja/messages.json';

async function project(edit: (xlf: string) => string = (x) => x) {
  const { catalog, files } = await exportXliff('hazards');
  const root = mkdtempSync(join(tmpdir(), 'codebook-xliff-import-'));
  mkdirSync(join(root, 'locales/ja'), { recursive: true });
  writeFileSync(join(root, JA), sourceFile('hazards', JA).text);
  writeFileSync(join(root, 'ja.xlf'), edit(files.get('ja')!));
  return { catalog, root };
}

const reviewed = (xlf: string) =>
  editBlock(xlf, 'unit', '6014', (b) =>
    replaceOnce(replaceOnce(b, 'ログインしていません。', 'ログインされていません。'), 'state="translated"', 'state="reviewed"'),
  );

describe('runXliffImport', () => {
  it('writes the target atomically, naming files relative to the root', async () => {
    const { catalog, root } = await project(reviewed);
    const result = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), targetPath: join(root, JA), catalog, root });
    expect([result.written, result.target, result.changed]).toEqual([true, JA, ['6014']]);
    expect(readFileSync(join(root, JA), 'utf8')).toBe(result.fileText);
    expect(result.fileText).toContain('"6014": { "text": "ログインされていません。", "state": "reviewed" },');
    expect(readdirSync(join(root, 'locales/ja'))).toEqual(['messages.json']);
    expect(result.diff.split('\n').slice(0, 2)).toEqual([`--- ${JA}`, `+++ ${JA}`]);
    expect([...result.texts.keys()]).toEqual(['ja.xlf', JA]);
  });

  it('--dry-run writes nothing and returns the diff', async () => {
    const { catalog, root } = await project(reviewed);
    const before = readFileSync(join(root, JA), 'utf8');
    const result = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), targetPath: join(root, JA), catalog, root, dryRun: true });
    expect(result.written).toBe(false);
    expect(readFileSync(join(root, JA), 'utf8')).toBe(before);
    expect(result.diff).toBe(`--- ${JA}
+++ ${JA}
@@ -8,7 +8,7 @@
     "5": "{count, plural, other {残り # 件のファイル}}",
     "7": "ユーザー {user} がリクエスト上限 {limit, number} 件に達しました。",
     "8": "パーティー 🎉 と '{'波括弧'}'。",
-    "6014": "ログインしていません。",
+    "6014": { "text": "ログインされていません。", "state": "reviewed" },
     "unknown": "不明なエラーです(コード {code})。"
   }
 }
`);
  });

  it('leaves an unchanged target alone (same mtime)', async () => {
    const { catalog, root } = await project();
    const mtime = statSync(join(root, JA)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const result = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), targetPath: join(root, JA), catalog, root });
    expect([result.written, result.changed, result.diff, result.diagnostics]).toEqual([false, [], '', []]);
    expect(statSync(join(root, JA)).mtimeMs).toBe(mtime);
  });

  it('creates a target that does not exist yet, and reads a UTF-16 .xlf', async () => {
    const { catalog, root } = await project(reviewed);
    const xlf = readFileSync(join(root, 'ja.xlf'), 'utf8');
    writeFileSync(
      join(root, 'ja16.xlf'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xlf.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]),
    );
    const result = await runXliffImport({
      xliffPath: join(root, 'ja16.xlf'),
      targetPath: join(root, 'locales/ja/corrections.json'),
      catalog,
      root,
    });
    expect(result.diagnostics).toEqual([]);
    expect(readFileSync(join(root, 'locales/ja/corrections.json'), 'utf8')).toBe(
      '{\n  "locale": "ja",\n  "messages": {\n    "6014": { "text": "ログインされていません。", "state": "reviewed" }\n  }\n}\n',
    );
    expect(result.diff.split('\n').slice(0, 3)).toEqual([
      '--- locales/ja/corrections.json',
      '+++ locales/ja/corrections.json',
      '@@ -0,0 +1,6 @@',
    ]);
  });
});

describe('chooseTargetFile: the last layer file of the locale', () => {
  it('picks corrections.json in the default config and messages.json in the hazards one', async () => {
    const def = await loadTestCatalog('default');
    expect(await chooseTargetFile(def.config, 'ja')).toMatchObject({
      ok: true,
      display: 'locales/ja/corrections.json',
      layer: 'corrections',
      create: false,
    });
    const hazards = await loadTestCatalog('hazards');
    expect(await chooseTargetFile(hazards.config, 'ru')).toMatchObject({
      ok: true,
      display: 'locales/ru/messages.json',
      layer: 'messages',
      create: false,
    });
  });

  it('creates the file a `*` pattern of the last layer names, and refuses to choose between two files', async () => {
    const { config } = await loadTestCatalog('hazards');
    const root = mkdtempSync(join(tmpdir(), 'codebook-xliff-target-'));
    mkdirSync(join(root, 'locales/ja'), { recursive: true });
    mkdirSync(join(root, 'app'), { recursive: true });
    writeFileSync(join(root, 'locales/ja/messages.json'), '{ "locale": "ja", "messages": {} }');
    const layered = {
      ...config,
      root,
      layers: [
        { name: 'messages', files: ['locales/*/messages.json'] },
        { name: 'fixes', files: ['locales/*/fixes.json'] },
      ],
    };
    expect(await chooseTargetFile(layered, 'ja')).toEqual({
      ok: true,
      path: join(root, 'locales/ja/fixes.json'),
      display: 'locales/ja/fixes.json',
      layer: 'fixes',
      create: true,
    });
    writeFileSync(join(root, 'app/a.json'), '{ "locale": "ja", "messages": {} }');
    writeFileSync(join(root, 'app/b.json'), '{ "locale": "ja", "messages": {} }');
    const app = { ...layered, layers: [...layered.layers, { name: 'app', files: ['app/*.json'] }] };
    expect(await chooseTargetFile(app, 'ja')).toEqual({
      ok: false,
      problem: 'Layer "app" has 2 ja files (app/a.json, app/b.json); name the one to update with --out.',
    });
    expect(await chooseTargetFile(app, 'ko')).toMatchObject({ ok: true, display: 'locales/ko/fixes.json', create: true });
  });

  it('runXliffImport without a target path writes the chosen file; --locale must be trgLang', async () => {
    const { catalog, root } = await project(reviewed);
    const { config } = await loadTestCatalog('hazards');
    const rooted = { ...config, root, layers: [...config.layers, { name: 'fixes', files: ['locales/*/fixes.json'] }] };
    const wrong = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), catalog, config: rooted, locale: 'ko' });
    expect(brief(wrong.diagnostics)).toEqual(['xliff-import/locale-mismatch ja.xlf:3:1']);
    expect(wrong.diagnostics[0].message).toBe('trgLang is "ja" but --locale is "ko".');
    const result = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), catalog, config: rooted, locale: 'ja' });
    expect([result.target, result.written, result.changed, result.diagnostics]).toEqual(['locales/ja/fixes.json', true, ['6014'], []]);
    expect(readFileSync(join(root, 'locales/ja/fixes.json'), 'utf8')).toContain(
      '"6014": { "text": "ログインされていません。", "state": "reviewed" }',
    );
    const none = await runXliffImport({ xliffPath: join(root, 'ja.xlf'), catalog });
    expect(none.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['xliff-import/no-target-file', 'No source file to update was named (--out).'],
    ]);
  });

  it('reads the languages of an XLIFF file before importing it', async () => {
    const { files } = await exportXliff('hazards');
    expect(xliffLanguages(files.get('pt-BR')!)).toEqual({ srcLang: 'en', trgLang: 'pt-BR' });
    expect(xliffLanguages('<notxliff/>')).toBeUndefined();
  });
});

/** Applies a unified diff (as unifiedDiff writes it) to `text`. */
function applyDiff(text: string, diff: string): string {
  const old = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let next = 0;
  const lines = diff.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i])!;
    const start = Number(m[1]) - (m[2] === '0' ? 0 : 1);
    while (next < start) out.push(old[next++]);
    for (i++; i < lines.length && !lines[i].startsWith('@@'); i++) {
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      const line = lines[i].slice(1) + (noEol ? '' : '\n');
      if (lines[i][0] === ' ' || lines[i][0] === '-') expect(old[next++]).toBe(line);
      if (lines[i][0] === ' ' || lines[i][0] === '+') out.push(line);
      if (noEol) i++;
    }
    i--;
  }
  while (next < old.length) out.push(old[next++]);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('writes hunks with three lines of context, merged when they touch', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}\n`).join('');
    const b = a.replace('line 2\n', 'line two\n').replace('line 8\n', '').replace('line 19\n', 'line 19\nline 19b\n');
    expect(unifiedDiff(a, b, 'f')).toBe(
      '--- f\n+++ f\n@@ -1,11 +1,10 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n line 6\n line 7\n-line 8\n line 9\n line 10\n line 11\n@@ -17,4 +16,5 @@\n line 17\n line 18\n line 19\n+line 19b\n line 20\n',
    );
  });

  it('marks a last line without newline, and diffs from and to an empty text', () => {
    expect(unifiedDiff('a\nb', 'a\nb\n', 'f')).toBe('--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
    expect(unifiedDiff('', 'x\ny\n', 'f')).toBe('--- f\n+++ f\n@@ -0,0 +1,2 @@\n+x\n+y\n');
    expect(unifiedDiff('x\n', '', 'f')).toBe('--- f\n+++ f\n@@ -1 +0,0 @@\n-x\n');
    expect(unifiedDiff('same\n', 'same\n', 'f')).toBe('');
  });

  it('turns any text into any other (random edits, checked by applying the diff)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const pick = () => Array.from({ length: random(12) }, () => 'abcd'[random(4)] + '\n').join('') + (random(3) === 0 ? 'e' : '');
      const [a, b] = [pick(), pick()];
      const diff = unifiedDiff(a, b, 'f');
      expect(diff === '').toBe(a === b);
      expect(applyDiff(a, diff), JSON.stringify([a, b])).toBe(b);
    }
  });
});
