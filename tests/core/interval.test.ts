import { describe, expect, it } from 'vitest';
import {
  containsInstant,
  containsInterval,
  covers,
  duration,
  isNormalized,
  normalizeIntervals,
  overlaps,
  splitIntoSteps,
  subtractIntervals,
  totalDuration,
  widen,
} from '../../src/core/interval.js';

describe('interval basics', () => {
  it('half-open: touching intervals do not overlap, empty ones never do', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 5, end: 5 }, { start: 0, end: 20 })).toBe(false);
  });

  it('normalize merges touching pieces and drops empty ones', () => {
    expect(
      normalizeIntervals([
        { start: 20, end: 30 },
        { start: 0, end: 10 },
        { start: 10, end: 15 },
        { start: 40, end: 40 },
        { start: 50, end: 45 },
      ]),
    ).toEqual([
      { start: 0, end: 15 },
      { start: 20, end: 30 },
    ]);
    expect(
      isNormalized([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
    ).toBe(false);
  });

  it('normalize returns an already normalized list unchanged and does not mutate its input', () => {
    const input = Object.freeze([Object.freeze({ start: 5, end: 9 }), Object.freeze({ start: 1, end: 3 })]);
    expect(normalizeIntervals(input)).toEqual([
      { start: 1, end: 3 },
      { start: 5, end: 9 },
    ]);
    const done = [{ start: 1, end: 3 }];
    expect(normalizeIntervals(done)).toBe(done);
  });

  it('subtract cuts a lunch out of a morning', () => {
    const h = 3_600_000;
    expect(subtractIntervals([{ start: 8 * h, end: 17 * h }], [{ start: 12 * h, end: 13 * h }])).toEqual([
      { start: 8 * h, end: 12 * h },
      { start: 13 * h, end: 17 * h },
    ]);
  });

  it('containment and durations', () => {
    const list = [
      { start: 0, end: 60 },
      { start: 100, end: 160 },
    ];
    expect(covers(list, { start: 10, end: 60 })).toBe(true);
    expect(covers(list, { start: 50, end: 110 })).toBe(false);
    expect(covers(list, { start: 70, end: 70 })).toBe(true);
    expect(containsInstant(list, 60)).toBe(false);
    expect(containsInstant(list, 100)).toBe(true);
    expect(containsInterval({ start: 0, end: 60 }, { start: 0, end: 60 })).toBe(true);
    expect(duration({ start: 10, end: 5 })).toBe(0);
    expect(totalDuration(list)).toBe(120);
    expect(widen({ start: 100, end: 200 }, 10, 5)).toEqual({ start: 90, end: 205 });
  });

  it('steps align to the anchor, not to the start of free time', () => {
    const m = 60_000;
    // free 09:10-10:00 (in minutes), 15-minute grid anchored at 09:00 → 09:15, 09:30 (09:45 would end at 10:00: fits)
    const pieces = splitIntoSteps([{ start: 550 * m, end: 600 * m }], {
      length: 15 * m,
      step: 15 * m,
      anchor: 540 * m,
    });
    expect(pieces.map((p) => p.start / m)).toEqual([555, 570, 585]);
    expect(splitIntoSteps([{ start: 0, end: 100 }], { length: 10, step: 10, anchor: 0 }, 3)).toHaveLength(3);
    expect(splitIntoSteps([{ start: 0, end: 100 }], { length: 0, step: 10, anchor: 0 })).toEqual([]);
  });
});
