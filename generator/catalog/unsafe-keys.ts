/**
 * Keys that break somewhere downstream even though JSON allows them: object
 * prototype names (`__proto__` rewires plain objects in JS consumers), i18next's
 * separators (`.` splits keys, `:` splits namespaces), plural and context
 * suffixes it would read as forms of another key, `default` (unwrapped by
 * i18next-resources-to-backend), and anything a file name or identifier
 * mapping cannot carry.
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other|ordinal_[a-z]+)$/;

/** Why a key is unsafe, or undefined. */
export function unsafeKeyReason(key: string): string | undefined {
  if (key === '') return 'an empty key cannot be looked up';
  if (PROTOTYPE_NAMES.has(key) || key === 'prototype')
    return `${JSON.stringify(key)} is an Object.prototype name and corrupts plain-object lookups`;
  if (key.includes(':')) return 'i18next reads ":" as the namespace separator';
  if (key.includes('.')) return 'i18next reads "." as the key separator';
  if (PLURAL_SUFFIX.test(key)) return 'i18next reads the suffix as a plural form of another key';
  if (key === 'default') return 'i18next-resources-to-backend unwraps a "default" export';
  if (!/^[A-Za-z0-9_-]+$/.test(key)) return 'keys may use only letters, digits, "_" and "-"';
  return undefined;
}
