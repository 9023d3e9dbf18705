/**
 * Recurring series (physical therapy twice a week for six weeks): one consistent wall-clock time
 * and provider, each occurrence checked, with conflicts and nearby alternatives.
 */
import type { AppointmentId, ProviderId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { dayBounds, formatInstant, wallTimeToMs, type IanaZone } from '../core/time.js';
import { addDays, instantToMs, type IsoDate, type IsoInstant, type WallTime } from '../core/calendar.js';
import { invalidInput, type BookingConflict, type SchedulingError } from './errors.js';
import { explainSlotExclusions } from './explain.js';
import type { Appointment, SchedulingCalendar, Slot, SlotOptions, SlotQuery } from './model.js';
import { recurrenceDates } from './recurrence.js';
import { findSlots } from './slots.js';

/** The series wanted: an RRULE with COUNT or UNTIL, its first date, and one wall time in a zone. */
export interface SeriesPattern {
  /** RRULE value such as `FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12`; COUNT or UNTIL is required. */
  readonly rrule: string;
  readonly dtstart: IsoDate;
  readonly time: WallTime;
  readonly zone: IanaZone;
}

/** One occurrence of a planned series. */
export interface SeriesOccurrence {
  readonly date: IsoDate;
  /** The wanted start (the pattern's wall time on that date, DST policy applied). */
  readonly start: IsoInstant;
  readonly status: 'ok' | 'conflict';
  /** The slot at the wanted time with the series provider, when `ok`. */
  readonly slot?: Slot;
  /** Why the wanted time is not bookable, when `conflict`. */
  readonly conflicts: readonly BookingConflict[];
  /** Other slots that day, nearest to the wanted time first (series provider first). */
  readonly alternatives: readonly Slot[];
}

/** A planned series: the provider chosen for consistency and every occurrence. */
export interface SeriesPlan {
  readonly provider: ProviderId | undefined;
  readonly occurrences: readonly SeriesOccurrence[];
  /** How many occurrences are bookable at the wanted time. */
  readonly bookable: number;
}

const MAX_OCCURRENCES = 400;

/**
 * Plans a recurring series at one consistent wall-clock time.
 *
 * The RRULE is expanded to local dates (floating, COUNT and UNTIL honoured; invalid dates such as
 * the 31st of a short month are omitted, RFC 5545); each date's wanted start is the pattern's wall
 * time in its zone (a time inside a spring-forward gap moves to the first instant after the gap;
 * an ambiguous fall-back time is the earlier instant). Slots of each day are found with
 * `findSlots`; the series provider is the one with the most occurrences free at the wanted time
 * (ties: `query.preferredProvider`, then calendar order), so the patient sees the same clinician.
 * A free occurrence is `ok`; otherwise its conflicts come from the same rules as `validateBooking`
 * (`booking.outside-availability` when the time is not in the provider's hours or off the slot
 * grid), with up to `alternatives` other slots that day, nearest first.
 *
 * @param pattern - RRULE, first date, wall time and zone
 * @param query - the slot query without a range (type, providers, patient, resources, location)
 * @param calendar - the calendar
 * @param options - `now`, and `alternatives` per occurrence (default 3)
 * @returns `Right(plan)`, `Left` `scheduling.invalid-rule` (unreadable RRULE, or neither COUNT nor
 *   UNTIL), or the `Left` cases of `findSlots`
 * @example
 * planSeries(
 *   { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12', dtstart: isoDate('2026-11-24'), time: wallTime('08:00'), zone: zone('America/New_York') },
 *   { type: appointmentTypeId('pt-45'), patient: patientId('p-7') },
 *   calendar,
 *   { now: isoInstant('2026-11-23T14:00:00Z') },
 * ); // Right({ provider: 'pt-lee', bookable: 11, occurrences: [{ date: '2026-11-24', status: 'ok', ... }, ...] })
 */
export const planSeries = (
  pattern: SeriesPattern,
  query: Omit<SlotQuery, 'from' | 'to'>,
  calendar: SchedulingCalendar,
  options: Pick<SlotOptions, 'now' | 'allowOverbook'> & { readonly alternatives?: number },
): Either<SchedulingError, SeriesPlan> => {
  if (!/(^|;)(COUNT|UNTIL)=/i.test(pattern.rrule))
    return err(invalidInput('scheduling.invalid-rule', 'pattern.rrule', 'needs COUNT or UNTIL'));
  const datesE = recurrenceDates(
    pattern.rrule,
    pattern.dtstart,
    pattern.dtstart,
    addDays(pattern.dtstart, 3660),
  );
  if (datesE._tag === 'Left')
    return err(invalidInput('scheduling.invalid-rule', 'pattern.rrule', datesE.left.message));
  const dates = datesE.right.slice(0, MAX_OCCURRENCES);
  const { alternatives: _a, ...slotOptions } = options;
  const days: { date: IsoDate; want: number; slots: readonly Slot[] }[] = [];
  for (const date of dates) {
    const bounds = dayBounds(date, pattern.zone);
    const found = findSlots(
      {
        ...query,
        from: formatInstant(bounds.start, pattern.zone),
        to: formatInstant(bounds.end, pattern.zone),
      },
      calendar,
      slotOptions,
    );
    if (found._tag === 'Left') return found;
    days.push({ date, want: wallTimeToMs(date, pattern.time, pattern.zone), slots: found.right });
  }
  const order = calendar.providers.map((p) => p.id);
  const hits = new Map<ProviderId, number>();
  for (const d of days)
    for (const s of d.slots)
      if (instantToMs(s.start) === d.want) hits.set(s.provider, (hits.get(s.provider) ?? 0) + 1);
  const score = (p: ProviderId): number => hits.get(p) ?? 0;
  const ranked = [...hits.keys()].sort(
    (a, b) =>
      score(b) - score(a) ||
      Number(b === query.preferredProvider) - Number(a === query.preferredProvider) ||
      order.indexOf(a) - order.indexOf(b),
  );
  const provider = ranked[0] ?? query.preferredProvider ?? query.providers?.[0];
  const occurrences: SeriesOccurrence[] = [];
  for (const d of days) {
    const start = formatInstant(d.want, pattern.zone);
    const slot = d.slots.find((s) => s.provider === provider && instantToMs(s.start) === d.want);
    const alternatives = d.slots
      .filter((s) => s !== slot)
      .map((s) => ({ s, k: [Number(s.provider !== provider), Math.abs(instantToMs(s.start) - d.want)] }))
      .sort((a, b) => (a.k[0] as number) - (b.k[0] as number) || (a.k[1] as number) - (b.k[1] as number))
      .slice(0, options.alternatives ?? 3)
      .map((x) => x.s);
    if (slot) {
      occurrences.push({ date: d.date, start, status: 'ok', slot, conflicts: [], alternatives });
      continue;
    }
    const conflicts =
      provider === undefined ? ok([OUTSIDE]) : explainAt(query, calendar, slotOptions, provider, d.want);
    if (conflicts._tag === 'Left') return conflicts;
    occurrences.push({ date: d.date, start, status: 'conflict', conflicts: conflicts.right, alternatives });
  }
  return ok({ provider, occurrences, bookable: occurrences.filter((o) => o.status === 'ok').length });
};

const OUTSIDE: BookingConflict = {
  code: 'booking.outside-availability',
  message: 'start: not a slot of the provider at this time (outside hours or off the slot grid)',
};

const explainAt = (
  query: Omit<SlotQuery, 'from' | 'to'>,
  calendar: SchedulingCalendar,
  options: Pick<SlotOptions, 'now' | 'allowOverbook'>,
  provider: ProviderId,
  want: number,
): Either<SchedulingError, readonly BookingConflict[]> => {
  const type = calendar.appointmentTypes.find((t) => t.id === query.type);
  const end = want + (type?.durationMinutes ?? 1) * 60_000;
  const x = explainSlotExclusions(
    {
      ...query,
      providers: [provider],
      from: new Date(want).toISOString() as IsoInstant,
      to: new Date(end).toISOString() as IsoInstant,
    },
    calendar,
    options,
  );
  if (x._tag === 'Left') return x;
  const hit = x.right.find((e) => instantToMs(e.start) === want);
  return ok(hit ? hit.conflicts : [OUTSIDE]);
};

/**
 * Splits a series at an occurrence ("this and following"): appointments of the series starting at
 * or after the pivot move to a new series id; earlier ones keep theirs. Use it before changing the
 * time of the rest of a series; a single-occurrence change is a `reschedule` of that one
 * appointment, which keeps its series id.
 *
 * @param appointments - the series' appointments (others are returned unchanged in `kept`)
 * @param pivot - the first appointment of the new series
 * @param newSeriesId - the id of the new series
 * @returns `{ kept, moved }`, both in start order; `moved` is empty when the pivot is unknown
 * @example
 * splitSeries(appointments, appointmentId('pt-07'), 'pt-series-2'); // appointments: the series' visits // { kept: [6 visits], moved: [6 visits] }
 */
export const splitSeries = (
  appointments: readonly Appointment[],
  pivot: AppointmentId,
  newSeriesId: string,
): { readonly kept: readonly Appointment[]; readonly moved: readonly Appointment[] } => {
  const at = (a: Appointment): number => (a.start === undefined ? Infinity : instantToMs(a.start));
  const sorted = [...appointments].sort((a, b) => at(a) - at(b));
  const p = sorted.find((a) => a.id === pivot);
  if (!p) return { kept: sorted, moved: [] };
  const inSeries = (a: Appointment): boolean => a.seriesId === p.seriesId && at(a) >= at(p);
  return {
    kept: sorted.filter((a) => !inSeries(a)),
    moved: sorted.filter(inSeries).map((a) => ({ ...a, seriesId: newSeriesId })),
  };
};
