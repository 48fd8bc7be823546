/**
 * Types i18next's (and so react-i18next's) `t` with the app's three namespaces. The app has a
 * namespace of its own, so it writes this augmentation itself instead of using
 * dist/types/i18next.d.ts, which knows only the generated two.
 */
import 'i18next';
import type { ErrorsDetailResources, ErrorsResources } from '../../../dist/types/resources.js';
import type actions from '../locales/en/actions.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'errors';
    resources: { errors: ErrorsResources; 'errors-detail': ErrorsDetailResources; actions: typeof actions };
  }
}
