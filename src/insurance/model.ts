/**
 * The insurance model: payers, plans, benefit sets (the plan-design switches cost share needs),
 * coverages (who is covered how, for coordination of benefits) and accumulators (what a member has
 * met so far in a plan year). Money is integer cents, rates are basis points of the PATIENT's share
 * (2000 = the patient pays 20%), tri-state answers are `true | false | 'unknown'` with a reason.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { CoverageIdSchema, PayerIdSchema, PlanIdSchema } from '../core/ids.js';
import { BasisPointsSchema, CentsSchema, ZERO_CENTS, type BasisPoints } from '../core/money.js';
import type { Either } from '../core/result.js';
import { IsoDateSchema } from '../core/calendar.js';

const nonNegativeCents = /* @__NO_SIDE_EFFECTS__ */ () =>
  CentsSchema.check(z.refine((c) => c >= 0, { message: 'must not be negative' }));

/**
 * A network bucket: the provider's participation for a claim line (`in` or `out`), and the
 * accumulator bucket amounts count toward. Provider status is an input, never read from a 271
 * EB12 (which names the tier a benefit applies to).
 *
 * @example
 * NetworkTierSchema.parse('in'); // 'in'
 */
export const NetworkTierSchema = /* @__PURE__ */ z.enum(['in', 'out']);
/**
 * A network bucket: `in` or `out`.
 *
 * @example
 * const tier: NetworkTier = 'out';
 */
export type NetworkTier = z.infer<typeof NetworkTierSchema>;

/**
 * The tier a benefit applies to: `in`, `out`, or `both` (X12 EB12 `W`).
 *
 * @example
 * BenefitNetworkSchema.parse('both'); // 'both'
 */
export const BenefitNetworkSchema = /* @__PURE__ */ z.enum(['in', 'out', 'both']);
/**
 * The tier a benefit applies to: `in`, `out`, or `both`.
 *
 * @example
 * const applies: BenefitNetwork = 'both';
 */
export type BenefitNetwork = z.infer<typeof BenefitNetworkSchema>;

/**
 * Whether something (prior authorization, a referral) is required: `true`, `false`, or
 * `'unknown'` with the reason the source gave no answer (EB11 absent is not "not required").
 *
 * @example
 * RequirementSchema.parse({ required: 'unknown', reason: 'EB11 absent on the benefit' });
 */
export const RequirementSchema = /* @__PURE__ */ z.union([
  z.object({ required: z.literal(true), reason: z.optional(z.string().check(z.minLength(1))) }),
  z.object({ required: z.literal(false), reason: z.optional(z.string().check(z.minLength(1))) }),
  z.object({ required: z.literal('unknown'), reason: z.string().check(z.minLength(1)) }),
]);
/**
 * Whether something is required: `true`, `false`, or `'unknown'` with a reason.
 *
 * @example
 * const auth: Requirement = { required: 'unknown', reason: 'EB11 = U' };
 */
export type Requirement = z.infer<typeof RequirementSchema>;

/**
 * Plan types a coverage can have (X12 EB04 / FHIR Coverage.type vocabulary, restated).
 *
 * @example
 * PLAN_TYPES.includes('PPO'); // true
 */
export const PLAN_TYPES = [
  'HMO',
  'PPO',
  'EPO',
  'POS',
  'HDHP',
  'indemnity',
  'medicare-part-a',
  'medicare-part-b',
  'medicare-advantage',
  'medigap',
  'medicaid',
  'tricare',
  'workers-comp',
  'auto',
  'other',
] as const;

/**
 * A plan type: commercial HMO/PPO/EPO/POS/HDHP/indemnity, Medicare Part A/B/Advantage/Medigap,
 * Medicaid, TRICARE, workers' compensation, auto (no-fault) or other.
 *
 * @example
 * PlanTypeSchema.parse('medicare-part-b');
 */
export const PlanTypeSchema = /* @__PURE__ */ z.enum(PLAN_TYPES);
/**
 * A plan type.
 *
 * @example
 * const t: PlanType = 'HDHP';
 */
export type PlanType = z.infer<typeof PlanTypeSchema>;

/**
 * A payer (insurance company or program).
 *
 * @example
 * PayerSchema.parse({ id: 'payer-aetna', name: 'Aetna', x12PayerId: '60054' });
 */
export const PayerSchema = /* @__PURE__ */ z.object({
  id: PayerIdSchema,
  name: z.string().check(z.minLength(1)),
  /** The payer id used on X12 transactions (2100A NM109), when known. */
  x12PayerId: z.optional(z.string().check(z.minLength(1))),
});
/**
 * A payer.
 *
 * @example
 * const p: Payer = PayerSchema.parse({ id: 'payer-aetna', name: 'Aetna' });
 */
export interface Payer extends z.infer<typeof PayerSchema> {}

/**
 * What one copay is charged per: `line` (every line), `visit` (once per benefit and visit: the
 * lines' `visit` key, default the service date), `admission` (once per benefit and stay: the
 * lines' `visit` key names the admission; EB06 36) or `day` (per day of a stay: the copay times
 * the line's `units`, which count days; EB06 7).
 *
 * @example
 * CopayPerSchema.parse('admission');
 */
export const CopayPerSchema = /* @__PURE__ */ z.enum(['line', 'visit', 'admission', 'day']);

/**
 * When the copay is taken relative to the deductible (CMS plan-attribute vocabulary):
 * `beforeDeductible` (copay, the deductible does not apply to the line), `afterDeductible` (the
 * deductible first, then the copay on what is left), `withDeductible` (the copay first, then the
 * deductible on the rest; the default).
 *
 * @example
 * CopayTimingSchema.parse('afterDeductible');
 */
export const CopayTimingSchema = /* @__PURE__ */ z.enum([
  'beforeDeductible',
  'afterDeductible',
  'withDeductible',
]);

/**
 * Which cost-share components count toward the out-of-pocket maximum.
 *
 * @example
 * OopCountingSchema.parse({ deductible: true, copay: true, coinsurance: true });
 */
export const OopCountingSchema = /* @__PURE__ */ z.object({
  deductible: z.boolean(),
  copay: z.boolean(),
  coinsurance: z.boolean(),
});

/**
 * A limit on covered quantity per plan year: `visits` count once per visit key, `units` count each
 * line's units. `remaining` is derived from `quantity` minus the accumulators' `limitsUsed`.
 *
 * @example
 * BenefitLimitSchema.parse({ quantity: 20, unit: 'visits' });
 */
export const BenefitLimitSchema = /* @__PURE__ */ z.object({
  quantity: z.int().check(z.gte(0)),
  unit: z.enum(['visits', 'units']),
});

/**
 * One benefit: the cost-share rule for some service types on one network tier. Copay plus
 * coinsurance is expressed by a non-zero `copay` and `coinsurance` together (ER: $250 then 20%);
 * a copay instead of coinsurance has `coinsurance: 0`.
 *
 * @example
 * BenefitSchema.parse({
 *   id: 'office', serviceTypes: ['98'], network: 'in', covered: true, deductible: 'waived',
 *   copay: 3000, copayTiming: 'beforeDeductible', coinsurance: 0,
 *   priorAuth: { required: false }, referral: { required: 'unknown', reason: 'not stated' },
 * });
 */
export const BenefitSchema = /* @__PURE__ */ z.object({
  /** Stable key lines may name (`line.benefitId`) and limits are counted under. */
  id: z.string().check(z.minLength(1)),
  /** X12 EB03 service type codes this benefit answers for (`30` = the plan in general). */
  serviceTypes: z.array(z.string().check(z.minLength(1), z.maxLength(2))).check(z.minLength(1)),
  network: BenefitNetworkSchema,
  /** `false` for exclusions (`EB*I`): the line is not covered and nothing accumulates. */
  covered: z._default(z.boolean(), true),
  deductible: z._default(z.enum(['applies', 'waived']), 'applies'),
  copay: z._default(nonNegativeCents(), ZERO_CENTS),
  copayTiming: z._default(CopayTimingSchema, 'withDeductible'),
  copayPer: z._default(CopayPerSchema, 'line'),
  copayCountsTowardDeductible: z._default(z.boolean(), false),
  /** Patient share in basis points (2000 = the patient pays 20%). */
  coinsurance: z._default(BasisPointsSchema, 0 as BasisPoints),
  /** Coinsurance on what is left after the copay (`afterCopay`) or on the post-deductible amount (`allowed`). */
  coinsuranceBase: z._default(z.enum(['afterCopay', 'allowed']), 'afterCopay'),
  countsTowardOop: z._default(OopCountingSchema, { deductible: true, copay: true, coinsurance: true }),
  /**
   * Service types of the other lines of the same visit this benefit's copay covers (an office
   * visit copay that includes in-office labs `5` and X-rays `4`): those lines cost the patient
   * nothing more once a covered line of this benefit is in the visit. Absent or empty: each
   * line has its own cost share.
   */
  copayCoversServiceTypes: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(2)))),
  limit: z._default(z.nullable(BenefitLimitSchema), null),
  priorAuth: RequirementSchema,
  referral: RequirementSchema,
  /**
   * The IRS safe harbor under which this benefit may pay before the deductible of an HDHP, when
   * its service types alone do not say so (a benefit for `98` that is only the preventive visit,
   * a telehealth benefit): `preventive` (IRC §223(c)(2)(C), Notice 2004-23 and the ACA §2713
   * list), `chronic-condition` (the preventive items for chronic conditions of Notice 2019-45),
   * `telehealth` (telehealth and other remote care: CARES Act, CAA 2023, OBBBA 2025), `insulin`
   * (selected insulin products, IRC §223(c)(2)(G)). Read by `checkHdhpQualification`.
   */
  hdhpSafeHarbor: z.optional(z.enum(['preventive', 'chronic-condition', 'telehealth', 'insulin'])),
});
/**
 * One benefit rule (service types × network tier).
 *
 * @example
 * const b: Benefit = BenefitSchema.parse({
 *   id: 'office-visit', serviceTypes: ['98'], network: 'in', copay: 2500,
 *   priorAuth: { required: false }, referral: { required: false },
 * });
 */
export interface Benefit extends z.infer<typeof BenefitSchema> {}

/**
 * Deductible and out-of-pocket amounts of one network tier. `family: null` means self-only
 * coverage; an `oopMax` of `null` means no maximum (traditional Medicare, many OON tiers).
 *
 * @example
 * TierLimitsSchema.parse({ deductible: { individual: 150000, family: 300000 }, oopMax: { individual: 500000, family: 1000000 } });
 */
export const TierLimitsSchema = /* @__PURE__ */ z.object({
  deductible: z.object({ individual: nonNegativeCents(), family: z.nullable(nonNegativeCents()) }),
  oopMax: z.object({ individual: z.nullable(nonNegativeCents()), family: z.nullable(nonNegativeCents()) }),
});
/**
 * Deductible and OOP amounts of one network tier.
 *
 * @example
 * const t: TierLimits = TierLimitsSchema.parse({
 *   deductible: { individual: 150000, family: 300000 },
 *   oopMax: { individual: 600000, family: null },
 * });
 */
export interface TierLimits extends z.infer<typeof TierLimitsSchema> {}

/**
 * The set of benefits a member has under a plan, with the plan-wide design switches:
 * - `family.deductible` / `family.oop`: `embedded` (each member also has an individual amount
 *   inside the family one) or `aggregate` (family coverage has only the family amount); a
 *   deductible can also be `members`: met for the whole family once `deductibleMembers` members
 *   ("2 of N") have each met their individual deductible;
 * - `networkAccumulation`: `separate`, `crossAccumulating` (in and out count toward each other),
 *   `oneWay` (in-network amounts also count toward the out-of-network accumulators);
 * - `acaIndividualOopCap`: in-network, the ACA self-only maximum of the plan year also caps each
 *   member inside family coverage (false for grandfathered plans and Medicare);
 * - `preventiveZeroInNetwork`: preventive lines in network cost the patient $0 (ACA §2713);
 * - `hdhp`: no cost-share benefits before the deductible except preventive care;
 * - `planYearStart`: `MM-DD` the plan year starts (`01-01` calendar year).
 *
 * @example
 * const tier = {
 *   deductible: { individual: 150000, family: 300000 },
 *   oopMax: { individual: 600000, family: 1200000 },
 * };
 * BenefitSetSchema.parse({
 *   planYearStart: '01-01', hdhp: false, family: { deductible: 'embedded', oop: 'embedded' },
 *   networkAccumulation: 'separate', tiers: { in: tier, out: tier },
 *   benefits: [{
 *     id: 'office-visit', serviceTypes: ['98'], network: 'in', copay: 2500,
 *     priorAuth: { required: false }, referral: { required: false },
 *   }],
 * });
 */
export const BenefitSetSchema = /* @__PURE__ */ z.object({
  planId: z.optional(PlanIdSchema),
  planYearStart: z.string().check(
    z.refine((s) => /^\d\d-\d\d$/.test(s) && IsoDateSchema.safeParse(`2001-${s}`).success, {
      message: 'must be a month-day MM-DD that exists every year',
    }),
  ),
  hdhp: z._default(z.boolean(), false),
  family: z
    .object({
      deductible: z.enum(['embedded', 'aggregate', 'members']),
      oop: z.enum(['embedded', 'aggregate']),
      /** With `deductible: 'members'`: how many members must each meet their individual deductible ("2 of N"). */
      deductibleMembers: z.optional(z.int().check(z.gte(1))),
    })
    .check(
      z.refine((f) => f.deductible !== 'members' || f.deductibleMembers !== undefined, {
        message: 'a members ("2 of N") family deductible needs deductibleMembers',
        path: ['deductibleMembers'],
      }),
    ),
  networkAccumulation: z._default(z.enum(['separate', 'crossAccumulating', 'oneWay']), 'separate'),
  acaIndividualOopCap: z._default(z.boolean(), true),
  preventiveZeroInNetwork: z._default(z.boolean(), true),
  tiers: z.object({ in: TierLimitsSchema, out: TierLimitsSchema }),
  benefits: z.array(BenefitSchema),
});
/**
 * A member's benefit set under a plan.
 *
 * @example
 * const set: BenefitSet = unwrapOr(parseBenefitSet(json), undefined)!;
 */
export interface BenefitSet extends z.infer<typeof BenefitSetSchema> {}

/**
 * A plan a payer offers.
 *
 * @example
 * PlanSchema.parse({ id: 'plan-gold', payerId: 'payer-aetna', name: 'Gold PPO', planType: 'PPO' });
 */
export const PlanSchema = /* @__PURE__ */ z.object({
  id: PlanIdSchema,
  payerId: PayerIdSchema,
  name: z.string().check(z.minLength(1)),
  planType: PlanTypeSchema,
  benefits: z.optional(BenefitSetSchema),
});
/**
 * A plan.
 *
 * @example
 * const plan: Plan = PlanSchema.parse({ id: 'plan-gold', payerId: 'payer-aetna', name: 'Gold PPO', planType: 'PPO' });
 */
export interface Plan extends z.infer<typeof PlanSchema> {}

/**
 * What a member has met so far in one network bucket.
 *
 * @example
 * AccumulatorBucketSchema.parse({ deductible: 120000, oop: 150000 });
 */
export const AccumulatorBucketSchema = /* @__PURE__ */ z.object({
  deductible: nonNegativeCents(),
  oop: nonNegativeCents(),
  /** Family bucket of a "2 of N" deductible: members who have met their individual deductible. */
  membersMet: z.optional(z.int().check(z.gte(0))),
});
/**
 * Met amounts in one bucket.
 *
 * @example
 * const b: AccumulatorBucket = { deductible: cents(0), oop: cents(0) };
 */
export interface AccumulatorBucket extends z.infer<typeof AccumulatorBucketSchema> {}

/** An empty record with no prototype, so any benefit id (`__proto__`, `constructor`) is an own key. */
const nullRecord = (): Record<string, number> => Object.create(null) as Record<string, number>;

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Quantities used per benefit id. Not `z.record`: it rebuilds the object with assignments, and an
 * assignment to `__proto__` sets the prototype instead of a key, dropping that id.
 */
const LimitsUsedSchema = /* @__PURE__ */ z.pipe(
  z.custom<Readonly<Record<string, number>>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCount),
    { message: 'must map benefit ids to whole, non-negative counts' },
  ),
  z.transform((v) => {
    const out = nullRecord();
    for (const [k, n] of Object.entries(v)) out[k] = n;
    return out;
  }),
);

/**
 * A member's accumulators in one plan year: individual and (for family coverage) family
 * deductible and OOP met, per network bucket, and quantities used against benefit limits (keyed
 * by benefit id). `planYearStart` is the first day of the plan year the figures belong to; lines
 * in a later plan year start from zero.
 *
 * @example
 * parseAccumulators({ planYearStart: '2026-01-01',
 *   individual: { in: { deductible: 0, oop: 0 }, out: { deductible: 0, oop: 0 } }, family: null, limitsUsed: {} });
 */
export const AccumulatorsSchema = /* @__PURE__ */ z.object({
  planYearStart: IsoDateSchema,
  individual: z.object({ in: AccumulatorBucketSchema, out: AccumulatorBucketSchema }),
  family: z.nullable(z.object({ in: AccumulatorBucketSchema, out: AccumulatorBucketSchema })),
  limitsUsed: z._default(LimitsUsedSchema, () => nullRecord()),
});
/**
 * A member's accumulators in one plan year.
 *
 * @example
 * const a: Accumulators = unwrapOr(parseAccumulators(json), undefined)!;
 */
export interface Accumulators extends z.infer<typeof AccumulatorsSchema> {}

/**
 * Employment behind a coverage, for COB order: the subscriber's current job (`active`), a
 * retiree plan (`retired`), laid off (`laid-off`), or none (`none`, individual market).
 *
 * @example
 * EmploymentStatusSchema.parse('retired');
 */
export const EmploymentStatusSchema = /* @__PURE__ */ z.enum([
  'active',
  'retired',
  'laid-off',
  'none',
  'unknown',
]);

/**
 * The patient's relationship to the subscriber (X12 INS02 / FHIR Coverage.relationship).
 *
 * @example
 * RelationshipSchema.parse('child');
 */
export const RelationshipSchema = /* @__PURE__ */ z.enum(['self', 'spouse', 'child', 'other']);
/**
 * The patient's relationship to the subscriber.
 *
 * @example
 * const r: Relationship = 'spouse';
 */
export type Relationship = z.infer<typeof RelationshipSchema>;

/**
 * A coverage: one person's enrolment in a plan, with the facts coordination of benefits needs.
 * - `relationship`: the patient's relationship to the subscriber;
 * - `subscriber.employment` / `employerSize`: active vs retired and the MSP 20/100-employee tests;
 * - `continuation`: COBRA or state continuation coverage;
 * - `parentRole` / `courtDecreeResponsible`: for a child of separated parents, whose coverage this is;
 * - `coveredSince`: when the person first became covered by this plan (default `effective.start`);
 * - `order`: the payer order as declared (FHIR Coverage.order), informative only.
 *
 * @example
 * parseCoverage({ id: 'cov-1', payerId: 'payer-aetna', planId: 'plan-gold', planType: 'PPO',
 *   memberId: 'W123456789', relationship: 'self',
 *   subscriber: { dateOfBirth: '1980-05-01', employment: 'active', employerSize: 250 },
 *   effective: { start: '2026-01-01', end: null } });
 */
export const CoverageSchema = /* @__PURE__ */ z.object({
  id: CoverageIdSchema,
  payerId: PayerIdSchema,
  planId: z.optional(PlanIdSchema),
  planType: PlanTypeSchema,
  memberId: z.string().check(z.minLength(1)),
  groupNumber: z.optional(z.string().check(z.minLength(1))),
  relationship: RelationshipSchema,
  subscriber: z.object({
    memberId: z.optional(z.string().check(z.minLength(1))),
    dateOfBirth: z.optional(IsoDateSchema),
    employment: z._default(EmploymentStatusSchema, 'unknown'),
    /** Employees of the employer sponsoring the group health plan (MSP 20 / 100 thresholds). */
    employerSize: z.optional(z.int().check(z.gte(0))),
  }),
  dependents: z._default(
    z.array(
      z.object({ memberId: z.optional(z.string().check(z.minLength(1))), relationship: RelationshipSchema }),
    ),
    [],
  ),
  continuation: z._default(z.enum(['none', 'cobra', 'state']), 'none'),
  /** `false` for a plan with no coordination-of-benefits provision (it is primary, NAIC rule 1). */
  cobProvision: z._default(z.boolean(), true),
  parentRole: z.optional(z.enum(['custodial', 'custodial-spouse', 'non-custodial', 'non-custodial-spouse'])),
  courtDecreeResponsible: z.optional(z.boolean()),
  coveredSince: z.optional(IsoDateSchema),
  effective: z.object({ start: IsoDateSchema, end: z.nullable(IsoDateSchema) }),
  order: z.optional(z.int().check(z.gte(1))),
});
/**
 * A coverage.
 *
 * @example
 * const c: Coverage = unwrapOr(parseCoverage(json), undefined)!;
 */
export interface Coverage extends z.infer<typeof CoverageSchema> {}

/**
 * Yearly limits set by law (ACA maximum OOP, IRS HDHP bounds, Medicare deductibles), keyed by plan
 * year. Logic reads them from this data, never from literals.
 *
 * @example
 * AnnualLimitsSchema.parse({
 *   year: 2026, acaOopMax: { self: 1060000, family: 2120000 },
 *   hdhpMinDeductible: { self: 170000, family: 340000 }, hdhpMaxOop: { self: 850000, family: 1700000 },
 *   medicarePartBDeductible: 28300, medicarePartADeductible: 173600,
 *   source: 'CMS revised 2026 premium adjustment percentage; IRS Rev. Proc. 2025-19',
 * });
 */
export const AnnualLimitsSchema = /* @__PURE__ */ z.object({
  year: z.int().check(z.gte(2014), z.lte(2100)),
  acaOopMax: z.object({ self: nonNegativeCents(), family: nonNegativeCents() }),
  hdhpMinDeductible: z.nullable(z.object({ self: nonNegativeCents(), family: nonNegativeCents() })),
  hdhpMaxOop: z.nullable(z.object({ self: nonNegativeCents(), family: nonNegativeCents() })),
  medicarePartBDeductible: z.nullable(nonNegativeCents()),
  medicarePartADeductible: z.nullable(nonNegativeCents()),
  source: z.string().check(z.minLength(1)),
});
/**
 * Yearly legal limits of one plan year.
 *
 * @example
 * const l: AnnualLimits = ANNUAL_LIMITS[1]!;
 */
export interface AnnualLimits extends z.infer<typeof AnnualLimitsSchema> {}

/**
 * Parses a payer.
 *
 * @param input - anything
 * @returns `Right(Payer)` or `Left(ValidationError)` naming the fields
 * @example
 * parsePayer({ id: 'payer-aetna', name: 'Aetna' });
 */
export const parsePayer = (input: unknown): Either<ValidationError, Payer> =>
  parseWith('Payer', PayerSchema, input);

/**
 * Parses a plan.
 *
 * @param input - anything
 * @returns `Right(Plan)` or `Left(ValidationError)` naming the fields
 * @example
 * parsePlan({ id: 'plan-gold', payerId: 'payer-aetna', name: 'Gold PPO', planType: 'PPO' });
 */
export const parsePlan = (input: unknown): Either<ValidationError, Plan> =>
  parseWith('Plan', PlanSchema, input);

/**
 * Parses a benefit set, filling defaults (covered, deductible applies, no copay, 0% coinsurance,
 * everything counts toward OOP, no limit).
 *
 * @param input - anything
 * @returns `Right(BenefitSet)` or `Left(ValidationError)` naming the fields
 * @example
 * const tier = { deductible: { individual: 150000, family: 300000 }, oopMax: { individual: 600000, family: 1200000 } };
 * parseBenefitSet({ planYearStart: '01-01', family: { deductible: 'embedded', oop: 'embedded' }, tiers: { in: tier, out: tier }, benefits: [] });
 */
export const parseBenefitSet = (input: unknown): Either<ValidationError, BenefitSet> =>
  parseWith('BenefitSet', BenefitSetSchema, input);

/**
 * Parses accumulators.
 *
 * @param input - anything
 * @returns `Right(Accumulators)` or `Left(ValidationError)` naming the fields
 * @example
 * parseAccumulators({ planYearStart: '2026-01-01', individual: { in: { deductible: 0, oop: 0 }, out: { deductible: 0, oop: 0 } }, family: null });
 */
export const parseAccumulators = (input: unknown): Either<ValidationError, Accumulators> =>
  parseWith('Accumulators', AccumulatorsSchema, input);

/**
 * Parses a coverage.
 *
 * @param input - anything
 * @returns `Right(Coverage)` or `Left(ValidationError)` naming the fields (never their values)
 * @example
 * parseCoverage({ id: 'cov-1', payerId: 'payer-aetna', planType: 'PPO', memberId: 'W1', relationship: 'self',
 *   subscriber: {}, effective: { start: '2026-01-01', end: null } });
 */
export const parseCoverage = (input: unknown): Either<ValidationError, Coverage> =>
  parseWith('Coverage', CoverageSchema, input);

/**
 * One claim line to estimate: the service, the provider's network status for it, and the allowed
 * amount (the contracted rate, or for No Surprises Act lines the recognized amount).
 * - `billed`: the provider's charge; out of network, `billed - allowed` is balance billing;
 * - `preventive`: an ACA preventive service ($0 in network when the benefit set says so);
 * - `surpriseBilling`: protected by the No Surprises Act (emergency, OON provider at an in-network
 *   facility, air ambulance): priced as in network, no balance billing;
 * - `covered: false`: not covered whatever the benefit says;
 * - `priorAuthObtained` / `referralObtained`: `false` makes the line not covered when the benefit
 *   requires that step (`required: true`); left out, nothing is assumed;
 * - `units`: default 1; `preventive`, `surpriseBilling` default false, `covered` default true;
 * - `visit`: lines of one visit share a per-visit copay and count once against a visit limit
 *   (default: the service date).
 *
 * @example
 * ClaimLineSchema.parse({ id: '1', serviceDate: '2026-03-02', serviceType: '98', network: 'in', allowed: 18000 });
 */
export const ClaimLineSchema = /* @__PURE__ */ z.object({
  id: z.string().check(z.minLength(1)),
  serviceDate: IsoDateSchema,
  serviceType: z.string().check(z.minLength(1), z.maxLength(2)),
  benefitId: z.optional(z.string().check(z.minLength(1))),
  network: NetworkTierSchema,
  allowed: nonNegativeCents(),
  billed: z.optional(nonNegativeCents()),
  units: z.optional(z.int().check(z.gte(1))),
  preventive: z.optional(z.boolean()),
  surpriseBilling: z.optional(z.boolean()),
  covered: z.optional(z.boolean()),
  priorAuthObtained: z.optional(z.boolean()),
  referralObtained: z.optional(z.boolean()),
  visit: z.optional(z.string().check(z.minLength(1))),
  procedureCode: z.optional(z.string().check(z.minLength(1))),
});
/**
 * One claim line to estimate.
 *
 * @example
 * const line: ClaimLine = ClaimLineSchema.parse({ id: '1', serviceDate: '2026-03-02', serviceType: '98', network: 'in', allowed: 18000 });
 */
export interface ClaimLine extends z.infer<typeof ClaimLineSchema> {}

/**
 * Parses claim lines.
 *
 * @param input - anything
 * @returns `Right(ClaimLine[])` or `Left(ValidationError)` naming the fields
 * @example
 * parseClaimLines([{ id: '1', serviceDate: '2026-03-02', serviceType: '98', network: 'in', allowed: 18000 }]);
 */
export const parseClaimLines = (input: unknown): Either<ValidationError, readonly ClaimLine[]> =>
  parseWith('ClaimLine[]', z.array(ClaimLineSchema), input);
