/** Moved to the shared module of the translation imports (XLIFF and PO); kept here for the imports that still name this path. */
export { canonical, parseForm, parsePlain, partsToIcu, type IcuPart } from '../translations/icu-text.js';
