/**
 * Derived lookups over a calendar, built lazily and memoized per calendar object in a WeakMap. A
 * server loads a calendar per request and asks about a few providers, so nothing is derived for
 * the whole calendar up front: the first look at a provider's (resource's, patient's) bookings
 * groups the appointments by owner in one pass of reference copies, and only the owners a query
 * touches get their bookings read to epoch ms and sorted; availability is expanded per owner per
 * 7-day bucket. A calendar is immutable input; the memo only saves work and never changes an answer.
 */
import type { AppointmentTypeId, PatientId, ProviderId, ResourceId } from '../core/ids.js';
import { normalizeIntervals, type Interval } from '../core/interval.js';
import { ok, type Either } from '../core/result.js';
import { instantToMs } from '../core/calendar.js';
import { exceptionConcerns, expandOwnerBlocks, ownerKey, type AvailabilityBlock } from './availability.js';
import {
  BLOCKING_APPOINTMENT_STATUSES,
  BLOCKS,
  groupBookings,
  OWN_BUFFERS,
  push,
  type BookingGroups,
} from './appointmentReader.js';
import type { SchedulingError } from './errors.js';
import type {
  Appointment,
  AppointmentType,
  AvailabilityException,
  AvailabilityTemplate,
  Location,
  Provider,
  Resource,
  ScheduleOwner,
  SchedulingCalendar,
} from './model.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const BUCKET = 7 * DAY;

export { BLOCKING_APPOINTMENT_STATUSES };

/** An appointment or hold reduced to what overlap checks need; times in epoch ms. */
export interface Occupancy {
  readonly id: string;
  readonly kind: 'appointment' | 'hold';
  readonly start: number;
  readonly end: number;
  /** Own buffers of its type, ms. */
  readonly before: number;
  readonly after: number;
  readonly provider: ProviderId;
  readonly resources: readonly ResourceId[];
  readonly patient: PatientId | undefined;
  readonly type: AppointmentTypeId | undefined;
  /** Holds only: blocks while now < expiresAt. */
  readonly expiresAt: number;
}

/**
 * The blocking bookings of one owner in start order. Kept as columns (starts, and the appointments
 * in the same order): a search reads a few of them near the times it looks at, so each is turned
 * into an `Occupancy` only when first returned.
 */
export interface SortedOccupancy {
  /** Start instants, ascending, epoch ms. */
  readonly starts: Float64Array;
  /** End instants in the same order, epoch ms. */
  readonly ends: Float64Array;
  /** Position in `list` of each booking, in the same order. */
  readonly order: Int32Array;
  /** The calendar's appointments. */
  readonly list: readonly Appointment[];
  /** Occupancies read so far, by position. */
  readonly read: (Occupancy | undefined)[];
  readonly types: ReadonlyMap<string, AppointmentType>;
  /** At least the longest padded length in the list, to bound the backward search. */
  readonly maxSpan: number;
  /** At least the longest buffer before, to bound the forward search. */
  readonly maxBefore: number;
  /**
   * Whether some booking of the list may have a buffer (its own, or its type's); when false, every
   * occupancy's padded time is its own time, and start order is padded-start order.
   */
  readonly padded: boolean;
}

/** Everything derived from one calendar; the booking lists are read through the functions below. */
export interface CalendarIndex {
  readonly calendar: SchedulingCalendar;
  readonly providers: ReadonlyMap<string, Provider>;
  readonly resources: ReadonlyMap<string, Resource>;
  readonly types: ReadonlyMap<string, AppointmentType>;
  readonly locations: ReadonlyMap<string, Location>;
  readonly templates: ReadonlyMap<string, readonly AvailabilityTemplate[]>;
  readonly exceptions: ReadonlyMap<string, readonly AvailabilityException[]>;
  readonly holidays: readonly AvailabilityException[];
  readonly holds: readonly Occupancy[];
  /**
   * Positions of the appointments per patient, grouped on first use (see `ownerBookings`), and
   * the longest buffers of the calendar's types.
   */
  readonly grouped: {
    patient?: ReadonlyMap<string, readonly number[]>;
    typeBuffers?: { readonly before: number; readonly after: number };
  };
  /** Sorted occupancies per owner kind and id, read on first use. */
  readonly sorted: Record<BookingOwner, Map<string, SortedOccupancy | undefined>>;
  readonly blocks: Map<string, Map<number, AvailabilityBlock[]>>;
}

/** Who a booking list belongs to. */
export type BookingOwner = 'provider' | 'resource' | 'patient';

const memo = new WeakMap<SchedulingCalendar, CalendarIndex>();

const buffers = (type: AppointmentType | undefined): { before: number; after: number } => ({
  before: (type?.bufferBeforeMinutes ?? 0) * MINUTE,
  after: (type?.bufferAfterMinutes ?? 0) * MINUTE,
});

/** An appointment's buffers: its own where it sets them, else its type's. */
const ownBuffers = (
  a: Appointment,
  types: ReadonlyMap<string, AppointmentType>,
): { readonly before: number; readonly after: number } => {
  const type = types.get(a.type);
  return {
    before: (a.bufferBeforeMinutes ?? type?.bufferBeforeMinutes ?? 0) * MINUTE,
    after: (a.bufferAfterMinutes ?? type?.bufferAfterMinutes ?? 0) * MINUTE,
  };
};

/**
 * Reduces a blocking appointment with times to an occupancy; undefined when it does not block.
 *
 * @param a - the appointment
 * @param types - appointment types by id (for buffers)
 * @returns the occupancy or undefined
 * @example
 * appointmentOccupancy(appointment, new Map());
 */
export const appointmentOccupancy = (
  a: Appointment,
  types: ReadonlyMap<string, AppointmentType>,
): Occupancy | undefined => {
  if (!BLOCKING_APPOINTMENT_STATUSES.has(a.status) || a.start === undefined || a.end === undefined)
    return undefined;
  const start = instantToMs(a.start);
  const end = instantToMs(a.end);
  if (!(start < end)) return undefined;
  return {
    id: a.id,
    kind: 'appointment',
    start,
    end,
    ...ownBuffers(a, types),
    provider: a.provider,
    resources: a.resources ?? [],
    patient: a.patient,
    type: a.type,
    expiresAt: Number.POSITIVE_INFINITY,
  };
};

/**
 * The derived lookups of a calendar, built on first use and memoized per calendar object. Only
 * the small tables (providers, types, templates, ...) are built here; bookings are grouped and
 * read per owner when first asked for (`ownerBookings`).
 *
 * @param calendar - the calendar (treated as immutable)
 * @returns the index
 * @example
 * indexCalendar(calendar).providers.get('dr-patel');
 */
export const indexCalendar = (calendar: SchedulingCalendar): CalendarIndex => {
  const cached = memo.get(calendar);
  if (cached) return cached;
  const types = new Map(calendar.appointmentTypes.map((t) => [t.id as string, t]));
  const templates = new Map<string, AvailabilityTemplate[]>();
  for (const t of calendar.templates) push(templates, ownerKey(t.owner), t);
  const exceptions = new Map<string, AvailabilityException[]>();
  const holidays: AvailabilityException[] = [];
  for (const x of calendar.exceptions) {
    if (x.owner) push(exceptions, ownerKey(x.owner), x);
    else if (x.kind === 'holiday') holidays.push(x);
  }
  const holds: Occupancy[] = calendar.holds.map((h) => ({
    id: h.id,
    kind: 'hold',
    start: instantToMs(h.start),
    end: instantToMs(h.end),
    ...buffers(h.type === undefined ? undefined : types.get(h.type)),
    provider: h.provider,
    resources: h.resources ?? [],
    patient: h.patient,
    type: h.type,
    expiresAt: instantToMs(h.expiresAt),
  }));
  const index: CalendarIndex = {
    calendar,
    providers: new Map(calendar.providers.map((p) => [p.id as string, p])),
    resources: new Map(calendar.resources.map((r) => [r.id as string, r])),
    types,
    locations: new Map(calendar.locations.map((l) => [l.id as string, l])),
    templates,
    exceptions,
    holidays,
    holds,
    grouped: {},
    sorted: { provider: new Map(), resource: new Map(), patient: new Map() },
    blocks: new Map(),
  };
  memo.set(calendar, index);
  return index;
};

/** Positions of the calendar's appointments grouped by one kind of owner, with their times. */
const groupedBy = (
  index: CalendarIndex,
  owner: BookingOwner,
): { readonly groups: ReadonlyMap<string, readonly number[]>; readonly times: BookingGroups } => {
  const times = groupBookings(index.calendar.appointments);
  if (owner !== 'patient')
    return { groups: owner === 'provider' ? times.byProvider : times.byResource, times };
  let byPatient = index.grouped.patient;
  if (!byPatient) {
    const groups = new Map<string, number[]>();
    index.calendar.appointments.forEach((a, i) => push(groups, a.patient, i));
    byPatient = groups;
    index.grouped.patient = groups;
  }
  return { groups: byPatient, times };
};

/**
 * The blocking bookings of one provider, resource or patient, sorted by start on first use (their
 * times were read by the parser, or by `groupBookings` for a calendar built in memory); undefined
 * when there are none.
 *
 * @param index - the calendar index
 * @param owner - which kind of owner
 * @param id - the owner's id
 * @returns the sorted occupancies, or undefined
 * @example
 * ownerBookings(index, 'provider', 'dr-patel');
 */
export const ownerBookings = (
  index: CalendarIndex,
  owner: BookingOwner,
  id: string,
): SortedOccupancy | undefined => {
  const cache = index.sorted[owner];
  if (cache.has(id)) return cache.get(id);
  const { groups, times } = groupedBy(index, owner);
  const { starts, ends, flags } = times;
  const list = index.calendar.appointments;
  const { before: typeBefore, after: typeAfter } = longestTypeBuffers(index);
  const group = groups.get(id) ?? [];
  const blocking = new Int32Array(group.length);
  let m = 0;
  let maxSpan = 0;
  let maxBefore = 0;
  let padded = false;
  // Read from the columns only: the bounds need not be exact (the longest buffers of any type
  // stand for the type's), so an appointment object is opened only when it sets its own buffers.
  for (const i of group) {
    const f = flags[i] as number;
    if ((f & BLOCKS) === 0) continue;
    let before = typeBefore;
    let after = typeAfter;
    if ((f & OWN_BUFFERS) !== 0) ({ before, after } = ownBuffers(list[i] as Appointment, index.types));
    maxSpan = Math.max(maxSpan, (ends[i] as number) - (starts[i] as number) + before + after);
    maxBefore = Math.max(maxBefore, before);
    padded ||= before !== 0 || after !== 0;
    blocking[m++] = i;
  }
  const order = positionsByStart(blocking.subarray(0, m), starts);
  const n = order.length;
  const sortedStarts = new Float64Array(n);
  const sortedEnds = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    sortedStarts[k] = starts[i] as number;
    sortedEnds[k] = ends[i] as number;
  }
  const sorted: SortedOccupancy | undefined =
    n === 0
      ? undefined
      : {
          starts: sortedStarts,
          ends: sortedEnds,
          order,
          list,
          read: [],
          types: index.types,
          maxSpan,
          maxBefore,
          padded,
        };
  cache.set(id, sorted);
  return sorted;
};

/** The longest buffers before and after of the calendar's appointment types, ms (memoized). */
const longestTypeBuffers = (index: CalendarIndex): { readonly before: number; readonly after: number } => {
  if (index.grouped.typeBuffers) return index.grouped.typeBuffers;
  let before = 0;
  let after = 0;
  for (const t of index.types.values()) {
    before = Math.max(before, (t.bufferBeforeMinutes ?? 0) * MINUTE);
    after = Math.max(after, (t.bufferAfterMinutes ?? 0) * MINUTE);
  }
  index.grouped.typeBuffers = { before, after };
  return index.grouped.typeBuffers;
};

/**
 * Positions ordered by their start, ties in position order: the plain form of `positionsByStart`
 * (a comparison sort).
 *
 * @param positions - positions into `starts`
 * @param starts - start of each position, epoch ms
 * @returns the positions in (start, position) order
 * @example
 * positionsByStartPlain([0, 1, 2], Float64Array.of(30, 10, 30)); // [1, 0, 2]
 */
export const positionsByStartPlain = (positions: readonly number[], starts: Float64Array): number[] =>
  [...positions].sort((x, y) => (starts[x] as number) - (starts[y] as number) || x - y);

/**
 * Positions ordered by their start, ties in the order given (positions come ascending), with no
 * comparison function (several times faster than a sort that calls back per comparison): each
 * position as one number, `(start - first) * n + k`, sorted by the runtime's numeric sort (the
 * tie-break is in the number). Starts already in order (bookings stored by time) are not sorted
 * at all; starts that are not whole ms, or spread so far that the numbers would not be exact in a
 * double (years of bookings of one owner by the tens of thousands), take the plain sort. Agrees
 * with `positionsByStartPlain` (tests/scheduling/fastPaths.prop.test.ts).
 *
 * @param positions - positions into `starts`, ascending
 * @param starts - start of each position, epoch ms (no NaN)
 * @returns the positions in (start, position) order
 * @example
 * positionsByStart([0, 1, 2], Float64Array.of(30, 10, 30)); // Int32Array [1, 0, 2]
 */
export const positionsByStart = (positions: ArrayLike<number>, starts: Float64Array): Int32Array => {
  const n = positions.length;
  const keys = new Float64Array(n);
  let ordered = true;
  let whole = true;
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const key = starts[positions[k] as number] as number;
    keys[k] = key;
    if (k > 0 && key < (keys[k - 1] as number)) ordered = false;
    if (!Number.isInteger(key)) whole = false;
    if (key < least) least = key;
    if (key > most) most = key;
  }
  if (ordered) return Int32Array.from(positions);
  if (!whole || (most - least + 1) * n > Number.MAX_SAFE_INTEGER)
    return Int32Array.from(positionsByStartPlain(Array.from(positions), starts));
  for (let k = 0; k < n; k++) keys[k] = ((keys[k] as number) - least) * n + k;
  keys.sort();
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) out[j] = positions[(keys[j] as number) % n] as number;
  return out;
};

/**
 * Availability blocks of an owner overlapping [lo, hi), sorted by start; unclipped. Filled per
 * 7-day bucket on first use.
 *
 * @param index - the calendar index
 * @param owner - provider or resource
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @returns blocks or `Left` `scheduling.invalid-rule`
 * @example
 * ownerBlocks(index, { kind: 'provider', id: 'dr-patel' }, lo, hi);
 */
export const ownerBlocks = (
  index: CalendarIndex,
  owner: ScheduleOwner,
  lo: number,
  hi: number,
): Either<SchedulingError, readonly AvailabilityBlock[]> => {
  const key = ownerKey(owner);
  let cache = index.blocks.get(key);
  if (!cache) {
    cache = new Map();
    index.blocks.set(key, cache);
  }
  const out: AvailabilityBlock[] = [];
  // Blocks are filed by their start; one may start up to two days before it reaches lo.
  for (let b = Math.floor((lo - 3 * DAY) / BUCKET); b * BUCKET < hi; b++) {
    let blocks = cache.get(b);
    if (!blocks) {
      const own = index.exceptions.get(key) ?? [];
      const relevant = index.holidays.length === 0 ? own : [...own, ...index.holidays];
      const r = expandOwnerBlocks(
        owner,
        index.templates.get(key) ?? [],
        relevant.filter((x) => exceptionConcerns(x, owner)),
        b * BUCKET,
        (b + 1) * BUCKET,
      );
      if (r._tag === 'Left') return r;
      blocks = r.right.filter((x) => x.start >= b * BUCKET && x.start < (b + 1) * BUCKET);
      cache.set(b, blocks);
    }
    for (const x of blocks) if (x.end > lo && x.start < hi) out.push(x);
  }
  return ok(out);
};

/** The first position of a sorted list whose padded span may reach `lo` (widened by `reach`). */
const firstNear = (sorted: SortedOccupancy, lo: number, reach: number): number => {
  const { starts } = sorted;
  const from = lo - sorted.maxSpan - reach;
  let a = 0;
  let b = starts.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    if ((starts[m] as number) < from) a = m + 1;
    else b = m;
  }
  return a;
};

/**
 * Occupancies in a sorted list whose padded span reaches into [lo, hi).
 *
 * @param sorted - a sorted occupancy list (or undefined)
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @param reach - extra distance on both sides (the new appointment's buffers)
 * @returns the occupancies, in start order
 * @example
 * occupanciesNear(ownerBookings(index, 'provider', 'dr-patel'), lo, hi, 0);
 */
export const occupanciesNear = (
  sorted: SortedOccupancy | undefined,
  lo: number,
  hi: number,
  reach: number,
): Occupancy[] => {
  if (!sorted) return [];
  const { starts, maxBefore } = sorted;
  const out: Occupancy[] = [];
  // Sorted by start, not by padded start: past `hi + maxBefore` no padded start can reach back.
  for (
    let i = firstNear(sorted, lo, reach);
    i < starts.length && (starts[i] as number) - maxBefore - reach < hi;
    i++
  ) {
    const o = occupancyAt(sorted, i);
    if (o.start - o.before - reach < hi && o.end + o.after + reach > lo) out.push(o);
  }
  return out;
};

/**
 * The union of the times the bookings of a sorted list block for a new appointment with buffers
 * `before` and `after` (ms), over those whose padded time reaches into [lo, hi) widened by both:
 * `normalizeIntervals` of `blockedBy` over `occupanciesNear` less the excluded appointment, in one
 * pass over the columns (no occupancy objects where no booking has buffers, no sort). Undefined
 * when padded starts come out of start order (bookings with buffers of different lengths): the
 * caller then takes the plain way. Agrees with it (tests/scheduling/fastPaths.prop.test.ts).
 *
 * @param sorted - a sorted occupancy list (or undefined)
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @param before - the new appointment's buffer before, ms
 * @param after - the new appointment's buffer after, ms
 * @param excluded - an appointment id that does not block (being rescheduled), if any
 * @returns normalized intervals, or undefined (take the plain way)
 * @example
 * blockedUnion(ownerBookings(index, 'provider', 'dr-patel'), lo, hi, 0, 0, undefined);
 */
export const blockedUnion = (
  sorted: SortedOccupancy | undefined,
  lo: number,
  hi: number,
  before: number,
  after: number,
  excluded: string | undefined,
): Interval[] | undefined => {
  const out: Interval[] = [];
  if (!sorted) return out;
  const { starts, ends, maxBefore, padded } = sorted;
  const reach = before + after;
  let open = Number.NEGATIVE_INFINITY;
  let close = Number.NEGATIVE_INFINITY;
  for (
    let i = firstNear(sorted, lo, reach);
    i < starts.length && (starts[i] as number) - maxBefore - reach < hi;
    i++
  ) {
    let s: number;
    let e: number;
    if (padded) {
      const o = occupancyAt(sorted, i);
      if (o.id === excluded) continue;
      s = o.start - o.before;
      e = o.end + o.after;
    } else {
      if (excluded !== undefined && (sorted.list[sorted.order[i] as number] as Appointment).id === excluded)
        continue;
      s = starts[i] as number;
      e = ends[i] as number;
    }
    if (!(s - reach < hi && e + reach > lo)) continue;
    const start = s - after;
    const end = e + before;
    if (start < open) return undefined;
    if (start <= close) {
      if (end > close) close = end;
    } else {
      if (close > open) out.push({ start: open, end: close });
      open = start;
      close = end;
    }
  }
  if (close > open) out.push({ start: open, end: close });
  return out;
};

/** The occupancy at position `i` of a sorted list, read on first use. */
const occupancyAt = (sorted: SortedOccupancy, i: number): Occupancy => {
  const known = sorted.read[i];
  if (known) return known;
  // Positions hold blocking appointments with times, read to ms already: `appointmentOccupancy`
  // without reading the text again (tests/scheduling/fastPaths.prop.test.ts compares the two).
  const a = sorted.list[sorted.order[i] as number] as Appointment;
  const type = sorted.types.get(a.type);
  const o: Occupancy = {
    id: a.id,
    kind: 'appointment',
    start: sorted.starts[i] as number,
    end: sorted.ends[i] as number,
    before: (a.bufferBeforeMinutes ?? type?.bufferBeforeMinutes ?? 0) * MINUTE,
    after: (a.bufferAfterMinutes ?? type?.bufferAfterMinutes ?? 0) * MINUTE,
    provider: a.provider,
    resources: a.resources ?? [],
    patient: a.patient,
    type: a.type,
    expiresAt: Number.POSITIVE_INFINITY,
  };
  sorted.read[i] = o;
  return o;
};

/**
 * Intervals where at least `depth` of the given intervals overlap (a sweep), normalized.
 *
 * @param list - intervals, any order
 * @param depth - how many must overlap (1 = union)
 * @returns normalized intervals
 * @example
 * atDepth([{ start: 0, end: 10 }, { start: 5, end: 15 }], 2); // [{ start: 5, end: 10 }]
 */
export const atDepth = (list: readonly Interval[], depth: number): readonly Interval[] => {
  if (depth <= 1) return normalizeIntervals(list);
  const events: [number, number][] = [];
  for (const i of list) if (i.start < i.end) events.push([i.start, 1], [i.end, -1]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Interval[] = [];
  let level = 0;
  let open = 0;
  for (const [t, d] of events) {
    const was = level;
    level += d;
    if (was < depth && level >= depth) open = t;
    else if (was >= depth && level < depth && t > open) out.push({ start: open, end: t });
  }
  return normalizeIntervals(out);
};

/**
 * The interval an occupancy blocks for a new appointment with buffers `before`/`after` (ms):
 * its own buffers plus the new one's on the facing sides, so that neither buffer overlaps the
 * other appointment.
 *
 * @param o - existing appointment or hold
 * @param before - new appointment's buffer before, ms
 * @param after - new appointment's buffer after, ms
 * @returns the interval the new appointment's own time must not overlap
 * @example
 * blockedBy(occupancy, 5 * 60_000, 5 * 60_000);
 */
export const blockedBy = (o: Occupancy, before: number, after: number): Interval => ({
  start: o.start - o.before - after,
  end: o.end + o.after + before,
});
