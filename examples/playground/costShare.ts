// The playground's cost-share calculator: form values in dollars and percent become a benefit set,
// accumulators and claim lines through the insurance parsers, and estimateCostShare adjudicates
// the lines in order. Every amount shown is the library's, in integer cents.
import { formatCents, isErr, parseBasisPoints, parseDollars, type Cents } from '../../src/core/index.js';
import {
  estimateCostShare,
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
} from '../../src/insurance/index.js';

export interface CostShareForm {
  readonly deductible: string;
  readonly deductibleMet: string;
  readonly coinsurancePercent: string;
  readonly copay: string;
  readonly oopMax: string;
  readonly oopMet: string;
  /** `code=allowed` per line, such as `99214=180.00`. */
  readonly lines: readonly { readonly code: string; readonly allowed: string }[];
}

export interface CostShareRow {
  readonly line: string;
  readonly allowed: string;
  readonly copay: string;
  readonly deductible: string;
  readonly coinsurance: string;
  readonly patientPays: string;
  readonly planPays: string;
  readonly notes: string;
}

export const DEFAULT_FORM: CostShareForm = {
  deductible: '1000.00',
  deductibleMet: '700.00',
  coinsurancePercent: '20',
  copay: '0.00',
  oopMax: '5000.00',
  oopMet: '700.00',
  lines: [
    { code: '99214', allowed: '180.00' },
    { code: '93306', allowed: '650.00' },
  ],
};

const money = (label: string, text: string): Cents => {
  const parsed = parseDollars(text);
  if (isErr(parsed)) throw new Error(`${label}: ${parsed.left.message}`);
  return parsed.right;
};

/** The line-by-line breakdown and the totals row, or the first input problem. */
export const costShareBreakdown = (
  form: CostShareForm,
  serviceDate = '2026-11-23',
): { readonly rows: readonly CostShareRow[] } | { readonly error: string } => {
  try {
    const rate = parseBasisPoints(Math.round(Number(form.coinsurancePercent) * 100));
    if (isErr(rate)) return { error: `coinsurance: ${rate.left.message}` };
    const tier = {
      deductible: { individual: money('deductible', form.deductible), family: null },
      oopMax: { individual: money('out-of-pocket maximum', form.oopMax), family: null },
    };
    const benefits = parseBenefitSet({
      planYearStart: '01-01',
      family: { deductible: 'embedded', oop: 'embedded' },
      tiers: { in: tier, out: tier },
      benefits: [
        {
          id: 'professional',
          serviceTypes: ['30'],
          network: 'in',
          copay: money('copay', form.copay),
          coinsurance: rate.right,
          priorAuth: { required: false },
          referral: { required: false },
        },
      ],
    });
    const accumulators = parseAccumulators({
      planYearStart: `${serviceDate.slice(0, 4)}-01-01`,
      individual: {
        in: {
          deductible: money('deductible met', form.deductibleMet),
          oop: money('out-of-pocket met', form.oopMet),
        },
        out: { deductible: 0, oop: 0 },
      },
      family: null,
    });
    const lines = parseClaimLines(
      form.lines.map((l, i) => ({
        id: `${i + 1} (${l.code})`,
        serviceDate,
        serviceType: '30',
        network: 'in',
        allowed: money(`line ${i + 1} allowed`, l.allowed),
        procedureCode: l.code,
      })),
    );
    if (isErr(benefits)) return { error: benefits.left.message };
    if (isErr(accumulators)) return { error: accumulators.left.message };
    if (isErr(lines)) return { error: lines.left.message };
    const estimate = estimateCostShare(lines.right, benefits.right, accumulators.right, { order: 'claim' });
    if (isErr(estimate)) return { error: `${estimate.left.code}: ${estimate.left.message}` };
    const row = (line: string, a: (typeof estimate.right)['total'], notes: string): CostShareRow => ({
      line,
      allowed: formatCents(a.allowed),
      copay: formatCents(a.copay),
      deductible: formatCents(a.deductible),
      coinsurance: formatCents(a.coinsurance),
      patientPays: formatCents(a.patientPays),
      planPays: formatCents(a.planPays),
      notes,
    });
    return {
      rows: [
        ...estimate.right.lines.map((l) => row(l.lineId, l, l.notes.join(', '))),
        row('total', estimate.right.total, ''),
      ],
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
};
