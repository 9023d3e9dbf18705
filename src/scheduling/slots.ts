/**
 * Slot finding: availability of eligible providers, minus their bookings and holds (widened by
 * buffers), the patient's own visits and full days/weeks, intersected with the free time of the
 * required rooms and devices, cut on a grid anchored in the provider's wall clock.
 *
 * A search runs in named stages: the query is resolved (`prepareSearch`), the range is walked in
 * stretches in rank order (`stretches`), and per stretch each provider's candidate starts are found
 * and filtered by resources (`providerSlots`, in slotCandidates.ts), then ranked and taken into the
 * page (`takeRanked`, in slotRanking.ts) until the page is full.
 */
import { err, ok, type Either } from '../core/result.js';
import { toWallClock, type IanaZone } from '../core/time.js';
import { instantToMs, type IsoDate } from '../core/calendar.js';
import { invalidInput, unknownReference, type SchedulingError } from './errors.js';
import type { Provider, Resource, SchedulingCalendar, Slot, SlotOptions, SlotQuery } from './model.js';
import { lookupResources, providerEligible, readRange, searchContext, type SearchContext } from './search.js';
import { providerSlots, resourceMemo, type FoundSlots } from './slotCandidates.js';
import {
  decodeCursor,
  newPage,
  pageFull,
  pageSlots,
  rankingPlan,
  takeRanked,
  type RankingPlan,
  type RankKey,
} from './slotRanking.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A query resolved against a calendar. */
export interface PreparedSearch {
  readonly ctx: SearchContext;
  readonly lo: number;
  readonly hi: number;
  readonly providers: readonly Provider[];
  readonly specified: readonly Resource[];
}

/**
 * Resolves a query: type, range, patient status, eligible providers and requested resources.
 *
 * @param query - the query
 * @param calendar - the calendar
 * @param options - `now` and `excludeAppointment`
 * @returns the prepared search or the `Left` cases of `findSlots`
 * @example
 * prepareSearch(query, calendar, { now: isoInstant('2026-11-23T14:00:00Z') });
 */
export const prepareSearch = (
  query: SlotQuery,
  calendar: SchedulingCalendar,
  options: Pick<SlotOptions, 'now' | 'excludeAppointment'>,
): Either<SchedulingError, PreparedSearch> => {
  const ctxE = searchContext(calendar, query.type, options.now, options.excludeAppointment, query.patient);
  if (ctxE._tag === 'Left') return ctxE;
  const ctx = ctxE.right;
  const range = readRange(query.from, query.to);
  if (range._tag === 'Left') return range;
  const wanted = ctx.type.patientStatus;
  if (query.patientStatus && wanted && wanted !== 'any' && wanted !== query.patientStatus)
    return err(
      invalidInput(
        'scheduling.patient-status',
        'query.patientStatus',
        `the type is for ${wanted} patients only`,
      ),
    );
  const providers = eligibleProviders(ctx, query);
  if (providers._tag === 'Left') return providers;
  const specified = lookupResources(ctx.index, query.resources ?? []);
  if (specified._tag === 'Left') return specified;
  return ok({
    ctx,
    lo: range.right[0],
    hi: range.right[1],
    providers: providers.right,
    specified: specified.right,
  });
};

/**
 * Providers a query may use, in calendar order.
 *
 * @param ctx - the search context
 * @param query - the query
 * @returns providers or `Left` `scheduling.unknown-provider` / `scheduling.no-eligible-provider`
 * @example
 * eligibleProviders(ctx, query);
 */
export const eligibleProviders = (
  ctx: SearchContext,
  query: SlotQuery,
): Either<SchedulingError, readonly Provider[]> => {
  for (const id of query.providers ?? [])
    if (!ctx.index.providers.has(id)) return err(unknownReference('scheduling.unknown-provider', id));
  const list = ctx.index.calendar.providers.filter(
    (p) =>
      providerEligible(ctx.type, p) &&
      (query.providers === undefined || query.providers.includes(p.id)) &&
      (query.location === undefined || p.locations.includes(query.location)),
  );
  return list.length === 0 ? err(unknownReference('scheduling.no-eligible-provider', ctx.type.id)) : ok(list);
};

/**
 * Finds bookable slots for an appointment type.
 *
 * For each eligible provider (the type's eligible providers and specialties, the query's
 * providers and location), the provider's availability blocks that admit the type are cut by:
 * other appointments and live holds, each widened by its own buffers plus the new type's, including
 * those that start before the range; the patient's own appointments; days and weeks where the
 * provider already has `maxPerDay`/`maxPerWeek` of this type (counted on local dates in the
 * provider's zone, weeks from `weekStart`); the minimum notice (elapsed minutes from `now`, so a
 * 24-hour notice across a DST change ends at a different wall time) and the booking horizon (end of
 * local date `today + bookingHorizonDays`). What is left is intersected with the free time of every
 * required resource kind and requested resource, each resource at its own capacity. Buffers do not
 * need to lie inside availability (a 09:00 window offers 09:00), but they never overlap another
 * booking or its buffers.
 *
 * Starts lie on a grid: from local midnight of the window's date, or from `alignmentAnchor` (wall
 * time, provider zone) when the type sets one, so the windows of a day share one grid; in steps of `stepMinutes` (default duration + both buffers, so that
 * every slot offered in a day can be booked one after another). The grid is counted on the wall
 * clock of the provider's zone, also inside a window that spans a DST change: a grid time inside a
 * spring-forward gap does not exist and is skipped, a grid time repeated by a fall-back overlap is
 * offered at both of its instants, and the same local times hold for every viewer. `options.excludeAppointment` (the visit
 * being rescheduled) blocks nothing. With `allowOverbook`, overbook blocks (template capacity > 1)
 * also offer times where fewer than `capacity` visits overlap, flagged `overbooked`.
 *
 * Ranking: `earliest` (default; ties in calendar provider order), `preferred-provider` (the query's
 * preferred provider's slots first), `spread-load` (per day of the range, the provider with the
 * fewest booked minutes first). `limit` stops early; pass the last slot's `cursor` as
 * `options.cursor` for the next page.
 *
 * @param query - type, range `[from, to)`, optional providers, patient, location, resources
 * @param calendar - the calendar (immutable; derived indexes are memoized per object)
 * @param options - `now` and paging, ranking, rescheduling, overbooking
 * @returns `Right(slots)` in ranking order, or `Left` `scheduling.unknown-type`,
 *   `scheduling.unknown-provider`, `scheduling.unknown-resource`, `scheduling.no-eligible-provider`,
 *   `scheduling.invalid-range`, `scheduling.invalid-cursor`, `scheduling.invalid-rule`,
 *   `scheduling.patient-status`
 * @example
 * findSlots(
 *   { type: appointmentTypeId('echo-new-40'), from: isoInstant('2026-11-24T00:00:00-05:00'), to: isoInstant('2026-12-01T00:00:00-05:00'), providers: [providerId('dr-patel')] },
 *   calendar,
 *   { now: isoInstant('2026-11-23T14:00:00Z'), limit: 5 },
 * ); // Right([{ start: '2026-11-24T14:00:00-05:00', provider: 'dr-patel', resources: ['room-1', 'echo-1'], ... }])
 */
export const findSlots = (
  query: SlotQuery,
  calendar: SchedulingCalendar,
  options: SlotOptions,
): Either<SchedulingError, readonly Slot[]> => {
  const prepared = prepareSearch(query, calendar, options);
  if (prepared._tag === 'Left') return prepared;
  const { ctx, lo, hi, providers, specified } = prepared.right;
  const cursor = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  if (options.cursor !== undefined && !cursor)
    return err(
      invalidInput('scheduling.invalid-cursor', 'options.cursor', 'must be a cursor returned with a slot'),
    );
  const plan = rankingPlan({
    ctx,
    providers,
    ranking: options.ranking ?? 'earliest',
    preferredProvider: query.preferredProvider,
    lo,
    hi,
  });
  const page = newPage(ctx, providers, options.limit ?? Number.POSITIVE_INFINITY, cursor);
  for (let g = cursor?.group ?? 0; g < plan.groups.length && !pageFull(page); g++) {
    const group = plan.groups[g] as readonly Provider[];
    for (const { from, to } of stretches({ ctx, plan, group: g, cursor, limit: page.limit, lo, hi })) {
      // Stage 1 and 2 per provider; resources are shared, their free time computed once per stretch.
      const found: FoundSlots = { starts: [], orders: [], places: [] };
      const memo = resourceMemo(ctx, from, to, hi);
      for (const p of group) {
        const r = providerSlots(
          {
            ctx,
            provider: p,
            order: providers.indexOf(p),
            location: query.location,
            specified,
            from,
            to,
            rangeEnd: hi,
            allowOverbook: options.allowOverbook === true,
            memo,
          },
          found,
        );
        if (r._tag === 'Left') return r;
      }
      // Stages 3 and 4.
      takeRanked(page, plan, g, found);
      if (pageFull(page)) break;
    }
  }
  return ok(pageSlots(page));
};

/** Where a group's search starts and how it grows. */
interface StretchSettings {
  readonly ctx: SearchContext;
  readonly plan: RankingPlan;
  readonly group: number;
  readonly cursor: RankKey | undefined;
  readonly limit: number;
  readonly lo: number;
  readonly hi: number;
}

/** The first stretch of a limited search: a few hours find the first page in a busy calendar. */
const FIRST_STRETCH = 2 * HOUR;

/**
 * The stretches of the range a group is searched in, in rank order. Later stretches only hold
 * later keys, so a limited search stops after a few: 2 h, 4 h, 8 h, ... from the cursor, notice
 * or range start; whole days from the day holding it for `spread-load`, whose key starts with the
 * day; the whole range at once without a limit.
 */
function* stretches(s: StretchSettings): Generator<{ readonly from: number; readonly to: number }> {
  const { ctx, lo, hi } = s;
  const resume = Math.max(lo, ctx.earliest, s.cursor && s.group === s.cursor.group ? s.cursor.start : lo);
  const spread = s.plan.ranking === 'spread-load';
  let from = spread ? lo + Math.floor((resume - lo) / DAY) * DAY : resume;
  let span = s.limit === Number.POSITIVE_INFINITY ? hi - lo : spread ? DAY : FIRST_STRETCH;
  while (from < hi) {
    const to = Math.min(hi, from + span);
    yield { from, to };
    from = to;
    span *= 2;
  }
}

/**
 * The earliest slot with any eligible provider ("next available with anyone").
 *
 * Same rules as `findSlots` (notice from `now`, buffers, limits, resources, DST-stable grid);
 * it stops at the first slot, searching a day, then two, four, ... ahead.
 *
 * @param query - type and range `[from, to)`; `providers` to narrow the pool
 * @param calendar - the calendar
 * @param options - `now`, and optionally `excludeAppointment` and `allowOverbook`
 * @returns `Right(slot)`, `Right(undefined)` when nothing is free in the range, or the `Left`
 *   cases of `findSlots`
 * @example
 * firstAvailable({ type: appointmentTypeId('follow-up-20'), from: isoInstant('2026-11-23T09:00:00-05:00'), to: isoInstant('2026-12-23T00:00:00-05:00') }, calendar, { now: isoInstant('2026-11-23T14:00:00Z') });
 */
export const firstAvailable = (
  query: SlotQuery,
  calendar: SchedulingCalendar,
  options: Pick<SlotOptions, 'now' | 'excludeAppointment' | 'allowOverbook'>,
): Either<SchedulingError, Slot | undefined> => {
  const r = findSlots(query, calendar, { ...options, limit: 1, ranking: 'earliest' });
  return r._tag === 'Left' ? r : ok(r.right[0]);
};

/** Slots of one local date in a display zone. */
export interface SlotDay {
  readonly date: IsoDate;
  readonly slots: readonly Slot[];
}

/**
 * Groups slots by the local date of their start in a display zone (the patient's, say), dates
 * ascending, slots in their given order. A provider's day may split across two dates for a viewer
 * in another zone; the slots themselves do not move.
 *
 * @param slots - slots, such as a `findSlots` result
 * @param zone - the display zone
 * @returns one entry per local date
 * @example
 * groupSlotsByDay(slots, zone('Asia/Kolkata')); // [{ date: '2026-11-24', slots: [...] }, ...]
 */
export const groupSlotsByDay = (slots: readonly Slot[], zone: IanaZone): readonly SlotDay[] => {
  const days = new Map<IsoDate, Slot[]>();
  for (const s of slots) {
    const date = toWallClock(instantToMs(s.start), zone).date;
    const list = days.get(date);
    if (list) list.push(s);
    else days.set(date, [s]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, list]) => ({ date, slots: list }));
};
