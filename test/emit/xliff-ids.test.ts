/**
 * generator/emit/xliff-ids.ts: every name the XLIFF export writes, read back
 * by the import's rule. Each table row is written by the export's function
 * and parsed by the import's, and the full export → import path is checked
 * on a rendered file (test/import/xliff/ holds the imports themselves).
 */
import { describe, expect, it } from 'vitest';
import {
  formUnitId,
  overrideUnitId,
  OVERRIDE_PREFIX,
  placeholderArgument,
  placeholderId,
  selectorOfFormUnitId,
  stateOf12,
  USER_FILE_ID,
  XLIFF_12_STATES,
  xliff12State,
} from '../../generator/emit/xliff-ids.js';
import { readXliff } from '../../generator/import/xliff/read-xliff.js';
import { xliffTarget } from '../../generator/targets/xliff.js';
import { loadTestCatalog } from '../support/catalogs.js';
import { renderTargets } from '../../generator/pipeline.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';

describe('plural form units: <key>.<category>, <key>.exact<N>', () => {
  it.each([
    ['6014', 'one', '6014.one'],
    ['6014', 'other', '6014.other'],
    ['6014', '=0', '6014.exact0'],
    ['6014', '=12', '6014.exact12'],
    ['-302', 'few', '-302.few'],
    ['120001-130000', '=1', '120001-130000.exact1'],
    ['key.6014', 'many', 'key.6014.many'],
    ['unknown', 'zero', 'unknown.zero'],
  ])('%s %s → %s → back', (key, selector, id) => {
    expect(formUnitId(key, selector)).toBe(id);
    expect(selectorOfFormUnitId(id, key)).toBe(selector);
  });

  it.each([
    [undefined, '6014'],
    ['6015.one', '6014'],
    ['6014one', '6014'],
    ['60141.one', '6014'],
  ])('%j is not a form of %s', (id, key) => {
    expect(selectorOfFormUnitId(id, key)).toBeUndefined();
  });
});

describe('user units', () => {
  it('a user override is key.<key>; the user file is "user"', () => {
    expect(overrideUnitId('6014')).toBe('key.6014');
    expect(overrideUnitId('6014').startsWith(OVERRIDE_PREFIX)).toBe(true);
    expect(USER_FILE_ID).toBe('user');
  });
});

describe('placeholders: <ph id> is the argument position, -N for its N-th use', () => {
  it.each([
    [1, 1, '1'],
    [1, 2, '1-2'],
    [2, 3, '2-3'],
    ['count', 1, 'count'],
    ['count', 2, 'count-2'],
    ['x-1', 1, 'x-1'],
  ])('argument %s, use %d → %s', (argument, use, id) => {
    expect(placeholderId(argument, use)).toBe(id);
    if (use > 1 || !/-\d+$/.test(String(argument))) expect(placeholderArgument(id)).toBe(String(argument));
  });
});

describe('XLIFF 1.2 states', () => {
  it.each([
    ['initial', true, 'needs-review-translation', 'initial'],
    ['initial', false, 'needs-translation', 'initial'],
    ['translated', true, 'translated', 'translated'],
    ['reviewed', true, 'signed-off', 'reviewed'],
    ['final', true, 'final', 'final'],
  ])('%s (text: %s) → %s → %s', (state, hasText, written, read) => {
    expect(xliff12State(state, hasText)).toBe(written);
    expect(stateOf12(written)).toBe(read);
  });

  it('reads every 1.2 state, and nothing else', () => {
    expect(XLIFF_12_STATES.map((s) => [s, stateOf12(s)])).toEqual([
      ['new', 'initial'],
      ['needs-translation', 'initial'],
      ['needs-adaptation', 'initial'],
      ['needs-l10n', 'initial'],
      ['needs-review-translation', 'initial'],
      ['needs-review-adaptation', 'initial'],
      ['needs-review-l10n', 'initial'],
      ['translated', 'translated'],
      ['signed-off', 'reviewed'],
      ['final', 'final'],
    ]);
    for (const bad of ['x-custom', 'initial', 'reviewed', 'toString', '']) expect(stateOf12(bad)).toBeUndefined();
  });
});

describe('export → import: the hazards ja file, both versions', () => {
  it.each(['2.0', '1.2'] as const)(
    'XLIFF %s: every plural group, form unit and placeholder id the export writes reads back',
    async (version) => {
      const { catalog, config } = await loadTestCatalog('hazards');
      const diagnostics: Diagnostic[] = [];
      const files = renderTargets(catalog, { ...config, xliff: { version } }, [xliffTarget], diagnostics)!;
      expect(diagnostics).toEqual([]);
      const read = readXliff(files.get('xliff/ja.xlf')!);
      if (!read.ok) throw new Error(read.message);
      const groups = read.doc.items.filter((item) => item.kind === 'group');
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        expect(group.id).toBeDefined();
        for (const unit of group.units) {
          const selector = selectorOfFormUnitId(unit.id, group.id!);
          expect(selector, unit.id).toBeDefined();
          expect(formUnitId(group.id!, selector!)).toBe(unit.id);
          if (version === '2.0') expect(unit.name).toBe(selector);
        }
      }
      const phs = read.doc.items
        .flatMap((item) => (item.kind === 'unit' ? [item] : item.units))
        .flatMap((unit) => [...(unit.source?.parts ?? []), ...(unit.target?.parts ?? [])])
        .flatMap((p) => (p.kind === 'ph' ? [p.id!] : []));
      expect(phs.length).toBeGreaterThan(0);
      for (const id of phs) expect(id).toMatch(/^(\d+|[^-]+)(-\d+)?$/);
      expect(phs.some((id) => placeholderArgument(id) !== id)).toBe(phs.some((id) => /-\d+$/.test(id)));
    },
  );
});
