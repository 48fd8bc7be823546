/**
 * gettext read-back: msgfmt --check on every PO (its statistics must match
 * the catalog), msgfmt into `.mo` files, and Python's
 * `gettext.GNUTranslations` looking every POT entry up in each of them
 * (python-brace entries formatted with sentinel arguments); the result must
 * be what the catalog's ICU text shows for each count.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { expect } from 'vitest';
import type { Catalog } from '../../../generator/catalog/model.js';
import { formFor, splitPlural } from '../../../generator/emit/plural-forms.js';
import { gettextLocaleName } from '../../../generator/targets/gettext-plural-forms.js';

/** Runs a tool; returns its status and stderr. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Whether n is the only integer (of 0…2000) in its CLDR category: then an exact `=n` form is what ICU and gettext both show. */
export function aloneInCategory(locale: string, n: number): boolean {
  const rules = new Intl.PluralRules(locale);
  const category = rules.select(n);
  return Array.from({ length: 2001 }, (_, i) => i).every((i) => i === n || rules.select(i) !== category);
}

/** What the catalog shows for a message in a locale, arguments as sentinels and the count as n (an exact `=n` only where PO can carry it). */
export function shown(catalog: Catalog, key: string, locale: string, n: number): string {
  const message = catalog.messages.find((m) => m.key === key)!;
  const own = message.translations[locale];
  const t = own && own.state !== 'initial' ? own : undefined;
  const ast = (t ?? message.translations[catalog.sourceLocale]).ast;
  const split = splitPlural(ast);
  // A text without a plural in a plural entry shows the source plural's argument as the count.
  const source = splitPlural(message.translations[catalog.sourceLocale].ast);
  if (split.kind !== 'plural') return text(ast, n, source.kind === 'plural' ? source.plural.arg : undefined);
  if (t && split.plural.forms.has(`=${n}`) && aloneInCategory(locale, n))
    return text(split.plural.forms.get(`=${n}`)!, n, split.plural.arg);
  const category = t ? new Intl.PluralRules(locale).select(n) : n === 1 ? 'one' : 'other';
  return text(formFor(split.plural, category), n, split.plural.arg);
}

export function text(elements: readonly MessageFormatElement[], n: number, pluralArg?: string): string {
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value;
      if (el.type === TYPE.pound) return String(n);
      if ('value' in el && el.value === pluralArg) return String(n);
      if ('value' in el) return `⟨${el.value}⟩`;
      throw new Error('unexpected element');
    })
    .join('');
}

/** Reads the POT with a minimal PO reader, looks every entry up in each .mo and formats python-brace entries. */
export const READ_BACK = String.raw`
import ast, gettext, json, sys
req = json.load(open(sys.argv[1], encoding='utf-8'))
def entries(path):
    out, cur, field = [], {}, None
    for line in open(path, encoding='utf-8').read().split('\n') + ['']:
        if not line.strip():
            if 'msgctxt' in cur: out.append(cur)
            cur, field = {}, None
        elif line.startswith('#,'): cur['flags'] = [f.strip() for f in line[2:].split(',')]
        elif line.startswith('#'): pass
        elif line.startswith('"'): cur[field] += ast.literal_eval(line)
        else:
            field, _, rest = line.partition(' ')
            cur[field] = ast.literal_eval(rest)
    return out
result = {}
for loc, mo in req['mo'].items():
    with open(mo, 'rb') as f: t = gettext.GNUTranslations(f)
    got = result[loc] = {}
    for e in entries(req['pot']):
        ctx, brace = e['msgctxt'], 'python-brace-format' in e.get('flags', [])
        args = {name: '⟨' + name + '⟩' for name in req['params'][ctx]}
        fmt = lambda s, n=None: s.format(**{**args, **({req['plural'][ctx]: n} if n is not None else {})}) if brace else s
        if 'msgid_plural' in e:
            got[ctx] = {str(n): fmt(t.npgettext(ctx, e['msgid'], e['msgid_plural'], n), n) for n in req['ns']}
        else:
            got[ctx] = fmt(t.pgettext(ctx, e['msgid']))
print(json.dumps(result, ensure_ascii=False))
`;

export const NS = [0, 1, 2, 3, 4, 5, 6, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1001];

/** msgfmt --check on every PO (with msgfmt's statistics matching the catalog), then the .mo read-back. */
export function checkPos(catalog: Catalog, files: Map<string, string>, dir: string) {
  for (const po of [...files.keys()].filter((p) => p.endsWith('.po'))) {
    const r = run('msgfmt', ['--check', '--verbose', '-o', '/dev/null', join(dir, po)]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l && !/header field 'PO-Revision-Date' missing/.test(l));
    expect(lines, po).toHaveLength(1);
    const locale = catalog.locales.find((l) => `gettext/${gettextLocaleName(l)}.po` === po)!;
    const states = catalog.messages.map((m) => m.translations[locale]?.state);
    const count = (re: RegExp) => Number(re.exec(lines[0])?.[1] ?? 0);
    expect([count(/(\d+) translated/), count(/(\d+) fuzzy/), count(/(\d+) untranslated/)], po).toEqual([
      states.filter((s) => s && s !== 'initial').length,
      states.filter((s) => s === 'initial').length,
      states.filter((s) => !s).length,
    ]);
  }
}

export function readBack(catalog: Catalog, dir: string) {
  const mo: Record<string, string> = {};
  for (const locale of catalog.locales) {
    mo[locale] = join(dir, `${locale}.mo`);
    const r = run('msgfmt', ['-o', mo[locale], join(dir, `gettext/${gettextLocaleName(locale)}.po`)]);
    expect(r.status, r.stderr).toBe(0);
  }
  const plural = Object.fromEntries(
    catalog.messages.flatMap((m) => {
      const split = splitPlural(m.translations[catalog.sourceLocale].ast);
      return split.kind === 'plural' ? [[m.key, split.plural.arg]] : [];
    }),
  );
  const params = Object.fromEntries(catalog.messages.map((m) => [m.key, m.params.map((p) => p.name)]));
  writeFileSync(
    join(dir, 'request.json'),
    JSON.stringify({ pot: join(dir, `gettext/${catalog.namespace}.pot`), mo, ns: NS, plural, params }),
  );
  writeFileSync(join(dir, 'read.py'), READ_BACK);
  const got = JSON.parse(
    execFileSync('python3', [join(dir, 'read.py'), join(dir, 'request.json')], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as Record<string, Record<string, string | Record<string, string>>>;
  for (const locale of catalog.locales) {
    for (const message of catalog.messages) {
      const value = got[locale][message.key];
      if (typeof value === 'string') expect(value, `${message.key} ${locale}`).toBe(shown(catalog, message.key, locale, 0));
      else for (const n of NS) expect(value[String(n)], `${message.key} ${locale} n=${n}`).toBe(shown(catalog, message.key, locale, n));
    }
  }
}
