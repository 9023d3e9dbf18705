// Core time functions with values outside their domain (issue 16). They take validated values
// (typed IsoDate / WallTime / IanaZone and finite epoch ms); for those they always give a real
// instant or wall clock, checked here against Intl as an independent oracle. A value outside the
// domain, reachable only through a cast or NaN arithmetic, throws a coded RangeError instead of
// returning null, rolling 2026-02-30 25:99 into March, writing NUL characters or `+NaNNaN`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  isoDate,
  toWallClock,
  wallTime,
  wallTimeToMs,
  zone,
  type IanaZone,
  type IsoDate,
  type IsoInstant,
  type WallTime,
} from '../../src/core/index.js';
import { toICalendar } from '../../src/scheduling/index.js';
import { appointment, unwrap } from '../scheduling/fixtures.js';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
];

/** Date and HH:mm of an instant in a zone, read by Intl (not by the library). */
const intlWall = (ms: number, zoneName: string): { date: string; time: string } => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zoneName,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
  };
};

describe('wallTimeToMs', () => {
  it('validated values: a finite instant that reads back as the wall time (or just after a gap)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1971-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.nat(23),
        fc.nat(59),
        fc.constantFrom(...ZONES),
        (d, h, m, z) => {
          const date = isoDate(d.toISOString().slice(0, 10));
          const time = wallTime(`${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
          const ms = wallTimeToMs(date, time, zone(z));
          expect(Number.isFinite(ms)).toBe(true);
          const back = intlWall(ms, z);
          if (back.date === date && back.time === time) return;
          // Only a time in a spring-forward gap reads back otherwise: one minute earlier is then
          // a different offset (the instant is the first after the gap).
          expect(intlWall(ms - 60_000, z)).not.toEqual(back);
          expect(back.date).toBe(date);
          expect(back.time > time).toBe(true);
        },
      ),
      { numRuns: 2_000, seed: 16 },
    );
  });

  it('a date or time that does not exist throws instead of rolling over into March', () => {
    const ny = zone('America/New_York');
    expect(() => wallTimeToMs('2026-02-30' as IsoDate, '09:00' as WallTime, ny)).toThrow(
      /time\.invalid-date/,
    );
    expect(() => wallTimeToMs(isoDate('2026-02-28'), '25:99' as WallTime, ny)).toThrow(
      /time\.invalid-wall-time/,
    );
  });

  it('an unknown zone throws instead of returning null', () => {
    expect(() => wallTimeToMs(isoDate('2026-02-28'), wallTime('09:00'), 'Mars/Olympus' as IanaZone)).toThrow(
      /time\.invalid-zone/,
    );
  });
});

describe('formatInstant and toWallClock', () => {
  it('NaN, infinities and values beyond the ECMAScript range throw a coded RangeError', () => {
    const ny = zone('America/New_York');
    for (const ms of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      8.64e15 + 1,
      -8.64e15 - 1,
    ]) {
      expect(() => formatInstant(ms, ny)).toThrow(RangeError);
      expect(() => formatInstant(ms, ny)).toThrow(/time\.invalid-instant/);
      expect(() => toWallClock(ms, ny)).toThrow(/time\.invalid-instant/);
    }
  });

  it('an unknown zone throws instead of writing NaN or NUL characters', () => {
    const mars = 'Mars/Olympus' as IanaZone;
    expect(() => formatInstant(0, mars)).toThrow(/time\.invalid-zone/);
    expect(() => toWallClock(0, mars)).toThrow(/time\.invalid-zone/);
  });

  it('validated values: text of digits that Intl reads back the same', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_208_988_800_000, max: 4_102_444_800_000 }),
        fc.constantFrom(...ZONES),
        (ms, z) => {
          const wall = toWallClock(ms, zone(z));
          expect(wall).toMatchObject(intlWall(ms, z));
          const text = formatInstant(ms, zone(z));
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
          expect(Date.parse(text)).toBe(ms);
        },
      ),
      { numRuns: 2_000, seed: 16 },
    );
  });
});

describe('toICalendar', () => {
  const visit = appointment({
    id: 'a-1',
    status: 'booked',
    type: 'v',
    patient: 'p',
    provider: 'd',
    start: '2026-11-24T14:00:00Z',
    end: '2026-11-24T14:30:00Z',
  });
  const dtstamp = '2026-11-23T14:00:00Z' as IsoInstant;

  it('an unvalidated zone is a Left, not TZOFFSETFROM:+NaNNaN', () => {
    expect(toICalendar(visit, { dtstamp, zone: 'Mars/Olympus' as IanaZone })).toMatchObject({
      _tag: 'Left',
      left: { code: 'ical.invalid-zone' },
    });
  });

  it('an unvalidated DTSTAMP is a Left, not DTSTAMP:NaNNaN', () => {
    expect(toICalendar(visit, { dtstamp: 'yesterday' as IsoInstant })).toMatchObject({
      _tag: 'Left',
      left: { code: 'ical.invalid-dtstamp' },
    });
  });

  it('validated zones never write NaN', () => {
    for (const z of ZONES) expect(unwrap(toICalendar(visit, { dtstamp, zone: zone(z) }))).not.toMatch(/NaN/);
  });
});
