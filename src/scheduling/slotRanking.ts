/**
 * The last two stages of a slot search: ranking found slots and taking a page of them. A slot's
 * rank is a key (group, day of the range, provider load, start, provider position) that is unique
 * per slot, so a page ends at a key and the next page starts after it (the cursor).
 *
 * The earliest-first order is produced by a counting sort (`byStart`); `byKeyPlain` is the plain
 * comparison sort of the same rule, which tests/scheduling/fastPaths.prop.test.ts checks it
 * against.
 */
import { formatInstant, type IanaZone } from '../core/time.js';
import type { IsoInstant } from '../core/calendar.js';
import { occupanciesNear, ownerBookings } from './calendarIndex.js';
import type { Provider, Slot, SlotRanking } from './model.js';
import type { SearchContext } from './search.js';
import type { FoundSlots, SlotPlace } from './slotCandidates.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Grid starts fall on whole minutes; the counting sort counts per minute up to this many per slot. */
const MINUTES_PER_SLOT_BOUND = 4;
const MINUTES_PER_DAY = 1440;

/** A slot's rank; compared field by field in this order. */
export interface RankKey {
  /** 0 for the preferred provider's slots under `preferred-provider`, else 0 or 1. */
  readonly group: number;
  /** Day of the range (`spread-load` only, else 0). */
  readonly day: number;
  /** Booked minutes of the provider in the range, ms (`spread-load` only, else 0). */
  readonly load: number;
  readonly start: number;
  /** The provider's position in the search's provider list. */
  readonly order: number;
}

const KEY_FIELDS = ['group', 'day', 'load', 'start', 'order'] as const;
const CURSOR_VERSION = 's1';

/**
 * Compares two rank keys.
 *
 * @param a - a key
 * @param b - another key
 * @returns negative, zero or positive
 * @example
 * compareKeys(a, b) < 0; // a ranks first
 */
export const compareKeys = (a: RankKey, b: RankKey): number =>
  a.group - b.group || a.day - b.day || a.load - b.load || a.start - b.start || a.order - b.order;

/**
 * The cursor text of a key (`s1.` and the fields in order).
 *
 * @param k - the key of a page's last slot
 * @returns the cursor
 * @example
 * encodeCursor({ group: 0, day: 0, load: 0, start: 1_795_874_400_000, order: 3 }); // 's1.0.0.0.1795874400000.3'
 */
export const encodeCursor = (k: RankKey): string =>
  [CURSOR_VERSION, ...KEY_FIELDS.map((f) => k[f])].join('.');

/**
 * The key of a cursor text, or undefined when it is not one.
 *
 * @param text - a cursor
 * @returns the key or undefined
 * @example
 * decodeCursor('s1.0.0.0.1795874400000.3'); // { group: 0, day: 0, load: 0, start: 1795874400000, order: 3 }
 */
export const decodeCursor = (text: string): RankKey | undefined => {
  const parts = text.split('.');
  if (parts.length !== KEY_FIELDS.length + 1 || parts[0] !== CURSOR_VERSION) return undefined;
  const nums = parts.slice(1).map(Number);
  if (!nums.every(Number.isFinite)) return undefined;
  const [group, day, load, start, order] = nums as [number, number, number, number, number];
  return { group, day, load, start, order };
};

/** How a search ranks: provider groups in order, and what a key holds besides start and provider. */
export interface RankingPlan {
  readonly ranking: SlotRanking;
  /** Provider groups searched one after the other (the preferred provider first). */
  readonly groups: readonly (readonly Provider[])[];
  /** Booked ms per provider position (`spread-load`), else empty. */
  readonly loads: readonly number[];
  /** Start of the range: days are counted from it. */
  readonly lo: number;
}

/** What a ranking plan is made from. */
export interface RankingSettings {
  readonly ctx: SearchContext;
  readonly providers: readonly Provider[];
  readonly ranking: SlotRanking;
  readonly preferredProvider: string | undefined;
  readonly lo: number;
  readonly hi: number;
}

/** Booked minutes of a provider in the range: the load that `spread-load` evens out. */
const load = (ctx: SearchContext, p: Provider, lo: number, hi: number): number => {
  let total = 0;
  for (const o of occupanciesNear(ownerBookings(ctx.index, 'provider', p.id), lo, hi, 0))
    if (o.kind === 'appointment' && o.id !== ctx.excluded)
      total += Math.min(o.end, hi) - Math.max(o.start, lo);
  return total;
};

/**
 * The ranking plan of a search.
 *
 * @param s - ranking, providers, preferred provider, range
 * @returns the plan
 * @example
 * rankingPlan({ ctx, providers, ranking: 'earliest', preferredProvider: undefined, lo, hi });
 */
export const rankingPlan = (s: RankingSettings): RankingPlan => ({
  ranking: s.ranking,
  groups:
    s.ranking === 'preferred-provider' && s.preferredProvider !== undefined
      ? [
          s.providers.filter((p) => p.id === s.preferredProvider),
          s.providers.filter((p) => p.id !== s.preferredProvider),
        ]
      : [s.providers],
  loads: s.ranking === 'spread-load' ? s.providers.map((p) => load(s.ctx, p, s.lo, s.hi)) : [],
  lo: s.lo,
});

/**
 * The rank key of found slot `i` in provider group `group`.
 *
 * @param plan - the ranking plan
 * @param group - the group the slot was found in
 * @param found - found slots
 * @param i - position in `found`
 * @returns the key
 * @example
 * keyOf(plan, 0, found, 0);
 */
export const keyOf = (plan: RankingPlan, group: number, found: FoundSlots, i: number): RankKey => {
  const start = found.starts[i] as number;
  const order = found.orders[i] as number;
  const spread = plan.ranking === 'spread-load';
  return {
    group,
    day: spread ? Math.floor((start - plan.lo) / DAY) : 0,
    load: spread ? (plan.loads[order] ?? 0) : 0,
    start,
    order,
  };
};

/**
 * Positions of found slots in rank order, by comparing keys: the plain form of the rule.
 *
 * @param plan - the ranking plan
 * @param group - the group the slots were found in
 * @param found - found slots
 * @returns positions in rank order
 * @example
 * byKeyPlain(plan, 0, found);
 */
export const byKeyPlain = (plan: RankingPlan, group: number, found: FoundSlots): readonly number[] =>
  Array.from(found.starts.keys()).sort((a, b) =>
    compareKeys(keyOf(plan, group, found, a), keyOf(plan, group, found, b)),
  );

/**
 * Positions of found slots in (start, provider position) order, which is rank order except for
 * `spread-load`. Providers are searched in order, so a stable counting sort on the starts does it
 * in linear time: starts already in order (one provider) stay as they are; starts on whole minutes
 * (wall-clock grids) are counted per minute of the stretch; other starts, or a stretch much longer
 * than the slots are many, send the sort to buckets per distinct start.
 *
 * @param starts - found starts, epoch ms, grouped by provider in provider order
 * @returns positions in (start, provider) order
 * @example
 * byStart([600_000, 0, 0]); // Int32Array [1, 2, 0]
 */
export const byStart = (starts: readonly number[]): Int32Array => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of starts) {
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
  }
  // One provider's slots usually come in start order already: nothing to sort.
  let sorted = true;
  for (let i = 1; i < starts.length && sorted; i++)
    sorted = (starts[i - 1] as number) <= (starts[i] as number);
  if (sorted) {
    // Filled in a loop: Int32Array.from over an iterator takes the runtime's slow path.
    const identity = new Int32Array(starts.length);
    for (let i = 0; i < identity.length; i++) identity[i] = i;
    return identity;
  }
  const span = (hi - lo) / MINUTE + 1;
  const bucket = new Int32Array(starts.length);
  let counts: Int32Array;
  if (
    Number.isInteger(span) &&
    span <= MINUTES_PER_SLOT_BOUND * starts.length + MINUTES_PER_DAY &&
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
 * time moves on (the same text `formatInstant` writes).
 */
interface InstantTexts {
  /** Text slot of each provider's zone, by provider position: start at `z`, end at `z + 1`. */
  readonly zoneOf: readonly number[];
  readonly ms: Float64Array;
  readonly texts: IsoInstant[];
}

const instantTexts = (providers: readonly Provider[]): InstantTexts => {
  const zones = new Map<IanaZone, number>();
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
    // Back-to-back slots: a start is the end written before it (and an end a start, in the rows
    // of a later provider), so the other text of the zone is tried before a new one is written.
    t.texts[at] = t.ms[at ^ 1] === ms ? (t.texts[at ^ 1] as IsoInstant) : formatInstant(ms, zone);
    t.ms[at] = ms;
  }
  return t.texts[at] as IsoInstant;
};

/** A page being filled: slots in rank order up to `limit`, and the key of the last one. */
export interface Page {
  readonly ctx: SearchContext;
  readonly providers: readonly Provider[];
  readonly limit: number;
  readonly after: RankKey | undefined;
  readonly slots: Slot[];
  lastKey: RankKey | undefined;
  readonly texts: InstantTexts;
}

/**
 * An empty page.
 *
 * @param ctx - the search context
 * @param providers - the search's providers (positions are their order)
 * @param limit - most slots (infinity for all)
 * @param after - the cursor's key: only later keys are taken
 * @returns the page
 * @example
 * newPage(ctx, providers, 10, undefined);
 */
export const newPage = (
  ctx: SearchContext,
  providers: readonly Provider[],
  limit: number,
  after: RankKey | undefined,
): Page => ({ ctx, providers, limit, after, slots: [], lastKey: undefined, texts: instantTexts(providers) });

/**
 * Whether a page holds `limit` slots.
 *
 * @param page - the page
 * @returns true when full
 * @example
 * pageFull(page);
 */
export const pageFull = (page: Page): boolean => page.slots.length >= page.limit;

/**
 * Stages 3 and 4 for one stretch: ranks the slots found in it and takes those after the cursor
 * until the page is full. Stretches come in rank order, so taking from each in turn fills the
 * page in rank order.
 *
 * @param page - the page being filled
 * @param plan - the ranking plan
 * @param group - the provider group the stretch searched
 * @param found - the stretch's slots
 * @returns nothing; the page grows
 * @example
 * takeRanked(page, plan, 0, found);
 */
export const takeRanked = (page: Page, plan: RankingPlan, group: number, found: FoundSlots): void => {
  const order = plan.ranking === 'spread-load' ? byKeyPlain(plan, group, found) : byStart(found.starts);
  let last = -1;
  for (let k = 0; k < order.length && !pageFull(page); k++) {
    const i = order[k] as number;
    if (page.after && compareKeys(keyOf(plan, group, found, i), page.after) <= 0) continue;
    page.slots.push(slotAt(page, found, i));
    last = i;
  }
  if (last >= 0) page.lastKey = keyOf(plan, group, found, last);
};

/**
 * The page's slots; a limited page carries the cursor of its last slot, to ask for the next page.
 *
 * @param page - the filled page
 * @returns the slots
 * @example
 * pageSlots(page);
 */
export const pageSlots = (page: Page): readonly Slot[] => {
  const out = page.slots;
  const last = out[out.length - 1];
  if (last && page.lastKey && page.limit !== Number.POSITIVE_INFINITY)
    out[out.length - 1] = { ...last, cursor: encodeCursor(page.lastKey) };
  return out;
};

/** The slot at position `i` of the found ones, its texts shared with the slot before when equal. */
const slotAt = (page: Page, found: FoundSlots, i: number): Slot => {
  const at = found.starts[i] as number;
  const order = found.orders[i] as number;
  const p = page.providers[order] as Provider;
  const z = page.texts.zoneOf[order] as number;
  const start = textOf(page.texts, z, at, p.zone);
  const end = textOf(page.texts, z + 1, at + page.ctx.duration, p.zone);
  const { resources, location, overbooked } = found.places[i] as SlotPlace;
  const type = page.ctx.type.id;
  return location === undefined
    ? { start, end, provider: p.id, resources, type, overbooked }
    : {
        start,
        end,
        provider: p.id,
        resources,
        type,
        location: location as NonNullable<Slot['location']>,
        overbooked,
      };
};
