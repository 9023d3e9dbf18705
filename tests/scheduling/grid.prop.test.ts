// The slot grid is a wall-clock grid in every zone, also inside a window that spans a DST change.
// Oracle: every whole minute of the window as an instant, read as a wall time with luxon (the
// instant-to-wall direction has one answer), kept when its wall minutes from the window's local
// midnight are a multiple of the step from the anchor. Nothing of the library's grid code is used.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { dayNumberToDate, instantToMs } from '../../src/core/calendar.js';
import { expandAvailability, findSlots } from '../../src/scheduling/index.js';
import { at, calendar, provider, query, template, unwrap } from './fixtures.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'America/Santiago',
  'Asia/Beirut',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
] as const;
// The 2026 transition days of these zones (local dates), and plain days between them.
const DATES = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-04-04',
  '2026-09-06',
  '2026-09-27',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-03-28',
  '2026-06-15',
] as const;
const STEPS = [15, 20, 25, 30, 40, 45, 60, 90, 120] as const;

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Wall minutes of an instant counted from local midnight of `date` in `zone`. */
const wallMinutesFrom = (ms: number, date: string, zone: string): number => {
  const local = DateTime.fromMillis(ms, { zone });
  const days = Math.round(
    (Date.UTC(local.year, local.month - 1, local.day) - Date.parse(`${date}T00:00:00Z`)) / DAY,
  );
  return days * 1440 + local.hour * 60 + local.minute;
};

const mod = (a: number, n: number) => ((a % n) + n) % n;

const worldArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  date: fc.constantFrom(...DATES),
  step: fc.constantFrom(...STEPS),
  duration: fc.integer({ min: 5, max: 60 }),
  start: fc.integer({ min: 0, max: 47 }).map((h) => h * 30),
  length: fc.integer({ min: 2, max: 20 }).map((h) => h * 30),
  anchor: fc.option(
    fc.integer({ min: 0, max: 95 }).map((q) => hhmm(q * 15)),
    { nil: undefined },
  ),
});

describe('wall-clock grid', () => {
  test.prop([worldArb], { numRuns: 300 })(
    'findSlots offers exactly the wall-clock grid times that fit in the window',
    ({ zone, date, step, duration, start, length, anchor }) => {
      const end = Math.min(start + length, 1440);
      if (end - start < 30) return;
      const windows = [{ start: hhmm(start), end: end === 1440 ? '24:00' : hhmm(end) }];
      const cal = calendar({
        providers: [provider('dr-a', { zone })],
        appointmentTypes: [
          {
            id: 'g',
            code: 'G',
            durationMinutes: Math.min(duration, step),
            stepMinutes: step,
            ...(anchor === undefined ? {} : { alignmentAnchor: anchor }),
          },
        ],
        templates: [template('t', 'dr-a', { zone, rrule: 'FREQ=DAILY', dtstart: date, windows })],
      });
      const day = Date.parse(`${date}T00:00:00Z`);
      const from = new Date(day - 2 * DAY).toISOString();
      const to = new Date(day + 3 * DAY).toISOString();
      const window = unwrap(
        expandAvailability(cal.templates, [], { from: at(from), to: at(to) }),
      )[0]?.intervals.find(
        (i) => wallMinutesFrom(i.start, date, zone) >= 0 && wallMinutesFrom(i.start, date, zone) < 1440,
      );
      if (window === undefined) return;
      const q = query({
        type: 'g',
        from: new Date(window.start).toISOString(),
        to: new Date(window.end).toISOString(),
      });
      const offered = unwrap(findSlots(q, cal, { now: at('2020-01-01T00:00:00Z') })).map((s) =>
        instantToMs(s.start),
      );
      // The default anchor is local midnight of the window's date.
      const origin = anchor === undefined ? 0 : Number(anchor.slice(0, 2)) * 60 + Number(anchor.slice(3));
      const expected: number[] = [];
      const visit = Math.min(duration, step) * MINUTE;
      for (let t = window.start; t + visit <= window.end; t += MINUTE)
        if (mod(wallMinutesFrom(t, date, zone) - origin, step) === 0) expected.push(t);
      expect(offered).toEqual(expected);
    },
  );

  it('a New York Sunday 00:00-06:00 with a 90-minute step on the spring-forward day keeps 03:00 and 04:30', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ id: 'g', code: 'G', durationMinutes: 90 }],
      templates: [
        template('t', 'dr-a', { rrule: 'FREQ=WEEKLY;BYDAY=SU', windows: [{ start: '00:00', end: '06:00' }] }),
      ],
    });
    const q = query({ type: 'g', from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00' });
    // 00:00 and 01:30 EST; 03:00 is 01:30 + 90 wall minutes (02:00-02:59 does not exist); 04:30 ends at 06:00.
    expect(unwrap(findSlots(q, cal, { now: at('2026-01-01T00:00:00Z') })).map((s) => s.start)).toEqual([
      '2026-03-08T00:00:00-05:00',
      '2026-03-08T01:30:00-05:00',
      '2026-03-08T03:00:00-04:00',
      '2026-03-08T04:30:00-04:00',
    ]);
  });

  it('a repeated wall time is on the grid at both of its instants (fall-back, 30-minute step)', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ id: 'g', code: 'G', durationMinutes: 30 }],
      templates: [
        template('t', 'dr-a', { rrule: 'FREQ=WEEKLY;BYDAY=SU', windows: [{ start: '00:30', end: '02:30' }] }),
      ],
    });
    const q = query({ type: 'g', from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00' });
    expect(unwrap(findSlots(q, cal, { now: at('2026-01-01T00:00:00Z') })).map((s) => s.start)).toEqual([
      '2026-11-01T00:30:00-04:00',
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T01:00:00-05:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T02:00:00-05:00',
    ]);
  });
});

// Keeps the oracle's helper honest: a plain day reads as expected.
it('wallMinutesFrom reads local minutes from the given date', () => {
  expect(
    wallMinutesFrom(Date.parse('2026-06-15T13:30:00Z'), dayNumberToDate(20_619), 'America/New_York'),
  ).toBe(9 * 60 + 30);
});
