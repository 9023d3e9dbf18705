/**
 * Follow-up visits: "come back in 6 weeks, give or take 1", as a slot search around a target date.
 */
import { err, ok, type Either } from '../core/result.js';
import { toWallClock, wallMinutesToMs } from '../core/time.js';
import { addDays, dateToDayNumber, instantToMs, type IsoDate, type IsoInstant } from '../core/calendar.js';
import { invalidInput, unknownReference, type SchedulingError } from './errors.js';
import type { Appointment, SchedulingCalendar, Slot, SlotOptions, SlotQuery } from './model.js';
import { findSlots } from './slots.js';

/** A return interval with a tolerance: `{ amount: 6, unit: 'weeks', toleranceDays: 7 }`. */
export interface FollowUpInterval {
  readonly amount: number;
  readonly unit: 'days' | 'weeks' | 'months';
  /** How many days earlier or later than the target date is still acceptable. */
  readonly toleranceDays: number;
}

/** A follow-up slot and how far it is from the target date (negative = earlier). */
export interface FollowUpSlot {
  readonly slot: Slot;
  readonly target: IsoDate;
  readonly offsetDays: number;
}

const addMonths = (date: IsoDate, months: number): IsoDate => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}` as IsoDate;
};

/**
 * Slots for a follow-up visit around a target date, closest to the target first.
 *
 * The target is the last visit's local date (in its provider's zone) plus the interval; months
 * add calendar months and clamp to the month's last day (Jan 31 + 1 month = Feb 28). Acceptable
 * dates are target ± `toleranceDays`, whole local days in the provider's zone (DST days are 23 or
 * 25 hours long and count as one day). Without `query.providers` the search stays with the last
 * visit's provider (continuity of care); `query.patient` defaults to the last visit's patient.
 * Results are ordered by distance from the target date, then by start.
 *
 * @param lastVisit - the visit the follow-up is counted from (needs `start`)
 * @param interval - amount, unit and tolerance in days
 * @param query - the slot query without a range (type, providers, resources, location)
 * @param calendar - the calendar
 * @param options - `findSlots` options (`now`, `limit` applies after ordering by distance)
 * @returns `Right(slots)`, `Left` `scheduling.invalid-range` (visit without start, negative amount
 *   or tolerance), `scheduling.unknown-provider`, or the `Left` cases of `findSlots`
 * @example
 * findFollowUpSlots(appointment, { amount: 6, unit: 'weeks', toleranceDays: 7 }, { type: appointmentTypeId('fu-20') }, calendar, { now: isoInstant('2026-11-23T14:00:00Z'), limit: 5 });
 * // Right([{ slot: { start: '2027-01-04T09:00:00-05:00', ... }, target: '2027-01-04', offsetDays: 0 }, ...])
 */
export const findFollowUpSlots = (
  lastVisit: Appointment,
  interval: FollowUpInterval,
  query: Omit<SlotQuery, 'from' | 'to'>,
  calendar: SchedulingCalendar,
  options: SlotOptions,
): Either<SchedulingError, readonly FollowUpSlot[]> => {
  if (lastVisit.start === undefined)
    return err(invalidInput('scheduling.invalid-range', 'lastVisit.start', 'is required'));
  if (interval.amount < 0 || interval.toleranceDays < 0)
    return err(
      invalidInput('scheduling.invalid-range', 'interval', 'amount and toleranceDays must not be negative'),
    );
  const provider = calendar.providers.find((p) => p.id === lastVisit.provider);
  if (!provider) return err(unknownReference('scheduling.unknown-provider', lastVisit.provider));
  const visitDate = toWallClock(instantToMs(lastVisit.start), provider.zone).date;
  const target =
    interval.unit === 'months'
      ? addMonths(visitDate, interval.amount)
      : addDays(visitDate, interval.amount * (interval.unit === 'weeks' ? 7 : 1));
  const from = wallMinutesToMs(addDays(target, -interval.toleranceDays), 0, provider.zone);
  const to = wallMinutesToMs(addDays(target, interval.toleranceDays + 1), 0, provider.zone);
  const { limit, cursor: _cursor, ...rest } = options;
  const found = findSlots(
    {
      ...query,
      providers: query.providers ?? [lastVisit.provider],
      patient: query.patient ?? lastVisit.patient,
      from: new Date(from).toISOString() as IsoInstant,
      to: new Date(to).toISOString() as IsoInstant,
    },
    calendar,
    rest,
  );
  if (found._tag === 'Left') return found;
  const targetDay = dateToDayNumber(target);
  const out = found.right.map((slot) => {
    const zone = calendar.providers.find((p) => p.id === slot.provider)?.zone ?? provider.zone;
    const day = dateToDayNumber(toWallClock(instantToMs(slot.start), zone).date);
    return { slot, target, offsetDays: day - targetDay };
  });
  out.sort(
    (a, b) =>
      Math.abs(a.offsetDays) - Math.abs(b.offsetDays) ||
      instantToMs(a.slot.start) - instantToMs(b.slot.start),
  );
  return ok(limit === undefined ? out : out.slice(0, limit));
};
