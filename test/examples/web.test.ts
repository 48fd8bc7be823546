/**
 * examples/web, built by Vite for production and driven in Chromium.
 * - The build must put each locale's bundle in a chunk of its own.
 * - The page must fetch a locale's chunk only when that locale is used.
 * - Every text shown must be the catalog's text: exact code, range, unknown code, and English
 *   for a locale the catalog lacks.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionOf } from '../../dist/types/index.js';
import { haveTools, launchChromium } from '../support/toolchain.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const exampleRoot = join(repoRoot, 'examples/web');
const bundlesDir = join(repoRoot, 'dist/i18next');
const screenshot = join(repoRoot, 'test/artifacts/web-example.png');

/** The generated bundles, read as the page must show them. */
const locales = readdirSync(bundlesDir).sort();
const bundle = (lng: string): Record<string, string> => JSON.parse(readFileSync(join(bundlesDir, lng, 'errors.json'), 'utf8'));
const en = bundle('en');
const ja = bundle('ja');
const ko = bundle('ko');

/** A locale the example offers but the catalog lacks. */
const missingLocale = 'fr';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Serves `dir` read-only on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The locale of a chunk file name such as assets/errors.ja-Bx12.js. */
const chunkLocale = (name: string) => /(?:^|\/)errors\.([A-Za-z0-9-]+?)-[\w-]+\.js$/.exec(name)?.[1];

describe('examples/web production build', () => {
  let outDir = '';
  let chunks: Rolldown.OutputChunk[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'codebook-web-'));
    const result = await build({ root: exampleRoot, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const outputs = Array.isArray(result) ? result : [result];
    chunks = outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('puts each locale in a chunk of its own, outside the entry chunk', () => {
    const bundleModule = (lng: string) => join(bundlesDir, lng, 'errors.json');
    for (const lng of locales) {
      const holding = chunks.filter((c) => c.moduleIds.includes(bundleModule(lng)));
      expect(holding.map((c) => c.fileName), lng).toHaveLength(1);
      const [chunk] = holding;
      expect(chunk.isDynamicEntry).toBe(true);
      expect(chunk.isEntry).toBe(false);
      expect(chunk.moduleIds).toEqual([bundleModule(lng)]);
      expect(chunkLocale(chunk.fileName)).toBe(lng);
    }
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry).toHaveLength(1);
    expect(entry[0].moduleIds.filter((id) => id.endsWith('.json'))).toEqual([]);
    // No locale's text leaks into the entry chunk.
    for (const text of [en['6014'], ja['6014'], ko['6014']]) expect(entry[0].code).not.toContain(text);
    // The files on disk: one errors.<locale> chunk per locale, nothing more.
    const files = readdirSync(join(outDir, 'assets'));
    expect(files.map(chunkLocale).filter(Boolean).sort()).toEqual(locales);
  });

  describe.skipIf(!haveTools('/usr/bin/chromium'))('in Chromium', () => {
    let server: Server | undefined;
    let origin = '';
    let browser: Browser | undefined;
    let page: Page;
    /** Path of every request, in order. */
    const requests: string[] = [];
    const failures: string[] = [];

    /** The locales whose chunks the page has requested so far, in order. */
    const fetchedLocales = () => requests.map(chunkLocale).filter((l): l is string => l !== undefined);

    /** Enters a code and a locale, waits for the page to show them, and returns what it shows. */
    async function lookUp(code: string, lng: string) {
      await page.getByTestId('code').fill(code);
      await page.getByTestId('locale').selectOption(lng);
      const result = page.locator(`[data-testid="result"][data-state="ready"][data-code="${code}"][data-lng="${lng}"]`);
      await result.waitFor();
      return {
        message: await page.getByTestId('message').textContent(),
        key: await page.getByTestId('key').textContent(),
        section: await page.getByTestId('section').textContent(),
        fallback: await page.getByTestId('fallback').textContent(),
        usedLng: await result.getAttribute('data-used-lng'),
        kind: await result.getAttribute('data-kind'),
      };
    }

    beforeAll(async () => {
      ({ server, origin } = await serve(outDir));
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 900, height: 640 } });
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') failures.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
      });
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
    });

    it('shows catalog texts, loading each locale only when it is used', async () => {
      await page.goto(`${origin}/`);
      await page.locator('[data-testid="result"][data-state="ready"][data-lng="en"]').waitFor();
      // English is the start locale and fallbackLng: the only chunk needed so far.
      expect(fetchedLocales()).toEqual(['en']);

      const inJa = await lookUp('6014', 'ja');
      expect(inJa).toMatchObject({ message: ja['6014'], key: '6014', section: sectionOf['6014'], usedLng: 'ja', kind: 'exact' });
      expect(fetchedLocales()).toEqual(['en', 'ja']); // no ko chunk while only ja has been used

      const inKo = await lookUp('6014', 'ko');
      expect(inKo).toMatchObject({ message: ko['6014'], usedLng: 'ko', kind: 'exact' });
      expect(fetchedLocales()).toEqual(['en', 'ja', 'ko']);

      const inEn = await lookUp('6014', 'en');
      expect(inEn).toMatchObject({ message: en['6014'], usedLng: 'en', kind: 'exact' });

      const negative = await lookUp('-302', 'ja');
      expect(negative).toMatchObject({ message: ja['-302'], key: '-302', usedLng: 'ja' });

      const range = await lookUp('125000', 'en');
      expect(range).toMatchObject({ message: en['120001-130000'], key: '120001-130000', section: sectionOf['120001-130000'], kind: 'range' });
      expect(range.fallback).toContain('falls in the range 120001-130000');
      const rangeKo = await lookUp('125000', 'ko');
      expect(rangeKo).toMatchObject({ message: ko['120001-130000'], usedLng: 'ko', kind: 'range' });

      const unknownEn = await lookUp('424242', 'en');
      expect(unknownEn).toMatchObject({ message: 'Unknown error (code 424242).', key: 'unknown', section: sectionOf.unknown, kind: 'unknown' });
      expect(unknownEn.message).toBe(en.unknown.replace('{{code}}', '424242'));
      const unknownJa = await lookUp('424242', 'ja');
      expect(unknownJa).toMatchObject({ message: ja.unknown.replace('{{code}}', '424242'), usedLng: 'ja', kind: 'unknown' });
      expect(unknownJa.message).toContain('424242');

      // A locale the catalog lacks: English text, and no request for a bundle that does not exist.
      const missing = await lookUp('6014', missingLocale);
      expect(missing).toMatchObject({ message: en['6014'], usedLng: 'en', kind: 'exact' });
      expect(missing.fallback).toContain(`locale ${missingLocale} has no text`);
      expect(missing.fallback).toContain('fallbackLng en');
      expect(await page.getByTestId('message').getAttribute('lang')).toBe('en');

      // Each chunk was fetched once, whatever the number of switches.
      expect(fetchedLocales()).toEqual(['en', 'ja', 'ko']);
      expect(requests.filter((path) => path.endsWith('.json'))).toEqual([]);
      expect(failures).toEqual([]);
      expect(await page.getByTestId('error').isHidden()).toBe(true);

      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(relative(repoRoot, screenshot)).toBe('test/artifacts/web-example.png');
    });

    it('opens straight into a locale from the URL and fetches only that chunk and the fallback', async () => {
      const fresh = await browser!.newPage();
      const seen: string[] = [];
      fresh.on('request', (request) => seen.push(new URL(request.url()).pathname));
      await fresh.goto(`${origin}/?code=6014&lng=ja`);
      await fresh.locator('[data-testid="result"][data-state="ready"][data-code="6014"][data-lng="ja"]').waitFor();
      expect(await fresh.getByTestId('message').textContent()).toBe(ja['6014']);
      expect(seen.map(chunkLocale).filter(Boolean).sort()).toEqual(['en', 'ja']);
      await fresh.close();
    });
  });
});
