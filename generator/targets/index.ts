/** The built-in targets, in the order they run and are listed in `--help`. */
import type { Target } from '../emit/target.js';
import { catalogTarget } from './catalog.js';
import { androidTarget } from './android.js';
import { appleTarget } from './apple.js';
import { flutterTarget } from './flutter.js';
import { gettextTarget } from './gettext.js';
import { i18nextTarget } from './i18next.js';
import { javaTarget } from './java.js';
import { lookupDartTarget } from './lookup-dart.js';
import { lookupJavaTarget } from './lookup-java.js';
import { lookupKotlinTarget } from './lookup-kotlin.js';
import { lookupSwiftTarget } from './lookup-swift.js';
import { reviewTarget } from './review.js';
import { typesTarget } from './types.js';
import { xliffTarget } from './xliff.js';

export const builtInTargets: readonly Target[] = [
  i18nextTarget,
  typesTarget,
  androidTarget,
  appleTarget,
  flutterTarget,
  gettextTarget,
  javaTarget,
  xliffTarget,
  catalogTarget,
  lookupKotlinTarget,
  lookupJavaTarget,
  lookupSwiftTarget,
  lookupDartTarget,
  reviewTarget,
];
