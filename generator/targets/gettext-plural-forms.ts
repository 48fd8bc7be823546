/**
 * gettext's side of plurals and locale names, as data. `Plural-Forms` is
 * gettext's own (formats.md §3): the table below was derived once by running
 * `GETTEXTCLDRDIR=/usr/share/unicode/cldr msginit --no-translator -l <lang>`
 * (gettext 0.21: its built-in table, else `cldr-plurals` on CLDR 41) for every
 * language of CLDR's plurals.xml, and `test/targets/gettext.test.ts` compares
 * it with msginit again. Each row also names the CLDR category (Node's
 * `Intl.PluralRules`) whose text goes into each `msgstr[i]` — the category
 * of most integers gettext sends to index i — and the categories some
 * integers have in CLDR but gettext shows another index's text for
 * (`many>other`: n = 1 000 000 in fr, es, it, pt needs CLDR's `e` operand).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { categoryIsExactly, formFor, type PluralSplit } from '../emit/plural-forms.js';
import { exactValue, isExactSelector } from '../emit/plural-shape.js';

export interface GettextPlurals {
  /** The `Plural-Forms` header value. */
  header: string;
  /** CLDR category written into msgstr[i], by index. */
  forms: string[];
  /** Category → the category whose text gettext shows instead for some integers. */
  lost: Map<string, string>;
}

// [Plural-Forms, category per index, lost categories, gettext languages]
const RULES: readonly (readonly [string, string, string, string])[] = [
  [
    'nplurals=2; plural=(n != 1);',
    'one other',
    '',
    'af an asa ast az bal bem bez bg brx ce cgg chr ckb da de dv ee el en eo et eu fi fo fur fy gl gsw ha haw hu ia io jgo jmc ka kaj kcg kk kkj kl ks ksb ku ky lb lg lij mas mgo ml mn mr nah nb nd ne nl nn nnh no nr ny nyn om or os pap ps rm rof rwk saq sc sd sdh seh sn so sq ss ssy st sv sw syr ta te teo tig tk tn tr ts ug ur uz ve vo vun wae xh xog yi',
  ],
  [
    'nplurals=1; plural=0;',
    'other',
    '',
    'bm bo dz hnj id ig ii ja jbo jv kde kea km ko lkt lo ms my nqo osa sah ses sg su th to tpi vi wo yo yue zh',
  ],
  ['nplurals=2; plural=(n > 1);', 'one other', '', 'ak bho ff guw hy kab ln mg nso pa si ti wa'],
  ['nplurals=2; plural=(n==0 || n==1);', 'other one', '', 'am as bn doi fa gu hi kn pcm zu'],
  ['nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);', 'one two other', '', 'iu naq sat se sma smi smj smn sms'],
  ['nplurals=2; plural=(n != 1);', 'one other', 'many>other', 'ca es it pt_PT scn'],
  ['nplurals=2; plural=(n==1 || n==2 || n==3 || (n%10!=4 && n%10!=6 && n%10!=9));', 'other one', '', 'ceb fil tl'],
  [
    'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
    'one few many',
    '',
    'be ru uk',
  ],
  ['nplurals=2; plural=(n > 1);', 'one other', 'many>other', 'fr pt_BR'],
  ['nplurals=2; plural=(n%10==1 && n%100!=11);', 'other one', '', 'is mk'],
  ['nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);', 'one few other', '', 'hr sr'],
  ['nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;', 'one few other', '', 'cs sk'],
  ['nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100>=3 && n%100<=4 ? 2 : 3);', 'one two few other', '', 'dsb hsb'],
  [
    'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);',
    'zero one two few many other',
    '',
    'ar ars',
  ],
  ['nplurals=2; plural=(n != 1);', 'one other', 'many>other one>other', 'pt'],
  ['nplurals=2; plural=(n != 1);', 'one other', 'two>other', 'he'],
  ['nplurals=2; plural=(n<=1 || (n>=11 && n<=99));', 'other one', '', 'tzm'],
  ['nplurals=3; plural=(n%10==0 || (n%100>=11 && n%100<=19) ? 0 : n%10==1 && n%100!=11 ? 1 : 2);', 'zero one other', '', 'prg'],
  ['nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);', 'one other zero', 'zero>other', 'lv'],
  ['nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);', 'one few other', '', 'lt'],
  ['nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);', 'one few other', '', 'bs'],
  ['nplurals=3; plural=(n==0 ? 0 : (n==0 || n==1) && n!=0 ? 1 : 2);', 'zero one other', '', 'lag'],
  ['nplurals=3; plural=(n==0 ? 0 : n==1 ? 1 : 2);', 'zero one other', '', 'ksh'],
  ['nplurals=3; plural=(n==0 || n==1 ? 0 : n>=2 && n<=10 ? 1 : 2);', 'one few other', '', 'shi'],
  ['nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);', 'one few many', '', 'pl'],
  ['nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;', 'one few other', '', 'ro'],
  ['nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;', 'one two other', 'few>other many>other', 'ga'],
  ['nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);', 'one two few other', '', 'sl'],
  [
    'nplurals=4; plural=(n%10==1 ? 0 : n%10==2 ? 1 : n%100==0 || n%100==20 || n%100==40 || n%100==60 || n%100==80 ? 2 : 3);',
    'one two few other',
    '',
    'gv',
  ],
  [
    'nplurals=4; plural=(n==1 ? 0 : n==0 || (n%100>=2 && n%100<=10) ? 1 : n%100>=11 && n%100<=19 ? 2 : 3);',
    'one few many other',
    'other>few two>few',
    'mt',
  ],
  [
    'nplurals=4; plural=(n==1 || n==11 ? 0 : n==2 || n==12 ? 1 : (n>=3 && n<=10) || (n>=13 && n<=19) ? 2 : 3);',
    'one two few other',
    '',
    'gd',
  ],
  [
    'nplurals=5; plural=(n%10==1 && n%100!=11 && n%100!=71 && n%100!=91 ? 0 : n%10==2 && n%100!=12 && n%100!=72 && n%100!=92 ? 1 : ((n%10>=3 && n%10<=4) || n%10==9) && (n%100<10 || n%100>19) && (n%100<70 || n%100>79) && (n%100<90 || n%100>99) ? 2 : n!=0 && n%1000000==0 ? 3 : 4);',
    'one two few many other',
    '',
    'br',
  ],
  [
    'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n%100==2 || n%100==22 || n%100==42 || n%100==62 || n%100==82 || (n%1000==0 && ((n%100000>=1000 && n%100000<=20000) || n%100000==40000 || n%100000==60000 || n%100000==80000)) || (n!=0 && n%1000000==100000) ? 2 : n%100==3 || n%100==23 || n%100==43 || n%100==63 || n%100==83 ? 3 : n!=1 && (n%100==1 || n%100==21 || n%100==41 || n%100==61 || n%100==81) ? 4 : 5);',
    'zero one two few many other',
    '',
    'kw',
  ],
  ['nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);', 'zero one two few many other', '', 'cy'],
];

const BY_LANGUAGE = new Map<string, GettextPlurals>(
  RULES.flatMap(([header, forms, lost, languages]) => {
    const rule = {
      header,
      forms: forms.split(' '),
      lost: new Map(lost ? lost.split(' ').map((l) => l.split('>') as [string, string]) : []),
    };
    return languages.split(' ').map((language) => [language, rule] as const);
  }),
);

/** The languages of the table, as gettext names them (for the test that re-derives them). */
export const gettextPluralLanguages: readonly string[] = [...BY_LANGUAGE.keys()].sort();

/** gettext's plural rule for a gettext locale name (`pt_BR`, `sr@latin`): exact `ll_CC`, else `ll`. */
export function gettextPlurals(gettextLocale: string): GettextPlurals | undefined {
  const bare = gettextLocale.replace(/@.*$/, '');
  return BY_LANGUAGE.get(bare) ?? BY_LANGUAGE.get(bare.replace(/_.*$/, ''));
}

/** The ICU form each msgstr[i] carries, by index, and why any selector of the message is carried by none. */
export function msgstrForms(
  split: PluralSplit,
  locale: string,
  rule: GettextPlurals,
): { forms: MessageFormatElement[][]; dropped: string[] } {
  const exactFor = (category: string) => [...split.forms.keys()].find((s) => holdsExactly(locale, rule, category, s));
  const forms = rule.forms.map((category) => {
    const exact = exactFor(category);
    return exact ? split.forms.get(exact)! : formFor(split, category);
  });
  const text = (selector: string) => printAST(formFor(split, selector));
  const dropped = [...split.forms.keys()].flatMap((s) => {
    if (isExactSelector(s))
      return rule.forms.some((category) => holdsExactly(locale, rule, category, s))
        ? []
        : [`PO has no exact "${s}" form: that count shows its plural category's text`];
    const instead = rule.lost.get(s);
    return instead && text(s) !== text(instead)
      ? [`gettext's Plural-Forms shows the "${instead}" text for counts CLDR puts in "${s}"`]
      : [];
  });
  return { forms, dropped };
}

/** Whether gettext sends exactly the count of an `=N` selector to a category's msgstr (ar `zero` is {0}; lv `zero` is not). */
function holdsExactly(locale: string, rule: GettextPlurals, category: string, selector: string): boolean {
  return (
    isExactSelector(selector) && categoryIsExactly(locale, category, exactValue(selector)) && ![...rule.lost.values()].includes(category)
  );
}

/** gettext modifier names of scripts (glibc: `sr_RS@latin`, `uz_UZ@cyrillic`); others use the lowercased code. */
const SCRIPT_MODIFIERS: Record<string, string> = { Latn: 'latin', Cyrl: 'cyrillic', Deva: 'devanagari', Arab: 'arabic' };

/**
 * A BCP 47 tag as a gettext locale name (ecosystem.md §2): `ll[_CC][@modifier]`.
 * Chinese scripts become their usual region (`zh-Hans` → `zh_CN`, `zh-Hant` →
 * `zh_TW`); another script is a modifier unless it is the language's likely
 * script (`sr-Latn` → `sr@latin`, `sr-Cyrl` → `sr`); a variant is a modifier
 * too (`ca-ES-valencia` → `ca_ES@valencia`). Extensions are dropped.
 */
export function gettextLocaleName(tag: string): string {
  const locale = new Intl.Locale(tag);
  const { language, script } = locale;
  let region = locale.region;
  const variant = tag
    .split(/-(?:[a-wyz]|x)-/i)[0]
    .split('-')
    .find((s, i) => i > 0 && /^(\d[a-z\d]{3}|[a-z\d]{5,8})$/i.test(s));
  let modifier: string | undefined;
  if (language === 'zh') region ??= script ? locale.maximize().region : undefined;
  else if (script && script !== new Intl.Locale(language).maximize().script) modifier = SCRIPT_MODIFIERS[script] ?? script.toLowerCase();
  modifier ??= variant?.toLowerCase();
  return `${language}${region ? `_${region}` : ''}${modifier ? `@${modifier}` : ''}`;
}
