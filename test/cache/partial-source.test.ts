/**
 * A file a warm run does not read whole gives the merge exactly what a whole
 * read would give for the edited keys: its frame and those keys' entries,
 * read from their byte ranges; a file whose bytes are not those laid out
 * gives nothing, so the run reads and merges whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partialSource } from '../../generator/cache/partial-source.js';
import { sourceLayout } from '../../generator/cache/source-layout.js';
import { parseJsonFile } from '../../generator/json/json-file.js';
import { hashText } from '../../generator/json/text-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'codebook-partial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = ['1', '2', '3', 'unknown'];
const keyIndex = new Map(keys.map((k, i) => [k, i]));

const MESSAGES = `{
  "locale": "ja",
  "sections": { "generic": "一般" },
  "messages": {
    "1": "一つ目 \\"引用\\" 🎉",
    "2": { "text": "二つ目", "note": "n", "doubts": ["a", "b"] },
    "3": "三つ目"
  },
  "user": { "retry": "もう一度お試しください。" },
  "userOverrides": {
    "unknown": { "text": "不明" }
  }
}
`;

const REGISTRY = `{
  "sections": [{ "id": "generic", "part": "sdk" }],
  "codes": [
    { "code": 1, "section": "generic" },
    { "code": 2, "section": "generic", "params": { "n": { "type": "number" } } },
    { "code": 3, "section": "generic" },
    { "key": "unknown", "section": "generic" }
  ]
}
`;

/** The text written to disk (as bytes: a BOM stays), laid out as the last run did, and read back for `edited`. */
function readBack(kind: 'registry' | 'messages', text: string, edited: number[], written = text) {
  const path = join(dir, `${kind}-${hashText(text)}.json`);
  writeFileSync(path, written);
  const decoded = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const layout = sourceLayout(kind, decoded, hashText(decoded), keyIndex, JSON.parse(decoded))!;
  return partialSource({ layer: 'l', path, file: 'f.json', layout }, new Set(edited), keyIndex);
}

const variants = (text: string) => ({
  LF: text,
  'CR LF': text.replace(/\n/g, '\r\n'),
  BOM: `\ufeff${text}`,
  'one line': JSON.stringify(JSON.parse(text)),
});

describe('a file read in part', () => {
  for (const [name, text] of Object.entries(variants(MESSAGES))) {
    it(`gives a messages file's frame and the edited keys' entries (${name})`, () => {
      const whole = JSON.parse(text.replace(/^\ufeff/, '')) as Record<string, Record<string, unknown>>;
      const source = readBack('messages', text, [1, 3]);
      expect(source?.kind).toBe('messages');
      expect(source!.data).toEqual({
        locale: 'ja',
        sections: whole.sections,
        user: whole.user,
        messages: { 2: whole.messages!['2'] },
        userOverrides: { unknown: whole.userOverrides!.unknown },
      });
      // Its positions are the JSON reader's, from the layout where it knows them, else by reading the file whole.
      const { json } = parseJsonFile('f.json', text.replace(/^\ufeff/, ''));
      expect(source!.json.locateMember('/messages', '2', true)).toEqual(json!.locateMember('/messages', '2', true));
      expect(source!.json.locateMember('/user', 'retry', true)).toEqual(json!.locateMember('/user', 'retry', true));
    });
  }

  for (const [name, text] of Object.entries(variants(REGISTRY))) {
    it(`gives a registry's sections and the edited keys' codes at their indices (${name})`, () => {
      const source = readBack('registry', text, [1, 3]);
      expect(source?.kind).toBe('registry');
      const codes = (source!.data as { codes: unknown[] }).codes;
      expect(codes.length).toBe(4);
      expect(Object.keys(codes)).toEqual(['1', '3']);
      expect(codes[1]).toEqual({ code: 2, section: 'generic', params: { n: { type: 'number' } } });
      expect(codes[3]).toEqual({ key: 'unknown', section: 'generic' });
      expect((source!.data as { sections: unknown }).sections).toEqual([{ id: 'generic', part: 'sdk' }]);
    });
  }

  it('gives nothing when the bytes on disk are not the ones laid out, even at the same size', () => {
    const same = MESSAGES.replace('二つ目', '二つ眼');
    expect(same.length).toBe(MESSAGES.length);
    expect(readBack('messages', MESSAGES, [1], same)).toBeUndefined();
    // Entries not asked for are never read: a change elsewhere is the stat's business.
    expect(readBack('messages', MESSAGES, [0], same)).toBeDefined();
  });
});
