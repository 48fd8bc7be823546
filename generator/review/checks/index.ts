/**
 * The registry of translation-QA checks, in the order their rules are
 * listed in reports. Add a check here and its rule to ../rules.ts, in the
 * same order.
 */
import type { QaCheck } from './check.js';
import { duplicateDiverging } from './duplicate-diverging.js';
import { endPunctuation } from './end-punctuation.js';
import { importDoubt } from './import-doubt.js';
import { lengthRatio } from './length-ratio.js';
import { markupDiffers } from './markup-differs.js';
import { missingTranslation } from './missing-translation.js';
import { numbersDiffer } from './numbers-differ.js';
import { placeholdersDiffer } from './placeholders-differ.js';
import { sameAsSource } from './same-as-source.js';
import { stateNotFinal } from './state-not-final.js';
import { whitespace } from './whitespace.js';
import { noAction, userJargon, userTooLong } from './user-messages.js';

export type { CheckContext, CheckHit, CheckSettings, QaCheck, Subject } from './check.js';

export const qaChecks: readonly QaCheck[] = [
  missingTranslation,
  sameAsSource,
  placeholdersDiffer,
  numbersDiffer,
  markupDiffers,
  whitespace,
  endPunctuation,
  lengthRatio,
  duplicateDiverging,
  importDoubt,
  stateNotFinal,
  userJargon,
  userTooLong,
  noAction,
];
