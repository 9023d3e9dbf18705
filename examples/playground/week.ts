// The playground's week view as data, computed by the library: the sample clinic's availability
// (expandAvailability), its booked appointments, the slots findSlots offers for a visit type, the
// times it did not offer with their reasons (explainSlotExclusions), and the days on which the
// clinic's or the patient's zone changes its UTC offset (dayBounds shorter or longer than 24 h).
import {
  addDays,
  dayBounds,
  formatInstant,
  instantToMs,
  isoWeekday,
  toWallClock,
  wallTimeToMs,
  type IanaZone,
  type IsoDate,
  type IsoInstant,
  wallTime,
  appointmentTypeId,
  isoInstant,
} from '../../src/core/index.js';
import {
  expandAvailability,
  explainSlotExclusions,
  findSlots,
  type SchedulingCalendar,
  type BookingConflictCode,
} from '../../src/scheduling/index.js';

export interface WeekQuery {
  readonly type: string;
  readonly patientZone: IanaZone;
  /** Any date of the week (weeks start on Monday). */
  readonly date: IsoDate;
}

/** A stretch of one day in minutes after local midnight of the clinic zone. */
export interface Block {
  readonly provider: string;
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export interface DayColumn {
  readonly date: IsoDate;
  /** The clinic's or the patient's zone changes offset on this day. */
  readonly dst: boolean;
  readonly hours: number;
  readonly available: readonly Block[];
  readonly booked: readonly Block[];
  readonly slots: readonly Block[];
}

export interface SlotRow {
  readonly provider: string;
  readonly clinicTime: string;
  readonly patientTime: string;
}

export interface ExclusionRow {
  readonly provider: string;
  readonly clinicTime: string;
  readonly reasons: readonly string[];
}

export interface WeekView {
  readonly days: readonly DayColumn[];
  readonly slots: readonly SlotRow[];
  readonly exclusions: readonly ExclusionRow[];
  readonly now: IsoInstant;
  readonly error?: string;
}

const DAY_MS = 86_400_000;
const ACTIVE = new Set(['booked', 'arrived', 'checked-in', 'fulfilled', 'pending']);

/** Monday of the week of `date`. */
export const weekStart = (date: IsoDate): IsoDate => addDays(date, 1 - isoWeekday(date));

const minutesInDay = (ms: number, dayStartMs: number): number => Math.round((ms - dayStartMs) / 60_000);

/** Computes the week view for one choice of type, patient zone and date. */
/** Each rule a time breaks, as the front desk would say it. */
const IN_WORDS: Readonly<Record<BookingConflictCode, string>> = {
  'booking.outside-availability': 'outside the provider’s hours',
  'booking.type-not-allowed': 'this visit type is not offered then',
  'booking.provider-not-eligible': 'the provider does not see this visit type',
  'booking.overlaps-booking': 'already booked',
  'booking.overlaps-hold': 'held for another booking',
  'booking.resource-busy': 'the room or equipment is busy',
  'booking.resource-missing': 'no room or equipment of the kind needed',
  'booking.patient-double-booked': 'the patient has another visit then',
  'booking.notice': 'too soon: less notice than the visit type needs',
  'booking.horizon': 'too far ahead to book yet',
  'booking.day-limit': 'the day’s limit for this visit type is reached',
  'booking.week-limit': 'the week’s limit for this visit type is reached',
  'booking.overbook-not-allowed': 'full, and overbooking is not allowed',
  'booking.invalid-times': 'not a valid time range',
};

export const weekView = (
  calendar: SchedulingCalendar,
  clinicZone: IanaZone,
  clinicNow: IsoInstant,
  query: WeekQuery,
): WeekView => {
  const monday = weekStart(query.date);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const fromMs = wallTimeToMs(monday, wallTime('00:00'), clinicZone);
  const toMs = wallTimeToMs(addDays(monday, 7), wallTime('00:00'), clinicZone);
  const from = formatInstant(fromMs, clinicZone);
  const to = formatInstant(toMs, clinicZone);
  // Exploring a week already past: book as if on the Saturday before it, so the week is bookable.
  const now = instantToMs(clinicNow) < toMs ? clinicNow : formatInstant(fromMs - 2 * DAY_MS, clinicZone);
  const slotQuery = { type: appointmentTypeId(query.type), from, to };
  const slots = findSlots(slotQuery, calendar, { now });
  const excluded = explainSlotExclusions(slotQuery, calendar, { now, limit: 60 });
  const availability = expandAvailability(calendar.templates, calendar.exceptions, { from, to });
  const error = [slots, excluded, availability].find((r) => r._tag === 'Left');

  const days = dates.map((date): DayColumn => {
    const clinicDay = dayBounds(date, clinicZone);
    const patientDay = dayBounds(date, query.patientZone);
    const inDay = (start: number, end: number) => start < clinicDay.end && end > clinicDay.start;
    const block = (provider: string, start: number, end: number, label: string): Block => ({
      provider,
      from: minutesInDay(Math.max(start, clinicDay.start), clinicDay.start),
      to: minutesInDay(Math.min(end, clinicDay.end), clinicDay.start),
      label,
    });
    return {
      date,
      dst: clinicDay.end - clinicDay.start !== DAY_MS || patientDay.end - patientDay.start !== DAY_MS,
      hours: (clinicDay.end - clinicDay.start) / 3_600_000,
      available:
        availability._tag === 'Right'
          ? availability.right
              .filter((o) => o.owner.kind === 'provider')
              .flatMap((o) =>
                o.intervals
                  .filter((i) => inDay(i.start, i.end))
                  .map((i) => block(o.owner.id, i.start, i.end, 'open')),
              )
          : [],
      booked: calendar.appointments
        .flatMap((a) =>
          ACTIVE.has(a.status) && a.start !== undefined && a.end !== undefined
            ? [{ a, start: instantToMs(a.start), end: instantToMs(a.end) }]
            : [],
        )
        .filter(({ start, end }) => inDay(start, end))
        .map(({ a, start, end }) => block(a.provider, start, end, a.type)),
      slots:
        slots._tag === 'Right'
          ? slots.right
              .map((s) => ({ s, start: instantToMs(s.start), end: instantToMs(s.end) }))
              .filter(({ start, end }) => inDay(start, end))
              .map(({ s, start, end }) => block(s.provider, start, end, 'slot'))
          : [],
    };
  });
  const hhmm = (iso: string, zone: IanaZone): string => {
    const w = toWallClock(instantToMs(isoInstant(iso)), zone);
    return `${w.date} ${w.time}`;
  };
  return {
    days,
    now,
    slots:
      slots._tag === 'Right'
        ? slots.right.map((s) => ({
            provider: s.provider,
            clinicTime: hhmm(s.start, clinicZone),
            patientTime: formatInstant(instantToMs(s.start), query.patientZone),
          }))
        : [],
    exclusions:
      excluded._tag === 'Right'
        ? excluded.right.map((x) => ({
            provider: x.provider,
            clinicTime: hhmm(x.start, clinicZone),
            reasons: x.conflicts.map((c) => IN_WORDS[c.code]),
          }))
        : [],
    ...(error && error._tag === 'Left' ? { error: `${error.left.code}: ${error.left.message}` } : {}),
  };
};
