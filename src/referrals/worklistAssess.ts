/**
 * The worklist's assessment of a whole queue: for each referral, whether it is open, why it is on
 * the list and when its next step was due: exactly what `worklistItemOf` says of it alone (a
 * property test holds the two together), computed for many referrals at once. Not exported from
 * the module.
 *
 * The work is shaped by memory, not arithmetic: a referral's last event, notes, authorization
 * window and visits sit in objects scattered through the heap, and reaching one costs more than
 * everything done with it. Referrals are therefore taken in blocks, and each step of a block
 * follows one level of pointers for all of the block's referrals in a tight loop (the processor
 * then fetches many objects at once) before the next step reads what was fetched while it is still
 * in cache. On the referrals bench (100 000 referrals) this took the whole worklist from 121-125 ms
 * of CPU time, with one loop doing all the work of a referral at a time, to 105; measured again
 * against `worklistItemOf` run over the queue (one referral at a time, then sorted), it is still
 * over twice as fast (docs/benchmarks.md).
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import { instantToMs, type IsoDate, type IsoInstant } from '../core/calendar.js';
import type { IanaZone } from '../core/time.js';
import { periodBounds } from './instants.js';
import type { Authorization, AuthorizationPeriod, Referral } from './model.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './statuses.js';
import { isApprovedAuthorization } from './validity.js';
import { BOOKING_REASONS, graceMs, isPartialApproval, PRIORITY_RANKS } from './worklistItem.js';
import {
  REFERRAL_STATUS_REASONS,
  REFERRAL_WORKLIST_REASONS,
  type ReferralWorklistPolicy,
  type ReferralWorklistReason,
} from './worklistRules.js';

const DAY = 86_400_000;

/** Each reason's index in {@link REFERRAL_WORKLIST_REASONS}: the assessment keeps small integers in typed arrays. */
const REASON_INDEX: ReadonlyMap<ReferralWorklistReason, number> = new Map(
  REFERRAL_WORKLIST_REASONS.map((reason, i) => [reason, i]),
);
const indexOf = (reason: ReferralWorklistReason): number => REASON_INDEX.get(reason) as number;
const AWAITING_VISIT = indexOf('awaiting-visit');
const EXPIRING = indexOf('authorization-expiring');
const BOOKING = new Uint8Array(REFERRAL_WORKLIST_REASONS.length);
for (const reason of BOOKING_REASONS) BOOKING[indexOf(reason)] = 1;

const STATUS_INDEX: ReadonlyMap<ReferralStatus, number> = new Map(REFERRAL_STATUSES.map((s, i) => [s, i]));

/** Grace per reason (by index) and priority rank, in whole ms, once per call. */
const graceTable = (policy: ReferralWorklistPolicy): readonly Float64Array[] =>
  REFERRAL_WORKLIST_REASONS.map((reason) =>
    Float64Array.from(PRIORITY_RANKS, (priority) => graceMs(policy, reason, priority)),
  );

/** The open referrals by position `[0, m)`, in parallel arrays. */
export interface Assessed {
  readonly m: number;
  readonly ids: ReferralId[];
  readonly patients: PatientId[];
  /** Index in {@link REFERRAL_STATUSES}. */
  readonly statuses: Uint8Array;
  /** Priority rank: its index in {@link PRIORITY_RANKS}. */
  readonly ranks: Uint8Array;
  /** Index in {@link REFERRAL_WORKLIST_REASONS}. */
  readonly reasons: Uint8Array;
  /** 1 when the visits are booked under a partial approval. */
  readonly partial: Uint8Array;
  /** Due time, epoch ms. */
  readonly due: Float64Array;
}

/**
 * The midnights opening a window's last day and the day after, per zone and end date, for one
 * worklist: a queue holds far fewer distinct end dates than referrals, and a small map of them
 * beats periodBounds' memo keyed by every window object.
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

/** Per referral of a block that books visits (by its index there), reused by every block. */
interface WindowSpace {
  readonly auths: (Authorization | undefined)[];
  readonly periods: (AuthorizationPeriod | undefined)[];
  /** Midnight opening the approved window's last day, and the day after (NaN and Infinity: none). */
  readonly lastDay: Float64Array;
  readonly end: Float64Array;
  readonly visits: Referral['appointments'][];
  /** Earliest booked start (Infinity: none), and 1 when a visit is booked past the window. */
  readonly first: Float64Array;
  readonly past: Uint8Array;
  /** The block's booked visits: whose (index) and their start texts. */
  readonly owners: number[];
  readonly starts: IsoInstant[];
}

const NO_WINDOW: readonly [number, number] = [Number.NaN, Infinity];

/** What one worklist call shares between its blocks: the policy in ms, and scratch space. */
interface Call {
  readonly atMs: number;
  /** Grace by reason index, then priority rank. */
  readonly grace: readonly Float64Array[];
  readonly expiringMs: number;
  readonly lastDays: LastDays;
  /** A block's last history entries and the texts of their instants. */
  readonly entries: (Referral['history'][number] | undefined)[];
  readonly texts: IsoInstant[];
  /** What readWindows gathers for a block's referrals that book visits. */
  readonly windows: WindowSpace;
  /** The open referrals of the block being read, and the position of its first. */
  readonly block: Referral[];
  from: number;
}

/** The open referral at position `j` of the block being read. */
const referralAt = (call: Call, j: number): Referral => call.block[j - call.from] as Referral;

/** Sets `due` of positions `[from, to)` to their last event's instant plus their reason's grace. */
const readLastEvents = (a: Assessed, from: number, to: number, call: Call): void => {
  const { entries, texts } = call;
  for (let j = from; j < to; j++) {
    const h = referralAt(call, j).history;
    entries[j - from] = h[h.length - 1];
  }
  for (let j = from; j < to; j++) {
    const e = entries[j - from];
    texts[j - from] = e === undefined ? referralAt(call, j).createdAt : e.at;
  }
  for (let j = from; j < to; j++)
    a.due[j] =
      instantToMs(texts[j - from] as IsoInstant) +
      graceOf(call, a.reasons[j] as number, a.ranks[j] as number);
};

const graceOf = (call: Call, reason: number, rank: number): number =>
  (call.grace[reason] as Float64Array)[rank] as number;

/**
 * Moves the items of referrals that book visits (`windowed`: positions): a booked visit is due a
 * grace after its start; an approved authorization's last valid day (midnight in its zone) is due
 * when it comes within `expiringWithinDays`, or at once when a visit is booked past the window;
 * the earlier of the two wins. Marks the ones booked under a partial approval.
 */
const readWindows = (a: Assessed, windowed: Int32Array, from: number, to: number, call: Call): void => {
  const k = to - from;
  const { auths, periods, lastDay, end, visits, first, past, owners, starts } = call.windows;
  for (let w = 0; w < k; w++) {
    const list = referralAt(call, windowed[from + w] as number).authorizations;
    auths[w] = list[list.length - 1];
  }
  for (let w = 0; w < k; w++) {
    const auth = auths[w];
    periods[w] = auth !== undefined && isApprovedAuthorization(auth.decision) ? auth.period : undefined;
    if (auth !== undefined && isPartialApproval(auth)) a.partial[windowed[from + w] as number] = 1;
  }
  for (let w = 0; w < k; w++) {
    const period = periods[w];
    const bounds = period === undefined ? NO_WINDOW : lastDayOf(call.lastDays, period);
    lastDay[w] = bounds[0];
    end[w] = bounds[1];
  }
  // Booked visits: their start texts with the position they belong to, then their instants.
  for (let w = 0; w < k; w++) visits[w] = referralAt(call, windowed[from + w] as number).appointments;
  let booked = 0;
  for (let w = 0; w < k; w++) {
    // An index loop: parsed referrals hold frozen arrays, which for-of walks through an iterator.
    const list = visits[w] as Referral['appointments'];
    for (let v = 0; v < list.length; v++) {
      const visit = list[v] as Referral['appointments'][number];
      if (visit.status !== 'booked') continue;
      owners[booked] = w;
      starts[booked++] = visit.start;
    }
  }
  first.fill(Infinity, 0, k);
  past.fill(0, 0, k);
  for (let v = 0; v < booked; v++) {
    const w = owners[v] as number;
    const start = instantToMs(starts[v] as IsoInstant);
    if (start < (first[w] as number)) first[w] = start;
    if (start >= (end[w] as number)) past[w] = 1;
  }
  for (let w = 0; w < k; w++) {
    const j = windowed[from + w] as number;
    let d = a.due[j] as number;
    const visit = first[w] as number;
    if (a.reasons[j] === AWAITING_VISIT && visit !== Infinity)
      d = visit + graceOf(call, AWAITING_VISIT, a.ranks[j] as number);
    const l = lastDay[w] as number;
    const expiry = past[w] === 1 ? Math.min(call.atMs, l) : l - call.atMs <= call.expiringMs ? l : Number.NaN;
    if (expiry < d) {
      a.reasons[j] = EXPIRING;
      d = expiry;
    }
    a.due[j] = d;
  }
};

// Referrals per block: few enough for a block's fetched objects to stay in cache
// (measured flat from 128 to 4096 on 100 000 referrals).
const BLOCK = 1024;

/**
 * Assesses every referral: each open one gets a position with its reason and due time.
 *
 * @param referrals - any referrals
 * @param atMs - now, epoch ms
 * @param policy - the worklist policy
 * @returns the open referrals in input order
 * @example
 * const a = assessReferrals(referrals, instantToMs(at), policy);
 * REFERRAL_WORKLIST_REASONS[a.reasons[0]]; // 'unsubmitted' when the first open referral is a draft
 */
export const assessReferrals = (
  referrals: readonly Referral[],
  atMs: number,
  policy: ReferralWorklistPolicy,
): Assessed => {
  const n = referrals.length;
  const ids = new Array<ReferralId>(n);
  const patients = new Array<PatientId>(n);
  const statuses = new Uint8Array(n);
  const ranks = new Uint8Array(n);
  const reasons = new Uint8Array(n);
  // Positions whose reason turns on their data, and whose item turns on the authorization and visits.
  const refined = new Int32Array(n);
  const windowed = new Int32Array(n);
  const a = {
    m: 0,
    ids,
    patients,
    statuses,
    ranks,
    reasons,
    partial: new Uint8Array(n),
    due: new Float64Array(n),
  };
  const call: Call = {
    atMs,
    grace: graceTable(policy),
    expiringMs: policy.expiringWithinDays * DAY,
    lastDays: new Map(),
    entries: new Array<Referral['history'][number] | undefined>(BLOCK),
    texts: new Array<IsoInstant>(BLOCK),
    windows: {
      auths: new Array<Authorization | undefined>(BLOCK),
      periods: new Array<AuthorizationPeriod | undefined>(BLOCK),
      lastDay: new Float64Array(BLOCK),
      end: new Float64Array(BLOCK),
      visits: new Array<Referral['appointments']>(BLOCK),
      first: new Float64Array(BLOCK),
      past: new Uint8Array(BLOCK),
      owners: [],
      starts: [],
    },
    block: new Array<Referral>(BLOCK),
    from: 0,
  };
  let m = 0;
  let nw = 0;
  for (let i = 0; i < n; i += BLOCK) {
    const from = m;
    call.from = from;
    let nr = 0;
    for (let x = i; x < Math.min(n, i + BLOCK); x++) {
      const r = referrals[x] as Referral;
      const { reason, refine } = REFERRAL_STATUS_REASONS[r.status];
      if (reason === undefined) continue;
      if (refine !== undefined) refined[nr++] = m;
      call.block[m - from] = r;
      ids[m] = r.id;
      patients[m] = r.patient;
      statuses[m] = STATUS_INDEX.get(r.status) as number;
      ranks[m] = PRIORITY_RANKS.indexOf(r.priority);
      reasons[m++] = indexOf(reason);
    }
    // The reasons that turn on notes, the last event or the refusal, in one loop for the block.
    for (let k = 0; k < nr; k++) {
      const j = refined[k] as number;
      const r = referralAt(call, j);
      const refine = REFERRAL_STATUS_REASONS[r.status].refine;
      if (refine !== undefined) reasons[j] = indexOf(refine(r));
    }
    const w0 = nw;
    for (let j = from; j < m; j++) if (BOOKING[reasons[j] as number] === 1) windowed[nw++] = j;
    readLastEvents(a, from, m, call);
    readWindows(a, windowed, w0, nw, call);
  }
  a.m = m;
  return a;
};
