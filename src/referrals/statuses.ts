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

const TERMINAL: ReadonlySet<ReferralStatus> = new Set(['closed', 'expired', 'cancelled']);

/**
 * Whether a status ends the referral: nothing moves it on.
 *
 * @param status - a referral status
 * @returns true for closed, expired and cancelled
 * @example
 * isTerminalReferralStatus('closed'); // true
 */
export const isTerminalReferralStatus = (status: ReferralStatus): boolean => TERMINAL.has(status);
