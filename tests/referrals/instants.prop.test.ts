// The memoized window bounds must agree with reading the calendar date in the window's zone,
// including around DST transitions (New York, Lord Howe's 30-minute shift, Kolkata without DST).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWallClock, type IanaZone, type IsoDate } from '../../src/core/index.js';
import { dayNumberToDate } from '../../src/core/calendar.js';
import { periodBounds } from '../../src/referrals/instants.js';
import { windowPosition } from '../../src/referrals/validity.js';

const ZONES = [
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Denver',
  'UTC',
] as IanaZone[];
const zone = fc.constantFrom(...ZONES);

describe('authorization window bounds', () => {
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
