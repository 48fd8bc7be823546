/**
 * The layer files as the load stage hands them to the merge: each parsed
 * file classified as a registry file or a messages file, the files left out,
 * and what the load found.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonFile } from '../json/json-file.js';
import type { Action, Fault, ParamType, TranslationState } from './model.js';

export interface RegistryData {
  sections?: { id: string; part?: string }[];
  codes: {
    code?: number;
    range?: [number, number];
    key?: string;
    section: string;
    description?: string;
    params?: Record<string, { type: ParamType; example?: string | number; description?: string }>;
    user?: string;
    action?: Action;
    fault?: Fault;
  }[];
}

export interface MessageEntry {
  text?: string;
  state?: TranslationState;
  note?: string;
  doubts?: string[];
}

export interface MessagesData {
  locale: string;
  sections?: Record<string, string>;
  messages?: Record<string, string | MessageEntry>;
  /** End-user texts by id. */
  user?: Record<string, string | MessageEntry>;
  /** End-user texts by key, replacing the shared one the key names. */
  userOverrides?: Record<string, string | MessageEntry>;
}

export type SourceFile =
  | { kind: 'registry'; layer: string; json: JsonFile; data: RegistryData }
  | { kind: 'messages'; layer: string; json: JsonFile; data: MessagesData };

/** A layer file left out of the merge because it did not load: what checks on the merge must not trust. */
export interface FailedFile {
  file: string;
  /** Unset when the file could not be read or parsed far enough to tell. */
  kind?: 'registry' | 'messages';
  locale?: string;
}

export interface LoadedLayers {
  files: SourceFile[];
  failed: FailedFile[];
  /** Text of every file read, by display path, for caret frames in reports. */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
  /** In an incremental run, every file's text hash (hashText), by display path; empty otherwise. */
  hashes: Map<string, number>;
  /** Of those, the files that loaded without a problem: what the next run may trust. */
  clean: Map<string, number>;
}
