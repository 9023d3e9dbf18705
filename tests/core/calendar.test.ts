import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateToDayNumber,
  datesIn,
  dayNumberToDate,
  instantToMs,
  isoWeekday,
  IsoDateSchema,
  IsoInstantSchema,
  parseInstant,
  wallTimeMinutes,
  WallTimeSchema,
  type IsoDate,
  type IsoInstant,
  type WallTime,
} from '../../src/core/calendar.js';

const d = (s: string) => s as IsoDate;
const H = 3_600_000;
// 2026-11-02 is day 20759: 56 years 1970-2025 with 14 leap days = 20454 days to 2026-01-01,
// plus 304 days of January to October, plus 1. 20759 × 86 400 000 = 1 793 577 600 000.
const NOV2 = 1_793_577_600_000;

describe('calendar dates', () => {
  it('IsoDateSchema accepts only dates that exist', () => {
    for (const ok of ['2024-02-29', '2026-04-30', '2026-12-31', '2026-01-01'])
      expect([ok, IsoDateSchema.safeParse(ok).success]).toEqual([ok, true]);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
      '2026-1-01',
      'x2026-01-01',
    ])
      expect([bad, IsoDateSchema.safeParse(bad).success]).toEqual([bad, false]);
  });

  it('day numbers count from 1970-01-01, both ways', () => {
    expect(dateToDayNumber(d('1970-01-01'))).toBe(0);
    expect(dateToDayNumber(d('1969-12-31'))).toBe(-1);
    expect(dateToDayNumber(d('2026-11-02'))).toBe(20759);
    expect(dayNumberToDate(20759)).toBe('2026-11-02');
    // 2024-01-01 is day 19723 (54 years, 13 leap days); + 277 = day 278 of 2024 = October 4
    expect(dayNumberToDate(20_000)).toBe('2024-10-04');
    expect(dayNumberToDate(-1)).toBe('1969-12-31');
  });

  it('addDays crosses months, leap days and goes back', () => {
    expect(addDays(d('2026-02-27'), 2)).toBe('2026-03-01');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2026-03-01'), -1)).toBe('2026-02-28');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
  });

  it('isoWeekday: Monday 1 to Sunday 7, also before 1970', () => {
    expect(isoWeekday(d('2026-11-23'))).toBe(1); // a Monday
    expect(isoWeekday(d('2026-11-29'))).toBe(7); // the Sunday after
    expect(isoWeekday(d('1970-01-01'))).toBe(4); // a Thursday
    expect(isoWeekday(d('1969-12-29'))).toBe(1); // day -3, a Monday
    expect(isoWeekday(d('1969-12-28'))).toBe(7);
  });

  it('datesIn is inclusive at both ends', () => {
    expect(datesIn({ from: d('2024-02-27'), to: d('2024-03-01') })).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(datesIn({ from: d('2026-11-23'), to: d('2026-11-23') })).toEqual(['2026-11-23']);
    expect(datesIn({ from: d('2026-11-24'), to: d('2026-11-23') })).toEqual([]);
  });
});

describe('wall times', () => {
  it('WallTimeSchema: 00:00 to 23:59 and 24:00', () => {
    for (const ok of ['00:00', '09:30', '19:59', '20:00', '23:59', '24:00'])
      expect([ok, WallTimeSchema.safeParse(ok).success]).toEqual([ok, true]);
    for (const bad of ['24:01', '23:60', '9:00', '25:00', ' 09:00', '09:00 ', '0900'])
      expect([bad, WallTimeSchema.safeParse(bad).success]).toEqual([bad, false]);
  });
  it('wallTimeMinutes', () => {
    expect(wallTimeMinutes('09:30' as WallTime)).toBe(570);
    expect(wallTimeMinutes('23:59' as WallTime)).toBe(1439);
    expect(wallTimeMinutes('24:00' as WallTime)).toBe(1440);
  });
});

describe('instants', () => {
  it('parseInstant reads offsets, optional seconds and fractions', () => {
    expect(parseInstant('2026-11-02T09:00:00-05:00')).toEqual({ _tag: 'Right', right: NOV2 + 14 * H });
    expect(parseInstant('2026-11-02T14:00:00Z')).toEqual({ _tag: 'Right', right: NOV2 + 14 * H });
    // 09:00:00.5 at +01:30 is 07:30:00.5 UTC
    expect(parseInstant('2026-11-02T09:00:00.5+01:30')).toEqual({
      _tag: 'Right',
      right: NOV2 + 7.5 * H + 500,
    });
    // 09:00 at -00:30 is 09:30 UTC
    expect(parseInstant('2026-11-02T09:00-00:30')).toEqual({ _tag: 'Right', right: NOV2 + 9.5 * H });
    expect(parseInstant('2026-11-02T23:59:59+23:59')).toEqual({
      _tag: 'Right',
      right: NOV2 + 23 * H + 59 * 60_000 + 59_000 - (23 * H + 59 * 60_000),
    });
  });

  it('parseInstant rejects missing offsets and impossible fields', () => {
    for (const bad of [
      '2026-11-02T09:00:00',
      '2026-11-02T09:00:00z',
      '2026-11-02T24:00:00Z',
      '2026-11-02T09:60:00Z',
      '2026-11-02T09:00:60Z',
      '2026-11-02T09:00:00+24:00',
      '2026-11-02T09:00:00+05:60',
      '2026-02-30T09:00:00Z',
      '2026-11-02T09:00:00.Z',
      'x2026-11-02T09:00:00Z',
    ]) {
      expect([bad, parseInstant(bad)]).toMatchObject([bad, { left: { code: 'time.invalid-instant' } }]);
      expect([bad, IsoInstantSchema.safeParse(bad).success]).toEqual([bad, false]);
    }
    expect(IsoInstantSchema.safeParse('2026-11-02T09:00:00Z').success).toBe(true);
    // the message names the rule, not the value
    expect(parseInstant('2026-11-02T09:00:00')).toMatchObject({
      left: { message: 'instant must be ISO 8601 with an offset' },
    });
  });

  it('instantToMs: fast path for both common shapes, full parser otherwise', () => {
    const i = (s: string) => s as IsoInstant;
    expect(instantToMs(i('2026-11-02T14:00:00Z'))).toBe(NOV2 + 14 * H);
    expect(instantToMs(i('2026-11-02T09:00:00-05:00'))).toBe(NOV2 + 14 * H);
    expect(instantToMs(i('2026-11-02T09:00:00+05:30'))).toBe(NOV2 + 3.5 * H);
    expect(instantToMs(i('2026-11-02T09:00:59+00:00'))).toBe(NOV2 + 9 * H + 59_000);
    expect(instantToMs(i('2026-11-02T09:00Z'))).toBe(NOV2 + 9 * H);
    expect(instantToMs(i('2026-11-02T09:00:00.250Z'))).toBe(NOV2 + 9 * H + 250);
    expect(instantToMs(i('2026-11-02T09:00:00.250+01:00'))).toBe(NOV2 + 8 * H + 250);
    expect(instantToMs(i('2026-11-02T09:00:00.007-05:00'))).toBe(NOV2 + 14 * H + 7);
    expect(instantToMs(i('2026-11-02T09:00:00.5Z'))).toBe(NOV2 + 9 * H + 500);
    expect(instantToMs(i('2026-11-02T09:00:00.25-01:00'))).toBe(NOV2 + 10 * H + 250);
    expect(instantToMs(i('2026-11-02 09:00:00-05:00'))).toBeNaN();
    // right length and a T, but no colon at 16: not the fast-path shape, so the parser rejects it
    expect(instantToMs(i('2026-11-02T09:00X00Z'))).toBeNaN();
    expect(instantToMs(i('2026-11-02T09:00X00+01:00'))).toBeNaN();
  });
});
