import { describe, expect, it } from 'vitest';
import { dateToDayNumber, dayNumberToDate, IsoDateSchema, type IsoDate } from '../../src/core/calendar.js';

describe('Gregorian calendar rules', () => {
  it('February 29 exists in years divisible by 4, except centuries not divisible by 400', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2400-02-29', '1600-02-29'])
      expect([date, IsoDateSchema.safeParse(date).success]).toEqual([date, true]);
    for (const date of ['2026-02-29', '1900-02-29', '2100-02-29', '2026-02-30'])
      expect([date, IsoDateSchema.safeParse(date).success]).toEqual([date, false]);
  });

  it('months have 31 days in Jan, Mar, May, Jul, Aug, Oct, Dec and 30 in Apr, Jun, Sep, Nov', () => {
    const long = [1, 3, 5, 7, 8, 10, 12];
    for (let m = 1; m <= 12; m++) {
      if (m === 2) continue;
      const mm = String(m).padStart(2, '0');
      expect([m, IsoDateSchema.safeParse(`2026-${mm}-30`).success]).toEqual([m, true]);
      expect([m, IsoDateSchema.safeParse(`2026-${mm}-31`).success]).toEqual([m, long.includes(m)]);
    }
  });
});

describe('day numbers', () => {
  // 1970 to 2000: 30 x 365 + 7 leap days (1972-1996) = 10957 for 2000-01-01; + 31 + 28 = Feb 29.
  // 1970 to 2400: 430 x 365 + 104 leap days (107 multiples of 4 from 1972 to 2396, less 2100,
  // 2200, 2300) = 157054 for 2400-01-01; + 59 = Feb 29.
  it('land on the leap day closing each 400-year era, both ways', () => {
    for (const [date, day] of [
      ['2000-02-29', 11_016],
      ['2000-03-01', 11_017],
      ['2400-02-29', 157_113],
    ] as const) {
      expect(dateToDayNumber(date as IsoDate)).toBe(day);
      expect(dayNumberToDate(day)).toBe(date);
    }
  });

  it('write years outside 0-9999 expanded, with a sign and six digits', () => {
    // 0000-01-01 is 719528 days before 1970-01-01; 9999-12-31 is day 2932896.
    expect(dayNumberToDate(-719_528)).toBe('0000-01-01');
    expect(dayNumberToDate(-719_529)).toBe('-000001-12-31');
    expect(dayNumberToDate(2_932_896)).toBe('9999-12-31');
    expect(dayNumberToDate(2_932_897)).toBe('+010000-01-01');
  });
});
