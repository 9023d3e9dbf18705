/**
 * The worklist's rules as data: why a referral can be on the list, what to do about it and who
 * does it, which reason each status gives, and the days each step may take (reference §8-9: Epic
 * workqueues are rules over dates and counts; RefTrak chases consult notes after 14 days, the next
 * day for STAT). Adding a status or a reason means a row here and, when it turns on more than the
 * status, a line in `worklistItemOf`.
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import type { IsoInstant } from '../core/calendar.js';
import type { IanaZone } from '../core/time.js';
import type { Referral, ReferralPriority } from './model.js';
import type { ReferralStatus } from './statuses.js';

/**
 * Every reason a referral can be on the worklist, in the order a referral usually meets them.
 *
 * @example
 * REFERRAL_WORKLIST_REASONS.includes('rebook-visit'); // true
 */
export const REFERRAL_WORKLIST_REASONS = [
  'unsubmitted',
  'authorization-not-requested',
  'awaiting-payer',
  'denied-awaiting-amendment',
  'declined-by-specialist',
  'resubmission-not-sent',
  'authorized-not-scheduled',
  'rebook-visit',
  'awaiting-visit',
  'open-loop',
  'ready-to-close',
  'authorization-expiring',
  'authorization-expired',
] as const;

/** Why a referral is on the worklist. */
export type ReferralWorklistReason = (typeof REFERRAL_WORKLIST_REASONS)[number];

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
  /** The current approved authorization grants fewer visits than were requested (A2, or a cut A6). */
  readonly partialApproval: boolean;
}

/**
 * Days allowed per step before an item is overdue, for a routine referral; urgent and stat
 * referrals are capped at `urgentMaxDays` and `statMaxDays`.
 */
export interface ReferralWorklistPolicy {
  /** Zone in which due times are written (the clinic's). */
  readonly zone: IanaZone;
  /**
   * Days per reason (the reasons tied to a date, expiring and awaiting-visit, use it as grace);
   * fractions allowed, due times are rounded to the millisecond.
   */
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
 * 3; the consult note after 14 days (RefTrak, §8.3); an expiring authorization 14 days ahead (§9);
 * a cancelled or missed visit is rebooked within 2 days.
 *
 * @example
 * referralWorklist(referrals, at, { ...DEFAULT_REFERRAL_WORKLIST_DAYS, zone: zone('America/New_York') });
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
    'rebook-visit': 2,
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

/** What to do about a reason, and who does it. */
export interface ReferralWorkStep {
  /** The action in words. */
  readonly action: string;
  /** Who acts. */
  readonly owner: ReferralWorkOwner;
}

/**
 * The action and owner of each reason.
 *
 * @example
 * REFERRAL_WORK_STEPS['open-loop'].owner; // 'receiving-provider'
 */
export const REFERRAL_WORK_STEPS: Readonly<Record<ReferralWorklistReason, ReferralWorkStep>> = {
  unsubmitted: { action: 'complete diagnoses and attachments, then submit', owner: 'referral-coordinator' },
  'authorization-not-requested': { action: 'request prior authorization (278, UM02 = I)', owner: 'referral-coordinator' },
  'awaiting-payer': { action: 'follow up with the payer on the pending request', owner: 'payer' },
  'denied-awaiting-amendment': { action: 'amend per the denial reason and resubmit or appeal, or record why it is not pursued', owner: 'referring-provider' },
  'declined-by-specialist': { action: 'redirect the referral to another provider', owner: 'referral-coordinator' },
  'resubmission-not-sent': { action: 'send the new authorization request', owner: 'referral-coordinator' },
  'authorized-not-scheduled': { action: 'schedule the appointment with the patient', owner: 'referral-coordinator' },
  'rebook-visit': { action: 'rebook the cancelled or missed visit with the patient', owner: 'referral-coordinator' },
  'awaiting-visit': { action: 'confirm whether the visit was kept', owner: 'receiving-provider' },
  'open-loop': { action: 'chase the consult note from the specialist', owner: 'receiving-provider' },
  'ready-to-close': { action: 'close the referral: the consult note has arrived', owner: 'referral-coordinator' },
  'authorization-expiring': { action: 'request an authorization extension (UM02 = 4)', owner: 'referral-coordinator' },
  'authorization-expired': { action: 'request renewal or extension, or cancel the referral', owner: 'referral-coordinator' },
}; // prettier-ignore

const hasFinalNote = (r: Referral): boolean => r.notes.some((n) => n.kind === 'final');

// A visit that did not happen leaves the referral authorized with a visit to rebook.
const lastEventRebooks = (r: Referral): boolean => {
  const type = r.history[r.history.length - 1]?.event.type;
  return type === 'appointment-cancelled' || type === 'no-show';
};

/**
 * The reason a status gives: its usual `reason` (none for the statuses that are not work), and,
 * where the referral's data can change it, `refine`, which gives the reason from that data.
 */
export interface ReferralStatusReason {
  /** The status's usual reason; absent when a referral in this status is not work. */
  readonly reason?: ReferralWorklistReason;
  /** The reason from the referral's data, when it can differ from `reason`. */
  readonly refine?: (referral: Referral) => ReferralWorklistReason;
}

/**
 * The reason each status gives (closed and cancelled referrals are not work). Dates (a booked
 * visit, an authorization about to end) may then move the item: see `worklistItemOf`.
 *
 * @example
 * REFERRAL_STATUS_REASONS.completed.refine?.(referral); // 'open-loop', or 'ready-to-close' with the final note
 */
export const REFERRAL_STATUS_REASONS: Readonly<Record<ReferralStatus, ReferralStatusReason>> = {
  draft: { reason: 'unsubmitted' },
  submitted: { reason: 'authorization-not-requested' },
  'pending-authorization': { reason: 'awaiting-payer' },
  denied: {
    reason: 'denied-awaiting-amendment',
    refine: (r) => (r.refusal?.by === 'specialist' ? 'declined-by-specialist' : 'denied-awaiting-amendment'),
  },
  resubmitted: { reason: 'resubmission-not-sent' },
  authorized: {
    reason: 'authorized-not-scheduled',
    refine: (r) =>
      hasFinalNote(r) ? 'ready-to-close' : lastEventRebooks(r) ? 'rebook-visit' : 'authorized-not-scheduled',
  },
  scheduled: { reason: 'awaiting-visit' },
  completed: { reason: 'open-loop', refine: (r) => (hasFinalNote(r) ? 'ready-to-close' : 'open-loop') },
  expired: {
    reason: 'authorization-expired',
    refine: (r) => (hasFinalNote(r) ? 'ready-to-close' : 'authorization-expired'),
  },
  closed: {},
  cancelled: {},
};

/**
 * The reason a referral is on the worklist for, from its status and data, before dates move it;
 * undefined when it is not work.
 *
 * @param referral - a referral
 * @returns its status's reason, refined by its data
 * @example
 * statusReason(draft); // 'unsubmitted'
 */
export const statusReason = (referral: Referral): ReferralWorklistReason | undefined => {
  const { reason, refine } = REFERRAL_STATUS_REASONS[referral.status];
  return reason === undefined || refine === undefined ? reason : refine(referral);
};
