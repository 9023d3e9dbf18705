/**
 * The referral state machine as data (reference/referrals.md §6.1): for each status, the events it
 * accepts and the statuses each may lead to. Where a row has two targets, the referral's data
 * decides (another appointment still booked, a new authorization request waiting to be sent).
 */
import type { ReferralEventType } from './model.js';
import { REFERRAL_STATUSES, isTerminalReferralStatus, type ReferralStatus } from './statuses.js';

/** One row of the transition table. */
export interface ReferralTransition {
  /** Status the referral is in. */
  readonly from: ReferralStatus;
  /** The event. */
  readonly event: ReferralEventType;
  /** The statuses it may lead to (the first is the usual one). */
  readonly to: readonly ReferralStatus[];
  /** The standard step it stands for (X12 278, 360X, PAS), for people reading the table. */
  readonly basis: string;
}

const row = (
  from: ReferralStatus,
  event: ReferralEventType,
  to: readonly ReferralStatus[],
  basis: string,
): ReferralTransition => ({ from, event, to, basis });

/**
 * The transition table. Specialist decline (360X PCC-56) and payer denial (278 A3) both lead to
 * `denied` but are recorded apart (`Referral.refusal.by`) and answered differently: a new provider,
 * or a new authorization request or appeal. A kept visit leaves a multi-visit authorization
 * `authorized` while visits are left and its window is open, and moves it to `completed` (awaiting
 * the consult note) when they are used up. Closing needs a final consult note (PCC-57), which may
 * arrive after expiry when a visit was kept inside the window; `expired` otherwise comes back only
 * by renewal, revision or extension (UM02 R / S / 4); `closed` and `cancelled` accept nothing.
 *
 * @example
 * REFERRAL_TRANSITIONS.filter((t) => t.from === 'draft'); // submit, cancel
 */
export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = [
  row('draft', 'submit', ['submitted'], 'referral ready (360X PCC-55 request)'),
  row('submitted', 'request-authorization', ['pending-authorization'], 'X12 278 request, UM02 = I'),
  row('submitted', 'authorization-not-required', ['authorized'], 'payer rules or HCR01 NA'),
  row('submitted', 'specialist-declined', ['denied'], '360X PCC-56 decline'),
  row('pending-authorization', 'authorization-approved', ['authorized'], 'HCR01 A1 / A2 / A6'),
  row('pending-authorization', 'authorization-pended', ['pending-authorization'], 'HCR01 A4 / CT'),
  row('pending-authorization', 'authorization-denied', ['denied'], 'HCR01 A3'),
  row('pending-authorization', 'authorization-not-required', ['authorized'], 'HCR01 NA'),
  row('pending-authorization', 'specialist-declined', ['denied'], '360X PCC-56 decline'),
  row('denied', 'resubmit', ['resubmitted'], 'PAS: new request or appeal (UM02 = I / 1 / 2)'),
  row('denied', 'not-pursued', ['cancelled'], 'the office does not pursue the denial (reason kept)'),
  row('resubmitted', 'send', ['pending-authorization', 'submitted'], 'new 278 request, or PCC-55 to a new provider'),
  row('authorized', 'schedule', ['scheduled'], '360X PCC-60 appointment notification'),
  row('authorized', 'specialist-declined', ['denied'], '360X PCC-56 decline'),
  row('authorized', 'consult-note-received', ['authorized'], '360X PCC-59 / PCC-57 after a kept visit'),
  row('authorized', 'close', ['closed'], 'loop closed on the final report, visits left unused'),
  row('authorized', 'expire', ['expired'], 'validity ended or visits used up'),
  row('scheduled', 'schedule', ['scheduled'], '360X PCC-60, another appointment'),
  row('scheduled', 'no-show', ['authorized', 'scheduled', 'completed'], '360X PCC-61; a visit only if the payer counts no-shows'),
  row('scheduled', 'appointment-cancelled', ['authorized', 'scheduled'], 'SIU^S15 one appointment cancelled; visit not counted'),
  row('scheduled', 'visit-kept', ['completed', 'scheduled', 'authorized'], 'visit occurred; uses one visit'),
  row('scheduled', 'consult-note-received', ['scheduled'], '360X PCC-59 interim note'),
  row('scheduled', 'expire', ['expired'], 'validity ended or visits used up'),
  row('completed', 'consult-note-received', ['completed'], '360X PCC-59 interim / PCC-57 outcome'),
  row('completed', 'close', ['closed'], 'loop closed on the final consult note'),
  row('completed', 'expire', ['expired'], 'validity ended before the loop closed'),
  row('expired', 'request-authorization', ['pending-authorization'], 'UM02 = R / S / 4'),
  row('expired', 'consult-note-received', ['expired'], 'PCC-57 for a visit kept inside the window'),
  row('expired', 'close', ['closed'], 'loop closed on the final consult note'),
  ...REFERRAL_STATUSES.filter((s) => !isTerminalReferralStatus(s)).map((s) =>
    row(s, 'cancel', ['cancelled'], '360X PCC-58; UM02 = 3 → HCR01 C'),
  ),
]; // prettier-ignore

const INDEX: ReadonlyMap<ReferralStatus, ReadonlyMap<ReferralEventType, readonly ReferralStatus[]>> = new Map(
  REFERRAL_STATUSES.map((s) => [
    s,
    new Map(REFERRAL_TRANSITIONS.filter((t) => t.from === s).map((t) => [t.event, t.to] as const)),
  ]),
);

/**
 * The statuses an event may lead to from a status, or undefined when the table refuses it.
 *
 * @param from - current status
 * @param event - event name
 * @returns the row's targets, or undefined
 * @example
 * referralTargets('scheduled', 'visit-kept'); // ['completed', 'scheduled', 'authorized']
 * referralTargets('closed', 'cancel'); // undefined
 */
export const referralTargets = (
  from: ReferralStatus,
  event: ReferralEventType,
): readonly ReferralStatus[] | undefined => INDEX.get(from)?.get(event);

/**
 * The events the table accepts in a status.
 *
 * @param status - a referral status
 * @returns event names in table order (none for `closed` and `cancelled`)
 * @example
 * allowedReferralEvents('draft'); // ['submit', 'cancel']
 */
export const allowedReferralEvents = (status: ReferralStatus): readonly ReferralEventType[] => [
  ...(INDEX.get(status)?.keys() ?? []),
];
