/**
 * Filling a cancellation from the waitlist: which waiting requests fit the freed time, best first.
 */
import type { AppointmentId } from '../core/ids.js';
import { ok, type Either } from '../core/result.js';
import { formatInstant, toWallClock, type IanaZone } from '../core/time.js';
import { instantToMs, isoWeekday, wallTimeMinutes, type IsoInstant } from '../core/calendar.js';
import { validateBooking } from './booking.js';
import type { BookingConflict, SchedulingError } from './errors.js';
import type { Appointment, SchedulingCalendar, Slot, WaitlistEntry } from './model.js';
import { providerEligible } from './search.js';

const MINUTE = 60_000;

/** Why a waitlist entry does not fit a freed slot. */
export type WaitlistMismatchCode =
  | 'waitlist.unknown-type'
  | 'waitlist.too-long'
  | 'waitlist.provider'
  | 'waitlist.location'
  | 'waitlist.date-range'
  | 'waitlist.weekday'
  | 'waitlist.time-of-day'
  | 'waitlist.booking-conflict';

/** A waitlist entry that fits, with the appointment time it would get. */
export interface WaitlistMatch {
  readonly entry: WaitlistEntry;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  /** 1 = offer first. */
  readonly rank: number;
}

/** A waitlist entry that does not fit, with every reason (booking conflicts are coded too). */
export interface WaitlistMiss {
  readonly entry: WaitlistEntry;
  readonly reasons: readonly WaitlistMismatchCode[];
  readonly conflicts: readonly BookingConflict[];
}

/** The ranked matches and the misses of `matchWaitlist`. */
export interface WaitlistMatches {
  readonly matches: readonly WaitlistMatch[];
  readonly misses: readonly WaitlistMiss[];
}

const inWindows = (entry: WaitlistEntry, start: number, end: number, zone: IanaZone): boolean => {
  if (!entry.times) return true;
  const a = toWallClock(start, zone);
  const b = toWallClock(end, zone);
  const from = wallTimeMinutes(a.time);
  const to = a.date === b.date ? wallTimeMinutes(b.time) : 24 * 60;
  return entry.times.some((w) => {
    const ws = wallTimeMinutes(w.start);
    const we = wallTimeMinutes(w.end);
    return ws <= from && to <= (we <= ws ? 24 * 60 : we);
  });
};

/**
 * Ranks the waitlist requests that fit a freed slot (a cancellation).
 *
 * A request fits when its appointment type fits in the freed time (starting at the freed start),
 * the slot's provider is acceptable (the request's `providers`, and eligible for the type), the
 * location matches, the start lies in `[earliest, latest]`, on an accepted ISO weekday and inside an
 * accepted wall-clock window (both read in the request's `zone`, else the provider's), and the
 * booking passes `validateBooking` (notice, resources, the patient's other visits; the request's
 * `currentAppointment` does not block its own move). Pass the calendar with the freed appointment
 * already cancelled. Ranking: higher `priority`, then requests preferring this provider, then the
 * longest waiting (`addedAt`), then id.
 *
 * @param freedSlot - the time that opened up (provider, start, end, resources, location)
 * @param waitlist - the waiting requests
 * @param calendar - the calendar after the cancellation
 * @param now - the current instant (minimum notice counts from it)
 * @returns `Right({ matches, misses })`; misses list every coded reason, or the `Left` of
 *   `validateBooking` for an unknown provider or resource in the freed slot
 * @example
 * matchWaitlist(freedSlot, waitlist, calendar, isoInstant('2026-11-23T14:00:00Z'));
 * // Right({ matches: [{ entry: { id: 'w-3', ... }, start: '2026-11-23T10:20:00-05:00', rank: 1 }], misses: [...] })
 */
export const matchWaitlist = (
  freedSlot: Slot,
  waitlist: readonly WaitlistEntry[],
  calendar: SchedulingCalendar,
  now: IsoInstant,
): Either<SchedulingError, WaitlistMatches> => {
  const provider = calendar.providers.find((p) => p.id === freedSlot.provider);
  const start = instantToMs(freedSlot.start);
  const freedEnd = instantToMs(freedSlot.end);
  const fits: { entry: WaitlistEntry; start: IsoInstant; end: IsoInstant }[] = [];
  const misses: WaitlistMiss[] = [];
  for (const entry of waitlist) {
    const type = calendar.appointmentTypes.find((t) => t.id === entry.type);
    if (!type || !provider) {
      misses.push({ entry, reasons: ['waitlist.unknown-type'], conflicts: [] });
      continue;
    }
    const end = start + type.durationMinutes * MINUTE;
    const zone = entry.zone ?? provider.zone;
    const reasons: WaitlistMismatchCode[] = [];
    if (end > freedEnd) reasons.push('waitlist.too-long');
    if ((entry.providers && !entry.providers.includes(provider.id)) || !providerEligible(type, provider))
      reasons.push('waitlist.provider');
    if (entry.location && freedSlot.location !== entry.location) reasons.push('waitlist.location');
    if (
      (entry.earliest && start < instantToMs(entry.earliest)) ||
      (entry.latest && start > instantToMs(entry.latest))
    )
      reasons.push('waitlist.date-range');
    if (entry.days && !entry.days.includes(isoWeekday(toWallClock(start, zone).date)))
      reasons.push('waitlist.weekday');
    if (!inWindows(entry, start, end, zone)) reasons.push('waitlist.time-of-day');
    const candidate: Appointment = {
      id: entry.currentAppointment ?? (`waitlist:${entry.id}` as AppointmentId),
      status: 'booked',
      type: type.id,
      patient: entry.patient,
      provider: provider.id,
      resources: [...freedSlot.resources],
      ...(freedSlot.location === undefined ? {} : { location: freedSlot.location }),
      start: formatInstant(start, provider.zone),
      end: formatInstant(end, provider.zone),
    };
    const verdict = validateBooking(candidate, calendar, now);
    const conflicts =
      verdict._tag === 'Left' && verdict.left.code === 'booking.rejected' ? verdict.left.conflicts : [];
    if (verdict._tag === 'Left' && conflicts.length === 0) return verdict;
    if (conflicts.length > 0) reasons.push('waitlist.booking-conflict');
    if (reasons.length > 0) misses.push({ entry, reasons, conflicts });
    else fits.push({ entry, start: candidate.start as IsoInstant, end: candidate.end as IsoInstant });
  }
  const prefers = (e: WaitlistEntry): number => (e.preferredProvider === provider?.id ? 0 : 1);
  fits.sort(
    (a, b) =>
      (b.entry.priority ?? 0) - (a.entry.priority ?? 0) ||
      prefers(a.entry) - prefers(b.entry) ||
      instantToMs(a.entry.addedAt) - instantToMs(b.entry.addedAt) ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  return ok({ matches: fits.map((f, i) => ({ ...f, rank: i + 1 })), misses });
};
