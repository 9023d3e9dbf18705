// The scheduling module's fast paths against the plain rules they shortcut.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { wallMinutesToMs, type IanaZone } from '../../src/core/time.js';
import { dayNumberToDate } from '../../src/core/calendar.js';
import { wallDayMinutesToMs } from '../../src/scheduling/availability.js';
import { parseWith } from '../../src/core/errors.js';
import {
  groupBookings,
  plainInstantMs,
  readPlainAppointment,
} from '../../src/scheduling/appointmentReader.js';
import { instantToMs, IsoInstantSchema } from '../../src/core/calendar.js';
import {
  appointmentOccupancy,
  indexCalendar,
  occupanciesNear,
  ownerBookings,
  positionsByStart,
  positionsByStartPlain,
} from '../../src/scheduling/calendarIndex.js';
import { providerBusy, providerBusyPlain, searchContext } from '../../src/scheduling/search.js';
import { appointmentId, patientId, providerId } from '../../src/core/ids.js';
import {
  AppointmentSchema,
  findSlots,
  parseSchedulingCalendar,
  parseSchedulingCalendarJson,
  isoInstant,
  parseSlotQuery,
  SchedulingCalendarSchema,
  type SchedulingCalendar,
  type SlotQuery,
} from '../../src/scheduling/index.js';
import {
  keepSchedulingCalendar,
  parseSchedulingCalendarJsonPlain,
} from '../../src/scheduling/calendarJson.js';
import { generateHealthSystem } from '../../src/testing/healthSystem.js';
import { byKeyPlain, byStart } from '../../src/scheduling/slotRanking.js';
import { parseOrThrow } from '../../src/testing/parsed.js';

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

// --- Reading appointments from outside data --------------------------------------------------
// The plain-shape reader must answer exactly as AppointmentSchema where it answers at all, and
// parseSchedulingCalendar exactly as the schema of the whole calendar.

const instantText = fc.oneof(
  fc.constantFrom(
    '2026-11-24T09:00:00-05:00',
    '2026-11-24T09:40:00-05:00',
    '2026-11-24T14:00:00Z',
    '2026-11-24T14:40:00Z',
    '2026-11-24T09:00:00+05:45',
    '2024-02-29T23:59:59+14:00',
    '2026-02-29T10:00:00Z', // no such day
    '2026-13-01T10:00:00Z',
    '2026-11-24T24:00:00Z',
    '2026-11-24T09:60:00Z',
    '2026-11-24T09:00:60Z',
    '2026-11-24T09:00:00+24:00',
    '2026-11-24T09:00:00+05:60',
    '2026-11-24T09:00:00z',
    '2026-11-24 09:00:00Z',
    '2026-11-24T09:00Z', // valid, another shape
    '2026-11-24T09:00:00.5-05:00',
    '2026-11-24T14:00:00.000Z',
    '2026-11-24T14:00:00.123+05:30',
    '2026-11-24T14:00:00.1234Z',
    '2026-11-24T14:00:00.Z',
    '2026-11-24T14:00:00.12a+05:30',
    '2026-1a-24T09:00:00Z',
    '0099-01-01T00:00:00Z',
    '2026-11-24T09:00:00-0500',
    '',
  ),
  fc
    .record({
      y: fc.integer({ min: 0, max: 9999 }),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 25 }),
      mi: fc.integer({ min: 0, max: 61 }),
      s: fc.integer({ min: 0, max: 61 }),
      fraction: fc.constantFrom('', '', '.5', '.25', '.000', '.999', '.', '.1234'),
      zone: fc.constantFrom('Z', '+00:00', '-05:00', '+05:30', '+23:59', '-24:00', '+09:75'),
    })
    .map(
      ({ y, mo, d, h, mi, s, fraction, zone }) =>
        `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${fraction}${zone}`,
    ),
  fc.string({ maxLength: 26 }),
);
const idText = fc.oneof(
  fc.constantFrom(
    'a1',
    ' dr-patel ',
    '',
    '   ',
    'x'.repeat(128),
    'y'.repeat(129),
    ` ${'z'.repeat(128)} `,
    '__proto__',
    '\u00a0dr-patel',
    'dr-patel\u2028',
    '\ufeffx',
    'dr\tpatel',
    'é',
  ),
  fc.string({ maxLength: 12 }),
);
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 4 }),
);
const MIN = 60_000;

const FIELDS = [
  'id',
  'status',
  'type',
  'patient',
  'provider',
  'resources',
  'location',
  'start',
  'end',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'telehealth',
  'comment',
  'history',
  'extra',
] as const;

/** A valid plain appointment: the shape the reader is for. */
const plainAppointment = fc
  .record({
    id: fc.constantFrom('a1', ' a2 ', 'x'.repeat(128)),
    status: fc.constantFrom('booked', 'pending', 'fulfilled', 'noshow'),
    type: fc.constantFrom('np40', 'v'),
    patient: fc.constantFrom('p1', 'pat 2'),
    provider: fc.constantFrom('dr-patel', ' dr '),
    resources: fc.option(fc.array(fc.constantFrom('room-1', ' echo-1'), { maxLength: 2 }), {
      nil: undefined,
    }),
    location: fc.option(fc.constantFrom('main', ' north '), { nil: undefined }),
    startMin: fc.integer({ min: 0, max: 100_000 }),
    lengthMin: fc.integer({ min: -5, max: 120 }),
    zone: fc.constantFrom('Z', '-05:00', '+05:45', '+14:00', '.000Z', '.5-05:00'),
    bufferBeforeMinutes: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    telehealth: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ startMin, lengthMin, zone, ...rest }) => {
    const text = (m: number) => {
      const t = new Date(Date.UTC(2026, 0, 1) + m * MIN);
      const pad = (n: number) => String(n).padStart(2, '0');
      // Wall time in a fixed offset: the instant is `m` minutes after 2026-01-01 in that offset.
      return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00${zone}`;
    };
    const out: Record<string, unknown> = { ...rest, start: text(startMin), end: text(startMin + lengthMin) };
    for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
    return out;
  });

/** Raw appointments: the plain shape with up to three fields changed, removed or added, or odd objects. */
const rawAppointment = fc
  .tuple(
    plainAppointment,
    fc.array(
      fc.tuple(
        fc.constantFrom(...FIELDS),
        fc.oneof(
          fc.constant<'remove'>('remove'),
          idText,
          instantText,
          anyValue,
          fc.integer({ min: -2, max: 525_601 }),
          fc.double(),
          fc.constant([]),
          fc.array(idText, { maxLength: 2 }),
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([base, changes]) => {
    const a: Record<string, unknown> = { ...base };
    for (const [field, value] of changes)
      if (value === 'remove') delete a[field];
      else a[field] = value;
    return a;
  })
  .chain((a) =>
    fc.constantFrom<unknown>(
      a,
      a,
      a,
      a,
      Object.assign(Object.create(null) as object, a),
      Object.assign(Object.create({ status: 'booked' }) as object, a),
      [a],
      null,
    ),
  );

describe('the plain instant reader agrees with the instant schema and instantToMs', () => {
  test.prop([instantText], { numRuns: 3000 })('reads only valid instants, to the same ms', (text) => {
    const ms = plainInstantMs(text);
    if (Number.isNaN(ms)) return;
    const schema = IsoInstantSchema.safeParse(text);
    expect(schema.success).toBe(true);
    if (schema.success) expect(ms).toBe(instantToMs(schema.data));
  });

  test.prop(
    [
      fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }),
      fc.integer({ min: -1439, max: 1439 }),
    ],
    { numRuns: 2000 },
  )('every instant toISOString writes, also in seconds and at any minute offset', (at, offsetMinutes) => {
    const iso = new Date(at).toISOString();
    // Years beyond 0-9999 are written with a sign and six digits: another shape, for the schema.
    if (!/^\d{4}-/.test(iso)) return;
    expect(plainInstantMs(iso)).toBe(at);
    expect(plainInstantMs(`${iso.slice(0, 19)}Z`)).toBe(Math.floor(at / 1000) * 1000);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    for (const text of [iso.slice(0, 19) + offset, iso.slice(0, 23) + offset, iso.slice(0, 21) + offset]) {
      const schema = IsoInstantSchema.safeParse(text);
      expect(schema.success).toBe(true);
      if (schema.success) expect(plainInstantMs(text)).toBe(instantToMs(schema.data));
    }
  });
});

/** A one-provider calendar around the given appointments (raw input, before parsing). */
const calendarOf = (appointments: readonly unknown[]) => ({
  providers: [{ id: 'dr-patel', zone: 'America/New_York', locations: [], specialties: [] }],
  locations: [],
  resources: [],
  appointmentTypes: [{ id: 'np40', code: 'NP40', durationMinutes: 40 }],
  templates: [],
  exceptions: [],
  appointments,
  holds: [],
});

describe('appointment reader agrees with AppointmentSchema', () => {
  test.prop([rawAppointment], { numRuns: 3000 })('answers only what the schema answers', (raw) => {
    const fast = readPlainAppointment(raw);
    const schema = AppointmentSchema.safeParse(raw);
    if (fast !== undefined) {
      expect(schema.success).toBe(true);
      expect(fast).toStrictEqual(schema.data);
    }
  });

  test.prop([fc.array(rawAppointment, { maxLength: 6 })], { numRuns: 500 })(
    'parseSchedulingCalendar = the schema of the whole calendar',
    (appointments) => {
      const input = calendarOf(appointments);
      expect(parseSchedulingCalendar(input)).toStrictEqual(
        parseWith('SchedulingCalendar', SchedulingCalendarSchema, input),
      );
    },
  );

  test.prop([fc.array(rawAppointment, { maxLength: 8 })], { numRuns: 300 })(
    'the groups and times noted by the parser = those worked out from the parsed list',
    (appointments) => {
      const parsed = parseSchedulingCalendar({
        providers: [],
        locations: [],
        resources: [],
        appointmentTypes: [],
        templates: [],
        exceptions: [],
        appointments,
        holds: [],
      });
      if (parsed._tag === 'Left') return;
      const list = parsed.right.appointments;
      const noted = groupBookings(list);
      // A copy of the list is not the parser's: its groups are worked out from the appointments.
      const plain = groupBookings([...list]);
      expect(noted).not.toBe(plain);
      expect(noted).toStrictEqual(plain);
      list.forEach((a, i) => {
        expect(noted.starts[i]).toBe(a.start === undefined ? Number.NaN : instantToMs(a.start));
        expect(noted.ends[i]).toBe(a.end === undefined ? Number.NaN : instantToMs(a.end));
      });
    },
  );

  test('the generated health system is read on the fast path', () => {
    const system = generateHealthSystem({ appointments: 300, seed: 5 });
    const raw: unknown = JSON.parse(JSON.stringify(system));
    const list = (raw as { appointments: unknown[] }).appointments;
    expect(list.every((a) => readPlainAppointment(a) !== undefined)).toBe(true);
    expect(parseSchedulingCalendar(raw)).toStrictEqual(
      parseWith('SchedulingCalendar', SchedulingCalendarSchema, raw),
    );
  });
});

// --- A calendar from JSON text ------------------------------------------------------------------
// parseSchedulingCalendarJson keeps the objects JSON.parse built where they need no copy; the plain
// path is JSON.parse, then parseSchedulingCalendar. Same calendar, same Left, same slots.

/** JSON text of a calendar, or text that is not quite one (cut, or with a character changed). */
const calendarText = fc
  .tuple(fc.array(rawAppointment, { maxLength: 6 }), fc.nat(), fc.constantFrom('keep', 'cut', 'change'))
  .map(([appointments, at, edit]) => {
    const text = JSON.stringify(calendarOf(appointments));
    const i = at % text.length;
    return edit === 'keep'
      ? text
      : edit === 'cut'
        ? text.slice(0, i)
        : `${text.slice(0, i)}}${text.slice(i + 1)}`;
  });

describe('parseSchedulingCalendarJson agrees with JSON.parse and parseSchedulingCalendar', () => {
  test.prop([calendarText], { numRuns: 1500 })('same calendar, same Left', (text) => {
    expect(parseSchedulingCalendarJson(text)).toStrictEqual(parseSchedulingCalendarJsonPlain(text));
  });

  test.prop([fc.oneof(fc.string({ maxLength: 40 }), fc.json({ maxDepth: 3 }))], { numRuns: 500 })(
    'any text: the same answer, and text that is not JSON is one Left naming none of it',
    (text) => {
      const answer = parseSchedulingCalendarJson(text);
      expect(answer).toStrictEqual(parseSchedulingCalendarJsonPlain(text));
      let json = true;
      try {
        JSON.parse(text);
      } catch {
        json = false;
      }
      if (!json)
        expect(answer).toStrictEqual({
          _tag: 'Left',
          left: {
            code: 'validation.failed',
            model: 'SchedulingCalendar',
            message: 'SchedulingCalendar is invalid: (root): must be JSON text',
            issues: [{ path: '(root)', rule: 'invalid_json', message: '(root): must be JSON text' }],
          },
        });
    },
  );

  test.prop(
    [
      fc.record({
        seed: fc.integer({ min: 1, max: 1000 }),
        providers: fc.integer({ min: 4, max: 12 }),
        appointments: fc.integer({ min: 0, max: 400 }),
        type: fc.constantFrom('follow-20', 'new-40', 'echo-60'),
        limit: fc.integer({ min: 1, max: 40 }),
        day: fc.integer({ min: 0, max: 20 }),
      }),
    ],
    { numRuns: 25 },
  )('same slots on the generated health system', ({ seed, providers, appointments, type, limit, day }) => {
    const system = generateHealthSystem({ providers, resources: 12, appointments, seed, days: 28 });
    const text = JSON.stringify(system);
    const fast = parseSchedulingCalendarJson(text);
    const plain = parseSchedulingCalendarJsonPlain(text);
    expect(fast).toStrictEqual(plain);
    if (fast._tag === 'Left' || plain._tag === 'Left') return;
    const from = new Date(Date.UTC(2026, 10, 23 + day, 5)).toISOString();
    const to = new Date(Date.UTC(2026, 10, 30 + day, 5)).toISOString();
    const parsedQuery: SlotQuery = parseOrThrow({ type, from, to }, parseSlotQuery);
    const slotsOf = (cal: SchedulingCalendar) =>
      findSlots(parsedQuery, cal, { now: isoInstant('2026-11-22T12:00:00Z'), limit });
    expect(slotsOf(fast.right)).toStrictEqual(slotsOf(plain.right));
  });

  test('the generated health system is kept as JSON.parse built it, its groups noted', () => {
    const system = generateHealthSystem({ appointments: 300, seed: 5 });
    const value = JSON.parse(JSON.stringify(system)) as { appointments: unknown[] };
    const given = [...value.appointments];
    const kept = keepSchedulingCalendar(value);
    if (kept._tag === 'Left') throw new Error('the generated system is valid');
    const list = kept.right.appointments;
    expect(list.every((a, i) => a === given[i])).toBe(true);
    expect(groupBookings(list)).toStrictEqual(groupBookings([...list]));
  });

  test('appointments that need a copy (ids to trim, other keys) are copied, the rest kept', () => {
    const plain = {
      id: 'a1',
      status: 'booked',
      type: 'np40',
      patient: 'p1',
      provider: 'dr-patel',
      start: '2026-11-24T09:00:00-05:00',
      end: '2026-11-24T09:40:00-05:00',
    };
    const value = JSON.parse(
      JSON.stringify(
        calendarOf([
          plain,
          { ...plain, id: ' a2 ' },
          { ...plain, id: 'a3', note: 'x' },
          { ...plain, id: 'a4' },
        ]),
      ),
    ) as { appointments: unknown[] };
    const given = [...value.appointments];
    const kept = keepSchedulingCalendar(value);
    if (kept._tag === 'Left') throw new Error('valid');
    const list = kept.right.appointments;
    expect(list.map((a) => a === given[list.indexOf(a)])).toEqual([true, false, false, true]);
    expect(list.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(list[2]).not.toHaveProperty('note');
  });

  test('an enumerable key added to Object.prototype: everything is copied, the answer unchanged', () => {
    const text = JSON.stringify(
      generateHealthSystem({ appointments: 40, seed: 3, providers: 4, resources: 8, days: 14 }),
    );
    const proto = Object.prototype as Record<string, unknown>;
    proto['location'] = 'main';
    try {
      expect(parseSchedulingCalendarJson(text)).toStrictEqual(parseSchedulingCalendarJsonPlain(text));
    } finally {
      delete proto['location'];
    }
  });
});

// --- Bookings near a range -------------------------------------------------------------------
// The columnar, lazily read booking list against a plain filter over every appointment.

const bookingArb = fc.record({
  startMin: fc.integer({ min: 0, max: 3000 }),
  lengthMin: fc.integer({ min: 1, max: 600 }),
  before: fc.option(fc.integer({ min: 0, max: 240 }), { nil: undefined }),
  after: fc.option(fc.integer({ min: 0, max: 240 }), { nil: undefined }),
  status: fc.constantFrom('booked', 'pending', 'cancelled', 'fulfilled'),
});

describe('bookings near a range agree with a plain filter', () => {
  test.prop(
    [
      fc.array(bookingArb, { maxLength: 25 }),
      fc.integer({ min: -300, max: 3300 }),
      fc.integer({ min: 1, max: 900 }),
      fc.integer({ min: 0, max: 120 }),
    ],
    { numRuns: 400 },
  )(
    'occupanciesNear = appointments whose padded time reaches the range',
    (bookings, loMin, spanMin, reachMin) => {
      const base = Date.UTC(2026, 10, 23);
      const iso = (m: number) => new Date(base + m * MIN).toISOString().replace('.000Z', 'Z');
      const appointments = bookings.map((b, i) => ({
        id: `a${i}`,
        status: b.status,
        type: 'v',
        patient: 'p',
        provider: 'dr',
        start: iso(b.startMin),
        end: iso(b.startMin + b.lengthMin),
        ...(b.before === undefined ? {} : { bufferBeforeMinutes: b.before }),
        ...(b.after === undefined ? {} : { bufferAfterMinutes: b.after }),
      }));
      const calendar = parseOrThrow(
        {
          providers: [{ id: 'dr', zone: 'UTC', locations: [], specialties: [] }],
          locations: [],
          resources: [],
          appointmentTypes: [
            { id: 'v', code: 'V', durationMinutes: 10, bufferBeforeMinutes: 7, bufferAfterMinutes: 3 },
          ],
          templates: [],
          exceptions: [],
          appointments,
          holds: [],
        },
        parseSchedulingCalendar,
      );
      const lo = base + loMin * MIN;
      const hi = lo + spanMin * MIN;
      const reach = reachMin * MIN;
      const index = indexCalendar(calendar);
      const near = occupanciesNear(ownerBookings(index, 'provider', 'dr'), lo, hi, reach);
      // Each read from the columns as the plain reduction of its appointment reads it.
      for (const o of near)
        expect(o).toStrictEqual(
          appointmentOccupancy(
            calendar.appointments.find((a) => a.id === o.id) ?? calendar.appointments[0]!,
            index.types,
          ),
        );
      const got = near.map((o) => o.id);
      // Written from the rule: blocking, its own buffers or else the type's (7 and 3 minutes).
      const want = bookings
        .map((b, i) => ({ b, i }))
        .filter(({ b }) => b.status !== 'cancelled')
        .filter(({ b }) => {
          const from = (b.startMin - (b.before ?? 7)) * MIN + base - reach;
          const to = (b.startMin + b.lengthMin + (b.after ?? 3)) * MIN + base + reach;
          return from < hi && to > lo;
        })
        .sort((x, y) => x.b.startMin - y.b.startMin || x.i - y.i)
        .map(({ i }) => `a${i}`);
      expect([...got].sort()).toEqual([...want].sort());
      // In start order.
      const startOf = (id: string) => bookings[Number(id.slice(1))]?.startMin ?? 0;
      expect(got.map(startOf)).toEqual([...got.map(startOf)].sort((a, b) => a - b));
    },
  );
});

/** Bookings on a 10-minute grid, so that they touch and overlap often. */
const gridBookingArb = fc.record({
  startMin: fc.integer({ min: 0, max: 300 }).map((m) => m * 10),
  lengthMin: fc.integer({ min: 1, max: 12 }).map((m) => m * 10),
  before: fc.option(fc.constantFrom(0, 5, 10), { nil: undefined, freq: 2 }),
  after: fc.option(fc.constantFrom(0, 5, 10), { nil: undefined, freq: 2 }),
  status: fc.constantFrom('booked', 'pending', 'cancelled', 'fulfilled'),
});

describe('providerBusy agrees with providerBusyPlain', () => {
  // Bookings of two providers in random order, with their own buffers or their type's (none for
  // 'v0', 7 / 3 minutes or none for 'v'), holds, an excluded appointment, and searches with or
  // without buffers.
  test.prop(
    [
      fc.array(fc.record({ b: gridBookingArb, other: fc.boolean(), buffered: fc.boolean() }), {
        maxLength: 30,
        size: 'medium',
      }),
      fc.array(
        fc.record({
          startMin: fc.integer({ min: 0, max: 3000 }),
          lengthMin: fc.integer({ min: 1, max: 300 }),
          expiresMin: fc.integer({ min: -60, max: 60 }),
          patient: fc.constantFrom('p', 'q'),
        }),
        { maxLength: 3 },
      ),
      fc.integer({ min: -300, max: 3300 }),
      fc.integer({ min: 1, max: 3600 }),
      fc.constantFrom('v0', 'v'),
      fc.option(fc.integer({ min: 0, max: 29 }), { nil: undefined }),
      fc.option(fc.constantFrom('p', 'q'), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    ],
    { numRuns: 500 },
  )(
    'same busy intervals for a regular block',
    (bookings, holds, loMin, spanMin, type, excluded, patient, typeBuffers, own) => {
      const base = Date.UTC(2026, 10, 23);
      const iso = (m: number) => new Date(base + m * MIN).toISOString().replace('.000Z', 'Z');
      const now = base + 1000 * MIN;
      const calendar = parseOrThrow(
        {
          providers: [
            { id: 'dr', zone: 'UTC', locations: [], specialties: [] },
            { id: 'dr2', zone: 'UTC', locations: [], specialties: [] },
          ],
          locations: [],
          resources: [],
          appointmentTypes: [
            { id: 'v0', code: 'V0', durationMinutes: 10 },
            typeBuffers
              ? { id: 'v', code: 'V', durationMinutes: 10, bufferBeforeMinutes: 7, bufferAfterMinutes: 3 }
              : { id: 'v', code: 'V', durationMinutes: 10 },
          ],
          templates: [],
          exceptions: [],
          appointments: bookings.map(({ b, other, buffered }, i) => ({
            id: `a${i}`,
            status: b.status,
            type: buffered ? 'v' : 'v0',
            patient: 'p',
            provider: other ? 'dr2' : 'dr',
            start: iso(b.startMin),
            end: iso(b.startMin + b.lengthMin),
            ...(b.before === undefined || !own ? {} : { bufferBeforeMinutes: b.before }),
            ...(b.after === undefined || !own ? {} : { bufferAfterMinutes: b.after }),
          })),
          holds: holds.map((h, i) => ({
            id: `h${i}`,
            provider: 'dr',
            type: 'v',
            patient: h.patient,
            start: iso(h.startMin),
            end: iso(h.startMin + h.lengthMin),
            expiresAt: iso(1000 + h.expiresMin),
          })),
        },
        parseSchedulingCalendar,
      );
      const ctx = searchContext(
        calendar,
        type,
        isoInstant(new Date(now).toISOString()),
        excluded === undefined ? undefined : appointmentId(`a${excluded}`),
        patient === undefined ? undefined : patientId(patient),
      );
      if (ctx._tag === 'Left') throw new Error(ctx.left.code);
      const lo = base + loMin * MIN;
      const hi = lo + spanMin * MIN;
      expect(providerBusy(ctx.right, providerId('dr'), lo, hi, 1)).toEqual(
        providerBusyPlain(ctx.right, providerId('dr'), lo, hi, 1),
      );
    },
  );
});

describe('positionsByStart agrees with the plain comparison sort', () => {
  // Whole-ms starts (the sort of one number per position) and any others (the sort of the starts
  // alone, then the places), in order or not.
  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 50 }).map((m) => 1_795_000_000_000 + m * 30 * MIN),
          fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
          fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
        ),
        { maxLength: 120 },
      ),
    ],
    { numRuns: 800 },
  )('whole-ms starts: same order, ties in position order', (values) => {
    const starts = Float64Array.from(values);
    const positions = [...starts.keys()].filter((i) => i % 4 !== 2);
    expect(Array.from(positionsByStart(positions, starts))).toEqual(positionsByStartPlain(positions, starts));
    expect(Array.from(positionsByStart(Int32Array.from(positions), starts))).toEqual(
      positionsByStartPlain(positions, starts),
    );
  });

  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 20 }).map((m) => 1_795_000_000_000 + m * MIN),
          fc.integer({ min: -3_000_000, max: 3_000_000 }).map((ms) => 1_795_000_000_000 + ms),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        ),
        { maxLength: 80 },
      ),
      fc.boolean(),
    ],
    { numRuns: 800 },
  )('same order, ties in position order', (values, sortedInput) => {
    const starts = Float64Array.from(sortedInput ? [...values].sort((a, b) => a - b) : values);
    // Ascending positions, some left out (as the non-blocking appointments are).
    const positions = [...starts.keys()].filter((i) => i % 3 !== 1 || values.length < 5);
    expect(Array.from(positionsByStart(positions, starts))).toEqual(positionsByStartPlain(positions, starts));
  });
});

// --- Ranking: the counting sort against the plain comparison sort -------------------------------

describe('byStart agrees with the plain sort by (start, provider position)', () => {
  test.prop(
    [
      fc.array(
        fc.record({
          start: fc.oneof(
            fc.integer({ min: 0, max: 3000 }).map((m) => 1_795_000_000_000 + m * MIN),
            fc.integer({ min: 0, max: 3_000_000 }).map((ms) => 1_795_000_000_000 + ms),
            fc.integer({ min: 0, max: 400 }).map((d) => 1_795_000_000_000 + d * 86_400_000),
          ),
          provider: fc.integer({ min: 0, max: 4 }),
        }),
        { maxLength: 60 },
      ),
    ],
    { numRuns: 500 },
  )('same order, ties in provider order', (slots) => {
    // Found slots come provider by provider.
    const sorted = [...slots].sort((a, b) => a.provider - b.provider);
    const found = { starts: sorted.map((s) => s.start), orders: sorted.map((s) => s.provider), places: [] };
    const plan = { ranking: 'earliest' as const, groups: [], loads: [], lo: 0 };
    expect(Array.from(byStart(found.starts))).toEqual(byKeyPlain(plan, 0, found));
  });
});
