/**
 * cache/review-frame.ts: some keys' catalog carrying the frame's key table
 * plans the review's files as the whole catalog does (the index, report.json
 * and summary.md whole; the rows of those keys), a frame patched with edited
 * messages is the edited catalog's frame, and the keys whose rows it can
 * plan are named.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogOfKeys } from '../../generator/catalog/of-keys.js';
import type { Catalog } from '../../generator/catalog/model.js';
import { frameCatalog, frameOf, patchedFrame, rowKeysOf } from '../../generator/cache/review-frame.js';
import { keyTableOf } from '../../generator/review/key-table.js';
import { review } from '../../generator/pipeline.js';
import { reviewFiles } from '../../generator/targets/review.js';
import { fixtureCopy } from '../support/files.js';

async function reviewed() {
  const dir = fixtureCopy('hazards', 'codebook-review-frame-');
  const result = await review({ config: join(dir, 'codebook.config.json'), cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  return { catalog: result.catalog!, config: result.config!, findings: result.findings ?? [] };
}

/** The planned files as JSON, rows built from the messages. */
const planned = (catalog: Catalog, options: Parameters<typeof reviewFiles>[1], only: ReadonlySet<string>) =>
  JSON.stringify(reviewFiles(catalog, options, { only, rowsPerPage: 3 }));

describe('the review frame', () => {
  it('plans the review of some keys as the whole catalog does, whatever keys and rows per page', async () => {
    const { catalog, config, findings } = await reviewed();
    const keys = catalog.messages.map((m) => m.key);
    // A blank text (not translated, for report.json's and summary.md's completeness) on a key the rows leave out.
    const blank = catalog.messages.find((m, i) => i > 0 && i !== Math.floor(keys.length / 2) && Object.keys(m.translations).length > 1)!;
    const blankLocale = Object.keys(blank.translations).find((l) => l !== catalog.sourceLocale)!;
    blank.translations[blankLocale] = { ...blank.translations[blankLocale]!, text: ' \n' };
    const frame = frameOf(catalog);
    expect(frame.texts.length).toBe(keys.length * catalog.locales.length);
    const options = { config, header: 'generated', findings };
    // The first key, one in the middle, the last, and keys with findings (their rows name them).
    const picks = [keys[0]!, keys[Math.floor(keys.length / 2)]!, keys[keys.length - 1]!, ...findings.slice(0, 3).map((f) => f.key)];
    const only = new Set(picks.filter((k) => keys.includes(k) && k !== blank.key));
    const partial = catalogOfKeys(catalog, only);
    const framed = frameCatalog(frame, keys, partial)!;
    expect(framed.messages).toEqual(partial.messages);
    expect(keyTableOf(framed).keys).toEqual(keys);
    expect([...rowKeysOf(framed)!].sort()).toEqual([...only].sort());
    expect(rowKeysOf(catalog)).toBeUndefined();
    expect(planned(framed, options, only)).toEqual(planned(catalog, options, only));
    // A row of a key the catalog does not hold cannot be planned from it.
    expect(() => planned(framed, options, new Set([blank.key]))).toThrow(/no message of key/);
  });

  it('patched with edited messages, is the frame of the edited catalog; another key table or catalog shape gives none', async () => {
    const { catalog } = await reviewed();
    const keys = catalog.messages.map((m) => m.key);
    const [a, b] = [catalog.messages[1]!, catalog.messages[2]!];
    const [locale, other] = catalog.locales;
    const edited: Catalog = {
      ...catalog,
      messages: catalog.messages.map((m) => {
        if (m === a)
          return {
            ...m,
            translations: { ...m.translations, [locale!]: { ...m.translations[locale!]!, text: '  ', state: 'final' as const } },
          };
        if (m === b) {
          const { [other!]: _gone, ...rest } = m.translations;
          return { ...m, translations: rest };
        }
        return m;
      }),
    };
    const keyIndex = new Map(keys.map((k, i) => [k, i]));
    const patched = patchedFrame(frameOf(catalog), catalogOfKeys(edited, new Set([a.key, b.key])), keyIndex)!;
    expect(patched).toEqual(frameOf(edited));
    expect(patched).not.toEqual(frameOf(catalog));
    expect(frameCatalog(frameOf(catalog), keys.slice(1), catalogOfKeys(catalog, new Set()))).toBeUndefined();
    expect(frameCatalog(frameOf(catalog), keys, { ...catalogOfKeys(catalog, new Set()), namespace: 'other' })).toBeUndefined();
    expect(patchedFrame(frameOf(catalog), { ...catalogOfKeys(edited, new Set([a.key])), namespace: 'other' }, keyIndex)).toBeUndefined();
  });
});
