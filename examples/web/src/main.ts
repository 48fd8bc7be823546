/**
 * A browser page that shows codebook's error messages with i18next.
 *
 * - The texts come from the generated bundles in dist/i18next/<locale>/errors.json.
 *   Each locale is loaded only when i18next first needs it.
 * - Keys come from the generated dist/types/index.ts.
 * - `t` is type-checked through the CustomTypeOptions augmentation in
 *   dist/types/i18next.d.ts, which tsconfig.json includes.
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { isErrorCode, messageKey, namespace, sectionOf, type MessageKey } from '../../../dist/types/index.js';

/**
 * One loader per locale that the generator wrote. Every `import()` has a literal path, so the
 * bundler emits one chunk per locale and the browser fetches a chunk only when its loader runs.
 * A computed path such as `import(`…/${lng}/errors.json`)` would also work in Vite, but a plain
 * map is easier for other bundlers to split and says exactly which locales exist.
 */
const bundles = {
  en: () => import('../../../dist/i18next/en/errors.json'),
  ja: () => import('../../../dist/i18next/ja/errors.json'),
  ko: () => import('../../../dist/i18next/ko/errors.json'),
} as const;

type BundledLocale = keyof typeof bundles;

function hasBundle(lng: string): lng is BundledLocale {
  return Object.hasOwn(bundles, lng);
}

/** Element by id, or fail: the page is broken if it is missing. */
function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or is not a ${type.name}`);
  return element;
}

const form = byId('lookup', HTMLFormElement);
const codeInput = byId('code', HTMLInputElement);
const localeSelect = byId('locale', HTMLSelectElement);
const result = byId('result', HTMLOutputElement);
const messageOut = byId('message', HTMLElement);
const keyOut = byId('key', HTMLElement);
const sectionOut = byId('section', HTMLElement);
const resolvedOut = byId('resolved', HTMLElement);
const fallbackOut = byId('fallback', HTMLElement);
const errorOut = byId('error', HTMLParagraphElement);

/** Integers only, negative codes included (-302). Anything else gets no lookup. */
function parseCode(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,16}$/.test(trimmed)) return undefined;
  const code = Number(trimmed);
  return Number.isSafeInteger(code) ? code : undefined;
}

/** Explains why this text was chosen for this code. */
function describeKey(code: number, key: MessageKey): { kind: 'exact' | 'range' | 'unknown'; text: string } {
  if (key === 'unknown') return { kind: 'unknown', text: `code ${code} is not in the catalog: generic "unknown" message` };
  if (isErrorCode(code)) return { kind: 'exact', text: `code ${code} has its own message` };
  return { kind: 'range', text: `code ${code} falls in the range ${key}` };
}

let renderCount = 0;

async function render(): Promise<void> {
  const ticket = ++renderCount;
  const lng = localeSelect.value;
  const code = parseCode(codeInput.value);
  result.dataset.state = 'loading';
  if (code === undefined) {
    errorOut.textContent = 'Enter a whole number, such as 6014 or -302.';
    errorOut.hidden = false;
    result.dataset.state = 'invalid';
    return;
  }
  errorOut.hidden = true;

  // Loads the locale's chunk (and the fallback's) the first time; later switches are instant.
  await i18next.changeLanguage(lng);
  if (ticket !== renderCount) return; // a newer input won the race

  const key = messageKey(code);
  // `code` fills {{code}} in the "unknown" message; the other messages ignore it.
  const details = i18next.t(key, { code, returnDetails: true });
  const usedLng = details.usedLng;
  const explained = describeKey(code, key);

  messageOut.textContent = details.res;
  messageOut.lang = usedLng;
  keyOut.textContent = key;
  sectionOut.textContent = sectionOf[key];
  const loaded = Object.keys(i18next.store.data).filter((l) => i18next.hasResourceBundle(l, namespace));
  resolvedOut.textContent = `asked for ${lng}, text from ${usedLng} (loaded bundles: ${loaded.sort().join(', ')})`;
  const localeNote =
    usedLng === lng
      ? `locale ${lng} has this text`
      : `locale ${lng} has no text for "${key}" (${hasBundle(lng) ? 'untranslated' : 'no bundle for this locale'}), so fallbackLng ${usedLng} is used`;
  fallbackOut.textContent = `${explained.text}; ${localeNote}.`;

  Object.assign(result.dataset, {
    state: 'ready',
    code: String(code),
    lng,
    usedLng,
    key,
    kind: explained.kind,
  });
  const url = new URL(location.href);
  url.searchParams.set('code', String(code));
  url.searchParams.set('lng', lng);
  history.replaceState(null, '', url);
}

function renderAndReport(): void {
  render().catch((error: unknown) => {
    errorOut.textContent = `Lookup failed: ${error instanceof Error ? error.message : String(error)}`;
    errorOut.hidden = false;
    result.dataset.state = 'error';
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const initialLng = params.get('lng') ?? 'en';
  if (![...localeSelect.options].some((o) => o.value === initialLng)) localeSelect.add(new Option(initialLng, initialLng));
  localeSelect.value = initialLng;
  codeInput.value = params.get('code') ?? codeInput.value;

  await i18next
    .use(
      resourcesToBackend((lng: string, ns: string) =>
        // A locale without a bundle resolves to nothing, and i18next falls back to fallbackLng.
        ns === namespace && hasBundle(lng) ? bundles[lng]() : Promise.resolve(undefined),
      ),
    )
    .init({
      lng: initialLng,
      fallbackLng: 'en',
      ns: [namespace],
      defaultNS: namespace,
      // Results are written with textContent, which never parses HTML, so i18next need not escape.
      interpolation: { escapeValue: false },
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    renderAndReport();
  });
  codeInput.addEventListener('input', renderAndReport);
  localeSelect.addEventListener('change', renderAndReport);
  await render();
}

main().catch((error: unknown) => {
  errorOut.textContent = `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  errorOut.hidden = false;
  result.dataset.state = 'error';
});
