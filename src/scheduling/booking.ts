/**
 * Booking rules checked one appointment at a time, reporting every broken rule (not just the
 * first) so that an app can show them all. The same checks explain why a time was not offered.
 */
import type { AppointmentId } from '../core/ids.js';
import { covers, normalizeIntervals, overlaps, type Interval } from '../core/interval.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant } from '../core/time.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { localDay, providerOwner } from './availability.js';
import { atDepth, blockedBy, occupanciesNear, ownerBlocks, ownerBookings } from './calendarIndex.js';
import { unknownReference, type BookingConflict, type SchedulingError } from './errors.js';
import type { Appointment, Provider, Resource, SchedulingCalendar } from './model.js';
import {
  blockAdmits,
  horizonEnd,
  limitClosures,
  lookupResources,
  providerEligible,
  remainingKinds,
  resourceFree,
  resourcesOfKind,
  searchContext,
  weekOf,
  type SearchContext,
} from './search.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** What `validateBooking` accepts: whether it is an overbooking, and the reason recorded for it. */
export interface BookingVerdict {
  readonly overbooked: boolean;
  /** The appointment's `overbook.reason`, when the booking uses an overbook block's extra capacity. */
  readonly overbookReason?: string;
}

/** A time to check: who, when, with what. */
export interface TimeToCheck {
  readonly provider: Provider;
  readonly start: number;
  readonly end: number;
  /** Resources chosen; with `pickResources`, missing kinds are looked for instead of reported missing. */
  readonly resources: readonly Resource[];
  readonly pickResources: boolean;
  readonly location: string | undefined;
  readonly overbookReason: string | undefined;
}

const conflict = (
  code: BookingConflict['code'],
  message: string,
  extra: Omit<BookingConflict, 'code' | 'message'> = {},
): BookingConflict => ({ code, message, ...extra });

const fmt = (ms: number, p: Provider): IsoInstant => formatInstant(ms, p.zone);

/**
 * Every rule a time breaks, and whether it is an allowed overbooking.
 *
 * @param ctx - the search context (type, now, excluded appointment, patient)
 * @param t - the time to check
 * @returns conflicts (empty when bookable) and the overbooking flag
 * @example
 * checkTime(ctx, { provider, start, end, resources: [room], pickResources: false, location: undefined, overbookReason: undefined });
 */
export const checkTime = (
  ctx: SearchContext,
  t: TimeToCheck,
): Either<
  SchedulingError,
  { readonly conflicts: readonly BookingConflict[]; readonly overbooked: boolean }
> => {
  const { provider: p, start, end } = t;
  const slot: Interval = { start, end };
  const out: BookingConflict[] = [];
  if (!providerEligible(ctx.type, p))
    out.push(
      conflict(
        'booking.provider-not-eligible',
        'provider: not in the type’s eligibleProviders or eligibleSpecialties',
        {
          provider: p.id,
        },
      ),
    );
  if (start < ctx.earliest)
    out.push(
      conflict('booking.notice', 'start: earlier than now plus the type’s minimumNoticeMinutes', {
        limit: fmt(ctx.earliest, p),
      }),
    );
  const horizon = horizonEnd(ctx, p);
  if (horizon._tag === 'Left') return horizon;
  if (start >= horizon.right)
    out.push(
      conflict('booking.horizon', 'start: beyond the type’s bookingHorizonDays', {
        limit: fmt(horizon.right - 1, p),
      }),
    );
  const blocksE = ownerBlocks(ctx.index, providerOwner(p.id), start, end);
  if (blocksE._tag === 'Left') return blocksE;
  const admitting = blocksE.right.filter((b) => blockAdmits(ctx, b, p, t.location));
  if (!covers(normalizeIntervals(admitting), slot))
    out.push(
      covers(normalizeIntervals(blocksE.right), slot)
        ? conflict(
            'booking.type-not-allowed',
            'type: the availability block does not admit this appointment type',
          )
        : conflict('booking.outside-availability', 'start/end: not inside the provider’s availability'),
    );
  // Provider: other appointments and live holds (not the patient's own), both widened by buffers
  // on the facing sides; in an overbook block each takes one place.
  const reach = ctx.before + ctx.after;
  const others = occupanciesNear(ownerBookings(ctx.index, 'provider', p.id), start, end, reach).filter(
    (o) => o.id !== ctx.excluded && overlaps(blockedBy(o, ctx.before, ctx.after), slot),
  );
  for (const h of ctx.index.holds)
    if (
      h.provider === p.id &&
      h.expiresAt > ctx.now &&
      (ctx.patient === undefined || h.patient !== ctx.patient) &&
      overlaps(blockedBy(h, ctx.before, ctx.after), slot)
    )
      others.push(h);
  let overbooked = false;
  if (others.length > 0) {
    const capacity = Math.max(
      1,
      ...admitting.filter((b) => b.start <= start && end <= b.end).map((b) => b.capacity),
    );
    const full = atDepth(
      others.map((o) => blockedBy(o, ctx.before, ctx.after)),
      capacity,
    );
    const fits = capacity > 1 && !full.some((i) => overlaps(i, slot));
    if (t.overbookReason !== undefined && fits) overbooked = true;
    else {
      if (t.overbookReason !== undefined)
        out.push(
          conflict(
            'booking.overbook-not-allowed',
            'overbook: no overbook block with spare capacity covers this time',
            {
              provider: p.id,
            },
          ),
        );
      for (const o of others)
        out.push(
          o.kind === 'hold'
            ? conflict('booking.overlaps-hold', 'start/end: overlaps a live hold, buffers included', {
                hold: o.id,
              })
            : conflict(
                'booking.overlaps-booking',
                'start/end: overlaps another appointment of the provider, buffers included',
                {
                  appointment: o.id as AppointmentId,
                },
              ),
        );
    }
  }
  // Resources: each chosen one free at its capacity; each required kind present (or findable).
  const window = { lo: start - DAY, hi: end + DAY };
  for (const r of t.resources) {
    const free = resourceFree(ctx, r, window.lo, window.hi);
    if (free._tag === 'Left') return free;
    if (!covers(free.right, slot))
      out.push(
        conflict('booking.resource-busy', 'resources: the resource is busy or closed at this time', {
          resource: r.id,
        }),
      );
  }
  for (const kind of remainingKinds(ctx.type, t.resources)) {
    const pool = t.pickResources ? resourcesOfKind(ctx, kind, t.location, p, undefined) : [];
    let found = false;
    for (const r of pool) {
      const free = resourceFree(ctx, r, window.lo, window.hi);
      if (free._tag === 'Left') return free;
      if (covers(free.right, slot)) found = true;
      if (found) break;
    }
    if (!found)
      out.push(
        pool.length > 0
          ? conflict(
              'booking.resource-busy',
              `resources: every resource of kind ${kind} is busy or closed at this time`,
            )
          : conflict('booking.resource-missing', `resources: the type requires a resource of kind ${kind}`),
      );
  }
  if (ctx.patient !== undefined)
    for (const o of occupanciesNear(ownerBookings(ctx.index, 'patient', ctx.patient), start, end, 0))
      if (o.id !== ctx.excluded && overlaps(o, slot))
        out.push(
          conflict('booking.patient-double-booked', 'patient: already has an appointment at this time', {
            appointment: o.id as AppointmentId,
          }),
        );
  const { perDay, perWeek } = limitClosures(ctx, p, start, end);
  const day = localDay(start, p.zone);
  if (ctx.type.maxPerDay !== undefined && perDay(day) >= ctx.type.maxPerDay)
    out.push(
      conflict('booking.day-limit', 'type: maxPerDay already reached for the provider on this local date'),
    );
  const sameWeek = perWeek(weekOf(day, ctx.type.weekStart ?? 1));
  if (ctx.type.maxPerWeek !== undefined && sameWeek >= ctx.type.maxPerWeek)
    out.push(
      conflict('booking.week-limit', 'type: maxPerWeek already reached for the provider in this week'),
    );
  return ok({ conflicts: out, overbooked });
};

/**
 * Checks an appointment against every booking rule and lists all conflicts.
 *
 * Rules: start/end present and ordered; provider eligible for the type; inside the provider's
 * availability and in a block that admits the type; no overlap with the provider's other
 * appointments or live holds, buffers of both sides included (the appointment itself, by id, is
 * ignored, so an existing appointment validates against the rest); every listed resource free at
 * its capacity and every required resource kind present; the patient not booked elsewhere at the
 * same time; minimum notice from `now` (elapsed time, DST-safe); booking horizon (end of local date
 * today + N in the provider's zone); per-day/per-week limits counted on local dates in the
 * provider's zone. An overlap is accepted only as an overbooking: the appointment carries
 * `overbook.reason` and lies in an overbook block (template capacity > 1) whose capacity the
 * overlap does not exceed (a live hold takes a place like a booking); the verdict records the
 * reason. A hold of the same patient does not block (it is the reservation being confirmed).
 *
 * @param appointment - the appointment to book (or move)
 * @param calendar - the calendar
 * @param now - the current instant
 * @returns `Right(verdict)` when bookable; `Left` `booking.rejected` with every conflict
 *   (`booking.outside-availability`, `booking.overlaps-booking`, `booking.resource-busy`,
 *   `booking.patient-double-booked`, `booking.notice`, `booking.horizon`, `booking.day-limit`, ...),
 *   or `Left` `scheduling.unknown-type` / `scheduling.unknown-provider` / `scheduling.unknown-resource`
 * @example
 * const booking = parseAppointment({
 *   id: 'a9', status: 'booked', type: 'np40', patient: 'p1', provider: 'dr-patel', resources: ['room-1', 'echo-1'],
 *   start: '2026-11-24T10:15:00-05:00', end: '2026-11-24T10:55:00-05:00',
 * });
 * if (isOk(booking)) validateBooking(booking.right, calendar, isoInstant('2026-11-23T14:00:00Z')); // Right({ overbooked: false })
 */
export const validateBooking = (
  appointment: Appointment,
  calendar: SchedulingCalendar,
  now: IsoInstant,
): Either<SchedulingError, BookingVerdict> => {
  const ctxE = searchContext(calendar, appointment.type, now, appointment.id, appointment.patient);
  if (ctxE._tag === 'Left') return ctxE;
  // The appointment's own buffers, where it sets them, replace its type's.
  const ctx = {
    ...ctxE.right,
    before:
      appointment.bufferBeforeMinutes === undefined
        ? ctxE.right.before
        : appointment.bufferBeforeMinutes * MINUTE,
    after:
      appointment.bufferAfterMinutes === undefined
        ? ctxE.right.after
        : appointment.bufferAfterMinutes * MINUTE,
  };
  const provider = ctx.index.providers.get(appointment.provider);
  if (!provider) return err(unknownReference('scheduling.unknown-provider', appointment.provider));
  const resources = lookupResources(ctx.index, appointment.resources ?? []);
  if (resources._tag === 'Left') return resources;
  const reject = (conflicts: readonly BookingConflict[]): Either<SchedulingError, never> =>
    err({
      code: 'booking.rejected',
      message: `appointment cannot be booked: ${conflicts.map((c) => c.code).join(', ')}`,
      conflicts,
    });
  if (appointment.start === undefined || appointment.end === undefined)
    return reject([conflict('booking.invalid-times', 'start/end: both are required to book')]);
  const start = instantToMs(appointment.start);
  const end = instantToMs(appointment.end);
  if (!(start < end)) return reject([conflict('booking.invalid-times', 'end: must be after start')]);
  const checked = checkTime(ctx, {
    provider,
    start,
    end,
    resources: resources.right,
    pickResources: false,
    location: appointment.location,
    overbookReason: appointment.overbook?.reason,
  });
  if (checked._tag === 'Left') return checked;
  const { conflicts, overbooked } = checked.right;
  if (conflicts.length > 0) return reject(conflicts);
  return ok(
    overbooked && appointment.overbook
      ? { overbooked: true, overbookReason: appointment.overbook.reason }
      : { overbooked: false },
  );
};
