/**
 * The worklist's order: overdue items first (stat, then urgent, then routine, each most overdue
 * first), then items not yet due (soonest first; at equal due times stat, urgent, routine); ties
 * by referral id, with a plain comparison sort on each run of equal keys (rare but for bulk
 * imports and events on the hour). Linear in the number of items but for ties. Not exported from
 * the module.
 */
import type { ReferralId } from '../core/ids.js';

// Keys are whole numbers: `group * span + value`, the group being the priority rank of an overdue
// item (0-2) or 3 for items not yet due, the value `most overdue - overdue` or
// `4 * (due - now) + rank`. Equal keys mean equal due times and priorities. For due times in
// the years 0-9999 every key is below 2^53, so exact in a double.

/** The sort key of each position, and how many bits the largest needs. */
const sortKeys = (
  due: Float64Array,
  ranks: Uint8Array,
  m: number,
  atMs: number,
): { readonly key: Float64Array; readonly bits: number } => {
  let mostOverdue = 0;
  let furthest = 0;
  for (let j = 0; j < m; j++) {
    const d = due[j] as number;
    if (atMs > d) mostOverdue = Math.max(mostOverdue, atMs - d);
    else furthest = Math.max(furthest, d - atMs);
  }
  const span = Math.max(mostOverdue, 4 * furthest + 2) + 1;
  const key = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const d = due[j] as number;
    const rank = ranks[j] as number;
    key[j] = atMs > d ? rank * span + mostOverdue - (atMs - d) : 3 * span + 4 * (d - atMs) + rank;
  }
  let bits = 1;
  while (2 ** bits < 4 * span) bits++;
  return { key, bits };
};

// Radix sort in 12-bit digits, least significant first: stable and linear. A year of due times
// to the millisecond takes 3 passes. A comparison sort of 100 000 keys cost several times more.
const BITS = 12;
const RADIX = 1 << BITS;

/** Positions `[0, m)` in key order, equal keys in position order. */
const byKey = (key: Float64Array, m: number, bits: number): Int32Array => {
  const passes = Math.ceil(bits / BITS);
  const digits: Uint16Array[] = [];
  for (let p = 0; p < passes; p++) digits.push(new Uint16Array(m));
  for (let j = 0; j < m; j++) {
    let v = key[j] as number;
    for (const digit of digits) {
      const q = Math.floor(v / RADIX);
      digit[j] = v - q * RADIX;
      v = q;
    }
  }
  let order = new Int32Array(m);
  for (let j = 0; j < m; j++) order[j] = j;
  let next = new Int32Array(m);
  const count = new Int32Array(RADIX);
  for (const digit of digits) {
    count.fill(0);
    for (let j = 0; j < m; j++) {
      const d = digit[j] as number;
      count[d] = (count[d] as number) + 1;
    }
    let total = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d] as number;
      count[d] = total;
      total += c;
    }
    for (let j = 0; j < m; j++) {
      const p = order[j] as number;
      const d = digit[p] as number;
      next[count[d] as number] = p;
      count[d] = (count[d] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
};

/** Referral ids in string order (UTF-16 code units, as `<` compares them). */
const byId = (x: ReferralId, y: ReferralId): number => (x < y ? -1 : x > y ? 1 : 0);

// Runs up to this long are sorted in place by insertion (no array built, no callback per
// comparison); longer ones by the engine's sort. On the bench's queue with every event on the
// hour (6,296 runs, 14 items on average) this took the ordering from about 30 ms to about 18.
const SHORT_RUN = 64;

/**
 * Sorts `order[from, to)`, positions of equal keys, by referral id; equal ids keep their input
 * order (positions ascending, which the radix sort left in place and both sorts below keep: the
 * insertion moves an item only past greater ids, and the engine's sort is stable).
 */
const sortTies = (ids: readonly ReferralId[], order: Int32Array, from: number, to: number): void => {
  if (to - from > SHORT_RUN) {
    const run = Array.from(order.subarray(from, to));
    run.sort((x, y) => byId(ids[x] as ReferralId, ids[y] as ReferralId));
    order.set(run, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const p = order[i] as number;
    const id = ids[p] as ReferralId;
    let j = i - 1;
    while (j >= from && byId(ids[order[j] as number] as ReferralId, id) > 0) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = p;
  }
};

/**
 * Positions `[0, m)` in list order.
 *
 * @param due - due time of each position, epoch ms
 * @param ranks - priority rank of each position: stat 0, urgent 1, routine 2
 * @param ids - referral id of each position
 * @param m - how many positions
 * @param atMs - now, epoch ms
 * @returns the positions, most urgent first
 * @example
 * listOrder(Float64Array.of(3, 1), Uint8Array.of(2, 2), [referralId('ref-a'), referralId('ref-b')], 2, 2);
 * // Int32Array [1, 0]: ref-b is overdue, ref-a not yet due
 */
export const listOrder = (
  due: Float64Array,
  ranks: Uint8Array,
  ids: readonly ReferralId[],
  m: number,
  atMs: number,
): Int32Array => {
  const { key, bits } = sortKeys(due, ranks, m, atMs);
  const order = byKey(key, m, bits);
  for (let from = 0; from < m;) {
    const k = key[order[from] as number];
    let to = from + 1;
    while (to < m && key[order[to] as number] === k) to++;
    if (to - from > 1) sortTies(ids, order, from, to);
    from = to;
  }
  return order;
};
