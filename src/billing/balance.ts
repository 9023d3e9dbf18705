/**
 * The 835 balancing rules (005010X221A1; billing reference §5.6), in integer cents with CAS and PLB
 * signed. Every identity is computed and each failure named with its difference, computed minus
 * stated. Nothing is corrected.
 */
import type { Cents } from '../core/money.js';
import type { Adjustment, Remittance, RemittanceLine } from './model.js';

/**
 * The balancing rules:
 * - `line`: SVC02 − Σ line CAS = SVC03;
 * - `claim`: CLP03 − Σ claim CAS − Σ line CAS = CLP04;
 * - `claim-line-charges`: Σ SVC02 = CLP03 when lines are present (fails on split or omitted lines;
 *   the remittance can still be posted);
 * - `patient-responsibility`: CLP05 = Σ PR CAS on the claim and its lines (CLP05 absent counts 0);
 * - `transaction`: Σ CLP04 − Σ PLB = BPR02 (signed by BPR03).
 *
 * @example
 * const rule: BalanceRule = 'transaction';
 */
export type BalanceRule = 'line' | 'claim' | 'claim-line-charges' | 'patient-responsibility' | 'transaction';

/**
 * One failed identity: where (claim and line position, segment), the computed and the stated
 * amount, and `difference = computed − stated`.
 *
 * @example
 * const i: Imbalance = { rule: 'line', claim: 0, line: 1, segmentIndex: 22, computed: cents(5000), stated: cents(4900), difference: cents(100), hold: true };
 */
export interface Imbalance {
  /** The rule that fails. */
  readonly rule: BalanceRule;
  /** Position of the claim in `remittance.claims`, for claim and line rules. */
  readonly claim?: number;
  /** Position of the line in the claim's `lines`, for the line rule. */
  readonly line?: number;
  /** Segment of the stated amount: SVC or CLP, or the transaction's ST for the transaction rule. */
  readonly segmentIndex: number;
  /** What the other amounts add up to. */
  readonly computed: Cents;
  /** What the file states. */
  readonly stated: Cents;
  /** `computed − stated`. */
  readonly difference: Cents;
  /** Whether the remittance must be held for review (every rule but `claim-line-charges`). */
  readonly hold: boolean;
}

/**
 * The balance report of one remittance.
 *
 * @example
 * const r: BalanceReport = { balanced: true, hold: false, imbalances: [] };
 */
export interface BalanceReport {
  /** No rule fails. */
  readonly balanced: boolean;
  /** A rule other than `claim-line-charges` fails: hold the remittance for review before posting. */
  readonly hold: boolean;
  /** Every failure, in file order, transaction last. */
  readonly imbalances: readonly Imbalance[];
}

const sumAdjustments = (list: readonly Adjustment[], group?: Adjustment['group']): number => {
  let total = 0;
  for (const a of list) if (group === undefined || a.group === group) total += a.amount;
  return total;
};

/** Adds the failure of one identity to `found`, when computed and stated differ. */
const check = (
  found: Imbalance[],
  rule: BalanceRule,
  where: { readonly claim?: number; readonly line?: number; readonly segmentIndex: number },
  computed: number,
  stated: number,
): void => {
  if (computed !== stated)
    found.push({
      rule,
      ...where,
      computed: computed as Cents,
      stated: stated as Cents,
      difference: (computed - stated) as Cents,
      hold: rule !== 'claim-line-charges',
    });
};

/**
 * Applies the 835 balancing rules to a remittance and names every identity that fails, with the
 * difference computed minus stated (see {@link BalanceRule}). A reversal (CLP02 22) balances with
 * its negated amounts like any claim. The remittance is not changed.
 *
 * @param remittance - one 835 transaction, as read by `read835`
 * @returns the report; it never fails (an unbalanced remittance is a finding, not an error)
 * @example
 * const file = read835(text);
 * if (file._tag === 'Right') checkBalance(file.right.remittances[0]!).imbalances;
 */
export const checkBalance = (remittance: Remittance): BalanceReport => {
  const found: Imbalance[] = [];
  let paidTotal = 0;
  remittance.claims.forEach((c, ci) => {
    let lineCas = 0;
    let lineCharges = 0;
    let linePr = 0;
    const lines = c.lines;
    for (let li = 0; li < lines.length; li++) {
      const l = lines[li] as RemittanceLine;
      let cas = 0;
      for (const a of l.adjustments) {
        cas += a.amount;
        if (a.group === 'PR') linePr += a.amount;
      }
      lineCas += cas;
      lineCharges += l.charge;
      if (l.charge - cas !== l.paid)
        check(found, 'line', { claim: ci, line: li, segmentIndex: l.segmentIndex }, l.charge - cas, l.paid);
    }
    const claimCas = sumAdjustments(c.adjustments);
    const claimPr = sumAdjustments(c.adjustments, 'PR') + linePr;
    const stated = c.patientResponsibility ?? 0;
    const computed = c.charge - claimCas - lineCas;
    // Where is built only for a claim that fails a rule.
    if (computed !== c.paid || (lines.length > 0 && lineCharges !== c.charge) || claimPr !== stated) {
      const where = { claim: ci, segmentIndex: c.segmentIndex };
      check(found, 'claim', where, computed, c.paid);
      if (lines.length > 0) check(found, 'claim-line-charges', where, lineCharges, c.charge);
      check(found, 'patient-responsibility', where, claimPr, stated);
    }
    paidTotal += c.paid;
  });
  const plb = remittance.providerAdjustments.reduce((s, p) => s + p.amount, 0);
  check(
    found,
    'transaction',
    { segmentIndex: remittance.source.segmentIndex },
    paidTotal - plb,
    remittance.payment.amount,
  );
  return { balanced: found.length === 0, hold: found.some((i) => i.hold), imbalances: found };
};
