// The interval algebra against a brute-force model: a set of whole minutes. Every operation on
// normalized lists must agree with the same operation on minute sets, and return normalized lists.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  covers,
  intersectIntervals,
  isNormalized,
  normalizeIntervals,
  splitIntoSteps,
  subtractIntervals,
  totalDuration,
  unionIntervals,
  type Interval,
} from '../../src/core/interval.js';

const MIN = 60_000;
const raw = fc.array(
  fc
    .record({ start: fc.integer({ min: 0, max: 120 }), len: fc.integer({ min: -3, max: 30 }) })
    .map(({ start, len }) => ({ start: start * MIN, end: (start + len) * MIN })),
  { maxLength: 12 },
);
const list = raw.map(normalizeIntervals);

const minutes = (l: readonly Interval[]): Set<number> => {
  const s = new Set<number>();
  for (const i of l) for (let m = i.start; m < i.end; m += MIN) s.add(m / MIN);
  return s;
};
const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
const setOf = (pred: (m: number) => boolean): number[] => {
  const out: number[] = [];
  for (let m = -10; m < 200; m++) if (pred(m)) out.push(m);
  return out;
};

describe('interval algebra agrees with a minute-set model', () => {
  test.prop([raw])('normalize keeps exactly the covered minutes and is normalized', (l) => {
    const n = normalizeIntervals(l);
    expect(isNormalized(n)).toBe(true);
    expect(sorted(minutes(n))).toEqual(sorted(minutes(l.filter((i) => i.end > i.start))));
  });

  test.prop([raw])('normalize is idempotent', (l) => {
    const n = normalizeIntervals(l);
    expect(normalizeIntervals(n)).toEqual(n);
  });

  test.prop([list, list])('union', (a, b) => {
    const u = unionIntervals(a, b);
    const [ma, mb] = [minutes(a), minutes(b)];
    expect(isNormalized(u)).toBe(true);
    expect(sorted(minutes(u))).toEqual(setOf((m) => ma.has(m) || mb.has(m)));
  });

  test.prop([list, list])('intersection', (a, b) => {
    const x = intersectIntervals(a, b);
    const [ma, mb] = [minutes(a), minutes(b)];
    expect(isNormalized(x)).toBe(true);
    expect(sorted(minutes(x))).toEqual(setOf((m) => ma.has(m) && mb.has(m)));
  });

  test.prop([list, list])('subtraction', (a, b) => {
    const d = subtractIntervals(a, b);
    const [ma, mb] = [minutes(a), minutes(b)];
    expect(isNormalized(d)).toBe(true);
    expect(sorted(minutes(d))).toEqual(setOf((m) => ma.has(m) && !mb.has(m)));
  });

  test.prop([list, list, list])(
    'laws: commutative, associative, distributive, De Morgan-style difference',
    (a, b, c) => {
      expect(unionIntervals(a, b)).toEqual(unionIntervals(b, a));
      expect(intersectIntervals(a, b)).toEqual(intersectIntervals(b, a));
      expect(unionIntervals(unionIntervals(a, b), c)).toEqual(unionIntervals(a, unionIntervals(b, c)));
      expect(intersectIntervals(a, unionIntervals(b, c))).toEqual(
        unionIntervals(intersectIntervals(a, b), intersectIntervals(a, c)),
      );
      expect(subtractIntervals(a, unionIntervals(b, c))).toEqual(
        subtractIntervals(subtractIntervals(a, b), c),
      );
      // a = (a - b) ∪ (a ∩ b), and the two parts are disjoint
      expect(unionIntervals(subtractIntervals(a, b), intersectIntervals(a, b))).toEqual(a);
      expect(intersectIntervals(subtractIntervals(a, b), b)).toEqual([]);
      expect(totalDuration(a)).toBe(
        totalDuration(subtractIntervals(a, b)) + totalDuration(intersectIntervals(a, b)),
      );
    },
  );

  test.prop([list])('identities with the empty list and itself', (a) => {
    expect(unionIntervals(a, [])).toEqual(a);
    expect(intersectIntervals(a, [])).toEqual([]);
    expect(subtractIntervals(a, [])).toEqual(a);
    expect(subtractIntervals(a, a)).toEqual([]);
    expect(intersectIntervals(a, a)).toEqual(a);
  });

  test.prop([list, fc.integer({ min: -5, max: 130 }), fc.integer({ min: 0, max: 40 })])(
    'covers matches the model',
    (a, s, len) => {
      const m = minutes(a);
      const inner = { start: s * MIN, end: (s + len) * MIN };
      const expected = setOf((x) => x >= s && x < s + len).every((x) => m.has(x));
      expect(covers(a, inner)).toBe(expected);
    },
  );

  test.prop([
    list,
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: 1, max: 40 }),
    fc.integer({ min: -50, max: 50 }),
  ])('steps lie inside free time, on the grid, in order', (a, length, step, anchor) => {
    const grid = { length: length * MIN, step: step * MIN, anchor: anchor * MIN };
    const pieces = splitIntoSteps(a, grid);
    let prev = Number.NEGATIVE_INFINITY;
    for (const p of pieces) {
      expect(covers(a, p)).toBe(true);
      expect(p.end - p.start).toBe(grid.length);
      expect((((p.start - grid.anchor) % grid.step) + grid.step) % grid.step).toBe(0);
      expect(p.start).toBeGreaterThan(prev);
      prev = p.start;
    }
    // completeness: every grid start whose piece fits in free time is offered
    const m = minutes(a);
    const expected = setOf(
      (x) =>
        (((x - anchor) % step) + step) % step === 0 &&
        Array.from({ length }, (_, k) => x + k).every((y) => m.has(y)),
    );
    expect(pieces.map((p) => p.start / MIN)).toEqual(expected);
  });
});
