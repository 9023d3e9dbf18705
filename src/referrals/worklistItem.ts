/**
 * What one referral shows on the worklist: the specification of the list, one referral at a time,
 * written to be read. `referralWorklist` computes the same for a whole queue in blocks
 * (worklistAssess.ts) and sorts the items; a property test holds the two together.
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import { formatInstant } from '../core/time.js';
import { periodBounds } from './instants.js';
import type { Authorization, Referral, ReferralPriority } from './model.js';
import type { ReferralStatus } from './statuses.js';
import { isApprovedAuthorization } from './validity.js';
import {
  REFERRAL_WORK_STEPS,
  statusReason,
  type ReferralWorkItem,
  type ReferralWorkStep,
  type ReferralWorklistPolicy,
  type ReferralWorklistReason,
} from './worklistRules.js';

const DAY = 86_400_000;

/** Priorities by rank, most urgent first: the order of the list, and the index the fast path keeps. */
export const PRIORITY_RANKS: readonly ReferralPriority[] = ['stat', 'urgent', 'routine'];

/** Reasons of a referral that still books visits under its authorization window. */
export const BOOKING_REASONS: ReadonlySet<ReferralWorklistReason> = new Set([
  'authorized-not-scheduled',
  'rebook-visit',
  'awaiting-visit',
]);

/**
 * The days a reason's step may take, for a priority, in whole ms (urgent and stat capped).
 *
 * @param policy - the worklist policy
 * @param reason - a reason
 * @param priority - a priority
 * @returns milliseconds, rounded
 * @example
 * graceMs({ ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone }, 'open-loop', 'stat'); // 86_400_000 (capped at 1 day)
 */
export const graceMs = (
  policy: ReferralWorklistPolicy,
  reason: ReferralWorklistReason,
  priority: ReferralPriority,
): number => {
  const days = policy.days[reason];
  const capped =
    priority === 'stat'
      ? Math.min(days, policy.statMaxDays)
      : priority === 'urgent'
        ? Math.min(days, policy.urgentMaxDays)
        : days;
  return Math.round(capped * DAY);
};

/**
 * Whether an authorization is an approval that grants fewer visits than requested (A2, or an A6
 * that cut the quantity).
 *
 * @param auth - an authorization
 * @returns true for a partial approval
 * @example
 * isPartialApproval({ ...auth, decision: 'partly-approved', requestedUnits: 12, approvedUnits: 6 }); // true
 */
export const isPartialApproval = (auth: Authorization): boolean =>
  isApprovedAuthorization(auth.decision) &&
  (auth.decision === 'partly-approved' || (auth.approvedUnits ?? 0) < auth.requestedUnits);

/** When the referral last moved: its last event, or its creation. */
const lastMovedMs = (r: Referral): number => {
  const last = r.history[r.history.length - 1];
  return instantToMs(last === undefined ? r.createdAt : last.at);
};

/** Why a referral is on the worklist, when its next step was due, and whether its approval is partial. */
interface Assessment {
  readonly reason: ReferralWorklistReason;
  readonly dueMs: number;
  readonly partial: boolean;
}

/**
 * The reason, due time and partial flag of one referral, or undefined when it is not work, in
 * three steps: the status gives the reason (`REFERRAL_STATUS_REASONS`), due its step's days
 * after the referral last moved; while the referral books visits, a booked visit is due a grace
 * after its start, and the approved window's last valid day (midnight in its zone) is due when it
 * comes within `expiringWithinDays`, or at once when a visit is booked past the window (the
 * earlier wins).
 */
const assess = (r: Referral, policy: ReferralWorklistPolicy, atMs: number): Assessment | undefined => {
  const reason = statusReason(r);
  if (reason === undefined) return undefined;
  const dueMs = lastMovedMs(r) + graceMs(policy, reason, r.priority);
  if (!BOOKING_REASONS.has(reason)) return { reason, dueMs, partial: false };
  const auth = r.authorizations[r.authorizations.length - 1];
  const partial = auth !== undefined && isPartialApproval(auth);
  const period = auth !== undefined && isApprovedAuthorization(auth.decision) ? auth.period : undefined;
  const booked = r.appointments.filter((v) => v.status === 'booked').map((v) => instantToMs(v.start));
  const visitDue =
    reason === 'awaiting-visit' && booked.length > 0
      ? Math.min(...booked) + graceMs(policy, 'awaiting-visit', r.priority)
      : dueMs;
  if (period === undefined) return { reason, dueMs: visitDue, partial };
  const { lastDayMs, endMs } = periodBounds(period);
  const bookedPast = booked.some((start) => start >= endMs);
  const expiring = lastDayMs - atMs <= policy.expiringWithinDays * DAY;
  const expiryMs = bookedPast ? Math.min(atMs, lastDayMs) : expiring ? lastDayMs : Infinity;
  return expiryMs < visitDue
    ? { reason: 'authorization-expiring', dueMs: expiryMs, partial }
    : { reason, dueMs: visitDue, partial };
};

/**
 * A work item from its parts: the action and owner of its reason, how overdue it is.
 *
 * @param referral - the referral's id
 * @param patient - its patient
 * @param status - its status
 * @param priority - its priority
 * @param reason - why it is on the list
 * @param step - its action and owner ({@link REFERRAL_WORK_STEPS} of the reason)
 * @param dueMs - when its step was due, epoch ms
 * @param partialApproval - booked under a partial approval
 * @param atMs - now, epoch ms
 * @param dueAt - `dueMs` as text in the policy's zone
 * @returns the item
 * @example
 * workItem(id, patient, 'draft', 'routine', 'unsubmitted', REFERRAL_WORK_STEPS.unsubmitted, dueMs, false, atMs, dueAt).owner; // 'referral-coordinator'
 */
export const workItem = (
  referral: ReferralId,
  patient: PatientId,
  status: ReferralStatus,
  priority: ReferralPriority,
  reason: ReferralWorklistReason,
  step: ReferralWorkStep,
  dueMs: number,
  partialApproval: boolean,
  atMs: number,
  dueAt: IsoInstant,
): ReferralWorkItem => {
  const overdueMs = Math.max(0, atMs - dueMs);
  return {
    referral,
    patient,
    status,
    priority,
    reason,
    action: step.action,
    owner: step.owner,
    dueAt,
    overdueMs,
    overdueDays: Math.floor(overdueMs / DAY),
    partialApproval,
  };
};

/**
 * What one referral shows on the worklist at `at`: why it is there, what to do, who owns it, when
 * it was due (in the policy's zone) and how overdue it is, and, while it books visits, whether
 * they are booked under a partial approval.
 * This is the specification of {@link referralWorklist}, which lists these items for a queue,
 * most urgent first.
 *
 * The reason comes from the status (`REFERRAL_STATUS_REASONS`): an unsubmitted draft,
 * authorization not yet requested, a request waiting on the payer (pended or not), a payer denial
 * awaiting amendment, a specialist decline awaiting a new provider, a resubmission not sent,
 * authorized but unscheduled, a cancelled or missed visit to rebook, a booked visit whose outcome
 * is unknown, seen without a consult note (open loop), the final note in but not closed, an
 * authorization that expires within `expiringWithinDays` or ends before a booked appointment
 * (the earlier of the two wins), an expired authorization. An item is due `days[reason]` after the
 * referral last moved (capped for urgent and stat), a visit one grace after the appointment, an
 * expiring authorization on its last valid day (read in the authorization's zone).
 *
 * @param referral - a referral
 * @param policy - step days and the zone for due times
 * @param at - now
 * @returns the item, or undefined for a closed or cancelled referral
 * @example
 * worklistItemOf(referral, { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: zone('America/New_York') }, isoInstant('2026-11-23T08:00:00-05:00'));
 * // { reason: 'open-loop', action: 'chase the consult note from the specialist', owner: 'receiving-provider', overdueDays: 3, ... }
 */
export const worklistItemOf = (
  referral: Referral,
  policy: ReferralWorklistPolicy,
  at: IsoInstant,
): ReferralWorkItem | undefined => {
  const atMs = instantToMs(at);
  const a = assess(referral, policy, atMs);
  if (a === undefined) return undefined;
  const { id, patient, status, priority } = referral;
  const step = REFERRAL_WORK_STEPS[a.reason];
  const dueAt = formatInstant(a.dueMs, policy.zone);
  return workItem(id, patient, status, priority, a.reason, step, a.dueMs, a.partial, atMs, dueAt);
};
