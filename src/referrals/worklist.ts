/**
 * The referral worklist: every open referral's item ({@link worklistItemOf}), most urgent first.
 */
import type { PatientId, ReferralId } from '../core/ids.js';
import { formatInstant } from '../core/time.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { Referral, ReferralPriority } from './model.js';
import { REFERRAL_STATUSES, type ReferralStatus } from './statuses.js';
import { assessReferrals } from './worklistAssess.js';
import { PRIORITY_RANKS, workItem } from './worklistItem.js';
import { listOrder } from './worklistOrder.js';
import {
  REFERRAL_WORK_STEPS,
  REFERRAL_WORKLIST_REASONS,
  type ReferralWorkItem,
  type ReferralWorkStep,
  type ReferralWorklistPolicy,
  type ReferralWorklistReason,
} from './worklistRules.js';

/** Action and owner by reason index (the assessment's numbers). */
const STEPS = REFERRAL_WORKLIST_REASONS.map((reason) => REFERRAL_WORK_STEPS[reason]);

/**
 * Builds the worklist: one item per open referral (not closed or cancelled), each exactly
 * {@link worklistItemOf} of that referral, sorted: overdue items first, stat before urgent before
 * routine, then most overdue; then items not yet due, soonest first (at equal due times, stat
 * before urgent before routine); remaining ties by referral id, equal ids in input order.
 *
 * The queue is assessed in blocks (each step of a block reads one level of the referrals for all
 * of them, which is what the time goes to), ordered by a linear sort on due time and priority,
 * and the items are written in list order from the assessment's arrays.
 *
 * @param referrals - any referrals; closed and cancelled ones are skipped
 * @param at - now
 * @param policy - step days and the zone for due times
 * @returns the items, most urgent first
 * @example
 * referralWorklist(referrals, isoInstant('2026-11-23T08:00:00-05:00'), {
 *   ...DEFAULT_REFERRAL_WORKLIST_DAYS,
 *   zone: zone('America/New_York'),
 * }); // [{ reason: 'open-loop', action: 'chase the consult note ...', overdueDays: 6, ... }, ...]
 */
export const referralWorklist = (
  referrals: readonly Referral[],
  at: IsoInstant,
  policy: ReferralWorklistPolicy,
): readonly ReferralWorkItem[] => {
  const atMs = instantToMs(at);
  const a = assessReferrals(referrals, atMs, policy);
  const order = listOrder(a.due, a.ranks, a.ids, a.m, atMs);
  // The items' data in list order first: a loop that only moves data reads many positions at
  // once, where the loop writing the items would wait on each read.
  const m = a.m;
  const ids = new Array<ReferralId>(m);
  const patients = new Array<PatientId>(m);
  const due = new Float64Array(m);
  const statuses = new Uint8Array(m);
  const ranks = new Uint8Array(m);
  const reasons = new Uint8Array(m);
  const partial = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    const j = order[k] as number;
    ids[k] = a.ids[j] as ReferralId;
    patients[k] = a.patients[j] as PatientId;
    due[k] = a.due[j] as number;
    statuses[k] = a.statuses[j] as number;
    ranks[k] = a.ranks[j] as number;
    reasons[k] = a.reasons[j] as number;
    partial[k] = a.partial[j] as number;
  }
  const out = new Array<ReferralWorkItem>(m);
  // Items due at the same instant share its text (a bulk import, a common visit time); in list
  // order they sit side by side.
  let lastDue = Number.NaN;
  let dueAt = '' as IsoInstant;
  for (let k = 0; k < m; k++) {
    const d = due[k] as number;
    if (d !== lastDue) {
      lastDue = d;
      dueAt = formatInstant(d, policy.zone);
    }
    const reason = reasons[k] as number;
    out[k] = workItem(
      ids[k] as ReferralId,
      patients[k] as PatientId,
      REFERRAL_STATUSES[statuses[k] as number] as ReferralStatus,
      PRIORITY_RANKS[ranks[k] as number] as ReferralPriority,
      REFERRAL_WORKLIST_REASONS[reason] as ReferralWorklistReason,
      STEPS[reason] as ReferralWorkStep,
      d,
      partial[k] === 1,
      atMs,
      dueAt,
    );
  }
  return out;
};
