/**
 * Arbitraries of scheduling data: providers, locations, resources, appointment types, recurring
 * availability templates and their exceptions, appointments (whose history is a path the lifecycle
 * accepted), holds and waitlist entries.
 */
import * as fc from 'fast-check';
import { parseWith } from '../core/errors.js';
import { formatInstant, wallMinutesToMs } from '../core/time.js';
import type { IsoDate } from '../core/calendar.js';
import { FHIR_APPOINTMENT_STATUSES } from '../referrals/validity.js';
import {
  LocationSchema,
  ResourceSchema,
  parseAppointment,
  parseAppointmentType,
  parseAvailabilityException,
  parseAvailabilityTemplate,
  parseHold,
  parseProvider,
  parseWaitlistEntry,
  type Appointment,
  type AppointmentStatus,
  type AppointmentType,
  type AvailabilityException,
  type AvailabilityTemplate,
  type Hold,
  type Location,
  type Provider,
  type Resource,
  type WaitlistEntry,
} from '../scheduling/model.js';
import { transitionAppointment, type AppointmentEvent } from '../scheduling/transitions.js';
import { ianaZoneArbitrary, isoDateArbitrary } from './core.js';
import { parseOrThrow, parsedBy } from './parsed.js';

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Distinct edges on a 15-minute grid, sorted and taken in pairs: disjoint windows in order. */
const pairUp = (edges: readonly number[]): { start: string; end: string }[] => {
  const sorted = [...edges].sort((a, b) => a - b);
  const out: { start: string; end: string }[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    out.push({ start: hhmm((sorted[i] ?? 0) * 15), end: hhmm((sorted[i + 1] ?? 0) * 15) });
  return out;
};

/**
 * A valid appointment type: 5 to 120 minutes, optional buffers, notice, step and daily limit.
 *
 * @example
 * fc.assert(fc.property(appointmentTypeArbitrary, (t) => t.durationMinutes >= 5));
 */
export const appointmentTypeArbitrary: fc.Arbitrary<AppointmentType> = parsedBy(
  fc.record(
    {
      id: fc.integer({ min: 1, max: 999 }).map((n) => `type-${n}`),
      code: fc.constantFrom('99213', '99204', '93306', 'NP40', 'FU20'),
      durationMinutes: fc.integer({ min: 1, max: 24 }).map((k) => k * 5),
      bufferBeforeMinutes: fc.constantFrom(0, 5, 10),
      bufferAfterMinutes: fc.constantFrom(0, 5, 15),
      stepMinutes: fc.constantFrom(5, 10, 15, 20, 30),
      minimumNoticeMinutes: fc.constantFrom(0, 60, 1440),
      maxPerDay: fc.integer({ min: 1, max: 12 }),
    },
    { requiredKeys: ['id', 'code', 'durationMinutes'] },
  ),
  parseAppointmentType,
);

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * A valid availability template of a provider: a weekly or every-other-week RRULE on a set of
 * weekdays, one to three non-overlapping wall-clock windows (sometimes one running overnight),
 * in a zone with interesting DST, optionally bounded by `count` or an `until` date and with
 * excluded dates.
 *
 * @example
 * fc.assert(fc.property(availabilityTemplateArbitrary, (t) => t.windows.length >= 1));
 */
export const availabilityTemplateArbitrary: fc.Arbitrary<AvailabilityTemplate> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 1, max: 9999 }),
      zone: ianaZoneArbitrary,
      days: fc.subarray([...DAYS], { minLength: 1 }),
      interval: fc.constantFrom(1, 1, 2),
      // Window edges on a 15-minute grid, increasing: pairs of them make disjoint windows.
      edges: fc.uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 2, maxLength: 6 }),
      overnight: fc.boolean(),
      dtstart: isoDateArbitrary('2026-01-01' as IsoDate, '2026-12-31' as IsoDate),
      bound: fc.option(
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }).map(String)),
        {
          nil: undefined,
        },
      ),
      exdateOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
    })
    .map((r) => {
      const windows = pairUp(r.edges);
      const last = windows.at(-1);
      // An overnight window ends at or before its start (runs into the next day).
      if (r.overnight && windows.length === 1 && last) windows[0] = { start: last.end, end: last.start };
      const start = Date.parse(`${r.dtstart}T00:00:00Z`);
      const date = (days: number): string => new Date(start + days * 86_400_000).toISOString().slice(0, 10);
      return {
        id: `tpl-${r.n}`,
        owner: { kind: 'provider', id: `prov-${r.n % 50}` },
        zone: r.zone,
        windows,
        rrule: `FREQ=WEEKLY;INTERVAL=${r.interval};BYDAY=${r.days.join(',')}`,
        dtstart: r.dtstart,
        ...(typeof r.bound === 'number' ? { count: r.bound } : {}),
        ...(typeof r.bound === 'string' ? { until: date(Number(r.bound)) } : {}),
        exdates: r.exdateOffsets.map(date),
      };
    }),
  parseAvailabilityTemplate,
);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Small id pools, so that generated models refer to each other (templates own `prov-1`..`prov-50`).
const providerId = fc.integer({ min: 1, max: 50 }).map((n) => `prov-${n}`);
const locationId = fc.integer({ min: 1, max: 5 }).map((n) => `loc-${n}`);
const patientId = fc.integer({ min: 1, max: 999_999 }).map((n) => `pat-${n}`);
const typeId = fc.constantFrom('follow-20', 'new-40', 'echo-60');
const RESOURCE_KINDS = ['exam-room', 'procedure-room', 'echo-machine', 'ultrasound'] as const;
const resourceId = fc.integer({ min: 1, max: 30 }).map((n) => `res-${n}`);
/** One or two distinct resources (an absent list, not an empty one, means none). */
const resourceIds = fc.uniqueArray(resourceId, { minLength: 1, maxLength: 2 });

/** A local start on a 5-minute grid in office hours (07:00 to 18:55), as epoch ms and its zone. */
const localStart = (from: IsoDate, to: IsoDate) =>
  fc
    .record({
      zone: ianaZoneArbitrary,
      date: isoDateArbitrary(from, to),
      minutes: fc.integer({ min: 7 * 12, max: 19 * 12 - 1 }).map((k) => k * 5),
    })
    .map(({ zone, date, minutes }) => ({ zone, ms: wallMinutesToMs(date, minutes, zone) }));

// Generated calendars span two years.
const FIRST_DAY = '2026-01-01' as IsoDate;
const LAST_DAY = '2027-12-31' as IsoDate;
const anyDate = isoDateArbitrary(FIRST_DAY, LAST_DAY);
const anyStart = localStart(FIRST_DAY, LAST_DAY);

/** A length of 5 to 120 minutes, in ms. */
const length = fc.integer({ min: 1, max: 24 }).map((k) => k * 5 * MINUTE);

/**
 * A valid provider (after `parseProvider`): a zone with interesting DST, one to three of the
 * locations `loc-1`..`loc-5` and one or two specialties.
 *
 * @example
 * fc.assert(fc.property(providerArbitrary, (p) => p.locations.length >= 1));
 */
export const providerArbitrary: fc.Arbitrary<Provider> = parsedBy(
  fc.record({
    id: providerId,
    name: fc.constantFrom('Dr. Okafor', 'Dr. Patel', 'Dr. Lindqvist', 'Dr. García'),
    zone: ianaZoneArbitrary,
    locations: fc.uniqueArray(locationId, { minLength: 1, maxLength: 3 }),
    specialties: fc.uniqueArray(
      fc.constantFrom('family-medicine', 'cardiology', 'orthopedics', 'dermatology'),
      {
        minLength: 1,
        maxLength: 2,
      },
    ),
  }),
  parseProvider,
);

/**
 * A valid location (after the library's `LocationSchema`): one of `loc-1`..`loc-5` in a zone.
 *
 * @example
 * fc.assert(fc.property(locationArbitrary, (l) => l.id.startsWith('loc-')));
 */
export const locationArbitrary: fc.Arbitrary<Location> = parsedBy(
  fc.record({
    id: locationId,
    name: fc.constantFrom('Main Street Clinic', 'Eastside Imaging', 'Telehealth Hub'),
    zone: ianaZoneArbitrary,
  }),
  (input) => parseWith('Location', LocationSchema, input),
);

/**
 * A valid resource (after the library's `ResourceSchema`): a room or a device of a kind appointment
 * types require, at one of the locations, sometimes with a capacity above one.
 *
 * @example
 * fc.assert(fc.property(resourceArbitrary, (r) => (r.capacity ?? 1) >= 1));
 */
export const resourceArbitrary: fc.Arbitrary<Resource> = parsedBy(
  fc
    .record(
      {
        n: fc.integer({ min: 1, max: 30 }),
        kind: fc.constantFrom(...RESOURCE_KINDS),
        location: locationId,
        capacity: fc.integer({ min: 1, max: 4 }),
      },
      { requiredKeys: ['n', 'kind', 'location'] },
    )
    .map(({ n, kind, ...rest }) => ({
      id: `res-${n}`,
      name: `${kind} ${n}`,
      kind,
      category: kind.endsWith('room') ? 'room' : 'equipment',
      ...rest,
    })),
  (input) => parseWith('Resource', ResourceSchema, input),
);

const owner = fc.oneof(
  providerId.map((id) => ({ kind: 'provider', id })),
  resourceId.map((id) => ({ kind: 'resource', id })),
);

/** One or two same-day windows between 06:00 and 21:00, in order. */
const windows = fc.uniqueArray(fc.integer({ min: 24, max: 84 }), { minLength: 2, maxLength: 4 }).map(pairUp);

/**
 * A valid availability exception (after `parseAvailabilityException`): time off between two
 * instants, a holiday (clinic-wide, one location or one owner), extra hours or a one-day override
 * (sometimes an empty one: a day off), for a provider or a resource.
 *
 * @example
 * fc.assert(fc.property(availabilityExceptionArbitrary, (x) => ['time-off', 'holiday', 'extra-hours', 'override'].includes(x.kind)));
 */
export const availabilityExceptionArbitrary: fc.Arbitrary<AvailabilityException> = parsedBy(
  fc.oneof(
    fc
      .record({
        owner,
        start: anyStart,
        hours: fc.integer({ min: 1, max: 240 }),
      })
      .map(({ owner, start, hours }) => ({
        kind: 'time-off',
        owner,
        start: formatInstant(start.ms, start.zone),
        end: formatInstant(start.ms + hours * 60 * MINUTE, start.zone),
        reason: 'conference',
      })),
    fc.record(
      {
        kind: fc.constant('holiday'),
        date: anyDate,
        name: fc.constantFrom('Thanksgiving', 'Staff training day'),
        location: locationId,
        owner,
      },
      { requiredKeys: ['kind', 'date'] },
    ),
    fc.record(
      {
        kind: fc.constantFrom('extra-hours', 'override'),
        owner,
        date: anyDate,
        zone: ianaZoneArbitrary,
        windows,
        location: locationId,
        appointmentTypes: fc.uniqueArray(typeId, { minLength: 1 }),
      },
      { requiredKeys: ['kind', 'owner', 'date', 'zone', 'windows'] },
    ),
    fc.record({
      kind: fc.constant('override'),
      owner,
      date: anyDate,
      zone: ianaZoneArbitrary,
      windows: fc.constant([]),
    }),
  ),
  parseAvailabilityException,
);

/** FHIR statuses an appointment may have without start and end (FHIR app-3). */
const UNTIMED: ReadonlySet<AppointmentStatus> = new Set(['proposed', 'cancelled', 'waitlist']);

/**
 * The lifecycle events that take a new `proposed` appointment to each status, per
 * `APPOINTMENT_TRANSITIONS` (timed appointments; an untimed `cancelled` one skips `book`).
 */
const PATHS: Readonly<Record<AppointmentStatus, readonly AppointmentEvent['type'][]>> = {
  proposed: [],
  pending: ['hold'],
  waitlist: ['waitlist'],
  booked: ['book'],
  arrived: ['book', 'arrive'],
  'checked-in': ['book', 'arrive', 'check-in'],
  fulfilled: ['book', 'check-in', 'fulfil'],
  cancelled: ['book', 'cancel'],
  noshow: ['book', 'no-show'],
  'entered-in-error': ['book', 'enter-in-error'],
};

const ACTOR = 'u-front-desk';

/** The event of a path step, with what it needs (reasons, an override clearance for check-in). */
const eventOf = (type: AppointmentEvent['type']): AppointmentEvent => {
  switch (type) {
    case 'cancel':
      return { type, reason: 'patient called to cancel' };
    case 'enter-in-error':
      return { type, reason: 'booked on the wrong chart' };
    case 'check-in':
      return { type, clearance: { kind: 'override', reason: 'insurance card verified at the desk' } };
    case 'reschedule':
      throw new Error('reschedule is not on any path');
    default:
      return { type };
  }
};

/** When a path step happens: arrival before the start, no-show after it, others soon after the last step. */
const stepAt = (type: AppointmentEvent['type'], previous: number, start: number, end: number): number =>
  Math.max(
    previous + MINUTE,
    type === 'arrive'
      ? start - 15 * MINUTE
      : type === 'check-in'
        ? start - 10 * MINUTE
        : type === 'fulfil'
          ? end
          : type === 'no-show'
            ? start + 20 * MINUTE
            : 0,
  );

/**
 * A valid appointment (after `parseAppointment`) in any FHIR R4 status, with `start < end` (5 to
 * 120 minutes, a local start in office hours in a zone with interesting DST); only `proposed`,
 * `cancelled` and `waitlist` ones may lack times (FHIR app-2, app-3). It is created as `proposed`
 * and moved to its status by {@link transitionAppointment}, so its `history` is a path of the
 * lifecycle table and a cancelled one carries the cancel reason (FHIR app-4).
 *
 * @param from - first local date of the start (default 2026-01-01)
 * @param to - last local date of the start (default 2027-12-31)
 * @returns an arbitrary of appointments
 * @example
 * fc.assert(fc.property(appointmentArbitrary(), (a) => a.start === undefined || a.start < a.end!));
 */
export const appointmentArbitrary = (
  from: IsoDate = FIRST_DAY,
  to: IsoDate = LAST_DAY,
): fc.Arbitrary<Appointment> =>
  parsedBy(
    fc
      .record(
        {
          n: fc.integer({ min: 1, max: 999_999 }),
          status: fc.constantFrom(...FHIR_APPOINTMENT_STATUSES),
          timed: fc.integer({ min: 0, max: 3 }).map((k) => k > 0),
          start: localStart(from, to),
          length,
          leadDays: fc.integer({ min: 1, max: 60 }),
          type: typeId,
          patient: patientId,
          provider: providerId,
          resources: resourceIds,
          location: locationId,
          telehealth: fc.boolean(),
          seriesId: fc.integer({ min: 1, max: 99 }).map((n) => `series-${n}`),
          comment: fc.constantFrom('needs interpreter', 'bring imaging CD'),
        },
        {
          requiredKeys: [
            'n',
            'status',
            'timed',
            'start',
            'length',
            'leadDays',
            'type',
            'patient',
            'provider',
          ],
        },
      )
      .map(({ n, status, timed, start: { ms, zone }, length: len, leadDays, ...rest }) => {
        const withTimes = timed || !UNTIMED.has(status);
        const created = ms - leadDays * DAY;
        const base = parseOrThrow(
          {
            id: `apt-${n}`,
            status: 'proposed',
            ...rest,
            ...(withTimes ? { start: formatInstant(ms, zone), end: formatInstant(ms + len, zone) } : {}),
            created: formatInstant(created, zone),
            history: [{ to: 'proposed', at: formatInstant(created, zone), actor: ACTOR }],
          },
          parseAppointment,
        );
        const path = withTimes ? PATHS[status] : PATHS[status].filter((e) => e !== 'book');
        let appointment = base;
        let at = created;
        for (const type of path) {
          at = stepAt(type, at, ms, ms + len);
          const next = transitionAppointment(
            appointment,
            { ...eventOf(type), actor: ACTOR } as AppointmentEvent,
            formatInstant(at, zone),
          );
          if (next._tag === 'Left') throw new Error(`appointment path refused: ${next.left.message}`);
          appointment = next.right.appointment;
        }
        return appointment;
      }),
    parseAppointment,
  );

/**
 * A valid hold (after `parseHold`): a provider's tentative 5-to-120-minute reservation, sometimes
 * with resources, type and patient, expiring ten minutes after it was placed (before its start).
 *
 * @example
 * fc.assert(fc.property(holdArbitrary, (h) => h.expiresAt < h.start));
 */
export const holdArbitrary: fc.Arbitrary<Hold> = parsedBy(
  fc
    .record(
      {
        n: fc.integer({ min: 1, max: 999_999 }),
        provider: providerId,
        resources: resourceIds,
        type: typeId,
        patient: patientId,
        start: anyStart,
        length,
        leadMinutes: fc.integer({ min: 30, max: 14 * 24 * 60 }),
      },
      { requiredKeys: ['n', 'provider', 'start', 'length', 'leadMinutes'] },
    )
    .map(({ n, start: { ms, zone }, length: len, leadMinutes, ...rest }) => ({
      id: `hold-${n}`,
      ...rest,
      start: formatInstant(ms, zone),
      end: formatInstant(ms + len, zone),
      expiresAt: formatInstant(ms - leadMinutes * MINUTE + 10 * MINUTE, zone),
    })),
  parseHold,
);

/**
 * A valid waitlist entry (after `parseWaitlistEntry`): a patient and an appointment type, and any
 * of acceptable providers (the preferred one among them), a location, an `earliest`..`latest`
 * range (in order, after the entry was added), ISO weekdays, wall-clock windows with their zone,
 * a priority and the appointment the patient would like to move earlier.
 *
 * @example
 * fc.assert(fc.property(waitlistEntryArbitrary, (w) => w.times === undefined || w.zone !== undefined));
 */
export const waitlistEntryArbitrary: fc.Arbitrary<WaitlistEntry> = parsedBy(
  fc
    .record(
      {
        n: fc.integer({ min: 1, max: 999_999 }),
        patient: patientId,
        type: typeId,
        providers: fc.uniqueArray(providerId, { minLength: 1, maxLength: 3 }),
        preferFirst: fc.boolean(),
        location: locationId,
        range: fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 90 })),
        days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        times: windows,
        priority: fc.integer({ min: 0, max: 100 }),
        currentAppointment: fc.integer({ min: 1, max: 999_999 }).map((n) => `apt-${n}`),
      },
      { requiredKeys: ['n', 'patient', 'type'] },
    )
    .chain((r) =>
      anyStart.map(({ ms: added, zone }) => {
        const { n, providers, preferFirst, range, days, times, ...rest } = r;
        const earliest = range === undefined ? undefined : added + range[0] * DAY;
        return {
          id: `wl-${n}`,
          ...rest,
          ...(providers === undefined ? {} : { providers }),
          ...(providers !== undefined && preferFirst === true ? { preferredProvider: providers[0] } : {}),
          ...(earliest === undefined || range === undefined
            ? {}
            : {
                earliest: formatInstant(earliest, zone),
                latest: formatInstant(earliest + range[1] * DAY, zone),
              }),
          ...(days === undefined ? {} : { days: [...days].sort((a, b) => a - b) }),
          ...(times === undefined ? {} : { times }),
          ...(days === undefined && times === undefined ? {} : { zone }),
          addedAt: formatInstant(added, zone),
        };
      }),
    ),
  parseWaitlistEntry,
);
