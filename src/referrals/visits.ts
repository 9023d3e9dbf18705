/**
 * A referral's visits as its current authorization sees them: granted, requested, used, booked
 * and left. Multi-visit authorizations (physical therapy x 12, injections x 3) move on when their
 * visits are used up, and a partial approval (fewer visits than requested) stays visible as such.
 */
import type { AuthorizationId } from '../core/ids.js';
import { instantToMs } from '../core/calendar.js';
import { periodBounds } from './instants.js';
import type { AppointmentLink, Authorization, Referral } from './model.js';
import { isApprovedAuthorization } from './validity.js';

/** What {@link referralVisits} reports. */
export interface ReferralVisits {
  /** The approved authorization that limits the visits; absent when none does. */
  readonly authorization?: AuthorizationId;
  /** Its certification number (X12 HCR02), when the payer gave one. */
  readonly certificationNumber?: string;
  /** Visits or units requested from the payer. */
  readonly requested?: number;
  /** Visits or units approved; absent when no approved authorization limits them. */
  readonly approved?: number;
  /** Fewer approved than requested (A2, or an A6 that cut the quantity). */
  readonly partial: boolean;
  /** Whether a no-show uses a visit (the payer's rule, from the authorization). */
  readonly noShowsUseVisits: boolean;
  /** Kept visits inside the window. */
  readonly kept: number;
  /** Visits used: kept ones, and no-shows when the payer counts them. */
  readonly used: number;
  /** Appointments booked inside the window and not yet kept or missed. */
  readonly booked: number;
  /** `approved - used`, never below 0; absent when nothing limits the visits. */
  readonly remaining?: number;
}

/**
 * Whether the referral needs no authorization: marked so, or the payer answered NA (which also
 * marks it, since `authorization-not-required` sets `authorizationRequired: false`).
 *
 * @param referral - the referral
 * @returns true when scheduling needs no approved authorization
 * @example
 * authorizationNotNeeded(referralAfterNA); // true
 */
export const authorizationNotNeeded = (referral: Referral): boolean =>
  referral.authorizationRequired === false ||
  referral.authorizations[referral.authorizations.length - 1]?.decision === 'not-required';

/**
 * The authorization that limits the referral's visits: its latest one when that is approved
 * (A1, A2, A6) with period and units, and the referral needs one at all.
 *
 * @param referral - the referral
 * @returns the authorization, or undefined when none limits the visits
 * @example
 * approvedAuthorization(authorizedReferral)?.approvedUnits; // 12
 */
export const approvedAuthorization = (referral: Referral): Authorization | undefined => {
  const auth = referral.authorizations[referral.authorizations.length - 1];
  return auth !== undefined &&
    !authorizationNotNeeded(referral) &&
    isApprovedAuthorization(auth.decision) &&
    auth.period !== undefined &&
    auth.approvedUnits !== undefined
    ? auth
    : undefined;
};

/** Whether a link's start is inside an authorization's window (dates inclusive, in its zone). */
const insideWindow = (auth: Authorization, link: AppointmentLink): boolean => {
  if (auth.period === undefined) return false;
  const { startMs, endMs } = periodBounds(auth.period);
  const ms = instantToMs(link.start);
  return ms >= startMs && ms < endMs;
};

/**
 * Counts a referral's visits against its current approved authorization: kept visits inside the
 * window are used, so are no-shows when the authorization says the payer counts them
 * (`noShowsUseVisits`), cancelled appointments never are. Without an approved authorization (none
 * required, or the payer answered NA) nothing limits the visits and `approved` is absent.
 *
 * @param referral - the referral
 * @returns the counts; never fails
 * @example
 * referralVisits(referral); // { approved: 12, requested: 12, partial: false, used: 3, booked: 1, remaining: 9, ... }
 */
export const referralVisits = (referral: Referral): ReferralVisits => {
  const auth = approvedAuthorization(referral);
  let kept = 0;
  let missed = 0;
  let booked = 0;
  for (const link of referral.appointments) {
    if (auth !== undefined && !insideWindow(auth, link)) continue;
    if (link.status === 'kept') kept++;
    else if (link.status === 'no-show') missed++;
    else if (link.status === 'booked') booked++;
  }
  if (auth === undefined) return { partial: false, noShowsUseVisits: false, kept, used: kept, booked };
  const noShowsUseVisits = auth.noShowsUseVisits === true;
  const used = kept + (noShowsUseVisits ? missed : 0);
  const approved = auth.approvedUnits ?? 0;
  return {
    authorization: auth.id,
    ...(auth.certificationNumber === undefined ? {} : { certificationNumber: auth.certificationNumber }),
    requested: auth.requestedUnits,
    approved,
    partial: auth.decision === 'partly-approved' || approved < auth.requestedUnits,
    noShowsUseVisits,
    kept,
    used,
    booked,
    remaining: Math.max(0, approved - used),
  };
};
