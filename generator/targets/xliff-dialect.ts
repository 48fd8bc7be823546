/**
 * The shapes the xliff target (xliff.ts) and its dialects (XLIFF 2.0 in
 * xliff.ts, 1.2 in xliff-12.ts) share, in a module of their own so that the
 * dialects do not import the target that uses them. The entry contexts
 * (XliffEntry and the types it is made of) are what the entry templates
 * templates/xliff/unit.xlf.hbs and unit-1.2.xlf.hbs render, one per item of
 * a `<file>` section; templates/xliff/README.md documents them field by
 * field. Every string in them is escaped XML already.
 */

/** A note as the plan decides it: raw text. */
export interface Note {
  category: string;
  text: string;
}

/** A note of an entry context. */
export interface XliffNote {
  /** section, description, argument, location; in the user file usage, action, argument, location. Attribute-safe. */
  category: string;
  /** The note's text, escaped (characters XML cannot carry as `U+XXXX`). 1.2: led by its label (`Section: …`), which 2.0 says in `category`. */
  text: string;
}

/** One `<unit>` (1.2: `<trans-unit>`): a message, or one plural form inside a group. */
export interface XliffUnit {
  isGroup: false;
  /** The unit id: the key, `<key>.<category>` (`<key>.exact0`) for a plural form, a user text id or `key.<key>`. */
  id: string;
  /** 2.0 `name`: the plural form's ICU selector (`one`, `=0`), else null. */
  name: string | null;
  /** The unit's notes (a plural form has none: they are the group's). */
  notes: XliffNote[];
  /** 2.0: the catalog state (initial, translated, reviewed, final). 1.2: the `<target state>` value (needs-translation, needs-review-translation, translated, signed-off, final). */
  state: string;
  /** The source text as inline XML (escaped text, `<ph/>`, 2.0 `<cp/>`). */
  source: string;
  /** The source needs `xml:space="preserve"` (edge, doubled or control whitespace). */
  sourcePreserve: boolean;
  /** The locale has a translation (false: no `<target>`; an empty translation is `hasTarget` with `target` ''). */
  hasTarget: boolean;
  /** The translation as inline XML, '' without one. */
  target: string;
  /** The target needs `xml:space="preserve"`. */
  targetPreserve: boolean;
}

/** XLIFF 1.2's unit: 1.2 puts `approved` and `xml:space` on the trans-unit. */
export interface XliffUnit12 extends XliffUnit {
  /** `approved="yes"`: translated, reviewed or final. */
  approved: boolean;
  /** `xml:space="preserve"` on the trans-unit: either side needs it. */
  preserve: boolean;
}

/** A plural message: a `<group>` of one unit per form. */
export interface XliffGroup {
  isGroup: true;
  /** The message key. */
  id: string;
  /** The plural argument (2.0 `name`, 1.2 `resname`). */
  name: string;
  /** `codebook:plural` (2.0 `type`), `x-codebook-plural` (1.2 `restype`). */
  type: string;
  notes: XliffNote[];
  /** One unit per form: exact selectors, then the target locale's CLDR categories. */
  units: XliffUnit[];
}

export type XliffEntry = XliffUnit | XliffGroup;

/** A unit's fields as the plan decided them (catalog state), before the dialect spells them. */
export type Unit = Omit<XliffUnit, 'isGroup'>;

/** What differs between XLIFF 2.0 and 1.2: the templates and how notes, units and groups are spelled. */
export interface XliffDialect {
  version: '1.2' | '2.0';
  /** The file template and the entry template (templates/xliff/). */
  template: string;
  entryTemplate: string;
  /** A note of an entry context, its text escaped. */
  note(note: Note): XliffNote;
  unit(unit: Unit): XliffUnit;
  /** The group's `type` (1.2 `restype`). */
  groupType: string;
  /**
   * The built-in entry template in TypeScript, used while it is not
   * overridden (handlebars per unit costs about 2 s at 100k keys);
   * test/targets/xliff.test.ts renders every entry both ways.
   */
  entryText(entry: XliffEntry): string;
}
