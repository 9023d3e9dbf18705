/**
 * What the front desk collects at check-in from a cost-share estimate, per the office's policy:
 * the copays only (the rest is billed after adjudication), the whole estimated responsibility, or
 * a deposit toward it.
 */
import { applyRate, type BasisPoints, type Cents } from '../core/money.js';
import type { CostShareEstimate } from './costShare.js';

/**
 * The office's collection policy:
 * - `copay-only`: the copays of the estimate;
 * - `estimated-responsibility`: everything the patient is estimated to owe (cost share, not
 *   covered, balance billing), optionally capped by `maximum`;
 * - `deposit`: a fixed `amount` or a `percent` of the estimated responsibility, never more than it.
 *
 * @example
 * const policy: CheckInPolicy = { kind: 'deposit', percent: basisPoints(5000) };
 */
export type CheckInPolicy =
  | { readonly kind: 'copay-only' }
  | { readonly kind: 'estimated-responsibility'; readonly maximum?: Cents }
  | { readonly kind: 'deposit'; readonly amount: Cents }
  | { readonly kind: 'deposit'; readonly percent: BasisPoints };

/**
 * The amount to collect now, what the estimate says the patient owes in all, what remains to bill
 * after the visit, and a sentence for the front desk saying why.
 *
 * @example
 * const c: CheckInCollection = collectAtCheckIn(estimate, { kind: 'copay-only' });
 */
export interface CheckInCollection {
  readonly collectNow: Cents;
  readonly estimatedResponsibility: Cents;
  readonly billLater: Cents;
  readonly reason: string;
}

/**
 * Decides what to collect at check-in from an estimate and a policy. Integer cents; a percent
 * deposit is rounded half-up to the cent.
 *
 * @param estimate - the visit's cost-share estimate
 * @param policy - copay only, estimated responsibility (optionally capped), or a deposit
 * @returns the amount to collect now and why (never more than the estimated responsibility)
 * @example
 * // T27: preventive $0 + problem visit $30 copay → collect $30 under any policy.
 * collectAtCheckIn(estimate, { kind: 'copay-only' }); // { collectNow: 3000, ... }
 */
export const collectAtCheckIn = (estimate: CostShareEstimate, policy: CheckInPolicy): CheckInCollection => {
  const owed = estimate.total.patientPays;
  const result = (now: number, reason: string): CheckInCollection => {
    const collectNow = Math.min(now, owed) as Cents;
    return { collectNow, estimatedResponsibility: owed, billLater: (owed - collectNow) as Cents, reason };
  };
  switch (policy.kind) {
    case 'copay-only':
      return result(
        estimate.total.copay,
        estimate.total.copay > 0
          ? 'copays only; deductible and coinsurance are billed after the claim is adjudicated'
          : 'no copay applies; any deductible or coinsurance is billed after the claim is adjudicated',
      );
    case 'estimated-responsibility':
      return policy.maximum !== undefined && policy.maximum < owed
        ? result(
            policy.maximum,
            'estimated responsibility, capped by the office maximum; the rest is billed later',
          )
        : result(owed, 'the whole estimated patient responsibility');
    case 'deposit':
      return 'amount' in policy
        ? result(policy.amount, 'a fixed deposit toward the estimated responsibility')
        : result(applyRate(owed, policy.percent), 'a percentage deposit of the estimated responsibility');
  }
};
