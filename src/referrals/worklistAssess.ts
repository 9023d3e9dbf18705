/**
 * The worklist's assessment of each referral: whether it is open, why it is on the list and when
 * its next step was due. Not exported from the module.
 *
 * The work is shaped by memory, not arithmetic: a referral's last event, notes, authorization
 * window and visits sit in objects scattered through the heap, and reaching one costs more than
 * everything done with it. Referrals are therefore taken in blocks, and each step of a block
 * follows one level of pointers for all of the block's referrals in a tight loop (the processor
 * then fetches many objects at once) before the next step reads what was fetched while it is still
 * in cache. On the referrals bench (100 000 referrals) this took the whole worklist from 121-125 ms
 * of CPU time, with one loop doing all the work of a referral at a time, to 105.
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import { instantToMs, type IsoDate, type IsoInstant } from '../core/calendar.js';
import type { IanaZone } from '../core/time.js';
import { periodBounds } from './instants.js';
import type { Authorization, AuthorizationPeriod, Referral, ReferralPriority } from './model.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './statuses.js';
import { isApprovedAuthorization } from './validity.js';
import type { ReferralWorklistPolicy, ReferralWorklistReason } from './worklist.js';

const DAY = 86_400_000;

/** The reasons by number: the assessment keeps small integers in typed arrays. */
export const REASONS: readonly ReferralWorklistReason[] = [
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
const AUTHORIZED = 6;
const AWAITING_VISIT = 7;
const OPEN_LOOP = 8;
const READY_TO_CLOSE = 9;
const EXPIRING = 10;
const NOT_OPEN = -1;

const STATUS_INDEX: ReadonlyMap<ReferralStatus, number> = new Map(REFERRAL_STATUSES.map((s, i) => [s, i]));

/** Priorities by rank: stat 0, urgent 1, routine 2 (the order of the list). */
export const PRIORITIES: readonly ReferralPriority[] = ['stat', 'urgent', 'routine'];
const priorityRank = (p: ReferralPriority): number => (p === 'stat' ? 0 : p === 'urgent' ? 1 : 2);

/**
 * Grace per reason and priority rank in whole ms (row-major, a column per rank), once per call.
 */
const graceTable = (policy: ReferralWorklistPolicy): Float64Array => {
  const t = new Float64Array(REASONS.length * 3);
  REASONS.forEach((reason, i) => {
    const d = policy.days[reason];
    t[i * 3] = Math.round(Math.min(d, policy.statMaxDays) * DAY);
    t[i * 3 + 1] = Math.round(Math.min(d, policy.urgentMaxDays) * DAY);
    t[i * 3 + 2] = Math.round(d * DAY);
  });
  return t;
};

/**
 * Index in {@link REASONS} of the status's own item, or NOT_OPEN for closed and cancelled (a
 * completed referral is an open loop until its notes are read).
 */
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
      return AUTHORIZED;
    case 'scheduled':
      return AWAITING_VISIT;
    case 'completed':
      return OPEN_LOOP;
    case 'expired':
      return 11;
    case 'closed':
    case 'cancelled':
      return NOT_OPEN;
  }
};

/** The open referrals by position `[0, m)`, in parallel arrays. */
export interface Assessed {
  readonly m: number;
  readonly ids: ReferralId[];
  readonly patients: PatientId[];
  /** Index in {@link REFERRAL_STATUSES}. */
  readonly statuses: Uint8Array;
  /** Priority rank: stat 0, urgent 1, routine 2. */
  readonly ranks: Uint8Array;
  /** Index in {@link REASONS}. */
  readonly reasons: Uint8Array;
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

/** Per authorized or scheduled referral of a block (by its index there), reused by every block. */
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
  readonly grace: Float64Array;
  readonly expiringMs: number;
  readonly lastDays: LastDays;
  /** A block's last history entries and the texts of their instants. */
  readonly entries: (Referral['history'][number] | undefined)[];
  readonly texts: IsoInstant[];
  /** A block's completed referrals' notes. */
  readonly notes: Referral['notes'][];
  /** What readWindows gathers for a block's authorized and scheduled referrals. */
  readonly windows: WindowSpace;
  /** The open referrals of the block being read, and the position of its first. */
  readonly block: Referral[];
  from: number;
  // Written by the loops that only fetch, so that the engine keeps them.
  touched: number;
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
  // Fetch every text of the block before parsing any (see the header).
  let t = 0;
  for (let x = 0; x < to - from; x++) t += (texts[x] as IsoInstant).charCodeAt(0);
  call.touched += t;
  for (let j = from; j < to; j++)
    a.due[j] =
      instantToMs(texts[j - from] as IsoInstant) +
      (call.grace[(a.reasons[j] as number) * 3 + (a.ranks[j] as number)] as number);
};

const hasFinalNote = (notes: Referral['notes']): boolean => {
  for (let i = 0; i < notes.length; i++)
    if ((notes[i] as Referral['notes'][number]).kind === 'final') return true;
  return false;
};

/**
 * Moves open loops whose final consult note is in to ready-to-close (`completed[from, to)`: their
 * positions).
 */
const readNotes = (a: Assessed, completed: Int32Array, from: number, to: number, call: Call): void => {
  const notes = call.notes;
  for (let c = from; c < to; c++) notes[c - from] = referralAt(call, completed[c] as number).notes;
  for (let c = from; c < to; c++) {
    if (!hasFinalNote(notes[c - from] as Referral['notes'])) continue;
    const j = completed[c] as number;
    const rank = a.ranks[j] as number;
    a.due[j] =
      (a.due[j] as number) +
      (call.grace[READY_TO_CLOSE * 3 + rank] as number) -
      (call.grace[OPEN_LOOP * 3 + rank] as number);
    a.reasons[j] = READY_TO_CLOSE;
  }
};

/**
 * Moves the items of authorized and scheduled referrals (`windowed`: positions): a booked visit is
 * due a grace after its start; an approved authorization's last valid day (midnight in its zone)
 * is due when it comes within `expiringWithinDays`, or at once when a visit is booked past the
 * window; the earlier of the two wins.
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
      d = visit + (call.grace[AWAITING_VISIT * 3 + (a.ranks[j] as number)] as number);
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
 * REASONS[a.reasons[0]]; // 'unsubmitted' when the first open referral is a draft
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
  // Positions whose item turns on the notes (completed), or on the authorization and visits.
  const completed = new Int32Array(n);
  const windowed = new Int32Array(n);
  const a = { m: 0, ids, patients, statuses, ranks, reasons, due: new Float64Array(n) };
  const call: Call = {
    atMs,
    grace: graceTable(policy),
    expiringMs: policy.expiringWithinDays * DAY,
    lastDays: new Map(),
    entries: new Array<Referral['history'][number] | undefined>(BLOCK),
    texts: new Array<IsoInstant>(BLOCK),
    notes: new Array<Referral['notes']>(BLOCK),
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
    touched: 0,
  };
  let m = 0;
  let nc = 0;
  let nw = 0;
  for (let i = 0; i < n; i += BLOCK) {
    const from = m;
    call.from = from;
    const c0 = nc;
    const w0 = nw;
    for (let x = i; x < Math.min(n, i + BLOCK); x++) {
      const r = referrals[x] as Referral;
      const reason = baseReason(r);
      if (reason === NOT_OPEN) continue;
      if (reason === OPEN_LOOP) completed[nc++] = m;
      else if (reason === AUTHORIZED || reason === AWAITING_VISIT) windowed[nw++] = m;
      call.block[m - from] = r;
      ids[m] = r.id;
      patients[m] = r.patient;
      statuses[m] = STATUS_INDEX.get(r.status) as number;
      ranks[m] = priorityRank(r.priority);
      reasons[m++] = reason;
    }
    readLastEvents(a, from, m, call);
    readNotes(a, completed, c0, nc, call);
    readWindows(a, windowed, w0, nw, call);
  }
  a.m = m;
  return a;
};
