/**
 * XLIFF 1.2 (`urn:oasis:names:tc:xliff:document:1.2`), the version
 * translate-toolkit (and so Pootle, Virtaal, much of Weblate), Xcode and most
 * CAT tools read: the items xliff.ts plans, in 1.2's terms. Valid against
 * OASIS's xliff-core-1.2-strict.xsd.
 *
 * - One `<file original="<namespace>" source-language target-language
 *   datatype="plaintext">` per audience (a second `original="user"` for the
 *   user texts), as 2.0's `<file id>`; the units in its `<body>`.
 * - A message is `<trans-unit id="<key>" resname="<key>">` with `<source>`,
 *   `<target state>` and then its notes, each a `<note from="developer">`
 *   whose text starts with what 2.0 says in `category` (`Section: …`,
 *   `Location: locales/en/messages.json:6`): `from="developer"` is what
 *   translate-toolkit reads as the developer's comment (`#.` in xliff2po).
 *   1.2's `xml:space` belongs to the trans-unit, not to `<source>`/`<target>`:
 *   `preserve` when either side needs it.
 * - States (1.2 has no `initial`…`final`; `state` sits on `<target>`, so an
 *   untranslated message, which has no target, has none):
 *     initial → `needs-review-translation` (a draft: there is text to check),
 *               `needs-translation` when the text is empty;
 *     translated → `translated`; reviewed → `signed-off`; final → `final`.
 *   The import maps back: `new`, `needs-translation`, `needs-adaptation`,
 *   `needs-l10n` and the `needs-review-*` states → initial, `translated` →
 *   translated, `signed-off` → reviewed, `final` → final.
 *   `approved="yes"` marks every translated, reviewed or final unit:
 *   translate-toolkit reads a unit without it as fuzzy and caps its state at
 *   translated whatever `state` says (and writes it itself for every unit it
 *   un-fuzzies), so without it a signed-off unit would come back as a draft.
 * - Placeholders: `<ph id="<position>">{name}</ph>`, the ICU spelling as the
 *   element's content (xliff-inline.ts), not `<x id equiv-text/>`: 1.2's
 *   `<ph>` holds native code, which is what `{limit, number}` is, and a
 *   reader that flattens inline markup to text keeps a `<ph>`'s content but
 *   drops an `<x/>` entirely. translate-toolkit 3.8.4's `unit.source` and
 *   `unit.target` (so xliff2po, Pootle) read `User <x id="2"
 *   equiv-text="{user}"/> left` as "User  left" and `<ph id="2">{user}</ph>`
 *   as "User {user} left"; so does any reader taking `<target>`'s XPath
 *   string value (Xcode's import reads the target as text). Rich readers
 *   (Virtaal, Okapi) show the `<ph>` as a protected code either way.
 * - Characters XML 1.0 cannot carry (C0 controls but TAB/LF/CR, U+FFFE,
 *   U+FFFF): 1.2 has no `<cp>`, so such a message is `xliff/unrepresentable`.
 * - Plurals: a `<group id="<key>" resname="<plural argument>"
 *   restype="x-codebook-plural">` (notes first, as 1.2 orders a group),
 *   holding one trans-unit per form, `id` `<key>.<category>`
 *   (`<key>.exact0` for `=0`), the same forms, texts and ids as 2.0's
 *   `codebook:plural` group; the import reads the selector from the id.
 *   Not `restype="x-gettext-plurals"`: that restype means translate-toolkit's
 *   PO-in-XLIFF convention (units `<key>[0]`, `<key>[1]`… indexed by
 *   gettext's Plural-Forms, sources msgid/msgid_plural), which cannot hold
 *   an exact `=0` form or the `many` that gettext merges into `other` (fr,
 *   es), and which translate-toolkit only merges into one plural unit in a
 *   `datatype="po"` file anyway; in a plaintext file it reads each form as a
 *   unit of its own whatever the restype, and writes the group back as it
 *   found it. Xcode names plural units by CLDR category too
 *   (`key|==|plural.one`), not by gettext index. A form unit's `resname`
 *   is its id, as a plain unit's is its key: one name per string.
 */
import type { Note, Unit, XliffDialect } from './xliff.js';
import { noteText } from './xliff-inline.js';

/** The 1.2 `state` of a catalog state (`initial`: by whether there is text). */
export function xliff12State(state: string, hasText: boolean): string {
  if (state === 'initial') return hasText ? 'needs-review-translation' : 'needs-translation';
  return state === 'reviewed' ? 'signed-off' : state;
}

/** The restype of codebook's plural groups in 1.2 (2.0: `type="codebook:plural"`). */
export const PLURAL_GROUP_RESTYPE = 'x-codebook-plural';

/** What 2.0's note `category` becomes at the start of a 1.2 note's text; the user file's usage and action notes are sentences already. */
const LABELS: Record<string, string> = { section: 'Section', description: 'Description', argument: 'Argument', location: 'Location' };

export const XLIFF12: XliffDialect = {
  version: '1.2',
  template: 'file-1.2.xlf.hbs',
  note: (note: Note) => `        <note from="developer">${noteText(LABELS[note.category] ? `${LABELS[note.category]}: ${note.text}` : note.text)}</note>\n`,
  notes: (lines) => lines.replace(/\n$/, ''),
  unit(unit: Unit, pad: string): string {
    const approved = unit.hasTarget && unit.state !== 'initial' ? ' approved="yes"' : '';
    const preserve = unit.sourcePreserve || (unit.hasTarget && unit.targetPreserve) ? ' xml:space="preserve"' : '';
    const lines = [`${pad}<trans-unit id="${unit.id}" resname="${unit.id}"${approved}${preserve}>`, `${pad}  <source>${unit.source}</source>`];
    if (unit.hasTarget) lines.push(`${pad}  <target state="${xliff12State(unit.state, unit.target !== '')}">${unit.target}</target>`);
    if (unit.notes !== '') lines.push(unit.notes);
    lines.push(`${pad}</trans-unit>`);
    return lines.join('\n');
  },
  group: (id, arg, notes, units) => [`      <group id="${id}" resname="${arg}" restype="${PLURAL_GROUP_RESTYPE}">`, notes, ...units, '      </group>'].filter((line) => line !== '').join('\n'),
  itemPad: '      ',
  formPad: '        ',
};
