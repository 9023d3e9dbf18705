/**
 * Billing: claims out (837P), remittances in (835), patient accounts, statements and payment plans.
 *
 * @module billing
 */
export {
  type Adjustment,
  ADJUSTMENT_GROUPS,
  type AdjustmentGroup,
  AdjustmentGroupSchema,
  AdjustmentSchema,
  AGING_BUCKETS,
  type AgingBucket,
  type Claim,
  type ClaimAddress,
  ClaimAddressSchema,
  type ClaimPerson,
  ClaimPersonSchema,
  type ClaimProvider,
  ClaimProviderSchema,
  ClaimSchema,
  type DateSpan,
  DateSpanSchema,
  DUNNING_STAGES,
  type DunningStage,
  type Encounter,
  type EncounterLine,
  type LineAdjudication,
  LineAdjudicationSchema,
  type OtherPayer,
  OtherPayerSchema,
  type PriorPayer,
  PriorPayerSchema,
  EncounterLineSchema,
  EncounterSchema,
  type LedgerEntry,
  LedgerEntrySchema,
  parseAdjustment,
  parseClaim,
  parseEncounter,
  parsePatientAccount,
  parsePaymentPlan,
  parsePaymentPlanTerms,
  parseRemittance,
  parseStatement,
  type PatientAccount,
  PatientAccountSchema,
  type PaymentPlan,
  PaymentPlanSchema,
  type PaymentPlanTerms,
  PaymentPlanTermsSchema,
  type Procedure,
  ProcedureSchema,
  type ProviderAdjustment,
  ProviderAdjustmentSchema,
  type Remittance,
  type RemittanceClaim,
  RemittanceClaimSchema,
  type RemittanceLine,
  RemittanceLineSchema,
  type RemittanceParty,
  RemittancePartySchema,
  RemittanceSchema,
  type ServiceLine,
  ServiceLineSchema,
  type Statement,
  type StatementAction,
  StatementActionSchema,
  type StatementItem,
  StatementItemSchema,
  StatementSchema,
} from './model.js';
export {
  type BillingError,
  type BillingErrorCode,
  type ReadingNote,
  type ReadingNoteCode,
} from './errors.js';
export { read835, type RemittanceFile } from './x12/read835.js';
export { type BalanceReport, type BalanceRule, checkBalance, type Imbalance } from './balance.js';
export { DENIAL_NEXT_STEPS, denialNextStep, type DenialNextStep } from './denials.js';
export {
  type ClaimPosting,
  type DenialWork,
  type LineOutcome,
  type LinePosting,
  type PatientShare,
  type PatientShareTo,
  type PostedAmounts,
  postRemittance,
  type ProviderAdjustmentPosting,
  type RemittancePosting,
} from './posting.js';
export {
  accountBalance,
  type AccountBalance,
  applyPayment,
  type IncomingPayment,
  type OpenCharge,
  type PaymentOrder,
  recordEntry,
} from './ledger.js';
export { agingBucket, statement, type StatementPolicy } from './statement.js';
export { planPayments } from './paymentPlan.js';
export {
  checkClaim,
  type ClaimCheckContext,
  type ClaimEdit,
  type ClaimRule,
  DEFAULT_CLAIM_RULES,
  PLACE_OF_SERVICE_CODES,
} from './checkClaim.js';
export { type ClaimFile, read837P } from './x12/read837P.js';
export { build837P, type ClaimEnvelope } from './x12/build837P.js';
export { buildClaim, type ClaimBuildContext } from './buildClaim.js';
export { secondaryClaim } from './secondaryClaim.js';
export {
  type EstimateDifferenceReason,
  type EstimateReconciliation,
  type LineReconciliation,
  reconcileEstimate,
  type ShareSplit,
} from './reconcile.js';
export {
  type BatchStatus,
  CLAIM_STATUS_CATEGORIES,
  type ClaimStatus,
  type ClaimStatusCode,
  type ClaimStatusFile,
  type ClaimStatusResponse,
  type LineStatus,
  read277,
  type StatusCategoryGroup,
  statusCategoryGroup,
  type StatusReport,
} from './x12/read277.js';
export {
  CLAIM_FREQUENCY_EXTENSION,
  CLAIM_ID_SYSTEM,
  fromFhirClaim,
  PAYER_ID_SYSTEM,
  PAYER_RESPONSIBILITY_EXTENSION,
  toFhirClaim,
} from './fhir.js';
export {
  ADJUDICATION_CATEGORY_SYSTEM,
  fromFhirClaimResponse,
  fromFhirExplanationOfBenefit,
  REMITTANCE_EXTENSIONS,
  toFhirClaimResponses,
  toFhirExplanationsOfBenefit,
} from './fhirRemittance.js';
