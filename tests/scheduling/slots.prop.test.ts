// Properties of availability expansion, slot finding and booking validation over random clinics
// near the 2026 DST changes, in zones with 60- and 30-minute shifts and a non-DST +05:30 zone.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { RRule } from 'rrule';
import { covers, normalizeIntervals, overlaps, type Interval } from '../../src/core/interval.js';
import { instantToMs, type IsoInstant } from '../../src/core/calendar.js';
import {
  BLOCKING_APPOINTMENT_STATUSES,
  expandAvailability,
  findSlots,
  recurrenceDates,
  validateBooking,
  type SchedulingCalendar,
  type Slot,
  type SlotQuery,
} from '../../src/scheduling/index.js';
import { appointment, calendar, query, unwrap } from './fixtures.js';

const ZONES = ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London'] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const MINUTE = 60_000;
// Query ranges start around the 2026 changes: Lord Howe Apr 5, New York/London Mar 8/29, Oct 25/Nov 1.
const ANCHORS = [
  '2026-03-07T00:00:00Z',
  '2026-03-28T00:00:00Z',
  '2026-04-04T00:00:00Z',
  '2026-10-31T00:00:00Z',
];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const windowArb = fc
  .record({ start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 2, max: 48 }) })
  .map(({ start, length }) => ({ start: hhmm(start * 15), end: hhmm(((start + length) * 15) % 1440) }));

const templateArb = (owner: { kind: 'provider' | 'resource'; id: string }, zone: string, i: number) =>
  fc
    .record({
      days: fc.subarray([...DAYS], { minLength: 1 }),
      interval: fc.integer({ min: 1, max: 2 }),
      dtstart: fc.constantFrom('2020-01-06', '2025-12-31', '2026-02-28', '2026-10-20'),
      windows: fc.array(windowArb, { minLength: 1, maxLength: 2 }),
      capacity: fc.constantFrom(1, 1, 2),
    })
    .map((t) => ({
      id: `t-${owner.id}-${i}`,
      owner,
      zone,
      windows: t.windows,
      rrule: `FREQ=WEEKLY;INTERVAL=${t.interval};BYDAY=${t.days.join(',')}`,
      dtstart: t.dtstart,
      capacity: t.capacity,
    }));

interface World {
  readonly cal: SchedulingCalendar;
  readonly q: SlotQuery;
  readonly now: IsoInstant;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    zones: fc.array(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 3 }),
    roomZone: fc.constantFrom(...ZONES),
    rooms: fc.integer({ min: 0, max: 2 }),
    needsRoom: fc.boolean(),
    roomTemplated: fc.boolean(),
    duration: fc.integer({ min: 3, max: 18 }).map((n) => n * 5),
    before: fc.constantFrom(0, 0, 5, 10),
    after: fc.constantFrom(0, 5, 15),
    step: fc.option(fc.constantFrom(10, 15, 40), { nil: undefined }),
    notice: fc.constantFrom(0, 60, 1440),
    anchor: fc.constantFrom(...ANCHORS),
    days: fc.integer({ min: 1, max: 6 }),
    nowOffset: fc.integer({ min: -48, max: 48 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 12 }), fc.nat()), {
      maxLength: 25,
    }),
  })
  .chain((w) =>
    fc
      .tuple(
        fc.tuple(...w.zones.map((z, i) => templateArb({ kind: 'provider', id: `p${i}` }, z, 0))),
        fc.tuple(
          ...Array.from({ length: w.roomTemplated ? w.rooms : 0 }, (_, i) =>
            templateArb({ kind: 'resource', id: `r${i}` }, w.roomZone, 0),
          ),
        ),
      )
      .map(([provTemplates, roomTemplates]) => {
        const from = instantToMs(w.anchor as IsoInstant);
        const to = from + w.days * 86_400_000;
        const statuses = ['booked', 'booked', 'arrived', 'cancelled', 'pending', 'entered-in-error'];
        const appointments = w.seed.map(([a, b, len, c], i) => {
          const start = from - 6 * 3_600_000 + (a % ((w.days * 24 + 12) * 4)) * 15 * MINUTE;
          return {
            id: `a${i}`,
            status: statuses[c % statuses.length],
            type: b % 3 === 0 ? 'other' : 'visit',
            patient: `pt${c % 4}`,
            provider: `p${b % w.zones.length}`,
            resources: w.rooms > 0 && b % 2 === 0 ? [`r${c % w.rooms}`] : [],
            start: new Date(start).toISOString(),
            end: new Date(start + len * 10 * MINUTE).toISOString(),
          };
        });
        const holds = w.seed.slice(0, 3).map(([a, b], i) => {
          const start = from + (a % (w.days * 24)) * 3_600_000;
          return {
            id: `h${i}`,
            provider: `p${b % w.zones.length}`,
            start: new Date(start).toISOString(),
            end: new Date(start + 30 * MINUTE).toISOString(),
            expiresAt: new Date(from + w.nowOffset * 3_600_000 + (b % 3) * 3_600_000).toISOString(),
          };
        });
        const cal = calendar({
          providers: w.zones.map((zone, i) => ({ id: `p${i}`, zone, locations: ['loc'], specialties: [] })),
          locations: [{ id: 'loc', zone: w.zones[0] }],
          resources: Array.from({ length: w.rooms }, (_, i) => ({
            id: `r${i}`,
            kind: 'room',
            location: 'loc',
            capacity: 1 + (i % 2),
          })),
          appointmentTypes: [
            {
              id: 'visit',
              code: 'V',
              durationMinutes: w.duration,
              bufferBeforeMinutes: w.before,
              bufferAfterMinutes: w.after,
              ...(w.step === undefined ? {} : { stepMinutes: w.step }),
              minimumNoticeMinutes: w.notice,
              ...(w.needsRoom && w.rooms > 0 ? { requiredResourceKinds: ['room'] } : {}),
            },
            { id: 'other', code: 'O', durationMinutes: 20, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 },
          ],
          templates: [...provTemplates, ...roomTemplates],
          appointments,
          holds,
        });
        return {
          cal,
          q: query({
            type: 'visit',
            from: new Date(from).toISOString(),
            to: new Date(to).toISOString(),
            patient: 'pt1',
          }),
          now: new Date(from + w.nowOffset * 3_600_000).toISOString() as IsoInstant,
        };
      }),
  );

const slotsOf = (w: World, extra: Record<string, unknown> = {}): readonly Slot[] =>
  unwrap(findSlots(w.q, w.cal, { now: w.now, ...extra }));

const span = (s: Slot): Interval => ({ start: instantToMs(s.start), end: instantToMs(s.end) });

const availabilityOf = (w: World, kind: string, id: string): readonly Interval[] => {
  const all = unwrap(
    expandAvailability(w.cal.templates, w.cal.exceptions, {
      from: new Date(instantToMs(w.q.from) - 86_400_000).toISOString() as IsoInstant,
      to: new Date(instantToMs(w.q.to) + 86_400_000).toISOString() as IsoInstant,
    }),
  );
  return all.find((o) => o.owner.kind === kind && o.owner.id === id)?.intervals ?? [];
};

const buffersOf = (cal: SchedulingCalendar, type: string | undefined) => {
  const t = cal.appointmentTypes.find((x) => x.id === type);
  return { before: (t?.bufferBeforeMinutes ?? 0) * MINUTE, after: (t?.bufferAfterMinutes ?? 0) * MINUTE };
};

const RUNS = { numRuns: 120 };

describe('slot finding properties', () => {
  test.prop([worldArb], RUNS)(
    'every slot lies inside the availability of its provider and of every resource',
    (w) => {
      for (const s of slotsOf(w)) {
        expect(covers(availabilityOf(w, 'provider', s.provider), span(s))).toBe(true);
        for (const r of s.resources) {
          const own = availabilityOf(w, 'resource', r);
          const templated = w.cal.templates.some((t) => t.owner.kind === 'resource' && t.owner.id === r);
          if (templated) expect(covers(own, span(s))).toBe(true);
        }
      }
    },
  );

  test.prop([worldArb], RUNS)(
    'no slot overlaps a booking or live hold of its provider, buffers of both included',
    (w) => {
      const type = buffersOf(w.cal, 'visit');
      const nowMs = instantToMs(w.now);
      for (const s of slotsOf(w)) {
        const mine = { start: instantToMs(s.start) - type.before, end: instantToMs(s.end) + type.after };
        for (const a of w.cal.appointments) {
          if (!BLOCKING_APPOINTMENT_STATUSES.has(a.status) || a.start === undefined || a.end === undefined)
            continue;
          const b = buffersOf(w.cal, a.type);
          const theirs = { start: instantToMs(a.start) - b.before, end: instantToMs(a.end) + b.after };
          if (a.provider === s.provider) expect(overlaps(mine, theirs)).toBe(false);
          if (a.patient === w.q.patient)
            expect(overlaps(span(s), { start: instantToMs(a.start), end: instantToMs(a.end) })).toBe(false);
        }
        for (const h of w.cal.holds)
          if (h.provider === s.provider && instantToMs(h.expiresAt) > nowMs)
            expect(overlaps(mine, { start: instantToMs(h.start), end: instantToMs(h.end) })).toBe(false);
      }
    },
  );

  test.prop([worldArb], RUNS)('no slot starts before now + notice', (w) => {
    const earliest = instantToMs(w.now) + (w.cal.appointmentTypes[0]?.minimumNoticeMinutes ?? 0) * MINUTE;
    for (const s of slotsOf(w)) expect(instantToMs(s.start)).toBeGreaterThanOrEqual(earliest);
  });

  test.prop([worldArb], RUNS)('booking any returned slot, then validating it, finds no conflict', (w) => {
    for (const s of slotsOf(w).slice(0, 12)) {
      const a = appointment({
        id: 'new',
        status: 'booked',
        type: 'visit',
        patient: w.q.patient,
        provider: s.provider,
        resources: s.resources,
        start: s.start,
        end: s.end,
      });
      expect(validateBooking(a, w.cal, w.now)).toEqual({ _tag: 'Right', right: { overbooked: false } });
    }
  });

  test.prop([worldArb, fc.integer({ min: 1, max: 7 })], RUNS)(
    'pages joined by cursor equal the whole list',
    (w, size) => {
      const whole = slotsOf(w);
      const pages: Slot[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 5000; i++) {
        const page = slotsOf(w, { limit: size, ...(cursor === undefined ? {} : { cursor }) });
        pages.push(...page);
        if (page.length < size) break;
        cursor = page.at(-1)?.cursor;
      }
      // only the last slot of a limited page carries a cursor
      expect(pages.map(({ cursor: _cursor, ...slot }) => slot)).toEqual(whole);
    },
  );

  // The fast paths of ranking (stretches searched in turn, a counting sort, shared time texts)
  // against the rule written plainly: every slot, sorted by its key.
  test.prop(
    [
      worldArb,
      fc.constantFrom('earliest', 'preferred-provider', 'spread-load'),
      fc.integer({ min: 1, max: 9 }),
      fc.nat(),
    ],
    RUNS,
  )(
    'each ranking equals the plain sort of every slot by its key, and pages are its prefixes',
    (w, ranking, size, pick) => {
      const providers = w.cal.providers.map((p) => p.id);
      const preferred = providers[pick % providers.length];
      const q = { ...w.q, ...(preferred === undefined ? {} : { preferredProvider: preferred }) };
      const every = unwrap(findSlots(q, w.cal, { now: w.now }));
      const lo = instantToMs(q.from);
      const hi = instantToMs(q.to);
      // Booked minutes in the range per provider: blocking appointments only, holds not counted.
      const load = (provider: string) =>
        w.cal.appointments
          .filter(
            (a) =>
              a.provider === provider &&
              BLOCKING_APPOINTMENT_STATUSES.has(a.status) &&
              a.start !== undefined &&
              a.end !== undefined,
          )
          .map((a) => Math.min(instantToMs(a.end ?? q.to), hi) - Math.max(instantToMs(a.start ?? q.from), lo))
          .filter((m) => m > 0)
          .reduce((x, y) => x + y, 0);
      const key = (s: Slot): number[] => {
        const start = instantToMs(s.start);
        const order = providers.indexOf(s.provider);
        if (ranking === 'spread-load')
          return [Math.floor((start - lo) / 86_400_000), load(s.provider), start, order];
        if (ranking === 'preferred-provider') return [s.provider === preferred ? 0 : 1, start, order];
        return [start, order];
      };
      const byKey = (a: Slot, b: Slot) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
        return 0;
      };
      const ranked = unwrap(findSlots(q, w.cal, { now: w.now, ranking }));
      expect(ranked).toEqual([...every].sort(byKey));
      const first = unwrap(findSlots(q, w.cal, { now: w.now, ranking, limit: size }));
      expect(first.map(({ cursor: _cursor, ...slot }) => slot)).toEqual(ranked.slice(0, size));
      const second = unwrap(
        findSlots(q, w.cal, {
          now: w.now,
          ranking,
          limit: size,
          ...(first.at(-1)?.cursor === undefined ? {} : { cursor: first.at(-1)?.cursor }),
        }),
      );
      if (first.length === size)
        expect(second.map(({ cursor: _cursor, ...slot }) => slot)).toEqual(ranked.slice(size, 2 * size));
    },
  );

  test.prop([worldArb], { numRuns: 15 })('results are identical under different host time zones', (w) => {
    const saved = process.env['TZ'];
    const seen = new Set<string>();
    try {
      for (const tz of ['UTC', 'Asia/Kolkata', 'America/Chicago']) {
        process.env['TZ'] = tz;
        // a fresh calendar object, so no memo from another zone is reused
        seen.add(JSON.stringify(findSlots(w.q, structuredClone(w.cal), { now: w.now })));
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
    expect(seen.size).toBe(1);
  });
});

describe('availability expansion properties', () => {
  test.prop([worldArb, fc.integer({ min: 1, max: 143 })], RUNS)(
    'expanding a range in two halves equals expanding it whole',
    (w, cut) => {
      const from = instantToMs(w.q.from);
      const to = instantToMs(w.q.to);
      const mid = from + Math.floor(((to - from) * cut) / 144 / MINUTE) * MINUTE;
      const iso = (ms: number) => new Date(ms).toISOString() as IsoInstant;
      const run = (a: number, b: number) =>
        unwrap(expandAvailability(w.cal.templates, [], { from: iso(a), to: iso(b) }));
      const whole = run(from, to);
      const left = run(from, mid);
      const right = run(mid, to);
      for (const [i, o] of whole.entries())
        expect(normalizeIntervals([...(left[i]?.intervals ?? []), ...(right[i]?.intervals ?? [])])).toEqual(
          o.intervals,
        );
    },
  );
});

describe('recurrence properties', () => {
  const ruleArb = fc.record({
    freq: fc.constantFrom('DAILY', 'WEEKLY'),
    interval: fc.integer({ min: 1, max: 5 }),
    days: fc.subarray([...DAYS]),
    wkst: fc.constantFrom('MO', 'SU', 'WE'),
    dtstart: fc.integer({ min: 0, max: 3000 }),
    from: fc.integer({ min: 0, max: 3500 }),
    length: fc.integer({ min: 0, max: 120 }),
    count: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  });
  const day = (n: number) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  test.prop([ruleArb], { numRuns: 300 })(
    'the arithmetic DAILY/WEEKLY path (with and without COUNT) and re-basing agree with rrule from DTSTART',
    (r) => {
      const rule = `FREQ=${r.freq};INTERVAL=${r.interval};WKST=${r.wkst}${r.days.length ? `;BYDAY=${r.days.join(',')}` : ''}${r.count === undefined ? '' : `;COUNT=${r.count}`}`;
      const dtstart = new Date(Date.UTC(2018, 0, 1) + r.dtstart * 86_400_000);
      const expected = new RRule({ ...RRule.parseString(rule), dtstart })
        .between(
          new Date(Date.UTC(2018, 0, 1) + r.from * 86_400_000),
          new Date(Date.UTC(2018, 0, 1) + (r.from + r.length + 1) * 86_400_000 - 1),
          true,
        )
        .map((d) => d.toISOString().slice(0, 10));
      expect(
        unwrap(
          recurrenceDates(
            rule,
            day(r.dtstart) as never,
            day(r.from) as never,
            day(r.from + r.length) as never,
          ),
        ),
      ).toEqual(expected);
    },
  );

  test.prop([ruleArb, fc.constantFrom('BYDAY=1MO,-1FR', 'BYMONTHDAY=1,15,31', 'BYDAY=TU;BYSETPOS=2', '')], {
    numRuns: 150,
  })('monthly and yearly rules re-based far from DTSTART agree with rrule', (r, by) => {
    for (const freq of ['MONTHLY', 'YEARLY']) {
      const rule = `FREQ=${freq};INTERVAL=${r.interval}${by ? `;${by}` : ''}`;
      const dtstart = new Date(Date.UTC(2018, 0, 1) + r.dtstart * 86_400_000);
      const expected = new RRule({ ...RRule.parseString(rule), dtstart })
        .between(
          new Date(Date.UTC(2018, 0, 1) + r.from * 86_400_000),
          new Date(Date.UTC(2018, 0, 1) + (r.from + 400 + 1) * 86_400_000 - 1),
          true,
        )
        .map((d) => d.toISOString().slice(0, 10));
      expect(
        unwrap(
          recurrenceDates(rule, day(r.dtstart) as never, day(r.from) as never, day(r.from + 400) as never),
        ),
        rule,
      ).toEqual(expected);
    }
  });
});
