import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  dayBounds,
  formatInstant,
  parseZone,
  toWallClock,
  wallMinutesToMs,
  wallTimeToMs,
  zoneOffset,
  type IanaZone,
} from '../../src/core/time.js';
import {
  addDays,
  datesIn,
  instantToMs,
  IsoDateSchema,
  IsoInstantSchema,
  isoWeekday,
  parseInstant,
  WallTimeSchema,
  type IsoDate,
  type IsoInstant,
  type WallTime,
} from '../../src/core/calendar.js';
import { isOk } from '../../src/core/result.js';

const NY = 'America/New_York' as IanaZone;
const d = (s: string) => s as IsoDate;
const w = (s: string) => s as WallTime;
const H = 3_600_000;

describe('DST policy of DESIGN.md rule 4', () => {
  it('a wall time in the spring-forward gap is the first instant after the gap', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT; 02:30 does not exist → 03:00 EDT = 07:00Z
    expect(wallTimeToMs(d('2026-03-08'), w('02:30'), NY)).toBe(Date.UTC(2026, 2, 8, 7));
    expect(formatInstant(wallTimeToMs(d('2026-03-08'), w('02:30'), NY), NY)).toBe(
      '2026-03-08T03:00:00-04:00',
    );
    // a window 02:30-04:30 becomes 03:00-04:30: 1.5 hours
    expect(
      wallTimeToMs(d('2026-03-08'), w('04:30'), NY) - wallTimeToMs(d('2026-03-08'), w('02:30'), NY),
    ).toBe(1.5 * H);
  });

  it('an ambiguous fall-back wall time is the earlier instant', () => {
    // 2026-11-01 01:30 happens twice: EDT (05:30Z) and EST (06:30Z)
    expect(wallTimeToMs(d('2026-11-01'), w('01:30'), NY)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(formatInstant(Date.UTC(2026, 10, 1, 5, 30), NY)).toBe('2026-11-01T01:30:00-04:00');
    expect(formatInstant(Date.UTC(2026, 10, 1, 6, 30), NY)).toBe('2026-11-01T01:30:00-05:00');
  });

  it('days are 23 or 25 hours long on transition days', () => {
    const spring = dayBounds(d('2026-03-08'), NY);
    const fall = dayBounds(d('2026-11-01'), NY);
    expect(spring.end - spring.start).toBe(23 * H);
    expect(fall.end - fall.start).toBe(25 * H);
    expect(dayBounds(d('2026-11-23'), NY).end - dayBounds(d('2026-11-23'), NY).start).toBe(24 * H);
  });

  it('30-minute DST (Lord Howe) and 45-minute offsets (Kathmandu)', () => {
    const LH = 'Australia/Lord_Howe' as IanaZone;
    // Lord Howe: +10:30 standard, +11:00 summer; DST starts first Sunday of October at 02:00 → 02:30
    const day = dayBounds(d('2026-10-04'), LH);
    expect(day.end - day.start).toBe(23.5 * H);
    expect(formatInstant(wallTimeToMs(d('2026-10-04'), w('02:15'), LH), LH)).toBe(
      '2026-10-04T02:30:00+11:00',
    );
    const KTM = 'Asia/Kathmandu' as IanaZone;
    expect(zoneOffset(Date.UTC(2026, 0, 1), KTM)).toBe(345);
    expect(formatInstant(wallTimeToMs(d('2026-01-01'), w('09:00'), KTM), KTM)).toBe(
      '2026-01-01T09:00:00+05:45',
    );
  });

  it('a midnight inside a gap starts the day at the first valid instant (Santiago, first Sunday of September)', () => {
    const SCL = 'America/Santiago' as IanaZone;
    // 2026-09-06 00:00 -04:00 does not exist: clocks jump to 01:00 -03:00 = 04:00Z
    expect(dayBounds(d('2026-09-06'), SCL).start).toBe(Date.UTC(2026, 8, 6, 4));
  });

  it('24:00 is the next midnight', () => {
    expect(wallTimeToMs(d('2026-11-23'), w('24:00'), NY)).toBe(wallTimeToMs(d('2026-11-24'), w('00:00'), NY));
  });
});

describe('wall-clock conversion agrees with an Intl oracle in many zones', () => {
  const ZONES = [
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/St_Johns',
    'Europe/Dublin',
    'UTC',
  ];
  const fmt = new Map<string, Intl.DateTimeFormat>();
  const wallOf = (ms: number, zone: string): number => {
    let f = fmt.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      fmt.set(zone, f);
    }
    const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0);
  };
  // Oracle: every instant on a 15-minute offset grid whose Intl wall reading equals the target;
  // the earliest if several; if none (a gap), the instant where the reading jumps past the target.
  const oracle = (local: number, zone: string): number => {
    const hits: number[] = [];
    for (let off = -14 * 60; off <= 14 * 60; off += 15)
      if (wallOf(local - off * 60_000, zone) === local) hits.push(local - off * 60_000);
    if (hits.length > 0) return Math.min(...hits);
    let t = local - 14 * H;
    while (wallOf(t, zone) < local) t += 60_000;
    return t;
  };

  test.prop(
    [
      fc.constantFrom(...ZONES),
      fc.integer({ min: Date.UTC(2019, 0, 1) / 86_400_000, max: Date.UTC(2031, 0, 1) / 86_400_000 }),
      fc.integer({ min: 0, max: 95 }),
    ],
    { numRuns: 150 },
  )('wallMinutesToMs matches the oracle', (zone, day, quarter) => {
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
    const local = day * 86_400_000 + quarter * 15 * 60_000;
    expect(wallMinutesToMs(date, quarter * 15, zone as IanaZone)).toBe(oracle(local, zone));
  });

  it('hits every 2026 transition of New York, London and Lord Howe exactly', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe']) {
      // every day of the months in which these zones change clocks
      for (let day = Date.UTC(2026, 2, 1) / 86_400_000; day < Date.UTC(2026, 10, 30) / 86_400_000; day++) {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10) as IsoDate;
        if (['05', '06', '07', '08'].includes(date.slice(5, 7))) continue;
        for (const minutes of [0, 90, 135, 150]) {
          expect(wallMinutesToMs(date, minutes, zone as IanaZone)).toBe(
            oracle(day * 86_400_000 + minutes * 60_000, zone),
          );
        }
      }
    }
  });

  test.prop(
    [fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2031, 0, 1) })],
    { numRuns: 200 },
  )('toWallClock and formatInstant read instants like Intl does, and round-trip', (zone, ms) => {
    const t = Math.floor(ms / 60_000) * 60_000;
    const wall = toWallClock(t, zone as IanaZone);
    expect(
      Date.UTC(
        Number(wall.date.slice(0, 4)),
        Number(wall.date.slice(5, 7)) - 1,
        Number(wall.date.slice(8, 10)),
        Number(wall.time.slice(0, 2)),
        Number(wall.time.slice(3, 5)),
      ),
    ).toBe(wallOf(t, zone));
    expect(instantToMs(formatInstant(t, zone as IanaZone))).toBe(t);
  });
});

describe('schemas and parsers', () => {
  it('zones', () => {
    expect(isOk(parseZone('America/New_York'))).toBe(true);
    expect(parseZone('Mars/Olympus')).toMatchObject({ left: { code: 'time.invalid-zone' } });
    expect(parseZone('')).toMatchObject({ left: { code: 'time.invalid-zone' } });
  });

  it('instants need an offset and a real date', () => {
    expect(parseInstant('2026-11-02T09:00:00-05:00')).toEqual({
      _tag: 'Right',
      right: Date.UTC(2026, 10, 2, 14),
    });
    expect(parseInstant('2026-11-02T14:00Z')).toEqual({ _tag: 'Right', right: Date.UTC(2026, 10, 2, 14) });
    expect(parseInstant('2026-11-02T14:00:00.5+00:00')).toEqual({
      _tag: 'Right',
      right: Date.UTC(2026, 10, 2, 14, 0, 0, 500),
    });
    for (const bad of [
      '2026-11-02T09:00:00',
      '2026-02-30T09:00:00Z',
      '2026-11-02T25:00:00Z',
      '2026-11-02 09:00Z',
      'x',
    ]) {
      expect(parseInstant(bad)).toMatchObject({ left: { code: 'time.invalid-instant' } });
    }
    expect(IsoInstantSchema.safeParse('2026-11-02T09:00:00+05:30').success).toBe(true);
    expect(
      formatInstant(instantToMs('2026-11-02T09:00:00.250+05:30' as IsoInstant), 'Asia/Kolkata' as IanaZone),
    ).toBe('2026-11-02T09:00:00.250+05:30');
  });

  it('dates and wall times', () => {
    expect(IsoDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(IsoDateSchema.safeParse('2026-02-29').success).toBe(false);
    expect(IsoDateSchema.safeParse('2026-13-01').success).toBe(false);
    expect(WallTimeSchema.safeParse('24:00').success).toBe(true);
    expect(WallTimeSchema.safeParse('24:30').success).toBe(false);
    expect(WallTimeSchema.safeParse('9:00').success).toBe(false);
  });

  it('calendar arithmetic', () => {
    expect(addDays(d('2026-02-27'), 2)).toBe('2026-03-01');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(isoWeekday(d('2026-11-23'))).toBe(1);
    expect(isoWeekday(d('2026-11-29'))).toBe(7);
    expect(datesIn({ from: d('2026-12-30'), to: d('2027-01-02') })).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});
