/**
 * Property-based fuzzing of the whole pipeline on random projects (fast-check).
 *
 * Each case is a small project written to a temporary folder: a config with
 * 1–4 locales (tricky ones included), a registry (codes negative, zero and
 * up to ±(2^53 − 1), ranges, named keys, the required `unknown`, sections,
 * hostile descriptions and parameter examples) and a messages file per
 * locale whose texts mix hostile characters with ICU arguments, plurals
 * (every category the locale needs, plus one/other and `=0`), selects and
 * escaped apostrophes. Some cases are broken on purpose (bad ICU, a missing
 * plural category, an undeclared or missing argument, an unknown key, a
 * duplicate code, a file that does not load…).
 *
 * Properties:
 * 1. `generate` (targets i18next, java, gettext) never throws: it succeeds or
 *    reports diagnostics, every one under a rule id of
 *    generator/rules.ts; a case broken on purpose reports at
 *    least the rule of its breakage, and a run with errors writes nothing.
 * 2. When a run has no error, every message reads back exactly, in every
 *    locale and for a spread of counts, through real i18next (no plugins),
 *    through the JDK (Properties, ResourceBundle, MessageFormat:
 *    test/support/readers/java-bundles.ts) and through msgfmt, `.mo` files and
 *    Python's GNUTranslations (test/support/readers/gettext-mo.ts).
 *
 * The seed is fixed (FUZZ_SEED overrides it, FUZZ_RUNS the number of cases,
 * FUZZ_SHRINK=0 reports the first failure unshrunk); a failure prints the
 * seed, the shrunk counterexample's files and the path to replay it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Message } from '../../generator/catalog/model.js';
import { RULES } from '../../generator/rules.js';
import { generate } from '../../generator/pipeline.js';
import { checkPos, readBack as readBackGettext } from '../support/readers/gettext-mo.js';
import { expected as expectedI18next, initI18next } from '../support/readers/i18next.js';
import { compileBundleReader, expectReadBack as expectJavaReadBack, readBundleDir } from '../support/readers/java-bundles.js';
import { haveTools } from '../support/toolchain.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_240_917;
const NUM_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 50;
/** The runs take about 10 s; a failure is shrunk until this budget (runs included) is spent. */
const TIME_BUDGET_MS = 60_000;

const JAVA = haveTools('javac', 'java');
const GETTEXT = haveTools('msgfmt', 'python3');

// ---------------------------------------------------------------- generators

const LOCALES = ['en', 'ja', 'ar', 'ru', 'fr', 'pl', 'zh-Hans', 'zh-Hant', 'pt-BR', 'sr-Latn'];
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const FORMS = ['=0', '=1', ...CATEGORY_ORDER] as const;
type Form = (typeof FORMS)[number];

/** Pieces of text that break one format or another when not escaped. */
const HOSTILE = [
  "'",
  "''",
  '"',
  '\\',
  '\\n',
  '\\u0041',
  '%',
  '%s',
  '%1$s',
  '$',
  '$t(x)',
  '#',
  '<',
  '>',
  '<b>',
  '&',
  '&amp;',
  ']]>',
  '-->',
  '*/',
  '/*',
  '{',
  '}',
  '{{',
  '}}',
  '@',
  '?',
  '=',
  ':',
  '!',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200f',
  '🎉',
  '👩‍💻',
  'e\u0301',
  'שלום',
  'مرحبا',
  'ру',
  '日本語',
  'ż',
  'x',
  'It',
  's',
];

const ANY_TEXT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }).map(wellFormed) },
);

/** Hostile text: NUL (which JSON files cannot carry raw, and no target accepts) replaced. */
const textArb = fc.array(ANY_TEXT, { maxLength: 4 }).map((parts) => parts.join(''));

function wellFormed(s: string): string {
  return s.replace(/\0/g, '\u0001').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

type Frag = { t: 'lit'; s: string } | { t: 'arg'; i: number; typed: boolean } | { t: 'pound' };
const fragArb: fc.Arbitrary<Frag> = fc.oneof(
  { weight: 5, arbitrary: textArb.map((s): Frag => ({ t: 'lit', s })) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('arg' as const), i: fc.nat(3), typed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant<Frag>({ t: 'pound' }) },
);
const bodyArb = fc.array(fragArb, { maxLength: 4 });

type TextFault = 'none' | 'syntax' | 'drop-category' | 'undeclared' | 'missing-param' | 'style' | 'exact1';
const TEXT_FAULTS: TextFault[] = ['syntax', 'drop-category', 'undeclared', 'missing-param', 'style', 'exact1'];

interface LocaleTextSpec {
  present: boolean;
  state: 'initial' | 'translated' | 'reviewed' | 'final' | undefined;
  prefix: Frag[];
  suffix: Frag[];
  forms: Record<Form, Frag[]>;
  exact0: boolean;
  /** A plural message translated without a plural (it shows the count as an argument). */
  noPlural: boolean;
  rawApostrophes: boolean;
  fault: TextFault;
}

const localeTextArb: fc.Arbitrary<LocaleTextSpec> = fc.record({
  present: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  state: fc.option(fc.constantFrom('initial' as const, 'translated' as const, 'reviewed' as const, 'final' as const), {
    freq: 4,
    nil: undefined,
  }),
  prefix: bodyArb,
  suffix: bodyArb,
  forms: fc.record(Object.fromEntries(FORMS.map((f) => [f, bodyArb])) as Record<Form, fc.Arbitrary<Frag[]>>),
  exact0: fc.boolean(),
  noPlural: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  rawApostrophes: fc.boolean(),
  fault: fc.oneof({ weight: 12, arbitrary: fc.constant<TextFault>('none') }, { weight: 3, arbitrary: fc.constantFrom(...TEXT_FAULTS) }),
});

type ParamType = 'string' | 'number' | 'date' | 'time';
interface ParamSpec {
  name: string;
  type: ParamType;
  example?: string;
}
/**
 * ICU argument names: ASCII and underscore; now and then non-Latin letters (which gettext must
 * refuse: msgfmt reads python-brace names as ASCII) or a name i18next reads as its own option
 * (lng, ns, style), which the i18next target must refuse.
 */
const PARAM_NAMES = ['user', 'limit', 'when', 'a_b', 'x1'];
const RARE_NAMES = ['名前', 'Ωmega', 'lng', 'ns', 'style'];
const paramNameArb = fc.oneof(
  { weight: 15, arbitrary: fc.constantFrom(...PARAM_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE_NAMES) },
);
const paramsArb = fc
  .uniqueArray(
    fc.record({
      name: paramNameArb,
      type: fc.constantFrom<ParamType>('string', 'number', 'date', 'time'),
      example: fc.option(textArb, { freq: 3, nil: undefined }),
    }),
    { maxLength: 3, selector: (p) => p.name },
  )
  .map((ps) => ps.map(({ example, ...p }): ParamSpec => (example === undefined ? p : { ...p, example })));

interface MessageSpec {
  kind: 'plain' | 'plural' | 'select';
  /** Every plural form shows every argument (else forms differ, which msgfmt --check refuses where a form serves many counts). */
  sameArguments: boolean;
  /** `count` unless a case tries another name (i18next selects by count only). */
  selector: string;
  params: ParamSpec[];
  section: number;
  description: string | undefined;
  texts: LocaleTextSpec[];
}

const messageArb: fc.Arbitrary<MessageSpec> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant('plain' as const) },
    { weight: 4, arbitrary: fc.constant('plural' as const) },
    { weight: 1, arbitrary: fc.constant('select' as const) },
  ),
  sameArguments: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  selector: fc.oneof({ weight: 12, arbitrary: fc.constant('count') }, { weight: 1, arbitrary: fc.constant('n') }),
  params: paramsArb,
  section: fc.nat(2),
  description: fc.option(textArb, { freq: 2, nil: undefined }),
  texts: fc.array(localeTextArb, { minLength: 4, maxLength: 4 }),
});

/** Codes: small, 32-bit, anywhere within ±(2^53 − 1), and the edges. */
const codeArb = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1),
);

const entryArb = fc.record({
  code: codeArb,
  range: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  span: fc.oneof(fc.nat(10), fc.nat()),
  message: messageArb,
});

type ProjectFault =
  | 'none'
  | 'unknown-key'
  | 'unsafe-key'
  | 'duplicate-code'
  | 'code-in-range'
  | 'missing-source'
  | 'missing-title'
  | 'number-form'
  | 'bad-json'
  | 'unknown-locale';
/** Faults that keep every file loading, so the text faults' own diagnostics are still reported beside them. */
const ADDITIVE: ProjectFault[] = [
  'none',
  'unknown-key',
  'unsafe-key',
  'duplicate-code',
  'code-in-range',
  'missing-source',
  'missing-title',
];

const specArb = fc.record({
  locales: fc.shuffledSubarray(LOCALES, { minLength: 1, maxLength: 4 }),
  namespace: fc.constantFrom('errors', 'app-msgs', 'Codes_1', 'x'),
  sections: fc.shuffledSubarray(['general', 'net', 'auth-v2', 'x9'], { minLength: 1, maxLength: 3 }),
  titles: fc.array(fc.array(fc.option(textArb, { freq: 6, nil: undefined }), { minLength: 3, maxLength: 3 }), {
    minLength: 4,
    maxLength: 4,
  }),
  entries: fc.array(entryArb, { maxLength: 5 }),
  named: fc.subarray(['timeout', 'net-down', 'n5']),
  namedMessages: fc.array(messageArb, { minLength: 3, maxLength: 3 }),
  unknown: messageArb,
  broken: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  /** Text that some target must refuse (`{{`, `$t(`, an empty text, a select, a plural on another argument than count), not only in broken cases. */
  hazards: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  projectFault: fc.oneof(
    { weight: 2, arbitrary: fc.constant<ProjectFault>('none') },
    {
      weight: 3,
      arbitrary: fc.constantFrom<ProjectFault>(
        'unknown-key',
        'unsafe-key',
        'duplicate-code',
        'code-in-range',
        'missing-source',
        'missing-title',
        'number-form',
        'bad-json',
        'unknown-locale',
      ),
    },
  ),
  pick: fc.nat(1000),
});
type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------- rendering a spec as files

/**
 * A project: its files, and the rule ids a run must report because of faults
 * put in on purpose: `mustReport` always, `targetRules` (what a target cannot
 * write) whenever loading brought no error, since targets are planned only then.
 */
interface Project {
  files: Record<string, string>;
  mustReport: string[];
  targetRules: string[];
}

const TARGET_RULE = /^(i18next|java|gettext)\//;

interface RegistryEntry {
  code?: number;
  range?: [number, number];
  key?: string;
  section: string;
  description?: string;
  params?: Record<string, { type: string; example?: string }>;
}

interface Keyed {
  key: string;
  entry: RegistryEntry;
  spec: MessageSpec;
  /** Declared arguments: the plural or select one first. */
  params: { name: string; type: ParamType | 'plural' | 'select' }[];
}

function toProject(spec: Spec): Project {
  const locales = spec.locales; // the first is the source locale
  const source = locales[0];
  const sections = spec.sections;
  const broken = spec.broken;
  const keyed: Keyed[] = [];
  const keyOf = (e: RegistryEntry) => e.key ?? (e.range ? `${e.range[0]}-${e.range[1]}` : String(e.code));

  // Codes and ranges in numeric order, each taking codes no earlier one took.
  let lastEnd = -Infinity;
  for (const e of [...spec.entries].sort((a, b) => a.code - b.code)) {
    const from = e.code;
    const to = e.range ? Math.min(from + e.span, Number.MAX_SAFE_INTEGER) : from;
    if (from <= lastEnd) continue;
    lastEnd = to;
    keyed.push(keyedOf(e.range ? { range: [from, to], section: '' } : { code: from, section: '' }, e.message));
  }
  spec.named.forEach((key, i) => keyed.push(keyedOf({ key, section: '' }, spec.namedMessages[i])));
  // The registry requires `unknown`, with the code as its one number argument.
  keyed.push(keyedOf({ key: 'unknown', section: '' }, { ...spec.unknown, kind: 'plain', params: [{ name: 'code', type: 'number' }] }));

  function keyedOf(entry: RegistryEntry, spec0: MessageSpec): Keyed {
    // Selects and plurals on another argument than count are i18next hazards.
    const message: MessageSpec = spec.hazards
      ? spec0
      : { ...spec0, kind: spec0.kind === 'select' ? 'plain' : spec0.kind, selector: 'count' };
    entry.section = sections[message.section % sections.length];
    if (message.description !== undefined) entry.description = message.description;
    const params: Keyed['params'] = [
      ...(message.kind === 'plural'
        ? [{ name: message.selector, type: 'plural' as const }]
        : message.kind === 'select'
          ? [{ name: 'g', type: 'select' as const }]
          : []),
      ...message.params.filter((p) => p.name !== message.selector),
    ];
    if (params.length > 0) {
      entry.params = Object.fromEntries(
        params.map((p) => {
          const example = message.params.find((q) => q.name === p.name)?.example;
          return [p.name, example === undefined ? { type: p.type } : { type: p.type, example }];
        }),
      );
    }
    const key = keyOf(entry);
    return { key, entry, spec: message, params };
  }

  const rules = new Map<object, Map<string, string>>(); // by messages file, by key
  const registry: RegistryEntry[] = keyed.map((k) => k.entry);
  const messageFiles = locales.map((locale, slot) => {
    const messages: Record<string, string | { text: string; state: string }> = {};
    for (const k of keyed) {
      const lt = k.spec.texts[slot];
      if (!lt.present && slot > 0) continue;
      const { text, rule } = renderText(k, lt, locale, broken, spec.hazards);
      if (rule) rules.set(messages, (rules.get(messages) ?? new Map<string, string>()).set(k.key, rule));
      messages[k.key] = lt.state ? { text, state: lt.state } : text;
    }
    const titles = Object.fromEntries(
      sections.flatMap((id, i) => {
        const title = spec.titles[slot][i];
        if (slot === 0) return [[id, title || id]]; // the source locale must title every section
        return title ? [[id, title]] : [];
      }),
    );
    return { locale, sections: titles, messages };
  });

  const fault: ProjectFault = broken ? spec.projectFault : 'none';
  const mustReport: string[] = [];
  const pick = <T>(list: readonly T[]): T => list[spec.pick % list.length];
  const extraFiles: Record<string, string> = {};
  let registryText: string | undefined;
  switch (fault) {
    case 'unknown-key':
      pick(messageFiles).messages.nosuchkey = 'Not in the registry.';
      mustReport.push('locale/unknown-key');
      break;
    case 'unsafe-key':
      registry.push({ key: pick(['a.b', '__proto__', 'x_one', 'err:1', 'default']), section: sections[0] });
      mustReport.push('key/unsafe');
      break;
    case 'duplicate-code':
      registry.push({ ...pick(registry) });
      mustReport.push('registry/duplicate-code');
      break;
    case 'code-in-range': {
      const codes = registry.filter((e) => e.code !== undefined && Math.abs(e.code) < Number.MAX_SAFE_INTEGER);
      if (codes.length === 0) break;
      const code = pick(codes).code!;
      registry.push({ range: [code - 1, code + 1], section: sections[0] });
      mustReport.push('registry/code-in-range');
      break;
    }
    case 'missing-source': {
      const key = pick(keyed).key;
      delete messageFiles[0].messages[key];
      mustReport.push('completeness/missing-source');
      break;
    }
    case 'missing-title':
      delete messageFiles[0].sections[pick(sections)];
      mustReport.push('completeness/missing-section-title');
      break;
    case 'number-form':
      registryText = JSON.stringify(
        { sections: sections.map((id) => ({ id })), codes: [...registry, { code: 1, section: sections[0] }] },
        null,
        2,
      ).replace(/"code": 1,/, `"code": ${pick(['-0', '1e3', '9007199254740993', '-9007199254740993'])},`);
      mustReport.push('registry/number-form');
      break;
    case 'bad-json':
      extraFiles[`messages/${pick(locales)}.json`] = `${JSON.stringify(pick(messageFiles), null, 2).slice(0, -2)},\n}`;
      mustReport.push('json/syntax');
      break;
    case 'unknown-locale':
      extraFiles['messages/extra.json'] = JSON.stringify({ locale: pick(['de', 'EN_us', 'pt_BR']), messages: {} });
      mustReport.push('locale/unknown-locale');
      break;
    case 'none':
      break;
  }
  const files: Record<string, string> = {
    'codebook.config.json': JSON.stringify(
      {
        sourceLocale: source,
        locales: [...locales].sort(),
        namespace: spec.namespace,
        layers: [
          { name: 'registry', files: ['codes.json'] },
          { name: 'messages', files: ['messages/*.json'] },
        ],
        out: 'dist',
      },
      null,
      2,
    ),
    'codes.json': registryText ?? JSON.stringify({ sections: sections.map((id) => ({ id })), codes: registry }, null, 2),
    ...Object.fromEntries(messageFiles.map((f) => [`messages/${f.locale}.json`, JSON.stringify(f, null, 2)])),
    ...extraFiles,
  };
  // A file that does not load hides the checks that depend on it: only its own rule is certain then.
  if (!ADDITIVE.includes(fault)) return { files, mustReport, targetRules: [] };
  const textRules = messageFiles.flatMap((f) =>
    [...(rules.get(f.messages) ?? [])].filter(([key]) => key in f.messages).map(([, rule]) => rule),
  );
  return {
    files,
    mustReport: [...new Set([...mustReport, ...textRules.filter((r) => !TARGET_RULE.test(r))])],
    targetRules: [...new Set(textRules.filter((r) => TARGET_RULE.test(r)))],
  };
}

/** Text that is not valid ICU wherever it is appended (every quote the renderer opens is closed). */
const BROKEN_ICU = [
  '{',
  '{ }',
  '{x, foo}',
  '{x, plural, one {a}}',
  '{x, select, a {b}}',
  '{x, number, ::currency/}',
  '{x, plural, =a {b} other {c}}',
];

/** One locale's ICU text of a message, and the rule its fault (if any) must bring. */
function renderText(k: Keyed, lt: LocaleTextSpec, locale: string, broken: boolean, hazards: boolean): { text: string; rule?: string } {
  const fault = broken ? lt.fault : 'none';
  const { spec } = k;
  const { kind } = spec;
  const used = new Set<string>();
  const plain = k.params.filter((p) => p.type !== 'plural' && p.type !== 'select');
  // Arguments a fragment may name: the plain ones, and outside a select the plural argument.
  const candidates = [...plain, ...(kind === 'plural' ? [k.params[0]] : [])];

  const argText = (p: Keyed['params'][number], typed: boolean): string => {
    used.add(p.name);
    switch (p.type) {
      case 'number':
      case 'plural':
        return typed ? `{${p.name}, number}` : `{${p.name}}`;
      case 'date':
        return `{${p.name}, date}`;
      case 'time':
        return `{${p.name}, time}`;
      default:
        return `{${p.name}}`;
    }
  };
  const body = (frags: readonly Frag[], inPlural: boolean, literalOnly = false, shown = new Set<string>()): string => {
    let out = '';
    let literal = '';
    // Without hazards, no literal i18next would interpret: {{, }}, $t(, nor a { just before an argument's {{;
    // and no control character PO cannot carry to every reader (C0 but tab and line feed, DEL: gettext-po.ts).
    const flush = (beforeArgument: boolean) => {
      if (!hazards)
        literal = literal
          .replace(/\{+/g, '{')
          .replace(/\}+/g, '}')
          .replace(/\$t\(/g, '$ t(')
          .replace(beforeArgument ? /\{$/ : /$^/, '')
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
      out += icuLiteral(literal, inPlural, lt.rawApostrophes);
      literal = '';
    };
    for (const f of frags) {
      if (f.t === 'lit') literal += f.s;
      else if (f.t === 'pound') {
        if (inPlural && !literalOnly) {
          flush(true);
          shown.add(k.params[0].name);
          out += '#';
        } else literal += '#';
      } else if (!literalOnly && candidates.length > 0) {
        flush(true);
        const p = candidates[f.i % candidates.length];
        shown.add(p.name);
        out += argText(p, f.typed);
      }
    }
    flush(false);
    return out;
  };

  if (fault === 'missing-param' && k.params.length > 0) {
    return { text: body([...lt.prefix, ...lt.forms.other, ...lt.suffix], false, true), rule: 'params/missing' };
  }
  let rule: string | undefined;
  let text = body(lt.prefix, false);
  if (kind === 'plural' && lt.noPlural) {
    if (!used.has(k.params[0].name)) text += argText(k.params[0], true);
  } else if (kind === 'plural') {
    const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
    let categories: string[] = CATEGORY_ORDER.filter((c) => required.includes(c) || c === 'one' || c === 'other');
    if (fault === 'drop-category') {
      const droppable = required.filter((c) => c !== 'other');
      if (droppable.length > 0) {
        categories = categories.filter((c) => c !== droppable[0]);
        rule = 'icu/missing-plural-category';
      }
    }
    const selectors = [...(lt.exact0 ? ['=0'] : []), ...(fault === 'exact1' ? ['=1'] : []), ...categories] as Form[];
    if (fault === 'exact1') rule = 'i18next/unrepresentable';
    const option = (form: Form) => {
      const shown = new Set<string>();
      let out = body(lt.forms[form], true, false, shown);
      if (spec.sameArguments)
        for (const p of [k.params[0], ...plain]) if (!shown.has(p.name)) out += p === k.params[0] ? '#' : argText(p, true);
      return out;
    };
    text += `{${k.params[0].name}, plural,${selectors.map((s) => ` ${s} {${option(s)}}`).join('')}}`;
    if (k.params[0].name !== 'count') rule ??= 'i18next/unrepresentable';
  } else if (kind === 'select') {
    text += `{g, select, a {${body(lt.forms.one, false)}} other {${body(lt.forms.other, false)}}}`;
    rule ??= 'i18next/unrepresentable';
  }
  text += body(lt.suffix, false);
  // Every declared argument in every locale: append the ones no fragment named.
  for (const p of plain) if (!used.has(p.name)) text += argText(p, true);
  if (text === '' && !hazards) text = '.'; // PO cannot tell an empty translation from a missing one
  switch (fault) {
    case 'syntax':
      text += BROKEN_ICU[(lt.prefix.length + lt.suffix.length) % BROKEN_ICU.length];
      rule = 'icu/syntax';
      break;
    case 'undeclared':
      text += '{zzz}';
      rule = 'params/undeclared';
      break;
    case 'style': {
      const styled = plain.find((p) => p.type !== 'string');
      if (styled) {
        text += styled.type === 'number' ? `{${styled.name}, number, percent}` : `{${styled.name}, ${styled.type}, short}`;
        rule = 'i18next/unrepresentable';
      }
      break;
    }
    default:
      break;
  }
  return { text, ...(rule ? { rule } : {}) };
}

/**
 * Literal text as ICU: a run of braces (and `#` in a plural) with apostrophes
 * is one quoted section with its apostrophes doubled, a run of apostrophes
 * alone is doubled, so quoted sections never touch; with `raw`, a single
 * apostrophe before a letter stays single (ICU reads it literally: It's).
 */
function icuLiteral(text: string, inPlural: boolean, raw: boolean): string {
  return text.replace(inPlural ? /[{}#']+/g : /[{}']+/g, (run: string, offset: number) => {
    if (/[{}#]/.test(run)) return `'${run.replace(/'/g, "''")}'`;
    if (raw && run === "'" && /[A-Za-z]/.test(text[offset + 1] ?? '')) return run;
    return run.replace(/'/g, "''");
  });
}

const projectArb = specArb.map((spec) => {
  const project = toProject(spec);
  return Object.assign(project, { [fc.toStringMethod]: () => `project ${JSON.stringify(project, null, 2)}` });
});

// ---------------------------------------------------------------- read-back

const DATE = new Date(Date.UTC(2021, 4, 6, 7, 8, 9));
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 22, 101, 1_000_000, 1.5];

/** Arguments for i18next: counts and numbers as numbers (grouping shows), dates as a Date, the rest as sentinels. */
function i18nextArgs(message: Message, count: number): Record<string, unknown> {
  return Object.fromEntries(
    message.params.map((p) => [
      p.name,
      p.type === 'plural' ? count : p.type === 'number' ? 1234567.25 : p.type === 'date' || p.type === 'time' ? DATE : `«${p.name}»`,
    ]),
  );
}

async function expectI18next(out: string, catalog: Catalog): Promise<void> {
  const t18 = await initI18next(out, catalog);
  for (const locale of catalog.locales) {
    const t = t18.getFixedT(locale);
    for (const message of catalog.messages) {
      const plural = message.params.some((p) => p.type === 'plural');
      for (const count of plural ? COUNTS : [7]) {
        const args = i18nextArgs(message, count);
        expect(t(message.key, args), `i18next ${locale} ${message.key} count=${count}`).toBe(
          expectedI18next(message, locale, catalog, args),
        );
      }
    }
  }
}

// ---------------------------------------------------------------- the property

function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codebook-fuzz-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const KNOWN_RULES = new Set(Object.keys(RULES));

describe('random catalogs', () => {
  let classes: string | undefined;
  beforeAll(() => {
    if (JAVA) classes = compileBundleReader();
  });

  it(
    `never fail internally, and read back exactly through i18next, Java and gettext when accepted (seed ${SEED}, ${NUM_RUNS} runs)`,
    async () => {
      const stats = { accepted: 0, rejected: 0, rules: new Map<string, number>() };
      await fc.assert(
        fc.asyncProperty(projectArb, async (project) => {
          const dir = writeProject(project.files);
          try {
            let result: Awaited<ReturnType<typeof generate>>;
            try {
              result = await generate({ config: 'codebook.config.json', cwd: dir, cache: false, targets: ['i18next', 'java', 'gettext'] });
            } catch (error) {
              throw new Error(`codebook threw instead of reporting diagnostics: ${(error as Error).stack ?? String(error)}`);
            }
            const ruleIds = result.diagnostics.map((d) => d.ruleId);
            for (const id of ruleIds) stats.rules.set(id, (stats.rules.get(id) ?? 0) + 1);
            expect(
              ruleIds.filter((id) => !KNOWN_RULES.has(id)),
              'rule ids missing from generator/rules.ts',
            ).toEqual([]);
            const errors = result.diagnostics.filter((d) => d.severity === 'error');
            const loadErrors = errors.filter((d) => !TARGET_RULE.test(d.ruleId));
            for (const rule of [...project.mustReport, ...(loadErrors.length === 0 ? project.targetRules : [])]) {
              expect(
                errors.map((d) => d.ruleId),
                `a fault put in on purpose must be reported as ${rule}`,
              ).toContain(rule);
            }
            const dist = join(dir, 'dist');
            if (errors.length > 0) {
              stats.rejected++;
              expect(result.written, 'a run with errors writes nothing').toBeUndefined();
              for (const target of ['i18next', 'java', 'gettext'])
                expect(existsSync(join(dist, target)), `${target}/ after a run with errors`).toBe(false);
              return;
            }
            stats.accepted++;
            expect([...project.mustReport, ...project.targetRules], 'faults put in on purpose').toEqual([]);
            const catalog = result.catalog!;
            await expectI18next(dist, catalog);
            if (JAVA) expectJavaReadBack(catalog, readBundleDir(classes!, join(dist, 'java'), catalog));
            if (GETTEXT) {
              checkPos(catalog, new Map((result.files ?? []).filter((f) => f.startsWith('gettext/')).map((f) => [f, ''])), dist);
              readBackGettext(catalog, dist);
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        // Shrinking runs the pipeline and the readers for every candidate: it gets what is left of the time budget.
        {
          seed: SEED,
          numRuns: NUM_RUNS,
          endOnFailure: process.env.FUZZ_SHRINK === '0',
          interruptAfterTimeLimit: TIME_BUDGET_MS,
          markInterruptAsFailure: true,
        },
      );
      console.info(
        `fuzz: seed ${SEED}, ${stats.accepted} accepted, ${stats.rejected} rejected; rules: ${[...stats.rules].map(([r, n]) => `${r}×${n}`).join(', ')}`,
      );
      // The generators must keep producing both kinds of case, or the test proves little.
      expect(stats.accepted).toBeGreaterThanOrEqual(Math.ceil(NUM_RUNS / 5));
      expect(stats.rejected).toBeGreaterThanOrEqual(Math.ceil(NUM_RUNS / 10));
    },
    TIME_BUDGET_MS + 30_000,
  );
});
