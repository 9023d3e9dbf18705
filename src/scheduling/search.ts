/**
 * What a slot search and a booking check share: the resolved appointment type, the eligible
 * providers, the clock rules (notice, horizon) and the busy time of providers, resources and the
 * patient, all as epoch-ms interval lists.
 */
import type { AppointmentId, PatientId, ProviderId, ResourceId } from '../core/ids.js';
import { normalizeIntervals, subtractIntervals, unionIntervals, type Interval } from '../core/interval.js';
import { err, ok, type Either } from '../core/result.js';
import { type IanaZone } from '../core/time.js';
import { dateToDayNumber, dayNumberWeekday, instantToMs, type IsoInstant } from '../core/calendar.js';
import {
  atDepth,
  blockedBy,
  blockedUnion,
  indexCalendar,
  occupanciesNear,
  ownerBookings,
  ownerBlocks,
  type CalendarIndex,
  type Occupancy,
} from './calendarIndex.js';
import { invalidInput, unknownReference, type SchedulingError } from './errors.js';
import {
  localDay,
  ownerKey,
  providerOwner,
  wallDayMinutesToMs,
  type AvailabilityBlock,
} from './availability.js';
import type { AppointmentType, Provider, Resource, SchedulingCalendar, WorkWeek } from './model.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A resolved search or check: everything in epoch ms. */
export interface SearchContext {
  readonly index: CalendarIndex;
  readonly type: AppointmentType;
  readonly duration: number;
  readonly before: number;
  readonly after: number;
  readonly step: number;
  readonly now: number;
  /** Earliest allowed start (now + notice). */
  readonly earliest: number;
  readonly excluded: AppointmentId | undefined;
  readonly patient: PatientId | undefined;
  /** Horizon ends found so far, per provider (a search asks once per window). */
  readonly horizons: Map<ProviderId, number>;
}

/**
 * Resolves the type and the clock rules of a search or check.
 *
 * @param calendar - the calendar
 * @param typeId - the appointment type id
 * @param now - the current instant
 * @param excluded - appointment that must not block (being rescheduled or validated)
 * @param patient - the patient, whose own appointments block
 * @returns the context or `Left` `scheduling.unknown-type`
 * @example
 * searchContext(calendar, 'np40', '2026-11-23T14:00:00Z', undefined, undefined);
 */
export const searchContext = (
  calendar: SchedulingCalendar,
  typeId: string,
  now: IsoInstant,
  excluded: AppointmentId | undefined,
  patient: PatientId | undefined,
): Either<SchedulingError, SearchContext> => {
  const index = indexCalendar(calendar);
  const type = index.types.get(typeId);
  if (!type) return err(unknownReference('scheduling.unknown-type', typeId));
  const before = (type.bufferBeforeMinutes ?? 0) * MINUTE;
  const after = (type.bufferAfterMinutes ?? 0) * MINUTE;
  const duration = type.durationMinutes * MINUTE;
  const nowMs = instantToMs(now);
  return ok({
    index,
    type,
    duration,
    before,
    after,
    step: type.stepMinutes === undefined ? duration + before + after : type.stepMinutes * MINUTE,
    now: nowMs,
    earliest: nowMs + (type.minimumNoticeMinutes ?? 0) * MINUTE,
    excluded,
    patient,
    horizons: new Map(),
  });
};

/**
 * Whether a provider may see an appointment type (eligible providers and specialties).
 *
 * @param type - the appointment type
 * @param p - the provider
 * @returns true when eligible
 * @example
 * providerEligible(type, provider);
 */
export const providerEligible = (type: AppointmentType, p: Provider): boolean =>
  (type.eligibleProviders === undefined || type.eligibleProviders.includes(p.id)) &&
  (type.eligibleSpecialties === undefined || type.eligibleSpecialties.some((s) => p.specialties.includes(s)));

/**
 * End of the booking horizon for a provider: the end of the `bookingHorizonDays`-th day after
 * today in the provider's zone (today = the local date of `now`), counting every calendar day,
 * business days (days of the provider's work week, else its location's, else Monday to Friday,
 * not closed by a holiday of the provider or of everyone; a
 * holiday of one location does not count, the provider may work elsewhere) or bookable days
 * (dates with availability that admits the type, looked for up to ten years ahead); or +infinity.
 *
 * @param ctx - the search context
 * @param p - the provider
 * @returns epoch ms (exclusive bound for a start), or `Left` `scheduling.invalid-rule` from a
 *   template read while counting bookable days
 * @example
 * horizonEnd(ctx, provider); // Right(end of today + N in the provider's zone)
 */
export const horizonEnd = (ctx: SearchContext, p: Provider): Either<SchedulingError, number> => {
  const days = ctx.type.bookingHorizonDays;
  if (days === undefined) return ok(Number.POSITIVE_INFINITY);
  const known = ctx.horizons.get(p.id);
  if (known !== undefined) return ok(known);
  const today = localDay(ctx.now, p.zone);
  const unit = ctx.type.bookingHorizonUnit ?? 'calendar-days';
  const last =
    unit === 'calendar-days'
      ? ok(today + days)
      : unit === 'business-days'
        ? ok(nthBusinessDay(ctx, p, today, days))
        : nthBookableDay(ctx, p, today, days);
  if (last._tag === 'Left') return last;
  const end = wallDayMinutesToMs(last.right + 1, 0, p.zone);
  ctx.horizons.set(p.id, end);
  return ok(end);
};

/** Monday to Friday: the work week of a provider and location that name none. */
const MONDAY_TO_FRIDAY: WorkWeek = [1, 2, 3, 4, 5];

/**
 * The ISO weekdays that are business days for a provider: its own `workWeek`, else that of its
 * first location naming one, else Monday to Friday.
 *
 * @param ctx - the search context
 * @param p - the provider
 * @returns ISO weekdays (1 = Monday)
 * @example
 * workWeekOf(ctx, provider); // [1, 2, 3, 4, 5]
 */
export const workWeekOf = (ctx: SearchContext, p: Provider): WorkWeek => {
  if (p.workWeek) return p.workWeek;
  for (const id of p.locations) {
    const week = ctx.index.locations.get(id)?.workWeek;
    if (week) return week;
  }
  return MONDAY_TO_FRIDAY;
};

const nthBusinessDay = (ctx: SearchContext, p: Provider, today: number, n: number): number => {
  const workWeek = workWeekOf(ctx, p);
  const closed = new Set<number>();
  const own = ctx.index.exceptions.get(ownerKey(providerOwner(p.id))) ?? [];
  for (const x of [...ctx.index.holidays, ...own])
    if (x.kind === 'holiday' && x.location === undefined) closed.add(dateToDayNumber(x.date));
  let day = today;
  for (let counted = 0; counted < n;) {
    day++;
    if (workWeek.includes(dayNumberWeekday(day)) && !closed.has(day)) counted++;
  }
  return day;
};

const nthBookableDay = (
  ctx: SearchContext,
  p: Provider,
  today: number,
  n: number,
): Either<SchedulingError, number> => {
  const seen = new Set<number>();
  // Chunks of four weeks, up to ten years: a template-less provider has no bookable day.
  for (let from = today + 1; from <= today + 3660; from += 28) {
    const lo = wallDayMinutesToMs(from, 0, p.zone);
    const blocks = ownerBlocks(ctx.index, providerOwner(p.id), lo, wallDayMinutesToMs(from + 28, 0, p.zone));
    if (blocks._tag === 'Left') return blocks;
    const days = new Set<number>();
    for (const b of blocks.right)
      if (b.start >= lo && blockAdmits(ctx, b, p, undefined)) days.add(localDay(b.start, p.zone));
    for (const d of [...days].sort((a, b) => a - b)) {
      if (d >= from + 28 || seen.has(d)) continue;
      seen.add(d);
      if (seen.size === n) return ok(d);
    }
  }
  return ok(today + 3660);
};

const dayInterval = (day: number, days: number, zone: IanaZone): Interval => ({
  start: wallDayMinutesToMs(day, 0, zone),
  end: wallDayMinutesToMs(day + days, 0, zone),
});

/**
 * First day (day number) of the week holding `day`, weeks starting on ISO weekday `weekStart`.
 *
 * @param day - a day number (days since 1970-01-01)
 * @param weekStart - ISO weekday the week starts on (1 = Monday)
 * @returns the day number of the week's first day
 * @example
 * weekOf(20_419, 1); // 20_416: Monday 2025-11-24, for Thursday 2025-11-27
 */
export const weekOf = (day: number, weekStart: number): number => {
  return day - ((dayNumberWeekday(day) - weekStart + 7) % 7);
};

// A hold blocks while it lives, except for its own patient (the reservation being confirmed).
const active = (ctx: SearchContext, o: Occupancy): boolean =>
  o.id !== ctx.excluded &&
  (o.kind === 'appointment' ||
    (o.expiresAt > ctx.now && (ctx.patient === undefined || o.patient !== ctx.patient)));

/**
 * Appointments of this type already booked with the provider, counted per local day and week in
 * the provider's zone (an appointment counts on the local date it starts, even if it runs past
 * midnight). Only the weeks the range touches are counted, from the provider's bookings near
 * them, so a search that looks at a day reads a week of bookings, not the whole calendar.
 *
 * @param ctx - the search context
 * @param p - the provider
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @returns the local days that are full (their day or their week), as intervals, and the counts per
 *   day and week (the rescheduled appointment not counted) for the days and weeks the range touches
 * @example
 * limitClosures(ctx, provider, lo, hi);
 */
export const limitClosures = (
  ctx: SearchContext,
  p: Provider,
  lo: number,
  hi: number,
): {
  readonly closed: readonly Interval[];
  readonly perDay: (day: number) => number;
  readonly perWeek: (week: number) => number;
} => {
  const { maxPerDay, maxPerWeek } = ctx.type;
  const weekStart = ctx.type.weekStart ?? 1;
  // The local days the closures below look at, and the whole weeks that hold them.
  const firstDay = localDay(lo, p.zone) - 1;
  const lastDay = localDay(hi, p.zone);
  const fromDay = weekOf(firstDay, weekStart);
  const toDay = weekOf(lastDay, weekStart) + 7;
  // Counted on first use: a type without limits never asks.
  let counts: { readonly perDay: Map<number, number>; readonly perWeek: Map<number, number> } | undefined;
  const counted = () => {
    if (counts) return counts;
    counts = { perDay: new Map(), perWeek: new Map() };
    // A local date lies within a day of the UTC date, whatever the zone's offset.
    const bookings = ownerBookings(ctx.index, 'provider', p.id);
    for (const o of occupanciesNear(bookings, (fromDay - 1) * DAY, (toDay + 1) * DAY, 0)) {
      // The appointment being rescheduled does not count against its own day or week.
      if (o.type !== ctx.type.id || o.kind !== 'appointment' || o.id === ctx.excluded) continue;
      const day = localDay(o.start, p.zone);
      if (day < fromDay || day >= toDay) continue;
      counts.perDay.set(day, (counts.perDay.get(day) ?? 0) + 1);
      const week = weekOf(day, weekStart);
      counts.perWeek.set(week, (counts.perWeek.get(week) ?? 0) + 1);
    }
    return counts;
  };
  const perDay = (day: number) => counted().perDay.get(day) ?? 0;
  const perWeek = (week: number) => counted().perWeek.get(week) ?? 0;
  const closed: Interval[] = [];
  if (maxPerDay !== undefined || maxPerWeek !== undefined)
    for (let day = firstDay; day <= lastDay; day++) {
      const dayFull = maxPerDay !== undefined && perDay(day) >= maxPerDay;
      const weekFull = maxPerWeek !== undefined && perWeek(weekOf(day, weekStart)) >= maxPerWeek;
      if (dayFull || weekFull) closed.push(dayInterval(day, 1, p.zone));
    }
  return { closed: normalizeIntervals(closed), perDay, perWeek };
};

/**
 * Busy time of a provider for the searched type in [lo, hi): other appointments and live holds
 * (not the searching patient's own) widened by their buffers and the new type's (also those that
 * start before the range), with the overlap depth an overbook block of `capacity` tolerates; a
 * hold counts as one place, like a booking.
 *
 * @param ctx - the search context
 * @param p - provider id
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @param capacity - concurrent appointments allowed (1 = regular)
 * @returns normalized busy intervals
 * @example
 * providerBusy(ctx, 'dr-patel', lo, hi, 1);
 */
export const providerBusy = (
  ctx: SearchContext,
  p: ProviderId,
  lo: number,
  hi: number,
  capacity: number,
): readonly Interval[] => {
  if (capacity > 1) return providerBusyPlain(ctx, p, lo, hi, capacity);
  // A regular block: the union of the bookings' blocked times, read from the columns in start
  // order (`blockedUnion`), then the holds'.
  const booked = blockedUnion(
    ownerBookings(ctx.index, 'provider', p),
    lo,
    hi,
    ctx.before,
    ctx.after,
    ctx.excluded,
  );
  if (!booked) return providerBusyPlain(ctx, p, lo, hi, capacity);
  const held = heldBy(ctx, p, lo, hi);
  return held.length === 0 ? booked : unionIntervals(booked, normalizeIntervals(held));
};

/** The blocked times of the live holds of provider `p` near [lo, hi). */
const heldBy = (ctx: SearchContext, p: ProviderId, lo: number, hi: number): Interval[] => {
  const reach = ctx.before + ctx.after;
  const out: Interval[] = [];
  // A hold takes a place like a booking: all of a regular block, one seat of an overbook block.
  for (const h of ctx.index.holds)
    if (h.provider === p && active(ctx, h) && h.start - reach < hi && h.end + reach > lo)
      out.push(blockedBy(h, ctx.before, ctx.after));
  return out;
};

/**
 * Busy time of a provider, the plain way: every occupancy near the range, filtered, widened and
 * swept at the block's depth. `providerBusy` agrees with it (tests/scheduling/fastPaths.prop.test.ts).
 *
 * @param ctx - the search context
 * @param p - provider id
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @param capacity - concurrent appointments allowed (1 = regular)
 * @returns normalized busy intervals
 * @example
 * providerBusyPlain(ctx, 'dr-patel', lo, hi, 1);
 */
export const providerBusyPlain = (
  ctx: SearchContext,
  p: ProviderId,
  lo: number,
  hi: number,
  capacity: number,
): readonly Interval[] => {
  const reach = ctx.before + ctx.after;
  const booked = occupanciesNear(ownerBookings(ctx.index, 'provider', p), lo, hi, reach)
    .filter((o) => active(ctx, o))
    .map((o) => blockedBy(o, ctx.before, ctx.after));
  booked.push(...heldBy(ctx, p, lo, hi));
  return atDepth(booked, capacity);
};

/**
 * The patient's own booked time in [lo, hi) (not widened: a patient cannot be in two visits).
 *
 * @param ctx - the search context
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @returns normalized intervals (empty without a patient)
 * @example
 * patientBusy(ctx, lo, hi);
 */
export const patientBusy = (ctx: SearchContext, lo: number, hi: number): readonly Interval[] =>
  ctx.patient === undefined
    ? []
    : normalizeIntervals(
        occupanciesNear(ownerBookings(ctx.index, 'patient', ctx.patient), lo, hi, 0)
          .filter((o) => active(ctx, o))
          .map((o) => ({ start: o.start, end: o.end })),
      );

/**
 * Free time of a resource in [lo, hi): its templates (always open when it has none) minus the
 * appointments and live holds that use it, at its capacity.
 *
 * @param ctx - the search context
 * @param r - the resource
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @returns normalized free intervals or `Left` `scheduling.invalid-rule`
 * @example
 * resourceFree(ctx, room, lo, hi);
 */
export const resourceFree = (
  ctx: SearchContext,
  r: Resource,
  lo: number,
  hi: number,
): Either<SchedulingError, readonly Interval[]> => {
  const reach = ctx.before + ctx.after;
  const uses = occupanciesNear(ownerBookings(ctx.index, 'resource', r.id), lo, hi, reach)
    .filter((o) => active(ctx, o))
    .map((o) => blockedBy(o, ctx.before, ctx.after));
  for (const h of ctx.index.holds)
    if (h.resources.includes(r.id) && active(ctx, h)) uses.push(blockedBy(h, ctx.before, ctx.after));
  const busy = atDepth(uses, r.capacity ?? 1);
  let open: readonly Interval[] = [{ start: lo, end: hi }];
  if (ctx.index.templates.has(`resource:${r.id}`)) {
    const blocks = ownerBlocks(ctx.index, { kind: 'resource', id: r.id }, lo, hi);
    if (blocks._tag === 'Left') return blocks;
    open = normalizeIntervals(
      blocks.right.map((b) => ({ start: Math.max(b.start, lo), end: Math.min(b.end, hi) })),
    );
  }
  return ok(subtractIntervals(open, busy));
};

/**
 * Whether a block admits the type (allowed types) at the wanted location.
 *
 * @param ctx - the search context
 * @param b - the availability block
 * @param p - the provider
 * @param location - the wanted location, if any
 * @returns true when the type may be booked in the block
 * @example
 * blockAdmits(ctx, block, provider, undefined);
 */
export const blockAdmits = (
  ctx: SearchContext,
  b: AvailabilityBlock,
  p: Provider,
  location: string | undefined,
): boolean =>
  (b.types === undefined || b.types.includes(ctx.type.id)) &&
  (location === undefined ||
    (b.location === undefined ? p.locations.some((l) => l === location) : b.location === location));

/**
 * Resources of a kind usable from a block: at the block's location, or at one of the provider's
 * locations when the block names none (and at the wanted location, if any).
 *
 * @param ctx - the search context
 * @param kind - resource kind
 * @param blockLocation - the availability block's location, if it names one
 * @param p - the provider
 * @param location - the wanted location, if any
 * @returns the candidate resources in calendar order
 * @example
 * resourcesOfKind(ctx, 'echo-machine', block.location, provider, undefined);
 */
export const resourcesOfKind = (
  ctx: SearchContext,
  kind: string,
  blockLocation: string | undefined,
  p: Provider,
  location: string | undefined,
): readonly Resource[] =>
  ctx.index.calendar.resources.filter(
    (r) =>
      r.kind === kind &&
      (blockLocation === undefined ? p.locations.includes(r.location) : r.location === blockLocation) &&
      (location === undefined || r.location === location),
  );

/**
 * The kinds still to be filled once the specifically requested resources are counted.
 *
 * @param type - the appointment type
 * @param chosen - resources already chosen
 * @returns remaining kinds (a kind twice when two are needed)
 * @example
 * remainingKinds(type, [echo]);
 */
export const remainingKinds = (type: AppointmentType, chosen: readonly Resource[]): string[] => {
  const kinds = [...(type.requiredResourceKinds ?? [])];
  for (const r of chosen) {
    const i = kinds.indexOf(r.kind);
    if (i >= 0) kinds.splice(i, 1);
  }
  return kinds;
};

/**
 * Looks resources up by id.
 *
 * @param index - the calendar index
 * @param ids - resource ids
 * @returns the resources or `Left` `scheduling.unknown-resource`
 * @example
 * lookupResources(index, ['echo-1']);
 */
export const lookupResources = (
  index: CalendarIndex,
  ids: readonly ResourceId[],
): Either<SchedulingError, readonly Resource[]> => {
  const out: Resource[] = [];
  for (const id of ids) {
    const r = index.resources.get(id);
    if (!r) return err(unknownReference('scheduling.unknown-resource', id));
    out.push(r);
  }
  return ok(out);
};

/**
 * Checks a search range.
 *
 * @param from - range start
 * @param to - range end
 * @returns `[lo, hi]` in ms or `Left` `scheduling.invalid-range`
 * @example
 * readRange('2026-11-24T00:00:00-05:00', '2026-11-25T00:00:00-05:00');
 */
export const readRange = (
  from: IsoInstant,
  to: IsoInstant,
): Either<SchedulingError, readonly [number, number]> => {
  const lo = instantToMs(from);
  const hi = instantToMs(to);
  return lo < hi
    ? ok([lo, hi])
    : err(invalidInput('scheduling.invalid-range', 'query.to', 'must be after query.from'));
};
