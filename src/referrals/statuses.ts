/**
 * Referral statuses, and which of them end a referral's life.
 */

/** Every referral status, in the order a referral usually meets them. */
export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'pending-authorization',
  'authorized',
  'denied',
  'resubmitted',
  'scheduled',
  'completed',
  'closed',
  'expired',
  'cancelled',
] as const;

/** A referral status. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

// `expired` is not terminal: a renewal or extension (UM02 = R / 4) revives it (referrals.md §6.1).
const TERMINAL: ReadonlySet<ReferralStatus> = new Set(['closed', 'cancelled']);

/**
 * Whether a status ends the referral: no event moves it on.
 *
 * @param status - a referral status
 * @returns true for `closed` and `cancelled`; `expired` can still be renewed or extended
 * @example
 * isTerminalReferralStatus('closed'); // true
 * isTerminalReferralStatus('expired'); // false
 */
export const isTerminalReferralStatus = (status: ReferralStatus): boolean => TERMINAL.has(status);
