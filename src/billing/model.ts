/**
 * Billing models: the encounter a claim is built from, the professional claim (837P), the
 * remittance (835) with its adjustments, the patient account ledger, the statement and the payment
 * plan. Money is integer cents; adjustment and provider-adjustment amounts are signed as in X12
 * (a positive amount reduces payment).
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { PatientIdSchema } from '../core/ids.js';
import { CentsSchema } from '../core/money.js';
import { IsoDateSchema } from '../core/calendar.js';
import type { Either } from '../core/result.js';

const text = /* @__NO_SIDE_EFFECTS__ */ () => z.string().check(z.trim(), z.minLength(1));
const positiveCents = /* @__NO_SIDE_EFFECTS__ */ () =>
  CentsSchema.check(z.refine((c) => c > 0, { message: 'must be more than zero cents' }));
const nonNegativeCents = /* @__NO_SIDE_EFFECTS__ */ () =>
  CentsSchema.check(z.refine((c) => c >= 0, { message: 'must not be negative' }));

/** An inclusive range of calendar dates (a date of service is a range of one day). */
export const DateSpanSchema = /* @__PURE__ */ z
  .object({ start: IsoDateSchema, end: IsoDateSchema })
  .check(z.refine((s) => s.start <= s.end, { message: 'start must not be after end', path: ['end'] }));
/** An inclusive range of calendar dates. */
export interface DateSpan extends z.infer<typeof DateSpanSchema> {}

/**
 * CAS01 claim adjustment group codes (X12 005010X221A1; `CR` is 4010 only): who bears the amount.
 * Source: ASC X12 Claim Adjustment Group Code list.
 */
export const ADJUSTMENT_GROUPS = {
  CO: 'contractual obligation: written off by the provider, not billed to the patient',
  PR: 'patient responsibility',
  OA: 'other adjustment: neither the provider nor the patient (such as the prior payer on a secondary remit)',
  PI: 'payer-initiated reduction: written off by the provider',
  CR: 'correction and reversal (4010 only)',
} as const;

/** A CAS group code. */
export const AdjustmentGroupSchema = /* @__PURE__ */ z.enum(['CO', 'PR', 'OA', 'PI', 'CR']);
/** A CAS group code. */
export type AdjustmentGroup = z.infer<typeof AdjustmentGroupSchema>;

/**
 * One CAS reason triplet with its group: group, CARC, signed amount (positive reduces payment) and
 * the adjusted quantity when the payer sent one. `segmentIndex` is where it was read.
 */
export const AdjustmentSchema = /* @__PURE__ */ z.object({
  group: AdjustmentGroupSchema,
  reason: text(),
  amount: CentsSchema,
  quantity: z.optional(z.number()),
  segmentIndex: z.optional(z.int().check(z.nonnegative())),
});
/** One CAS reason triplet with its group. */
export interface Adjustment extends z.infer<typeof AdjustmentSchema> {}

/** A procedure as billed or adjudicated: qualifier (`HC` for CPT/HCPCS), code, up to 4 modifiers. */
export const ProcedureSchema = /* @__PURE__ */ z.object({
  qualifier: text(),
  code: text(),
  modifiers: z.readonly(z.array(text()).check(z.maxLength(4))),
});
/** A procedure as billed or adjudicated. */
export interface Procedure extends z.infer<typeof ProcedureSchema> {}

/** One 835 service line (2110 SVC) with its dates, adjustments, remarks and line control number. */
export const RemittanceLineSchema = /* @__PURE__ */ z.object({
  procedure: ProcedureSchema,
  charge: CentsSchema,
  paid: CentsSchema,
  revenueCode: z.optional(text()),
  unitsPaid: z.optional(z.number()),
  /** SVC06: the billed procedure when the payer adjudicated a different one. */
  billedProcedure: z.optional(ProcedureSchema),
  billedUnits: z.optional(z.number()),
  serviceDates: z.optional(DateSpanSchema),
  adjustments: z.readonly(z.array(AdjustmentSchema)),
  /** RARCs from LQ*HE. */
  remarks: z.readonly(z.array(text())),
  /** REF*6R: the 837 line item control number echoed back. */
  lineControlNumber: z.optional(text()),
  /** AMT*B6 allowed amount (informational, outside balancing). */
  allowed: z.optional(CentsSchema),
  segmentIndex: z.int().check(z.nonnegative()),
});
/** One 835 service line. */
export interface RemittanceLine extends z.infer<typeof RemittanceLineSchema> {}

/** One 835 claim (2100 CLP): status, amounts, claim-level adjustments, lines and what it names. */
export const RemittanceClaimSchema = /* @__PURE__ */ z.object({
  /** CLP01: the provider's claim id (CLM01) echoed, possibly truncated to 20 characters. */
  claimId: text(),
  /** CLP02 claim status code (1, 2, 3, 4, 19-23, 25). */
  status: text(),
  charge: CentsSchema,
  paid: CentsSchema,
  /** CLP05, when the payer sent it (situational in 005010X221A1). */
  patientResponsibility: z.optional(CentsSchema),
  filingIndicator: z.optional(text()),
  /** CLP07: the payer's claim control number (REF*F8 of a later replacement or void). */
  payerClaimNumber: z.optional(text()),
  facilityCode: z.optional(text()),
  frequency: z.optional(text()),
  /** NM1*QC patient identifier (NM109), for matching; never used in messages. */
  patientId: z.optional(text()),
  /** NM1*TT name: the payer the claim was crossed over to. */
  crossoverPayer: z.optional(text()),
  statementPeriod: z.optional(DateSpanSchema),
  adjustments: z.readonly(z.array(AdjustmentSchema)),
  /** MOA/MIA remark codes. */
  remarks: z.readonly(z.array(text())),
  lines: z.readonly(z.array(RemittanceLineSchema)),
  segmentIndex: z.int().check(z.nonnegative()),
});
/** One 835 claim. */
export interface RemittanceClaim extends z.infer<typeof RemittanceClaimSchema> {}

/** One PLB reason/amount pair: signed amount (positive reduces payment), reason and reference. */
export const ProviderAdjustmentSchema = /* @__PURE__ */ z.object({
  providerId: text(),
  fiscalPeriodEnd: z.optional(IsoDateSchema),
  reason: text(),
  /** PLB03-2: usually the payer claim number recouped, or a check reference. */
  reference: z.optional(text()),
  amount: CentsSchema,
  segmentIndex: z.int().check(z.nonnegative()),
});
/** One PLB reason/amount pair. */
export interface ProviderAdjustment extends z.infer<typeof ProviderAdjustmentSchema> {}

/** A party named in the 835 header (N1*PR payer, N1*PE payee). */
export const RemittancePartySchema = /* @__PURE__ */ z.object({
  name: z.string(),
  idQualifier: z.optional(text()),
  id: z.optional(text()),
});
/** A party named in the 835 header. */
export interface RemittanceParty extends z.infer<typeof RemittancePartySchema> {}

/**
 * One 835 transaction (one payment): header facts, claims, PLB adjustments and where it came from
 * (`source`: interchange and transaction control numbers and the implementation guide version).
 */
export const RemittanceSchema = /* @__PURE__ */ z.object({
  source: z.object({
    interchangeControlNumber: z.string(),
    transactionControlNumber: z.string(),
    version: z.string(),
    segmentIndex: z.int().check(z.nonnegative()),
  }),
  payment: z.object({
    /** BPR01 transaction handling (`I`, `H`, `C`, `D`, `P`, `U`, `X`). */
    handling: z.string(),
    /** BPR02, signed by BPR03 (`D` debit makes it negative). */
    amount: CentsSchema,
    /** BPR04 method (`ACH`, `CHK`, `NON`, ...). */
    method: z.string(),
    date: z.optional(IsoDateSchema),
  }),
  /** TRN02 check or EFT trace number and TRN03 originator. */
  trace: z.optional(z.object({ number: z.string(), originator: z.string() })),
  productionDate: z.optional(IsoDateSchema),
  payer: RemittancePartySchema,
  payee: RemittancePartySchema,
  claims: z.readonly(z.array(RemittanceClaimSchema)),
  providerAdjustments: z.readonly(z.array(ProviderAdjustmentSchema)),
});
/** One 835 transaction (one payment). */
export interface Remittance extends z.infer<typeof RemittanceSchema> {}

/** A postal address as an 837P writes it (N3/N4). */
export const ClaimAddressSchema = /* @__PURE__ */ z.object({
  line1: z.string(),
  line2: z.optional(z.string()),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
});
/** A postal address as an 837P writes it. */
export interface ClaimAddress extends z.infer<typeof ClaimAddressSchema> {}

/** A provider on an encounter or claim: NPI as sent (checked by the front-end edits), name, taxonomy. */
export const ClaimProviderSchema = /* @__PURE__ */ z.object({
  npi: z.string(),
  entity: z.enum(['person', 'organization']),
  lastName: text(),
  firstName: z.optional(text()),
  taxonomy: z.optional(text()),
});
/** A provider on an encounter or claim. */
export interface ClaimProvider extends z.infer<typeof ClaimProviderSchema> {}

/** One procedure line of an encounter: code, modifiers, units, charge and diagnosis pointers (1-based). */
export const EncounterLineSchema = /* @__PURE__ */ z.object({
  procedure: text(),
  modifiers: z._default(z.readonly(z.array(text()).check(z.maxLength(4))), []),
  units: z.number().check(z.positive()),
  charge: nonNegativeCents(),
  pointers: z.readonly(z.array(z.int().check(z.gte(1), z.lte(12))).check(z.minLength(1), z.maxLength(4))),
  /** REF*6R line item control number, echoed in the 835 (the best posting key). */
  controlNumber: z.optional(text()),
});
/** One procedure line of an encounter. */
export interface EncounterLine extends z.infer<typeof EncounterLineSchema> {}

/**
 * A visit ready for billing: date and place of service, providers, ICD-10-CM diagnoses (without
 * the decimal point, as X12 writes them), procedure lines and the prior authorization number if the
 * office already has one.
 */
export const EncounterSchema = /* @__PURE__ */ z.object({
  id: text(),
  patient: PatientIdSchema,
  dateOfService: IsoDateSchema,
  placeOfService: z
    .string()
    .check(z.regex(/^\d{2}$/, { message: 'must be a two-digit place of service code' })),
  billingProvider: z.extend(ClaimProviderSchema, {
    taxId: z.object({ qualifier: z.enum(['EI', 'SY']), value: text() }),
    /** 2010AA N3/N4: a street address (no PO box) with a nine-digit ZIP. */
    address: z.optional(ClaimAddressSchema),
  }),
  renderingProvider: z.optional(ClaimProviderSchema),
  referringProvider: z.optional(ClaimProviderSchema),
  diagnoses: z.readonly(z.array(text()).check(z.minLength(1))),
  lines: z.readonly(z.array(EncounterLineSchema).check(z.minLength(1))),
  priorAuthorization: z.optional(text()),
});
/** A visit ready for billing. */
export interface Encounter extends z.infer<typeof EncounterSchema> {}

/**
 * What an earlier payer did with one service line (837P 2430 SVD/CAS/DTP*573): that payer's id
 * (2330B NM109), what it paid, the procedure and units it adjudicated, its line adjustments and
 * the date it adjudicated. COB balancing: the line charge minus the adjustments equals `paid`.
 */
export const LineAdjudicationSchema = /* @__PURE__ */ z.object({
  payerId: text(),
  paid: CentsSchema,
  procedure: ProcedureSchema,
  units: z.number(),
  adjustments: z.readonly(z.array(AdjustmentSchema)),
  adjudicationDate: z.optional(IsoDateSchema),
});
/** What an earlier payer did with one service line. */
export interface LineAdjudication extends z.infer<typeof LineAdjudicationSchema> {}

/** One service line of a professional claim (2400 LX/SV1/DTP*472/REF*6R). */
export const ServiceLineSchema = /* @__PURE__ */ z.object({
  procedure: ProcedureSchema,
  charge: CentsSchema,
  unit: z.enum(['UN', 'MJ']),
  quantity: z.number(),
  placeOfService: z.optional(z.string()),
  pointers: z.readonly(z.array(z.int())),
  serviceDates: z.optional(DateSpanSchema),
  controlNumber: z.optional(text()),
  /** 2430: each earlier payer's adjudication of this line, on a claim to a later payer. */
  priorAdjudications: z.optional(z.readonly(z.array(LineAdjudicationSchema))),
  /** 2410: the drug given, by its 11-digit NDC (LIN*N4), with the CTP04 quantity and CTP05 unit (F2, GR, ME, ML, UN). */
  drug: z.optional(z.object({ ndc: text(), quantity: z.optional(z.number()), unit: z.optional(text()) })),
});
/** One service line of a professional claim. */
export interface ServiceLine extends z.infer<typeof ServiceLineSchema> {}

/** A person on a claim (subscriber or patient): names, member id, date of birth and gender as sent. */
export const ClaimPersonSchema = /* @__PURE__ */ z.object({
  lastName: z.string(),
  firstName: z.optional(z.string()),
  memberId: z.optional(z.string()),
  dateOfBirth: z.optional(IsoDateSchema),
  gender: z.optional(z.string()),
  address: z.optional(ClaimAddressSchema),
  /** PAT06 (PAT05 `D8`): the date of death, which no date of service may follow (edit E19). */
  dateOfDeath: z.optional(IsoDateSchema),
});
/** A person on a claim. */
export interface ClaimPerson extends z.infer<typeof ClaimPersonSchema> {}

/**
 * Another payer of the patient's as a claim names it: payer id and name, its SBR01 order, and the
 * coverage facts a claim to that payer needs (filing indicator, group number, subscriber with the
 * member id, and the patient's relationship to that subscriber: `18` self, or the PAT01 code).
 */
export const OtherPayerSchema = /* @__PURE__ */ z.object({
  id: z.string(),
  name: z.string(),
  responsibility: z.string(),
  filingIndicator: z.optional(z.string()),
  groupNumber: z.optional(z.string()),
  subscriber: z.optional(ClaimPersonSchema),
  relationship: z.optional(z.string()),
});
/** Another payer of the patient's as a claim names it. */
export interface OtherPayer extends z.infer<typeof OtherPayerSchema> {}

/**
 * An earlier payer's adjudication of the whole claim (837P 2320/2330A/2330B): the payer and its
 * SBR01 order, its coverage facts, claim-level adjustments (2320 CAS, from the 835's claim-level
 * CAS), `paid` (AMT*D), `remainingPatientLiability` (AMT*EAF) and the adjudication date
 * (2330B DTP*573). COB balancing: the claim's total minus these adjustments and every line's
 * adjustments from this payer equals `paid`.
 */
export const PriorPayerSchema = /* @__PURE__ */ z.extend(OtherPayerSchema, {
  adjustments: z.readonly(z.array(AdjustmentSchema)),
  paid: CentsSchema,
  remainingPatientLiability: z.optional(CentsSchema),
  adjudicationDate: z.optional(IsoDateSchema),
});
/** An earlier payer's adjudication of the whole claim. */
export type PriorPayer = z.infer<typeof PriorPayerSchema>;

/**
 * A professional claim (837P 2300 with the parties above it): claim id, frequency and the original
 * claim it replaces or voids, payer and payer order (SBR01), subscriber and patient, providers,
 * diagnoses with their qualifier, authorization and referral numbers, lines. Identifiers are kept
 * as sent; `checkClaim` decides whether they are valid.
 */
export const ClaimSchema = /* @__PURE__ */ z.object({
  id: z.string(),
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequency: z.string(),
  /** REF*F8: the payer's claim number of the claim replaced or voided. */
  originalClaimNumber: z.optional(text()),
  placeOfService: z.string(),
  totalCharge: CentsSchema,
  /** SBR01: `P`, `S`, `T`, `A`-`H`, `U`. */
  payerResponsibility: z.string(),
  /** SBR09 claim filing indicator. */
  filingIndicator: z.optional(z.string()),
  payer: z.object({ id: z.string(), name: z.string() }),
  subscriber: z.extend(ClaimPersonSchema, { groupNumber: z.optional(z.string()) }),
  /** The patient when not the subscriber (2000C), with PAT01 relationship. */
  patient: z.optional(z.extend(ClaimPersonSchema, { relationship: z.string() })),
  billingProvider: z.extend(ClaimProviderSchema, {
    taxId: z.optional(z.object({ qualifier: z.string(), value: z.string() })),
    address: z.optional(ClaimAddressSchema),
  }),
  renderingProvider: z.optional(ClaimProviderSchema),
  referringProvider: z.optional(ClaimProviderSchema),
  /** `icd10` for ABK/ABF, `icd9` for BK/BF. */
  diagnosisCodeSet: z.enum(['icd10', 'icd9']),
  diagnoses: z.readonly(z.array(z.string())),
  priorAuthorization: z.optional(text()),
  referralNumber: z.optional(text()),
  /** CLM11-1..3 related causes: `AA` auto accident, `EM` employment, `OA` other accident. */
  relatedCauses: z.optional(z.readonly(z.array(text()).check(z.maxLength(3)))),
  /** CLM11-4: the state of an auto accident. */
  accidentState: z.optional(text()),
  /** DTP*439 accident date. */
  accidentDate: z.optional(IsoDateSchema),
  lines: z.readonly(z.array(ServiceLineSchema)),
  /** Date the claim is (or was) submitted, for timely filing. */
  submissionDate: z.optional(IsoDateSchema),
  /** The patient's other payers with their SBR01 order (a later one gets the secondary claim). */
  otherPayers: z.optional(z.readonly(z.array(OtherPayerSchema))),
  /** 2320-2330: the payers that already adjudicated the claim, on a claim to a later payer. */
  priorPayers: z.optional(z.readonly(z.array(PriorPayerSchema))),
  /** CLP07 of the remittance that adjudicated the claim, once known (PLB recoupments name it). */
  payerClaimNumber: z.optional(text()),
});
/** A professional claim. */
export interface Claim extends z.infer<typeof ClaimSchema> {}

/** One ledger entry of a patient account. */
export const LedgerEntrySchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('charge'),
    id: text(),
    /** The date the patient's share was determined (after the last payer): the default aging anchor. */
    date: IsoDateSchema,
    serviceDate: IsoDateSchema,
    amount: positiveCents(),
    claim: z.optional(text()),
  }),
  z.object({
    kind: z.enum(['payment', 'adjustment']),
    id: text(),
    date: IsoDateSchema,
    amount: positiveCents(),
    /** Which charges the amount pays, oldest first by default; the rest is an unapplied credit. */
    applications: z.readonly(z.array(z.object({ charge: text(), amount: positiveCents() }))),
    reason: z.optional(text()),
  }),
  z.object({ kind: z.literal('refund'), id: text(), date: IsoDateSchema, amount: positiveCents() }),
  z.object({ kind: z.literal('reversal'), id: text(), date: IsoDateSchema, reverses: text() }),
]);
/** One ledger entry of a patient account. */
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/**
 * A patient account: the ledger of patient-responsibility charges, patient payments, adjustments
 * (discounts, write-offs), refunds and reversals, in the order they were recorded. Balances are
 * derived from it, never stored.
 */
export const PatientAccountSchema = /* @__PURE__ */ z.object({
  id: text(),
  patient: PatientIdSchema,
  entries: z.readonly(z.array(LedgerEntrySchema)),
  /** Date of the first statement of the current dunning cycle, when one went out. */
  firstStatementDate: z.optional(IsoDateSchema),
  /** Statements are held (dispute, insurance pending, plan in good standing). */
  hold: z.optional(z.enum(['dispute', 'insurance-pending', 'payment-plan'])),
});
/** A patient account. */
export interface PatientAccount extends z.infer<typeof PatientAccountSchema> {}

/** Aging bucket labels, inclusive upper bounds in days. */
export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
/** An aging bucket label. */
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The dunning stages of the typical cycle (billing reference §9.2), in order. */
export const DUNNING_STAGES = [
  'first-statement',
  'reminder',
  'past-due',
  'final-notice',
  'collections',
] as const;
/** A dunning stage. */
export type DunningStage = (typeof DUNNING_STAGES)[number];

/** One open item on a statement. */
export const StatementItemSchema = /* @__PURE__ */ z.object({
  charge: text(),
  serviceDate: IsoDateSchema,
  anchorDate: IsoDateSchema,
  ageDays: z.int(),
  bucket: z.enum(AGING_BUCKETS),
  open: positiveCents(),
});
/** One open item on a statement. */
export interface StatementItem extends z.infer<typeof StatementItemSchema> {}

/** What a statement run decided for one account. */
export const StatementActionSchema = /* @__PURE__ */ z.enum([
  'send',
  'hold',
  'hold-small-balance',
  'write-off-small-balance',
  'refund-credit',
  'nothing-due',
]);
/** What a statement run decided for one account. */
export type StatementAction = z.infer<typeof StatementActionSchema>;

/** A patient statement as of a date: open items aged from a named anchor, totals, credit, action. */
export const StatementSchema = /* @__PURE__ */ z.object({
  account: text(),
  asOf: IsoDateSchema,
  anchor: z.enum(['responsibility-date', 'service-date']),
  items: z.readonly(z.array(StatementItemSchema)),
  buckets: z.record(z.enum(AGING_BUCKETS), CentsSchema),
  /** Σ open items: what the patient owes, credits not netted in. */
  due: CentsSchema,
  /** Unapplied money held for the patient. */
  credit: CentsSchema,
  /** `due − credit`: the ledger balance. */
  balance: CentsSchema,
  action: StatementActionSchema,
  dunningStage: z.optional(z.enum(DUNNING_STAGES)),
  /** When a credit must be refunded by, from the date it arose. */
  refundDueBy: z.optional(IsoDateSchema),
});
/** A patient statement. */
export interface Statement extends z.infer<typeof StatementSchema> {}

/** How a payment plan is laid out: a count or an installment amount, first due date, frequency. */
export const PaymentPlanTermsSchema = /* @__PURE__ */ z.union([
  z.object({
    installments: z.int().check(z.gte(1), z.lte(600)),
    firstDue: IsoDateSchema,
    frequency: z.enum(['monthly', 'biweekly', 'weekly']),
    /** Where the cents of an uneven split go: the first installments (default) or the last one. */
    extraCents: z.optional(z.enum(['first', 'last'])),
  }),
  z.object({
    installmentAmount: positiveCents(),
    firstDue: IsoDateSchema,
    frequency: z.enum(['monthly', 'biweekly', 'weekly']),
  }),
]);
/** How a payment plan is laid out. */
export type PaymentPlanTerms = z.infer<typeof PaymentPlanTermsSchema>;

/** A payment plan: the balance and its installments, in due order. */
export const PaymentPlanSchema = /* @__PURE__ */ z.object({
  balance: positiveCents(),
  installments: z.readonly(
    z.array(z.object({ number: z.int().check(z.gte(1)), due: IsoDateSchema, amount: positiveCents() })),
  ),
});
/** A payment plan. */
export interface PaymentPlan extends z.infer<typeof PaymentPlanSchema> {}

/**
 * Parses an encounter.
 *
 * @param input - anything
 * @returns `Right(Encounter)` or `Left(ValidationError)` naming every field that fails
 * @example
 * parseEncounter({ id: 'enc-1' }); // Left: patient, dateOfService, ... are missing
 */
export const parseEncounter = (input: unknown): Either<ValidationError, Encounter> =>
  parseWith('Encounter', EncounterSchema, input);

/**
 * Parses a professional claim.
 *
 * @param input - anything
 * @returns `Right(Claim)` or `Left(ValidationError)` naming every field that fails
 * @example
 * parseClaim(null); // Left({ code: 'validation.failed', ... })
 */
export const parseClaim = (input: unknown): Either<ValidationError, Claim> =>
  parseWith('Claim', ClaimSchema, input);

/**
 * Parses a remittance (for example one stored as JSON after `read835`).
 *
 * @param input - anything
 * @returns `Right(Remittance)` or `Left(ValidationError)` naming every field that fails
 * @example
 * parseRemittance({}); // Left: source, payment, payer, ... are missing
 */
export const parseRemittance = (input: unknown): Either<ValidationError, Remittance> =>
  parseWith('Remittance', RemittanceSchema, input);

/**
 * Parses one adjustment (CAS group, CARC, amount, quantity).
 *
 * @param input - anything
 * @returns `Right(Adjustment)` or `Left(ValidationError)`
 * @example
 * parseAdjustment({ group: 'CO', reason: '45', amount: 5000 }); // Right
 */
export const parseAdjustment = (input: unknown): Either<ValidationError, Adjustment> =>
  parseWith('Adjustment', AdjustmentSchema, input);

/**
 * Parses a patient account.
 *
 * @param input - anything
 * @returns `Right(PatientAccount)` or `Left(ValidationError)` naming every field that fails
 * @example
 * parsePatientAccount({ id: 'acct-1', patient: 'pat-1', entries: [] }); // Right
 */
export const parsePatientAccount = (input: unknown): Either<ValidationError, PatientAccount> =>
  parseWith('PatientAccount', PatientAccountSchema, input);

/**
 * Parses a statement.
 *
 * @param input - anything
 * @returns `Right(Statement)` or `Left(ValidationError)`
 * @example
 * parseStatement({}); // Left: account, asOf, ... are missing
 */
export const parseStatement = (input: unknown): Either<ValidationError, Statement> =>
  parseWith('Statement', StatementSchema, input);

/**
 * Parses payment plan terms.
 *
 * @param input - anything
 * @returns `Right(PaymentPlanTerms)` or `Left(ValidationError)`
 * @example
 * parsePaymentPlanTerms({ installments: 3, firstDue: '2026-01-31', frequency: 'monthly' }); // Right
 */
export const parsePaymentPlanTerms = (input: unknown): Either<ValidationError, PaymentPlanTerms> =>
  parseWith('PaymentPlanTerms', PaymentPlanTermsSchema, input);

/**
 * Parses a payment plan.
 *
 * @param input - anything
 * @returns `Right(PaymentPlan)` or `Left(ValidationError)`
 * @example
 * parsePaymentPlan({ balance: 100, installments: [{ number: 1, due: '2026-01-31', amount: 100 }] }); // Right
 */
export const parsePaymentPlan = (input: unknown): Either<ValidationError, PaymentPlan> =>
  parseWith('PaymentPlan', PaymentPlanSchema, input);
