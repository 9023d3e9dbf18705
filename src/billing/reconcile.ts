/**
 * Estimate against remittance: where the payer's patient responsibility (835 PR adjustments, as
 * posted) differs from what `estimateCostShare` told the patient before the visit, line by line,
 * with the likely reason.
 */
import type { Cents } from '../core/money.js';
import type { CostShareEstimate, LineCostShare } from '../insurance/costShare.js';
import type { ClaimPosting, LinePosting, PatientShare } from './posting.js';

/**
 * Why a line's patient share differs from the estimate (several may apply, most telling first):
 * - `denied`: the payer denied or bundled the line (nothing paid, no patient share), while the
 *   estimate expected one;
 * - `allowed-differs`: the payer's allowed amount (paid + patient share) is not the estimate's;
 * - `accumulators-moved`: the deductible taken differs with the same allowed amount: other claims
 *   adjudicated between the 271 and this one moved the deductible or out-of-pocket accumulators;
 * - `benefit-differs`: the copay, or the coinsurance rate implied by the estimate, does not
 *   explain the payer's figures: the benefit is not as read from the 271;
 * - `non-covered-differs`: the payer's non-covered amount (PR 49/50/96/204) is not the estimate's;
 * - `other-patient-reason`: PR amounts under other reasons (such as CARC 119 benefit maximum);
 * - `not-adjudicated`: the estimate has the line, the posting does not;
 * - `not-estimated`: the posting has the line, the estimate does not.
 *
 * @example
 * const r: EstimateDifferenceReason = 'accumulators-moved';
 */
export type EstimateDifferenceReason =
  | 'denied'
  | 'allowed-differs'
  | 'accumulators-moved'
  | 'benefit-differs'
  | 'non-covered-differs'
  | 'other-patient-reason'
  | 'not-adjudicated'
  | 'not-estimated';

/**
 * The patient share split of one side: deductible, copay, coinsurance, non-covered, other and the
 * total, with the allowed amount it was computed on.
 *
 * @example
 * const s: ShareSplit = { allowed: cents(10000), deductible: cents(0), copay: cents(2500), coinsurance: cents(0), nonCovered: cents(0), other: cents(0), total: cents(2500) };
 */
export interface ShareSplit {
  readonly allowed: Cents;
  readonly deductible: Cents;
  readonly copay: Cents;
  readonly coinsurance: Cents;
  readonly nonCovered: Cents;
  readonly other: Cents;
  readonly total: Cents;
}

/**
 * One line compared: the estimate line id and claim line position, both splits (absent on the
 * side that lacks the line), `difference` = posted total − estimated total (positive: the patient
 * owes more than they were told), and the likely reasons (empty when the splits agree).
 *
 * @example
 * const l: LineReconciliation | undefined = reconcileEstimate(estimate, posting.claims[0]!).lines[0];
 */
export interface LineReconciliation {
  readonly lineId?: string;
  readonly claimLine?: number;
  readonly estimated?: ShareSplit;
  readonly posted?: ShareSplit;
  readonly difference: Cents;
  readonly reasons: readonly EstimateDifferenceReason[];
}

/**
 * The whole comparison: lines, the patient share the payer put at claim level (not tied to a
 * line), totals and their difference (posted − estimated, claim level included), and the balance
 * bill the estimate expected from an out-of-network provider (never on an 835: it is the
 * provider's own charge above the allowed amount).
 *
 * @example
 * const r: EstimateReconciliation = reconcileEstimate(estimate, posting.claims[0]!);
 */
export interface EstimateReconciliation {
  readonly lines: readonly LineReconciliation[];
  readonly claimLevel: PatientShare;
  readonly estimatedTotal: Cents;
  readonly postedTotal: Cents;
  readonly difference: Cents;
  readonly balanceBill: Cents;
}

/** A coinsurance figure may differ from the rate's by the payer's rounding (billing reference §13.23). */
const ROUNDING_CENTS = 1;

const estimatedSplit = (l: LineCostShare): ShareSplit => ({
  allowed: l.allowed,
  deductible: l.deductible,
  copay: l.copay,
  coinsurance: l.coinsurance,
  nonCovered: l.notCovered,
  other: 0 as Cents,
  total: (l.costShare + l.notCovered) as Cents,
});

/** The posted split of a claim line: the sum of its posting lines (a payer may split a line). */
const postedSplit = (parts: readonly LinePosting[]): ShareSplit => {
  let paid = 0;
  const s = { deductible: 0, copay: 0, coinsurance: 0, nonCovered: 0, other: 0, total: 0 };
  for (const p of parts) {
    const a = p.amounts;
    paid += a.paid;
    s.deductible += a.patient.deductible;
    s.copay += a.patient.copay;
    s.coinsurance += a.patient.coinsurance;
    s.nonCovered += a.patient.nonCovered;
    s.other += a.patient.other;
    s.total += a.patient.total;
  }
  return {
    allowed: (paid + s.total) as Cents,
    deductible: s.deductible as Cents,
    copay: s.copay as Cents,
    coinsurance: s.coinsurance as Cents,
    nonCovered: s.nonCovered as Cents,
    other: s.other as Cents,
    total: s.total as Cents,
  };
};

/**
 * Whether the coinsurance the payer took is what the estimate's rate gives on the payer's own
 * base (allowed − non-covered − deductible − copay). The rate is the estimate's coinsurance over
 * its base; when that base is zero (the estimate put everything in the deductible) the rate is
 * unknown and any coinsurance is explained.
 */
const coinsuranceExplained = (e: ShareSplit, p: ShareSplit): boolean => {
  const estimatedBase = e.allowed - e.nonCovered - e.deductible - e.copay;
  if (estimatedBase <= 0) return true;
  const postedBase = p.allowed - p.nonCovered - p.deductible - p.copay;
  const expected = (e.coinsurance * postedBase) / estimatedBase;
  return Math.abs(p.coinsurance - expected) <= ROUNDING_CENTS;
};

const reasonsFor = (
  e: ShareSplit,
  p: ShareSplit,
  outcomes: readonly string[],
): EstimateDifferenceReason[] => {
  const same =
    e.deductible === p.deductible &&
    e.copay === p.copay &&
    e.coinsurance === p.coinsurance &&
    e.nonCovered === p.nonCovered &&
    p.other === 0 &&
    e.allowed === p.allowed;
  if (same) return [];
  const out: EstimateDifferenceReason[] = [];
  if (p.total === 0 && e.total !== 0 && outcomes.every((o) => o === 'denied' || o === 'bundled'))
    return ['denied'];
  if (e.allowed !== p.allowed) out.push('allowed-differs');
  if (e.deductible !== p.deductible) out.push('accumulators-moved');
  if (e.copay !== p.copay || !coinsuranceExplained(e, p)) out.push('benefit-differs');
  if (e.nonCovered !== p.nonCovered) out.push('non-covered-differs');
  if (p.other !== 0) out.push('other-patient-reason');
  return out;
};

/**
 * Compares an estimate with the posting of the claim's remittance, line by line.
 *
 * Lines pair by position: claim line `i` (a posting line's `claimLine`, else its position) is
 * estimate line `lineIds.indexOf(id)`, where `lineIds` lists the estimate line id of each claim
 * line in claim order (default: the estimate's own line order). A claim line the payer split is
 * the sum of its posting lines. The estimate's payer-determined share is its cost share plus
 * non-covered (`patientPays` without the balance bill, which no 835 carries; it is reported apart).
 * Money is compared exactly in cents; a coinsurance within one cent of the estimate's rate on the
 * payer's base counts as explained (payers round per line). No clock is read.
 *
 * @param estimate - `estimateCostShare`'s result for the claim's lines
 * @param posting - the posted claim (`postRemittance(...).claims[i]`), not a reversal
 * @param lineIds - estimate line id of each claim line, in claim order (default: estimate order)
 * @returns the lines with their differences and reasons, claim-level patient share and totals
 * @example
 * const r = reconcileEstimate(estimate, posting.claims[0]!);
 * r.lines.filter((l) => l.difference !== 0).map((l) => l.reasons);
 */
export const reconcileEstimate = (
  estimate: CostShareEstimate,
  posting: ClaimPosting,
  lineIds: readonly string[] = estimate.lines.map((l) => l.lineId),
): EstimateReconciliation => {
  const byClaimLine = new Map<number, LinePosting[]>();
  posting.lines.forEach((p, k) => {
    const i = p.claimLine ?? p.line ?? k;
    const list = byClaimLine.get(i);
    if (list) list.push(p);
    else byClaimLine.set(i, [p]);
  });
  const estimateById = new Map(estimate.lines.map((l) => [l.lineId, l]));
  const lines: LineReconciliation[] = [];
  const seen = new Set<number>();
  lineIds.forEach((id, i) => {
    const e = estimateById.get(id);
    const parts = byClaimLine.get(i);
    if (parts) seen.add(i);
    const estimated = e ? estimatedSplit(e) : undefined;
    const posted = parts ? postedSplit(parts) : undefined;
    const difference = ((posted?.total ?? 0) - (estimated?.total ?? 0)) as Cents;
    const reasons: EstimateDifferenceReason[] =
      estimated && posted
        ? reasonsFor(
            estimated,
            posted,
            (parts ?? []).map((p) => p.outcome),
          )
        : estimated
          ? ['not-adjudicated']
          : ['not-estimated'];
    lines.push({
      ...(e ? { lineId: id } : {}),
      ...(parts ? { claimLine: i } : {}),
      ...(estimated ? { estimated } : {}),
      ...(posted ? { posted } : {}),
      difference,
      reasons,
    });
  });
  for (const [i, parts] of [...byClaimLine.entries()].sort((a, b) => a[0] - b[0])) {
    if (seen.has(i)) continue;
    const posted = postedSplit(parts);
    lines.push({ claimLine: i, posted, difference: posted.total, reasons: ['not-estimated'] });
  }
  const claimLevel = posting.claimAdjustments.patient;
  const estimatedTotal = lines.reduce((s, l) => s + (l.estimated?.total ?? 0), 0) as Cents;
  const postedTotal = (lines.reduce((s, l) => s + (l.posted?.total ?? 0), 0) + claimLevel.total) as Cents;
  return {
    lines,
    claimLevel,
    estimatedTotal,
    postedTotal,
    difference: (postedTotal - estimatedTotal) as Cents,
    balanceBill: estimate.total.balanceBill,
  };
};
