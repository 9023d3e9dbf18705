/**
 * A calendar from its JSON text. `parseSchedulingCalendar` must copy every appointment it accepts:
 * its input belongs to the caller, who may change it afterwards (DESIGN.md rule 8). The objects
 * `JSON.parse` builds belong to nobody else, so this entry point keeps each appointment that is
 * exactly what the schema would return (the plain shape, no other key, ids already trimmed)
 * instead of copying it: on a calendar of 60,000 appointments that is a quarter of the reading
 * time, most of it garbage collection, saved.
 *
 * The answer is the plain path's (`JSON.parse`, then `parseSchedulingCalendar`): the same calendar
 * for valid text, the same `Left` for an invalid calendar, and one `Left` for text that is not
 * JSON (tests/scheduling/calendarJson.prop.test.ts holds the two together).
 */
import { err, type Either } from '../core/result.js';
import type { ValidationError } from '../core/errors.js';
import {
  id,
  instantInto,
  msOf,
  newGroups,
  noteBooking,
  noteParsedGroups,
  readPlain,
  STATUSES,
  TIMELESS,
  wholeMinutes,
} from './appointmentReader.js';
import {
  parseCalendarReading,
  parseSchedulingCalendar,
  type Appointment,
  type SchedulingCalendar,
} from './model.js';

/** What the text holds when it is not JSON. */
const NOT_JSON = Symbol('not JSON');

/**
 * The `Left` of text that is not JSON. It names no part of the text: `JSON.parse`'s own message
 * quotes the text around the fault, which may be patient data (DESIGN.md rule 3).
 */
const notJson = (): ValidationError => ({
  code: 'validation.failed',
  model: 'SchedulingCalendar',
  message: 'SchedulingCalendar is invalid: (root): must be JSON text',
  issues: [{ path: '(root)', rule: 'invalid_json', message: '(root): must be JSON text' }],
});

/**
 * The value of JSON text, or `NOT_JSON` (also for a value that is not a string).
 *
 * @param text - the text
 * @returns the value `JSON.parse` returns, or `NOT_JSON`
 */
const jsonValue = (text: unknown): unknown => {
  if (typeof text !== 'string') return NOT_JSON;
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
};

/** An id field as the schema returns it unchanged: a string, trimmed, 1 to 128 characters. */
const isId = (v: unknown): boolean => typeof v === 'string' && id(v) === v;

/** A list of ids the schema returns unchanged. */
const isIdList = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!isId(x)) return false;
  return true;
};

/**
 * Whether `a`, an object `JSON.parse` built, is an appointment exactly as the schema returns it
 * (nothing to trim, no key the schema would drop or that `readPlain` leaves to the schema), its
 * start and end ms then written to `starts[at]` and `ends[at]`. The same rules as `readPlain`,
 * without the copy. The key count is that of `for...in`, which also counts inherited enumerable
 * keys: the caller checks that `Object.prototype` has none.
 */
const keepable = (a: unknown, starts: Float64Array, ends: Float64Array, at: number): a is Appointment => {
  if (typeof a !== 'object' || a === null || Object.getPrototypeOf(a) !== Object.prototype) return false;
  const x = a as Partial<Record<keyof Appointment, unknown>>;
  const status = x.status;
  if (!(typeof status === 'string' && STATUSES.has(status))) return false;
  if (!(isId(x.id) && isId(x.type) && isId(x.patient) && isId(x.provider))) return false;
  // The keys the schema reads and this reader checked: the five above, then each optional one present.
  let known = 5;
  if (x.resources !== undefined) {
    if (!isIdList(x.resources)) return false;
    known++;
  }
  if (x.location !== undefined) {
    if (!isId(x.location)) return false;
    known++;
  }
  const start = x.start;
  const end = x.end;
  if (start === undefined && end === undefined) {
    // FHIR app-3: only these statuses may lack times.
    if (!TIMELESS.has(status)) return false;
    starts[at] = Number.NaN;
    ends[at] = Number.NaN;
  } else {
    if (!(typeof start === 'string' && typeof end === 'string')) return false;
    if (!(instantInto(start, starts, at) && instantInto(end, ends, at))) return false;
    if (!((starts[at] as number) < (ends[at] as number))) return false;
    known += 2;
  }
  if (x.bufferBeforeMinutes !== undefined) {
    if (wholeMinutes(x.bufferBeforeMinutes) === undefined) return false;
    known++;
  }
  if (x.bufferAfterMinutes !== undefined) {
    if (wholeMinutes(x.bufferAfterMinutes) === undefined) return false;
    known++;
  }
  if (x.telehealth !== undefined) {
    if (typeof x.telehealth !== 'boolean') return false;
    known++;
  }
  let keys = 0;
  // Counting keys without building a key array.
  for (const _ in a) keys++;
  return keys === known;
};

/** Whether `for...in` over a plain object sees its own keys only (nothing enumerable was added to `Object.prototype`). */
const prototypeClean = (): boolean => {
  for (const _ in {}) return false;
  return true;
};

/**
 * Reads the appointment list `JSON.parse` built, in place: each appointment is kept when it is
 * exactly what the schema returns, else read by `readPlain` or the schema (`fallback`) into a new
 * object put in its place. The list is changed only once every appointment has been read; the
 * groups and times are noted for `groupBookings`, as `readAppointmentList` does.
 *
 * @param list - an appointment array that nobody else holds
 * @param fallback - the schema's reading of one appointment (undefined when invalid)
 * @returns the same list, or undefined when an appointment is invalid
 * @example
 * keepAppointmentList(JSON.parse('[]'), (a) => AppointmentSchema.safeParse(a).data);
 */
export const keepAppointmentList = (
  list: unknown[],
  fallback: (input: unknown) => Appointment | undefined,
): Appointment[] | undefined => {
  const n = list.length;
  const groups = newGroups(n);
  const { starts, ends } = groups;
  const keep = prototypeClean();
  const copies: [number, Appointment][] = [];
  for (let i = 0; i < n; i++) {
    const input = list[i];
    let a: Appointment | undefined;
    if (keep && keepable(input, starts, ends, i)) a = input;
    else {
      a = readPlain(input, starts, ends, i);
      if (a === undefined) {
        a = fallback(input);
        if (a === undefined) return undefined;
        starts[i] = msOf(a.start);
        ends[i] = msOf(a.end);
      }
      copies.push([i, a]);
    }
    noteBooking(groups, a, i);
  }
  for (const [i, a] of copies) list[i] = a;
  const out = list as Appointment[];
  noteParsedGroups(out, groups);
  return out;
};

/**
 * A calendar from a value `JSON.parse` built and nobody else holds: `parseSchedulingCalendar`'s
 * answer, with the appointments kept in place where they need no copy.
 *
 * @param value - a value fresh from `JSON.parse`
 * @returns `Right(calendar)` or the `Left` of `parseSchedulingCalendar`
 * @example
 * keepSchedulingCalendar(JSON.parse('{"providers":[],"locations":[],"resources":[],"appointmentTypes":[],"templates":[],"exceptions":[],"appointments":[],"holds":[]}'));
 */
export const keepSchedulingCalendar = (value: unknown): Either<ValidationError, SchedulingCalendar> =>
  parseCalendarReading(value, keepAppointmentList);

/**
 * Parses a whole scheduling calendar from its JSON text.
 *
 * The same answer as `JSON.parse` followed by `parseSchedulingCalendar`, faster on large calendars:
 * the objects `JSON.parse` builds belong to nobody else, so each appointment that is exactly what
 * the schema returns (the common plain shape with nothing to trim and no other key) is kept as
 * parsed instead of being copied; any other appointment is copied as `parseSchedulingCalendar`
 * copies it, and every other part of the calendar goes through the schema. The calendar's objects
 * are its own: nothing of them is shared with the caller. Instants and times are read as by
 * `parseSchedulingCalendar`.
 *
 * @param text - JSON text of a calendar, such as a stored one
 * @returns `Right(calendar)`, or `Left` `validation.failed`: rule `invalid_json` at `(root)` for text
 *   that is not JSON (the message quotes none of it), else every issue of the calendar with its path
 *   (the `Left` of `parseSchedulingCalendar`)
 * @example
 * parseSchedulingCalendarJson('{"providers":[],"locations":[],"resources":[],"appointmentTypes":[],"templates":[],"exceptions":[],"appointments":[],"holds":[]}');
 */
export const parseSchedulingCalendarJson = (text: string): Either<ValidationError, SchedulingCalendar> => {
  const value = jsonValue(text);
  return value === NOT_JSON ? err(notJson()) : keepSchedulingCalendar(value);
};

/**
 * The plain reading of JSON text that `parseSchedulingCalendarJson` agrees with: `JSON.parse`,
 * then `parseSchedulingCalendar` (which copies every appointment).
 *
 * @param text - JSON text of a calendar
 * @returns the answer of `parseSchedulingCalendarJson`
 * @example
 * parseSchedulingCalendarJsonPlain('{}');
 */
export const parseSchedulingCalendarJsonPlain = (
  text: string,
): Either<ValidationError, SchedulingCalendar> => {
  const value = jsonValue(text);
  return value === NOT_JSON ? err(notJson()) : parseSchedulingCalendar(value);
};
