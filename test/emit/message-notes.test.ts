/**
 * generator/emit/message-notes.ts: the lines translator notes and resource
 * comments say about a message (android and java comments, gettext `#.`
 * lines and XLIFF notes).
 */
import { describe, expect, it } from 'vitest';
import type { Message, Param } from '../../generator/catalog/model.js';
import { location, messageComment, paramNote, sectionLabel, sourceOrigins } from '../../generator/emit/message-notes.js';

const registry = { layer: 'base', file: 'registry/errors.json', pointer: '/7', line: 12, column: 5 };
const en = { layer: 'base', file: 'locales/en/messages.json', pointer: '/messages/7', line: 6, column: 3 };

describe('messageComment: <key> (<section>): <description>', () => {
  it.each([
    [{ key: '6014', section: 'auth', description: 'Session expired' }, '6014 (auth): Session expired'],
    [{ key: '-302', section: 'network' }, '-302 (network)'],
    [{ key: 'unknown', section: 'general', description: '' }, 'unknown (general)'],
  ])('%j → %j', (message, expected) => {
    expect(messageComment(message)).toBe(expected);
  });
});

describe('sectionLabel: <title> (<section>), or the id', () => {
  it.each([
    ['auth', 'Authentication', 'Authentication (auth)'],
    ['auth', undefined, 'auth'],
    ['auth', '', 'auth'],
  ])('%s, %j → %j', (section, title, expected) => {
    expect(sectionLabel(section, title)).toBe(expected);
  });
});

describe('paramNote: {name}: type, e.g. example (description)', () => {
  it.each([
    [{ name: 'n', type: 'number' }, '{n}: number'],
    [{ name: 'n', type: 'plural', example: 3 }, '{n}: plural, e.g. 3'],
    [{ name: 'n', type: 'plural', example: 0 }, '{n}: plural, e.g. 0'],
    [{ name: 'user', type: 'string', example: 'alice', description: 'who left' }, '{user}: string, e.g. alice (who left)'],
    [{ name: 'd', type: 'date', description: 'when' }, '{d}: date (when)'],
  ] as [Param, string][])('%j → %j', (param, expected) => {
    expect(paramNote(param)).toBe(expected);
  });
});

describe('sourceOrigins and location', () => {
  const message = (translations: Message['translations']): Message => ({
    key: '7',
    section: 's',
    params: [],
    origin: registry,
    translations,
  });
  it('the registry entry, then the source text, as file:line', () => {
    expect(
      sourceOrigins({ sourceLocale: 'en' }, message({ en: { text: 'x', ast: [], state: 'final', origin: en } })).map(location),
    ).toEqual(['registry/errors.json:12', 'locales/en/messages.json:6']);
    expect(sourceOrigins({ sourceLocale: 'en' }, message({})).map(location)).toEqual(['registry/errors.json:12']);
  });
});
