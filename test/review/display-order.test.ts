/**
 * The review pages' finding order (page-context.ts displayOrder): open
 * first, then severity, rule, layer in config order, locales, message,
 * origins and what resolved them, ties in the order given; and a warm
 * review's order, the recorded one's kept findings with the few keys
 * reviewed again merged in, is the whole sort's.
 */
import { describe, expect, it } from 'vitest';
import type { Origin } from '../../generator/catalog/model.js';
import type { Config } from '../../generator/config/load-config.js';
import type { Finding } from '../../generator/review/finding.js';
import { displayOrder } from '../../generator/review/page-context.js';
import type { QaRuleId } from '../../generator/review/rules.js';

const config = { layers: [{ name: 'vendor' }, { name: 'fixes' }, { name: 'app' }] } as unknown as Config;

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Findings drawn from few values per field, so that every field decides some comparisons and many tie. */
function findings(count: number, seed: number): Finding[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const origin = (line: number): Origin => ({ layer: 'vendor', file: 'ja.json', pointer: '', line, column: 1 });
  return Array.from({ length: count }, () => {
    const resolved = next() < 0.2;
    return {
      ruleId: pick(['qa/whitespace', 'qa/end-punctuation', 'qa/numbers-differ']) as QaRuleId,
      severity: pick(['error', 'warning', 'info'] as const),
      key: String(Math.floor(next() * 40)),
      locales: pick([['ja'], ['en', 'ja'], ['ko']]),
      message: pick(['a', 'b']),
      layer: pick(['vendor', 'fixes', 'app', 'merged', 'other']),
      origins: pick([[], [origin(1)], [origin(2)]]),
      ...(resolved ? { resolvedBy: pick([[origin(3)], [origin(4)]]) } : {}),
    };
  });
}

/** The order as its definition reads, comparator by comparator. */
function reference(list: readonly Finding[]): number[] {
  const layers = ['vendor', 'fixes', 'app', 'merged'];
  const layerAt = (f: Finding) => (layers.includes(f.layer) ? layers.indexOf(f.layer) : layers.length);
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list
    .map((f, at) => ({ f, at }))
    .sort(
      ({ f: a, at: i }, { f: b, at: j }) =>
        Number(!!a.resolvedBy) - Number(!!b.resolvedBy) ||
        ['error', 'warning', 'info'].indexOf(a.severity) - ['error', 'warning', 'info'].indexOf(b.severity) ||
        text(a.ruleId, b.ruleId) ||
        layerAt(a) - layerAt(b) ||
        text(a.layer, b.layer) ||
        text(a.locales.join(','), b.locales.join(',')) ||
        text(a.message, b.message) ||
        text(JSON.stringify(a.origins), JSON.stringify(b.origins)) ||
        text(JSON.stringify(a.resolvedBy ?? []), JSON.stringify(b.resolvedBy ?? [])) ||
        i - j,
    )
    .map(({ at }) => at);
}

describe('the display order of findings', () => {
  it('sorts by its fields in turn, ties in the order given', () => {
    for (const seed of [1, 2, 3]) {
      const list = findings(500, seed);
      expect(displayOrder(list, config), `seed ${seed}`).toEqual(reference(list));
    }
  });

  it("with the recorded order of the findings kept, merges the others' in: the whole sort's order", () => {
    for (const seed of [4, 5, 6, 7]) {
      const list = findings(400, seed);
      const whole = displayOrder(list, config);
      // The findings of a few keys were reviewed again (any of them, even all or none).
      const reviewed = new Set(['3', '17', String(seed), ...(seed === 7 ? list.map((f) => f.key) : [])]);
      const kept = whole.filter((at) => !reviewed.has(list[at]!.key));
      expect(kept.length, `seed ${seed}`).toBeLessThan(list.length);
      expect(displayOrder(list, config, kept), `seed ${seed}`).toEqual(whole);
    }
    const list = findings(50, 8);
    expect(displayOrder(list, config, displayOrder(list, config))).toEqual(displayOrder(list, config));
  });
});
