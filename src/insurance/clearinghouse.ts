/**
 * Adapter from the clearinghouse JSON eligibility shape (Change Healthcare eligibility v3 = Stedi
 * legacy JSON, insurance.md §6.1) into the same normalized response as read271. The JSON mirrors
 * the X12: one `benefitsInformation[]` object per EB, codes beside their labels; this reads the
 * codes and ignores the labels.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { andThen, ok, type Either } from '../core/result.js';
import type {
  BenefitFact,
  EligibilityDate,
  EligibilityRejection,
  EligibilityResponse,
  RelatedEntity,
} from './eligibilityModel.js';
import type { PercentConvention } from './percent.js';
import type { Read271Options } from './x12/read271.js';
import { benefitFactFrom } from './x12/benefitFact.js';
import { DATE_QUALIFIER_CODES, FOLLOW_UP_ACTION_CODES, TIME_PERIOD_CODES } from './x12/codes.js';
import { lookup } from './x12/lookup.js';
import {
  eligibilityStatusOf,
  followUpName,
  rejectReasonName,
  retryPolicy,
  x12DateRange,
} from './x12/values.js';

const str = z.optional(z.string());
const Entity = z.looseObject({
  entityIdentifier: str,
  entityName: str,
  lastName: str,
  firstName: str,
  entityIdentification: str,
  entityIdentificationValue: str,
  contactInformation: z.optional(
    z.looseObject({ contacts: z.optional(z.array(z.looseObject({ communicationNumber: str }))) }),
  ),
});
const Benefit = z.looseObject({
  code: z.string(),
  coverageLevelCode: str,
  serviceTypeCodes: z.optional(z.array(z.string())),
  insuranceTypeCode: str,
  planCoverage: str,
  timeQualifierCode: str,
  benefitAmount: str,
  benefitPercent: str,
  quantityQualifierCode: str,
  benefitQuantity: str,
  authOrCertIndicator: str,
  inPlanNetworkIndicatorCode: str,
  compositeMedicalProcedureIdentifier: z.optional(
    z.looseObject({
      productOrServiceIdQualifierCode: str,
      procedureCode: str,
      procedureModifiers: z.optional(z.array(z.string())),
    }),
  ),
  additionalInformation: z.optional(z.array(z.looseObject({ description: str }))),
  benefitsDateInformation: z.optional(z.record(z.string(), z.unknown())),
  benefitsRelatedEntity: z.optional(Entity),
  benefitsRelatedEntities: z.optional(z.array(Entity)),
  benefitsServiceDelivery: z.optional(
    z.array(
      z.looseObject({ quantityQualifier: str, quantity: str, numOfPeriods: str, timePeriodQualifier: str }),
    ),
  ),
});
const Person = z.looseObject({
  memberId: str,
  firstName: str,
  lastName: str,
  dateOfBirth: str,
  gender: str,
  groupNumber: str,
});

/**
 * The Change Healthcare v3 / Stedi legacy eligibility JSON (the fields this adapter reads; others
 * are kept and ignored).
 *
 * @example
 * ClearinghouseEligibilitySchema.parse({ controlNumber: '1', benefitsInformation: [{ code: '1', serviceTypeCodes: ['30'] }] });
 */
export const ClearinghouseEligibilitySchema = /* @__PURE__ */ z.looseObject({
  controlNumber: str,
  payer: z.optional(z.looseObject({ name: str, payorIdentification: str })),
  provider: z.optional(z.looseObject({ providerName: str, npi: str })),
  subscriber: z.optional(Person),
  dependents: z.optional(z.array(z.extend(Person, { relationToSubscriberCode: str }))),
  planDateInformation: z.optional(z.record(z.string(), z.unknown())),
  benefitsInformation: z._default(z.array(Benefit), []),
  errors: z._default(
    z.array(z.looseObject({ code: str, description: str, followupAction: str, location: str })),
    [],
  ),
});

/**
 * A clearinghouse eligibility reply, as accepted by {@link fromClearinghouseEligibility}.
 *
 * @example
 * const j: ClearinghouseEligibility = { controlNumber: '1', benefitsInformation: [{ code: '6', serviceTypeCodes: ['30'] }] };
 */
export interface ClearinghouseEligibility extends z.input<typeof ClearinghouseEligibilitySchema> {}

// Stedi / Change date keys → DTP qualifiers (insurance.md §3.9 names, camel-cased by the vendor).
const DATE_KEYS: Readonly<Record<string, string>> = {
  discharge: '096',
  issue: '102',
  periodStart: '193',
  periodEnd: '194',
  completion: '198',
  coordinationOfBenefits: '290',
  plan: '291',
  benefit: '292',
  primaryCareProvider: '295',
  latestVisitOrConsultation: '304',
  eligibility: '307',
  added: '318',
  cobraBegin: '340',
  cobraEnd: '341',
  planBegin: '346',
  planEnd: '347',
  benefitBegin: '348',
  benefitEnd: '349',
  eligibilityBegin: '356',
  eligibilityEnd: '357',
  enrollment: '382',
  admission: '435',
  dateOfDeath: '442',
  certification: '458',
  service: '472',
  policyEffective: '539',
  policyExpiration: '540',
  dateOfLastUpdate: '636',
  status: '771',
};

// Entity labels the vendor writes instead of NM101 codes (insurance.md §3.10).
const ENTITY_CODES: Readonly<Record<string, string>> = {
  Payer: 'PR',
  'Primary Payer': 'PRP',
  'Secondary Payer': 'SEP',
  'Tertiary Payer': 'TTP',
  'Primary Care Provider': 'P3',
  'Plan Sponsor': 'P5',
  Provider: '1P',
  'Insured or Subscriber': 'IL',
  'Origin Carrier': 'OC',
  'Prior Insurance Carrier': 'P4',
  'Third-Party Administrator': '2B',
  Employer: '36',
  Vendor: 'VN',
};

// HSD01 quantity qualifiers the vendor writes as labels (insurance.md §3.10).
const HSD_QUANTITY: Readonly<Record<string, string>> = {
  Visits: 'VS',
  Days: 'DY',
  Hours: 'HS',
  Months: 'MN',
  Units: 'FL',
};
const PERIOD_BY_NAME = new Map<string, string>(
  Object.entries(TIME_PERIOD_CODES).map(([code, name]) => [name, code]),
);

const FOLLOW_UP_BY_NAME = new Map(
  Object.entries(FOLLOW_UP_ACTION_CODES).map(([code, name]) => [name.toLowerCase(), code]),
);

const datesOf = (info: Readonly<Record<string, unknown>> | undefined): EligibilityDate[] =>
  Object.entries(info ?? {}).flatMap(([key, value]) => {
    const qualifier = lookup(DATE_KEYS, key);
    const range =
      typeof value === 'string' ? x12DateRange(value.includes('-') ? 'RD8' : 'D8', value) : undefined;
    if (!qualifier || !range) return [];
    const name = lookup<string>(DATE_QUALIFIER_CODES, qualifier) ?? 'Non-standard date qualifier';
    return [{ qualifier, name, ...range }];
  });

const entityOf = (e: z.infer<typeof Entity>): RelatedEntity => ({
  role: lookup(ENTITY_CODES, e.entityIdentifier ?? '') ?? e.entityIdentifier ?? '',
  name: e.entityName ?? [e.lastName, e.firstName].filter((x) => x).join(' '),
  ...(e.entityIdentification ? { idQualifier: e.entityIdentification } : {}),
  ...(e.entityIdentificationValue ? { id: e.entityIdentificationValue } : {}),
  contacts: (e.contactInformation?.contacts ?? []).flatMap((c) =>
    c.communicationNumber ? [c.communicationNumber] : [],
  ),
});

const benefitOf = (b: z.infer<typeof Benefit>, i: number, convention: PercentConvention): BenefitFact => {
  const proc = b.compositeMedicalProcedureIdentifier;
  const { fact } = benefitFactFrom(
    {
      code: b.code.trim(),
      coverageLevel: b.coverageLevelCode ?? '',
      serviceTypes: b.serviceTypeCodes ?? [],
      insuranceType: b.insuranceTypeCode ?? '',
      planCoverage: b.planCoverage ?? '',
      timePeriod: b.timeQualifierCode ?? '',
      amount: b.benefitAmount ?? '',
      percent: b.benefitPercent ?? '',
      quantityQualifier: b.quantityQualifierCode ?? '',
      quantity: b.benefitQuantity ?? '',
      authorization: b.authOrCertIndicator ?? '',
      network: b.inPlanNetworkIndicatorCode ?? '',
      procedure: proc
        ? [
            proc.productOrServiceIdQualifierCode ?? '',
            proc.procedureCode ?? '',
            ...(proc.procedureModifiers ?? []),
          ]
        : [],
    },
    { loop: 'json', segmentIndex: i, raw: `benefitsInformation[${i}]` },
    convention,
  );
  const entities = [
    ...(b.benefitsRelatedEntity ? [b.benefitsRelatedEntity] : []),
    ...(b.benefitsRelatedEntities ?? []),
  ];
  return {
    ...fact,
    messages: (b.additionalInformation ?? []).flatMap((m) => (m.description ? [m.description] : [])),
    dates: datesOf(b.benefitsDateInformation),
    entities: entities.map(entityOf),
    // As HSD elements 1-6: quantity qualifier, quantity, unit, -, period, number of periods.
    deliveries: (b.benefitsServiceDelivery ?? []).map((d) => [
      lookup(HSD_QUANTITY, d.quantityQualifier ?? '') ?? d.quantityQualifier ?? '',
      d.quantity ?? '',
      '',
      '',
      PERIOD_BY_NAME.get(d.timePeriodQualifier ?? '') ?? d.timePeriodQualifier ?? '',
      d.numOfPeriods ?? '',
    ]),
  };
};

const rejectionOf = (
  e: { code?: string | undefined; followupAction?: string | undefined; location?: string | undefined },
  i: number,
): EligibilityRejection => {
  const reason = e.code ?? '';
  const followUp = FOLLOW_UP_BY_NAME.get((e.followupAction ?? '').trim().toLowerCase()) ?? '';
  const loop = /\b(2[01][01]0[A-D])\b/.exec(e.location ?? '')?.[1] ?? 'json';
  return {
    loop,
    valid: false,
    reason,
    reasonName: rejectReasonName(reason),
    followUp,
    followUpName: followUp === '' ? 'Not sent' : followUpName(followUp),
    retry: retryPolicy(followUp),
    standard: rejectReasonName(reason) !== 'Non-standard code',
    provenance: { loop, segmentIndex: i, raw: `errors[${i}]` },
  };
};

/**
 * Adapts a clearinghouse eligibility reply (Change Healthcare v3 / Stedi legacy JSON) into the
 * normalized {@link EligibilityResponse} read271 produces: each `benefitsInformation[]` object is
 * one EB (codes, not labels, are read: `code`, `coverageLevelCode`, `serviceTypeCodes`,
 * `timeQualifierCode`, `benefitAmount` in exact cents, `benefitPercent` under the given percent
 * convention, `authOrCertIndicator`, `inPlanNetworkIndicatorCode`, MSG from
 * `additionalInformation`, dates from `benefitsDateInformation`), `errors[]` are AAA rejections
 * (follow-up actions mapped back from their names). The patient is the first dependent when
 * `dependents[]` is present, else the subscriber. Provenance is the JSON path.
 *
 * @param input - the parsed JSON body (anything)
 * @param options - the source's percent convention (default: fraction of the patient's share)
 * @returns `Right(EligibilityResponse)` or `Left(ValidationError)` when the shape does not match
 * @example
 * const r = fromClearinghouseEligibility(JSON.parse(body));
 * if (r._tag === 'Right') r.right.status; // 'active'
 */
export const fromClearinghouseEligibility = (
  input: unknown,
  options: Read271Options = {},
): Either<ValidationError, EligibilityResponse> =>
  andThen((j: z.output<typeof ClearinghouseEligibilitySchema>) => {
    const benefits = j.benefitsInformation.map((b, i) =>
      benefitOf(b, i, options.percentConvention ?? 'patient-fraction'),
    );
    const rejections = j.errors.map(rejectionOf);
    const dep = j.dependents?.[0];
    const who = dep ?? j.subscriber;
    const birth = who?.dateOfBirth ? x12DateRange('D8', who.dateOfBirth)?.start : undefined;
    const member = who && {
      level: dep ? ('dependent' as const) : ('subscriber' as const),
      ...(who.lastName ? { lastName: who.lastName } : {}),
      ...(who.firstName ? { firstName: who.firstName } : {}),
      ...(who.memberId ? { memberId: who.memberId } : {}),
      ...(birth ? { birthDate: birth } : {}),
      ...(who.gender ? { gender: who.gender } : {}),
      ...(dep?.relationToSubscriberCode ? { relationship: dep.relationToSubscriberCode } : {}),
      ...(j.subscriber?.groupNumber ? { groupNumber: j.subscriber.groupNumber } : {}),
      demographicsCorrected: false,
      references: [],
      dates: datesOf(j.planDateInformation),
    };
    const sub = j.subscriber;
    const status = eligibilityStatusOf(rejections, benefits);
    return ok({
      source: 'json' as const,
      version: 'unknown' as const,
      controlNumber: j.controlNumber ?? '',
      transactionIndex: 0,
      payer: {
        ...(j.payer?.name ? { name: j.payer.name } : {}),
        ...(j.payer?.payorIdentification ? { id: j.payer.payorIdentification } : {}),
      },
      provider: {
        ...(j.provider?.providerName ? { name: j.provider.providerName } : {}),
        ...(j.provider?.npi ? { id: j.provider.npi } : {}),
      },
      ...(member ? { member } : {}),
      ...(dep && sub
        ? {
            subscriber: {
              ...(sub.memberId ? { memberId: sub.memberId } : {}),
              ...(sub.lastName ? { lastName: sub.lastName } : {}),
              ...(sub.firstName ? { firstName: sub.firstName } : {}),
            },
          }
        : {}),
      status,
      rejections,
      benefits,
      warnings: [],
    });
  })(parseWith('ClearinghouseEligibility', ClearinghouseEligibilitySchema, input));
