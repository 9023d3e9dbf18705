/**
 * Half-open intervals `[start, end)` of epoch milliseconds and the set algebra on sorted lists of
 * them: the engine of slot finding.
 *
 * A list is *normalized* when it is sorted by start, every interval is non-empty, and no two
 * intervals overlap or touch. {@link normalizeIntervals} costs a sort; {@link unionIntervals}, {@link intersectIntervals} and
 * {@link subtractIntervals} take normalized lists and run in linear time, returning normalized lists.
 */

/** A half-open interval `[start, end)` in epoch milliseconds. Empty when `end <= start`. */
export interface Interval {
  /** Inclusive start, epoch ms. */
  readonly start: number;
  /** Exclusive end, epoch ms. */
  readonly end: number;
}

/**
 * Length of an interval in milliseconds (0 when empty).
 *
 * @example
 * duration({ start: 0, end: 1800000 }); // 1800000
 */
export const duration = (i: Interval): number => Math.max(0, i.end - i.start);

/**
 * Total length of a normalized list.
 *
 * @example
 * totalDuration([{ start: 0, end: 10 }, { start: 20, end: 25 }]); // 15
 */
export const totalDuration = (list: readonly Interval[]): number => {
  let total = 0;
  for (const i of list) total += duration(i);
  return total;
};

/**
 * Whether two intervals share at least one instant (touching intervals do not overlap).
 *
 * @example
 * overlaps({ start: 0, end: 10 }, { start: 10, end: 20 }); // false
 */
export const overlaps = (a: Interval, b: Interval): boolean =>
  a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;

/**
 * Whether `outer` contains all of `inner` (an empty inner is contained anywhere).
 *
 * @example
 * containsInterval({ start: 0, end: 60 }, { start: 10, end: 20 }); // true
 */
export const containsInterval = (outer: Interval, inner: Interval): boolean =>
  inner.end <= inner.start || (outer.start <= inner.start && inner.end <= outer.end);

/**
 * Whether a normalized list covers all of `inner`, by binary search (log n).
 *
 * @example
 * covers([{ start: 0, end: 60 }], { start: 10, end: 20 }); // true
 */
export const covers = (list: readonly Interval[], inner: Interval): boolean => {
  if (inner.end <= inner.start) return true;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const i = list[mid] as Interval;
    if (i.end <= inner.start) lo = mid + 1;
    else if (i.start > inner.start) hi = mid - 1;
    else return inner.end <= i.end;
  }
  return false;
};

/**
 * Whether a normalized list contains an instant.
 *
 * @example
 * containsInstant([{ start: 0, end: 60 }], 60); // false (half-open)
 */
export const containsInstant = (list: readonly Interval[], ms: number): boolean =>
  covers(list, { start: ms, end: ms + 1 });

/**
 * Whether a list is normalized: sorted, non-empty pieces, none overlapping or touching.
 *
 * @example
 * isNormalized([{ start: 0, end: 10 }, { start: 10, end: 20 }]); // false (they touch)
 */
export const isNormalized = (list: readonly Interval[]): boolean => {
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const i of list) {
    if (!(i.start < i.end) || i.start <= prevEnd) return false;
    prevEnd = i.end;
  }
  return true;
};

/**
 * Sorts, drops empty pieces and merges overlapping or touching intervals. O(n log n); returns the
 * input itself when it is already normalized.
 *
 * @param list - any intervals
 * @returns a normalized list
 * @example
 * normalizeIntervals([{ start: 10, end: 20 }, { start: 0, end: 10 }]); // [{ start: 0, end: 20 }]
 */
export const normalizeIntervals = (list: readonly Interval[]): readonly Interval[] => {
  if (isNormalized(list)) return list;
  const sorted = list.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let cur: Interval | undefined;
  for (const i of sorted) {
    if (cur && i.start <= cur.end) {
      if (i.end > cur.end) cur = { start: cur.start, end: i.end };
    } else {
      if (cur) out.push(cur);
      cur = i;
    }
  }
  if (cur) out.push(cur);
  return out;
};

const append = (out: Interval[], start: number, end: number): void => {
  if (end <= start) return;
  const last = out[out.length - 1];
  if (last && start <= last.end) {
    if (end > last.end) out[out.length - 1] = { start: last.start, end };
  } else out.push({ start, end });
};

/**
 * Union of two normalized lists, in linear time. When one list is empty the other is returned
 * itself (no copy).
 *
 * @returns a normalized list covering every instant of either input
 * @example
 * unionIntervals([{ start: 0, end: 10 }], [{ start: 5, end: 20 }]); // [{ start: 0, end: 20 }]
 */
export const unionIntervals = (a: readonly Interval[], b: readonly Interval[]): readonly Interval[] => {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const next = !y || (x && x.start <= y.start) ? (i++, x) : (j++, y);
    if (next) append(out, next.start, next.end);
  }
  return out;
};

/**
 * Intersection of two normalized lists, in linear time.
 *
 * @returns a normalized list of the instants in both inputs
 * @example
 * intersectIntervals([{ start: 0, end: 10 }], [{ start: 5, end: 20 }]); // [{ start: 5, end: 10 }]
 */
export const intersectIntervals = (a: readonly Interval[], b: readonly Interval[]): readonly Interval[] => {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
};

/**
 * The instants of `a` not in `b`, both normalized, in linear time. When `b` is empty, `a` is
 * returned itself (no copy).
 *
 * @returns a normalized list
 * @example
 * subtractIntervals([{ start: 0, end: 60 }], [{ start: 20, end: 30 }]);
 * // [{ start: 0, end: 20 }, { start: 30, end: 60 }]
 */
export const subtractIntervals = (a: readonly Interval[], b: readonly Interval[]): readonly Interval[] => {
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && (b[j] as Interval).end <= start) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval).start < x.end) {
      const y = b[k] as Interval;
      if (y.start > start) out.push({ start, end: y.start });
      start = Math.max(start, y.end);
      if (start >= x.end) break;
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
};

/**
 * Widens an interval by margins before and after (appointment buffers).
 *
 * @example
 * widen({ start: 100, end: 200 }, 10, 5); // { start: 90, end: 205 }
 */
export const widen = (i: Interval, before: number, after: number): Interval => ({
  start: i.start - before,
  end: i.end + after,
});

/** How {@link splitIntoSteps} lays a grid over free time. */
export interface StepGrid {
  /** Length of each piece, ms (> 0). */
  readonly length: number;
  /** Distance between consecutive starts, ms (> 0). */
  readonly step: number;
  /** Any instant on the grid: starts are `anchor + k * step`. */
  readonly anchor: number;
}

/**
 * Lays a grid over a normalized list: every `[s, s + length)` with `s = anchor + k·step` that lies
 * wholly inside one interval. Linear in the input plus the output.
 *
 * @param list - normalized free time
 * @param grid - piece length, step and alignment anchor (non-positive length or step gives none)
 * @param limit - stop after this many pieces
 * @returns pieces in time order
 * @example
 * splitIntoSteps([{ start: 0, end: 100 }], { length: 30, step: 30, anchor: 0 });
 * // [0-30, 30-60, 60-90]
 */
export const splitIntoSteps = (
  list: readonly Interval[],
  grid: StepGrid,
  limit = Number.POSITIVE_INFINITY,
): readonly Interval[] => {
  const out: Interval[] = [];
  if (!(grid.length > 0 && grid.step > 0)) return out;
  for (const i of list) {
    const k = Math.ceil((i.start - grid.anchor) / grid.step);
    for (let s = grid.anchor + k * grid.step; s + grid.length <= i.end; s += grid.step) {
      if (out.length >= limit) return out;
      out.push({ start: s, end: s + grid.length });
    }
  }
  return out;
};
