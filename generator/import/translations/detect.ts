/**
 * `codebook import` without --from: the platform files a translator sends
 * back, told by their content, whatever their name. A JSON object with
 * `@@locale` is an ARB; one with `sourceLanguage` and a `strings` object a
 * String Catalog; XML whose root is `<resources>` an Android string resource
 * file.
 */
export type PlatformFormat = 'arb' | 'xcstrings' | 'android';

/** The format of a file's text (a BOM already removed), if it is one of the platform files. */
export function platformFormatOf(text: string): PlatformFormat | undefined {
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<resources[\s>/]/.test(text)) return 'android';
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const object = value as Record<string, unknown>;
  if (typeof object['@@locale'] === 'string') return 'arb';
  if (typeof object.sourceLanguage === 'string' && object.strings !== null && typeof object.strings === 'object') return 'xcstrings';
  return undefined;
}

/** The format a file name says: `.arb`, `.xcstrings`. */
export function platformFormatOfName(file: string): PlatformFormat | undefined {
  return /\.arb$/i.test(file) ? 'arb' : /\.xcstrings$/i.test(file) ? 'xcstrings' : undefined;
}
