/**
 * The two audiences a platform target writes for: what users are shown and
 * what developers are told. A catalog with user messages gives two views of
 * itself, each with the usual shape (`messages` are that audience's texts),
 * so a target plans each with the code it has and only names differ:
 *
 * - `user`: the user messages, under the target's usual names (`strings.xml`,
 *   `error_6014`, `Localizable`, the namespace), since they are what an app shows;
 * - `detail`: the developer details, under names with a `detail` part
 *   (`strings_detail.xml`, `error_detail_6014`, `LocalizableDetail`, the detail namespace).
 *
 * A catalog without user messages has one audience, `single`, under the usual names.
 */
import type { Catalog } from '../catalog/model.js';
import type { TargetPlan } from './target.js';

export interface Audience {
  id: 'single' | 'user' | 'detail';
  /** The catalog as this audience sees it: its texts as `messages`, its namespace as `namespace`. */
  catalog: Catalog;
  /** The identifier prefix of its platform names (`error_`, `error_detail_`). */
  identifierPrefix: string;
  /** Appended to a file or table name, with the target's separator: '' or 'detail'. */
  suffix: '' | 'detail';
}

const views = new WeakMap<Catalog, Map<string, Audience[]>>();

/** The audiences of a catalog; the same view objects on every call (targets cache by catalog). */
export function audiencesOf(catalog: Catalog, identifierPrefix: string): Audience[] {
  let byPrefix = views.get(catalog);
  if (!byPrefix) views.set(catalog, (byPrefix = new Map()));
  let audiences = byPrefix.get(identifierPrefix);
  if (!audiences) {
    audiences = catalog.userMessages
      ? [
          { id: 'user', catalog: { ...catalog, messages: catalog.userMessages }, identifierPrefix, suffix: '' },
          {
            id: 'detail',
            catalog: { ...catalog, namespace: catalog.detailNamespace },
            identifierPrefix: `${identifierPrefix}detail_`,
            suffix: 'detail',
          },
        ]
      : [{ id: 'single', catalog, identifierPrefix, suffix: '' }];
    byPrefix.set(identifierPrefix, audiences);
  }
  return audiences;
}

/** Plans each audience with `planOne` and joins the plans: the whole plan of a target that writes each audience alike. */
export function planEachAudience(catalog: Catalog, identifierPrefix: string, planOne: (audience: Audience) => TargetPlan): TargetPlan {
  const plans = audiencesOf(catalog, identifierPrefix).map(planOne);
  return { files: plans.flatMap((p) => p.files), diagnostics: plans.flatMap((p) => p.diagnostics) };
}

/** `base` with the audience's suffix after `separator`: `strings` → `strings_detail`, or in PascalCase `Localizable` → `LocalizableDetail`. */
export function audienceName(base: string, audience: Audience, separator: string, style: 'lower' | 'pascal' = 'lower'): string {
  if (!audience.suffix) return base;
  return `${base}${separator}${style === 'pascal' ? audience.suffix[0]!.toUpperCase() + audience.suffix.slice(1) : audience.suffix}`;
}
