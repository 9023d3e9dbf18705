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
import { civilDay } from '../internal/civil.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { Appointment, AppointmentStatus } from './model.js';

/** The FHIR appointment statuses, as the schema accepts them. */
export const STATUSES: ReadonlySet<string> = /* @__PURE__ */ new Set(FHIR_APPOINTMENT_STATUSES);

/**
 * Appointment statuses that occupy time (FHIR R4): a pending appointment is a tentative booking
 * and blocks like a hold; proposed, waitlist, cancelled and entered-in-error do not block.
 */
export const BLOCKING_APPOINTMENT_STATUSES: ReadonlySet<AppointmentStatus> = /* @__PURE__ */ new Set([
  'pending',
  'booked',
  'arrived',
  'checked-in',
  'fulfilled',
  'noshow',
]);
/** The statuses that may lack start and end (FHIR app-3). */
export const TIMELESS: ReadonlySet<string> = /* @__PURE__ */ new Set(['proposed', 'cancelled', 'waitlist']);

/** The id rule of `core/ids`: a string, trimmed, 1 to 128 characters. */
const ID_MAX = 128;
/** The `minutes()` rule of the model: a whole number from 0 to a year of minutes. */
const MINUTES_MAX = 525_600;

/**
 * Reads an id the way the id schemas do (trimmed), or undefined when it is not one.
 *
 * @param v - a field's value
 * @returns the id, trimmed, or undefined
 * @example
 * id(' dr-patel '); // 'dr-patel'
 */
export const id = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const n = v.length;
  // Printable ASCII at both ends (no white space there to trim): the string as it is.
  if (n >= 1 && n <= ID_MAX && printable(v.charCodeAt(0)) && printable(v.charCodeAt(n - 1))) return v;
  const t = v.trim();
  return t.length >= 1 && t.length <= ID_MAX ? t : undefined;
};

/** Whether a character code is printable ASCII other than the space (nothing `trim` removes). */
const printable = (c: number): boolean => c > 32 && c < 127;

/** Two digits at `i` as a number, or NaN (small enough to be inlined at every call). */
const two = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
};

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Character codes of the instant's separators. */
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const LETTER_T = 84;
const LETTER_Z = 90;
const DOT = 46;
/** `YYYY-MM-DDTHH:mm:ssZ` is the shortest plain instant, `...ss.sss+hh:mm` the longest. */
const SHORTEST_INSTANT = 20;
const LONGEST_INSTANT = 29;
/** Where the text after the seconds starts, and how many fraction digits the reader takes. */
const AFTER_SECONDS = 19;
const MOST_FRACTION_DIGITS = 3;

/** The date (`(year * 100 + month) * 100 + day`) `instantInto` read last, and its day number. */
let lastDate = Number.NaN;
let lastDay = 0;

/**
 * Whether `s` is a valid instant of the shapes storage writes, its epoch ms then written to
 * `column[at]`: `YYYY-MM-DDTHH:mm:ss`, optionally `.s` to `.sss` (JavaScript's `toISOString` writes `.000`), then
 * `Z` or `±hh:mm` (the schema reads any other text, such as an instant without seconds). Checked
 * and read in one pass; for every text it accepts the value is `instantToMs`'s
 * (tests/scheduling/fastPaths.prop.test.ts).
 *
 * @param s - the text
 * @param column - where the ms go
 * @param at - the position in `column`
 * @returns true when the text is a valid instant of a plain shape (and the ms were written)
 * @example
 * instantInto('2026-11-24T09:00:00-05:00', new Float64Array(1), 0); // true
 */
export const instantInto = (s: string, column: Float64Array, at: number): boolean => {
  const n = s.length;
  if (n < SHORTEST_INSTANT || n > LONGEST_INSTANT) return false;
  if (
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== LETTER_T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON
  )
    return false;
  const y = two(s, 0) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  // A non-digit reads as NaN, and every comparison with NaN is false.
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return false;
  if (!(h <= 23 && mi <= 59 && sec <= 59)) return false;
  // Fractional seconds: a dot and one to three digits, read as milliseconds.
  let zone = AFTER_SECONDS;
  let ms = 0;
  if (s.charCodeAt(AFTER_SECONDS) === DOT) {
    zone = AFTER_SECONDS + 1;
    for (let scale = 100; zone <= AFTER_SECONDS + MOST_FRACTION_DIGITS; zone++, scale /= 10) {
      const f = s.charCodeAt(zone) - 48;
      if (!(f >= 0 && f <= 9)) break;
      ms += f * scale;
    }
    if (zone === AFTER_SECONDS + 1) return false;
  }
  // A start and its end mostly share their date: the day number of the last date read is kept.
  const date = (y * 100 + mo) * 100 + d;
  if (date !== lastDate) {
    lastDay = civilDay(y, mo, d);
    lastDate = date;
  }
  const utc = lastDay * DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  if (n === zone + 1) {
    column[at] = utc;
    return s.charCodeAt(zone) === LETTER_Z;
  }
  const sign = s.charCodeAt(zone);
  const oh = two(s, zone + 1);
  const om = two(s, zone + 4);
  if (!(n === zone + 6 && (sign === PLUS || sign === DASH) && s.charCodeAt(zone + 3) === COLON)) return false;
  if (!(oh <= 23 && om <= 59)) return false;
  const offset = (oh * 60 + om) * MINUTE;
  column[at] = sign === DASH ? utc + offset : utc - offset;
  return true;
};

const SCRATCH = new Float64Array(1);

/**
 * The epoch ms of `s` when it is a valid instant of the shapes storage writes, else NaN (see
 * `instantInto`, which the reader uses: it writes the ms into a column, so that no number is boxed
 * per instant read).
 *
 * @param s - the text
 * @returns epoch ms, or NaN when the text is not a valid instant of a plain shape
 * @example
 * plainInstantMs('2026-11-24T09:00:00-05:00'); // 1795528800000
 */
export const plainInstantMs = (s: string): number =>
  instantInto(s, SCRATCH, 0) ? (SCRATCH[0] as number) : Number.NaN;

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

/**
 * Whether a value is an object of the plain kind outside data holds (not an array; its prototype
 * `Object.prototype` or null).
 *
 * @param v - any value
 * @returns true for a plain object
 * @example
 * isPlainObject({}); // true
 */
export const isPlainObject = (v: unknown): v is Plain => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** What a reader answers for a present field it cannot read: "ask the schema". */
const UNREAD = Symbol('unread');

/**
 * An optional field's value `v` (read by its literal name, which keeps the property loads fast):
 * absent reads as undefined, present must pass `read`. `has` says whether the key is in the
 * object (`key in a`, with the literal key at the call: zod keeps a key that is present with the
 * value undefined, and this reader leaves that to it; a key inherited from a changed
 * `Object.prototype` also goes to the schema).
 */
const optional = <A>(
  v: unknown,
  has: boolean,
  read: (v: unknown) => A | undefined,
): A | undefined | typeof UNREAD => {
  if (v === undefined) return has ? UNREAD : undefined;
  const r = read(v);
  return r === undefined ? UNREAD : r;
};

/**
 * A minutes field as the model's `minutes()` rule reads it: a whole number from 0 to a year.
 *
 * @param v - a field's value
 * @returns the minutes, or undefined when the value breaks the rule
 * @example
 * wholeMinutes(15); // 15
 */
export const wholeMinutes = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MINUTES_MAX ? v : undefined;

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

const idList = (v: unknown): string[] | undefined => {
  if (!Array.isArray(v)) return undefined;
  // Ids are mostly stored trimmed already: then a copy of the exact size is all the schema's is.
  let trimmed = true;
  for (const x of v) {
    const r = id(x);
    if (r === undefined) return undefined;
    trimmed &&= r === x;
  }
  return trimmed ? (v.slice() as string[]) : v.map((x: string) => x.trim());
};

/**
 * An instant field into `column[at]`: true when absent (NaN written) or a plain instant, false
 * when present and unread.
 */
const instantField = (a: Plain, v: unknown, key: string, column: Float64Array, at: number): boolean => {
  if (v === undefined) {
    column[at] = Number.NaN;
    return !Object.hasOwn(a, key);
  }
  return typeof v === 'string' && instantInto(v, column, at);
};

/**
 * Reads one appointment of the plain shape into a new object, its start and end ms into
 * `starts[at]` and `ends[at]` (NaN when absent), or undefined (see `readPlainAppointment`).
 *
 * @param input - one element of a calendar's `appointments`
 * @param starts - the start column
 * @param ends - the end column
 * @param at - the appointment's position in the columns
 * @returns a new appointment equal to what `AppointmentSchema` returns, or undefined
 * @example
 * readPlain({ id: 'a1', status: 'booked', type: 'np40', patient: 'p1', provider: 'dr-patel' }, new Float64Array(1), new Float64Array(1), 0); // undefined: a booked visit needs times
 */
export const readPlain = (
  input: unknown,
  starts: Float64Array,
  ends: Float64Array,
  at: number,
): Appointment | undefined => {
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
  const resources = optional(input.resources, 'resources' in input, idList);
  const location = optional(input.location, 'location' in input, id);
  const startText = input.start;
  const endText = input.end;
  if (!instantField(input, startText, 'start', starts, at) || !instantField(input, endText, 'end', ends, at))
    return undefined;
  const hasStart = startText !== undefined;
  const before = optional(input.bufferBeforeMinutes, 'bufferBeforeMinutes' in input, wholeMinutes);
  const after = optional(input.bufferAfterMinutes, 'bufferAfterMinutes' in input, wholeMinutes);
  const telehealth = optional(input.telehealth, 'telehealth' in input, bool);
  if (
    resources === UNREAD ||
    location === UNREAD ||
    before === UNREAD ||
    after === UNREAD ||
    telehealth === UNREAD
  )
    return undefined;
  // FHIR app-2 and app-3, and end after start: the schema's refinements.
  if (hasStart !== (endText !== undefined)) return undefined;
  if (!hasStart && !TIMELESS.has(status)) return undefined;
  if (hasStart && !((starts[at] as number) < (ends[at] as number))) return undefined;
  // The common shapes are built whole (one object, every field in it; adding fields one by one
  // allocates a second store for them): every field was checked against its schema's rule above.
  if (
    hasStart &&
    location === undefined &&
    before === undefined &&
    after === undefined &&
    telehealth === undefined
  )
    return (
      resources === undefined
        ? { id: appointmentId, status, type, patient, provider, start: startText, end: endText }
        : { id: appointmentId, status, type, patient, provider, resources, start: startText, end: endText }
    ) as Appointment;
  const out: Plain = { id: appointmentId, status, type, patient, provider };
  if (resources !== undefined) out.resources = resources;
  if (location !== undefined) out.location = location;
  // Checked above: both present or both absent.
  if (hasStart) {
    out.start = startText;
    out.end = endText;
  }
  if (before !== undefined) out.bufferBeforeMinutes = before;
  if (after !== undefined) out.bufferAfterMinutes = after;
  if (telehealth !== undefined) out.telehealth = telehealth;
  // Every field was checked against the rule of its schema above.
  return out as Appointment;
};

/**
 * Reads one appointment of the plain shape; `undefined` when the input is anything else, valid or
 * not (the schema decides those).
 *
 * @param input - one element of a calendar's `appointments`
 * @returns a new appointment equal to what `AppointmentSchema` returns, or undefined
 * @example
 * readPlainAppointment({ id: 'a1', status: 'booked', type: 'np40', patient: 'p1', provider: 'dr-patel', start: '2026-11-24T09:00:00-05:00', end: '2026-11-24T09:40:00-05:00' });
 */
export const readPlainAppointment = (input: unknown): Appointment | undefined =>
  readPlain(input, SCRATCH_START, SCRATCH_END, 0);

/** Where `readPlainAppointment` lets the reader write the times it does not keep. */
const SCRATCH_START = new Float64Array(1);
const SCRATCH_END = new Float64Array(1);

/** Flag of an appointment that blocks its time: a blocking status, and a start before its end. */
export const BLOCKS = 1;
/** Flag of an appointment that sets a buffer of its own (else its type's apply). */
export const OWN_BUFFERS = 2;

/**
 * A calendar's appointments grouped by provider and by resource, as positions in the list, with
 * the start and end of every appointment in epoch ms (NaN where it has none) and its flags
 * (`BLOCKS`, `OWN_BUFFERS`): what a search needs to find an owner's bookings without reading the
 * appointments again.
 */
export interface BookingGroups {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly flags: Uint8Array;
  readonly byProvider: ReadonlyMap<string, readonly number[]>;
  readonly byResource: ReadonlyMap<string, readonly number[]>;
}

/**
 * Groups noted by the parser for the appointment list it returned: the parser walks every
 * appointment anyway, so a search on the parsed calendar need not walk them again. Keyed by the
 * list object, which the calendar holds and nobody changes (calendars are immutable input).
 */
const parsedGroups = new WeakMap<readonly Appointment[], BookingGroups>();

/** Booking groups while they are being filled, for `n` appointments. */
export interface FillingGroups extends BookingGroups {
  readonly byProvider: Map<string, number[]>;
  readonly byResource: Map<string, number[]>;
}

/**
 * Empty booking groups for `n` appointments.
 *
 * @param n - how many appointments
 * @returns groups to fill with `noteBooking`
 * @example
 * newGroups(3).starts.length; // 3
 */
export const newGroups = (n: number): FillingGroups => ({
  starts: new Float64Array(n),
  ends: new Float64Array(n),
  flags: new Uint8Array(n),
  byProvider: new Map(),
  byResource: new Map(),
});

/**
 * Notes appointment `a` at position `i` (its start and end already in the columns) in its groups.
 *
 * @param groups - the groups being filled
 * @param a - the appointment
 * @param i - its position in the list
 * @example
 * noteBooking(groups, appointment, 0);
 */
export const noteBooking = (groups: FillingGroups, a: Appointment, i: number): void => {
  groups.flags[i] = flagsOf(a, groups.starts[i] as number, groups.ends[i] as number);
  push(groups.byProvider, a.provider, i);
  if (a.resources) for (const r of a.resources) push(groups.byResource, r, i);
};

/**
 * Appends `value` to the list of `key`, starting the list when it is the key's first.
 *
 * @param map - lists by key
 * @param key - the key
 * @param value - the value to append
 * @example
 * push(new Map<string, number[]>(), 'dr-patel', 0);
 */
export const push = <V>(map: Map<string, V[]>, key: string, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * An instant's epoch ms, or NaN when absent.
 *
 * @param instant - an instant, or undefined
 * @returns epoch ms or NaN
 * @example
 * msOf(undefined); // NaN
 */
export const msOf = (instant: IsoInstant | undefined): number =>
  instant === undefined ? Number.NaN : instantToMs(instant);

/** The flags of an appointment whose times (ms, NaN when absent) are known. */
const flagsOf = (a: Appointment, start: number, end: number): number =>
  (BLOCKING_APPOINTMENT_STATUSES.has(a.status) && start < end ? BLOCKS : 0) |
  (a.bufferBeforeMinutes === undefined && a.bufferAfterMinutes === undefined ? 0 : OWN_BUFFERS);

/**
 * Reads a calendar's appointment list: each appointment by the plain-shape reader, or else by
 * `fallback` (the schema); undefined as soon as one is invalid. The groups and times of the list
 * it returns are noted for `groupBookings`.
 *
 * @param list - the `appointments` of outside data
 * @param fallback - the schema's reading of one appointment (undefined when invalid)
 * @returns new appointments, or undefined when one is invalid
 * @example
 * readAppointmentList([], (a) => AppointmentSchema.safeParse(a).data);
 */
export const readAppointmentList = (
  list: readonly unknown[],
  fallback: (input: unknown) => Appointment | undefined,
): Appointment[] | undefined => {
  const n = list.length;
  const out: Appointment[] = [];
  const groups = newGroups(n);
  const { starts, ends } = groups;
  for (let i = 0; i < n; i++) {
    let a = readPlain(list[i], starts, ends, i);
    if (a === undefined) {
      a = fallback(list[i]);
      if (a === undefined) return undefined;
      starts[i] = msOf(a.start);
      ends[i] = msOf(a.end);
    }
    out.push(a);
    noteBooking(groups, a, i);
  }
  parsedGroups.set(out, groups);
  return out;
};

/**
 * Notes the groups of an appointment list a parser returned, for `groupBookings`.
 *
 * @param list - the parsed list (nobody changes it afterwards)
 * @param groups - its groups, filled
 * @example
 * noteParsedGroups(list, groups);
 */
export const noteParsedGroups = (list: readonly Appointment[], groups: BookingGroups): void => {
  parsedGroups.set(list, groups);
};

/**
 * Groups appointments by provider and by resource (positions), with their times in epoch ms; the
 * parser's groups for a list it returned, else worked out here (a calendar built in memory).
 *
 * @param list - appointments
 * @returns the groups
 * @example
 * groupBookings(calendar.appointments).byProvider.get('dr-patel');
 */
export const groupBookings = (list: readonly Appointment[]): BookingGroups => {
  const known = parsedGroups.get(list);
  if (known) return known;
  const groups = newGroups(list.length);
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Appointment;
    groups.starts[i] = msOf(a.start);
    groups.ends[i] = msOf(a.end);
    noteBooking(groups, a, i);
  }
  parsedGroups.set(list, groups);
  return groups;
};
