/**
 * The merged catalog: one immutable value that every later stage reads.
 * Targets never read files; everything they need is here, including where
 * each fact came from (`Origin`) so any diagnostic can point at a source line.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CodeRange } from './keys.js';
import { ACTIONS, FAULTS, type PARAM_TYPES } from '../json/registry-enums.js';

export type ParamType = (typeof PARAM_TYPES)[number];
export type TranslationState = 'initial' | 'translated' | 'reviewed' | 'final';

/** Where a fact was defined: the layer, the file (relative to the config) and the position. */
export interface Origin {
  layer: string;
  file: string;
  pointer: string;
  line: number;
  column: number;
}

export interface Param {
  name: string;
  type: ParamType;
  example?: string | number;
  description?: string;
}

export interface Translation {
  /** ICU MessageFormat source. */
  text: string;
  /** Parsed once by the validate stage; targets convert from it. */
  ast: MessageFormatElement[];
  state: TranslationState;
  origin: Origin;
  /** Earlier definitions this one replaced, oldest first. */
  overrides?: Origin[];
  note?: string;
  doubts?: string[];
}

export interface Section {
  id: string;
  part?: string;
  /** Localized titles by locale. */
  titles: Record<string, string>;
  origin: Origin;
}

/** What the app should offer its user next (registry `action`). */
export type Action = (typeof ACTIONS)[number];
/** Whose problem it is (registry `fault`). */
export type Fault = (typeof FAULTS)[number];
export { ACTIONS, FAULTS };

export interface Message {
  key: string;
  code?: number;
  range?: CodeRange;
  section: string;
  description?: string;
  params: Param[];
  /** The id of the shared end-user text (registry `user`). */
  user?: string;
  action?: Action;
  fault?: Fault;
  /** By locale; a locale without text for this key has no entry. */
  translations: Record<string, Translation>;
  origin: Origin;
}

/** An end-user text written once under an id and shared by the keys that name it. */
export interface UserText {
  id: string;
  /** By locale, like a message's. */
  translations: Record<string, Translation>;
  /** Where the source locale defines it. */
  origin: Origin;
}

export interface Catalog {
  sourceLocale: string;
  /** Source locale first, then the others sorted. */
  locales: string[];
  namespace: string;
  /** The namespace of the developer details when there are user messages. */
  detailNamespace: string;
  /** Fallback chains by locale (config `fallback`), tried before the source locale. */
  fallback?: Record<string, string[]>;
  sections: Section[];
  /** Sorted by key (compareKeys). The developer detail when the catalog has user messages; else the one text of each key. */
  messages: Message[];
  /**
   * Two audiences: when the registry names user messages, the end-user text
   * of every key (same keys, order, params and sections as `messages`), each
   * the key's own override or else its shared user text. Undefined otherwise.
   */
  userMessages?: Message[];
  /** The shared end-user texts by id, sorted: what translators translate. */
  userTexts?: UserText[];
  /** End-user texts of single keys (`userOverrides` in the messages files), by key, then locale. */
  userOverrides?: Map<string, Record<string, Translation>>;
}
