/** The writing direction the review pages give each locale's text (`dir`). */
/** Scripts written right to left (ISO 15924), for `dir="rtl"`; every other locale gets `dir="auto"`. */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Armi',
  'Avst',
  'Chrs',
  'Cprt',
  'Elym',
  'Hatr',
  'Hebr',
  'Hung',
  'Khar',
  'Lydi',
  'Mand',
  'Mani',
  'Mend',
  'Merc',
  'Mero',
  'Narb',
  'Nbat',
  'Nkoo',
  'Orkh',
  'Ougr',
  'Palm',
  'Phli',
  'Phlp',
  'Phnx',
  'Prti',
  'Rohg',
  'Samr',
  'Sarb',
  'Sogd',
  'Sogo',
  'Syrc',
  'Thaa',
  'Yezi',
]);

const directions = new Map<string, 'rtl' | 'auto'>();

/** `rtl` when the locale's script (explicit, or CLDR's likely script: he → Hebr) is written right to left, else `auto`. */
export function directionOf(locale: string): 'rtl' | 'auto' {
  let dir = directions.get(locale);
  if (!dir) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(locale).maximize().script;
    } catch {
      script = undefined;
    }
    dir = script && RTL_SCRIPTS.has(script) ? 'rtl' : 'auto';
    directions.set(locale, dir);
  }
  return dir;
}
