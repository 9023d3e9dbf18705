/**
 * The first two stages of a slot search, for one provider and one stretch of time: the candidate
 * starts (the provider's merged windows that admit the type, cut by busy time, notice, horizon and
 * full days, and the wall-clock grid inside what is left) and the filters on them (the free time
 * of the required and requested resources, and a distinct resource per required kind). What is
 * found goes into columns (`FoundSlots`) for the ranking stage in `slotRanking.ts`.
 */
import type { ResourceId } from '../core/ids.js';
import { covers, intersectIntervals, unionIntervals, type Interval } from '../core/interval.js';
import { ok, type Either } from '../core/result.js';
import { cutBlocks } from './availability.js';
import type { SchedulingError } from './errors.js';
import { gridStarts } from './grid.js';
import type { Provider, Resource } from './model.js';
import {
  horizonEnd,
  limitClosures,
  patientBusy,
  providerBusy,
  remainingKinds,
  resourceFree,
  resourcesOfKind,
  type SearchContext,
} from './search.js';
import { providerWindows, type SlotWindow } from './slotWindows.js';

const NO_IDS: readonly never[] = [];

/** What a found slot has besides its time and provider: shared by the slots of a piece. */
export interface SlotPlace {
  readonly resources: readonly ResourceId[];
  readonly location: string | undefined;
  readonly overbooked: boolean;
}

/**
 * Found slots as parallel columns (start in epoch ms, provider position, place): an all-slots
 * search finds hundreds of thousands, and objects built before they are ranked, then again as
 * slots, cost a fifth of the search. Slots are built once, in ranking order.
 */
export interface FoundSlots {
  readonly starts: number[];
  /** Position of the slot's provider in the search's provider list. */
  readonly orders: number[];
  readonly places: SlotPlace[];
}

/** A pool of resources of one kind, and the union of their free time. */
interface Pool {
  readonly members: readonly Resource[];
  readonly free: readonly Interval[];
}

/**
 * Where a pool's resources may be: the block's location, or the provider's locations when the
 * block names none (the calendar's own list object, the same for every search of the calendar).
 * With the kind, this is everything a pool depends on within one search (the wanted location and
 * the requested resources are the search's), so pools are memoized by kind, then by this.
 */
type PoolPlace = string | readonly string[];

/**
 * Resource free time for one stretch of the search, shared by all providers: each resource's free
 * time, each pool's union, and the pools themselves.
 */
export interface ResourceMemo {
  /** The stretch the free times cover, epoch ms. */
  readonly lo: number;
  readonly hi: number;
  readonly free: Map<ResourceId, readonly Interval[]>;
  /** By kind, then by `PoolPlace`. */
  readonly pools: Map<string, Map<PoolPlace, Pool>>;
}

/**
 * An empty resource memo for starts in `[from, to)`.
 *
 * @param ctx - the search context
 * @param from - first start looked at, epoch ms
 * @param to - end of the starts looked at, epoch ms
 * @param rangeEnd - end of the search range (slots end at or before it)
 * @returns the memo
 * @example
 * resourceMemo(ctx, lo, lo + 2 * 3_600_000, hi);
 */
export const resourceMemo = (
  ctx: SearchContext,
  from: number,
  to: number,
  rangeEnd: number,
): ResourceMemo => ({
  lo: Math.max(from, ctx.earliest),
  hi: Math.min(rangeEnd, to + ctx.duration),
  free: new Map(),
  pools: new Map(),
});

const freeOf = (
  ctx: SearchContext,
  memo: ResourceMemo,
  r: Resource,
): Either<SchedulingError, readonly Interval[]> => {
  const hit = memo.free.get(r.id);
  if (hit) return ok(hit);
  const free = resourceFree(ctx, r, memo.lo, memo.hi);
  if (free._tag === 'Right') memo.free.set(r.id, free.right);
  return free;
};

/** One provider's share of a search stretch. */
export interface ProviderStretch {
  readonly ctx: SearchContext;
  readonly provider: Provider;
  /** The provider's position in the search's provider list (a ranking tie-break). */
  readonly order: number;
  /** The query's wanted location, if any. */
  readonly location: string | undefined;
  /** Resources the query asks for by id. */
  readonly specified: readonly Resource[];
  /** Starts looked at: `[from, to)`, epoch ms. */
  readonly from: number;
  readonly to: number;
  /** End of the search range: slots end at or before it. */
  readonly rangeEnd: number;
  readonly allowOverbook: boolean;
  readonly memo: ResourceMemo;
}

/** Bookable pieces of a provider's windows, and where starts may lie. */
interface Pieces {
  readonly pieces: readonly SlotWindow[];
  /** Pieces from this index on come from overbook blocks searched at their depth. */
  readonly regular: number;
  /** Last start allowed (exclusive): the stretch's end, the horizon. */
  readonly last: number;
}

/**
 * Stage 1a: the provider's merged windows in the stretch, minus its busy time (bookings and holds
 * with buffers), the patient's visits, full days and weeks, and the notice and horizon edges;
 * with `allowOverbook`, overbook blocks again at their own depth.
 */
const bookablePieces = (s: ProviderStretch): Either<SchedulingError, Pieces | undefined> => {
  const { ctx, provider: p } = s;
  const horizon = horizonEnd(ctx, p);
  if (horizon._tag === 'Left') return horizon;
  const first = Math.max(s.from, ctx.earliest);
  const last = Math.min(s.to, horizon.right);
  if (first >= last) return ok(undefined);
  const until = Math.min(s.rangeEnd, last + ctx.duration);
  const windows = providerWindows(ctx, p, first, until, s.location);
  if (windows._tag === 'Left') return windows;
  const blocks = windows.right;
  if (blocks.length === 0) return ok(undefined);
  // The stretch's edges are cut like busy time, so blocks need no separate clipping.
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
  if (s.allowOverbook)
    for (const b of blocks)
      if (b.capacity > 1)
        pieces.push(
          ...cutBlocks([b], unionIntervals(providerBusy(ctx, p.id, first, until, b.capacity), common)),
        );
  return ok({ pieces, regular, last });
};

/** A piece's free time once resources are counted, and the pools to pick a resource from per start. */
interface PieceResources {
  readonly free: readonly Interval[];
  readonly pools: readonly (readonly Resource[])[];
}

/**
 * Stage 2a: the part of a piece where the requested resources and a resource of every required
 * kind are free (pools and their free time memoized per stretch).
 */
const pieceResources = (
  s: ProviderStretch,
  piece: SlotWindow,
  kinds: readonly string[],
): Either<SchedulingError, PieceResources> => {
  const { ctx, memo } = s;
  let free: readonly Interval[] = [piece];
  for (const r of s.specified) {
    const f = freeOf(ctx, memo, r);
    if (f._tag === 'Left') return f;
    free = intersectIntervals(free, f.right);
  }
  const pools: (readonly Resource[])[] = [];
  for (const kind of kinds) {
    let byPlace = memo.pools.get(kind);
    if (!byPlace) {
      byPlace = new Map();
      memo.pools.set(kind, byPlace);
    }
    const place: PoolPlace = piece.location ?? s.provider.locations;
    let pool = byPlace.get(place);
    if (!pool) {
      const members = resourcesOfKind(ctx, kind, piece.location, s.provider, s.location).filter(
        (r) => !s.specified.includes(r),
      );
      let union: readonly Interval[] = [];
      for (const r of members) {
        const f = freeOf(ctx, memo, r);
        if (f._tag === 'Left') return f;
        union = unionIntervals(union, f.right);
      }
      pool = { members, free: union };
      byPlace.set(place, pool);
    }
    free = intersectIntervals(free, pool.free);
    pools.push(pool.members);
  }
  return ok({ free, pools });
};

/**
 * Stage 2b: one free resource per remaining kind (distinct) for the slot `[start, end)`, or
 * undefined. Takes the slot as numbers: with no kind left to fill, as in most searches, nothing is
 * built.
 */
const assign = (
  memo: ResourceMemo,
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
 * Stage 1b: the grid starts of a piece inside one free gap, ascending and distinct, that leave room
 * for the visit before the gap ends and lie before `last`.
 */
const gapStarts = (
  ctx: SearchContext,
  piece: SlotWindow,
  gap: Interval,
  last: number,
  out: number[],
): void => {
  out.length = 0;
  for (const part of piece.parts)
    gridStarts(
      part.grid,
      Math.max(gap.start, part.start),
      Math.min(gap.end - ctx.duration, last - 1, part.end - 1),
      out,
    );
  // Merged windows of several dates keep several grids: their starts interleave and may coincide.
  if (piece.parts.length > 1) dedupeSorted(out.sort((x, y) => x - y));
};

/** Removes repeated values from a sorted list, in place. */
const dedupeSorted = (list: number[]): void => {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i] as number;
  list.length = n;
};

/**
 * Every slot of one provider with start in the stretch `[from, to)` (and end at or before the
 * range end), appended to `out` in start order per piece: candidate starts (stage 1) that pass the
 * resource filters (stage 2).
 *
 * @param s - the provider's stretch
 * @param out - the columns the slots are appended to
 * @returns nothing, or `Left` `scheduling.invalid-rule` from a template read on the way
 * @example
 * providerSlots({ ctx, provider, order: 0, location: undefined, specified: [], from, to, rangeEnd: hi, allowOverbook: false, memo }, found);
 */
export const providerSlots = (s: ProviderStretch, out: FoundSlots): Either<SchedulingError, void> => {
  const found = bookablePieces(s);
  if (found._tag === 'Left' || found.right === undefined)
    return found._tag === 'Left' ? found : ok(undefined);
  const { pieces, regular, last } = found.right;
  const { ctx, provider: p } = s;
  const kinds = remainingKinds(ctx.type, s.specified);
  // Starts already offered, kept only once a piece overlaps an earlier one (an overbook block,
  // overlapping templates): pieces that begin after every earlier end cannot repeat a start.
  const begin = out.starts.length;
  const starts: number[] = [];
  let seen: Set<number> | undefined;
  let reach = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as SlotWindow;
    const overbooked = i >= regular;
    if (piece.start < reach && seen === undefined) seen = new Set(out.starts.slice(begin));
    reach = Math.max(reach, piece.end);
    const resources = pieceResources(s, piece, kinds);
    if (resources._tag === 'Left') return resources;
    const { free, pools } = resources.right;
    const fixedLocation = piece.location ?? (p.locations.length === 1 ? p.locations[0] : undefined);
    // Without resources to assign, every slot of the piece has the same place.
    let shared: SlotPlace | undefined;
    for (const gap of free) {
      gapStarts(ctx, piece, gap, last, starts);
      for (const start of starts) {
        if (seen?.has(start)) continue;
        const chosen = assign(s.memo, start, start + ctx.duration, pools, s.specified);
        if (!chosen) continue;
        seen?.add(start);
        out.starts.push(start);
        out.orders.push(s.order);
        if (chosen.length === 0) {
          shared ??= { resources: NO_IDS, location: fixedLocation, overbooked };
          out.places.push(shared);
        } else
          out.places.push({
            resources: chosen.map((r) => r.id),
            location:
              piece.location ?? (chosen.find((r) => r.category !== 'equipment') ?? chosen[0])?.location,
            overbooked,
          });
      }
    }
  }
  return ok(undefined);
};
