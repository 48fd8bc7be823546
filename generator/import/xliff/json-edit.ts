/** Moved to the shared module of the translation imports (XLIFF and PO); kept here for the imports that still name this path. */
export { updateEntries, type EntryUpdate } from '../translations/json-edit.js';
