// Touching and overlapping availability windows (in one template or two) are one free interval:
// on a fixed grid (anchored at local midnight), a start is offered by findSlots exactly when
// validateBooking accepts a booking there, and explainSlotExclusions names a reason for every
// grid start inside availability that was not offered.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { covers, normalizeIntervals } from '../../src/core/interval.js';
import { instantToMs, type IsoInstant } from '../../src/core/calendar.js';
import {
  expandAvailability,
  explainSlotExclusions,
  findSlots,
  validateBooking,
} from '../../src/scheduling/index.js';
import { appointment, at, calendar, provider, query, template, unwrap } from './fixtures.js';

const MINUTE = 60_000;
// Zones and a date without an offset change nearby, so local midnight + k * step is the grid.
const ZONES = [
  ['UTC', '+00:00'],
  ['America/New_York', '-04:00'],
  ['Asia/Kathmandu', '+05:45'],
] as const;
const DATE = '2026-06-16';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const windowArb = fc
  .record({ start: fc.integer({ min: 24, max: 70 }), length: fc.integer({ min: 1, max: 16 }) })
  .map(({ start, length }) => ({ start: start * 15, end: (start + length) * 15 }));

/** Windows that often touch or overlap: each next one starts at, or a little before, the previous end. */
const windowsArb = fc
  .tuple(
    windowArb,
    fc.array(fc.tuple(fc.integer({ min: -4, max: 2 }), fc.integer({ min: 1, max: 12 })), { maxLength: 3 }),
  )
  .map(([first, rest]) => {
    const out = [first];
    for (const [shift, length] of rest) {
      const prev = out[out.length - 1] as { start: number; end: number };
      const start = Math.max(0, prev.end + shift * 15);
      out.push({ start, end: Math.min(1440, start + length * 15) });
    }
    return out.filter((w) => w.end > w.start);
  });

const worldArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  windows: windowsArb,
  split: fc.boolean(),
  duration: fc.integer({ min: 2, max: 18 }).map((n) => n * 5),
  before: fc.constantFrom(0, 0, 5, 10),
  after: fc.constantFrom(0, 0, 5, 15),
  step: fc.constantFrom(10, 15, 30),
  booked: fc.array(fc.tuple(fc.integer({ min: 24, max: 90 }), fc.integer({ min: 1, max: 6 })), {
    maxLength: 4,
  }),
});

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

const build = (w: World) => {
  const zone = w.zone[0];
  const offset = w.zone[1];
  const windows = w.windows.map((x) => ({
    start: hhmm(x.start),
    end: x.end === 1440 ? '24:00' : hhmm(x.end),
  }));
  // The windows in one template, or one template per window.
  const templates = w.split
    ? windows.map((x, i) =>
        template(`t${i}`, 'dr-a', { zone, rrule: 'FREQ=DAILY', dtstart: '2026-06-01', windows: [x] }),
      )
    : [template('t', 'dr-a', { zone, rrule: 'FREQ=DAILY', dtstart: '2026-06-01', windows })];
  const local = (m: number) => `${DATE}T${hhmm(m)}:00${offset}`;
  const cal = calendar({
    providers: [provider('dr-a', { zone })],
    appointmentTypes: [
      {
        id: 'visit',
        code: 'V',
        durationMinutes: w.duration,
        bufferBeforeMinutes: w.before,
        bufferAfterMinutes: w.after,
        stepMinutes: w.step,
        alignmentAnchor: '00:00',
      },
    ],
    templates,
    appointments: w.booked.map(([q, len], i) => ({
      id: `a${i}`,
      status: 'booked',
      type: 'visit',
      patient: `pt${i}`,
      provider: 'dr-a',
      start: local(q * 15),
      end: local(q * 15 + len * 10),
    })),
  });
  const from = instantToMs(at(local(0)));
  const to = from + 1440 * MINUTE;
  const iso = (ms: number) => new Date(ms).toISOString() as IsoInstant;
  const q = query({ type: 'visit', from: iso(from), to: iso(to) });
  const now = at('2026-01-01T00:00:00Z');
  const grid: number[] = [];
  for (let t = from; t + w.duration * MINUTE <= to; t += w.step * MINUTE) grid.push(t);
  const free = normalizeIntervals(
    unwrap(expandAvailability(cal.templates, [], { from: iso(from), to: iso(to) }))[0]?.intervals ?? [],
  );
  return { cal, q, now, grid, free, iso };
};

describe('touching and overlapping windows', () => {
  test.prop([worldArb], { numRuns: 200 })(
    'a grid start is offered exactly when validateBooking accepts a booking there',
    (w) => {
      const { cal, q, now, grid, iso } = build(w);
      const offered = new Set(unwrap(findSlots(q, cal, { now })).map((s) => instantToMs(s.start)));
      for (const t of grid) {
        const verdict = validateBooking(
          appointment({
            id: 'new',
            status: 'booked',
            type: 'visit',
            patient: 'pt-new',
            provider: 'dr-a',
            start: iso(t),
            end: iso(t + w.duration * MINUTE),
          }),
          cal,
          now,
        );
        expect([iso(t), offered.has(t)]).toEqual([iso(t), verdict._tag === 'Right']);
      }
    },
  );

  test.prop([worldArb], { numRuns: 150 })(
    'every grid start inside availability that is not offered is explained',
    (w) => {
      const { cal, q, now, grid, free, iso } = build(w);
      const offered = new Set(unwrap(findSlots(q, cal, { now })).map((s) => instantToMs(s.start)));
      const explained = new Map(
        unwrap(explainSlotExclusions(q, cal, { now, limit: 10_000 })).map((x) => [instantToMs(x.start), x]),
      );
      for (const t of grid) {
        const inside = covers(free, { start: t, end: t + w.duration * MINUTE });
        if (!inside || offered.has(t)) continue;
        expect([iso(t), (explained.get(t)?.conflicts.length ?? 0) > 0]).toEqual([iso(t), true]);
      }
    },
  );

  it('two touching windows offer a visit across the seam', () => {
    const cal = calendar({
      providers: [provider('dr-a')],
      appointmentTypes: [{ id: 'v', code: 'V', durationMinutes: 60, stepMinutes: 30 }],
      templates: [
        template('am', 'dr-a', { windows: [{ start: '09:00', end: '12:00' }] }),
        template('pm', 'dr-a', { windows: [{ start: '12:00', end: '13:00' }] }),
      ],
    });
    const q = query({ type: 'v', from: '2026-11-24T00:00:00-05:00', to: '2026-11-25T00:00:00-05:00' });
    const starts = unwrap(findSlots(q, cal, { now: at('2026-11-01T00:00:00Z') })).map((s) =>
      s.start.slice(11, 16),
    );
    // 11:30-12:30 crosses the seam at 12:00; the afternoon window's own grid starts at 12:00.
    expect(starts).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00']);
  });
});
