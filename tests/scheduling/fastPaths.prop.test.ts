// The scheduling module's fast path against the core function it shortcuts.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { wallMinutesToMs, type IanaZone } from '../../src/core/time.js';
import { dayNumberToDate } from '../../src/core/calendar.js';
import { wallDayMinutesToMs } from '../../src/scheduling/availability.js';

const ZONES = [
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Europe/Dublin',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'UTC',
] as const;
// 2011-06-01 .. 2028-12-31 as day numbers, which covers Apia's skipped day and the 2026 changes.
const dayArb = fc.integer({ min: 15_126, max: 21_549 });

describe('fast paths agree with core/time', () => {
  test.prop([dayArb, fc.integer({ min: 0, max: 2880 }), fc.constantFrom(...ZONES)], { numRuns: 500 })(
    'wallDayMinutesToMs = wallMinutesToMs (DST policy included)',
    (day, minutes, zone) => {
      expect(wallDayMinutesToMs(day, minutes, zone as IanaZone)).toBe(
        wallMinutesToMs(dayNumberToDate(day), minutes, zone as IanaZone),
      );
    },
  );

  test.prop([fc.constantFrom(...ZONES)])('transition days in 2026', (zone) => {
    // every 13th minute of the days around the 2026 changes (New York, London/Dublin, Lord Howe,
    // Santiago, Lord Howe again, Europe, New York)
    for (const day of [
      20_519, 20_520, 20_540, 20_541, 20_547, 20_548, 20_701, 20_702, 20_729, 20_730, 20_750, 20_751, 20_757,
      20_758,
    ])
      for (let m = 0; m < 1440; m += 13)
        expect(wallDayMinutesToMs(day, m, zone as IanaZone)).toBe(
          wallMinutesToMs(dayNumberToDate(day), m, zone as IanaZone),
        );
  });
});
