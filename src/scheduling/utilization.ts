/**
 * Utilization: how much of each provider's available time is booked, per local day.
 */
import type { BasisPoints } from '../core/money.js';
import type { ProviderId } from '../core/ids.js';
import { intersectIntervals, normalizeIntervals, totalDuration, type Interval } from '../core/interval.js';
import { ok, type Either } from '../core/result.js';
import { dayBounds, toWallClock } from '../core/time.js';
import { instantToMs, addDays, type IsoDate, type IsoInstant } from '../core/calendar.js';
import { expandAvailability, providerOwner, type AvailabilityRange } from './availability.js';
import type { SchedulingError } from './errors.js';
import type { AppointmentStatus, SchedulingCalendar } from './model.js';

const MINUTE = 60_000;

/** Statuses whose time counts as booked: the visit happened, is happening or was held for it. */
const BOOKED: ReadonlySet<AppointmentStatus> = new Set([
  'booked',
  'arrived',
  'checked-in',
  'fulfilled',
  'noshow',
]);

/** One provider on one local date. */
export interface ProviderDayUtilization {
  readonly provider: ProviderId;
  /** Local date in the provider's zone. */
  readonly date: IsoDate;
  readonly availableMinutes: number;
  /** Booked minutes inside availability (overlapping visits counted once). */
  readonly bookedMinutes: number;
  /** Booked minutes outside availability (overbooked or off-hours visits). */
  readonly outsideMinutes: number;
  /** bookedMinutes / availableMinutes in basis points (10000 = full); 0 when nothing was available. */
  readonly fillRate: BasisPoints;
}

/** Utilization per provider-day and in total. */
export interface UtilizationReport {
  readonly days: readonly ProviderDayUtilization[];
  readonly availableMinutes: number;
  readonly bookedMinutes: number;
  readonly fillRate: BasisPoints;
}

const rate = (booked: number, available: number): BasisPoints =>
  (available === 0 ? 0 : Math.round((booked * 10_000) / available)) as BasisPoints;

/**
 * Booked versus available minutes per provider and local day, and the fill rate.
 *
 * Availability is `expandAvailability` of the providers' templates and exceptions within the
 * range. Booked time is the union of the provider's `booked`, `arrived`, `checked-in`,
 * `fulfilled` and `noshow` appointments (a no-show still used the time); cancelled, proposed,
 * pending, waitlist and entered-in-error do not count. Days are local dates in each provider's zone
 * (a DST day has 23 or 25 hours; its minutes are real elapsed minutes). Buffers are not counted
 * as booked. Fill rate = booked inside availability / available, in basis points, rounded half-up.
 *
 * @param calendar - the calendar
 * @param range - `[from, to)`
 * @returns `Right(report)` with one entry per provider and day that has availability or bookings,
 *   or the `Left` cases of `expandAvailability` (`scheduling.invalid-range`, `scheduling.invalid-rule`)
 * @example
 * utilization(calendar, { from: isoInstant('2026-11-23T00:00:00-05:00'), to: isoInstant('2026-11-28T00:00:00-05:00') });
 * // Right({ days: [{ provider: 'dr-patel', date: '2026-11-23', availableMinutes: 420, bookedMinutes: 300, fillRate: 7143 }, ...], ... })
 */
export const utilization = (
  calendar: SchedulingCalendar,
  range: AvailabilityRange,
): Either<SchedulingError, UtilizationReport> => {
  const lo = instantToMs(range.from);
  const hi = instantToMs(range.to);
  const expanded = expandAvailability(
    calendar.templates.filter((t) => t.owner.kind === 'provider'),
    calendar.exceptions,
    range,
  );
  if (expanded._tag === 'Left') return expanded;
  const days: ProviderDayUtilization[] = [];
  for (const p of calendar.providers) {
    const key = providerOwner(p.id);
    const free =
      expanded.right.find((o) => o.owner.kind === key.kind && o.owner.id === key.id)?.intervals ?? [];
    const booked = normalizeIntervals(
      calendar.appointments
        .filter(
          (a) => a.provider === p.id && BOOKED.has(a.status) && a.start !== undefined && a.end !== undefined,
        )
        .map((a) => ({ start: instantToMs(a.start as IsoInstant), end: instantToMs(a.end as IsoInstant) })),
    );
    const clip: Interval[] = [{ start: lo, end: hi }];
    for (
      let date = toWallClock(lo, p.zone).date, b = dayBounds(date, p.zone);
      b.start < hi;
      date = addDays(date, 1), b = dayBounds(date, p.zone)
    ) {
      const day = intersectIntervals([b], clip);
      const available = intersectIntervals(free, day);
      const bookedDay = intersectIntervals(booked, day);
      const inside = totalDuration(intersectIntervals(bookedDay, available)) / MINUTE;
      const total = totalDuration(bookedDay) / MINUTE;
      const availableMinutes = totalDuration(available) / MINUTE;
      if (availableMinutes === 0 && total === 0) continue;
      days.push({
        provider: p.id,
        date,
        availableMinutes,
        bookedMinutes: inside,
        outsideMinutes: total - inside,
        fillRate: rate(inside, availableMinutes),
      });
    }
  }
  const availableMinutes = days.reduce((s, d) => s + d.availableMinutes, 0);
  const bookedMinutes = days.reduce((s, d) => s + d.bookedMinutes, 0);
  return ok({ days, availableMinutes, bookedMinutes, fillRate: rate(bookedMinutes, availableMinutes) });
};
