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
import type { Note, Unit, XliffDialect, XliffNote, XliffUnit12 } from './xliff-dialect.js';
import { PLURAL_GROUP_RESTYPE, xliff12State } from '../emit/xliff-ids.js';
import { noteText } from './xliff-inline.js';

/** What 2.0's note `category` becomes at the start of a 1.2 note's text; the user file's usage and action notes are sentences already. */
const LABELS: Record<string, string> = { section: 'Section', description: 'Description', argument: 'Argument', location: 'Location' };

/** The entry context's spelling of 1.2 (templates/xliff/unit-1.2.xlf.hbs prints it). */
export const XLIFF12: XliffDialect = {
  version: '1.2',
  template: 'file-1.2.xlf.hbs',
  entryTemplate: 'unit-1.2.xlf.hbs',
  note: (note: Note) => ({
    category: note.category,
    text: noteText(LABELS[note.category] ? `${LABELS[note.category]}: ${note.text}` : note.text),
  }),
  unit: (unit: Unit): XliffUnit12 => ({
    isGroup: false,
    ...unit,
    state: unit.hasTarget ? xliff12State(unit.state, unit.target !== '') : '',
    approved: unit.hasTarget && unit.state !== 'initial',
    preserve: unit.sourcePreserve || (unit.hasTarget && unit.targetPreserve),
  }),
  groupType: PLURAL_GROUP_RESTYPE,
  entryText: (entry) => {
    if (!entry.isGroup) return transUnit(entry as XliffUnit12, '      ');
    let text = `      <group id="${entry.id}" resname="${entry.name}" restype="${entry.type}">\n${notes12(entry.notes, '        ')}`;
    for (const unit of entry.units) text += `${transUnit(unit as XliffUnit12, '        ')}\n`;
    return `${text}      </group>`;
  },
};

/** templates/xliff/unit-1.2.xlf.hbs's notes, each line indented by `pad`. */
function notes12(notes: readonly XliffNote[], pad: string): string {
  return notes.map((n) => `${pad}<note from="developer">${n.text}</note>\n`).join('');
}

/** templates/xliff/unit-1.2.xlf.hbs's `<trans-unit>`, without a final newline. */
function transUnit(u: XliffUnit12, pad: string): string {
  return (
    `${pad}<trans-unit id="${u.id}" resname="${u.id}"${u.approved ? ' approved="yes"' : ''}${u.preserve ? ' xml:space="preserve"' : ''}>\n` +
    `${pad}  <source>${u.source}</source>\n` +
    (u.hasTarget ? `${pad}  <target state="${u.state}">${u.target}</target>\n` : '') +
    `${notes12(u.notes, `${pad}  `)}${pad}</trans-unit>`
  );
}
