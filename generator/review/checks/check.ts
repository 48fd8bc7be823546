/**
 * The shape of a translation-QA check. A check is a pure function of one
 * message and the catalog it belongs to (plus the gaps the merge recorded
 * for that message): it reads nothing else and returns hits, which the
 * review turns into findings by adding the rule id, the severity and the
 * layer stack.
 */
import type { Gap } from '../../catalog/merge.js';
import type { Catalog, Message, Origin } from '../../catalog/model.js';
import type { CheckSettings } from '../../config/review-settings.js';
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { QaRuleId } from '../rules.js';

/** One text a hit is about: a key in a locale, and where that text came from (none when there is no text). */
export interface Subject {
  key: string;
  locale: string;
  origin?: Origin;
}

export interface CheckHit {
  /** The key the finding is reported on; the message's own key when left out. */
  key?: string;
  /** The locales involved, sorted. */
  locales: string[];
  /** A sentence a translator understands, naming the values involved. */
  message: string;
  /** Where the texts involved come from. */
  origins: Origin[];
  /** The texts the hit is about; by default the key in each of `locales`. Used to tell what resolved it. */
  subjects?: Subject[];
  /** Tells apart two hits of one rule on the same key and locales (which whitespace problem, which doubt). */
  id?: string;
  /** Overrides the rule's default severity for this hit (a missing source text is an error). */
  severity?: Severity;
}

export interface CheckContext {
  /** The merge's gaps for this message: keys a layer names without text, with the import's doubts. */
  gaps: readonly Gap[];
  /** What the config tunes (`review` in codebook.config.json). */
  settings?: CheckSettings;
}

/** The config's settings that checks read (defined by the config, which reads them). */
export type { CheckSettings };

export interface QaCheck {
  /** `qa/…`: a rule of ../rules.ts, which gives its severity and explanation too (`...qaRule(id)`). */
  id: QaRuleId;
  severity: Severity;
  /** One line: what the rule flags and why it matters. */
  explanation: string;
  /**
   * `message`: the hits depend only on the message (its key, registry facts, translations and
   * their origins, states, notes and doubts), its gaps, and the catalog's locales and source
   * locale, so a message that is the same in two catalogs has the same hits in both; and they
   * are on the message's own key, with origins and subjects taken from its translations and
   * gaps only. The review relies on it to skip, in earlier layer stacks, messages whose hits
   * could not be reported there (see review-layers.ts). Leave it out when a check reads other
   * messages of the catalog; such a check must find nothing in a catalog without texts, user
   * texts or gaps (one merged from registries alone), which the review therefore does not check.
   */
  scope?: 'message';
  /**
   * For a check without `scope: 'message'`: the groups `message` belongs to in `catalog`, as
   * strings (review/warm-qa.ts hashes them). The hits on a key may read, beyond the key's own
   * message (its translations, user message and override) and what is no one key's (locales,
   * shared user texts), only the messages that share a group with it, and only a key that
   * shares a group with an edited one (before or after the edit) can have other hits after it.
   * A warm run then reviews again only the edited keys and those sharing a group with them; a
   * check without `scope` that leaves this out makes every run review whole.
   */
  groups?(message: Message, catalog: Catalog): string[];
  /**
   * Groups whose keys the hits on a key need in the catalog, in their order, without reading
   * their texts: the keys naming one shared user text, the first of which reports it. A warm run
   * checks an edited key on a catalog that holds its peers, but does not review them again.
   */
  peers?(message: Message, catalog: Catalog): string[];
  check(message: Message, catalog: Catalog, context: CheckContext): CheckHit[];
}

const targetsOf = new WeakMap<Catalog, readonly string[]>();

/** Every locale but the source locale, in catalog order (one list per catalog: the checks ask for every message). */
export function targetLocales(catalog: Catalog): readonly string[] {
  let targets = targetsOf.get(catalog);
  if (!targets) targetsOf.set(catalog, (targets = catalog.locales.filter((l) => l !== catalog.sourceLocale)));
  return targets;
}

/** Sorts locales the way findings list them. */
export function sortLocales(locales: Iterable<string>): string[] {
  return [...new Set(locales)].sort();
}
