/**
 * `<ph>` checks: a target must use the arguments its source uses, spelled as
 * the source spells them. The export names each `<ph>` by its argument
 * (`id` = position in the registry's params, `-2`… for a second use) and
 * gives its ICU spelling in `equiv`, so an argument is `id` without the use
 * suffix, and a target `<ph>` is right when its source has a `<ph>` of the
 * same argument with the same `equiv`. A translation may repeat or reorder
 * arguments. In a plural group each form is checked against every source
 * form of the group (ru `one` uses `#` where en `one` has none), and an
 * argument only has to appear in some target form; the plural argument
 * itself never has to (its selector uses it).
 *
 * XLIFF 1.2 gives the spelling as a `<ph>`'s content (or an `<x/>`'s
 * `equiv-text`); the checks are the same, the messages show it that way.
 */
import { placeholderArgument } from '../../emit/xliff-ids.js';
import type { At, InlinePart } from './read-xliff.js';

type Ph = Extract<InlinePart, { kind: 'ph' }>;

export interface PlaceholderProblem {
  message: string;
  at: At;
}

const argumentOf = (ph: Ph) => placeholderArgument(ph.id ?? '');
const show = (ph: Ph) =>
  ph.form === 'content'
    ? `<ph id="${ph.id ?? ''}">${ph.equiv ?? ''}</ph>`
    : ph.form === 'equiv-text'
      ? `<x id="${ph.id ?? ''}" equiv-text="${ph.equiv ?? ''}"/>`
      : `<ph id="${ph.id ?? ''}" equiv="${ph.equiv ?? ''}"/>`;
/** `<ph id="1"> has equiv "…"` (2.0), `<ph id="1"> holds "…"` (1.2), `<x id="1"> has equiv-text "…"`. */
const spelled = (ph: Ph) =>
  ph.form === 'content'
    ? `<ph id="${ph.id}"> holds ${JSON.stringify(ph.equiv ?? '')}`
    : ph.form === 'equiv-text'
      ? `<x id="${ph.id}"> has equiv-text ${JSON.stringify(ph.equiv ?? '')}`
      : `<ph id="${ph.id}"> has equiv ${JSON.stringify(ph.equiv ?? '')}`;
const phs = (parts: readonly InlinePart[]) => parts.filter((p): p is Ph => p.kind === 'ph');

/** Problems of each target against the sources: `<ph>` added or with its `equiv` edited, then arguments removed. */
export function placeholderProblems(
  key: string,
  sources: readonly (readonly InlinePart[])[],
  targets: readonly { parts: readonly InlinePart[]; at: At }[],
  exempt: ReadonlySet<string> = new Set(),
): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const known = sources.flatMap(phs);
  for (const target of targets) {
    for (const ph of phs(target.parts)) {
      const same = known.filter((s) => argumentOf(s) === argumentOf(ph));
      if (ph.id === undefined || same.length === 0) {
        problems.push({ message: `Unit ${key}: the target adds ${show(ph)}, which its source does not have.`, at: ph.at });
      } else if (!same.some((s) => s.equiv === ph.equiv)) {
        const spellings = [...new Set(same.map((s) => JSON.stringify(s.equiv ?? '')))].join(' or ');
        problems.push({ message: `Unit ${key}: the target's ${spelled(ph)}; the source's is ${spellings}.`, at: ph.at });
      }
    }
  }
  const used = new Set(targets.flatMap((t) => phs(t.parts).map(argumentOf)));
  const reported = new Set<string>();
  for (const ph of known) {
    const arg = argumentOf(ph);
    if (used.has(arg) || exempt.has(arg) || reported.has(arg)) continue;
    reported.add(arg);
    problems.push({ message: `Unit ${key}: the target lacks the source's ${show(ph)}.`, at: targets[0].at });
  }
  return problems;
}
