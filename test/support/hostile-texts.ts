/**
 * Text values that trip Android resource readers (and XML, printf and
 * escape handling in general): `@`/`?` references, edge and lone spaces,
 * control and line-separator characters, quotes, markup and CDATA ends,
 * `%`, astral characters, literal backslash escapes, the empty string and a
 * noncharacter. The Android tests and the translate-toolkit read-back use
 * the same list.
 */
export const HOSTILE_ANDROID_TEXTS: readonly string[] = [
  '@home',
  '?attr',
  ' ',
  '  ',
  'a \t b \n c',
  '\u0007\r\u0085\u2028\u2029\u007f\u009f',
  '\u2003\u3000\u00a0',
  '"\'\\"',
  '<b>&amp;</b>]]>',
  '100% %d %s',
  '🎉 𝄞 日本語',
  '\\u0041 \\n \\t',
  '',
  '\uffff',
];
