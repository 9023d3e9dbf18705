// The worklist's fast time helpers must agree with core's reference implementations, including
// around DST transitions (New York, Lord Howe's 30-minute shift, Kolkata without DST).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberToDate,
  formatInstant,
  instantToMs,
  toWallClock,
  type IanaZone,
  type IsoDate,
} from '../../src/core/index.js';
import { formatInstantFast, instantMs, periodBounds } from '../../src/referrals/instants.js';
import { windowPosition } from '../../src/referrals/index.js';

const ZONES = [
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Denver',
  'UTC',
] as IanaZone[];
// 2020-01-01 .. 2030-12-31, whole seconds, plus the odd millisecond.
const instant = fc.integer({ min: 1_577_836_800, max: 1_924_991_999 }).map((s) => s * 1000);
const zone = fc.constantFrom(...ZONES);

describe('referral time helpers agree with core', () => {
  it('formatInstantFast = formatInstant, and instantMs reads it back', () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom(0, 0, 0, 250), (ms, z, extra) => {
        const text = formatInstant(ms + extra, z);
        expect(formatInstantFast(ms + extra, z)).toBe(text);
        expect(instantMs(text)).toBe(ms + extra);
        expect(instantMs(text)).toBe(instantToMs(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads Z instants', () => {
    expect(instantMs(formatInstant(Date.UTC(2026, 2, 8, 7), 'UTC' as IanaZone))).toBe(
      Date.UTC(2026, 2, 8, 7),
    );
  });

  it('windowPosition = comparing the calendar date in the zone with the inclusive dates', () => {
    // Instants within 36 hours of either edge, so DST days at the edges are exercised.
    const edge = fc.tuple(fc.boolean(), fc.integer({ min: -36 * 60, max: 36 * 60 }));
    fc.assert(
      fc.property(
        zone,
        fc.integer({ min: 18_300, max: 22_000 }),
        fc.integer({ min: 0, max: 120 }),
        edge,
        (z, day, len, [atEnd, minutes]) => {
          const period = { start: dayNumberToDate(day), end: dayNumberToDate(day + len) as IsoDate, zone: z };
          const ms = (atEnd ? day + len + 1 : day) * 86_400_000 + minutes * 60_000;
          const date = toWallClock(ms, z).date;
          const expected = date < period.start ? 'before-start' : date > period.end ? 'after-end' : 'inside';
          expect(windowPosition(period, ms)).toBe(expected);
          expect(periodBounds(period).lastDayMs).toBeLessThan(periodBounds(period).endMs);
        },
      ),
      { numRuns: 500 },
    );
  });
});
