/**
 * Insurance: eligibility, X12 270/271, patient cost share and coordination of benefits.
 *
 * @module insurance
 */

// The ids and scalars this module's functions take: types, literal constructors that throw on a
// bad constant, and the parsers of the scalars for outside data (the same bindings as medoffice/core).
export {
  basisPoints,
  cents,
  coverageId,
  isoDate,
  parseBasisPoints,
  parseCents,
  parseIsoDate,
  parseWallTime,
  payerId,
  planId,
  wallTime,
  type BasisPoints,
  type Cents,
  type CoverageId,
  type IsoDate,
  type PayerId,
  type PlanId,
  type WallTime,
} from '../core/index.js';

// Plans, benefits, accumulators, cost share, coordination of benefits.
export {
  type AccumulatorBucket,
  AccumulatorBucketSchema,
  type Accumulators,
  AccumulatorsSchema,
  type AnnualLimits,
  AnnualLimitsSchema,
  type Benefit,
  BenefitLimitSchema,
  type BenefitNetwork,
  BenefitNetworkSchema,
  BenefitSchema,
  type BenefitSet,
  BenefitSetSchema,
  type ClaimLine,
  ClaimLineSchema,
  CopayPerSchema,
  CopayTimingSchema,
  type Coverage,
  CoverageSchema,
  EmploymentStatusSchema,
  type NetworkTier,
  NetworkTierSchema,
  OopCountingSchema,
  parseAccumulators,
  parseBenefitSet,
  parseClaimLines,
  parseCoverage,
  parsePayer,
  parsePlan,
  type Payer,
  PayerSchema,
  type Plan,
  PLAN_TYPES,
  PlanSchema,
  type PlanType,
  PlanTypeSchema,
  type Relationship,
  RelationshipSchema,
  type Requirement,
  RequirementSchema,
  type TierLimits,
  TierLimitsSchema,
} from './model.js';
export {
  type InsuranceError,
  type LineAmountsError,
  type LineBeforePlanYearError,
  type NoBenefitError,
  type NoCoverageError,
  type PercentError,
} from './errors.js';
export { ANNUAL_LIMITS, type AnnualLimitsError, annualLimitsFor } from './annualLimits.js';
export { patientShareFromPercent, type PercentConvention } from './percent.js';
export {
  type CostShareAmounts,
  type CostShareEstimate,
  type CostShareNote,
  type CostShareOptions,
  estimateCostShare,
  type LineCostShare,
  type LineOrder,
  remainingAmounts,
  type RemainingAmounts,
} from './costShare.js';
export {
  type AccumulatorAmounts,
  type AccumulatorReport,
  type AccumulatorWarning,
  type KnownAmount,
  resolveAccumulatorAmounts,
} from './accumulatorAmounts.js';
export {
  determinePayerOrder,
  parsePayerOrderPatient,
  type PayerOrder,
  type PayerOrderContext,
  type PayerOrderDecision,
  type PayerOrderPatient,
  type PayerOrderPatientInput,
  PayerOrderPatientSchema,
  type PayerOrderRule,
} from './payerOrder.js';
export {
  type PrimaryResult,
  type SecondaryBenefits,
  secondaryPayment,
  type SecondaryPaymentMethod,
  type SecondaryPaymentResult,
} from './secondaryPayment.js';
export {
  medicareNonParticipating,
  type NonParError,
  type NonParResult,
  type NonParService,
} from './medicareNonParticipating.js';
export {
  esrdCoordinationPeriod,
  type EsrdDates,
  type EsrdError,
  type EsrdPeriod,
} from './esrdCoordination.js';
export {
  checkHdhpQualification,
  type HdhpCheck,
  type HdhpFailure,
  type HdhpRule,
} from './hdhpQualification.js';
export { type CheckInCollection, type CheckInPolicy, collectAtCheckIn } from './checkInCollection.js';
export { COVERAGE_LEVEL_CODES, type CoverageLevelCode, coverageLevelScope } from './x12/coverageLevel.js';

// ----------------------------------------------------------------------------------------------
// (separator: keeps the two halves of this module from editing adjacent lines)
// ----------------------------------------------------------------------------------------------

// X12 270/271, clearinghouse JSON, eligibility, FHIR.
export {
  type AmountRole,
  type BenefitFact,
  type BenefitKind,
  type EligibilityDate,
  type EligibilityMember,
  type EligibilityNetwork,
  type EligibilityParty,
  type EligibilityProvenance,
  type EligibilityReference,
  type EligibilityRejection,
  type EligibilityResponse,
  type EligibilityStatus,
  type RelatedEntity,
  type RetryPolicy,
  type TraceNumber,
  type TriState,
} from './eligibilityModel.js';
export {
  checkEligibility,
  type EligibilityCheck,
  type EligibilityQuery,
  EligibilityQuerySchema,
  type EligibilityReason,
  type EligibilityReasonCode,
  parseEligibilityQuery,
} from './eligibility.js';
export { type CoveragePeriod, coveragePeriods, type DateWindow } from './eligibilityDates.js';
export {
  DATE_QUALIFIER_CODES,
  type DateQualifierCode,
  ELIGIBILITY_BENEFIT_CODES,
  type EligibilityBenefitCode,
  FOLLOW_UP_ACTION_CODES,
  type FollowUpActionCode,
  INSURANCE_TYPE_CODES,
  type InsuranceTypeCode,
  QUANTITY_QUALIFIER_CODES,
  type QuantityQualifierCode,
  REJECT_REASON_CODES,
  type RejectReasonCode,
  SERVICE_TYPE_CODES,
  type ServiceTypeCode,
  TIME_PERIOD_CODES,
  type TimePeriodCode,
} from './x12/codes.js';
export { type X12Error, type X12ErrorCode, type X12Warning, type X12WarningCode } from './x12/errors.js';
export {
  parseX12,
  type X12Delimiters,
  type X12FunctionalGroup,
  type X12Interchange,
  type X12Segment,
  type X12Transaction,
} from './x12/parse.js';
export { read271, type Read271Options, type Read271Result } from './x12/read271.js';
export {
  build270,
  type EligibilityRequest,
  EligibilityRequestSchema,
  parseEligibilityRequest,
} from './x12/build270.js';
export {
  type ClearinghouseEligibility,
  ClearinghouseEligibilitySchema,
  fromClearinghouseEligibility,
} from './clearinghouse.js';
export {
  benefitsFromEligibility,
  type CopayCandidate,
  type EligibilityBenefits,
  type EligibilityBenefitsError,
  type EligibilityBenefitsOptions,
} from './eligibilityBenefits.js';
export {
  type CoverageReferences,
  type EligibilityFhirContext,
  fromFhirCoverage,
  PLAN_TYPE_SYSTEM,
  toFhirCoverage,
  toFhirCoverageEligibilityResponse,
} from './fhir.js';
