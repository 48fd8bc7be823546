/**
 * The rules every translation import reports under its own prefix
 * (`po-import/shadowed`, `arb-import/shadowed`…): those of the writer
 * (apply.ts) and of the audience router (audience.ts), defined once here and
 * spread into each format's table, so the ids users see stay per format.
 */

/** What a format calls the parts of its file, for the explanations. */
export interface SharedRuleWords {
  /** What names the file's locale, for locale-mismatch: `The Language of the PO`, `trgLang (1.2: target-language)`. */
  locale?: string;
  /** Its entries, plural: `entries`, `resources`. */
  entries: string;
  /** Said of --out in no-target-file, when more than "(--out)" (the String Catalog also needs --locale). */
  out?: string;
}

const SHARED = {
  'locale-mismatch': {
    severity: 'error',
    explanation: (w: SharedRuleWords) =>
      `${w.locale ?? "The file's locale"} is not --locale, or not the locale of the source file being updated; nothing is imported.`,
  },
  'no-target-file': {
    severity: 'error',
    explanation: (w: SharedRuleWords) =>
      `No source file to update: none was named (${w.out ?? '--out'}) and no layer has a file of the locale, or a pattern to create one, or one layer has several.`,
  },
  shadowed: {
    severity: 'error',
    explanation: () =>
      "The key's text comes from a later layer, or from another file of the target's layer, so writing it to the target would have no effect or conflict; not imported.",
  },
  'shared-text': {
    severity: 'warning',
    explanation: (w: SharedRuleWords) =>
      `A user message shared by several codes was changed in the ${w.entries} of only some of them; the shared text changes, so every code that shows it shows the new text.`,
  },
  'conflicting-edits': {
    severity: 'error',
    explanation: (w: SharedRuleWords) =>
      `${w.entries[0]!.toUpperCase()}${w.entries.slice(1)} of codes that share one user message change it in different ways; none of them is imported.`,
  },
} as const;

type Shared = typeof SHARED;

/** The rules apply.ts reports: every translation import has them. */
export type WriterRule = 'locale-mismatch' | 'no-target-file' | 'shadowed';
/** The rules audience.ts reports: the imports of formats with user messages (PO, ARB, String Catalog, Android). */
export type RouterRule = 'shared-text' | 'conflicting-edits';

/** The shared rules `names` under `prefix`, for a format's table: `{ ...sharedImportRules('po-import', words, [...]) }`. */
export function sharedImportRules<const P extends string, const N extends keyof Shared>(
  prefix: P,
  words: SharedRuleWords,
  names: readonly N[],
): { readonly [R in N as `${P}/${R}`]: { severity: Shared[R]['severity']; explanation: string } } {
  return Object.fromEntries(
    names.map((name) => [`${prefix}/${name}`, { severity: SHARED[name].severity, explanation: SHARED[name].explanation(words) }]),
  ) as { readonly [R in N as `${P}/${R}`]: { severity: Shared[R]['severity']; explanation: string } };
}
