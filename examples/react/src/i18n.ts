/**
 * The i18next instance of the app. Three namespaces: the generated "errors" (user messages) and
 * "errors-detail" (developer details), and the app's own "actions" (button labels). Each locale's
 * file of each namespace is its own chunk, fetched the first time that locale needs it.
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { detailNamespace, namespace } from '../../../dist/types/index.js';

export const actionsNamespace = 'actions';

/**
 * One loader per locale and namespace. Every `import()` has a literal path, so Vite emits one
 * chunk per file, and the browser fetches it only when its loader runs.
 */
const bundles = {
  en: {
    errors: () => import('../../../dist/i18next/en/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/en/errors-detail.json'),
    actions: () => import('../locales/en/actions.json'),
  },
  ja: {
    errors: () => import('../../../dist/i18next/ja/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/ja/errors-detail.json'),
    actions: () => import('../locales/ja/actions.json'),
  },
  ko: {
    errors: () => import('../../../dist/i18next/ko/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/ko/errors-detail.json'),
    actions: () => import('../locales/ko/actions.json'),
  },
  'zh-Hans': {
    errors: () => import('../../../dist/i18next/zh-Hans/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/zh-Hans/errors-detail.json'),
    actions: () => import('../locales/zh-Hans/actions.json'),
  },
  'zh-Hant': {
    errors: () => import('../../../dist/i18next/zh-Hant/errors.json'),
    'errors-detail': () => import('../../../dist/i18next/zh-Hant/errors-detail.json'),
    actions: () => import('../locales/zh-Hant/actions.json'),
  },
} satisfies Record<string, Record<typeof namespace | typeof detailNamespace | typeof actionsNamespace, () => Promise<unknown>>>;

export type Locale = keyof typeof bundles;
export const locales = Object.keys(bundles) as Locale[];
export const isLocale = (lng: string | null | undefined): lng is Locale => lng != null && Object.hasOwn(bundles, lng);
type Namespace = keyof (typeof bundles)[Locale];
const isNamespace = (ns: string): ns is Namespace => Object.hasOwn(bundles.en, ns);

/** Starts i18next in `lng`; React components suspend until its chunks are in. */
export function startI18n(lng: Locale) {
  void i18next
    .use(
      resourcesToBackend((lng: string, ns: string) =>
        isLocale(lng) && isNamespace(ns) ? bundles[lng][ns]() : Promise.reject(new Error(`no bundle for ${lng}/${ns}`)),
      ),
    )
    .use(initReactI18next)
    .init({
      lng,
      // Only these locales: without it, zh-Hant would also ask for a "zh" bundle.
      supportedLngs: locales,
      fallbackLng: { 'zh-Hant': ['zh-Hans', 'en'], default: ['en'] },
      ns: [namespace, detailNamespace, actionsNamespace],
      defaultNS: namespace,
      // React escapes text itself.
      interpolation: { escapeValue: false },
    });
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = lng;
  return i18next;
}
