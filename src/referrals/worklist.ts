/**
 * The referral worklist: for every open referral, the next action, who owns it, when it was due
 * and how overdue it is, sorted so the most urgent work comes first (reference/referrals.md §8-9:
 * Epic workqueues are rules over dates and counts; RefTrak chases consult notes after 14 days,
 * the next day for STAT).
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import type { IanaZone, IsoInstant } from '../core/time.js';
import { formatInstantFast, instantMs, periodBounds } from './instants.js';
import type { Authorization, Referral, ReferralPriority } from './model.js';
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

const PRIORITY_RANK: Readonly<Record<ReferralPriority, number>> = { stat: 0, urgent: 1, routine: 2 };

const stepDays = (
  policy: ReferralWorklistPolicy,
  reason: ReferralWorklistReason,
  p: ReferralPriority,
): number => {
  const d = policy.days[reason];
  return p === 'stat'
    ? Math.min(d, policy.statMaxDays)
    : p === 'urgent'
      ? Math.min(d, policy.urgentMaxDays)
      : d;
};

const baseReason = (r: Referral): ReferralWorklistReason | undefined => {
  switch (r.status) {
    case 'draft':
      return 'unsubmitted';
    case 'submitted':
      return 'authorization-not-requested';
    case 'pending-authorization':
      return 'awaiting-payer';
    case 'denied':
      return r.refusal?.by === 'specialist' ? 'declined-by-specialist' : 'denied-awaiting-amendment';
    case 'resubmitted':
      return 'resubmission-not-sent';
    case 'authorized':
      return 'authorized-not-scheduled';
    case 'scheduled':
      return 'awaiting-visit';
    case 'completed':
      return r.notes.some((n) => n.kind === 'final') ? 'ready-to-close' : 'open-loop';
    case 'expired':
      return 'authorization-expired';
    case 'closed':
    case 'cancelled':
      return undefined;
  }
};

/** Due time of the expiring-authorization item, or undefined when the window is not a concern. */
const expiryDueMs = (
  r: Referral,
  auth: Authorization | undefined,
  atMs: number,
  policy: ReferralWorklistPolicy,
): number | undefined => {
  if (auth?.period === undefined || !isApprovedAuthorization(auth.decision)) return undefined;
  // The item is due at the start of the last valid day, in the window's zone.
  const { endMs, lastDayMs: lastDay } = periodBounds(auth.period);
  for (const a of r.appointments)
    if (a.status === 'booked' && instantMs(a.start) >= endMs) return Math.min(atMs, lastDay);
  return lastDay - atMs <= policy.expiringWithinDays * DAY ? lastDay : undefined;
};

// Sort key: overdue items get `(rank - 3) * 1e15 - overdue` (below -1e15, stat first, then the
// most overdue), items not yet due get their due time (epoch ms, far below 1e15). Exact in a
// double for any overdue under 31 years.
const RANK_SPAN = 1e15;

/** Per-referral results in parallel typed arrays, so the sort moves indices, not objects. */
interface Scratch {
  readonly reasons: (ReferralWorklistReason | undefined)[];
  readonly due: Float64Array;
  readonly key: Float64Array;
}

/** Fills slot `i` of the scratch arrays; false when the referral is not open. */
const assess = (
  r: Referral,
  i: number,
  atMs: number,
  policy: ReferralWorklistPolicy,
  s: Scratch,
): boolean => {
  let reason = baseReason(r);
  if (reason === undefined) return false;
  const last = r.history[r.history.length - 1];
  const grace = stepDays(policy, reason, r.priority) * DAY;
  let due = instantMs(last === undefined ? r.createdAt : last.at) + grace;
  if (reason === 'awaiting-visit') {
    let first = Infinity;
    for (const a of r.appointments) if (a.status === 'booked') first = Math.min(first, instantMs(a.start));
    if (first !== Infinity) due = first + grace;
  }
  if (r.status === 'authorized' || r.status === 'scheduled') {
    const expiry = expiryDueMs(r, r.authorizations[r.authorizations.length - 1], atMs, policy);
    if (expiry !== undefined && expiry < due) {
      reason = 'authorization-expiring';
      due = expiry;
    }
  }
  s.reasons[i] = reason;
  s.due[i] = due;
  s.key[i] = atMs > due ? (PRIORITY_RANK[r.priority] - 3) * RANK_SPAN - (atMs - due) : due;
  return true;
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
 * routine, then most overdue; then items not yet due, soonest first; ties by referral id.
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
  const atMs = instantMs(at);
  const n = referrals.length;
  const s: Scratch = { reasons: new Array(n), due: new Float64Array(n), key: new Float64Array(n) };
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (assess(referrals[i] as Referral, i, atMs, policy, s)) order.push(i);
  order.sort((a, b) => {
    const d = (s.key[a] as number) - (s.key[b] as number);
    if (d !== 0) return d;
    const ra = referrals[a] as Referral;
    const rb = referrals[b] as Referral;
    return (
      PRIORITY_RANK[ra.priority] - PRIORITY_RANK[rb.priority] || (ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0)
    );
  });
  return order.map((i) => {
    const r = referrals[i] as Referral;
    const reason = s.reasons[i] as ReferralWorklistReason;
    const due = s.due[i] as number;
    const overdue = Math.max(0, atMs - due);
    const [action, owner] = ACTIONS[reason];
    return {
      referral: r.id,
      patient: r.patient,
      status: r.status,
      priority: r.priority,
      reason,
      action,
      owner,
      dueAt: formatInstantFast(due, policy.zone),
      overdueMs: overdue,
      overdueDays: Math.floor(overdue / DAY),
    };
  });
};
