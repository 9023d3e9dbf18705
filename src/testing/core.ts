/**
 * Arbitraries of the core kernel: money in cents and basis points, IANA zones chosen for their
 * DST behaviour, calendar dates, wall times and normalized interval lists.
 */
import * as fc from 'fast-check';
import type { Interval } from '../core/interval.js';
import { normalizeIntervals } from '../core/interval.js';
import type { BasisPoints, Cents } from '../core/money.js';
import { type IanaZone } from '../core/time.js';
import { dayNumberToDate, dateToDayNumber, type IsoDate, type WallTime } from '../core/calendar.js';

/**
 * Zones that exercise the DST policy: US and EU transitions, the southern hemisphere, a 30-minute
 * shift (Lord Howe), a midnight gap (Santiago), fractional offsets without DST (Kolkata,
 * Kathmandu) and UTC.
 *
 * @example
 * TEST_ZONES.includes(zone('Australia/Lord_Howe')); // true
 */
export const TEST_ZONES: readonly IanaZone[] = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Santiago',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'UTC',
] as IanaZone[];

/**
 * An IANA zone from {@link TEST_ZONES}.
 *
 * @example
 * fc.sample(ianaZoneArbitrary, 1); // ['Europe/London']
 */
export const ianaZoneArbitrary: fc.Arbitrary<IanaZone> = fc.constantFrom(...TEST_ZONES);

/**
 * Whole cents from 0 to `max` (default $100,000).
 *
 * @param max - largest amount, in cents
 * @returns an arbitrary of `Cents`
 * @example
 * fc.sample(centsArbitrary(50_000), 1); // [12345]
 */
export const centsArbitrary = (max = 10_000_000): fc.Arbitrary<Cents> =>
  fc.integer({ min: 0, max }).map((n) => n as Cents);

/**
 * A rate in basis points, 0 to 10,000 (0% to 100%).
 *
 * @example
 * fc.sample(basisPointsArbitrary, 1); // [2000]
 */
export const basisPointsArbitrary: fc.Arbitrary<BasisPoints> = fc
  .integer({ min: 0, max: 10_000 })
  .map((n) => n as BasisPoints);

/**
 * A calendar date between two dates (inclusive; defaults 2020-01-01 to 2030-12-31).
 *
 * @param from - first date
 * @param to - last date
 * @returns an arbitrary of `YYYY-MM-DD`
 * @example
 * fc.sample(isoDateArbitrary(isoDate('2026-03-01'), isoDate('2026-03-31')), 1); // ['2026-03-08']
 */
export const isoDateArbitrary = (
  from = '2020-01-01' as IsoDate,
  to = '2030-12-31' as IsoDate,
): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: dateToDayNumber(from), max: dateToDayNumber(to) }).map(dayNumberToDate);

/**
 * A wall time `HH:mm` on a minute grid (default every 5 minutes), 00:00 to 23:55.
 *
 * @param step - minutes between candidate times
 * @returns an arbitrary of wall times
 * @example
 * fc.sample(wallTimeArbitrary(30), 1); // ['02:30']
 */
export const wallTimeArbitrary = (step = 5): fc.Arbitrary<WallTime> =>
  fc.integer({ min: 0, max: Math.floor((24 * 60 - 1) / step) }).map((k) => {
    const m = k * step;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` as WallTime;
  });

/**
 * A normalized list of half-open intervals (sorted, disjoint, non-adjacent, non-empty) inside
 * `[0, span)` epoch milliseconds.
 *
 * @param span - upper bound of every end
 * @returns an arbitrary of normalized interval lists
 * @example
 * fc.sample(intervalListArbitrary(1000), 1); // [[{ start: 10, end: 40 }, { start: 90, end: 91 }]]
 */
export const intervalListArbitrary = (span = 86_400_000): fc.Arbitrary<readonly Interval[]> =>
  fc
    .array(
      fc
        .tuple(fc.integer({ min: 0, max: span - 1 }), fc.integer({ min: 1, max: span }))
        .map(([start, length]) => ({ start, end: Math.min(span, start + length) })),
      { maxLength: 12 },
    )
    .map(normalizeIntervals);
