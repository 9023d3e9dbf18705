/**
 * The reference posting of a remittance: the plain implementation postRemittance replaced, kept
 * beside it (DESIGN rule 13). One accumulator object per entry, spreads for optional keys, array
 * searches with closures. The property test holds postRemittance to the same postings.
 */
import { err, ok, type Either } from '../core/result.js';
import type { Cents } from '../core/money.js';
import { checkBalance } from './balance.js';
import { denialNextStep, type DenialNextStep } from './denials.js';
import { billingError, type BillingError } from './errors.js';
import type {
  Adjustment,
  Claim,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
} from './model.js';
import type {
  ClaimPosting,
  DenialWork,
  LineOutcome,
  LinePosting,
  PatientShare,
  PatientShareTo,
  PostedAmounts,
  ProviderAdjustmentPosting,
  RemittancePosting,
} from './posting.js';

/** CARCs that mean "paid as part of another service" (billing reference §6). */
const BUNDLING: ReadonlySet<string> = new Set(['97', '234', '236']);
const NON_COVERED: ReadonlySet<string> = new Set(['49', '50', '96', '204']);
const REVERSAL = '22';
const NOT_POSTED: ReadonlySet<string> = new Set(['23', '25']);
const CROSSOVER: ReadonlySet<string> = new Set(['19', '20', '21']);
/** SBR01 payer responsibility codes in order (billing reference §2.3). */
const PAYER_ORDER = 'PSTABCDEFGH';
/** CLP01 echoes only the first 20 characters of CLM01 for sure (billing reference §1.5). */
const ECHOED_ID_LENGTH = 20;

interface Acc {
  contractual: number;
  denied: number;
  deductible: number;
  coinsurance: number;
  copay: number;
  nonCovered: number;
  prOther: number;
  other: number;
}

const newAcc = (): Acc => ({
  contractual: 0,
  denied: 0,
  deductible: 0,
  coinsurance: 0,
  copay: 0,
  nonCovered: 0,
  prOther: 0,
  other: 0,
});

/** Adds adjustments to an accumulator; CO/PI go to `denied` when the entry is a denial. */
const accumulate = (acc: Acc, list: readonly Adjustment[], denied: boolean): void => {
  for (const a of list) {
    if (a.group === 'CO' || a.group === 'PI') {
      if (denied) acc.denied += a.amount;
      else acc.contractual += a.amount;
    } else if (a.group === 'PR') {
      if (a.reason === '1') acc.deductible += a.amount;
      else if (a.reason === '2') acc.coinsurance += a.amount;
      else if (a.reason === '3') acc.copay += a.amount;
      else if (NON_COVERED.has(a.reason)) acc.nonCovered += a.amount;
      else acc.prOther += a.amount;
    } else acc.other += a.amount;
  }
};

const addAcc = (a: Acc, b: Acc): void => {
  a.contractual += b.contractual;
  a.denied += b.denied;
  a.deductible += b.deductible;
  a.coinsurance += b.coinsurance;
  a.copay += b.copay;
  a.nonCovered += b.nonCovered;
  a.prOther += b.prOther;
  a.other += b.other;
};

const shareOf = (a: Acc): PatientShare => ({
  deductible: a.deductible as Cents,
  coinsurance: a.coinsurance as Cents,
  copay: a.copay as Cents,
  nonCovered: a.nonCovered as Cents,
  other: a.prOther as Cents,
  total: (a.deductible + a.coinsurance + a.copay + a.nonCovered + a.prOther) as Cents,
});

const amountsOf = (charge: number, paid: number, a: Acc): PostedAmounts => ({
  charge: charge as Cents,
  paid: paid as Cents,
  contractual: a.contractual as Cents,
  denied: a.denied as Cents,
  patient: shareOf(a),
  other: a.other as Cents,
});

/** The outcome of an entry that is neither a reversal nor unposted. */
const outcomeOf = (paid: number, list: readonly Adjustment[]): LineOutcome => {
  if (paid !== 0) return 'paid';
  let pr = false;
  let writeOff = false;
  let bundlingOnly = true;
  for (const a of list) {
    if (a.group === 'PR' && a.amount !== 0) pr = true;
    else if (a.group === 'CO' || a.group === 'PI') {
      writeOff = true;
      if (!BUNDLING.has(a.reason)) bundlingOnly = false;
    }
  }
  if (pr) return 'patient-responsibility';
  if (!writeOff) return list.length === 0 ? 'paid' : 'adjusted';
  return bundlingOnly ? 'bundled' : 'denied';
};

const denyingReasons = (list: readonly Adjustment[]): { reason: string; amount: number }[] =>
  list.filter((a) => (a.group === 'CO' || a.group === 'PI') && !BUNDLING.has(a.reason));

const sameProcedure = (l: RemittanceLine, c: Claim['lines'][number], withModifiers: boolean): boolean => {
  const p = l.billedProcedure ?? l.procedure;
  if (p.code !== c.procedure.code) return false;
  if (!withModifiers) return true;
  return (
    p.modifiers.length === c.procedure.modifiers.length &&
    p.modifiers.every((m, i) => m === c.procedure.modifiers[i])
  );
};

/**
 * The billed line an SVC answers: REF*6R first, then procedure (SVC06 when present) with modifiers
 * and charge, then procedure and charge (payers drop modifiers), then procedure alone.
 */
const matchLine = (l: RemittanceLine, claim: Claim): number | undefined => {
  const lines = claim.lines;
  if (l.lineControlNumber !== undefined) {
    const i = lines.findIndex((c) => c.controlNumber === l.lineControlNumber);
    if (i >= 0) return i;
  }
  const tries: ((c: Claim['lines'][number]) => boolean)[] = [
    (c) => sameProcedure(l, c, true) && c.charge === l.charge,
    (c) => sameProcedure(l, c, false) && c.charge === l.charge,
    (c) => sameProcedure(l, c, false),
  ];
  for (const t of tries) {
    const i = lines.findIndex(t);
    if (i >= 0) return i;
  }
  return undefined;
};

const echoed = (id: string): string => id.slice(0, ECHOED_ID_LENGTH);

/** Claims by their echoed id (first 20 characters), for CLP01 matching. */
const indexClaims = (claims: readonly Claim[]): Map<string, Claim[]> => {
  const byId = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = echoed(c.id);
    const list = byId.get(k);
    if (list) list.push(c);
    else byId.set(k, [c]);
  }
  return byId;
};

const findClaim = (byId: Map<string, Claim[]>, c: RemittanceClaim): Claim | undefined => {
  const candidates = byId.get(echoed(c.claimId));
  if (!candidates) return undefined;
  const charge = Math.abs(c.charge);
  return candidates.find((k) => k.totalCharge === charge) ?? candidates[0];
};

const patientShareTo = (c: RemittanceClaim, claim: Claim | undefined): PatientShareTo => {
  if (CROSSOVER.has(c.status) || c.crossoverPayer !== undefined) return 'crossed-over';
  if (!claim?.otherPayers) return 'patient';
  const own = PAYER_ORDER.indexOf(claim.payerResponsibility);
  return claim.otherPayers.some((p) => PAYER_ORDER.indexOf(p.responsibility) > own)
    ? 'next-payer'
    : 'patient';
};

const PLB_KINDS: Readonly<Record<string, ProviderAdjustmentPosting['kind']>> = {
  L6: 'interest',
  WO: 'recoupment',
  FB: 'forwarding-balance',
  '72': 'returned-refund',
};

const postPlb = (p: ProviderAdjustment, byPayerNumber: Map<string, string>): ProviderAdjustmentPosting => {
  const kind = (Object.hasOwn(PLB_KINDS, p.reason) ? PLB_KINDS[p.reason] : undefined) ?? 'other';
  const reopens =
    kind === 'recoupment' && p.reference !== undefined ? byPayerNumber.get(p.reference) : undefined;
  return {
    reason: p.reason,
    kind,
    amount: p.amount,
    ...(p.reference !== undefined ? { reference: p.reference } : {}),
    ...(reopens !== undefined ? { reopens } : {}),
    segmentIndex: p.segmentIndex,
  };
};

/**
 * Posts a remittance exactly as {@link postRemittance} does, the plain way.
 *
 * @param remittance - one 835 transaction, as read by `read835`
 * @param claims - the practice's claims the remittance may answer
 * @returns what {@link postRemittance} returns for the same arguments
 * @example
 * postRemittanceReference(remittance, claims); // deep-equal to postRemittance(remittance, claims)
 */
export const postRemittanceReference = (
  remittance: Remittance,
  claims: readonly Claim[],
): Either<BillingError, RemittancePosting> => {
  const report = checkBalance(remittance);
  if (report.hold)
    return err(
      billingError(
        'billing.unbalanced',
        `the remittance fails ${report.imbalances
          .filter((i) => i.hold)
          .map((i) => i.rule)
          .filter((r, i, all) => all.indexOf(r) === i)
          .join(', ')} balancing: hold it for review (see checkBalance)`,
        { segmentIndex: remittance.source.segmentIndex },
      ),
    );
  const byId = indexClaims(claims);
  const byPayerNumber = new Map<string, string>();
  for (const c of claims) if (c.payerClaimNumber !== undefined) byPayerNumber.set(c.payerClaimNumber, c.id);
  const reversed = new Set<string>();
  const postings: ClaimPosting[] = [];
  const denials: DenialWork[] = [];
  const unmatched: number[] = [];
  const total = newAcc();
  let totalCharge = 0;
  let totalPaid = 0;

  remittance.claims.forEach((c, ci) => {
    const claim = findClaim(byId, c);
    if (!claim) unmatched.push(ci);
    if (c.payerClaimNumber !== undefined && !byPayerNumber.has(c.payerClaimNumber) && claim)
      byPayerNumber.set(c.payerClaimNumber, claim.id);
    const kind: ClaimPosting['kind'] =
      c.status === REVERSAL
        ? 'reversal'
        : NOT_POSTED.has(c.status)
          ? 'not-posted'
          : (c.payerClaimNumber !== undefined && reversed.has(c.payerClaimNumber)) || c.frequency === '7'
            ? 'correction'
            : c.frequency === '8'
              ? 'void'
              : 'original';
    if (kind === 'reversal' && c.payerClaimNumber !== undefined) reversed.add(c.payerClaimNumber);
    const fixedOutcome: LineOutcome | undefined =
      kind === 'reversal' ? 'reversal' : kind === 'not-posted' ? 'not-posted' : undefined;
    const claimAcc = newAcc();
    const lines: LinePosting[] = [];
    const post = (
      entry: {
        charge: number;
        paid: number;
        adjustments: readonly Adjustment[];
        remarks: readonly string[];
        segmentIndex: number;
      },
      line: number | undefined,
      claimLine: number | undefined,
    ): LineOutcome => {
      const outcome = fixedOutcome ?? outcomeOf(entry.paid, entry.adjustments);
      const acc = newAcc();
      accumulate(acc, entry.adjustments, outcome === 'denied');
      addAcc(claimAcc, acc);
      const reasons = entry.adjustments.map((a) => a.reason);
      let nextStep: DenialNextStep | undefined;
      if (outcome === 'denied') {
        const denying = denyingReasons(entry.adjustments);
        nextStep = denialNextStep(denying, entry.remarks.length > 0 ? entry.remarks : c.remarks);
        denials.push({
          claim: ci,
          ...(line !== undefined ? { line } : {}),
          claimId: c.claimId,
          reasons: denying.map((d) => d.reason),
          remarks: entry.remarks.length > 0 ? entry.remarks : c.remarks,
          amount: acc.denied as Cents,
          nextStep,
        });
      }
      lines.push({
        ...(line !== undefined ? { line } : {}),
        ...(claimLine !== undefined ? { claimLine } : {}),
        amounts: amountsOf(entry.charge, entry.paid, acc),
        outcome,
        reasons,
        ...(nextStep !== undefined ? { nextStep } : {}),
        segmentIndex: entry.segmentIndex,
      });
      return outcome;
    };

    const claimLevel = newAcc();
    if (c.lines.length === 0) post(c, undefined, undefined);
    else {
      let allDenied = true;
      c.lines.forEach((l, li) => {
        const outcome = post(l, li, claim ? matchLine(l, claim) : undefined);
        if (outcome !== 'denied') allDenied = false;
      });
      // Claim-level CAS of a claim whose every line is denied belongs to the denial, not the contract.
      accumulate(claimLevel, c.adjustments, allDenied || c.status === '4');
      addAcc(claimAcc, claimLevel);
    }
    addAcc(total, claimAcc);
    totalCharge += c.charge;
    totalPaid += c.paid;
    const { charge: _charge, paid: _paid, ...claimAdjustments } = amountsOf(0, 0, claimLevel);
    postings.push({
      claim: ci,
      claimId: c.claimId,
      ...(claim ? { matched: claim.id } : {}),
      status: c.status,
      kind,
      lines,
      claimAdjustments,
      totals: amountsOf(c.charge, c.paid, claimAcc),
      patientShareTo: patientShareTo(c, claim),
      ...(c.crossoverPayer !== undefined ? { crossoverPayer: c.crossoverPayer } : {}),
    });
  });

  const providerAdjustments = remittance.providerAdjustments.map((p) => postPlb(p, byPayerNumber));
  const plb = providerAdjustments.reduce((s, p) => s + p.amount, 0);
  return ok({
    key: [
      remittance.payer.id ?? remittance.payer.name,
      remittance.trace?.number ?? '',
      remittance.trace?.originator ?? '',
    ].join('|'),
    claims: postings,
    providerAdjustments,
    denials,
    unmatched,
    totals: {
      ...amountsOf(totalCharge, totalPaid, total),
      providerAdjustments: plb as Cents,
      netPayment: (totalPaid - plb) as Cents,
    },
  });
};
