// Builders for cost-share tests: inputs go through the real parse functions (defaults included).
import { isOk, type Either } from '../../src/core/result.js';
import {
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
  type Accumulators,
  type Coverage,
  type BenefitSet,
  type ClaimLine,
} from '../../src/insurance/model.js';
import type { CostShareOptions } from '../../src/insurance/costShare.js';

export const unwrap = <L, A>(r: Either<L, A>): A => {
  if (isOk(r)) return r.right;
  throw new Error(`expected Right, got ${JSON.stringify(r.left)}`);
};

/** Dollars to cents for readable fixtures. */
export const usd = (d: number): number => Math.round(d * 100);

export type Json = Record<string, unknown>;

const tier = (ded: number, famDed: number | null, oop: number | null, famOop: number | null) => ({
  deductible: { individual: usd(ded), family: famDed === null ? null : usd(famDed) },
  oopMax: { individual: oop === null ? null : usd(oop), family: famOop === null ? null : usd(famOop) },
});

/** A PPO-like benefit set: in $1,000 / OOP $5,000, out $2,000 / OOP $10,000, self-only unless overridden. */
export const benefitSet = (benefits: readonly Json[], overrides: Json = {}): BenefitSet =>
  unwrap(
    parseBenefitSet({
      planYearStart: '01-01',
      family: { deductible: 'embedded', oop: 'embedded' },
      tiers: { in: tier(1000, null, 5000, null), out: tier(2000, null, 10000, null) },
      benefits: benefits.map((b) => ({
        priorAuth: { required: false },
        referral: { required: false },
        ...b,
      })),
      ...overrides,
    }),
  );

export { tier };

/** Met amounts in dollars: individual in/out, optional family in/out. */
export const accumulators = (
  met: {
    inDed?: number;
    inOop?: number;
    outDed?: number;
    outOop?: number;
    family?: { inDed?: number; inOop?: number; outDed?: number; outOop?: number };
    limitsUsed?: Record<string, number>;
    planYearStart?: string;
  } = {},
): Accumulators => {
  const bucket = (d = 0, o = 0) => ({ deductible: usd(d), oop: usd(o) });
  return unwrap(
    parseAccumulators({
      planYearStart: met.planYearStart ?? '2026-01-01',
      individual: { in: bucket(met.inDed, met.inOop), out: bucket(met.outDed, met.outOop) },
      family: met.family
        ? {
            in: bucket(met.family.inDed, met.family.inOop),
            out: bucket(met.family.outDed, met.family.outOop),
          }
        : null,
      limitsUsed: met.limitsUsed ?? {},
    }),
  );
};

/** Claim lines with dollars for allowed/billed; defaults: in network, STC 98, 2026-03-02. */
export const lines = (...input: Json[]): readonly ClaimLine[] =>
  unwrap(
    parseClaimLines(
      input.map((l, i) => ({
        id: String(i + 1),
        serviceDate: '2026-03-02',
        serviceType: '98',
        network: 'in',
        ...l,
        allowed: usd(l['allowed'] as number),
        ...(l['billed'] === undefined ? {} : { billed: usd(l['billed'] as number) }),
      })),
    ),
  );

/** A coverage through parseCoverage; defaults: active PPO subscriber since 2020. */
export const coverage = (id: string, extra: Json = {}): Coverage =>
  unwrap(
    parseCoverage({
      id,
      payerId: `payer-${id}`,
      planType: 'PPO',
      memberId: `M-${id}`,
      relationship: 'self',
      subscriber: { employment: 'active', employerSize: 500 },
      effective: { start: '2020-01-01', end: null },
      ...extra,
    }),
  );

/** The in-network office-visit benefit (STC 98) with a $30 copay, plus overrides. */
export const officeVisit = (extra: Json = {}): Json => ({
  id: 'office',
  serviceTypes: ['98'],
  network: 'in',
  copay: usd(30),
  ...extra,
});

/** Claim order, the default of most worked cases. */
export const claim: CostShareOptions = { order: 'claim' };

/** The catch-all medical benefit (service type 30) in network: 20% coinsurance. */
export const medical = (extra: Json = {}): Json => ({
  id: 'medical',
  serviceTypes: ['30'],
  network: 'in',
  coinsurance: 2000,
  ...extra,
});

/** The same out of network: 40% coinsurance. */
export const outMedical = (extra: Json = {}): Json => ({
  id: 'oon',
  serviceTypes: ['30'],
  network: 'out',
  coinsurance: 4000,
  ...extra,
});
