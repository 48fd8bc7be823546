/**
 * examples/web, built by Vite for production and driven in Chromium.
 * - The build must put each locale's bundle of each namespace in a chunk of its own.
 * - The page must fetch a chunk only when its locale is used (or is on the used locale's fallback chain).
 * - The user sees the catalog's user message and a button for the code's action; support sees the
 *   developer detail (zh-Hant's through the fallback chain) in a collapsed part.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionOf } from '../../dist/types/index.js';
import { haveTools, launchChromium } from '../support/toolchain.js';
import type { Server } from 'node:http';
import { serve } from '../support/static-server.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const exampleRoot = join(repoRoot, 'examples/web');
const bundlesDir = join(repoRoot, 'dist/i18next');
const artifacts = join(repoRoot, 'test/artifacts');

const namespaces = ['errors', 'errors-detail'] as const;
type Namespace = (typeof namespaces)[number];

/** The generated bundles, read as the page must show them. */
const locales = readdirSync(bundlesDir).sort();
const bundle = (lng: string, ns: Namespace): Record<string, string> =>
  JSON.parse(readFileSync(join(bundlesDir, lng, `${ns}.json`), 'utf8'));

/** The page's fallbackLng: zh-Hant → zh-Hans → en, every other locale → en. */
const chain = (lng: string) => (lng === 'zh-Hant' ? ['zh-Hant', 'zh-Hans', 'en'] : lng === 'en' ? ['en'] : [lng, 'en']);

/** The text i18next must find for a key: the first locale of the chain that has it, and that locale. */
function expected(lng: string, ns: Namespace, key: string, code?: number): { text: string; from: string } {
  for (const from of chain(lng)) {
    const text = bundle(from, ns)[key];
    if (text !== undefined) return { text: code === undefined ? text : text.replaceAll('{{code}}', String(code)), from };
  }
  throw new Error(`no ${ns} text for ${key} in ${lng}'s chain`);
}

/** "<namespace>.<locale>" of a chunk file name such as assets/errors-detail.zh-Hans.Bx1-2.js. */
const chunkBundle = (name: string) => /(?:^|\/)(errors(?:-detail)?\.[A-Za-z0-9-]+)\.[\w-]+\.js$/.exec(name)?.[1];
/** Every bundle of these locales, in the same form, sorted. */
const bundlesOf = (...lngs: string[]) => lngs.flatMap((lng) => namespaces.map((ns) => `${ns}.${lng}`)).sort();

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

  it('puts each locale and namespace in a chunk of its own, outside the entry chunk', () => {
    expect(locales).toEqual(['en', 'ja', 'ko', 'zh-Hans', 'zh-Hant']);
    for (const lng of locales) {
      for (const ns of namespaces) {
        const module = join(bundlesDir, lng, `${ns}.json`);
        const holding = chunks.filter((c) => c.moduleIds.includes(module));
        expect(
          holding.map((c) => c.fileName),
          `${ns}.${lng}`,
        ).toHaveLength(1);
        const [chunk] = holding;
        expect(chunk.isDynamicEntry).toBe(true);
        expect(chunk.isEntry).toBe(false);
        expect(chunk.moduleIds).toEqual([module]);
        expect(chunkBundle(chunk.fileName)).toBe(`${ns}.${lng}`);
      }
    }
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry).toHaveLength(1);
    expect(entry[0].moduleIds.filter((id) => id.endsWith('.json'))).toEqual([]);
    // No locale's text leaks into the entry chunk.
    for (const lng of locales) expect(entry[0].code).not.toContain(bundle(lng, 'errors')['6206']);
    expect(entry[0].code).not.toContain(bundle('en', 'errors-detail')['6206']);
    // The files on disk: one chunk per locale and namespace, nothing more.
    const files = readdirSync(join(outDir, 'assets'));
    expect(files.map(chunkBundle).filter(Boolean).sort()).toEqual(bundlesOf(...locales));
  });

  describe.skipIf(!haveTools('/usr/bin/chromium'))('in Chromium', () => {
    let server: Server | undefined;
    let origin = '';
    let browser: Browser | undefined;
    const failures: string[] = [];

    /** A fresh page that records the bundles it fetches and everything that goes wrong. */
    async function openPage(query: string) {
      const page = await browser!.newPage({ viewport: { width: 900, height: 700 } });
      const fetched: string[] = [];
      page.on('request', (request) => {
        const name = chunkBundle(new URL(request.url()).pathname);
        if (name) fetched.push(name);
        if (request.url().endsWith('.json')) failures.push(`json request ${request.url()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') failures.push(`console ${message.type()}: ${message.text()}`);
      });
      await page.goto(`${origin}/${query}`);
      return { page, fetched };
    }

    /** Waits for the page to show this code in this locale, and returns what it shows. */
    async function shown(page: Page, code: string, lng: string) {
      const result = page.locator(`[data-testid="result"][data-state="ready"][data-code="${code}"][data-lng="${lng}"]`);
      await result.waitFor();
      const message = page.getByTestId('message');
      const action = page.getByTestId('action');
      return {
        message: await message.textContent(),
        messageLang: await message.getAttribute('lang'),
        /** Everything the user sees outside "Details for support". */
        userText: await page.getByTestId('notice').innerText(),
        action: (await action.isVisible()) ? await action.getAttribute('data-action') : null,
        actionLabel: await action.textContent(),
        actionLang: await action.getAttribute('lang'),
        detail: await page.getByTestId('detail').textContent(),
        detailLang: await page.getByTestId('detail').getAttribute('lang'),
        key: await page.getByTestId('key').textContent(),
        section: await page.getByTestId('section').textContent(),
        actionOut: await page.getByTestId('action-out').textContent(),
        fault: await page.getByTestId('fault').textContent(),
        detailFrom: await page.getByTestId('detail-from').textContent(),
        usedLng: await result.getAttribute('data-used-lng'),
        detailLng: await result.getAttribute('data-detail-lng'),
      };
    }

    /** Types a code and picks a locale on the open page, then returns what it shows. */
    async function lookUp(page: Page, code: string, lng: string) {
      await page.getByTestId('code').fill(code);
      await page.getByTestId('locale').selectOption(lng);
      return shown(page, code, lng);
    }

    beforeAll(async () => {
      ({ server, origin } = await serve(outDir));
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
    });

    it.each([
      ['en', bundlesOf('en')],
      ['ja', bundlesOf('ja', 'en')],
      ['zh-Hant', bundlesOf('zh-Hant', 'zh-Hans', 'en')],
    ])('6206 in %s: the user message, a sign-in button, and the detail for support', async (lng, chunksNeeded) => {
      const { page, fetched } = await openPage(`?code=6206&lng=${lng}`);
      const seen = await shown(page, '6206', lng);

      const message = expected(lng, 'errors', '6206');
      expect(message.from).toBe(lng); // every locale has its own user messages
      expect(seen).toMatchObject({ message: message.text, messageLang: lng, usedLng: lng, action: 'sign-in-again', actionLang: lng });
      expect(seen.actionLabel?.trim()).not.toBe('');
      if (lng === 'en') expect(seen.actionLabel).toBe('Sign in again');
      expect(seen.userText).not.toMatch(/SDK|UserSig/);
      expect(seen).toMatchObject({ key: '6206', section: sectionOf['6206'], actionOut: 'sign-in-again', fault: 'app' });

      // The detail is there, but collapsed until support opens it.
      const details = page.getByTestId('details');
      const detail = page.getByTestId('detail');
      expect(await details.getAttribute('open')).toBeNull();
      expect(await detail.isVisible()).toBe(false);
      await page.getByText('Details for support').click();
      expect(await details.getAttribute('open')).not.toBeNull();
      expect(await detail.isVisible()).toBe(true);

      const wanted = expected(lng, 'errors-detail', '6206');
      expect(seen).toMatchObject({ detail: wanted.text, detailLang: wanted.from, detailLng: wanted.from });
      expect(seen.detail).toContain('UserSig');
      if (lng === 'zh-Hant') {
        // zh-Hant has no details: zh-Hans's, through the chain, and the page says so.
        expect(bundle('zh-Hant', 'errors-detail')).toEqual({});
        expect(seen).toMatchObject({ detail: bundle('zh-Hans', 'errors-detail')['6206'], detailLng: 'zh-Hans' });
        expect(seen.detailFrom).toContain('zh-Hant has no detail of its own');
        expect(seen.detailFrom).toContain('zh-Hant → zh-Hans → en');
      } else {
        expect(seen.detailFrom).toBe(lng);
      }

      // Only the locale's chunks and its fallbacks', each once (no "zh", no ko).
      expect([...fetched].sort()).toEqual(chunksNeeded);

      // The button says what the app would do.
      await page.getByTestId('action').click();
      expect(await page.getByTestId('status').textContent()).toMatch(/^sign-in-again → would .*sign-in screen/);

      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `web-example-${lng}.png`), fullPage: true });
      await page.close();
      expect(failures).toEqual([]);
    });

    it('offers each code its action, and fills the code into the unknown message', async () => {
      const { page } = await openPage('');
      await shown(page, '6206', 'en'); // the default code and locale

      for (const lng of ['en', 'ja', 'zh-Hant']) {
        const offline = await lookUp(page, '9508', lng);
        expect(offline).toMatchObject({ message: expected(lng, 'errors', '9508').text, action: 'check-connection', fault: 'network' });
        expect(offline.userText).not.toMatch(/SDK|UserSig/);

        const blocked = await lookUp(page, '80001', lng);
        expect(blocked).toMatchObject({ message: expected(lng, 'errors', '80001').text, action: 'fix-input', fault: 'user' });
        expect(blocked.userText).not.toMatch(/SDK|UserSig/);
        await page.getByTestId('action').click();
        expect(await page.locator('[data-testid="code"]:focus').count()).toBe(1);
        expect(await page.getByTestId('status').textContent()).toMatch(/^fix-input → focused the input/);

        const unknown = await lookUp(page, '424242', lng);
        const text = expected(lng, 'errors', 'unknown', 424242).text;
        expect(text).toContain('424242');
        expect(unknown).toMatchObject({ message: text, key: 'unknown', section: sectionOf.unknown, usedLng: lng });
        expect(unknown.detail).toBe(expected(lng, 'errors-detail', 'unknown', 424242).text);
        expect(unknown.userText).not.toMatch(/SDK|UserSig/);
      }

      // An action of "none": nothing to offer, so no button.
      const none = await lookUp(page, '1005', 'en');
      expect(none).toMatchObject({ message: expected('en', 'errors', '1005').text, action: null, actionOut: 'none' });

      expect(await page.getByTestId('error').isHidden()).toBe(true);
      await page.close();
      expect(failures).toEqual([]);
    });
  });
});
