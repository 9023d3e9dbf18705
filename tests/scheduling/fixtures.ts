// Test helpers: calendars written as plain JSON and read through the library's own parsers, so
// every fixture is also a valid input.
import type { Interval } from '../../src/core/interval.js';
import type { Either } from '../../src/core/result.js';
import { formatInstant, type IanaZone } from '../../src/core/time.js';
import { type IsoInstant } from '../../src/core/calendar.js';
import {
  parseAppointment,
  parseSchedulingCalendar,
  parseSlotQuery,
  type Appointment,
  type SchedulingCalendar,
  type SlotQuery,
} from '../../src/scheduling/index.js';

export const NY = 'America/New_York' as IanaZone;

export const unwrap = <A>(e: Either<unknown, A>): A => {
  if (e._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(e.left)}`);
  return e.right;
};

export const leftOf = <E>(e: Either<E, unknown>): E => {
  if (e._tag === 'Right') throw new Error(`expected Left, got ${JSON.stringify(e.right)}`);
  return e.left;
};

type Json = Record<string, unknown>;

/** A calendar from partial JSON; empty lists by default. */
export const calendar = (parts: Json): SchedulingCalendar =>
  unwrap(
    parseSchedulingCalendar({
      providers: [],
      locations: [],
      resources: [],
      appointmentTypes: [],
      templates: [],
      exceptions: [],
      appointments: [],
      holds: [],
      ...parts,
    }),
  );

export const query = (q: Json): SlotQuery => unwrap(parseSlotQuery(q));
export const appointment = (a: Json): Appointment => unwrap(parseAppointment(a));
export const at = (s: string): IsoInstant => s as IsoInstant;

/** A provider in New York at one location. */
export const provider = (id: string, extra: Json = {}): Json => ({
  id,
  zone: 'America/New_York',
  locations: ['loc-main'],
  specialties: ['family-medicine'],
  ...extra,
});

/** A provider template. */
export const template = (id: string, owner: string, extra: Json = {}): Json => ({
  id,
  owner: { kind: 'provider', id: owner },
  zone: 'America/New_York',
  windows: [{ start: '09:00', end: '17:00' }],
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  dtstart: '2026-01-05',
  ...extra,
});

export const booked = (id: string, prov: string, start: string, end: string, extra: Json = {}): Json => ({
  id,
  status: 'booked',
  type: 'visit-30',
  patient: `pt-${id}`,
  provider: prov,
  start,
  end,
  ...extra,
});

export const visit30: Json = { id: 'visit-30', code: 'V30', durationMinutes: 30 };

export const show = (list: readonly Interval[], zone: IanaZone): string[] =>
  list.map((i) => `${formatInstant(i.start, zone)}/${formatInstant(i.end, zone)}`);

export const utc = (list: readonly Interval[]): string[] =>
  list.map((i) => `${new Date(i.start).toISOString()}/${new Date(i.end).toISOString()}`);
