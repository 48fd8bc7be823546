/**
 * A browser page that shows what codebook gives an app for an error code, for its two audiences:
 *
 * - the end user: the message from the "errors" namespace, and a button for the action
 *   `errorInfo(code).action` suggests (sign in again, try again, …);
 * - support and developers: the detail from the "errors-detail" namespace, with the code's key,
 *   section, action and fault, in a collapsed "Details for support" part.
 *
 * Each locale's bundle of each namespace is loaded only when i18next first needs it. zh-Hant has
 * user messages but no details of its own, so its details come from zh-Hans through fallbackLng.
 * `t` is type-checked through the CustomTypeOptions augmentation in dist/types/i18next.d.ts.
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { detailNamespace, errorInfo, namespace, sectionOf, type Action, type ErrorInfo } from '../../../dist/types/index.js';

/**
 * One loader per locale and namespace that the generator wrote. Every `import()` has a literal
 * path, so the bundler emits one chunk per file and the browser fetches a chunk only when its
 * loader runs.
 */
const bundles = {
  en: {
    errors: () => import('../../../dist/i18next/en/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/en/errors-detail.json'),
  },
  ja: {
    errors: () => import('../../../dist/i18next/ja/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/ja/errors-detail.json'),
  },
  ko: {
    errors: () => import('../../../dist/i18next/ko/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/ko/errors-detail.json'),
  },
  'zh-Hans': {
    errors: () => import('../../../dist/i18next/zh-Hans/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/zh-Hans/errors-detail.json'),
  },
  'zh-Hant': {
    errors: () => import('../../../dist/i18next/zh-Hant/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/zh-Hant/errors-detail.json'),
  },
} satisfies Record<string, Record<typeof namespace | typeof detailNamespace, () => Promise<unknown>>>;

type Locale = keyof typeof bundles;
const locales = Object.keys(bundles) as Locale[];
const isLocale = (lng: string | null | undefined): lng is Locale => lng != null && Object.hasOwn(bundles, lng);

/**
 * What the page offers for each action: the button's label in every locale, and what the app
 * would do (this is a demo: it only says so in the status line). Keyed by `Action`, so a new
 * action in the catalog fails to type-check until it is given a button here.
 */
interface ActionButton {
  readonly label: Readonly<Record<Locale, string>>;
  readonly run: (info: ErrorInfo, code: number) => string;
}

const actionButtons: Readonly<Record<Action, ActionButton | null>> = {
  'sign-in-again': {
    label: { en: 'Sign in again', ja: '再ログイン', ko: '다시 로그인', 'zh-Hans': '重新登录', 'zh-Hant': '重新登入' },
    run: () => 'would end the session and open the sign-in screen.',
  },
  'check-connection': {
    label: {
      en: 'Check connection and retry',
      ja: '接続を確認して再試行',
      ko: '연결 확인 후 재시도',
      'zh-Hans': '检查网络并重试',
      'zh-Hant': '檢查網路並重試',
    },
    run: () => (navigator.onLine ? 'online: would send the request again.' : "offline: would retry once the browser fires 'online'."),
  },
  retry: {
    label: { en: 'Try again', ja: '再試行', ko: '다시 시도', 'zh-Hans': '重试', 'zh-Hant': '再試一次' },
    run: () => 'would send the request again.',
  },
  'retry-later': {
    label: { en: 'Try again later', ja: 'あとで再試行', ko: '나중에 다시 시도', 'zh-Hans': '稍后重试', 'zh-Hant': '稍後再試' },
    run: () => 'would retry in 30 s, backing off after each failure.',
  },
  'fix-input': {
    label: { en: 'Edit', ja: '修正する', ko: '수정하기', 'zh-Hans': '修改', 'zh-Hant': '修改' },
    run: () => {
      codeInput.focus();
      codeInput.select();
      return 'focused the input so the user can correct it.';
    },
  },
  'update-app': {
    label: { en: 'Update app', ja: 'アプリを更新', ko: '앱 업데이트', 'zh-Hans': '更新应用', 'zh-Hant': '更新應用程式' },
    run: () => "would open the app's page in the store.",
  },
  'contact-support': {
    label: { en: 'Contact support', ja: 'お問い合わせ', ko: '고객센터 문의', 'zh-Hans': '联系客服', 'zh-Hant': '聯絡客服' },
    run: (info, code) => `would open the support form with code ${code} (${info.key}) attached.`,
  },
  none: null, // nothing for the user to do: no button
};

/** Element by id, or fail: the page is broken if it is missing. */
function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or is not a ${type.name}`);
  return element;
}

const form = byId('lookup', HTMLFormElement);
const codeInput = byId('code', HTMLInputElement);
const localeSelect = byId('locale', HTMLSelectElement);
const result = byId('result', HTMLElement);
const messageOut = byId('message', HTMLParagraphElement);
const actionButton = byId('action', HTMLButtonElement);
const statusOut = byId('status', HTMLElement);
const detailOut = byId('detail', HTMLElement);
const errorOut = byId('error', HTMLParagraphElement);
const fields = {
  code: byId('code-out', HTMLElement),
  key: byId('key', HTMLElement),
  section: byId('section', HTMLElement),
  action: byId('action-out', HTMLElement),
  fault: byId('fault', HTMLElement),
  messageFrom: byId('message-from', HTMLElement),
  detailFrom: byId('detail-from', HTMLElement),
};

/** Integers only, negative codes included (-302). Anything else gets no lookup. */
function parseCode(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,16}$/.test(trimmed)) return undefined;
  const code = Number(trimmed);
  return Number.isSafeInteger(code) ? code : undefined;
}

/** Which locale a text came from, and why when it is not the one asked for. */
function source(asked: Locale, used: string, what: string): string {
  if (used === asked) return used;
  return `${used}: ${asked} has no ${what} of its own, so it comes through the fallback chain ${i18next.languages.join(' → ')}`;
}

/** The code on show, for the action button. */
let shown: { code: number; info: ErrorInfo } | undefined;
let renderCount = 0;

async function render(): Promise<void> {
  const ticket = ++renderCount;
  const lng = isLocale(localeSelect.value) ? localeSelect.value : 'en';
  const code = parseCode(codeInput.value);
  result.dataset.state = 'loading';
  if (code === undefined) {
    errorOut.textContent = 'Enter a whole number, such as 6206 or -302.';
    errorOut.hidden = false;
    result.dataset.state = 'invalid';
    return;
  }
  errorOut.hidden = true;

  // Loads the locale's chunks (and its fallbacks') the first time; later switches are instant.
  await i18next.changeLanguage(lng);
  if (ticket !== renderCount) return; // a newer input won the race

  const info = errorInfo(code);
  // `code` fills {{code}} in the "unknown" texts; the others ignore it.
  const message = i18next.t(info.key, { code, returnDetails: true });
  const detail = i18next.t(info.key, { ns: detailNamespace, code, returnDetails: true });
  const messageLng = isLocale(message.usedLng) ? message.usedLng : 'en';

  // For the user: the message and the button, both in the message's language.
  messageOut.textContent = message.res;
  messageOut.lang = messageLng;
  const button = actionButtons[info.action];
  actionButton.hidden = button === null;
  actionButton.textContent = button?.label[messageLng] ?? '';
  actionButton.lang = messageLng;
  actionButton.dataset.action = info.action;
  statusOut.textContent = 'nothing done yet.';

  // For support: the detail and where everything came from.
  detailOut.textContent = detail.res;
  detailOut.lang = detail.usedLng;
  fields.code.textContent = String(code);
  fields.key.textContent = info.key;
  fields.section.textContent = sectionOf[info.key];
  fields.action.textContent = info.action;
  fields.fault.textContent = info.fault;
  fields.messageFrom.textContent = source(lng, message.usedLng, 'message');
  fields.detailFrom.textContent = source(lng, detail.usedLng, 'detail');

  shown = { code, info };
  Object.assign(result.dataset, {
    state: 'ready',
    code: String(code),
    lng,
    usedLng: message.usedLng,
    detailLng: detail.usedLng,
    key: info.key,
    action: info.action,
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
  const initialLng = params.get('lng');
  localeSelect.value = isLocale(initialLng) ? initialLng : 'en';
  codeInput.value = params.get('code') ?? codeInput.value;

  await i18next
    .use(
      resourcesToBackend((lng: string, ns: string) => {
        if (isLocale(lng) && (ns === namespace || ns === detailNamespace)) return bundles[lng][ns]();
        return Promise.reject(new Error(`no bundle for ${lng}/${ns}`));
      }),
    )
    .init({
      lng: localeSelect.value,
      // Only the generated locales: without this, zh-Hant would also ask for a "zh" bundle.
      supportedLngs: locales,
      fallbackLng: { 'zh-Hant': ['zh-Hans', 'en'], default: ['en'] },
      ns: [namespace, detailNamespace],
      defaultNS: namespace,
      // Texts are written with textContent, which never parses HTML, so i18next need not escape.
      interpolation: { escapeValue: false },
    });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    renderAndReport();
  });
  codeInput.addEventListener('input', renderAndReport);
  localeSelect.addEventListener('change', renderAndReport);
  actionButton.addEventListener('click', () => {
    const button = shown && actionButtons[shown.info.action];
    if (shown && button) statusOut.textContent = `${shown.info.action} → ${button.run(shown.info, shown.code)}`;
  });
  await render();
}

main().catch((error: unknown) => {
  errorOut.textContent = `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  errorOut.hidden = false;
  result.dataset.state = 'error';
});
