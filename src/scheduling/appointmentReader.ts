/**
 * A fast reader for the common shape of an appointment in outside data. A calendar loaded per
 * request holds tens of thousands of appointments, and the zod schema spends several microseconds
 * on each (parse throughput ~250,000 a second); this reader checks the plain shape (ids, status,
 * type, patient, provider, resources, location, start, end, own buffers, telehealth) by hand at
 * over a million a second.
 *
 * `AppointmentSchema` stays the rule. The reader answers only for inputs it fully understands and
 * returns exactly what the schema returns for them; for anything else (another field such as
 * `history`, an unusual instant shape, a non-plain object) it answers `undefined` and the caller
 * asks the schema. It never accepts what the schema rejects: tests/scheduling/fastPaths.prop.test.ts
 * checks both against each other on generated and hostile appointments (DESIGN.md rule 13).
 */
import { FHIR_APPOINTMENT_STATUSES } from '../referrals/validity.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { Appointment } from './model.js';

const STATUSES: ReadonlySet<string> = /* @__PURE__ */ new Set(FHIR_APPOINTMENT_STATUSES);
/** The statuses that may lack start and end (FHIR app-3). */
const TIMELESS: ReadonlySet<string> = /* @__PURE__ */ new Set(['proposed', 'cancelled', 'waitlist']);

/** The id rule of `core/ids`: a string, trimmed, 1 to 128 characters. */
const ID_MAX = 128;
/** The `minutes()` rule of the model: a whole number from 0 to a year of minutes. */
const MINUTES_MAX = 525_600;

/** Reads an id the way the id schemas do (trimmed), or undefined when it is not one. */
const id = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t.length >= 1 && t.length <= ID_MAX ? t : undefined;
};

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

/**
 * Whether `s` is a valid instant of the shapes storage writes: `YYYY-MM-DDTHH:mm:ss`, optionally
 * `.s` to `.sss` (JavaScript's `toISOString` writes `.000`), then `Z` or `±hh:mm` (the schema reads
 * any other text, such as an instant without seconds).
 */
const plainInstant = (s: string): boolean => {
  const n = s.length;
  if (n < 20 || n > 29) return false;
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return false;
  const y = two(s, 0) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  // A non-digit reads as NaN, and every comparison with NaN is false.
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return false;
  if (!(two(s, 11) <= 23 && two(s, 14) <= 59 && two(s, 17) <= 59)) return false;
  // Fractional seconds: a dot and one to three digits.
  let zone = 19;
  if (s.charCodeAt(19) === 46) {
    zone = 20;
    while (zone < 23 && digit(s, zone) >= 0) zone++;
    if (zone === 20) return false;
  }
  if (n === zone + 1) return s.charCodeAt(zone) === 90;
  const sign = s.charCodeAt(zone);
  return (
    n === zone + 6 &&
    (sign === 43 || sign === 45) &&
    s.charCodeAt(zone + 3) === 58 &&
    two(s, zone + 1) <= 23 &&
    two(s, zone + 4) <= 59
  );
};

/** A plain object read field by field (the names below are those of `AppointmentSchema`). */
interface Plain {
  [key: string]: unknown;
  id?: unknown;
  status?: unknown;
  type?: unknown;
  patient?: unknown;
  provider?: unknown;
  resources?: unknown;
  location?: unknown;
  start?: unknown;
  end?: unknown;
  bufferBeforeMinutes?: unknown;
  bufferAfterMinutes?: unknown;
  telehealth?: unknown;
}

const isPlainObject = (v: unknown): v is Plain => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** What a reader answers for a present field it cannot read: "ask the schema". */
const UNREAD = Symbol('unread');

/**
 * An optional field's value `v` (read by its literal name, which keeps the property loads fast):
 * absent reads as undefined, present must pass `read`. `key` is only asked for an undefined value
 * (zod keeps a key that is present with the value undefined; this reader leaves that to it).
 */
const optional = <A>(
  a: Plain,
  v: unknown,
  key: string,
  read: (v: unknown) => A | undefined,
): A | undefined | typeof UNREAD => {
  if (v === undefined) return Object.hasOwn(a, key) ? UNREAD : undefined;
  const r = read(v);
  return r === undefined ? UNREAD : r;
};

const wholeMinutes = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MINUTES_MAX ? v : undefined;

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

const idList = (v: unknown): string[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    const r = id(x);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
};

// Checked above to be an instant of one of the two plain shapes.
const instant = (v: unknown): IsoInstant | undefined =>
  typeof v === 'string' && plainInstant(v) ? (v as IsoInstant) : undefined;

/**
 * Reads one appointment of the plain shape; `undefined` when the input is anything else, valid or
 * not (the schema decides those).
 *
 * @param input - one element of a calendar's `appointments`
 * @returns a new appointment equal to what `AppointmentSchema` returns, or undefined
 * @example
 * readPlainAppointment({ id: 'a1', status: 'booked', type: 'np40', patient: 'p1', provider: 'dr-patel', start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:40:00-05:00' });
 */
export const readPlainAppointment = (input: unknown): Appointment | undefined => {
  if (!isPlainObject(input)) return undefined;
  // Fields of the schema this reader does not check send the input to the schema.
  if (
    'seriesId' in input ||
    'rescheduledFrom' in input ||
    'rescheduledTo' in input ||
    'cancelationReason' in input ||
    'overbook' in input ||
    'created' in input ||
    'comment' in input ||
    'history' in input
  )
    return undefined;
  const status = input.status;
  if (typeof status !== 'string' || !STATUSES.has(status)) return undefined;
  const appointmentId = id(input.id);
  const type = id(input.type);
  const patient = id(input.patient);
  const provider = id(input.provider);
  if (appointmentId === undefined || type === undefined || patient === undefined || provider === undefined)
    return undefined;
  const resources = optional(input, input.resources, 'resources', idList);
  const location = optional(input, input.location, 'location', id);
  const start = optional(input, input.start, 'start', instant);
  const end = optional(input, input.end, 'end', instant);
  const before = optional(input, input.bufferBeforeMinutes, 'bufferBeforeMinutes', wholeMinutes);
  const after = optional(input, input.bufferAfterMinutes, 'bufferAfterMinutes', wholeMinutes);
  const telehealth = optional(input, input.telehealth, 'telehealth', bool);
  if (
    resources === UNREAD ||
    location === UNREAD ||
    start === UNREAD ||
    end === UNREAD ||
    before === UNREAD ||
    after === UNREAD ||
    telehealth === UNREAD
  )
    return undefined;
  // FHIR app-2 and app-3, and end after start: the schema's refinements.
  if ((start === undefined) !== (end === undefined)) return undefined;
  if (start === undefined && !TIMELESS.has(status)) return undefined;
  if (start !== undefined && end !== undefined && !(instantToMs(start) < instantToMs(end))) return undefined;
  const out: Plain = { id: appointmentId, status, type, patient, provider };
  if (resources !== undefined) out.resources = resources;
  if (location !== undefined) out.location = location;
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  if (before !== undefined) out.bufferBeforeMinutes = before;
  if (after !== undefined) out.bufferAfterMinutes = after;
  if (telehealth !== undefined) out.telehealth = telehealth;
  // Every field was checked against the rule of its schema above.
  return out as Appointment;
};

/** A calendar's appointments grouped by provider and by resource, unread. */
export interface BookingGroups {
  readonly byProvider: ReadonlyMap<string, readonly Appointment[]>;
  readonly byResource: ReadonlyMap<string, readonly Appointment[]>;
}

/**
 * Groups noted by the parser for the appointment list it returned: the parser walks every
 * appointment anyway, so a search on the parsed calendar need not walk them again. Keyed by the
 * list object, which the calendar holds and nobody changes (calendars are immutable input).
 */
const parsedGroups = new WeakMap<readonly Appointment[], BookingGroups>();

const push = (map: Map<string, Appointment[]>, key: string, a: Appointment): void => {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
};

/**
 * Groups appointments by provider and by resource (reference copies, nothing read).
 *
 * @param list - appointments
 * @returns the groups
 * @example
 * groupBookings(calendar.appointments).byProvider.get('dr-patel');
 */
export const groupBookings = (list: readonly Appointment[]): BookingGroups => {
  const known = parsedGroups.get(list);
  if (known) return known;
  const byProvider = new Map<string, Appointment[]>();
  const byResource = new Map<string, Appointment[]>();
  for (const a of list) {
    push(byProvider, a.provider, a);
    if (a.resources) for (const r of a.resources) push(byResource, r, a);
  }
  const groups = { byProvider, byResource };
  parsedGroups.set(list, groups);
  return groups;
};
