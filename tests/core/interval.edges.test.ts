import { describe, expect, it } from 'vitest';
import {
  containsInstant,
  containsInterval,
  covers,
  intersectIntervals,
  isNormalized,
  normalizeIntervals,
  overlaps,
  splitIntoSteps,
  subtractIntervals,
  unionIntervals,
} from '../../src/core/interval.js';

// Boundary cases of every comparison in interval.ts (written against the Stryker report of that
// file). Intervals are half-open [start, end); expected values are worked out by hand.
const iv = (start: number, end: number) => ({ start, end });

describe('overlaps and containsInterval at the boundaries', () => {
  it('overlaps needs a shared instant on both sides and two non-empty intervals', () => {
    expect(overlaps(iv(20, 30), iv(10, 20))).toBe(false); // touches on the other side
    expect(overlaps(iv(19, 30), iv(10, 20))).toBe(true); // shares 19
    expect(overlaps(iv(0, 100), iv(10, 20))).toBe(true); // containment
    expect(overlaps(iv(10, 20), iv(0, 100))).toBe(true);
    expect(overlaps(iv(0, 20), iv(5, 5))).toBe(false); // empty b inside a
    expect(overlaps(iv(10, 5), iv(0, 20))).toBe(false); // reversed a
  });

  it('containsInterval: inclusive start, exclusive end, empty inner anywhere', () => {
    expect(containsInterval(iv(0, 10), iv(50, 50))).toBe(true);
    expect(containsInterval(iv(0, 10), iv(50, 40))).toBe(true);
    expect(containsInterval(iv(0, 60), iv(-1, 10))).toBe(false);
    expect(containsInterval(iv(0, 60), iv(10, 61))).toBe(false);
    expect(containsInterval(iv(0, 60), iv(0, 10))).toBe(true);
    expect(containsInterval(iv(0, 60), iv(50, 60))).toBe(true);
  });
});

describe('covers and containsInstant (binary search)', () => {
  // five pieces with gaps of 10: [0,10) [20,30) [40,50) [60,70) [80,90)
  const list = [iv(0, 10), iv(20, 30), iv(40, 50), iv(60, 70), iv(80, 90)];
  it('finds pieces at both ends and in the middle', () => {
    expect(covers(list, iv(0, 5))).toBe(true);
    expect(covers(list, iv(85, 90))).toBe(true);
    expect(covers(list, iv(40, 50))).toBe(true);
    expect(covers(list, iv(20, 21))).toBe(true);
    expect(covers(list, iv(29, 30))).toBe(true);
    expect(covers(list, iv(60, 61))).toBe(true);
  });
  it('rejects gaps, overhangs and the outside', () => {
    expect(covers(list, iv(-5, 0))).toBe(false);
    expect(covers(list, iv(-1, 5))).toBe(false);
    expect(covers(list, iv(90, 95))).toBe(false);
    expect(covers(list, iv(95, 96))).toBe(false);
    expect(covers(list, iv(10, 20))).toBe(false);
    expect(covers(list, iv(30, 31))).toBe(false); // starts at a piece's exclusive end
    expect(covers(list, iv(19, 20))).toBe(false); // ends at a piece's start
    expect(covers(list, iv(45, 55))).toBe(false);
    expect(covers(list, iv(65, 71))).toBe(false);
    expect(covers([], iv(0, 1))).toBe(false);
    expect(covers([], iv(3, 3))).toBe(true);
  });
  it('containsInstant is half-open', () => {
    expect(containsInstant(list, 9)).toBe(true);
    expect(containsInstant(list, 10)).toBe(false);
    expect(containsInstant(list, -1)).toBe(false);
    expect(containsInstant(list, 80)).toBe(true);
    expect(containsInstant(list, 90)).toBe(false);
  });
});

describe('normalized lists', () => {
  it('isNormalized wants sorted, non-empty, separated pieces', () => {
    expect(isNormalized([])).toBe(true);
    expect(isNormalized([iv(-5, 0)])).toBe(true);
    expect(isNormalized([iv(0, 10), iv(11, 20)])).toBe(true);
    expect(isNormalized([iv(5, 5)])).toBe(false);
    expect(isNormalized([iv(11, 20), iv(0, 10)])).toBe(false);
    expect(isNormalized([iv(0, 10), iv(5, 20)])).toBe(false);
  });

  it('normalizeIntervals keeps the longer end when a piece lies inside another', () => {
    expect(normalizeIntervals([iv(0, 100), iv(10, 20)])).toEqual([iv(0, 100)]);
    expect(normalizeIntervals([iv(10, 20), iv(0, 100), iv(100, 110)])).toEqual([iv(0, 110)]);
    expect(normalizeIntervals([iv(30, 40), iv(0, 10), iv(15, 20)])).toEqual([
      iv(0, 10),
      iv(15, 20),
      iv(30, 40),
    ]);
    expect(normalizeIntervals([iv(5, 5), iv(7, 7)])).toEqual([]);
  });

  it('union merges touching and nested pieces across the two lists', () => {
    expect(unionIntervals([iv(0, 10)], [iv(10, 20)])).toEqual([iv(0, 20)]);
    expect(unionIntervals([iv(0, 100)], [iv(10, 20)])).toEqual([iv(0, 100)]);
    expect(unionIntervals([iv(30, 40)], [iv(0, 10), iv(50, 60)])).toEqual([
      iv(0, 10),
      iv(30, 40),
      iv(50, 60),
    ]);
  });

  it('union and subtract hand back the other list itself when one side is empty', () => {
    const a = [iv(0, 10)];
    expect(unionIntervals(a, [])).toBe(a);
    expect(unionIntervals([], a)).toBe(a);
    expect(subtractIntervals(a, [])).toBe(a);
  });

  it('intersect and subtract at shared boundaries', () => {
    expect(intersectIntervals([iv(0, 10)], [iv(10, 20)])).toEqual([]);
    expect(intersectIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
    expect(intersectIntervals([iv(5, 25)], [iv(0, 10), iv(20, 30)])).toEqual([iv(5, 10), iv(20, 25)]);
    // a busy block starting exactly at the free start leaves no empty piece before it
    expect(subtractIntervals([iv(0, 60)], [iv(0, 20), iv(40, 60)])).toEqual([iv(20, 40)]);
    expect(subtractIntervals([iv(0, 60)], [iv(-10, 0), iv(60, 70)])).toEqual([iv(0, 60)]);
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(0, 5), iv(25, 30)]);
    expect(subtractIntervals([iv(0, 10), iv(20, 30)], [iv(-5, 50)])).toEqual([]);
  });
});

describe('splitIntoSteps grid edges', () => {
  it('a non-positive step or length offers nothing', () => {
    expect(splitIntoSteps([iv(0, 100)], { length: 10, step: 0, anchor: 0 })).toEqual([]);
    expect(splitIntoSteps([iv(0, 100)], { length: 10, step: -10, anchor: 0 })).toEqual([]);
    expect(splitIntoSteps([iv(0, 100)], { length: -10, step: 10, anchor: 0 })).toEqual([]);
  });
  it('the first start is the first grid point at or after the free start', () => {
    // grid 0, 25, 50, 75 with 20-long pieces; free [30, 100): 50-70 and 75-95
    expect(splitIntoSteps([iv(30, 100)], { length: 20, step: 25, anchor: 0 })).toEqual([
      iv(50, 70),
      iv(75, 95),
    ]);
    // anchor after the free time still counts backwards: grid ..., 5, 15, 25 (anchor 105)
    expect(splitIntoSteps([iv(0, 30)], { length: 10, step: 10, anchor: 105 })).toEqual([
      iv(5, 15),
      iv(15, 25),
    ]);
  });
  it('the limit counts pieces across intervals', () => {
    const free = [iv(0, 20), iv(40, 60)];
    expect(splitIntoSteps(free, { length: 10, step: 10, anchor: 0 }, 3)).toEqual([
      iv(0, 10),
      iv(10, 20),
      iv(40, 50),
    ]);
    expect(splitIntoSteps(free, { length: 10, step: 10, anchor: 0 }, 0)).toEqual([]);
  });
});
