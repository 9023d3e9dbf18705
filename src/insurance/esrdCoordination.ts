/**
 * When ESRD-based Medicare begins and when its 30-month coordination period with a group health plan
 * ends, from the treatment dates (42 CFR 406.13(e); 42 CFR 411.162; SSA POMS HI 00620.177; insurance
 * reference §8.2):
 * - a regular course of dialysis: entitlement begins with the third month after the month dialysis
 *   began (the 3-month waiting period: dialysis from any day of March, Medicare from June 1);
 * - self-dialysis training in a Medicare-approved program begun before that third month: from the
 *   first month of dialysis (no waiting period);
 * - a kidney transplant: from the month of the transplant, or from the month of the hospital
 *   admission for it when the transplant follows within the two next months; a transplant delayed
 *   longer begins entitlement two months before the month of the transplant;
 * - the earliest of these applies. The coordination period is the 30 months that start with the
 *   first month of entitlement (whether or not the patient enrolled); Medicare pays first from the
 *   month after.
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import type { IsoDate } from '../core/calendar.js';

/** Months of dialysis before ESRD-based entitlement begins (the waiting period). */
const WAITING_MONTHS = 3;
/** Months a transplant may follow the admission for it and still date entitlement from the admission. */
const TRANSPLANT_ADMISSION_MONTHS = 2;
/** Length of the ESRD coordination period with a group health plan. */
const COORDINATION_MONTHS = 30;

/**
 * The treatment dates ESRD-based Medicare entitlement is computed from (any that apply).
 *
 * @example
 * const d: EsrdDates = { dialysisStart: isoDate('2026-03-10') };
 */
export interface EsrdDates {
  /** First day of a regular course of dialysis. */
  readonly dialysisStart?: IsoDate | undefined;
  /** First day of a Medicare-approved self-dialysis (home dialysis) training program. */
  readonly selfDialysisTrainingStart?: IsoDate | undefined;
  /** Hospital admission for the kidney transplant or the services needed before it. */
  readonly transplantAdmission?: IsoDate | undefined;
  /** Day of the kidney transplant. */
  readonly transplant?: IsoDate | undefined;
}

/**
 * ESRD-based Medicare entitlement and the coordination period it starts.
 *
 * @example
 * const p: EsrdPeriod = unwrapOr(esrdCoordinationPeriod({ dialysisStart: isoDate('2026-03-10') }), undefined)!;
 */
export interface EsrdPeriod {
  /** First day of the first month of ESRD-based Medicare entitlement. */
  readonly entitlementStart: IsoDate;
  /** The rule that gave the earliest entitlement. */
  readonly basis: 'dialysis' | 'self-dialysis-training' | 'transplant';
  /** The months of dialysis before entitlement (first and last day), or null when none applied. */
  readonly waitingPeriod: { readonly start: IsoDate; readonly end: IsoDate } | null;
  /** First day of the 30-month coordination period (the entitlement month). */
  readonly coordinationStart: IsoDate;
  /** Last day of the 30th month. */
  readonly coordinationEnd: IsoDate;
  /** First day Medicare pays before the group health plan. */
  readonly medicarePrimaryFrom: IsoDate;
}

/**
 * Why no period could be computed: no treatment date was given, or a transplant admission after
 * the transplant.
 *
 * @example
 * const e: EsrdError = { code: 'insurance.esrd-dates', message: 'no dialysis, training or transplant date' };
 */
export type EsrdError = DomainError<'insurance.esrd-dates'>;

/** A month as a single number (year × 12 + month − 1), so months add and compare. */
const monthOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

const firstDay = (month: number): IsoDate => {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01` as IsoDate;
};

const lastDay = (month: number): IsoDate => {
  const year = Math.floor(month / 12);
  const m = (month % 12) + 1;
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(days).padStart(2, '0')}` as IsoDate;
};

/**
 * Computes when ESRD-based Medicare begins and the 30-month coordination period, from the
 * dialysis, self-dialysis training and transplant dates (the earliest rule wins). Calendar dates
 * only; no time zone is involved.
 *
 * @param dates - the treatment dates known (any subset, at least one)
 * @returns `Right(EsrdPeriod)`, or `Left` `insurance.esrd-dates` when no date is given or the
 *   transplant admission is after the transplant
 * @example
 * // Dialysis from 2026-03-10: waiting period March-May, Medicare from 2026-06-01, coordination
 * // through 2028-11-30, Medicare primary from 2028-12-01.
 * esrdCoordinationPeriod({ dialysisStart: isoDate('2026-03-10') });
 */
export const esrdCoordinationPeriod = (dates: EsrdDates): Either<EsrdError, EsrdPeriod> => {
  const { dialysisStart, selfDialysisTrainingStart, transplantAdmission, transplant } = dates;
  if (transplantAdmission !== undefined && transplant !== undefined && transplantAdmission > transplant)
    return err({ code: 'insurance.esrd-dates', message: 'transplantAdmission is after transplant' });
  const candidates: { month: number; basis: EsrdPeriod['basis']; waiting: number | null }[] = [];
  // Training counts as dialysis when no separate dialysis start was given.
  const dialysis = dialysisStart ?? selfDialysisTrainingStart;
  if (dialysis !== undefined) {
    const start = monthOf(dialysis);
    candidates.push({ month: start + WAITING_MONTHS, basis: 'dialysis', waiting: start });
    if (
      selfDialysisTrainingStart !== undefined &&
      monthOf(selfDialysisTrainingStart) < start + WAITING_MONTHS
    )
      candidates.push({ month: start, basis: 'self-dialysis-training', waiting: null });
  }
  if (transplant !== undefined) {
    const t = monthOf(transplant);
    const admitted = transplantAdmission === undefined ? t : monthOf(transplantAdmission);
    const month = t - admitted <= TRANSPLANT_ADMISSION_MONTHS ? admitted : t - TRANSPLANT_ADMISSION_MONTHS;
    candidates.push({ month, basis: 'transplant', waiting: null });
  }
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (a, c) => (a === undefined || c.month < a.month ? c : a),
    undefined,
  );
  if (best === undefined)
    return err({ code: 'insurance.esrd-dates', message: 'no dialysis, training or transplant date' });
  return ok({
    entitlementStart: firstDay(best.month),
    basis: best.basis,
    waitingPeriod:
      best.waiting === null ? null : { start: firstDay(best.waiting), end: lastDay(best.month - 1) },
    coordinationStart: firstDay(best.month),
    coordinationEnd: lastDay(best.month + COORDINATION_MONTHS - 1),
    medicarePrimaryFrom: firstDay(best.month + COORDINATION_MONTHS),
  });
};
