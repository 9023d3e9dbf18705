/**
 * The claim to the next payer (billing reference §2.9): the same services, addressed to the payer
 * after the one that adjudicated, carrying that payer's adjudication as 837P 2320/2330 (claim) and
 * 2430 (lines) loops, balanced to the cent.
 */
import { err, ok, type Either } from '../core/result.js';
import type { Cents } from '../core/money.js';
import { billingError, type BillingError } from './errors.js';
import type {
  Adjustment,
  Claim,
  ClaimPerson,
  LineAdjudication,
  OtherPayer,
  PriorPayer,
  Procedure,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
  ServiceLine,
} from './model.js';

/** SBR01 codes in paying order (primary, secondary, tertiary, payers 4 to 11). */
const PAYER_ORDER = 'PSTABCDEFGH';
/** CLP01 echoes only the first 20 characters of CLM01 for sure (billing reference §2.4). */
const ECHOED_ID = 20;
/** CLP02 statuses that adjudicated nothing to pass on: reversal, not our claim, predetermination. */
const NOT_ADJUDICATION: ReadonlySet<string> = new Set(['22', '23', '25']);
/** CLP02 processed and forwarded to the next payer by the payer itself (crossover). */
const FORWARDED: ReadonlySet<string> = new Set(['19', '20', '21']);

const sum = (adjustments: readonly Adjustment[]): number => adjustments.reduce((s, a) => s + a.amount, 0);

/** An adjustment as the 837P carries it: group, reason, amount, quantity (no 835 position). */
const plain = (a: Adjustment): Adjustment => ({
  group: a.group,
  reason: a.reason,
  amount: a.amount,
  ...(a.quantity === undefined ? {} : { quantity: a.quantity }),
});

const sameProcedure = (a: Procedure, b: Procedure, modifiers: boolean): boolean =>
  a.code === b.code &&
  (!modifiers ||
    (a.modifiers.length === b.modifiers.length && a.modifiers.every((m) => b.modifiers.includes(m))));

/**
 * The remittance lines of each claim line: by REF*6R line control number first; else by billed
 * procedure (SVC06 when the payer recoded, SVC01 otherwise) with its modifiers and charge; else
 * by code and charge alone (payers drop billed modifiers). Each remittance line is used once.
 */
const matchLines = (
  lines: readonly ServiceLine[],
  remitted: readonly RemittanceLine[],
): Either<BillingError, RemittanceLine[][]> => {
  const used = new Set<number>();
  const take = (test: (r: RemittanceLine) => boolean, all: boolean): RemittanceLine[] => {
    const found: RemittanceLine[] = [];
    for (const [k, r] of remitted.entries()) {
      if (used.has(k) || !test(r)) continue;
      used.add(k);
      found.push(r);
      if (!all) break;
    }
    return found;
  };
  const out: RemittanceLine[][] = [];
  for (const [i, l] of lines.entries()) {
    const billed = (r: RemittanceLine): Procedure => r.billedProcedure ?? r.procedure;
    let found =
      l.controlNumber === undefined ? [] : take((r) => r.lineControlNumber === l.controlNumber, true);
    if (found.length === 0)
      found = take((r) => sameProcedure(billed(r), l.procedure, true) && r.charge === l.charge, false);
    if (found.length === 0)
      found = take((r) => sameProcedure(billed(r), l.procedure, false) && r.charge === l.charge, false);
    if (found.length === 0)
      return err(
        billingError(
          'billing.unmatched-line',
          `claim line ${i + 1} has no service line in the remittance (REF*6R, procedure and charge)`,
          { field: `lines.${i}` },
        ),
      );
    out.push(found);
  }
  const left = remitted.findIndex((_, k) => !used.has(k));
  if (left >= 0)
    return err(
      billingError('billing.unmatched-line', `remittance service line ${left + 1} matches no claim line`, {
        field: 'lines',
      }),
    );
  return ok(out);
};

/** The remittance claim that adjudicated this claim: CLP01 = CLM01 (20 characters), the last one. */
const adjudicationOf = (claim: Claim, remittance: Remittance): RemittanceClaim | undefined => {
  const id = claim.id.slice(0, ECHOED_ID);
  let found: RemittanceClaim | undefined;
  for (const c of remittance.claims)
    if (c.claimId.slice(0, ECHOED_ID) === id && !NOT_ADJUDICATION.has(c.status)) found = c;
  return found;
};

const personOnly = (p: ClaimPerson): ClaimPerson => ({
  lastName: p.lastName,
  ...(p.firstName === undefined ? {} : { firstName: p.firstName }),
  ...(p.dateOfBirth === undefined ? {} : { dateOfBirth: p.dateOfBirth }),
  ...(p.gender === undefined ? {} : { gender: p.gender }),
  ...(p.address === undefined ? {} : { address: p.address }),
});

/**
 * Builds the claim to the next payer from a claim and the remittance in which its payer
 * adjudicated it.
 *
 * The adjudication is the last CLP of the remittance whose CLP01 is the claim id (first 20
 * characters), reversals (22), "not our claim" (23) and predeterminations (25) aside. The claim
 * gains a prior payer (2320/2330: the payer it was sent to with its SBR01 order, filing indicator,
 * group, subscriber and relationship; the 835's claim-level CAS; AMT*D = CLP04; AMT*EAF = CLP05,
 * else the sum of PR adjustments; DTP*573 = BPR16) and each line a prior adjudication (2430: SVD
 * with SVD02 = the SVC03 paid, the adjudicated procedure and units, the line CAS, DTP*573). Lines
 * are matched by REF*6R, then procedure with modifiers and charge, then code and charge; a line
 * the payer split is the sum of its parts. The new payer is the next in SBR01 order among
 * `otherPayers` (its subscriber and relationship decide the subscriber and patient loops); the
 * others stay in `otherPayers`. Frequency is 1; the payer-specific REF*F8, REF*G1 and REF*9F and
 * the payer claim number are dropped. Every adjustment amount is copied, never recomputed, and
 * COB balancing is checked (claim total − claim CAS − line CAS = AMT*D; per line, charge − CAS =
 * SVD02): an adjudication that does not balance is refused, never "fixed".
 *
 * @param claim - the claim the payer adjudicated
 * @param primaryRemittance - the 835 transaction holding the adjudication (see `read835`)
 * @returns `Right(Claim)`; `Left` `billing.no-adjudication` (no CLP for the claim),
 *   `billing.crossed-over` (CLP02 19/20/21 or NM1*TT: the payer forwarded it, do not send it),
 *   `billing.no-next-payer`, `billing.missing-subscriber` (the next payer's subscriber is unknown),
 *   `billing.unmatched-line` (naming the line), `billing.cob-unbalanced` (naming the field)
 * @example
 * const next = secondaryClaim(claim, remittance);
 * if (next._tag === 'Right') checkClaim(next.right); // E42: each earlier payer present and balanced
 */
export const secondaryClaim = (claim: Claim, primaryRemittance: Remittance): Either<BillingError, Claim> => {
  const clp = adjudicationOf(claim, primaryRemittance);
  if (clp === undefined)
    return err(
      billingError(
        'billing.no-adjudication',
        'the remittance holds no adjudication (CLP) for this claim id',
        {
          field: 'id',
        },
      ),
    );
  if (FORWARDED.has(clp.status) || clp.crossoverPayer !== undefined)
    return err(
      billingError(
        'billing.crossed-over',
        'the payer forwarded the claim to the next payer itself (CLP02 19-21 or NM1*TT): a claim from the office would be a duplicate',
        { field: 'id' },
      ),
    );
  const own = PAYER_ORDER.indexOf(claim.payerResponsibility);
  const next = (claim.otherPayers ?? [])
    .filter((p) => PAYER_ORDER.indexOf(p.responsibility) > own)
    .reduce<OtherPayer | undefined>(
      (best, p) =>
        best === undefined || PAYER_ORDER.indexOf(p.responsibility) < PAYER_ORDER.indexOf(best.responsibility)
          ? p
          : best,
      undefined,
    );
  if (own < 0 || next === undefined)
    return err(
      billingError('billing.no-next-payer', 'no other payer comes after this claim’s payer', {
        field: 'otherPayers',
      }),
    );
  const date = primaryRemittance.payment.date;
  const payerId = claim.payer.id;
  let lineAdjustments = 0;
  const lines: ServiceLine[] = [];
  if (clp.lines.length > 0) {
    const matched = matchLines(claim.lines, clp.lines);
    if (matched._tag === 'Left') return matched;
    for (const [i, l] of claim.lines.entries()) {
      const parts = matched.right[i] ?? [];
      const adjustments = parts.flatMap((r) => r.adjustments.map(plain));
      const paid = parts.reduce((s, r) => s + r.paid, 0) as Cents;
      if (l.charge - sum(adjustments) !== paid)
        return err(
          billingError(
            'billing.cob-unbalanced',
            `line ${i + 1}: charge minus the payer's line adjustments is not what it paid (SV102 − 2430 CAS ≠ SVD02)`,
            { field: `lines.${i}` },
          ),
        );
      lineAdjustments += sum(adjustments);
      const first = parts[0];
      const units = parts.every((r) => r.unitsPaid !== undefined)
        ? parts.reduce((s, r) => s + (r.unitsPaid ?? 0), 0)
        : l.quantity;
      const adjudication: LineAdjudication = {
        payerId,
        paid,
        procedure: first ? first.procedure : l.procedure,
        units,
        adjustments,
        ...(date ? { adjudicationDate: date } : {}),
      };
      lines.push({ ...l, priorAdjudications: [...(l.priorAdjudications ?? []), adjudication] });
    }
  } else lines.push(...claim.lines);
  const claimAdjustments = clp.adjustments.map(plain);
  if (claim.totalCharge - sum(claimAdjustments) - lineAdjustments !== clp.paid)
    return err(
      billingError(
        'billing.cob-unbalanced',
        "the claim total minus the payer's claim and line adjustments is not what it paid (CLM02 − CAS ≠ AMT*D)",
        { field: 'totalCharge' },
      ),
    );
  const patientAdjustments = [...claimAdjustments, ...clp.lines.flatMap((r) => r.adjustments)].filter(
    (a) => a.group === 'PR',
  );
  const { groupNumber } = claim.subscriber;
  // 2330A carries the other subscriber's name, member id and address (no DMG).
  const s = claim.subscriber;
  const subscriber: ClaimPerson = {
    lastName: s.lastName,
    ...(s.firstName === undefined ? {} : { firstName: s.firstName }),
    ...(s.memberId === undefined ? {} : { memberId: s.memberId }),
    ...(s.address === undefined ? {} : { address: s.address }),
  };
  const prior: PriorPayer = {
    id: payerId,
    name: claim.payer.name,
    responsibility: claim.payerResponsibility,
    ...(claim.filingIndicator ? { filingIndicator: claim.filingIndicator } : {}),
    ...(groupNumber ? { groupNumber } : {}),
    subscriber,
    relationship: claim.patient ? claim.patient.relationship : '18',
    adjustments: claimAdjustments,
    paid: clp.paid,
    remainingPatientLiability: clp.patientResponsibility ?? (sum(patientAdjustments) as Cents),
    ...(date ? { adjudicationDate: date } : {}),
  };
  const patient = personOnly(claim.patient ?? claim.subscriber);
  const self = next.relationship === undefined || next.relationship === '18';
  if (!self && next.subscriber === undefined)
    return err(
      billingError('billing.missing-subscriber', 'the next payer’s subscriber is not on the claim', {
        field: 'otherPayers',
      }),
    );
  const nextGroup = next.groupNumber ? { groupNumber: next.groupNumber } : {};
  const parties: Pick<Claim, 'subscriber' | 'patient'> = self
    ? {
        subscriber: {
          ...patient,
          ...(next.subscriber?.memberId ? { memberId: next.subscriber.memberId } : {}),
          ...nextGroup,
        },
      }
    : {
        subscriber: { ...(next.subscriber ?? patient), ...nextGroup },
        patient: { ...patient, relationship: next.relationship ?? 'G8' },
      };
  const others = (claim.otherPayers ?? []).filter((p) => p !== next);
  const {
    originalClaimNumber: _replaced,
    priorAuthorization: _authorization,
    referralNumber: _referral,
    payerClaimNumber: _payerClaim,
    otherPayers: _others,
    patient: _patient,
    filingIndicator: _filing,
    ...kept
  } = claim;
  return ok({
    ...kept,
    frequency: '1',
    payer: { id: next.id, name: next.name },
    payerResponsibility: next.responsibility,
    ...(next.filingIndicator ? { filingIndicator: next.filingIndicator } : {}),
    ...parties,
    lines,
    priorPayers: [...(claim.priorPayers ?? []), prior],
    ...(others.length > 0 ? { otherPayers: others } : {}),
  });
};
