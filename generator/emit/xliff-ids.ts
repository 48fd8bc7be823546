/**
 * The names the XLIFF export (targets/xliff.ts, xliff-12.ts, xliff-inline.ts)
 * writes and the XLIFF import (import/xliff/) reads back, each spelled once
 * so the two cannot drift apart. test/emit/xliff-ids.test.ts writes each
 * and reads it back.
 *
 * - Files: the user texts are the `<file>` `user` (2.0 `id`, 1.2 `original`);
 *   the details' file is the catalog's namespace.
 * - Units: a message is the unit `<key>`; a user text the unit `<text id>`
 *   (lowercase, digits and `-`, never a `.`), a user override `key.<key>`.
 * - Plural groups: 2.0 `<group type="codebook:plural">`, 1.2
 *   `<group restype="x-codebook-plural">`; the group's id is the key, its
 *   `name` (1.2 `resname`) the plural argument, and each form is the unit
 *   `<key>.<category>`, `<key>.exact<N>` for `=N` (`6014.one`, `6014.exact0`).
 * - Placeholders: `<ph id>` is the argument's 1-based position in the
 *   registry's params (its name when it is not a param), with `-2`, `-3`…
 *   for its second, third use in one text: `1`, `1-2`, `2`.
 * - States: 2.0's four segment states are the catalog's. 1.2 has none of
 *   them: initial is `needs-review-translation` (`needs-translation` when
 *   there is no text), translated `translated`, reviewed `signed-off`, final
 *   `final`; reading back, `new`, `needs-*` and `needs-review-*` are initial.
 */
import type { TranslationState } from '../catalog/model.js';

/** The `<file>` of the user texts. */
export const USER_FILE_ID = 'user';
/** The unit id prefix of a user override: `key.<key>`. */
export const OVERRIDE_PREFIX = 'key.';
/** XLIFF 2.0: the `type` of a plural group. */
export const PLURAL_GROUP_TYPE = 'codebook:plural';
/** XLIFF 1.2: the `restype` of a plural group. */
export const PLURAL_GROUP_RESTYPE = 'x-codebook-plural';

/** The unit id of a user override of a key. */
export function overrideUnitId(key: string): string {
  return `${OVERRIDE_PREFIX}${key}`;
}

/** The unit id of a plural form: `6014.one`, `6014.exact0` for `=0`. */
export function formUnitId(key: string, selector: string): string {
  return `${key}.${selector.replace(/^=/, 'exact')}`;
}

/** The selector a form unit's id names (`6014.exact0` → `=0`, `6014.one` → `one`); undefined when the id is not a form of the key. */
export function selectorOfFormUnitId(id: string | undefined, key: string): string | undefined {
  if (id === undefined || !id.startsWith(`${key}.`)) return undefined;
  const rest = id.slice(key.length + 1);
  return rest.startsWith('exact') ? `=${rest.slice(5)}` : rest;
}

/** The `<ph id>` of the `use`-th use (from 1) of an argument in one text, by its position (or its name). */
export function placeholderId(argument: number | string, use: number): string {
  return `${argument}${use > 1 ? `-${use}` : ''}`;
}

/** The argument a `<ph id>` names: the id without its use suffix (`1-2` → `1`). */
export function placeholderArgument(id: string): string {
  return id.replace(/-\d+$/, '');
}

/** The XLIFF 1.2 `<target state>` of a catalog state (`initial`: by whether there is text). */
export function xliff12State(state: string, hasText: boolean): string {
  if (state === 'initial') return hasText ? 'needs-review-translation' : 'needs-translation';
  return state === 'reviewed' ? 'signed-off' : state;
}

/** XLIFF 1.2 target states as catalog states (1.2's `x-` extensions: none). */
const STATES_12: Readonly<Record<string, TranslationState>> = {
  new: 'initial',
  'needs-translation': 'initial',
  'needs-adaptation': 'initial',
  'needs-l10n': 'initial',
  'needs-review-translation': 'initial',
  'needs-review-adaptation': 'initial',
  'needs-review-l10n': 'initial',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'final',
};

/** Every XLIFF 1.2 target state the import reads. */
export const XLIFF_12_STATES = Object.keys(STATES_12);

/** The catalog state of an XLIFF 1.2 target state; undefined for one 1.2 does not define. */
export function stateOf12(value: string): TranslationState | undefined {
  return Object.hasOwn(STATES_12, value) ? STATES_12[value] : undefined;
}
