/**
 * The merged catalog: one immutable value that every later stage reads.
 * Targets never read files; everything they need is here, including where
 * each fact came from (`Origin`) so any diagnostic can point at a source line.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CodeRange } from './keys.js';

export type ParamType = 'string' | 'number' | 'plural' | 'select' | 'date' | 'time';
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

export interface Message {
  key: string;
  code?: number;
  range?: CodeRange;
  section: string;
  description?: string;
  params: Param[];
  /** By locale; a locale without text for this key has no entry. */
  translations: Record<string, Translation>;
  origin: Origin;
}

export interface Catalog {
  sourceLocale: string;
  /** Source locale first, then the others sorted. */
  locales: string[];
  namespace: string;
  sections: Section[];
  /** Sorted by key (compareKeys). */
  messages: Message[];
}
