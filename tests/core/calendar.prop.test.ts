// The date arithmetic in calendar.ts is plain integer code; these properties hold it against the
// host's own Date (set through setUTCFullYear, which, unlike Date.UTC, keeps years 0-99 as they are).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dateToDayNumber,
  dayNumberToDate,
  instantToMs,
  IsoDateSchema,
  parseInstant,
  type IsoDate,
  type IsoInstant,
} from '../../src/core/calendar.js';
import { formatInstant, toWallClock, zoneOffset, type IanaZone } from '../../src/core/time.js';

const DAY = 86_400_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const oracle = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): number => {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
};
const ymd = fc.record({
  y: fc.integer({ min: 0, max: 9999 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 31 }),
});

describe('calendar arithmetic agrees with Date for years 0000-9999', () => {
  it('dateToDayNumber of every existing date, and dayNumberToDate back', () => {
    fc.assert(
      fc.property(ymd, ({ y, m, d }) => {
        const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
        const exists =
          oracle(y, m, d) === oracle(y, m, 1) + (d - 1) * DAY &&
          new Date(oracle(y, m, d)).getUTCMonth() === m - 1;
        expect(IsoDateSchema.safeParse(text).success).toBe(exists);
        if (!exists) return;
        expect(dateToDayNumber(text as IsoDate)).toBe(oracle(y, m, d) / DAY);
        expect(dayNumberToDate(dateToDayNumber(text as IsoDate))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
  it('instantToMs (fast path) and parseInstant (full parser) of UTC and offset instants', () => {
    fc.assert(
      fc.property(
        ymd.filter(({ y, m, d }) => new Date(oracle(y, m, d)).getUTCMonth() === m - 1),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        ({ y, m, d }, h, mi, s, offset) => {
          const wall = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
          const sign = offset < 0 ? '-' : '+';
          const zoned = `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const utc = oracle(y, m, d, h, mi, s);
          expect(instantToMs(`${wall}Z` as IsoInstant)).toBe(utc);
          expect(instantToMs(zoned as IsoInstant)).toBe(utc - offset * 60_000);
          expect(parseInstant(`${wall}.5Z`)).toEqual({ _tag: 'Right', right: utc + 500 });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatInstant and toWallClock agree with the native ISO writer', () => {
  const zones = [
    'UTC',
    'America/New_York',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ] as IanaZone[];
  it('for any instant of the years 0000-9999, with and without milliseconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_167_219_200_000 + 86_400_000, max: 253_402_300_799_999 - 86_400_000 }),
        fc.boolean(),
        fc.constantFrom(...zones),
        (t, whole, zone) => {
          const ms = whole ? t - (((t % 1000) + 1000) % 1000) : t;
          const offset = zoneOffset(ms, zone);
          const iso = new Date(ms + offset * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
          const sign = offset < 0 ? '-' : '+';
          const suffix = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const expected = `${iso.slice(0, ms % 1000 === 0 ? 19 : 23)}${suffix}`;
          expect(formatInstant(ms, zone)).toBe(expected);
          expect(toWallClock(ms, zone)).toEqual({
            date: iso.slice(0, 10),
            time: iso.slice(11, 16),
            offsetMinutes: offset,
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
