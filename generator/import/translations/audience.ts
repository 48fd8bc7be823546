/**
 * The two audiences of a catalog with user messages (emit/audiences.ts), as
 * the imports of the platform formats read them back: which audience a file
 * (or an entry) holds, what state an edit gets, and where a decided edit
 * goes. Shared by the PO, ARB, String Catalog and Android imports.
 *
 * - `single` and `detail`: a key's text is the key's own; its update is
 *   written to the target (translations/apply.ts addMessage).
 * - `user`: an entry shows the code's user message, which is its user
 *   override when it has one, else the shared user text it names. The
 *   entries of the codes that share a text must agree (`conflicting-edits`);
 *   when only some were edited, the shared text changes for all
 *   (`shared-text`). Decided per entry with add(), resolved by finish().
 */
import { parseMessage } from '../../catalog/icu.js';
import type { Catalog, Message, Translation, TranslationState } from '../../catalog/model.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { OVERRIDE_PREFIX, userUnits, type UserUnit } from '../../targets/xliff.js';
import type { At, TranslationWriter } from './apply.js';
import { canonical } from './icu-text.js';
import type { EntryUpdate } from './json-edit.js';
import type { RouterRule } from './rules.js';

export type AudienceId = 'single' | 'user' | 'detail';

/** An entry's update; 'unchanged' when it shows the current translation and state; undefined when it is not applied (reported). */
export type Decision = EntryUpdate | 'unchanged' | undefined;

/**
 * The audience of a file: 'single' for a catalog without user messages;
 * else the audience whose source texts `score` finds more of in the file,
 * a tie going to `detail` when `tieIsDetail()` says so (the file's name).
 */
export function chooseAudience(catalog: Catalog, score: (messages: readonly Message[]) => number, tieIsDetail: () => boolean): AudienceId {
  if (!catalog.userMessages) return 'single';
  const user = score(catalog.userMessages);
  const detail = score(catalog.messages);
  if (user !== detail) return user > detail ? 'user' : 'detail';
  return tieIsDetail() ? 'detail' : 'user';
}

/** The messages of an audience: the user messages, or the details (the one text of each key). */
export function audienceMessages(catalog: Catalog, audience: AudienceId): readonly Message[] {
  return audience === 'user' ? catalog.userMessages! : catalog.messages;
}

/**
 * The state of an edit from a format with at most two states: `initial`
 * when the file marks it so (PO `fuzzy`, String Catalog `needs_review`);
 * else the current state when it is translated, reviewed or final, else
 * `translated`.
 */
export function importedState(initial: boolean, current: Translation | undefined): TranslationState {
  return initial ? 'initial' : current && current.state !== 'initial' ? current.state : 'translated';
}

/** Sends each decided entry to the writer; user messages through their unit (see the file comment). */
export class AudienceRouter {
  private units: Map<string, UserUnit> | undefined;
  private readonly groups = new Map<
    string,
    { unit: UserUnit; changes: { key: string; at: At; update: EntryUpdate }[]; unchanged: string[] }
  >();

  constructor(
    private readonly catalog: Catalog,
    private readonly writer: TranslationWriter,
    private readonly locale: string,
    private readonly report: (rule: RouterRule, message: string, at: At, extra?: Partial<Diagnostic>) => void,
  ) {}

  /** The decision for a key of the audience (`message` is the audience's message of the key), made at `at`. */
  add(audience: AudienceId, message: Message, decided: Decision, at: At): void {
    const key = message.key;
    const locale = this.locale;
    if (audience !== 'user') {
      if (decided !== undefined && decided !== 'unchanged')
        this.writer.addMessage(decided, message.translations[locale], at, { key, locale });
      return;
    }
    const units = (this.units ??= new Map(userUnits(this.catalog).map((u) => [u.message.key, u])));
    const unit = this.catalog.userOverrides?.has(key)
      ? units.get(`${OVERRIDE_PREFIX}${key}`)
      : message.user !== undefined
        ? units.get(message.user)
        : undefined;
    if (!unit || decided === undefined) return;
    const group =
      this.groups.get(unit.message.key) ?? this.groups.set(unit.message.key, { unit, changes: [], unchanged: [] }).get(unit.message.key)!;
    if (decided === 'unchanged') group.unchanged.push(key);
    else group.changes.push({ key, at, update: decided });
  }

  /** Writes the user texts: one per unit, unless its entries disagree. */
  finish(): void {
    const locale = this.locale;
    for (const { unit, changes, unchanged } of this.groups.values()) {
      if (changes.length === 0) continue;
      const current = unit.message.translations[locale];
      const id = unit.message.key;
      if (unit.kind === 'override') {
        this.writer.addUser(unit, changes[0].update, current, changes[0].at, { key: changes[0].key, locale });
        continue;
      }
      const meaning = (u: EntryUpdate) => {
        const parsed = parseMessage(u.text);
        return `${u.state} ${parsed.ok ? canonical(parsed.ast) : u.text}`;
      };
      const first = changes[0];
      if (changes.some((c) => meaning(c.update) !== meaning(first.update))) {
        for (const c of changes) {
          this.report(
            'conflicting-edits',
            `The entries of ${changes.map((x) => x.key).join(', ')} show one user message, ${JSON.stringify(id)}, and change it in different ways; none of them is imported.`,
            c.at,
            {
              key: `user:${id}`,
              locale,
              hint: 'Give the codes the same text, or give one its own text in "userOverrides" of the source file.',
            },
          );
        }
        continue;
      }
      if (!this.writer.addUser(unit, first.update, current, first.at, { key: `user:${id}`, locale })) continue;
      if (unchanged.length > 0) {
        const list = (keys: string[]) => (keys.length > 6 ? `${keys.slice(0, 6).join(', ')} and ${keys.length - 6} more` : keys.join(', '));
        this.report(
          'shared-text',
          `User message ${JSON.stringify(id)} changes in the entries of ${list(changes.map((c) => c.key))} but not of ${list(unchanged)}; it is one text, so those show the new text too.`,
          first.at,
          {
            key: `user:${id}`,
            locale,
            hint: 'To change it for some codes only, give them their own text in "userOverrides" of the source file.',
          },
        );
      }
    }
  }
}
