/**
 * What the front desk must verify or collect before a visit (records reference §6), as coded
 * items with a severity.
 */
import type { IsoDate } from '../core/calendar.js';
import { dateToDayNumber } from '../core/calendar.js';
import type { ConsentKind, Patient } from './model.js';

/** One thing to verify or collect at check-in. */
export interface ReadinessItem {
  /** Stable code to switch on. */
  readonly code:
    | 'readiness.demographics-unverified'
    | 'readiness.demographics-stale'
    | 'readiness.address-missing'
    | 'readiness.phone-missing'
    | 'readiness.emergency-contact-missing'
    | 'readiness.consent-missing'
    | 'readiness.consent-expired'
    | 'readiness.guarantor-missing';
  /** `blocking` must be resolved before the visit starts; `warning` should be. */
  readonly severity: 'blocking' | 'warning';
  /** The patient field concerned (dotted path). */
  readonly field: string;
  /** What to do, naming the field, never its value. */
  readonly message: string;
  /** The consent kind, for consent items. */
  readonly consent?: ConsentKind;
}

/** Clinic policy for check-in readiness. */
export interface CheckInContext {
  /** Demographics older than this many days must be re-verified (default 365). */
  readonly verifyEveryDays?: number;
  /** Consents required for this visit (default: privacy-notice and financial-responsibility). */
  readonly requiredConsents?: readonly ConsentKind[];
  /** Age in whole years under which a guarantor is required (default 18). */
  readonly adultAge?: number;
  /** Whether a missing emergency contact blocks check-in (default false: a warning). */
  readonly emergencyContactBlocking?: boolean;
}

/** The outcome of a readiness check. */
export interface CheckInReadiness {
  /** True when no blocking item remains. */
  readonly ready: boolean;
  /** Every item, blocking first. */
  readonly items: readonly ReadinessItem[];
}

/**
 * Age in whole years on a date (birthdays on 29 February count on 1 March in common years).
 *
 * @param birthDate - `YYYY-MM-DD`
 * @param asOf - `YYYY-MM-DD`
 * @returns completed years
 * @example
 * patientAgeOn(isoDate('2010-05-20'), isoDate('2026-05-19')); // 15
 */
export const patientAgeOn = (birthDate: IsoDate, asOf: IsoDate): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

/**
 * Lists what must be verified or collected before a visit: demographics never verified or
 * verified more than `verifyEveryDays` ago (blocking), missing home address or phone (blocking),
 * missing emergency contact (warning unless configured), each required consent missing or
 * expired on `asOf` (blocking; a consent expiring on `asOf` is still valid that day), and a
 * missing guarantor for a minor (blocking). Dates are calendar dates; no time zone is involved.
 *
 * @param patient - the chart
 * @param context - clinic policy (defaults above)
 * @param asOf - the visit date, `YYYY-MM-DD`
 * @returns `{ ready, items }`; never fails
 * @example
 * checkInReadiness(patient, { verifyEveryDays: 180 }, isoDate('2026-11-23'));
 * // { ready: false, items: [{ code: 'readiness.demographics-stale', severity: 'blocking', ... }] }
 */
export const checkInReadiness = (
  patient: Patient,
  context: CheckInContext,
  asOf: IsoDate,
): CheckInReadiness => {
  const items: ReadinessItem[] = [];
  const verifyEvery = context.verifyEveryDays ?? 365;
  if (patient.verifiedOn === undefined)
    items.push({
      code: 'readiness.demographics-unverified',
      severity: 'blocking',
      field: 'verifiedOn',
      message: 'demographics have never been verified with the patient',
    });
  else if (dateToDayNumber(asOf) - dateToDayNumber(patient.verifiedOn) > verifyEvery)
    items.push({
      code: 'readiness.demographics-stale',
      severity: 'blocking',
      field: 'verifiedOn',
      message: `demographics were last verified more than ${verifyEvery} days ago`,
    });
  if (patient.addresses.length === 0)
    items.push({
      code: 'readiness.address-missing',
      severity: 'blocking',
      field: 'addresses',
      message: 'no address on file',
    });
  if (patient.phones.length === 0)
    items.push({
      code: 'readiness.phone-missing',
      severity: 'blocking',
      field: 'phones',
      message: 'no phone on file',
    });
  if (patient.emergencyContact === undefined)
    items.push({
      code: 'readiness.emergency-contact-missing',
      severity: context.emergencyContactBlocking === true ? 'blocking' : 'warning',
      field: 'emergencyContact',
      message: 'no emergency contact on file',
    });
  for (const kind of context.requiredConsents ?? ['privacy-notice', 'financial-responsibility']) {
    const signed = patient.consents.filter((c) => c.kind === kind && c.signedOn <= asOf);
    if (signed.length === 0)
      items.push({
        code: 'readiness.consent-missing',
        severity: 'blocking',
        field: 'consents',
        consent: kind,
        message: `consent ${kind} has not been signed`,
      });
    else if (signed.every((c) => c.expiresOn !== undefined && c.expiresOn < asOf))
      items.push({
        code: 'readiness.consent-expired',
        severity: 'blocking',
        field: 'consents',
        consent: kind,
        message: `consent ${kind} has expired`,
      });
  }
  if (patientAgeOn(patient.birthDate, asOf) < (context.adultAge ?? 18) && patient.guarantor === undefined)
    items.push({
      code: 'readiness.guarantor-missing',
      severity: 'blocking',
      field: 'guarantor',
      message: 'patient is a minor and has no guarantor on file',
    });
  const sorted = [
    ...items.filter((i) => i.severity === 'blocking'),
    ...items.filter((i) => i.severity === 'warning'),
  ];
  return { ready: sorted.every((i) => i.severity !== 'blocking'), items: sorted };
};
