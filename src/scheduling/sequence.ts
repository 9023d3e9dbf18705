/**
 * Chained bookings: several visits in order with gaps between them ("MRI at least 2 days before
 * the orthopedic consult", "labs 30 minutes before the visit"), found as one search.
 */
import type { AppointmentId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { validateBooking } from './booking.js';
import { invalidInput, type SchedulingError } from './errors.js';
import type { Appointment, SchedulingCalendar, Slot, SlotOptions, SlotQuery } from './model.js';
import { findSlots } from './slots.js';

const MINUTE = 60_000;

/** One visit of a sequence and its gap after the previous visit's end (minutes). */
export interface SequenceStep {
  readonly query: Omit<SlotQuery, 'from' | 'to' | 'patient'>;
  /** Least time between the previous step's end and this step's start (default 0). */
  readonly minGapMinutes?: number;
  /** Most time between the previous step's end and this step's start (default unbounded). */
  readonly maxGapMinutes?: number;
}

/** A sequence to plan: the steps, the patient, and the range all of them must lie in. */
export interface SequenceRequest {
  readonly steps: readonly SequenceStep[];
  readonly patient?: SlotQuery['patient'];
  readonly from: IsoInstant;
  readonly to: IsoInstant;
}

/** A complete plan: one slot per step, in step order. */
export interface SequencePlan {
  readonly slots: readonly Slot[];
}

const toAppointment = (slot: Slot, i: number, patient: SlotQuery['patient']): Appointment => ({
  id: `sequence:${i}` as AppointmentId,
  status: 'booked',
  type: slot.type,
  patient: patient ?? ('sequence-patient' as Appointment['patient']),
  provider: slot.provider,
  resources: [...slot.resources],
  ...(slot.location === undefined ? {} : { location: slot.location }),
  start: slot.start,
  end: slot.end,
});

/** Books the plan step by step on a copy of the calendar: the steps must not collide (buffers, rooms). */
const planHolds = (
  slots: readonly Slot[],
  calendar: SchedulingCalendar,
  patient: SlotQuery['patient'],
  now: IsoInstant,
): boolean => {
  let cal = calendar;
  for (const [i, slot] of slots.entries()) {
    const a = toAppointment(slot, i, patient);
    if (validateBooking(a, cal, now)._tag === 'Left') return false;
    cal = { ...cal, appointments: [...cal.appointments, a] };
  }
  return true;
};

/**
 * Plans a chain of visits as one search, earliest last visit first.
 *
 * All slots of every step in the range are found first (`findSlots`, with the patient's other
 * visits blocking); then the search works back from each candidate of the last step (earliest
 * first) to the latest slot of the previous step that respects the gap `[minGap, maxGap]` (end of
 * the previous visit to start of the next) and itself has a feasible chain, memoized per slot,
 * so a late first step never hides an earlier complete plan. Each plan found is re-checked by
 * booking its steps one after the other (`validateBooking`), so steps that share a provider or a
 * room with buffers cannot collide. Gaps are exact durations, the same across DST changes.
 *
 * @param request - steps, patient and range
 * @param calendar - the calendar
 * @param options - `now` (notice counts from it), `limit` = how many plans (default 3)
 * @returns `Right(plans)` (empty when no chain fits), `Left` `scheduling.invalid-range` (no steps,
 *   negative or inverted gaps), or the `Left` cases of `findSlots`
 * @example
 * planSequence(
 *   { steps: [{ query: { type: appointmentTypeId('mri-45') } }, { query: { type: appointmentTypeId('ortho-consult-30') }, minGapMinutes: 2 * 24 * 60 }],
 *     patient: patientId('p-1'), from: isoInstant('2026-11-24T00:00:00-05:00'), to: isoInstant('2026-12-15T00:00:00-05:00') },
 *   calendar,
 *   { now: isoInstant('2026-11-23T14:00:00Z') },
 * ); // Right([{ slots: [mriSlot, consultSlot] }, ...])
 */
export const planSequence = (
  request: SequenceRequest,
  calendar: SchedulingCalendar,
  options: Pick<SlotOptions, 'now' | 'limit' | 'allowOverbook'>,
): Either<SchedulingError, readonly SequencePlan[]> => {
  const { steps, patient } = request;
  if (steps.length === 0) return err(invalidInput('scheduling.invalid-range', 'steps', 'must not be empty'));
  for (const [i, s] of steps.entries())
    if ((s.minGapMinutes ?? 0) < 0 || (s.maxGapMinutes ?? Infinity) < (s.minGapMinutes ?? 0))
      return err(
        invalidInput('scheduling.invalid-range', `steps[${i}]`, 'gaps must satisfy 0 <= minGap <= maxGap'),
      );
  const lists: (readonly Slot[])[] = [];
  for (const s of steps) {
    const found = findSlots(
      { ...s.query, from: request.from, to: request.to, ...(patient === undefined ? {} : { patient }) },
      calendar,
      {
        now: options.now,
        ...(options.allowOverbook === undefined ? {} : { allowOverbook: options.allowOverbook }),
      },
    );
    if (found._tag === 'Left') return found;
    lists.push([...found.right].sort((a, b) => instantToMs(a.start) - instantToMs(b.start)));
  }
  const starts = lists.map((l) => l.map((s) => instantToMs(s.start)));
  const ends = lists.map((l) => l.map((s) => instantToMs(s.end)));
  // chain[k][j]: the index in step k-1 that continues slot j of step k (or -1 when none does).
  const memo = lists.map(() => new Map<number, number>());
  const chainFrom = (k: number, j: number): number => {
    if (k === 0) return j;
    const hit = memo[k]?.get(j);
    if (hit !== undefined) return hit;
    const step = steps[k] as SequenceStep;
    const start = starts[k]?.[j] as number;
    const latestEnd = start - (step.minGapMinutes ?? 0) * MINUTE;
    const earliestEnd = start - (step.maxGapMinutes ?? Infinity) * MINUTE;
    const prevEnds = ends[k - 1] as number[];
    // Ends of one step are sorted (same type, same duration): binary search the latest fitting one.
    let lo = 0;
    let hi = prevEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((prevEnds[mid] as number) <= latestEnd) lo = mid + 1;
      else hi = mid;
    }
    let found = -1;
    for (let i = lo - 1; i >= 0 && (prevEnds[i] as number) >= earliestEnd; i--)
      if (chainFrom(k - 1, i) >= 0) {
        found = i;
        break;
      }
    memo[k]?.set(j, found);
    return found;
  };
  const limit = options.limit ?? 3;
  const plans: SequencePlan[] = [];
  const last = steps.length - 1;
  for (let j = 0; j < (lists[last]?.length ?? 0) && plans.length < limit; j++) {
    if (chainFrom(last, j) < 0) continue;
    const picked: Slot[] = [];
    for (let k = last, idx = j; k >= 0; k--) {
      picked.unshift(lists[k]?.[idx] as Slot);
      idx = k === 0 ? idx : chainFrom(k, idx);
    }
    if (planHolds(picked, calendar, patient, options.now)) plans.push({ slots: picked });
  }
  return ok(plans);
};
