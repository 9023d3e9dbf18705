/**
 * FHIR R4 mappers: Coverage both ways, and CoverageEligibilityResponse from a normalized
 * eligibility response (insurance.md §9). Types from `@types/fhir`.
 */
import type {
  CodeableConcept,
  Coverage as FhirCoverage,
  CoverageEligibilityResponse,
  CoverageEligibilityResponseInsuranceItem,
  CoverageEligibilityResponseInsuranceItemBenefit,
} from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';
import type { BenefitFact, EligibilityResponse } from './eligibilityModel.js';
import { parseCoverage, type Coverage, type PlanType } from './model.js';
import { SERVICE_TYPE_CODES, TIME_PERIOD_CODES } from './x12/codes.js';
import { lookup } from './x12/lookup.js';
import {
  FhirCodeableConceptSchema,
  FhirIdentifierSchema,
  FhirPeriodSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';

const CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';
const RELATIONSHIP = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';
const ACT = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const BENEFIT_TYPE = 'http://terminology.hl7.org/CodeSystem/benefit-type';
const NETWORK = 'http://terminology.hl7.org/CodeSystem/benefit-network';
const UNIT = 'http://terminology.hl7.org/CodeSystem/benefit-unit';
const TERM = 'http://terminology.hl7.org/CodeSystem/benefit-term';
/** Benefit categories: X12 service type codes, as the HL7 R4 examples code them (E2501). */
const STC_SYSTEM = 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory';
/** The library's plan-type codes (model.ts PLAN_TYPES), so a round trip keeps the exact type. */
export const PLAN_TYPE_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/plan-type';

// v3 ActCode policy codes for the plan types that have one (HMO, PPO, POS; public programs SUBSIDIZ).
const ACT_CODE: Partial<Record<PlanType, string>> = {
  HMO: 'HMO',
  PPO: 'PPO',
  POS: 'POS',
  'medicare-part-a': 'SUBSIDIZ',
  'medicare-part-b': 'SUBSIDIZ',
  'medicare-advantage': 'SUBSIDIZ',
  medicaid: 'SUBSIDIZ',
};

const coding = (system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

/**
 * References a Coverage points at: the patient (beneficiary, required by FHIR) and optionally the
 * payer organization.
 *
 * @example
 * const refs: CoverageReferences = { beneficiary: 'Patient/pat-001', payor: 'Organization/acme' };
 */
export interface CoverageReferences {
  /** `Patient/<id>` of the beneficiary. */
  readonly beneficiary: string;
  /** The payer reference; default `Organization/<payerId>`. */
  readonly payor?: string;
}

/**
 * Maps a Coverage to a FHIR R4 Coverage: member id as an `MB` identifier, `subscriberId`, the
 * relationship (subscriber-relationship), the effective period (calendar dates), payor, group and
 * plan classes, COB `order`, and the plan type both as a v3 ActCode (HMO/PPO/POS, SUBSIDIZ for
 * Medicare/Medicaid) and in the library's own plan-type system so {@link fromFhirCoverage} gets it
 * back exactly.
 *
 * @param coverage - the coverage
 * @param refs - the beneficiary reference and optionally the payor reference
 * @returns a FHIR R4 Coverage resource with status `active`
 * @example
 * toFhirCoverage(coverage, { beneficiary: 'Patient/pat-001' }).relationship?.coding?.[0]?.code; // 'self'
 */
export const toFhirCoverage = (coverage: Coverage, refs: CoverageReferences): FhirCoverage => {
  const act = ACT_CODE[coverage.planType];
  return {
    resourceType: 'Coverage',
    id: coverage.id,
    identifier: [{ type: coding(V2_0203, 'MB', 'Member Number'), value: coverage.memberId }],
    status: 'active',
    type: {
      coding: [
        { system: PLAN_TYPE_SYSTEM, code: coverage.planType },
        ...(act ? [{ system: ACT, code: act }] : []),
      ],
    },
    subscriberId: coverage.subscriber.memberId ?? coverage.memberId,
    beneficiary: { reference: refs.beneficiary },
    relationship: coding(RELATIONSHIP, coverage.relationship),
    period: {
      start: coverage.effective.start,
      ...(coverage.effective.end ? { end: coverage.effective.end } : {}),
    },
    payor: [{ reference: refs.payor ?? `Organization/${coverage.payerId}` }],
    class: [
      ...(coverage.groupNumber ? [{ type: coding(CLASS, 'group'), value: coverage.groupNumber }] : []),
      ...(coverage.planId ? [{ type: coding(CLASS, 'plan'), value: coverage.planId }] : []),
    ],
    ...(coverage.order === undefined ? {} : { order: coverage.order }),
  };
};

/** The elements of a FHIR Coverage that {@link fromFhirCoverage} reads (R4 cardinalities). */
const FhirCoverageSchema = /* @__PURE__ */ z.object({
  resourceType: z.literal('Coverage'),
  id: z.optional(z.string()),
  identifier: z.optional(z.array(FhirIdentifierSchema)),
  type: z.optional(FhirCodeableConceptSchema),
  subscriberId: z.optional(z.string()),
  relationship: z.optional(FhirCodeableConceptSchema),
  period: z.optional(FhirPeriodSchema),
  payor: z.optional(z.array(FhirReferenceSchema)),
  class: z.optional(z.array(z.object({ type: FhirCodeableConceptSchema, value: z.string() }))),
  order: z.optional(z.number()),
});
type ReadCoverage = z.infer<typeof FhirCoverageSchema>;
type ReadConcept = z.infer<typeof FhirCodeableConceptSchema>;

const codeIn = (c: ReadConcept | undefined, system: string): string | undefined =>
  c?.coding?.find((x) => x.system === system)?.code;

const classValue = (r: ReadCoverage, code: string): string | undefined =>
  r.class?.find((c) => c.type.coding?.some((x) => x.code === code))?.value;

// BFD Medicare Coverage resources name the part in the plan class ("Part A" ... "Part D"). A Map:
// the class value is outside text, and `constructor` must name no part.
const MEDICARE_PART: ReadonlyMap<string, PlanType> = new Map([
  ['Part A', 'medicare-part-a'],
  ['Part B', 'medicare-part-b'],
  ['Part C', 'medicare-advantage'],
]);

const planTypeOf = (r: ReadCoverage): string => {
  const own = codeIn(r.type, PLAN_TYPE_SYSTEM);
  if (own) return own; // checked against the plan types by parseCoverage
  const part = MEDICARE_PART.get(classValue(r, 'plan') ?? '');
  if (part) return part;
  const act = codeIn(r.type, ACT);
  return act === 'HMO' || act === 'PPO' || act === 'POS' ? act : 'other';
};

/**
 * Reads a FHIR R4 Coverage into a Coverage, validated by `parseCoverage`. The payer id is the id
 * of the `payor[0]` Organization reference, or its identifier value; the member id is the `MB`
 * identifier, else the first identifier, else `subscriberId`; the plan type comes from the
 * library's plan-type system, a BFD Medicare part (`class` plan "Part A/B/C"), or an HMO/PPO/POS
 * ActCode, else `other`. Dates are copied as calendar dates.
 *
 * @param resource - anything (a FHIR Coverage expected, such as parsed JSON)
 * @returns `Right(Coverage)`; `Left(ValidationError)` with model `FHIR Coverage` and the FHIR path
 *   when it is not a Coverage or an element it reads has the wrong shape (`identifier` an object,
 *   `null` in `class`), or with model `Coverage` naming the fields missing or invalid (such as
 *   `effective.start` when the Coverage has no `period.start`)
 * @example
 * fromFhirCoverage(json); // Right({ id: '9876B1', planType: 'other', ... })
 * fromFhirCoverage({ resourceType: 'Coverage', identifier: {} }); // Left({ code: 'validation.failed', model: 'FHIR Coverage', issues: [{ path: 'identifier', ... }] })
 */
export const fromFhirCoverage = (resource: unknown): Either<ValidationError, Coverage> => {
  const read = readFhir('Coverage', FhirCoverageSchema, resource);
  if (read._tag === 'Left') return read;
  const r = read.right;
  const payor = r.payor?.[0];
  const member = r.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MB')) ?? r.identifier?.[0];
  const relationship = r.relationship?.coding?.[0]?.code;
  const group = classValue(r, 'group');
  return parseCoverage({
    id: r.id,
    payerId: payor?.reference?.split('/').pop() ?? payor?.identifier?.value,
    planType: planTypeOf(r),
    memberId: member?.value ?? r.subscriberId,
    ...(group ? { groupNumber: group } : {}),
    relationship:
      relationship === 'self' || relationship === 'spouse' || relationship === 'child'
        ? relationship
        : 'other',
    subscriber: r.subscriberId ? { memberId: r.subscriberId } : {},
    effective: { start: r.period?.start?.slice(0, 10), end: r.period?.end?.slice(0, 10) ?? null },
    ...(r.order === undefined ? {} : { order: r.order }),
  });
};

// EB01 kinds → FHIR benefit-type codes (insurance.md §9.2: there is no base code for an OOP max).
const FHIR_BENEFIT: Partial<Record<BenefitFact['kind'], string>> = {
  deductible: 'deductible',
  copay: 'copay',
  coinsurance: 'copay-percent',
  'out-of-pocket': 'benefit',
  limitation: 'benefit',
};
const FHIR_TERM: Readonly<Record<string, string>> = {
  '23': 'annual',
  '22': 'annual',
  '7': 'day',
  '32': 'lifetime',
  '33': 'lifetime',
};

const benefitOf = (b: BenefitFact): CoverageEligibilityResponseInsuranceItemBenefit | undefined => {
  const type = FHIR_BENEFIT[b.kind];
  if (!type) return undefined;
  const base = {
    type: coding(BENEFIT_TYPE, type, b.kind === 'out-of-pocket' ? 'Out of pocket maximum' : undefined),
  };
  const value =
    b.percent !== undefined
      ? { unsignedInt: Math.round(b.percent / 100) }
      : b.amount !== undefined
        ? { money: { value: b.amount / 100, currency: 'USD' } }
        : b.quantity
          ? { unsignedInt: b.quantity.value }
          : undefined;
  if (!value) return undefined;
  // FHIR states allowed (the plan's figure) and used; X12 states remaining (29/33).
  if (b.amountRole === 'used')
    return {
      ...base,
      ...(value.money ? { usedMoney: value.money } : { usedUnsignedInt: value.unsignedInt }),
    };
  if (b.amountRole === 'remaining') return undefined;
  return {
    ...base,
    ...(value.money ? { allowedMoney: value.money } : { allowedUnsignedInt: value.unsignedInt }),
  };
};

const itemOf = (b: BenefitFact, stc: string): CoverageEligibilityResponseInsuranceItem => {
  const benefit = benefitOf(b);
  const term = b.timePeriod ? lookup(FHIR_TERM, b.timePeriod) : undefined;
  return {
    category: coding(STC_SYSTEM, stc, lookup<string>(SERVICE_TYPE_CODES, stc)),
    ...(b.network === 'in' || b.network === 'out' ? { network: coding(NETWORK, b.network) } : {}),
    ...(b.scope === 'individual' || b.scope === 'family' ? { unit: coding(UNIT, b.scope) } : {}),
    ...(term
      ? {
          term: coding(TERM, term, lookup<string>(TIME_PERIOD_CODES, b.timePeriod ?? '')),
        }
      : {}),
    ...(b.kind === 'non-covered' ? { excluded: true } : {}),
    ...(b.planCoverage ? { name: b.planCoverage } : {}),
    ...(b.messages.length > 0 ? { description: b.messages.join(' | ') } : {}),
    ...(benefit ? { benefit: [benefit] } : {}),
    ...(b.authorizationRequired === 'unknown' ? {} : { authorizationRequired: b.authorizationRequired }),
  };
};

/**
 * Context a CoverageEligibilityResponse needs that a 271 does not carry: who the patient and
 * insurer are in FHIR, when the response was created (an ISO instant, passed in), and optionally
 * the request it answers and the Coverage it concerns.
 *
 * @example
 * const c: EligibilityFhirContext = { patient: 'Patient/pat-001', insurer: 'Organization/acme', created: '2026-11-23T08:00:00-05:00' };
 */
export interface EligibilityFhirContext {
  readonly patient: string;
  readonly insurer: string;
  readonly created: string;
  readonly request?: string;
  readonly coverage?: string;
  /** Service date, YYYY-MM-DD. */
  readonly servicedDate?: string;
}

/**
 * Maps a normalized eligibility response to a FHIR R4 CoverageEligibilityResponse: outcome
 * `error` with `error[]` codes (AAA03) for a payer rejection, else `complete` with
 * `insurance[0].inforce` (EB01 1-5 active) and one item per benefit fact and service type: category =
 * EB03 (X12 service type code system; a fact listing ten service types gives ten items; none = 30), network in/out (EB12 Y/N; W and U omitted), unit individual/family
 * (EB02), term (EB06), excluded (EB*I), benefit type deductible/copay/copay-percent (OOP max as
 * `benefit` with a display, FHIR has no base code), allowed money or percent, `used` for YTD (24);
 * X12 "remaining" figures have no FHIR field and are left out. `authorizationRequired` is set
 * only when EB11 said Y or N. Money in dollars as FHIR decimals.
 *
 * @param response - the normalized response
 * @param context - patient, insurer, creation instant, optional request / coverage references
 * @returns a CoverageEligibilityResponse with purpose `benefits` and `validation`
 * @example
 * toFhirCoverageEligibilityResponse(response, { patient: 'Patient/pat-001', insurer: 'Organization/acme', created: '2026-11-23T08:00:00-05:00' }).outcome; // 'complete'
 */
export const toFhirCoverageEligibilityResponse = (
  response: EligibilityResponse,
  context: EligibilityFhirContext,
): CoverageEligibilityResponse => {
  const error = response.status === 'error';
  return {
    resourceType: 'CoverageEligibilityResponse',
    status: 'active',
    purpose: ['benefits', 'validation'],
    patient: { reference: context.patient },
    ...(context.servicedDate ? { servicedDate: context.servicedDate } : {}),
    created: context.created,
    request: { reference: context.request ?? 'CoverageEligibilityRequest/unknown' },
    outcome: error ? 'error' : 'complete',
    ...(response.controlNumber ? { identifier: [{ value: response.controlNumber }] } : {}),
    insurer: { reference: context.insurer },
    ...(error
      ? {
          error: response.rejections.map((x) => ({
            code: coding('https://x12.org/codes/reject-reason-codes', x.reason, x.reasonName),
          })),
          disposition: response.rejections.map((x) => `${x.reasonName}: ${x.followUpName}`).join('; '),
        }
      : {
          insurance: [
            {
              ...(context.coverage
                ? { coverage: { reference: context.coverage } }
                : { coverage: { display: 'as answered by the payer' } }),
              inforce: response.status === 'active',
              // item.category holds one code: a fact for several service types gives one item each.
              item: response.benefits
                .filter((b) => b.kind !== 'active' && b.kind !== 'inactive')
                .flatMap((b) =>
                  (b.serviceTypes.length > 0 ? b.serviceTypes : ['30']).map((stc) => itemOf(b, stc)),
                ),
            },
          ],
        }),
  };
};
