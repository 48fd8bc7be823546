/**
 * generator/emit/unrepresentable.ts: the one result of a conversion
 * ("converted, or cannot be written") and the one diagnostic every target
 * reports for it, with each target's name as its messages spell it.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../generator/catalog/model.js';
import {
  allConverted,
  cannot,
  converted,
  localeUnrepresentable,
  orProblem,
  TARGET_NAMES,
  unrepresentable,
  type WritingTarget,
} from '../../generator/emit/unrepresentable.js';

const registry = { layer: 'base', file: 'registry/errors.json', pointer: '/6014', line: 12, column: 5 };
const ja = { layer: 'base', file: 'locales/ja/messages.json', pointer: '/messages/6014', line: 4, column: 3 };
const message: Message = {
  key: '6014',
  section: 'auth',
  params: [],
  origin: registry,
  translations: { ja: { text: 'x', ast: [], state: 'translated', origin: ja } },
};

describe('Converted', () => {
  it('is a value or a reason', () => {
    expect(converted('x')).toEqual({ ok: true, value: 'x' });
    expect(cannot('no')).toEqual({ ok: false, why: 'no' });
    expect(allConverted([converted(1), converted(2)])).toEqual({ ok: true, value: [1, 2] });
    expect(allConverted([converted(1), cannot('first'), cannot('second')])).toEqual({ ok: false, why: 'first' });
    expect(allConverted([])).toEqual({ ok: true, value: [] });
  });

  it('reads as the { problem } shape the importers still take', () => {
    expect(orProblem(converted('x'))).toBe('x');
    expect(orProblem(cannot('no'))).toEqual({ problem: 'no' });
  });
});

describe('unrepresentable(target, message, locale, why)', () => {
  it.each([
    ['android', 'Key 6014 (ja) cannot be written for Android: a select.'],
    ['apple', 'Key 6014 (ja) cannot be written for the apple target: a select.'],
    ['flutter', 'Key 6014 (ja) cannot be written for the flutter target: a select.'],
    ['gettext', 'Key 6014 (ja) cannot be written for gettext: a select.'],
    ['i18next', 'Key 6014 (ja) cannot be written for i18next: a select.'],
    ['java', 'Key 6014 (ja) cannot be written for Java .properties: a select.'],
    ['xliff', 'Key 6014 (ja) cannot be written for XLIFF: a select.'],
  ] as [WritingTarget, string][])('%s', (target, text) => {
    const diagnostic = unrepresentable(target, message, 'ja', 'a select');
    expect(diagnostic).toMatchObject({
      ruleId: `${target}/unrepresentable`,
      severity: 'error',
      message: text,
      target,
      key: '6014',
      locale: 'ja',
      place: { file: ja.file, line: ja.line, column: ja.column },
    });
    expect(Object.keys(diagnostic).sort()).toEqual(['key', 'locale', 'message', 'place', 'ruleId', 'severity', 'target']);
  });

  it('names every target that writes messages', () => {
    expect(Object.keys(TARGET_NAMES).sort()).toEqual(['android', 'apple', 'flutter', 'gettext', 'i18next', 'java', 'xliff']);
  });

  it('is placed at the message when the locale has no text, and has no locale when every locale is concerned', () => {
    expect(unrepresentable('xliff', message, 'fr', 'it has no source text')).toMatchObject({
      message: 'Key 6014 (fr) cannot be written for XLIFF: it has no source text.',
      locale: 'fr',
      place: { file: registry.file, line: 12 },
    });
    const all = unrepresentable('flutter', message, undefined, 'the placeholder n is not a valid Dart parameter name');
    expect(all).toMatchObject({
      message: 'Key 6014 cannot be written for the flutter target: the placeholder n is not a valid Dart parameter name.',
      place: { file: registry.file },
    });
    expect(all).not.toHaveProperty('locale');
  });

  it('for a whole locale', () => {
    expect(localeUnrepresentable('gettext', 'sr-Latn', 'gettext has no Plural-Forms for sr@latin')).toEqual({
      ruleId: 'gettext/unrepresentable',
      severity: 'error',
      message: 'Locale sr-Latn cannot be written for gettext: gettext has no Plural-Forms for sr@latin.',
      target: 'gettext',
      locale: 'sr-Latn',
    });
    expect(localeUnrepresentable('android', 'en-u-ca-buddhist', 'it has no Android resource qualifier').message).toBe(
      'Locale en-u-ca-buddhist cannot be written for Android: it has no Android resource qualifier.',
    );
  });
});
