/**
 * Why a time was not offered: every grid time inside a provider's availability that `findSlots`
 * left out, with the booking rules it breaks (the same checks as `validateBooking`).
 */
import type { ProviderId } from '../core/ids.js';
import { ok, type Either } from '../core/result.js';
import { formatInstant } from '../core/time.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { checkTime } from './booking.js';
import type { BookingConflict, SchedulingError } from './errors.js';
import type { SchedulingCalendar, SlotOptions, SlotQuery } from './model.js';
import { gridStarts } from './grid.js';
import { findSlots, prepareSearch } from './slots.js';
import { providerWindows } from './slotWindows.js';

/** A grid time inside availability that was not offered, and why. */
export interface SlotExclusion {
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly provider: ProviderId;
  readonly conflicts: readonly BookingConflict[];
}

/**
 * Explains the times `findSlots` did not offer: for each eligible provider, each grid time inside
 * an availability block that admits the type (same wall-clock grid as `findSlots`), and not
 * returned as a slot, the booking rules it breaks (notice, horizon, overlapping appointments or
 * holds with buffers, busy rooms or devices, the patient's own visits, day/week limits). Ordered by
 * start, then provider.
 *
 * @param query - the same query as for `findSlots`
 * @param calendar - the calendar
 * @param options - the same options (paging ignored); `limit` caps the number of explanations
 *   (default 200)
 * @returns `Right(exclusions)` or the `Left` cases of `findSlots`
 * @example
 * explainSlotExclusions(query, calendar, { now: isoInstant('2026-11-23T14:00:00Z') });
 * // Right([{ start: '2026-11-24T09:00:00-05:00', provider: 'dr-patel',
 * //          conflicts: [{ code: 'booking.overlaps-booking', appointment: 'a-1001', ... }] }, ...])
 */
export const explainSlotExclusions = (
  query: SlotQuery,
  calendar: SchedulingCalendar,
  options: SlotOptions,
): Either<SchedulingError, readonly SlotExclusion[]> => {
  const prepared = prepareSearch(query, calendar, options);
  if (prepared._tag === 'Left') return prepared;
  const { ctx, lo, hi, providers, specified } = prepared.right;
  const { limit: _limit, cursor: _cursor, ...rest } = options;
  const offered = findSlots(query, calendar, rest);
  if (offered._tag === 'Left') return offered;
  const seen = new Set(offered.right.map((s) => `${s.provider}|${instantToMs(s.start)}`));
  const out: { at: number; order: number; x: SlotExclusion }[] = [];
  for (const [order, p] of providers.entries()) {
    const windows = providerWindows(ctx, p, lo, hi, query.location);
    if (windows._tag === 'Left') return windows;
    const done = new Set<number>();
    for (const b of windows.right) {
      const starts: number[] = [];
      for (const part of b.parts)
        gridStarts(
          part.grid,
          Math.max(part.start, lo),
          Math.min(b.end - ctx.duration, hi - ctx.duration, part.end - 1),
          starts,
        );
      for (const s of starts) {
        if (done.has(s) || seen.has(`${p.id}|${s}`)) continue;
        done.add(s);
        const checked = checkTime(ctx, {
          provider: p,
          start: s,
          end: s + ctx.duration,
          resources: specified,
          pickResources: true,
          location: query.location ?? b.location,
          overbookReason: undefined,
        });
        if (checked._tag === 'Left') return checked;
        if (checked.right.conflicts.length === 0) continue;
        out.push({
          at: s,
          order,
          x: {
            start: formatInstant(s, p.zone),
            end: formatInstant(s + ctx.duration, p.zone),
            provider: p.id,
            conflicts: checked.right.conflicts,
          },
        });
      }
    }
  }
  out.sort((a, b) => a.at - b.at || a.order - b.order);
  return ok(out.slice(0, options.limit ?? 200).map((e) => e.x));
};
