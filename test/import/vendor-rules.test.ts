/**
 * The vendor importer's rules that the fixtures do not reach: a heading that
 * repeats a section, a row before any table header, and the round-trip check
 * of the written ICU source (the importer's own safety net, reached here by
 * breaking the check on purpose).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importVendorDocument } from '../../generator/import/index.js';
import { VENDOR_IMPORT_RULES } from '../../generator/import/rules.js';
import { repoRoot } from '../support/catalogs.js';

const rows = (text: string) =>
  importVendorDocument(text, { locale: 'ja', sourceName: 'vendor.txt' }).report.map((d) => [d.place?.line, d.severity, d.ruleId, d.key]);

describe('vendor import: outline rules', () => {
  it('import/duplicate-heading: a heading that repeats a section of its part adds its rows to it', () => {
    const text = [
      '(一)IM SDKのエラーコード',
      '一般エラーコード',
      'エラーコード | 説明 |',
      '4001 | 失敗です。 |',
      '一般エラーコード',
      'エラーコード | 説明 |',
      '4002 | 不正です。 |',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([[5, 'warning', 'import/duplicate-heading', undefined]]);
    expect(importVendorDocument(text, { locale: 'ja', sourceName: 'vendor.txt' }).sections).toEqual([
      { id: 'sdk-general', title: '一般エラーコード', keys: ['4001', '4002'] },
    ]);
  });

  it('import/row-outside-section: a row before any table header of its part', () => {
    const text = ['(一)IM SDKのエラーコード', '4001 | 失敗です。 |', ''].join('\n');
    expect(rows(text)).toContainEqual([2, 'warning', 'import/row-outside-section', '4001']);
  });
});

describe('vendor import: the ICU round trip', () => {
  it('import/icu-round-trip: an ICU source that does not read back as the vendor text is an error', async () => {
    vi.resetModules();
    vi.doMock('../../generator/import/icu-literal.js', async (original) => ({
      ...(await original<object>()),
      isIcuLiteralOf: () => false,
    }));
    try {
      const { importVendorDocument: importBroken } = await import('../../generator/import/index.js');
      const text = ['(一)IM SDKのエラーコード', '一般エラーコード', 'エラーコード | 説明 |', '4001 | 失敗です。 |', ''].join('\n');
      const report = importBroken(text, { locale: 'ja', sourceName: 'vendor.txt' }).report;
      expect(report.map((d) => [d.place?.line, d.severity, d.ruleId, d.key])).toEqual([[4, 'error', 'import/icu-round-trip', '4001']]);
    } finally {
      vi.doUnmock('../../generator/import/icu-literal.js');
      vi.resetModules();
    }
  });
});

describe('vendor import: rules', () => {
  it('every rule has a case in these tests (a failing example asserting its id)', () => {
    const dir = join(repoRoot, 'test/import');
    const tests = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    // Not preceded by a letter or "-": po-import/nothing-recognised is not a case of import/nothing-recognised.
    for (const id of Object.keys(VENDOR_IMPORT_RULES)) expect(new RegExp(`(?<![a-z-])${id}\\b`).test(tests), id).toBe(true);
  });
});
