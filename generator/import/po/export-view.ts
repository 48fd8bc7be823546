/**
 * What the gettext target writes for a message, from the same helpers it
 * uses (targets/gettext-po.ts poText, gettext-plural-forms.ts msgstrForms):
 * the msgid side of the source text and the msgstr values of a translation.
 * The import compares an entry with these to tell an edit from an unedited
 * entry exactly as it was exported (whatever ICU spelling produced it).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Message, Translation } from '../../catalog/model.js';
import { categoryIsExactly, formFor, splitPlural, type PluralSplit } from '../../emit/plural-forms.js';
import { msgstrForms, type GettextPlurals } from '../../targets/gettext-plural-forms.js';
import { poText } from '../../targets/gettext-po.js';
import { argumentSpellings } from '../translations/plural-text.js';

export interface SourceView {
  msgid: string;
  /** A plural message: msgid_plural and the plural argument. */
  plural?: { msgidPlural: string; arg: string };
  /** python-brace-format: the message has arguments. */
  brace: boolean;
  /** The arguments the source text shows (the plural argument included), with their ICU spelling: `{user}`, `{limit, number}`. */
  spelling: Map<string, string>;
}

/** The msgid side of a message, or why the gettext target cannot write it. */
export function sourceView(message: Message, sourceLocale: string): SourceView | { problem: string } {
  const t = message.translations[sourceLocale];
  if (!t) return { problem: 'it has no source text' };
  const split = splitPlural(t.ast);
  if (split.kind === 'unsupported') return { problem: `PO has no syntax for ${split.reason}` };
  const brace = message.params.length > 0;
  const spelling = argumentSpellings(t.ast);
  if (split.kind === 'plain') {
    const msgid = poText(t.ast, brace);
    return typeof msgid === 'string' ? { msgid, brace, spelling } : msgid;
  }
  const { arg } = split.plural;
  const msgid = poText(formFor(split.plural, 'one'), brace, arg);
  const msgidPlural = poText(formFor(split.plural, 'other'), brace, arg);
  if (typeof msgid !== 'string') return msgid;
  if (typeof msgidPlural !== 'string') return msgidPlural;
  return { msgid, plural: { msgidPlural, arg }, brace, spelling };
}

/** The msgstr values the gettext target writes for a translation (by msgstr index), or undefined when it writes none. */
export function msgstrView(
  translation: Translation | undefined,
  locale: string,
  source: SourceView,
  rule: GettextPlurals,
): string[] | undefined {
  if (!translation) return source.plural ? rule.forms.map(() => '') : [''];
  const split = splitPlural(translation.ast);
  if (split.kind === 'unsupported') return undefined;
  const text = (elements: readonly MessageFormatElement[], arg?: string) => poText(elements, source.brace, arg);
  let values: (string | { problem: string })[];
  if (!source.plural) {
    if (split.kind === 'plural') return undefined;
    values = [text(translation.ast)];
  } else if (split.kind === 'plain') {
    values = rule.forms.map(() => text(translation.ast));
  } else {
    if (split.plural.arg !== source.plural.arg) return undefined;
    values = msgstrForms(split.plural, locale, rule).forms.map((form) => text(form, source.plural!.arg));
  }
  return values.every((v): v is string => typeof v === 'string') ? values : undefined;
}

/** The exact selector (`=0`) of a plural whose text the gettext target writes into a category's msgstr, if one is (ar `=0` → `zero`). */
export function exactSelectorOf(split: PluralSplit, locale: string, rule: GettextPlurals, category: string): string | undefined {
  return [...split.forms.keys()].find(
    (s) => s.startsWith('=') && categoryIsExactly(locale, category, Number(s.slice(1))) && ![...rule.lost.values()].includes(category),
  );
}
