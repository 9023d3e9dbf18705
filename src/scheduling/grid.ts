/**
 * The slot grid: wall times `anchor + k * step` of a window's local date in the provider's zone,
 * read as instants. It is counted on the wall clock, not in elapsed time, so a window that spans a
 * DST change keeps its local times after the change: a wall time inside a spring-forward gap does
 * not exist and is skipped, and a wall time repeated by a fall-back overlap is on the grid at both
 * of its instants.
 */
import { zoneOffset, type IanaZone } from '../core/time.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A window's grid: wall minutes counted from local midnight of `day` in `zone`. */
export interface WallGrid {
  /** The local date (day number) the anchor belongs to. */
  readonly day: number;
  readonly zone: IanaZone;
  /** Wall minutes of one grid point from local midnight of `day` (may be any integer). */
  readonly anchorMinutes: number;
  /** Distance between grid points, ms (a whole number of minutes). */
  readonly step: number;
}

/** Smallest `k` with `anchor + k * step >= at` (all in local wall ms). */
const firstOnOrAfter = (anchor: number, step: number, at: number): number =>
  anchor + Math.ceil((at - anchor) / step) * step;

/**
 * When the zone keeps one offset over `[from, to]`, that offset; otherwise undefined. The offset
 * is also read at the middle, so a change and its undoing inside one range are still noticed
 * (ranges here are one window, at most 48 hours, and no zone changes offset twice in a day).
 */
const steadyOffset = (zone: IanaZone, from: number, to: number): number | undefined => {
  const a = zoneOffset(from, zone);
  return a === zoneOffset(to, zone) && a === zoneOffset(from + (to - from) / 2, zone) ? a : undefined;
};

/**
 * Appends to `out`, in ascending order, every grid start `s` with `from <= s <= last`.
 *
 * Away from an offset change the wall grid is an arithmetic sequence of instants (one offset), so
 * the common case is a plain loop; across a change each wall time is read with every offset the
 * range has, and kept where the zone really has that offset at that instant (none in a gap, two in
 * an overlap).
 *
 * @param grid - the window's grid
 * @param from - first instant a start may take, epoch ms
 * @param last - last instant a start may take (inclusive), epoch ms
 * @param out - where the starts are appended
 * @returns nothing; `out` grows
 * @example
 * const out: number[] = [];
 * gridStarts({ day: 20_520, zone: zone('America/New_York'), anchorMinutes: 0, step: 90 * 60_000 }, lo, hi, out);
 */
export const gridStarts = (grid: WallGrid, from: number, last: number, out: number[]): void => {
  if (!(from <= last)) return;
  const anchor = grid.day * DAY + grid.anchorMinutes * MINUTE;
  const steady = steadyOffset(grid.zone, from, last);
  if (steady !== undefined) {
    const shift = steady * MINUTE;
    for (let s = firstOnOrAfter(anchor, grid.step, from + shift) - shift; s <= last; s += grid.step)
      out.push(s);
    return;
  }
  const offsets = [
    ...new Set([
      zoneOffset(from, grid.zone),
      zoneOffset(from + (last - from) / 2, grid.zone),
      zoneOffset(last, grid.zone),
    ]),
  ];
  const lowest = Math.min(...offsets) * MINUTE;
  const highest = Math.max(...offsets) * MINUTE;
  const begin = out.length;
  for (let wall = firstOnOrAfter(anchor, grid.step, from + lowest); wall <= last + highest; wall += grid.step)
    for (const off of offsets) {
      const s = wall - off * MINUTE;
      if (s >= from && s <= last && zoneOffset(s, grid.zone) === off) out.push(s);
    }
  // An overlap repeats wall times, so the instants of later wall times may come earlier.
  const found = out.splice(begin).sort((a, b) => a - b);
  for (const s of found) out.push(s);
};
