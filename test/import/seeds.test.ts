/**
 * The real vendor documents in ../shared/seeds (outside this repo; skipped,
 * loudly, when absent). Importing each seed must reproduce the committed
 * locales/<locale>/vendor.json byte for byte. To rewrite those files after a
 * deliberate importer change:
 *   CODEBOOK_WRITE_VENDOR_LOCALES=1 npx vitest run test/import/seeds.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareImportedKeys,
  formatImportReport,
  importVendorDocument,
  type ImportResult,
  SECTION_IDS,
} from '../../generator/import/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');
const exists = existsSync(seedsDir);
const WRITE = process.env.CODEBOOK_WRITE_VENDOR_LOCALES === '1';

if (!exists) {
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! SKIPPED the real vendor seed tests: ${seedsDir} does not exist.\n` +
      `!! locales/ja/vendor.json and locales/ko/vendor.json are NOT verified.\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
}

const SEEDS = [
  { locale: 'ja', file: 'chat-error-codes.ja.txt' },
  { locale: 'ko', file: 'chat-error-codes.ko.txt' },
] as const;
type Locale = (typeof SEEDS)[number]['locale'];

interface Seed {
  locale: Locale;
  file: string;
  text: string;
  result: ImportResult;
}

type FileMessage = string | { text?: string; doubts?: string[] };

describe.skipIf(!exists)('real vendor seeds', () => {
  const seeds = {} as Record<Locale, Seed>;

  beforeAll(() => {
    for (const { locale, file } of SEEDS) {
      const text = readFileSync(path.join(seedsDir, file), 'utf8');
      const result = importVendorDocument(text, { locale, sourceName: file });
      seeds[locale] = { locale, file, text, result };
      if (WRITE) {
        mkdirSync(path.join(repoRoot, 'locales', locale), { recursive: true });
        writeFileSync(path.join(repoRoot, 'locales', locale, 'vendor.json'), result.fileText);
      }
    }
  });

  it('detects each shape', () => {
    expect(seeds.ja.result.shape).toBe('pipe-table');
    expect(seeds.ko.result.shape).toBe('pdf-text');
  });

  it.each(SEEDS)('reproduces the committed locales/$locale/vendor.json byte for byte', ({ locale }) => {
    const committed = readFileSync(path.join(repoRoot, 'locales', locale, 'vendor.json'), 'utf8');
    expect(seeds[locale].result.fileText).toBe(committed);
  });

  it('is deterministic', () => {
    for (const s of Object.values(seeds)) {
      expect(importVendorDocument(s.text, { locale: s.locale, sourceName: s.file })).toEqual(s.result);
    }
  });

  it('finds all 18 sections in canonical order in both documents', () => {
    for (const s of Object.values(seeds)) expect(s.result.sections.map((x) => x.id)).toEqual([...SECTION_IDS]);
  });

  it('counts rows, unique keys and empty messages', () => {
    const counts = Object.values(seeds).map((s) => {
      const unique = s.result.sections.reduce((n, x) => n + x.keys.length, 0);
      const duplicates = s.result.report.filter((d) => d.ruleId === 'import/duplicate-row').length;
      const empty = s.result.report.filter((d) => d.ruleId === 'import/empty-message').length;
      console.log(`${s.locale}: ${unique + duplicates} rows, ${unique} unique keys, ${empty} empty messages`);
      return { locale: s.locale, rows: unique + duplicates, unique, empty };
    });
    // ja: 421 row lines = 420 unique keys (with the range 120001-130000) + the repeated 10062.
    expect(counts).toEqual([
      { locale: 'ja', rows: 421, unique: 420, empty: 17 },
      { locale: 'ko', rows: 421, unique: 420, empty: 0 },
    ]);
    const ja = new Set(seeds.ja.result.sections.flatMap((x) => x.keys));
    expect(ja.has('120001-130000')).toBe(true);
    expect(ja.has('10062')).toBe(true);
  });

  it('compares the key sets of ja and ko and reports every difference as a doubt', () => {
    const keys = (s: Seed): Set<string> => new Set(s.result.sections.flatMap((x) => x.keys));
    const [ja, ko] = [keys(seeds.ja), keys(seeds.ko)];
    const onlyJa = [...ja].filter((k) => !ko.has(k));
    const onlyKo = [...ko].filter((k) => !ja.has(k));
    const doubts = compareImportedKeys([
      { sourceName: seeds.ja.file, result: seeds.ja.result },
      { sourceName: seeds.ko.file, result: seeds.ko.result },
    ]);
    console.log(
      `keys only in ja: ${onlyJa.length ? onlyJa.join(', ') : 'none'}; only in ko: ${onlyKo.length ? onlyKo.join(', ') : 'none'}`,
    );
    if (doubts.length > 0) console.log(formatImportReport(doubts));
    expect(doubts.map((d) => `${d.locale}:${d.key}`).sort()).toEqual(
      [...onlyJa.map((k) => `ja:${k}`), ...onlyKo.map((k) => `ko:${k}`)].sort(),
    );
    expect(doubts.every((d) => d.severity === 'warning' && d.ruleId === 'import/key-only-in-locale')).toBe(true);
    expect([onlyJa, onlyKo]).toEqual([[], []]);
  });

  it.each(SEEDS)('writes every $locale message as ICU source that reads back as the vendor text', ({ locale }) => {
    const s = seeds[locale];
    const vendor = vendorTexts(s);
    const messages = JSON.parse(s.result.fileText).messages as Record<string, FileMessage>;
    expect(Object.keys(messages).sort()).toEqual([...vendor.keys()].sort());
    let checked = 0;
    for (const [key, message] of Object.entries(messages)) {
      const source = typeof message === 'string' ? message : message.text;
      if (source === undefined) {
        expect(vendor.get(key), key).toBe('');
        continue;
      }
      const ast = parse(source, { ignoreTag: true });
      expect(ast, key).toEqual([{ type: 0, value: vendor.get(key) }]);
      checked++;
    }
    expect(checked).toBe(locale === 'ja' ? 403 : 420);
  });

  it('reports exactly the expected repairs and doubts', () => {
    const brief = (s: Seed): string[] =>
      s.result.report.map((d) => `${d.place?.line} ${d.severity} ${d.ruleId}${d.key ? ` ${d.key}` : ''}`);
    const jaEmpty: Array<[number, string]> = [
      [40, '6206'],
      [176, '60020'],
      [186, '70003'],
      [187, '70005'],
      [189, '70013'],
      [190, '70014'],
      [191, '70016'],
      [193, '70050'],
      [206, '72001'],
      [214, '40007'],
      [215, '40008'],
      [218, '40605'],
      [219, '40610'],
      [292, '90010'],
      [305, '90043'],
      [349, '10036'],
      [350, '10037'],
    ];
    expect(brief(seeds.ja)).toEqual([
      '1 info import/cover-skipped',
      '3 info import/intro-skipped',
      ...jaEmpty.map(([line, key]) => `${line} warning import/empty-message ${key}`),
      '370 warning import/duplicate-row 10062',
      '462 info import/notes-skipped',
    ]);
    expect(brief(seeds.ko)).toEqual([
      '3 info import/cover-skipped',
      '35 info import/intro-skipped',
      '58 info import/page-break-joined 6019',
      '275 info import/stray-separator',
      '396 info import/range-joined 120001-130000',
      '455 warning import/duplicate-row 10062',
      '558 info import/notes-skipped',
    ]);
    console.log(formatImportReport([...seeds.ja.result.report, ...seeds.ko.result.report]));
  });
});

/**
 * The vendor text of every key, read straight from the seed with simple
 * patterns (first row wins), independent of the importer; the two known
 * multi-line cases of the Korean seed are spelled out.
 */
function vendorTexts(s: Seed): Map<string, string> {
  const lines = s.text.split('\n');
  const out = new Map<string, string>();
  for (const line of lines) {
    const m = s.locale === 'ja' ? /^(-?\d+(?: - \d+)?) \|(.*)$/.exec(line) : /^(-?\d+)\t(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].replace(' - ', '-');
    const text = s.locale === 'ja' ? m[2].replace(/\|\s*$/, '').trim() : m[2].trim();
    if (!out.has(key)) out.set(key, text);
  }
  if (s.locale === 'ko') {
    // 6019 continues after a page break (lines 56 → 58), cut inside 데이|터베이스.
    expect(lines[55].endsWith('또는 데이') && lines[57].startsWith('\t터베이스의')).toBe(true);
    out.set('6019', `${lines[55].split('\t')[1]}${lines[57].slice(1)}`);
    // The range 120001-130000 is split over lines 396-399.
    out.set('120001-130000', out.get('120001')!);
    out.delete('120001');
  }
  return out;
}
