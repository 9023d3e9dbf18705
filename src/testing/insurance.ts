/**
 * Arbitraries of insurance data: payers, plans, coverages as the coordination-of-benefits rules
 * read them, and benefit sets with accumulators and claim lines that fit together, so that
 * `estimateCostShare` runs on every generated case.
 */
import * as fc from 'fast-check';
import { addDays, type IsoDate } from '../core/calendar.js';
import type { LineOrder } from '../insurance/costShare.js';
import {
  PLAN_TYPES,
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
  parsePayer,
  parsePlan,
  type Accumulators,
  type BenefitSet,
  type ClaimLine,
  type Coverage,
  type Payer,
  type Plan,
} from '../insurance/model.js';
import { isoDateArbitrary } from './core.js';
import { parsedBy } from './parsed.js';

/**
 * A valid coverage (after `parseCoverage`): any plan type, the patient's relationship to the
 * subscriber, the subscriber's birth date, employment and employer size (the MSP 20/100 tests),
 * continuation, an effective period that may be open-ended.
 *
 * @example
 * fc.assert(fc.property(coverageArbitrary, (c) => c.effective.end === null || c.effective.end >= c.effective.start));
 */
export const coverageArbitrary: fc.Arbitrary<Coverage> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 1, max: 99_999 }),
      planType: fc.constantFrom(...PLAN_TYPES),
      relationship: fc.constantFrom('self', 'spouse', 'child', 'other'),
      dateOfBirth: isoDateArbitrary('1930-01-01' as IsoDate, '2008-12-31' as IsoDate),
      employment: fc.constantFrom('active', 'retired', 'laid-off', 'none', 'unknown'),
      employerSize: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      continuation: fc.constantFrom('none', 'cobra', 'state'),
      start: isoDateArbitrary('2018-01-01' as IsoDate, '2026-12-31' as IsoDate),
      months: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
    })
    .map((r) => ({
      id: `cov-${r.n}`,
      payerId: `payer-${r.n % 7}`,
      planType: r.planType,
      memberId: `M${String(r.n).padStart(9, '0')}`,
      relationship: r.relationship,
      subscriber: {
        dateOfBirth: r.dateOfBirth,
        employment: r.employment,
        ...(r.employerSize === undefined ? {} : { employerSize: r.employerSize }),
      },
      continuation: r.continuation,
      effective: {
        start: r.start,
        end:
          r.months === undefined ? null : `${Number(r.start.slice(0, 4)) + Math.ceil(r.months / 12)}-12-31`,
      },
    })),
  parseCoverage,
);

// Public payer ids of national carriers (the 5-digit ids clearinghouses publish).
const PAYERS = [
  ['payer-aetna', 'Aetna', '60054'],
  ['payer-uhc', 'UnitedHealthcare', '87726'],
  ['payer-cigna', 'Cigna', '62308'],
  ['payer-humana', 'Humana', '61101'],
] as const;

/**
 * A valid payer (after `parsePayer`), with its X12 payer id most of the time.
 *
 * @example
 * fc.assert(fc.property(payerArbitrary, (p) => p.id.startsWith('payer-')));
 */
export const payerArbitrary: fc.Arbitrary<Payer> = parsedBy(
  fc
    .tuple(fc.constantFrom(...PAYERS), fc.boolean())
    .map(([[id, name, x12PayerId], known]) => ({ id, name, ...(known ? { x12PayerId } : {}) })),
  parsePayer,
);

/**
 * X12 EB03 service type codes the benefits use (X12 005010X279 code list, restated): 98 office
 * visit, 86 emergency, PT physical therapy, 5 diagnostic lab, 4 diagnostic X-ray, UC urgent care,
 * 33 chiropractic. `30` (health benefit plan coverage) is the catch-all benefit's.
 */
const SERVICE_TYPES = ['98', '86', 'PT', '5', '4', 'UC', '33'] as const;

const requirement = fc.constantFrom(
  { required: true },
  { required: false },
  { required: 'unknown', reason: 'EB11 absent on the benefit' },
);

const cents = (max: number) => fc.integer({ min: 0, max });

/** A benefit with every switch drawn; `id` and `serviceTypes` are set by the benefit set. */
const rawBenefit = fc.record(
  {
    network: fc.constantFrom('in', 'out', 'both'),
    covered: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
    deductible: fc.constantFrom('applies', 'waived'),
    copay: fc.oneof(fc.constant(0), cents(30_000)),
    copayTiming: fc.constantFrom('beforeDeductible', 'afterDeductible', 'withDeductible'),
    copayPer: fc.constantFrom('line', 'visit'),
    copayCountsTowardDeductible: fc.boolean(),
    coinsurance: fc.integer({ min: 0, max: 10_000 }),
    coinsuranceBase: fc.constantFrom('afterCopay', 'allowed'),
    countsTowardOop: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ deductible: true, copay: true, coinsurance: true }) },
      fc.record({ deductible: fc.boolean(), copay: fc.boolean(), coinsurance: fc.boolean() }),
    ),
    limit: fc.option(
      fc.record({ quantity: fc.integer({ min: 0, max: 30 }), unit: fc.constantFrom('visits', 'units') }),
      { nil: null },
    ),
    priorAuth: requirement,
    referral: requirement,
  },
  // Left out, the parser's defaults apply (covered, deductible applies, no copay, ...).
  { requiredKeys: ['network', 'priorAuth', 'referral'] },
);

/** Deductible and OOP maximum of a tier: family twice the individual, the maximum above the deductible. */
const rawTier = fc
  .record({
    deductible: cents(700_000),
    oopAbove: fc.option(cents(1_000_000), { nil: null }),
    family: fc.boolean(),
  })
  .map(({ deductible, oopAbove, family }) => ({
    deductible: { individual: deductible, family: family ? 2 * deductible : null },
    oopMax: {
      individual: oopAbove === null ? null : deductible + oopAbove,
      family: oopAbove === null || !family ? null : 2 * (deductible + oopAbove),
    },
  }));

/**
 * A valid benefit set (after `parseBenefitSet`): a plan year starting on one of several days,
 * HDHP or not, embedded or aggregate family amounts, separate, cross-accumulating or one-way
 * networks, in- and out-of-network tiers (family amounts twice the individual ones, OOP maximum
 * at or above the deductible, sometimes none), up to five benefits with every cost-share switch,
 * limit and requirement drawn, and a last catch-all benefit for STC `30` on both tiers, so every
 * claim line finds a benefit.
 *
 * @example
 * fc.assert(fc.property(benefitSetArbitrary, (s) => s.benefits.at(-1)?.serviceTypes[0] === '30'));
 */
export const benefitSetArbitrary: fc.Arbitrary<BenefitSet> = parsedBy(
  fc
    .record({
      planYearStart: fc.constantFrom('01-01', '01-01', '07-01', '10-01', '04-15'),
      hdhp: fc.boolean(),
      family: fc.record({
        deductible: fc.constantFrom('embedded', 'aggregate'),
        oop: fc.constantFrom('embedded', 'aggregate'),
      }),
      networkAccumulation: fc.constantFrom('separate', 'crossAccumulating', 'oneWay'),
      acaIndividualOopCap: fc.boolean(),
      preventiveZeroInNetwork: fc.boolean(),
      tiers: fc.record({ in: rawTier, out: rawTier }),
      benefits: fc.array(
        fc.tuple(rawBenefit, fc.subarray([...SERVICE_TYPES], { minLength: 1, maxLength: 3 })),
        {
          maxLength: 5,
        },
      ),
      catchAll: rawBenefit,
    })
    .map(({ benefits, catchAll, ...set }) => ({
      ...set,
      benefits: [
        ...benefits.map(([b, serviceTypes], i) => ({ ...b, id: `benefit-${i + 1}`, serviceTypes })),
        { ...catchAll, id: 'plan', serviceTypes: ['30'], network: 'both' },
      ],
    })),
  parseBenefitSet,
);

/**
 * A valid plan (after `parsePlan`) of a generated payer, with a benefit set most of the time
 * (its `planId` is the plan's).
 *
 * @example
 * fc.assert(fc.property(planArbitrary, (p) => p.benefits === undefined || p.benefits.planId === p.id));
 */
export const planArbitrary: fc.Arbitrary<Plan> = parsedBy(
  fc
    .record({
      n: fc.integer({ min: 1, max: 9999 }),
      payer: payerArbitrary,
      planType: fc.constantFrom(...PLAN_TYPES),
      benefits: fc.option(benefitSetArbitrary, { nil: undefined }),
    })
    .map(({ n, payer, planType, benefits }) => ({
      id: `plan-${n}`,
      payerId: payer.id,
      name: `${payer.name} ${planType} ${n}`,
      planType,
      ...(benefits === undefined ? {} : { benefits: { ...benefits, planId: `plan-${n}` } }),
    })),
  parsePlan,
);

/** The first day of plan year `year` of a benefit set. */
const planYearStartOf = (set: BenefitSet, year: number): IsoDate => `${year}-${set.planYearStart}` as IsoDate;

/** Met amounts of one bucket: some share (at most half) of the deductible, the OOP met at least that. */
const rawBucket = (deductible: number, oopMax: number | null, floor: { deductible: number; oop: number }) =>
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([d, o]) => {
    const met = Math.max(floor.deductible, Math.floor((deductible * d) / 200));
    const room = Math.max(0, (oopMax ?? 2 * deductible) - met);
    return { deductible: met, oop: Math.max(floor.oop, met + Math.floor((room * o) / 200)) };
  });

/**
 * Valid accumulators for a benefit set (after `parseAccumulators`), in plan year `year`: self-only
 * or family coverage, amounts met in each network bucket of at most half the tier's deductible and
 * remaining OOP (so cross-accumulated sums stay within the limits), the family's met at least the
 * member's, and visits or units used against each limited benefit (at most its quantity).
 *
 * @param set - the benefit set the amounts count against
 * @param year - the calendar year the plan year starts in (default 2026)
 * @returns an arbitrary of accumulators
 * @example
 * fc.assert(fc.property(benefitSetArbitrary.chain((s) => accumulatorsArbitrary(s)), (a) => a.planYearStart.startsWith('2026')));
 */
export const accumulatorsArbitrary = (set: BenefitSet, year = 2026): fc.Arbitrary<Accumulators> => {
  const zero = { deductible: 0, oop: 0 };
  const ind = fc.record({
    in: rawBucket(set.tiers.in.deductible.individual, set.tiers.in.oopMax.individual, zero),
    out: rawBucket(set.tiers.out.deductible.individual, set.tiers.out.oopMax.individual, zero),
  });
  const limited = set.benefits.flatMap((b) => (b.limit === null ? [] : [[b.id, b.limit.quantity] as const]));
  return parsedBy(
    fc
      .tuple(
        ind,
        fc.boolean(),
        fc.tuple(...limited.map(([, quantity]) => fc.integer({ min: 0, max: quantity }))),
      )
      .chain(([individual, family, used]) =>
        (family
          ? fc
              .record({
                in: rawBucket(
                  set.tiers.in.deductible.family ?? set.tiers.in.deductible.individual,
                  set.tiers.in.oopMax.family ?? set.tiers.in.oopMax.individual,
                  individual.in,
                ),
                out: rawBucket(
                  set.tiers.out.deductible.family ?? set.tiers.out.deductible.individual,
                  set.tiers.out.oopMax.family ?? set.tiers.out.oopMax.individual,
                  individual.out,
                ),
              })
              .map((f): typeof individual | null => f)
          : fc.constant(null)
        ).map((fam) => ({
          planYearStart: planYearStartOf(set, year),
          individual,
          family: fam,
          limitsUsed: Object.fromEntries(limited.map(([id], i) => [id, used[i] ?? 0])),
        })),
      ),
    parseAccumulators,
  );
};

const PROCEDURES = ['99213', '99214', '99283', '97110', '80053', '71046', '98940'] as const;

/**
 * Valid claim lines (after `parseClaimLines`) for a benefit set, all dated in the plan year of
 * `accumulators` (so none falls before it): one to `maxLines` lines with service types the
 * benefits name (and some they do not, which fall back to STC `30`), either network, allowed
 * amounts up to $5,000, sometimes a higher billed amount, units, preventive and No Surprises Act
 * flags, authorization and referral answers, and shared visit keys.
 *
 * @param set - the benefit set
 * @param accumulators - the member's accumulators (their plan year dates the lines)
 * @param maxLines - most lines (default 8)
 * @returns an arbitrary of claim lines
 * @example
 * fc.sample(claimLinesArbitrary(set, accumulators), 1); // [[{ id: 'line-1', serviceDate: '2026-05-04', serviceType: '98', ... }]]
 */
export const claimLinesArbitrary = (
  set: BenefitSet,
  accumulators: Accumulators,
  maxLines = 8,
): fc.Arbitrary<readonly ClaimLine[]> => {
  const first = accumulators.planYearStart;
  const last = addDays(`${Number(first.slice(0, 4)) + 1}${first.slice(4)}` as IsoDate, -1);
  const named = [...new Set(set.benefits.flatMap((b) => b.serviceTypes))];
  return parsedBy(
    fc
      .array(
        fc.record(
          {
            serviceDate: isoDateArbitrary(first, last),
            serviceType: fc.constantFrom(...named, ...SERVICE_TYPES),
            network: fc.constantFrom('in', 'out'),
            allowed: cents(500_000),
            extra: cents(200_000),
            units: fc.integer({ min: 1, max: 4 }),
            preventive: fc.boolean(),
            surpriseBilling: fc.boolean(),
            covered: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
            priorAuthObtained: fc.boolean(),
            referralObtained: fc.boolean(),
            visit: fc.integer({ min: 1, max: 3 }).map((n) => `visit-${n}`),
            procedureCode: fc.constantFrom(...PROCEDURES),
          },
          { requiredKeys: ['serviceDate', 'serviceType', 'network', 'allowed'] },
        ),
        { minLength: 1, maxLength: maxLines },
      )
      .map((lines) =>
        lines.map(({ extra, ...line }, i) => ({
          id: `line-${i + 1}`,
          ...line,
          ...(extra === undefined ? {} : { billed: line.allowed + extra }),
        })),
      ),
    parseClaimLines,
  );
};

/**
 * A claim to estimate: a benefit set, the member's accumulators and claim lines that fit them, and
 * a line order. `estimateCostShare(lines, benefits, accumulators, { order })` returns `Right` on
 * every value.
 *
 * @example
 * const { lines, benefits, accumulators, order }: CostShareScenario = fc.sample(costShareScenarioArbitrary, 1)[0]!;
 */
export interface CostShareScenario {
  /** The member's benefit set (its last benefit is the STC `30` catch-all on both tiers). */
  readonly benefits: BenefitSet;
  /** What the member has met in the plan year the lines fall in. */
  readonly accumulators: Accumulators;
  /** One to eight claim lines, all in that plan year. */
  readonly lines: readonly ClaimLine[];
  /** The adjudication order to pass as `options.order`. */
  readonly order: LineOrder;
}

/**
 * A benefit set, accumulators and claim lines built to fit together ({@link CostShareScenario}),
 * for property tests of cost share (yours or medoffice's).
 *
 * @example
 * fc.assert(fc.property(costShareScenarioArbitrary, (s) =>
 *   isOk(estimateCostShare(s.lines, s.benefits, s.accumulators, { order: s.order }))));
 */
export const costShareScenarioArbitrary: fc.Arbitrary<CostShareScenario> = benefitSetArbitrary.chain(
  (benefits) =>
    accumulatorsArbitrary(benefits).chain((accumulators) =>
      fc.record({
        benefits: fc.constant(benefits),
        accumulators: fc.constant(accumulators),
        lines: claimLinesArbitrary(benefits, accumulators),
        order: fc.constantFrom<LineOrder>('claim', 'highest-allowed-first', 'lowest-allowed-first'),
      }),
    ),
);
