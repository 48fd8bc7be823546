/**
 * Every rule id codebook reports, with its severity and a one-line
 * explanation. Tests check that each rule has a bad-input case and that
 * nothing is reported under an id missing here.
 */
import type { Severity } from './diagnostic.js';
import { XLIFF_IMPORT_RULES } from '../import/xliff/rules.js';
import { PO_IMPORT_RULES } from '../import/po/rules.js';
import { ARB_IMPORT_RULES } from '../import/arb/rules.js';
import { XCSTRINGS_IMPORT_RULES } from '../import/xcstrings/rules.js';
import { ANDROID_IMPORT_RULES } from '../import/android/rules.js';
import { QA_RULES } from '../review/checks/index.js';

export interface RuleInfo {
  severity: Severity;
  explanation: string;
}

export const RULES: Record<string, RuleInfo> = {
  'json/syntax': { severity: 'error', explanation: 'A source or config file is not valid JSON.' },
  'json/too-deep': { severity: 'error', explanation: 'Arrays or objects nested deeper than 64 levels.' },
  'source/encoding': { severity: 'error', explanation: 'A source file is not valid UTF-8.' },
  'load/skipped-checks': { severity: 'warning', explanation: 'Checks that depend on a file that failed to load were skipped (one line instead of a cascade).' },
  'registry/number-form': { severity: 'error', explanation: 'A registry number that JSON readers would change: beyond ±(2^53 − 1), in exponent form, or negative zero.' },
  'config/layer-outside-project': { severity: 'error', explanation: "A layer glob matches files outside the config's folder that \"sharedFolders\" does not allow." },
  'config/unsafe-out': { severity: 'error', explanation: 'The output folder is the file-system root, the project folder, a folder above the config, or holds the config, a layer file or templates.' },
  'config/out-not-a-folder': { severity: 'error', explanation: 'The output folder names a file.' },
  'output/foreign-file': { severity: 'error', explanation: 'A file (or folder) codebook did not write stands where it would write; codebook never replaces it.' },
  'output/foreign-files': { severity: 'warning', explanation: "Files in a target's folder that codebook did not write; left alone, mentioned once." },
  'output/locked': { severity: 'error', explanation: 'Another codebook run is writing the same output folder.' },
  'output/manifest': { severity: 'error', explanation: "The output's record of codebook's own files cannot be read." },
  'output/file-system': { severity: 'error', explanation: 'The output cannot be written: disk full, read-only, permission denied, or a path of the wrong kind.' },
  'json/duplicate-key': { severity: 'error', explanation: 'An object repeats a key; JSON parsers would silently keep the last.' },
  'schema/kind': { severity: 'error', explanation: 'A layer file is neither a registry file (codes) nor a messages file (locale).' },
  'schema/required': { severity: 'error', explanation: 'A required property is missing.' },
  'schema/additionalProperties': { severity: 'error', explanation: 'A property the schema does not know (often a typo).' },
  'schema/type': { severity: 'error', explanation: 'A value has the wrong JSON type.' },
  'schema/oneOf': { severity: 'error', explanation: 'A value matches none, or more than one, of the allowed shapes.' },
  'schema/enum': { severity: 'error', explanation: 'A value is not one of the allowed values.' },
  'schema/pattern': { severity: 'error', explanation: 'A string does not have the required form.' },
  'config/unreadable': { severity: 'error', explanation: 'The config file cannot be read.' },
  'config/invalid-locale': { severity: 'error', explanation: 'A locale in the config is not a canonical BCP 47 tag, or is not listed in "locales".' },
  'config/duplicate-layer': { severity: 'error', explanation: 'Two layers have the same name (a layer of the config and one of the base it extends included).' },
  'config/unknown-template': { severity: 'warning', explanation: 'A file in a "templates" override folder has the name of no template of that target, so it is not used (a template renamed by an upgrade: rename yours).' },
  'config/extends': { severity: 'error', explanation: 'The base named by "extends" cannot be found, or sets what only the extending project may (out, templates, customTargets, targets, sharedFolders, extends).' },
  'config/empty-layer': { severity: 'warning', explanation: 'A layer matches no file.' },
  'config/file-in-two-layers': { severity: 'error', explanation: 'One file is matched by two layers.' },
  'config/unknown-target': { severity: 'error', explanation: 'A target id that does not exist.' },
  'config/duplicate-target': { severity: 'error', explanation: 'A custom target has the id of a built-in target.' },
  'config/missing-templates': { severity: 'error', explanation: 'A template folder or file named in the config does not exist.' },
  'config/invalid-path': { severity: 'error', explanation: "A custom target's output path leaves the target's folder." },
  'registry/duplicate-section': { severity: 'error', explanation: 'A section id is defined twice.' },
  'registry/duplicate-code': { severity: 'error', explanation: 'A code, range or named key is defined twice.' },
  'registry/unknown-section': { severity: 'error', explanation: 'A code refers to a section no registry defines.' },
  'registry/invalid-key': { severity: 'error', explanation: 'A named key looks like a code or range.' },
  'registry/invalid-range': { severity: 'error', explanation: 'A range ends before it starts.' },
  'registry/overlapping-ranges': { severity: 'error', explanation: 'Two ranges share codes, so lookup by number is ambiguous.' },
  'registry/code-in-range': { severity: 'error', explanation: "A code lies inside another entry's range, so lookup by number is ambiguous." },
  'registry/unknown-user-message': { severity: 'error', explanation: 'A code names a user message ("user") that no messages file defines.' },
  'registry/unused-user-message': { severity: 'warning', explanation: 'A user message that no code names.' },
  'completeness/missing-user': { severity: 'error', explanation: 'In a catalog with user messages, a key has no source-locale user message.' },
  'registry/missing-unknown': { severity: 'error', explanation: 'The registry lacks the generic "unknown" message apps show for codes the catalog lacks.' },
  'key/unsafe': { severity: 'error', explanation: 'A key that breaks JS objects or i18next (__proto__, ".", ":", plural suffixes, "default").' },
  'locale/unknown-locale': { severity: 'error', explanation: "A messages file's locale is not a canonical BCP 47 tag listed in the config." },
  'locale/unknown-key': { severity: 'error', explanation: 'A messages file has a key the registry does not define.' },
  'locale/unknown-section': { severity: 'error', explanation: 'A messages file titles a section the registry does not define.' },
  'merge/conflict': { severity: 'error', explanation: 'Two files of one layer give the same key in the same locale.' },
  'icu/syntax': { severity: 'error', explanation: 'A message is not valid ICU MessageFormat.' },
  'icu/missing-plural-category': { severity: 'error', explanation: 'A plural lacks a category the locale uses (Intl.PluralRules).' },
  'icu/unused-plural-category': { severity: 'warning', explanation: 'A plural has a category the locale never selects.' },
  'params/undeclared': { severity: 'error', explanation: 'A message uses an argument the registry does not declare.' },
  'params/missing': { severity: 'error', explanation: 'A message lacks a declared argument, so locales would show different facts.' },
  'params/type-mismatch': { severity: 'error', explanation: 'A message uses an argument as a different kind than declared.' },
  'completeness/missing-source': { severity: 'error', explanation: 'A key has no text in the source locale.' },
  'completeness/missing': { severity: 'warning', explanation: 'A key has no text in a locale; apps fall back to the source locale.' },
  'completeness/missing-section-title': { severity: 'warning', explanation: 'A section has no title in a locale (an error for the source locale).' },
  'i18next/unrepresentable': { severity: 'error', explanation: 'A message uses something i18next cannot express ({{ or $t( in text, select, two plurals).' },
  'diff/unreadable': { severity: 'error', explanation: 'A side of codebook diff cannot be read: no such path, neither a project nor a dist folder, not a snapshot of this version, or a catalog with errors.' },
  'diff/unknown-kind': { severity: 'error', explanation: 'codebook diff --allow names a change kind that does not exist.' },
  'lookup/code-out-of-range': { severity: 'error', explanation: 'A code or range bound does not fit a signed 32-bit integer, the code type of the generated lookups.' },
  'lookup/unknown-message': { severity: 'error', explanation: 'The "unknown" message is missing or does not take exactly one argument (the code) of type number or string.' },
  'config/unknown-rule': { severity: 'error', explanation: 'review.severities names a QA rule that does not exist.' },
  'emit/identifier-collision': { severity: 'error', explanation: 'Two keys map to the same platform identifier.' },
  'android/unrepresentable': { severity: 'error', explanation: 'A message uses something strings.xml cannot carry (NUL, a lone surrogate, a select, a skeleton).' },
  'android/exact-selector-dropped': { severity: 'warning', explanation: 'An exact plural selector (=0) has no Android quantity of its own in this locale and is dropped.' },
  'apple/unrepresentable': { severity: 'error', explanation: 'A message uses something .strings/.stringsdict cannot carry (C0 controls in plist XML, exact selectors other than =0).' },
  'flutter/unrepresentable': { severity: 'error', explanation: 'A message uses something ARB/gen-l10n cannot carry.' },
  'gettext/unrepresentable': { severity: 'error', explanation: 'A message uses something PO cannot carry (an empty translation, a select, a plural the source lacks, a control character other than tab and line feed).' },
  'gettext/plural-form-dropped': { severity: 'warning', explanation: 'A plural form has no msgstr index of its own in gettext for this language.' },
  'java/unrepresentable': { severity: 'error', explanation: 'A message uses something .properties/MessageFormat cannot carry.' },
  'xliff/unrepresentable': { severity: 'error', explanation: 'A message uses something XLIFF cannot carry (a select; in 1.2 also a character XML 1.0 cannot carry, as 1.2 has no <cp>).' },
  ...XLIFF_IMPORT_RULES,
  ...PO_IMPORT_RULES,
  ...ARB_IMPORT_RULES,
  ...XCSTRINGS_IMPORT_RULES,
  ...ANDROID_IMPORT_RULES,
  ...QA_RULES,
};
