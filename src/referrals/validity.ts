/**
 * Authorization validity: which visits an authorization covers, how many are left, and whether
 * the office must ask for more time (extension, UM02 = 4) or more visits (renewal, UM02 = R),
 * following the worked example of reference/referrals.md §7.
 */
import type { AuthorizationId } from '../core/ids.js';
import { err, ok, type Either } from '../core/result.js';
import { toWallClock } from '../core/time.js';
import { dateToDayNumber, instantToMs, type IsoInstant } from '../core/calendar.js';
import { referralRuleError, type ReferralError } from './errors.js';
import { periodBounds } from './instants.js';
import type { Authorization, AuthorizationDecision, AuthorizationPeriod } from './model.js';

/**
 * FHIR R4 AppointmentStatus codes (http://hl7.org/fhir/appointmentstatus, required binding).
 *
 * @example
 * FHIR_APPOINTMENT_STATUSES.includes('noshow'); // true
 */
export const FHIR_APPOINTMENT_STATUSES = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'entered-in-error',
  'checked-in',
  'waitlist',
] as const;
/** A FHIR R4 AppointmentStatus code. */
export type FhirAppointmentStatus = (typeof FHIR_APPOINTMENT_STATUSES)[number];

/**
 * The least the module needs of an appointment: scheduling owns the full model, and sits above
 * referrals in the dependency order, so it passes this shape down.
 */
export interface ReferralAppointment {
  /** Appointment id. */
  readonly id: string;
  /** Start instant with offset. */
  readonly start: IsoInstant;
  /** FHIR AppointmentStatus. */
  readonly status: FhirAppointmentStatus;
}

// The patient came: these consume a visit (Epic REFERRAL_APT counts kept contacts, §7 rule 1).
const KEPT: ReadonlySet<FhirAppointmentStatus> = new Set(['fulfilled', 'arrived', 'checked-in']);
// Not happened yet: these need cover but have consumed nothing.
const PLANNED: ReadonlySet<FhirAppointmentStatus> = new Set(['proposed', 'pending', 'booked', 'waitlist']);

/** Why an appointment is or is not covered. */
export type VisitCoverage = 'covered' | 'not-kept' | 'outside-window' | 'no-visits-left';

/** One appointment as the authorization sees it (a row of the §7 table). */
export interface AuthorizationVisit {
  /** Appointment id. */
  readonly appointment: string;
  /** Its start. */
  readonly start: IsoInstant;
  /** Kept and covered: it used one visit. */
  readonly counted: boolean;
  /** Visits used after this row. */
  readonly usedAfter: number;
  /** Covered, or why not (`not-kept` for no-shows and cancellations). */
  readonly coverage: VisitCoverage;
  /** Whether it has happened (`kept`), is still to come (`planned`) or did not happen. */
  readonly state: 'kept' | 'planned' | 'not-kept';
}

/** Where `at` lies relative to the validity window. */
export type AuthorizationWindowPosition = 'before-start' | 'inside' | 'after-end';

/** What {@link authorizationStatus} reports. */
export interface AuthorizationStatus {
  /** The authorization. */
  readonly authorization: AuthorizationId;
  /** Visits granted. */
  readonly granted: number;
  /** Kept visits inside the window, up to the grant. */
  readonly used: number;
  /** `granted - used`, never below 0. */
  readonly remaining: number;
  /** Position of `at` relative to the window. */
  readonly window: AuthorizationWindowPosition;
  /** Calendar days from `at` (in the window's zone) to the last valid day; negative once past. */
  readonly daysLeft: number;
  /** Inside the window and `daysLeft` at most `expiringWithinDays`. */
  readonly expiringSoon: boolean;
  /** Visits remaining at most `lowVisitThreshold`. */
  readonly lowOnVisits: boolean;
  /** What to ask the payer for: more time (extension) and/or more visits (renewal). */
  readonly needs: readonly ('extension' | 'renewal')[];
  /** Each appointment in start order. */
  readonly visits: readonly AuthorizationVisit[];
}

/** Options of {@link authorizationStatus}. */
export interface AuthorizationStatusOptions {
  /** Days before the last valid day to start warning (14, the reminder of referrals.md §9). */
  readonly expiringWithinDays?: number;
  /** Remaining visits at or below which to warn (3, referrals.md §9). */
  readonly lowVisitThreshold?: number;
}

const APPROVED: ReadonlySet<AuthorizationDecision> = new Set(['approved', 'partly-approved', 'modified']);

/**
 * Whether a decision grants service (A1, A2 or A6).
 *
 * @param decision - an authorization decision
 * @returns true for approved, partly-approved and modified
 * @example
 * isApprovedAuthorization('partly-approved'); // true
 */
export const isApprovedAuthorization = (decision: AuthorizationDecision): boolean => APPROVED.has(decision);

/**
 * Where an instant falls relative to a validity window whose dates are inclusive in its zone: the
 * window runs from midnight of its first day to midnight after its last day, in the window's zone
 * (a midnight inside a DST gap is the first instant after the gap).
 *
 * @param period - the window
 * @param ms - epoch milliseconds
 * @returns before-start, inside or after-end
 * @example
 * windowPosition({ start: '2024-01-02', end: '2024-03-31', zone: 'America/New_York' }, Date.UTC(2024, 3, 2, 15)); // 'after-end'
 */
export const windowPosition = (period: AuthorizationPeriod, ms: number): AuthorizationWindowPosition => {
  const { startMs, endMs } = periodBounds(period);
  return ms < startMs ? 'before-start' : ms >= endMs ? 'after-end' : 'inside';
};

const stateOf = (status: FhirAppointmentStatus): AuthorizationVisit['state'] =>
  KEPT.has(status) ? 'kept' : PLANNED.has(status) ? 'planned' : 'not-kept';

/**
 * Reports what an approved authorization covers at a moment: visits used (kept visits only;
 * no-shows and cancellations do not count), remaining, whether `at` is inside the window, which
 * planned appointments it cannot cover and whether to ask for an extension (an appointment after
 * the last valid day) or a renewal (no visits left for it).
 *
 * A visit is covered iff its date, read in the window's zone, is within the inclusive dates and
 * fewer than the granted visits are used (reference §7). Planned appointments reserve visits in
 * start order, so the second of two planned visits with one left is `no-visits-left`.
 *
 * @param authorization - an approved (A1/A2/A6) authorization with period and approved units
 * @param appointments - the appointments under it, any order
 * @param at - the moment of the question
 * @param options - warning thresholds
 * @returns `Right(AuthorizationStatus)`; `Left` `referral.authorization-not-active` when the
 *   authorization is not approved or lacks a period or granted units
 * @example
 * authorizationStatus(authorization, visits, isoInstant('2024-03-20T12:00:00-04:00'));
 * // Right({ used: 4, remaining: 2, window: 'inside', needs: ['extension'], ... })
 */
export const authorizationStatus = (
  authorization: Authorization,
  appointments: readonly ReferralAppointment[],
  at: IsoInstant,
  options: AuthorizationStatusOptions = {},
): Either<ReferralError, AuthorizationStatus> => {
  const { period, approvedUnits: granted } = authorization;
  if (!isApprovedAuthorization(authorization.decision) || period === undefined || granted === undefined)
    return err(
      referralRuleError(
        'referral.authorization-not-active',
        'authorization must be approved (A1, A2 or A6) with a period and granted units',
      ),
    );
  const sorted = appointments
    .map((a) => ({ a, ms: instantToMs(a.start) }))
    .sort((x, y) => x.ms - y.ms || (x.a.id < y.a.id ? -1 : 1));
  let used = 0;
  let reserved = 0;
  const needs = new Set<'extension' | 'renewal'>();
  const visits = sorted.map(({ a, ms }): AuthorizationVisit => {
    const state = stateOf(a.status);
    const row = (coverage: VisitCoverage, counted = false): AuthorizationVisit => ({
      appointment: a.id,
      start: a.start,
      counted,
      usedAfter: used,
      coverage,
      state,
    });
    if (state === 'not-kept') return row('not-kept');
    const position = windowPosition(period, ms);
    const miss: VisitCoverage | undefined =
      position !== 'inside' ? 'outside-window' : used + reserved >= granted ? 'no-visits-left' : undefined;
    if (miss !== undefined) {
      if (state === 'planned') needs.add(miss === 'outside-window' ? 'extension' : 'renewal');
      return row(miss);
    }
    if (state === 'planned') {
      reserved++;
      return row('covered');
    }
    used++;
    return row('covered', true);
  });
  const atMs = instantToMs(at);
  const window = windowPosition(period, atMs);
  const daysLeft = dateToDayNumber(period.end) - dateToDayNumber(toWallClock(atMs, period.zone).date);
  const remaining = Math.max(0, granted - used);
  return ok({
    authorization: authorization.id,
    granted,
    used,
    remaining,
    window,
    daysLeft,
    expiringSoon: window === 'inside' && daysLeft <= (options.expiringWithinDays ?? 14),
    lowOnVisits: remaining <= (options.lowVisitThreshold ?? 3),
    needs: (['extension', 'renewal'] as const).filter((n) => needs.has(n)),
    visits,
  });
};
