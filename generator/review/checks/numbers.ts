/**
 * The numbers a reader of a message sees, as quantities that compare across
 * languages. Text is NFKC-normalised first, so full-width digits (１２),
 * full-width commas and no-break spaces become their ASCII forms. Then:
 *
 * - Digit groups are read with the locale's separators (1,000 = 1000 in en,
 *   ja and ko; 1.000 in de; 1 000 in fr), and a decimal part with its
 *   decimal sign.
 * - A unit written after the number is read and given a canonical name and,
 *   for sizes and durations, a value in a base unit, so 8k = 8 KB = 8 キロバイト,
 *   100MB = 100 MB, 2分 = 2분 = 2 minutes, 1 minute = 60 seconds, 32文字 = 32자
 *   = 32 characters. A bare "k" or "M" stuck to a number is a size, as in the
 *   Chat catalog ("8k", "12k"). One-letter ASCII units (k, M, B, s, h) count
 *   only when attached to the number; with a space they are words.
 * - Counters (個 개 人 명 回 회 번 件 つ…) are not units: "20개" is 20.
 * - Not numbers: digits inside identifiers (UTF-8, MD5, A2, IPv6, To_Account,
 *   H.264), hexadecimal (0x7e), URLs, #tags and @names, ratios (1:1, 1対1,
 *   1대1, 1-to-1), ICU arguments, and "one" written as a counter word — 1つ,
 *   1回の, 1個の, 1人の, 1日の (single, daily), 1개의 — and the 1 of a rate
 *   (1秒あたり, 1秒ごとに, 1秒につき, 1초당, 1초마다, per 1 second), which
 *   other languages write without a digit (毎秒, 초당, per second, daily).
 *
 * Numbers written as words (one, once, 한, 一) are not read: the Chat
 * catalog's English says "at least one member" where the others say "not
 * 0 members", and reading words would make such pairs differ.
 */

export type Dimension = 'size' | 'time' | 'month' | 'length' | 'percent';

export interface Quantity {
  value: number;
  /** Canonical unit: B, KB, MB, GB, TB, ms, s, min, h, d, wk, mo, y, char, %. */
  unit?: string;
  dimension?: Dimension;
  /** The value in the dimension's base unit (bytes, seconds, months, characters, percent). */
  base?: number;
  /** As written (after NFKC). */
  text: string;
}

interface UnitDef {
  unit: string;
  dimension: Dimension;
  factor: number;
  /** ASCII spellings; one-letter ones count only when stuck to the number. */
  ascii: string[];
  /** Regular-expression sources of the other scripts' spellings (with look-aheads that keep out common words). */
  other: string[];
}

const KIB = 1024;
const UNITS: UnitDef[] = [
  { unit: 'B', dimension: 'size', factor: 1, ascii: ['[Bb]ytes?', 'B'], other: ['バイト', '바이트', '字节'] },
  {
    unit: 'KB',
    dimension: 'size',
    factor: KIB,
    ascii: ['KiB', 'KB', 'kB', 'Kbytes?', 'kbytes?', '[Kk]ilobytes?', 'K', 'k'],
    other: ['キロバイト', '킬로바이트', '千字节'],
  },
  {
    unit: 'MB',
    dimension: 'size',
    factor: KIB ** 2,
    ascii: ['MiB', 'MB', '[Mm]egabytes?', 'M'],
    other: ['メガバイト', '메가바이트', '兆字节'],
  },
  { unit: 'GB', dimension: 'size', factor: KIB ** 3, ascii: ['GiB', 'GB', '[Gg]igabytes?'], other: ['ギガバイト', '기가바이트'] },
  { unit: 'TB', dimension: 'size', factor: KIB ** 4, ascii: ['TiB', 'TB', '[Tt]erabytes?'], other: ['テラバイト', '테라바이트'] },
  { unit: 'ms', dimension: 'time', factor: 0.001, ascii: ['ms', 'msecs?', '[Mm]illiseconds?'], other: ['ミリ秒', '밀리초', '毫秒'] },
  // 초과 (exceed), 초기 (initial), 초대 (invite)… are words after a number, not seconds.
  {
    unit: 's',
    dimension: 'time',
    factor: 1,
    ascii: ['[Ss]econds?', 'secs?', 's'],
    other: ['秒間', '秒钟', '秒', '초(?!과|기|대|반|록|안|점|래)'],
  },
  {
    unit: 'min',
    dimension: 'time',
    factor: 60,
    ascii: ['[Mm]inutes?', 'mins?'],
    other: ['分間', '分钟', '分(?!の|之)', '분(?!의|석|류|할|리|배|야|들|명|산|노|포|만|쟁)'],
  },
  { unit: 'h', dimension: 'time', factor: 3600, ascii: ['[Hh]ours?', 'hrs?', 'h'], other: ['時間', '小时', '시간'] },
  {
    unit: 'd',
    dimension: 'time',
    factor: 86_400,
    ascii: ['[Dd]ays?'],
    other: ['日間', '日(?!本|付|時|中)', '天', '일간', '일(?!부|반|괄|련|정|치|단|상|본|어|시|자)'],
  },
  {
    unit: 'wk',
    dimension: 'time',
    factor: 604_800,
    ascii: ['[Ww]eeks?', 'wks?'],
    other: ['週間', '週', '周', '주일', '주간', '주(?!년|소|요|의|문|제|로)'],
  },
  { unit: 'mo', dimension: 'month', factor: 1, ascii: ['[Mm]onths?'], other: ['か月', 'ヶ月', 'カ月', 'ケ月', '箇月', '个月', '개월'] },
  { unit: 'y', dimension: 'month', factor: 12, ascii: ['[Yy]ears?', 'yrs?'], other: ['年間', '年', '년'] },
  {
    unit: 'char',
    dimension: 'length',
    factor: 1,
    ascii: ['[Cc]haracters?', 'chars?'],
    other: ['文字', '字符', '字', '글자', '문자', '자(?!리|동|신|세|원|료|체|격|금|녀|본|판|유|연|주|기|택|산|막)'],
  },
  { unit: '%', dimension: 'percent', factor: 1, ascii: ['[Pp]ercent', 'per cent'], other: ['%', 'パーセント', '퍼센트'] },
];

const ASCII_END = '(?![A-Za-z0-9_])';
/** Per unit: spelled right after the number, or after one space (multi-letter ASCII spellings and the other scripts'). */
const UNIT_PATTERNS = UNITS.map((def) => {
  const attachedAscii = def.ascii.map((a) => `(?:${a})${ASCII_END}`);
  const spacedAscii = def.ascii.filter((a) => a.replace(/\[..\]|\?/g, 'x').length > 1).map((a) => `(?:${a})${ASCII_END}`);
  return {
    def,
    attached: new RegExp(`(?:${[...attachedAscii, ...def.other].join('|')})`, 'uy'),
    spaced: new RegExp(` (?:${[...spacedAscii, ...def.other].join('|')})`, 'uy'),
  };
});

/** Things with digits that are not numbers: URLs, hexadecimal, identifiers, #tags and @names, ratios. */
const SKIP = [
  String.raw`[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>()]+`,
  String.raw`0[xX][0-9A-Fa-f]+`,
  String.raw`[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*`,
  String.raw`[#@][A-Za-z_][A-Za-z0-9_]*`,
  String.raw`\d+ ?(?::|対|대|-to-|-on-) ?\d+`,
].join('|');

/** "One" as a counter word: 1つ, 1回の, 1個の, 1人の, 1日の (daily), 1개의… */
const ONE_AS_WORD = /(?:つ|(?:個|回|人|件|名|本|枚|台|日|度|개|명|번|회|건|일)[の의])/uy;
/** After a duration: it is the divisor of a rate (1秒あたり = per second). */
const RATE_AFTER = / ?(?:あたり|当たり|ごと|毎|につき|おきに|당|마다)/uy;
const RATE_BEFORE = /\b(?:per|every|each|an?)\s+$/iu;

interface Separators {
  groups: string[];
  decimal: string;
}

const separatorCache = new Map<string, { scanner: RegExp; separators: Separators }>();

function scannerFor(locale: string): { scanner: RegExp; separators: Separators } {
  let cached = separatorCache.get(locale);
  if (!cached) {
    let group = ',';
    let decimal = '.';
    try {
      const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
      group = (parts.find((p) => p.type === 'group')?.value ?? ',').normalize('NFKC');
      decimal = (parts.find((p) => p.type === 'decimal')?.value ?? '.').normalize('NFKC');
    } catch {
      // An unknown locale reads like English.
    }
    const groups = [...new Set([group, ...(decimal === ',' ? [] : [','])])];
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const grouped = `\\d{1,3}(?:(?:${groups.map(esc).join('|')})\\d{3})+(?!\\d)`;
    const number = `(?:${grouped}|\\d+)(?:${esc(decimal)}\\d+)?`;
    cached = { scanner: new RegExp(`(${SKIP})|(${number})`, 'gu'), separators: { groups, decimal } };
    separatorCache.set(locale, cached);
  }
  return cached;
}

/** The quantities of texts already read, by locale and text: the layer stacks of a review share most texts. */
const quantityCache = new Map<string, Map<string, readonly Quantity[]>>();
const QUANTITY_CACHE_LIMIT = 50_000;
let quantityCacheSize = 0;

/** Every number of a text written in `locale`, in order of appearance. */
export function quantitiesOf(text: string, locale: string): Quantity[] {
  const normalized = text.normalize('NFKC');
  // Every number the scanner finds has an ASCII digit: a text without one (most texts) has none,
  // is not remembered, and a locale none of whose texts has one never builds its Intl.NumberFormat.
  if (!/[0-9]/.test(normalized)) return [];
  let byText = quantityCache.get(locale);
  if (!byText) quantityCache.set(locale, (byText = new Map()));
  let found = byText.get(text);
  if (!found) {
    if (quantityCacheSize >= QUANTITY_CACHE_LIMIT) {
      quantityCache.clear();
      quantityCache.set(locale, byText);
      byText.clear();
      quantityCacheSize = 0;
    }
    found = readQuantities(normalized, locale);
    byText.set(text, found);
    quantityCacheSize += 1;
  }
  return found.map((q) => ({ ...q }));
}

/** The quantities of a text already NFKC-normalised. */
function readQuantities(normalized: string, locale: string): Quantity[] {
  const { scanner, separators } = scannerFor(locale);
  // One scanner per locale, restarted: readQuantities does not call itself.
  const re = scanner;
  re.lastIndex = 0;
  const found: Quantity[] = [];
  for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
    if (m[1] !== undefined) continue;
    const digits = m[2];
    const start = m.index;
    let end = start + digits.length;
    let plain = digits;
    for (const g of separators.groups) plain = plain.split(g).join('');
    const value = Number(plain.replace(separators.decimal, '.'));

    if (value === 1 && matchAt(ONE_AS_WORD, normalized, end)) continue;
    const unit = unitAt(normalized, end);
    if (unit) {
      end += unit.length;
      re.lastIndex = end;
      const rate =
        unit.def.dimension === 'time' &&
        (matchAt(RATE_AFTER, normalized, end) || RATE_BEFORE.test(normalized.slice(Math.max(0, start - 8), start)));
      if (value === 1 && rate) continue;
      found.push({
        value,
        unit: unit.def.unit,
        dimension: unit.def.dimension,
        base: value * unit.def.factor,
        text: normalized.slice(start, end),
      });
      continue;
    }
    const tail = /[A-Za-z_][A-Za-z0-9_]*/y;
    tail.lastIndex = end;
    if (tail.exec(normalized)) {
      // 2FA, 3DES, 5G: an identifier that starts with a digit.
      re.lastIndex = tail.lastIndex;
      continue;
    }
    found.push({ value, text: digits });
  }
  return found;
}

function matchAt(re: RegExp, text: string, at: number): number | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : undefined;
}

function unitAt(text: string, at: number): { def: UnitDef; length: number } | undefined {
  let best: { def: UnitDef; length: number } | undefined;
  for (const { def, attached, spaced } of UNIT_PATTERNS) {
    const length = matchAt(attached, text, at) ?? matchAt(spaced, text, at);
    if (length !== undefined && (!best || length > best.length)) best = { def, length };
  }
  return best;
}

/** Two quantities say the same: equal values with the same unit or one side without a unit, or equal amounts of one dimension (1 minute = 60 s). */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.value === b.value && (a.unit === undefined || b.unit === undefined || a.unit === b.unit)) return true;
  if (a.dimension === undefined || a.dimension !== b.dimension) return false;
  return Math.abs(a.base! - b.base!) <= 1e-9 * Math.max(Math.abs(a.base!), Math.abs(b.base!));
}

/** The quantities of `a` that nothing in `b` matches, without repeats. */
export function unmatched(a: readonly Quantity[], b: readonly Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of a) {
    if (b.some((other) => sameQuantity(q, other))) continue;
    if (out.some((seen) => seen.value === q.value && seen.unit === q.unit)) continue;
    out.push(q);
  }
  return out;
}
