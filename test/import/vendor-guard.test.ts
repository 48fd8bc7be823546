/**
 * `codebook import` of a file that is not a vendor error-code document: a
 * PO, a README, an empty file. It used to overwrite locales/<locale>/vendor.json
 * with an empty catalog and exit 0; now such an import, or one that gives
 * fewer than half of the keys of the file it would replace, writes nothing
 * and exits 1 with a located message. Each case hashes locales/ before and
 * after, in a copy of a project.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importVendorDocument, refuseVendorImport } from '../../generator/import/index.js';
import { repoRoot } from '../support/catalogs.js';
import { fixtureCopy, runCli } from '../support/files.js';

/** One hash of every file below `dir`: paths and bytes. */
function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(`${file.slice(dir.length)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex');
}

/** The hazards project with the real 60 KB ja vendor file in it. */
function project(): string {
  const dir = fixtureCopy('hazards', 'codebook-vendor-guard-');
  copyFileSync(join(repoRoot, 'locales/ja/vendor.json'), join(dir, 'locales/ja/vendor.json'));
  return dir;
}

const PO = `msgid ""
msgstr ""
"Language: ja\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello"
msgstr "こんにちは"
`;

describe('codebook import: a file that is not a vendor document changes no byte of locales/', () => {
  const cases: [string, string, string[], string][] = [
    ['a PO file taken as a vendor document (--from pipe-table)', 'ja.po', ['--from', 'pipe-table'], PO],
    ['a README', 'README.md', [], readFileSync(join(repoRoot, 'README.md'), 'utf8')],
    ['an empty file', 'empty.txt', [], ''],
  ];
  for (const [name, file, args, text] of cases) {
    it(name, () => {
      const dir = project();
      writeFileSync(join(dir, file), text);
      const before = hashTree(join(dir, 'locales'));
      const result = runCli(['import', file, '--locale', 'ja', ...args], dir);
      expect(result.code).toBe(1);
      // The README's own tables may one day hold a row the importer reads: then it is too few keys.
      expect(result.stderr).toMatch(
        file === 'README.md'
          ? /\[import\/(nothing-recognised|too-few-keys)\]/
          : /nothing is written to locales\/ja\/vendor\.json\. {2}\[import\/nothing-recognised\]/,
      );
      if (file !== 'README.md') expect(result.stderr).toContain(`${file}:1:1  error  No error-code table recognised in ${file}`);
      expect(result.stderr).toContain('keys recognised in');
      expect(hashTree(join(dir, 'locales'))).toBe(before);
    });
  }

  it("a PO that is not codebook's, detected as PO: every entry reported, nothing written", () => {
    const dir = project();
    writeFileSync(join(dir, 'ja.po'), PO);
    const before = hashTree(join(dir, 'locales'));
    const result = runCli(['import', 'ja.po', '--locale', 'ja'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'ja.po:6:1  error  The entry of msgid "Hello" has no msgctxt (codebook\'s entries are keyed by it); it is not imported.  [po-import/unknown-entry]',
    );
    expect(result.stderr).toContain(
      'ja.po:1:1  error  No entry of ja.po has a msgctxt that is a key of the catalog (1 entry): it is not a PO codebook wrote; nothing is imported.  [po-import/nothing-recognised]',
    );
    expect(result.stderr).not.toContain('[po-import/removed-entry]');
    expect(result.stderr).toContain('codebook: 0 key(s) changed; locales/ja/messages.json unchanged.');
    expect(hashTree(join(dir, 'locales'))).toBe(before);
  });

  it('a document with fewer than half of the keys of the file it would replace', () => {
    const dir = project();
    const vendorKeys = Object.keys(
      (JSON.parse(readFileSync(join(dir, 'locales/ja/vendor.json'), 'utf8')) as { messages: object }).messages,
    ).length;
    expect(vendorKeys).toBeGreaterThan(100);
    writeFileSync(
      join(dir, 'short.txt'),
      '(一)IM SDKのエラーコード\n一般エラーコード\nエラーコード | 説明 |\n4001 | ファイルメッセージの失敗です。 |\n',
    );
    const before = hashTree(join(dir, 'locales'));
    const result = runCli(['import', 'short.txt', '--locale', 'ja'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `short.txt:1:1  error  short.txt gives 1 key, fewer than half of the ${vendorKeys} keys of locales/ja/vendor.json; nothing is written (an import replaces a file only with at least half as many keys).  [import/too-few-keys]`,
    );
    expect(hashTree(join(dir, 'locales'))).toBe(before);
    // Into a file of its own, the same document is written.
    const own = runCli(['import', 'short.txt', '--locale', 'ja', '--out', 'locales/ja/short.json'], dir);
    expect(own.code, own.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'locales/ja/short.json'), 'utf8'))).toMatchObject({
      locale: 'ja',
      messages: { 4001: expect.any(String) },
    });
  });
});

describe('refuseVendorImport', () => {
  const imported = (text: string) => importVendorDocument(text, { locale: 'ja', sourceName: 'doc.txt' });
  const table = (n: number) =>
    `(一)IM SDKのエラーコード\n一般エラーコード\nエラーコード | 説明 |\n${Array.from({ length: n }, (_, i) => `${4001 + i} | 説明 ${i} |`).join('\n')}\n`;
  const file = (n: number) =>
    JSON.stringify({ locale: 'ja', messages: Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), 'x'])) });
  const names = { sourceName: 'doc.txt', out: 'vendor.json' };

  it('refuses no key, and fewer than half of the current keys; accepts half, a new file and a file it cannot read', () => {
    expect(refuseVendorImport(imported(''), undefined, names)?.ruleId).toBe('import/nothing-recognised');
    expect(refuseVendorImport(imported(table(4)), file(9), names)?.ruleId).toBe('import/too-few-keys');
    expect(refuseVendorImport(imported(table(4)), file(8), names)).toBeUndefined();
    expect(refuseVendorImport(imported(table(1)), undefined, names)).toBeUndefined();
    expect(refuseVendorImport(imported(table(1)), '{ not json', names)).toBeUndefined();
  });
});
