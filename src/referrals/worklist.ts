/**
 * The referral worklist: for every open referral, the next action, who owns it, when it was due
 * and how overdue it is, sorted so the most urgent work comes first (reference/referrals.md §8-9:
 * Epic workqueues are rules over dates and counts; RefTrak chases consult notes after 14 days,
 * the next day for STAT).
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import { formatInstant, type IanaZone } from '../core/time.js';
import { instantToMs, type IsoDate, type IsoInstant } from '../core/calendar.js';
import { periodBounds } from './instants.js';
import type { AuthorizationPeriod, Referral, ReferralPriority } from './model.js';
import type { ReferralStatus } from './statuses.js';
import { isApprovedAuthorization } from './validity.js';

const DAY = 86_400_000;

/** Why a referral is on the worklist. */
export type ReferralWorklistReason =
  | 'unsubmitted'
  | 'authorization-not-requested'
  | 'awaiting-payer'
  | 'denied-awaiting-amendment'
  | 'declined-by-specialist'
  | 'resubmission-not-sent'
  | 'authorized-not-scheduled'
  | 'awaiting-visit'
  | 'open-loop'
  | 'ready-to-close'
  | 'authorization-expiring'
  | 'authorization-expired';

/** Who must act next. */
export type ReferralWorkOwner =
  'referral-coordinator' | 'referring-provider' | 'payer' | 'receiving-provider';

/** The next action on one referral. */
export interface ReferralWorkItem {
  /** The referral. */
  readonly referral: ReferralId;
  /** Its patient. */
  readonly patient: PatientId;
  /** Its status. */
  readonly status: ReferralStatus;
  /** Its clinical priority. */
  readonly priority: ReferralPriority;
  /** Why it is on the list. */
  readonly reason: ReferralWorklistReason;
  /** What to do, in words a secretary reads. */
  readonly action: string;
  /** Who must act. */
  readonly owner: ReferralWorkOwner;
  /** When it was due, in the policy's zone. */
  readonly dueAt: IsoInstant;
  /** Milliseconds past due at `at` (0 when not yet due). */
  readonly overdueMs: number;
  /** Whole days past due (0 when less than a day or not due). */
  readonly overdueDays: number;
}

/**
 * Days allowed per step before an item is overdue, for a routine referral; urgent and stat
 * referrals are capped at `urgentMaxDays` and `statMaxDays`.
 */
export interface ReferralWorklistPolicy {
  /** Zone in which due times are written (the clinic's). */
  readonly zone: IanaZone;
  /** Days per reason (the reasons tied to a date, expiring and awaiting-visit, use it as grace). */
  readonly days: Readonly<Record<ReferralWorklistReason, number>>;
  /** Cap for urgent referrals. */
  readonly urgentMaxDays: number;
  /** Cap for stat referrals. */
  readonly statMaxDays: number;
  /** Warn this many days before an authorization's last valid day. */
  readonly expiringWithinDays: number;
}

/**
 * Default step days: a prior authorization takes 3 to 7 days (§9), so the payer is chased after
 * 3; the consult note after 14 days (RefTrak, §8.3); an expiring authorization 14 days ahead (§9).
 *
 * @example
 * referralWorklist(referrals, at, { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: 'America/New_York' as IanaZone });
 */
export const DEFAULT_REFERRAL_WORKLIST_DAYS: Omit<ReferralWorklistPolicy, 'zone'> = {
  days: {
    unsubmitted: 2,
    'authorization-not-requested': 1,
    'awaiting-payer': 3,
    'denied-awaiting-amendment': 2,
    'declined-by-specialist': 2,
    'resubmission-not-sent': 1,
    'authorized-not-scheduled': 7,
    'awaiting-visit': 1,
    'open-loop': 14,
    'ready-to-close': 1,
    'authorization-expiring': 0,
    'authorization-expired': 2,
  },
  urgentMaxDays: 3,
  statMaxDays: 1,
  expiringWithinDays: 14,
};

const ACTIONS: Readonly<Record<ReferralWorklistReason, readonly [string, ReferralWorkOwner]>> = {
  unsubmitted: ['complete diagnoses and attachments, then submit', 'referral-coordinator'],
  'authorization-not-requested': ['request prior authorization (278, UM02 = I)', 'referral-coordinator'],
  'awaiting-payer': ['follow up with the payer on the pending request', 'payer'],
  'denied-awaiting-amendment': ['amend per the denial reason and resubmit or appeal', 'referring-provider'],
  'declined-by-specialist': ['redirect the referral to another provider', 'referral-coordinator'],
  'resubmission-not-sent': ['send the new authorization request', 'referral-coordinator'],
  'authorized-not-scheduled': ['schedule the appointment with the patient', 'referral-coordinator'],
  'awaiting-visit': ['confirm whether the visit was kept', 'receiving-provider'],
  'open-loop': ['chase the consult note from the specialist', 'receiving-provider'],
  'ready-to-close': ['close the referral: the consult note has arrived', 'referral-coordinator'],
  'authorization-expiring': ['request an authorization extension (UM02 = 4)', 'referral-coordinator'],
  'authorization-expired': ['request renewal or extension, or cancel the referral', 'referral-coordinator'],
};

// Reasons by number, so the per-referral work stores small integers in typed arrays.
const REASONS: readonly ReferralWorklistReason[] = [
  'unsubmitted',
  'authorization-not-requested',
  'awaiting-payer',
  'denied-awaiting-amendment',
  'declined-by-specialist',
  'resubmission-not-sent',
  'authorized-not-scheduled',
  'awaiting-visit',
  'open-loop',
  'ready-to-close',
  'authorization-expiring',
  'authorization-expired',
];
const AWAITING_VISIT = 7;
const EXPIRING = 10;
const NOT_OPEN = -1;

/** Stat 0, urgent 1, routine 2: the order of the list, and the column of the grace table. */
const priorityRank = (p: ReferralPriority): number => (p === 'stat' ? 0 : p === 'urgent' ? 1 : 2);

/** Grace per reason and priority rank, in ms (row-major, 3 columns), computed once per call. */
const graceTable = (policy: ReferralWorklistPolicy): Float64Array => {
  const t = new Float64Array(REASONS.length * 3);
  REASONS.forEach((reason, i) => {
    const d = policy.days[reason];
    t[i * 3] = Math.min(d, policy.statMaxDays) * DAY;
    t[i * 3 + 1] = Math.min(d, policy.urgentMaxDays) * DAY;
    t[i * 3 + 2] = d * DAY;
  });
  return t;
};

const hasFinalNote = (r: Referral): boolean => {
  for (const n of r.notes) if (n.kind === 'final') return true;
  return false;
};

/** Index in {@link REASONS} of the status's own item, or NOT_OPEN for closed and cancelled. */
const baseReason = (r: Referral): number => {
  switch (r.status) {
    case 'draft':
      return 0;
    case 'submitted':
      return 1;
    case 'pending-authorization':
      return 2;
    case 'denied':
      return r.refusal?.by === 'specialist' ? 4 : 3;
    case 'resubmitted':
      return 5;
    case 'authorized':
      return 6;
    case 'scheduled':
      return AWAITING_VISIT;
    case 'completed':
      return hasFinalNote(r) ? 9 : 8;
    case 'expired':
      return 11;
    case 'closed':
    case 'cancelled':
      return NOT_OPEN;
  }
};

/**
 * The midnights opening a window's last day and the day after, per zone and end date, for one
 * worklist: a queue holds far fewer distinct end dates than referrals, and a small map of them
 * beats periodBounds' memo keyed by every window object (5-7 ms of 120 on 100 000 referrals).
 */
type LastDays = Map<IanaZone, Map<IsoDate, readonly [lastDayMs: number, endMs: number]>>;

const lastDayOf = (cache: LastDays, period: AuthorizationPeriod): readonly [number, number] => {
  let byEnd = cache.get(period.zone);
  if (byEnd === undefined) {
    byEnd = new Map();
    cache.set(period.zone, byEnd);
  }
  let found = byEnd.get(period.end);
  if (found === undefined) {
    const { lastDayMs, endMs } = periodBounds(period);
    found = [lastDayMs, endMs];
    byEnd.set(period.end, found);
  }
  return found;
};

/** Due time of the expiring-authorization item, or NaN when the window is not a concern. */
const expiryDueMs = (r: Referral, atMs: number, expiringMs: number, cache: LastDays): number => {
  const auth = r.authorizations[r.authorizations.length - 1];
  if (auth?.period === undefined || !isApprovedAuthorization(auth.decision)) return Number.NaN;
  // The item is due at the start of the last valid day, in the window's zone.
  const [lastDayMs, endMs] = lastDayOf(cache, auth.period);
  for (const a of r.appointments)
    if (a.status === 'booked' && instantToMs(a.start) >= endMs) return Math.min(atMs, lastDayMs);
  return lastDayMs - atMs <= expiringMs ? lastDayMs : Number.NaN;
};

// Sort key: overdue items get `(rank - 3) * 1e15 - overdue` (below -1e15, stat first, then the
// most overdue), items not yet due get `4 * due + rank` (soonest first, then stat first; far
// below 1e15). Exact in a double for any overdue under 31 years and any due time before the year
// 9999. Equal keys mean equal due times and priorities; such ties go by referral id.
const RANK_SPAN = 1e15;

/** The open referrals' items, with the sort data in parallel arrays (same positions). */
interface Assessed {
  readonly items: ReferralWorkItem[];
  readonly ids: ReferralId[];
  readonly key: Float64Array;
}

/**
 * Assesses every referral in one pass (each referral is read while it is at hand, once).
 */
const assessAll = (
  referrals: readonly Referral[],
  atMs: number,
  policy: ReferralWorklistPolicy,
): Assessed => {
  const n = referrals.length;
  const items: ReferralWorkItem[] = [];
  const ids: ReferralId[] = [];
  const keyOf = new Float64Array(n);
  const grace = graceTable(policy);
  const expiringMs = policy.expiringWithinDays * DAY;
  // Items due at the same instant share its text (a bulk import, a common visit time).
  let lastDue = Number.NaN;
  let dueAt = '' as IsoInstant;
  const lastDays: LastDays = new Map();
  for (let i = 0; i < n; i++) {
    const r = referrals[i] as Referral;
    let reason = baseReason(r);
    if (reason === NOT_OPEN) continue;
    const rank = priorityRank(r.priority);
    const g = grace[reason * 3 + rank] as number;
    const last = r.history[r.history.length - 1];
    let due = instantToMs(last === undefined ? r.createdAt : last.at) + g;
    if (reason === AWAITING_VISIT) {
      let first = Infinity;
      for (const ap of r.appointments)
        if (ap.status === 'booked') first = Math.min(first, instantToMs(ap.start));
      if (first !== Infinity) due = first + g;
    }
    if (r.status === 'authorized' || r.status === 'scheduled') {
      const expiry = expiryDueMs(r, atMs, expiringMs, lastDays);
      if (expiry < due) {
        reason = EXPIRING;
        due = expiry;
      }
    }
    if (due !== lastDue) {
      lastDue = due;
      dueAt = formatInstant(due, policy.zone);
    }
    const overdue = Math.max(0, atMs - due);
    const why = REASONS[reason] as ReferralWorklistReason;
    const [action, owner] = ACTIONS[why];
    keyOf[items.length] = atMs > due ? (rank - 3) * RANK_SPAN - (atMs - due) : 4 * due + rank;
    ids.push(r.id);
    items.push({
      referral: r.id,
      patient: r.patient,
      status: r.status,
      priority: r.priority,
      reason: why,
      action,
      owner,
      dueAt,
      overdueMs: overdue,
      overdueDays: Math.floor(overdue / DAY),
    });
  }
  return { items, ids, key: keyOf };
};

// Radix sort of the keys: every key is an integer of magnitude below 2^52 (epoch ms times 4, or
// minus 1e15 per rank), so key + 2^52 is a non-negative integer below 2^53, sorted in 11-bit
// digits, least significant first. Stable and linear: a comparison sort of 100 000 keys plus a
// search for each one's group cost several times more.
const SHIFT = 2 ** 52;
const BITS = 11;
const RADIX = 1 << BITS;

/** Positions `[0, m)` in key order, equal keys in position order. */
const byKey = (key: Float64Array, m: number): Int32Array => {
  // The key's two 32-bit halves, as unsigned integers.
  const hi = new Uint32Array(m);
  const lo = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const v = (key[j] as number) + SHIFT;
    const h = Math.floor(v / 2 ** 32);
    hi[j] = h;
    lo[j] = v - h * 2 ** 32;
  }
  let order = new Int32Array(m);
  for (let j = 0; j < m; j++) order[j] = j;
  let next = new Int32Array(m);
  const count = new Int32Array(RADIX);
  // Bits 0-10, 11-21 and 22-31 of the low half, then 0-10 and 11-21 of the high half (it holds
  // at most 21 bits).
  for (const [half, shift] of [
    [lo, 0],
    [lo, BITS],
    [lo, 2 * BITS],
    [hi, 0],
    [hi, BITS],
  ] as const) {
    count.fill(0);
    for (let j = 0; j < m; j++) {
      const d = ((half[order[j] as number] as number) >>> shift) & (RADIX - 1);
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
      const d = ((half[p] as number) >>> shift) & (RADIX - 1);
      next[count[d] as number] = p;
      count[d] = (count[d] as number) + 1;
    }
    [order, next] = [next, order];
  }
  return order;
};

/**
 * Sort numbers for the ids of a run of equal keys: the six characters after the run's common
 * prefix, one byte each (0 past the end, so a shorter id comes first), or NaN when one of them is
 * not a single byte. Equal numbers, or a NaN, fall back to comparing the ids themselves.
 */
const idPrefixes = (ids: readonly ReferralId[], run: Int32Array, into: Float64Array): void => {
  const first = ids[run[0] as number] as string;
  let common = first.length;
  for (const p of run) {
    const id = ids[p] as string;
    let k = 0;
    while (k < common && k < id.length && id.charCodeAt(k) === first.charCodeAt(k)) k++;
    common = k;
  }
  for (const p of run) {
    const id = ids[p] as string;
    let v = 0;
    for (let k = common; k < common + 6; k++) {
      const c = k < id.length ? id.charCodeAt(k) + 1 : 0;
      v = c > 255 ? Number.NaN : v * 256 + c;
    }
    into[p] = v;
  }
};

/** The open positions in list order: by key, and runs of equal keys by referral id. */
const listOrder = (a: Assessed): Int32Array => {
  const m = a.items.length;
  const order = byKey(a.key, m);
  const ids = a.ids;
  const prefix = new Float64Array(m);
  const tie = (x: number, y: number): number => {
    const px = prefix[x] as number;
    const py = prefix[y] as number;
    if (px !== py && !Number.isNaN(px) && !Number.isNaN(py)) return px - py;
    const ix = ids[x] as ReferralId;
    const iy = ids[y] as ReferralId;
    return ix < iy ? -1 : ix > iy ? 1 : 0;
  };
  for (let from = 0; from < m;) {
    const k = a.key[order[from] as number];
    let to = from + 1;
    while (to < m && a.key[order[to] as number] === k) to++;
    if (to - from > 1) idPrefixes(ids, order.subarray(from, to), prefix);
    if (to - from > 16)
      // A large tie (a bulk import created at one instant): the stable library sort.
      order.set(Array.from(order.subarray(from, to)).sort(tie), from);
    else
      // Insertion sort: stable, and ties are usually a handful.
      for (let j = from + 1; j < to; j++) {
        const x = order[j] as number;
        let i = j - 1;
        while (i >= from && tie(x, order[i] as number) < 0) {
          order[i + 1] = order[i] as number;
          i--;
        }
        order[i + 1] = x;
      }
    from = to;
  }
  return order;
};

/**
 * Builds the worklist: one item per open referral (not closed or cancelled) with its next action
 * and owner: unsubmitted drafts, authorization not yet requested, requests waiting on the payer
 * (pended or not), payer denials awaiting amendment, specialist declines awaiting a new provider,
 * authorized but unscheduled, booked visits whose outcome is unknown, seen without a consult note
 * (open loop), consult note in but not closed, and authorizations that expire within
 * `expiringWithinDays` or end before a booked appointment (the earlier of the two items wins).
 *
 * An item is due `days[reason]` after the referral last moved (capped for urgent and stat), a
 * visit one grace day after the appointment, an expiring authorization on its last valid day
 * (read in the authorization's zone). Sort: overdue items first, stat before urgent before
 * routine, then most overdue; then items not yet due, soonest first (at equal due times, stat
 * before urgent before routine); remaining ties by referral id.
 *
 * @param referrals - any referrals; closed and cancelled ones are skipped
 * @param at - now
 * @param policy - step days and the zone for due times
 * @returns the items, most urgent first
 * @example
 * referralWorklist(referrals, '2026-11-23T08:00:00-05:00' as IsoInstant, {
 *   ...DEFAULT_REFERRAL_WORKLIST_DAYS,
 *   zone: 'America/New_York' as IanaZone,
 * }); // [{ reason: 'open-loop', action: 'chase the consult note ...', overdueDays: 6, ... }, ...]
 */
export const referralWorklist = (
  referrals: readonly Referral[],
  at: IsoInstant,
  policy: ReferralWorklistPolicy,
): readonly ReferralWorkItem[] => {
  const a = assessAll(referrals, instantToMs(at), policy);
  const order = listOrder(a);
  return Array.from(order, (p) => a.items[p] as ReferralWorkItem);
};
