/**
 * The windows slots are cut from: a provider's availability blocks that admit the searched type,
 * with touching or overlapping blocks merged into one free interval first. Without the merge, two
 * windows 09:00-12:00 and 12:00-13:00 (in one template or two) would never offer a visit across
 * 12:00, although `validateBooking` accepts it; `findSlots` and `explainSlotExclusions` both read
 * their windows here, so they agree on what was a candidate.
 */
import { ok, type Either } from '../core/result.js';
import { wallTimeMinutes } from '../core/calendar.js';
import { providerOwner, type AvailabilityBlock } from './availability.js';
import { ownerBlocks } from './calendarIndex.js';
import type { SchedulingError } from './errors.js';
import type { WallGrid } from './grid.js';
import type { Provider } from './model.js';
import { blockAdmits, type SearchContext } from './search.js';

/** The grid of one window merged into a longer stretch, and where its starts may lie. */
export interface GridPart {
  readonly grid: WallGrid;
  /** The window's own span: its grid offers starts in `[start, end)`, ends may cross the seam. */
  readonly start: number;
  readonly end: number;
}

/** A merged stretch of availability and the grids of the windows it was merged from. */
export interface SlotWindow extends AvailabilityBlock {
  /** One part per distinct grid (one per local date the windows belong to), in start order. */
  readonly parts: readonly GridPart[];
}

/**
 * The grid of a block: wall times `anchor + k * step` of the window's local date in the provider's
 * zone, anchored at local midnight or at the type's `alignmentAnchor`. Midnight, not the window's
 * own start, so that two windows of a day (08:00-12:00 and 13:10-17:00) share one grid and a step
 * that does not divide the hours stays put (Medplum PR #9488). Counted on the wall clock, so the
 * grid keeps its local times across DST and whoever looks at it.
 *
 * @param ctx - the search context (type step and anchor)
 * @param b - the availability block
 * @returns the block's wall-clock grid
 * @example
 * blockGrid(ctx, block); // 00:00 + k * step on the window's date
 */
export const blockGrid = (ctx: SearchContext, b: AvailabilityBlock): WallGrid => {
  const anchor = ctx.type.alignmentAnchor;
  return {
    day: b.day,
    zone: b.zone,
    anchorMinutes: anchor === undefined ? 0 : wallTimeMinutes(anchor),
    step: ctx.step,
  };
};

const sameGrid = (a: WallGrid, b: WallGrid): boolean =>
  a.day === b.day && a.anchorMinutes === b.anchorMinutes && a.zone === b.zone && a.step === b.step;

/** The parts with one more window: a window on a grid already there widens that part. */
const withPart = (parts: readonly GridPart[], part: GridPart): readonly GridPart[] => {
  const i = parts.findIndex((x) => sameGrid(x.grid, part.grid));
  if (i < 0) return [...parts, part];
  const old = parts[i] as GridPart;
  const out = [...parts];
  out[i] = { grid: old.grid, start: Math.min(old.start, part.start), end: Math.max(old.end, part.end) };
  return out;
};

/**
 * Merges blocks (sorted by start) that touch or overlap and share location and capacity: a slot's
 * location comes from its window, and an overbook block is searched at its own depth. Each part
 * keeps its own grid and offers starts inside its own span, so every start a window offered alone
 * is still offered, and a visit may now run across the seam into the next window. What a window
 * offers does not depend on how far before it the search looked.
 *
 * @param ctx - the search context
 * @param blocks - admitting blocks in start order
 * @returns merged windows in start order
 * @example
 * mergeWindows(ctx, [am, pm]); // one window 09:00-13:00 with the grids of both
 */
export const mergeWindows = (ctx: SearchContext, blocks: readonly AvailabilityBlock[]): SlotWindow[] => {
  const out: SlotWindow[] = [];
  // The open (last) window per location and capacity: blocks of another kind may lie between.
  const open = new Map<string, number>();
  for (const b of blocks) {
    const key = `${b.capacity}|${b.location ?? ''}`;
    const part: GridPart = { grid: blockGrid(ctx, b), start: b.start, end: b.end };
    const at = open.get(key);
    const run = at === undefined ? undefined : out[at];
    if (run !== undefined && at !== undefined && b.start <= run.end) {
      out[at] = { ...run, end: Math.max(run.end, b.end), parts: withPart(run.parts, part) };
      continue;
    }
    open.set(key, out.length);
    out.push({ ...b, parts: [part] });
  }
  return out;
};

/**
 * A provider's merged windows that admit the type (and the wanted location) and reach into
 * `[lo, hi)`, unclipped, in start order.
 *
 * @param ctx - the search context
 * @param p - the provider
 * @param lo - range start, epoch ms
 * @param hi - range end, epoch ms
 * @param location - the wanted location, if any
 * @returns the windows or `Left` `scheduling.invalid-rule`
 * @example
 * providerWindows(ctx, provider, lo, hi, undefined);
 */
export const providerWindows = (
  ctx: SearchContext,
  p: Provider,
  lo: number,
  hi: number,
  location: string | undefined,
): Either<SchedulingError, readonly SlotWindow[]> => {
  const blocks = ownerBlocks(ctx.index, providerOwner(p.id), lo, hi);
  if (blocks._tag === 'Left') return blocks;
  return ok(
    mergeWindows(
      ctx,
      blocks.right.filter((b) => blockAdmits(ctx, b, p, location)),
    ),
  );
};
