/** The built-in targets, in the order they run and are listed in `--help`. */
import type { Target } from '../emit/target.js';
import { i18nextTarget } from './i18next.js';
import { typesTarget } from './types.js';

export const builtInTargets: readonly Target[] = [i18nextTarget, typesTarget];
