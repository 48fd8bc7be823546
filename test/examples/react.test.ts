/**
 * examples/react, built by Vite for production and driven in Chromium.
 * - The build must put each locale's file of each namespace in a chunk of its own.
 * - The page must fetch a chunk only when its locale (or one on its fallback chain) is used,
 *   show the Suspense fallback until the first locale is in, and keep the old texts while a
 *   new locale loads.
 * - The user message, the action's label and the developer detail come from the bundles.
 * - tsc rejects keys outside the catalog in the typed `t`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, errorInfo } from '../../dist/types/index.js';
import { haveTools, launchChromium } from '../support/toolchain.js';
import type { Server } from 'node:http';
import { serve } from '../support/static-server.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const exampleRoot = join(repoRoot, 'examples/react');
const artifacts = join(repoRoot, 'test/artifacts');

const namespaces = ['errors', 'errors-detail', 'actions'] as const;
type Namespace = (typeof namespaces)[number];

/** Where each namespace's files are: the generated two in dist, the app's labels in the example. */
const bundleFile = (lng: string, ns: Namespace) =>
  ns === 'actions' ? join(exampleRoot, 'locales', lng, 'actions.json') : join(repoRoot, 'dist/i18next', lng, `${ns}.json`);
const bundle = (lng: string, ns: Namespace): Record<string, string> => JSON.parse(readFileSync(bundleFile(lng, ns), 'utf8'));
const locales = readdirSync(join(repoRoot, 'dist/i18next')).sort();

/** The app's fallbackLng: zh-Hant → zh-Hans → en, every other locale → en. */
const chain = (lng: string) => (lng === 'zh-Hant' ? ['zh-Hant', 'zh-Hans', 'en'] : lng === 'en' ? ['en'] : [lng, 'en']);

/** The text i18next must find: from the first locale of the chain that has the key. */
function expected(lng: string, ns: Namespace, key: string, code?: number): { text: string; from: string } {
  for (const from of chain(lng)) {
    const text = bundle(from, ns)[key];
    if (text !== undefined) return { text: code === undefined ? text : text.replaceAll('{{code}}', String(code)), from };
  }
  throw new Error(`no ${ns} text for ${key} in ${lng}'s chain`);
}

/** "<namespace>.<locale>" of a chunk file name such as assets/errors-detail.zh-Hans.Bx1-2.js. */
const chunkBundle = (name: string) => /(?:^|\/)((?:errors(?:-detail)?|actions)\.[A-Za-z0-9-]+)\.[\w-]+\.js$/.exec(name)?.[1];
/** Every bundle of these locales, in the same form, sorted. */
const bundlesOf = (...lngs: string[]) => lngs.flatMap((lng) => namespaces.map((ns) => `${ns}.${lng}`)).sort();

describe('examples/react production build', () => {
  let outDir = '';
  let chunks: Rolldown.OutputChunk[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'codebook-react-'));
    // Vitest sets NODE_ENV=test, which would make Vite build React's development version.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const result = await build({ root: exampleRoot, logLevel: 'silent', build: { outDir, emptyOutDir: true } }).finally(() => {
      process.env.NODE_ENV = nodeEnv;
    });
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
        const module = bundleFile(lng, ns);
        const holding = chunks.filter((c) => c.moduleIds.includes(module));
        expect(
          holding.map((c) => c.fileName),
          `${ns}.${lng}`,
        ).toHaveLength(1);
        const [chunk] = holding;
        expect(chunk).toMatchObject({ isDynamicEntry: true, isEntry: false, moduleIds: [module] });
        expect(chunkBundle(chunk.fileName)).toBe(`${ns}.${lng}`);
      }
    }
    const entry = chunks.filter((c) => c.isEntry);
    expect(entry).toHaveLength(1);
    expect(entry[0].moduleIds.filter((id) => id.endsWith('.json'))).toEqual([]);
    // No locale's text leaks into the entry chunk, and React is the production build.
    for (const lng of locales) expect(entry[0].code).not.toContain(bundle(lng, 'errors')['6206']);
    expect(entry[0].code).not.toContain(bundle('en', 'errors-detail')['6206']);
    expect(entry[0].code).not.toContain(bundle('ja', 'actions')['sign-in-again']);
    expect(entry[0].code).not.toContain('jsxDEV');
    expect(readdirSync(join(outDir, 'assets')).map(chunkBundle).filter(Boolean).sort()).toEqual(bundlesOf(...locales));
  });

  it('labels every action in use in every locale', () => {
    // Every code, the range (125000) and an unknown code (424242).
    const used = new Set([...errorCodes, 125000, 424242].map((code) => errorInfo(code).action));
    used.delete('none');
    // en may label more (every Action of the union: tsc checks that); the others label the same.
    const keys = Object.keys(bundle('en', 'actions')).sort();
    expect(keys).toEqual(expect.arrayContaining([...used]));
    for (const lng of locales) {
      const labels = bundle(lng, 'actions');
      expect(Object.keys(labels).sort(), lng).toEqual(keys);
      for (const label of Object.values(labels)) expect(label.trim(), lng).not.toBe('');
    }
  });

  describe.skipIf(!haveTools('/usr/bin/chromium'))('in Chromium', () => {
    let server: Server | undefined;
    let origin = '';
    let browser: Browser | undefined;
    const failures: string[] = [];

    /** A fresh page that records the bundles it fetches and everything that goes wrong. */
    async function openPage() {
      const page = await browser!.newPage({ viewport: { width: 900, height: 700 } });
      const fetched: string[] = [];
      page.on('request', (request) => {
        const name = chunkBundle(new URL(request.url()).pathname);
        if (name) fetched.push(name);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') failures.push(`console ${message.type()}: ${message.text()}`);
      });
      return { page, fetched };
    }

    /** Holds back the chunk of this bundle ("errors.ja") until the returned function is called. */
    async function holdBack(page: Page, name: string): Promise<() => void> {
      let release = () => {};
      const gate = new Promise<void>((done) => (release = done));
      await page.route(
        (url) => chunkBundle(url.pathname) === name,
        async (route) => {
          await gate;
          await route.continue();
        },
      );
      return release;
    }

    /** Waits until the page shows this code in this locale, and returns what it shows. */
    async function shown(page: Page, code: string, lng: string) {
      await page.locator(`[data-testid="result"][data-state="ready"][data-code="${code}"][data-lng="${lng}"]`).waitFor();
      const action = page.getByTestId('action');
      const hasAction = (await action.count()) > 0;
      return {
        message: await page.getByTestId('message').textContent(),
        userText: await page.getByTestId('notice').innerText(),
        action: hasAction ? await action.getAttribute('data-action') : null,
        label: hasAction ? await action.textContent() : null,
        detail: await page.getByTestId('detail').textContent(),
        detailLng: await page.getByTestId('detail').getAttribute('lang'),
        detailFrom: await page.getByTestId('detail-from').textContent(),
        key: await page.getByTestId('key').textContent(),
      };
    }

    /** What the page must show for a code in a locale, from the bundles. */
    function wanted(lng: string, code: number) {
      const info = errorInfo(code);
      const detail = expected(lng, 'errors-detail', info.key, code);
      return {
        message: expected(lng, 'errors', info.key, code).text,
        action: info.action === 'none' ? null : info.action,
        label: info.action === 'none' ? null : expected(lng, 'actions', info.action).text,
        detail: detail.text,
        detailLng: detail.from,
        key: info.key,
      };
    }

    async function screenshot(page: Page, name: string) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `react-example-${name}.png`), fullPage: true });
    }

    beforeAll(async () => {
      ({ server, origin } = await serve(outDir));
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
    });

    it('starts in en, then fetches only the chunks each locale switch needs', async () => {
      const { page, fetched } = await openPage();

      // Until en's chunks are in, the Suspense fallback shows.
      const releaseEn = await holdBack(page, 'errors.en');
      await page.goto(`${origin}/`);
      await page.getByTestId('loading').waitFor();
      releaseEn();

      const en = await shown(page, '6206', 'en');
      expect(en).toMatchObject(wanted('en', 6206));
      expect(en.message).toBe(bundle('en', 'errors')['6206']);
      expect(en).toMatchObject({ action: 'sign-in-again', label: 'Sign in again', detailFrom: 'en' });
      expect(en.userText).not.toMatch(/SDK|UserSig/);
      expect([...fetched].sort()).toEqual(bundlesOf('en'));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      // The detail is there, collapsed until support opens it.
      const details = page.getByTestId('details');
      expect(await details.getAttribute('open')).toBeNull();
      expect(await page.getByTestId('detail').isVisible()).toBe(false);
      await page.getByText('Details for support').click();
      expect(await page.getByTestId('detail').isVisible()).toBe(true);
      expect(en.detail).toContain('UserSig');

      await page.getByTestId('action').click();
      expect(await page.getByTestId('status').textContent()).toContain('sign-in-again');
      await screenshot(page, 'en');

      // ja: while its chunks load, the en texts stay (dimmed) instead of the fallback.
      fetched.length = 0;
      const releaseJa = await holdBack(page, 'errors.ja');
      await page.getByTestId('locale').selectOption('ja');
      await page.locator('[data-testid="result"][data-state="loading"][aria-busy="true"]').waitFor();
      expect(await page.getByTestId('message').textContent()).toBe(en.message);
      expect(await page.getByTestId('loading').count()).toBe(0);
      await screenshot(page, 'ja-loading');
      releaseJa();
      const ja = await shown(page, '6206', 'ja');
      expect(ja).toMatchObject({ ...wanted('ja', 6206), detailLng: 'ja', detailFrom: 'ja' });
      expect(ja.message).toBe(bundle('ja', 'errors')['6206']);
      expect(ja.label).toBe(bundle('ja', 'actions')['sign-in-again']);
      expect([...fetched].sort()).toEqual(bundlesOf('ja')); // en is in already; no ko, no zh
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      // The same card with new texts: the details support opened stay open.
      expect(await details.getAttribute('open')).not.toBeNull();
      await screenshot(page, 'ja');

      // zh-Hant: its own chunks and zh-Hans's, the next on its chain; its details are zh-Hans's.
      fetched.length = 0;
      await page.getByTestId('locale').selectOption('zh-Hant');
      const zhHant = await shown(page, '6206', 'zh-Hant');
      expect(bundle('zh-Hant', 'errors-detail')).toEqual({});
      expect(zhHant).toMatchObject({ ...wanted('zh-Hant', 6206), detailLng: 'zh-Hans' });
      expect(zhHant.message).toBe(bundle('zh-Hant', 'errors')['6206']);
      expect(zhHant.detail).toBe(bundle('zh-Hans', 'errors-detail')['6206']);
      expect(zhHant.detailFrom).toBe('zh-Hans (zh-Hant has none of its own)');
      expect([...fetched].sort()).toEqual(bundlesOf('zh-Hant', 'zh-Hans'));
      expect(await page.getByTestId('detail').isVisible()).toBe(true);
      await screenshot(page, 'zh-Hant');

      // Back to en: everything is loaded already.
      fetched.length = 0;
      await page.getByTestId('locale').selectOption('en');
      expect(await shown(page, '6206', 'en')).toMatchObject(wanted('en', 6206));
      expect(fetched).toEqual([]);

      await page.close();
      expect(failures).toEqual([]);
    });

    it('looks up what is typed: each code its action, the unknown text with its code, no button for "none"', async () => {
      const { page, fetched } = await openPage();
      await page.goto(`${origin}/?lng=ko&code=80001`);
      const ko = await shown(page, '80001', 'ko');
      expect(ko).toMatchObject({ ...wanted('ko', 80001), action: 'fix-input' });
      expect([...fetched].sort()).toEqual(bundlesOf('ko', 'en'));

      for (const lng of ['ko', 'zh-Hant']) {
        await page.getByTestId('locale').selectOption(lng);
        for (const code of [9508, -302, 1005, 424242]) {
          await page.getByTestId('code').fill(String(code));
          const seen = await shown(page, String(code), lng);
          expect(seen, `${code} in ${lng}`).toMatchObject(wanted(lng, code));
          expect(seen.userText).not.toMatch(/SDK|UserSig/);
        }
      }
      // 424242 is no code of the catalog: the unknown text, with the number filled in.
      expect(await page.getByTestId('message').textContent()).toContain('424242');
      expect(await page.getByTestId('key').textContent()).toBe('unknown');
      // 1005's action is "none": no button.
      await page.getByTestId('code').fill('1005');
      await shown(page, '1005', 'zh-Hant');
      expect(await page.getByTestId('action').count()).toBe(0);

      await page.getByTestId('code').fill('abc');
      expect(await page.getByTestId('error').textContent()).toContain('whole number');
      expect(await page.getByTestId('result').count()).toBe(0);
      await page.close();
      expect(failures).toEqual([]);
    });
  });
});

const USAGE = `import { useTranslation } from 'react-i18next';
import { detailT, errorInfo, messageT } from '../../../dist/types/index.js';

export function Usage({ code }: { code: number }) {
  const { t } = useTranslation(['errors', 'errors-detail', 'actions']);
  const info = errorInfo(code);
  const texts = [
    messageT(t)('6206'),
    messageT(t)('unknown', { code }),
    messageT(t)(info.key, { code }),
    detailT(t)('-302'),
    t('sign-in-again', { ns: 'actions' }),
    info.action === 'none' ? '' : t(info.action, { ns: 'actions' }),
  ];
  // @ts-expect-error: 999999 is not a key of the catalog
  messageT(t)('999999');
  // @ts-expect-error: nor of the details
  detailT(t)('999999');
  // @ts-expect-error: the unknown message needs its code
  messageT(t)('unknown');
  // @ts-expect-error: "none" has no button, so no label
  t('none', { ns: 'actions' });
  // @ts-expect-error: react-i18next's own t knows the catalog's keys too
  t('999999');
  return <p>{texts.join(' ')}</p>;
}
`;

describe('examples/react under tsc', () => {
  it('type-checks the example and rejects keys outside the catalog', () => {
    const dir = join(repoRoot, 'test/tmp/react-tsc');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // The example's own settings and augmentation, with the usage file added.
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../examples/react/tsconfig.json', include: ['usage.tsx', '../../../examples/react/src'] }),
    );
    const run = () => {
      try {
        execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
        return { ok: true, out: '' };
      } catch (error) {
        return { ok: false, out: String((error as { stdout?: string }).stdout) };
      }
    };
    writeFileSync(join(dir, 'usage.tsx'), USAGE);
    expect(run()).toEqual({ ok: true, out: '' });
    // Without the expectations the same file must fail on exactly those lines.
    writeFileSync(join(dir, 'usage.tsx'), USAGE.replace(/^ *\/\/ @ts-expect-error.*\n/gm, ''));
    const failed = run();
    expect(failed.ok).toBe(false);
    const lines = [...failed.out.matchAll(/^usage\.tsx\((\d+),\d+\): error TS/gm)].map((m) => Number(m[1]));
    expect(lines).toEqual([15, 16, 17, 18, 19]);
  });
});
