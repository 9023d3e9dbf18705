/**
 * Slot finding: availability of eligible providers, minus their bookings and holds (widened by
 * buffers), the patient's own visits and full days/weeks, intersected with the free time of the
 * required rooms and devices, cut on a grid anchored in the provider's wall clock.
 */
import type { ResourceId } from '../core/ids.js';
import type { Interval } from '../core/interval.js';
import { cutBlocks } from './availability.js';
import { gridStarts } from './grid.js';
import { providerWindows, type SlotWindow } from './slotWindows.js';
import { covers, intersectIntervals, unionIntervals } from '../core/interval.js';
import { err, ok, type Either } from '../core/result.js';
import { formatInstant, toWallClock, type IanaZone } from '../core/time.js';
import { instantToMs, type IsoDate, type IsoInstant } from '../core/calendar.js';
import { occupanciesNear, ownerBookings } from './calendarIndex.js';
import { invalidInput, unknownReference, type SchedulingError } from './errors.js';
import type { Provider, Resource, SchedulingCalendar, Slot, SlotOptions, SlotQuery } from './model.js';
import {
  horizonEnd,
  limitClosures,
  lookupResources,
  patientBusy,
  providerBusy,
  providerEligible,
  readRange,
  remainingKinds,
  resourceFree,
  resourcesOfKind,
  searchContext,
  type SearchContext,
} from './search.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const NO_IDS: readonly never[] = [];

/** What a found slot has besides its time and provider: shared by the slots of a piece. */
interface SlotPlace {
  readonly resources: readonly ResourceId[];
  readonly location: string | undefined;
  readonly overbooked: boolean;
}

/**
 * The slots found in a window as parallel arrays (start in epoch ms, provider position, place):
 * an all-slots search finds hundreds of thousands, and objects built before they are ranked, then
 * again as slots, cost a fifth of the search. Slots are built once, in ranking order.
 */
interface Found {
  readonly starts: number[];
  readonly orders: number[];
  readonly places: SlotPlace[];
}

/** Per-window memo shared by all providers: resource free time, kind pools and their unions. */
interface WindowMemo {
  readonly lo: number;
  readonly hi: number;
  readonly free: Map<string, readonly Interval[]>;
  readonly kinds: Map<string, readonly Interval[]>;
  readonly pools: Map<string, readonly Resource[]>;
}

const freeOf = (
  ctx: SearchContext,
  memo: WindowMemo,
  r: Resource,
): Either<SchedulingError, readonly Interval[]> => {
  const hit = memo.free.get(r.id);
  if (hit) return ok(hit);
  const free = resourceFree(ctx, r, memo.lo, memo.hi);
  if (free._tag === 'Right') memo.free.set(r.id, free.right);
  return free;
};

const kindFree = (
  ctx: SearchContext,
  memo: WindowMemo,
  candidates: readonly Resource[],
  key: string,
): Either<SchedulingError, readonly Interval[]> => {
  const hit = memo.kinds.get(key);
  if (hit) return ok(hit);
  let union: readonly Interval[] = [];
  for (const r of candidates) {
    const f = freeOf(ctx, memo, r);
    if (f._tag === 'Left') return f;
    union = unionIntervals(union, f.right);
  }
  memo.kinds.set(key, union);
  return ok(union);
};

/**
 * Picks one free resource per remaining kind (distinct) for the slot `[start, end)`, or undefined.
 * Takes the slot as numbers: with no kind left to fill, as in most searches, nothing is built.
 */
const assign = (
  memo: WindowMemo,
  start: number,
  end: number,
  pools: readonly (readonly Resource[])[],
  chosen: readonly Resource[],
): readonly Resource[] | undefined => {
  if (pools.length === 0) return chosen;
  const slot: Interval = { start, end };
  const out = [...chosen];
  for (const pool of pools) {
    const r = pool.find((c) => !out.includes(c) && covers(memo.free.get(c.id) ?? [], slot));
    if (!r) return undefined;
    out.push(r);
  }
  return out;
};

/**
 * Every slot of one provider with start in [lo, hi) and end at or before `end`.
 */
const providerSlots = (
  ctx: SearchContext,
  query: SlotQuery,
  p: Provider,
  order: number,
  specified: readonly Resource[],
  lo: number,
  hi: number,
  end: number,
  allowOverbook: boolean,
  memo: WindowMemo,
  out: Found,
): Either<SchedulingError, void> => {
  const horizon = horizonEnd(ctx, p);
  if (horizon._tag === 'Left') return horizon;
  const first = Math.max(lo, ctx.earliest);
  const last = Math.min(hi, horizon.right);
  if (first >= last) return ok(undefined);
  const until = Math.min(end, last + ctx.duration);
  const windows = providerWindows(ctx, p, first, until, query.location);
  if (windows._tag === 'Left') return windows;
  const blocks = windows.right;
  if (blocks.length === 0) return ok(undefined);
  // The window edges are cut like busy time, so blocks need no separate clipping.
  const edges: Interval[] = [
    { start: Number.NEGATIVE_INFINITY, end: first },
    { start: until, end: Number.POSITIVE_INFINITY },
  ];
  const common = unionIntervals(
    unionIntervals(patientBusy(ctx, first, until), limitClosures(ctx, p, first, until).closed),
    edges,
  );
  const pieces = cutBlocks(blocks, unionIntervals(providerBusy(ctx, p.id, first, until, 1), common));
  const regular = pieces.length;
  if (allowOverbook)
    for (const b of blocks)
      if (b.capacity > 1)
        pieces.push(
          ...cutBlocks([b], unionIntervals(providerBusy(ctx, p.id, first, until, b.capacity), common)),
        );
  const kinds = remainingKinds(ctx.type, specified);
  // Starts already offered, kept only once a piece overlaps an earlier one (an overbook block,
  // overlapping templates): pieces that begin after every earlier end cannot repeat a start.
  const begin = out.starts.length;
  const starts: number[] = [];
  let seen: Set<number> | undefined;
  let reach = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < pieces.length; i++) {
    const b = pieces[i] as SlotWindow;
    const overbooked = i >= regular;
    if (b.start < reach && seen === undefined) {
      seen = new Set();
      for (let k = begin; k < out.starts.length; k++) seen.add(out.starts[k] as number);
    }
    reach = Math.max(reach, b.end);
    let free: readonly Interval[] = [b];
    for (const r of specified) {
      const f = freeOf(ctx, memo, r);
      if (f._tag === 'Left') return f;
      free = intersectIntervals(free, f.right);
    }
    const pools: (readonly Resource[])[] = [];
    for (const kind of kinds) {
      // Without a block location the pool is the provider's locations: part of the key.
      const key = `${kind}|${b.location ?? p.locations.join(',')}`;
      let pool = memo.pools.get(key);
      if (!pool) {
        pool = resourcesOfKind(ctx, kind, b.location, p, query.location).filter(
          (r) => !specified.includes(r),
        );
        memo.pools.set(key, pool);
      }
      const f = kindFree(ctx, memo, pool, key);
      if (f._tag === 'Left') return f;
      free = intersectIntervals(free, f.right);
      pools.push(pool);
    }
    const fixedLocation = b.location ?? (p.locations.length === 1 ? p.locations[0] : undefined);
    // Without resources to assign, every slot of the piece has the same place.
    let shared: SlotPlace | undefined;
    for (const gap of free) {
      starts.length = 0;
      for (const part of b.parts)
        gridStarts(
          part.grid,
          Math.max(gap.start, part.start),
          Math.min(gap.end - ctx.duration, last - 1, part.end - 1),
          starts,
        );
      // Merged windows keep several grids: their starts interleave and may coincide.
      if (b.parts.length > 1) dedupeSorted(starts.sort((x, y) => x - y));
      for (const s of starts) {
        if (seen?.has(s)) continue;
        const resources = assign(memo, s, s + ctx.duration, pools, specified);
        if (!resources) continue;
        seen?.add(s);
        out.starts.push(s);
        out.orders.push(order);
        if (resources.length === 0) {
          shared ??= { resources: NO_IDS, location: fixedLocation, overbooked };
          out.places.push(shared);
        } else
          out.places.push({
            resources: resources.map((r) => r.id),
            location:
              b.location ?? (resources.find((r) => r.category !== 'equipment') ?? resources[0])?.location,
            overbooked,
          });
      }
    }
  }
  return ok(undefined);
};

/** Removes repeated values from a sorted list, in place. */
const dedupeSorted = (list: number[]): void => {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i] as number;
  list.length = n;
};

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
 * prepareSearch(query, calendar, { now: '2026-11-23T14:00:00Z' as IsoInstant });
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

/** Ranking key: group, day bucket, provider load, start, provider order (unique per slot). */
type Key = readonly [number, number, number, number, number];

const compareKeys = (a: Key, b: Key): number =>
  a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4];

const encodeCursor = (k: Key): string => `s1.${k.join('.')}`;

const decodeCursor = (text: string): Key | undefined => {
  const parts = text.split('.');
  if (parts.length !== 6 || parts[0] !== 's1') return undefined;
  const nums = parts.slice(1).map(Number);
  return nums.every(Number.isFinite) ? (nums as unknown as Key) : undefined;
};

/** Booked minutes of a provider in the range: the load that `spread-load` evens out. */
const load = (ctx: SearchContext, p: Provider, lo: number, hi: number): number => {
  let total = 0;
  for (const o of occupanciesNear(ownerBookings(ctx.index, 'provider', p.id), lo, hi, 0))
    if (o.kind === 'appointment' && o.id !== ctx.excluded)
      total += Math.min(o.end, hi) - Math.max(o.start, lo);
  return total;
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
 *   { type: 'echo-new-40', from: '2026-11-24T00:00:00-05:00', to: '2026-12-01T00:00:00-05:00', providers: ['dr-patel'] },
 *   calendar,
 *   { now: '2026-11-23T14:00:00Z', limit: 5 },
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
  const ranking = options.ranking ?? 'earliest';
  const groups: (readonly Provider[])[] =
    ranking === 'preferred-provider' && query.preferredProvider !== undefined
      ? [
          providers.filter((p) => p.id === query.preferredProvider),
          providers.filter((p) => p.id !== query.preferredProvider),
        ]
      : [providers];
  const loads = new Map<Provider, number>();
  if (ranking === 'spread-load') for (const p of providers) loads.set(p, load(ctx, p, lo, hi));
  const keyOf = (g: number, f: Found, i: number): Key => [
    g,
    ranking === 'spread-load' ? Math.floor(((f.starts[i] as number) - lo) / DAY) : 0,
    loads.get(providers[f.orders[i] as number] as Provider) ?? 0,
    f.starts[i] as number,
    f.orders[i] as number,
  ];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const out: Slot[] = [];
  const texts = instantTexts(providers);
  let lastKey: Key | undefined;
  for (let g = 0; g < groups.length && out.length < limit; g++) {
    if (cursor && g < cursor[0]) continue;
    const group = groups[g] as readonly Provider[];
    // Later windows only hold later keys, so a limited search stops after a few windows (2 h,
    // 4 h, 8 h, ...; whole days for spread-load, whose key starts with the day of the range).
    const resume = Math.max(lo, ctx.earliest, cursor && g === cursor[0] ? cursor[3] : lo);
    let from = ranking === 'spread-load' ? lo + Math.floor((resume - lo) / DAY) * DAY : resume;
    let span = limit === Number.POSITIVE_INFINITY ? hi - lo : ranking === 'spread-load' ? DAY : 2 * HOUR;
    while (from < hi && out.length < limit) {
      const to = Math.min(hi, from + span);
      const found: Found = { starts: [], orders: [], places: [] };
      // Resources are shared by all providers: their free time is computed once per window.
      const memo: WindowMemo = {
        lo: Math.max(from, ctx.earliest),
        hi: Math.min(hi, to + ctx.duration),
        free: new Map(),
        kinds: new Map(),
        pools: new Map(),
      };
      for (const p of group) {
        const r = providerSlots(
          ctx,
          query,
          p,
          providers.indexOf(p),
          specified,
          from,
          to,
          hi,
          options.allowOverbook === true,
          memo,
          found,
        );
        if (r._tag === 'Left') return r;
      }
      const sorted =
        ranking === 'spread-load'
          ? Array.from(found.starts.keys()).sort((a, b) =>
              compareKeys(keyOf(g, found, a), keyOf(g, found, b)),
            )
          : byStart(found.starts);
      let lastIndex = -1;
      for (let k = 0; k < sorted.length && out.length < limit; k++) {
        const i = sorted[k] as number;
        if (cursor && compareKeys(keyOf(g, found, i), cursor) <= 0) continue;
        out.push(slotAt(ctx, found, i, providers, texts));
        lastIndex = i;
      }
      if (lastIndex >= 0) lastKey = keyOf(g, found, lastIndex);
      from = to;
      span *= 2;
    }
  }
  // A limited page carries the cursor of its last slot, to ask for the next page.
  const last = out[out.length - 1];
  if (last && lastKey && limit !== Number.POSITIVE_INFINITY)
    out[out.length - 1] = { ...last, cursor: encodeCursor(lastKey) };
  return ok(out);
};

/**
 * Positions of the found slots in (start, provider order) order. Providers are searched in order,
 * so a stable counting sort on the starts does it in linear time: starts fall on whole minutes
 * (wall-clock grids), counted per minute of the window; any other start sends the sort to
 * buckets per distinct start.
 */
const byStart = (starts: readonly number[]): Int32Array => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of starts) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  const span = (hi - lo) / MINUTE + 1;
  const bucket = new Int32Array(starts.length);
  let counts: Int32Array;
  if (
    Number.isInteger(span) &&
    span <= 4 * starts.length + 1440 &&
    starts.every((s) => (s - lo) % MINUTE === 0)
  ) {
    counts = new Int32Array(span + 1);
    for (let i = 0; i < starts.length; i++) bucket[i] = ((starts[i] as number) - lo) / MINUTE;
  } else {
    const distinct = Float64Array.from(new Set(starts)).sort();
    const rank = new Map<number, number>();
    distinct.forEach((s, r) => rank.set(s, r));
    counts = new Int32Array(distinct.length + 1);
    for (let i = 0; i < starts.length; i++) bucket[i] = rank.get(starts[i] as number) as number;
  }
  // Bucket b's first position is the count of all earlier buckets.
  for (let i = 0; i < starts.length; i++) {
    const b = (bucket[i] as number) + 1;
    counts[b] = (counts[b] as number) + 1;
  }
  for (let b = 1; b < counts.length; b++) counts[b] = (counts[b] as number) + (counts[b - 1] as number);
  const order = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const b = bucket[i] as number;
    order[counts[b] as number] = i;
    counts[b] = (counts[b] as number) + 1;
  }
  return order;
};

/**
 * The last start and end text written per zone, per search. Slots come in start order, so the
 * providers of one zone at one time share their strings, and a new text is written only when the
 * time moves on.
 */
interface InstantTexts {
  /** Zone slot of each provider, by its position in the search's provider list. */
  readonly zoneOf: readonly number[];
  readonly ms: Float64Array;
  readonly texts: IsoInstant[];
}

const instantTexts = (providers: readonly Provider[]): InstantTexts => {
  const zones = new Map<IanaZone, number>();
  // Two slots per zone: its last start and its last end.
  const zoneOf = providers.map((p) => {
    let z = zones.get(p.zone);
    if (z === undefined) {
      z = zones.size * 2;
      zones.set(p.zone, z);
    }
    return z;
  });
  return { zoneOf, ms: new Float64Array(zones.size * 2).fill(Number.NaN), texts: [] };
};

const textOf = (t: InstantTexts, at: number, ms: number, zone: IanaZone): IsoInstant => {
  if (t.ms[at] !== ms) {
    t.ms[at] = ms;
    t.texts[at] = formatInstant(ms, zone);
  }
  return t.texts[at] as IsoInstant;
};

/**
 * The slot at position `i` of the found ones. Slots are built in ranking order, so the providers
 * of one zone at one time share their time texts.
 */
const slotAt = (
  ctx: SearchContext,
  found: Found,
  i: number,
  providers: readonly Provider[],
  texts: InstantTexts,
): Slot => {
  const at = found.starts[i] as number;
  const order = found.orders[i] as number;
  const p = providers[order] as Provider;
  const z = texts.zoneOf[order] as number;
  const start = textOf(texts, z, at, p.zone);
  const end = textOf(texts, z + 1, at + ctx.duration, p.zone);
  const { resources, location, overbooked } = found.places[i] as SlotPlace;
  return location === undefined
    ? { start, end, provider: p.id, resources, type: ctx.type.id, overbooked }
    : {
        start,
        end,
        provider: p.id,
        resources,
        type: ctx.type.id,
        location: location as NonNullable<Slot['location']>,
        overbooked,
      };
};

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
 * firstAvailable({ type: 'follow-up-20', from: '2026-11-23T09:00:00-05:00', to: '2026-12-23T00:00:00-05:00' }, calendar, { now: '2026-11-23T14:00:00Z' });
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
 * groupSlotsByDay(slots, 'Asia/Kolkata' as IanaZone); // [{ date: '2026-11-24', slots: [...] }, ...]
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
