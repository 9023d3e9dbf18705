/**
 * FHIR R4 mappers for the remittance (billing reference §11.2-11.4): each 835 claim (CLP with its
 * CAS and SVC) as an R4 ClaimResponse or ExplanationOfBenefit, and back to a remittance of one
 * claim that `checkBalance` and `postRemittance` take as they take one read by `read835`.
 *
 * Code systems: the adjudication categories are HL7's (`submitted`, `eligible`, `benefit`,
 * `deductible`, `copay`) where R4 has them, CARIN Blue Button's (`coinsurance`, `noncovered`,
 * `memberliability`, `priorpayerpaid`) where it does not, and the project's own (`contractual`,
 * `denied`, `other-adjustment`, `correction`) for what neither names; CARCs and RARCs are X12's
 * code systems as HL7 Terminology registers them, and the CAS group codes follow the same
 * x12.org/codes pattern (no HL7-registered URI for that list was found).
 */
import type {
  ClaimResponse,
  ClaimResponseItem,
  ClaimResponseItemAdjudication,
  Coding,
  ExplanationOfBenefit,
  ExplanationOfBenefitItem,
  Extension,
  Identifier,
  Money,
  Reference,
} from 'fhir/r4.js';
import * as z from 'zod/mini';
import type { ValidationError } from '../core/errors.js';
import { err, type Either } from '../core/result.js';
import {
  FhirCodeableConceptSchema,
  FhirCodingSchema,
  FhirIdentifierSchema,
  FhirPeriodSchema,
  FhirReferenceSchema,
  readFhir,
} from '../records/fhirDatatypes.js';
import { CLAIM_FREQUENCY_EXTENSION, CLAIM_ID_SYSTEM } from './fhir.js';
import {
  parseRemittance,
  type Adjustment,
  type Procedure,
  type Remittance,
  type RemittanceClaim,
  type RemittanceLine,
  type RemittanceParty,
} from './model.js';
import type { RemittancePosting } from './posting.js';

const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
/** CARIN Blue Button (hl7.fhir.us.carin-bb) C4BBAdjudication: the categories R4's list lacks. */
const CARIN_ADJUDICATION = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication';
/** The project's adjudication categories: `contractual`, `denied`, `other-adjustment`, `correction`. */
export const ADJUDICATION_CATEGORY_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/adjudication';
/** X12 Claim Adjustment Reason Codes (HL7 Terminology: X12ClaimAdjustmentReasonCodes). */
const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
/** X12 Remittance Advice Remark Codes (HL7 Terminology: X12RemittanceAdviceRemarkCodes). */
const RARC = 'https://x12.org/codes/remittance-advice-remark-codes';
/** X12 Claim Adjustment Group Codes (CAS01), named after the two lists above. */
const CAS_GROUP = 'https://x12.org/codes/claim-adjustment-group-codes';
const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';
const PAYMENT_TYPE = 'http://terminology.hl7.org/CodeSystem/ex-paymenttype';
const PAYEE_TYPE = 'http://terminology.hl7.org/CodeSystem/payeetype';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const CPT = 'http://www.ama-assn.org/go/cpt';
const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const NDC = 'http://hl7.org/fhir/sid/ndc';
/** SVC01-1 qualifiers other than HC and N4 travel as `<this><qualifier>` (AD, ER, IV, NU, WK, ZZ). */
const PRODUCT_QUALIFIER_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/x12-product-qualifier-';
const MEMBER_ID_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/member-id';
/** The payer's claim control number (CLP07). */
const PAYER_CLAIM_NUMBER_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/payer-claim-number';
/** The check or EFT trace number (TRN02); its originator (TRN03) is the identifier's assigner. */
const TRACE_SYSTEM = 'https://medoffice.dev/fhir/NamingSystem/remittance-trace';
/** N1 id qualifiers (N103: XX NPI, FI tax id, PI payer id, XV plan id) as an identifier type. */
const ID_QUALIFIER_SYSTEM = 'https://medoffice.dev/fhir/CodeSystem/x12-id-qualifier';

const EXTENSION = 'https://medoffice.dev/fhir/StructureDefinition/remittance-';
/**
 * The extensions the remittance mappers write for 835 facts R4 has no element for (URLs in the
 * project's namespace): on the resource `claimStatus` (CLP02, valueCode), `filingIndicator`
 * (CLP06), `facilityCode` (CLP08), `crossoverPayer` (NM1*TT name, valueString),
 * `statementPeriod` (DTM*232/233, valuePeriod; ClaimResponse only, the EOB has `billablePeriod`)
 * and `remark` (a RARC, valueCoding, repeating; also on items); on `payment` `handling` (BPR01)
 * and `method` (BPR04); on an adjudication `group` (CAS01, valueCoding) and `quantity` (CAS04,
 * valueDecimal); on an item `service`, a complex extension with the parts `procedure`
 * (valueCoding), `modifier` (valueCode, repeating), `serviced` (valuePeriod), `unitsPaid` (SVC05,
 * valueDecimal) and `revenueCode` (SVC04) on a ClaimResponse item (which has no element for them),
 * and on both resources `billedProcedure`, `billedModifier` (SVC06), `billedUnits` (SVC07) and
 * `lineControlNumber` (REF*6R, valueString). The claim frequency (CLP09) uses the Claim mapper's
 * `CLAIM_FREQUENCY_EXTENSION`.
 *
 * @example
 * toFhirClaimResponses(remittance)[0]?.extension?.find((e) => e.url === REMITTANCE_EXTENSIONS.claimStatus)?.valueCode; // '1'
 */
export const REMITTANCE_EXTENSIONS = {
  claimStatus: `${EXTENSION}claim-status`,
  filingIndicator: `${EXTENSION}filing-indicator`,
  facilityCode: `${EXTENSION}facility-code`,
  crossoverPayer: `${EXTENSION}crossover-payer`,
  statementPeriod: `${EXTENSION}statement-period`,
  remark: `${EXTENSION}remark`,
  handling: `${EXTENSION}payment-handling`,
  method: `${EXTENSION}payment-method`,
  group: `${EXTENSION}adjustment-group`,
  quantity: `${EXTENSION}adjustment-quantity`,
  service: `${EXTENSION}service`,
} as const;

/** CLP02 claim status codes and their meaning (ASC X12 005010X221A1, billing reference §5.2). */
const CLAIM_STATUS_TEXT: ReadonlyMap<string, string> = new Map([
  ['1', 'processed as primary'],
  ['2', 'processed as secondary'],
  ['3', 'processed as tertiary'],
  ['4', 'denied'],
  ['19', 'processed as primary, forwarded to additional payer(s)'],
  ['20', 'processed as secondary, forwarded to additional payer(s)'],
  ['21', 'processed as tertiary, forwarded to additional payer(s)'],
  ['22', 'reversal of previous payment'],
  ['23', 'not our claim, forwarded to additional payer(s)'],
  ['25', 'predetermination pricing only: no payment'],
]);
const NOT_OUR_CLAIM = '23';
const PREDETERMINATION = '25';
/** PR reasons posted as non-covered (the posting's list), written with CARIN's `noncovered`. */
const NON_COVERED: ReadonlySet<string> = new Set(['49', '50', '96', '204']);
/** OA 23: the prior payer's payment and adjustments on a secondary remittance. */
const PRIOR_PAYER = '23';

type Category = readonly [system: string, code: string];
const SUBMITTED: Category = [ADJUDICATION, 'submitted'];
const ELIGIBLE: Category = [ADJUDICATION, 'eligible'];
const BENEFIT: Category = [ADJUDICATION, 'benefit'];
const MEMBER_LIABILITY: Category = [CARIN_ADJUDICATION, 'memberliability'];

/** The category of one CAS triplet: who bears it, and for the patient's share, which kind. */
const categoryOf = (a: Adjustment, denied: boolean): Category => {
  if (a.group === 'PR') {
    if (a.reason === '1') return [ADJUDICATION, 'deductible'];
    if (a.reason === '2') return [CARIN_ADJUDICATION, 'coinsurance'];
    if (a.reason === '3') return [ADJUDICATION, 'copay'];
    return NON_COVERED.has(a.reason) ? [CARIN_ADJUDICATION, 'noncovered'] : MEMBER_LIABILITY;
  }
  if (a.group === 'CO' || a.group === 'PI')
    return [ADJUDICATION_CATEGORY_SYSTEM, denied ? 'denied' : 'contractual'];
  if (a.group === 'OA')
    return a.reason === PRIOR_PAYER
      ? [CARIN_ADJUDICATION, 'priorpayerpaid']
      : [ADJUDICATION_CATEGORY_SYSTEM, 'other-adjustment'];
  return [ADJUDICATION_CATEGORY_SYSTEM, 'correction'];
};

const usd = (cents: number): Money => ({ value: cents / 100, currency: 'USD' });
const concept = ([system, code]: Category) => ({ coding: [{ system, code }] });
const amountOf = (category: Category, cents: number): ClaimResponseItemAdjudication => ({
  category: concept(category),
  amount: usd(cents),
});
const adjudicationOf = (a: Adjustment, denied: boolean): ClaimResponseItemAdjudication => ({
  extension: [
    { url: REMITTANCE_EXTENSIONS.group, valueCoding: { system: CAS_GROUP, code: a.group } },
    ...(a.quantity !== undefined ? [{ url: REMITTANCE_EXTENSIONS.quantity, valueDecimal: a.quantity }] : []),
  ],
  category: concept(categoryOf(a, denied)),
  reason: { coding: [{ system: CARC, code: a.reason }] },
  amount: usd(a.amount),
});
const remarks = (codes: readonly string[]): Extension[] =>
  codes.map((code) => ({ url: REMITTANCE_EXTENSIONS.remark, valueCoding: { system: RARC, code } }));

const procedureCoding = (p: Procedure): Coding => ({
  system:
    p.qualifier === 'HC' ? CPT : p.qualifier === 'N4' ? NDC : `${PRODUCT_QUALIFIER_SYSTEM}${p.qualifier}`,
  code: p.code,
});
const part = (url: string, value: Omit<Extension, 'url'>): Extension => ({ url, ...value });
const period = (s: { start: string; end: string }) => ({ start: s.start, end: s.end });

/** The parts of the `service` extension: `all` for a ClaimResponse item, billed-only for an EOB item. */
const serviceExtension = (l: RemittanceLine, all: boolean): Extension[] => {
  const parts: Extension[] = [
    ...(all
      ? [
          part('procedure', { valueCoding: procedureCoding(l.procedure) }),
          ...l.procedure.modifiers.map((m) => part('modifier', { valueCode: m })),
          ...(l.serviceDates ? [part('serviced', { valuePeriod: period(l.serviceDates) })] : []),
          ...(l.unitsPaid !== undefined ? [part('unitsPaid', { valueDecimal: l.unitsPaid })] : []),
          ...(l.revenueCode !== undefined ? [part('revenueCode', { valueCode: l.revenueCode })] : []),
        ]
      : []),
    ...(l.billedProcedure
      ? [
          part('billedProcedure', { valueCoding: procedureCoding(l.billedProcedure) }),
          ...l.billedProcedure.modifiers.map((m) => part('billedModifier', { valueCode: m })),
        ]
      : []),
    ...(l.billedUnits !== undefined ? [part('billedUnits', { valueDecimal: l.billedUnits })] : []),
    ...(l.lineControlNumber !== undefined
      ? [part('lineControlNumber', { valueString: l.lineControlNumber })]
      : []),
  ];
  return parts.length > 0 ? [{ url: REMITTANCE_EXTENSIONS.service, extension: parts }] : [];
};

/** A line's adjudications: submitted (SVC02), eligible (AMT*B6), benefit (SVC03), then each CAS triplet. */
const lineAdjudications = (l: RemittanceLine, denied: boolean): ClaimResponseItemAdjudication[] => [
  amountOf(SUBMITTED, l.charge),
  ...(l.allowed !== undefined ? [amountOf(ELIGIBLE, l.allowed)] : []),
  amountOf(BENEFIT, l.paid),
  ...l.adjustments.map((a) => adjudicationOf(a, denied)),
];

const partyReference = (p: RemittanceParty, type?: 'Organization'): Reference => ({
  ...(type ? { type } : {}),
  ...(p.id !== undefined
    ? {
        identifier: {
          ...(p.idQualifier !== undefined
            ? { type: { coding: [{ system: ID_QUALIFIER_SYSTEM, code: p.idQualifier }] } }
            : {}),
          ...(p.idQualifier === 'XX' ? { system: NPI } : {}),
          value: p.id,
        },
      }
    : {}),
  ...(p.name !== '' ? { display: p.name } : {}),
});

/** The facts a ClaimResponse and an EOB share, from one remittance claim. */
const common = (remittance: Remittance, c: RemittanceClaim) => {
  const extension: Extension[] = [
    { url: REMITTANCE_EXTENSIONS.claimStatus, valueCode: c.status },
    ...(c.filingIndicator !== undefined
      ? [{ url: REMITTANCE_EXTENSIONS.filingIndicator, valueCode: c.filingIndicator }]
      : []),
    ...(c.facilityCode !== undefined
      ? [{ url: REMITTANCE_EXTENSIONS.facilityCode, valueCode: c.facilityCode }]
      : []),
    ...(c.frequency !== undefined ? [{ url: CLAIM_FREQUENCY_EXTENSION, valueCode: c.frequency }] : []),
    ...(c.crossoverPayer !== undefined
      ? [{ url: REMITTANCE_EXTENSIONS.crossoverPayer, valueString: c.crossoverPayer }]
      : []),
    ...remarks(c.remarks),
  ];
  const trace = remittance.trace;
  const paymentIdentifier: Identifier | undefined = trace
    ? { system: TRACE_SYSTEM, value: trace.number, assigner: { identifier: { value: trace.originator } } }
    : undefined;
  return {
    ...(c.payerClaimNumber !== undefined
      ? { identifier: [{ system: PAYER_CLAIM_NUMBER_SYSTEM, value: c.payerClaimNumber }] }
      : {}),
    extension,
    status: 'active' as const,
    type: { coding: [{ system: CLAIM_TYPE, code: 'professional' }] },
    use: c.status === PREDETERMINATION ? ('predetermination' as const) : ('claim' as const),
    patient:
      c.patientId !== undefined
        ? { identifier: { system: MEMBER_ID_SYSTEM, value: c.patientId } }
        : { display: 'patient not named by the remittance' },
    created: remittance.productionDate ?? remittance.payment.date ?? c.statementPeriod?.end ?? '',
    insurer: partyReference(remittance.payer),
    outcome: c.status === NOT_OUR_CLAIM ? ('error' as const) : ('complete' as const),
    disposition: CLAIM_STATUS_TEXT.get(c.status) ?? `claim status ${c.status}`,
    total: [
      { category: concept(SUBMITTED), amount: usd(c.charge) },
      { category: concept(BENEFIT), amount: usd(c.paid) },
      ...(c.patientResponsibility !== undefined
        ? [{ category: concept(MEMBER_LIABILITY), amount: usd(c.patientResponsibility) }]
        : []),
    ],
    payment: {
      extension: [
        { url: REMITTANCE_EXTENSIONS.handling, valueCode: remittance.payment.handling },
        { url: REMITTANCE_EXTENSIONS.method, valueCode: remittance.payment.method },
      ],
      type: { coding: [{ system: PAYMENT_TYPE, code: 'complete' }] },
      ...(remittance.payment.date !== undefined ? { date: remittance.payment.date } : {}),
      amount: usd(c.paid),
      ...(paymentIdentifier ? { identifier: paymentIdentifier } : {}),
    },
  };
};

/** Per remittance claim: the billed line each SVC answers (posting) and which lines were denied. */
const postedLines = (posting: RemittancePosting | undefined, claim: number) => {
  const lines = posting?.claims.find((p) => p.claim === claim)?.lines ?? [];
  return (line: number) => {
    const posted = lines.find((l) => l.line === line);
    return { claimLine: posted?.claimLine, denied: posted?.outcome === 'denied' };
  };
};
const claimDenied = (posting: RemittancePosting | undefined, claim: number): boolean => {
  const p = posting?.claims.find((x) => x.claim === claim);
  return p !== undefined && p.lines.length > 0 && p.lines.every((l) => l.outcome === 'denied');
};

/**
 * Writes each claim of a remittance (one 835 CLP) as a FHIR R4 ClaimResponse, in file order.
 *
 * - `identifier` the payer claim number (CLP07); `request` the practice's claim by its claim id
 *   (CLP01, as echoed: possibly truncated to 20 characters); `patient` by the NM1*QC id;
 *   `insurer` the payer (N1*PR), `requestor` the payee (N1*PE, NPI when N103 is XX); `created`
 *   the production date (DTM*405), else the payment date; `status` active; `type` professional;
 *   `use` claim (predetermination for CLP02 25); `outcome` complete (error for CLP02 23, not our
 *   claim) with the CLP02 meaning in `disposition`;
 * - `item` per SVC, `itemSequence` the billed line it answers (the posting's match when a posting
 *   is passed, else the SVC's position, which is the billed order when the payer did not split,
 *   combine or drop lines); R4 ClaimResponse.item has no element for the procedure, so the
 *   adjudicated procedure, modifiers, dates, units and revenue code travel in the `service`
 *   extension (see {@link REMITTANCE_EXTENSIONS}); the item's `adjudication` holds `submitted`
 *   (SVC02), `eligible` (AMT*B6), `benefit` (SVC03) and one entry per CAS triplet with the CARC in
 *   `reason`, the group in an extension and a category by group and reason (PR 1 deductible,
 *   PR 2 coinsurance, PR 3 copay, PR 49/50/96/204 noncovered, other PR memberliability, CO/PI
 *   contractual or, on a line the posting denied, denied; OA 23 priorpayerpaid, other OA
 *   other-adjustment);
 * - claim-level CAS in `adjudication`; `total` submitted (CLP03), benefit (CLP04) and
 *   memberliability (CLP05); `payment` with the claim's payment (CLP04), the date (BPR16), the
 *   trace number (TRN02, assigned by TRN03), and BPR01/BPR04 in extensions; RARCs as coded
 *   extensions (not `processNote`, which is free text); CLP02, CLP06, CLP08, CLP09, NM1*TT and the
 *   statement period in extensions.
 *
 * Lossy: the X12 envelope (control numbers, version, segment positions), the transaction total
 * (BPR02: each response carries its claim's payment) and PLB provider adjustments (they belong to
 * a PaymentReconciliation, not to one claim) do not travel. Money is cents / 100 in USD. The
 * inputs are not changed.
 *
 * @param remittance - one 835 transaction, as read by `read835`
 * @param posting - its posting by `postRemittance`, when one was made (item sequences from the
 *   matched billed lines, `denied` for CO/PI on denied lines)
 * @returns one ClaimResponse per remittance claim (empty when it has none); never fails
 * @example
 * const [first] = toFhirClaimResponses(remittance);
 * fromFhirClaimResponse(first); // Right: a remittance holding that claim
 */
export const toFhirClaimResponses = (remittance: Remittance, posting?: RemittancePosting): ClaimResponse[] =>
  remittance.claims.map((c, ci) => {
    const lineOf = postedLines(posting, ci);
    const { extension, ...shared } = common(remittance, c);
    const items: ClaimResponseItem[] = c.lines.map((l, li) => {
      const { claimLine, denied } = lineOf(li);
      return {
        extension: [...serviceExtension(l, true), ...remarks(l.remarks)],
        itemSequence: (claimLine ?? li) + 1,
        adjudication: lineAdjudications(l, denied),
      };
    });
    return {
      resourceType: 'ClaimResponse',
      extension: [
        ...extension,
        ...(c.statementPeriod
          ? [{ url: REMITTANCE_EXTENSIONS.statementPeriod, valuePeriod: period(c.statementPeriod) }]
          : []),
      ],
      ...shared,
      requestor: partyReference(remittance.payee, 'Organization'),
      request: { identifier: { system: CLAIM_ID_SYSTEM, value: c.claimId } },
      payeeType: { coding: [{ system: PAYEE_TYPE, code: 'provider' }] },
      ...(items.length > 0 ? { item: items } : {}),
      ...(c.adjustments.length > 0
        ? { adjudication: c.adjustments.map((a) => adjudicationOf(a, claimDenied(posting, ci))) }
        : {}),
    };
  });

/**
 * Writes each claim of a remittance (one 835 CLP) as a FHIR R4 ExplanationOfBenefit, in file
 * order: the ClaimResponse's facts (see {@link toFhirClaimResponses}) with the EOB's own homes
 * for the claim and the lines. `claim` is the practice's claim by its id (CLP01); `provider` and
 * `payee.party` the payee (N1*PE); `insurance` the payer as the focal coverage; `billablePeriod`
 * the statement period; `item` per SVC with `sequence` (the matched billed line, as for the
 * ClaimResponse), `productOrService` and `modifier` the adjudicated procedure (SVC01: CPT/HCPCS
 * for HC, NDC for N4), `servicedDate` or `servicedPeriod`, `quantity` the units paid (SVC05),
 * `revenue` (SVC04), `net` the charge (SVC02) and the same `adjudication` entries; the billed
 * procedure and units (SVC06, SVC07) and the line control number (REF*6R) travel in the `service`
 * extension. Lossy as the ClaimResponse (envelope, BPR02 total, PLB). The inputs are not changed.
 *
 * @param remittance - one 835 transaction, as read by `read835`
 * @param posting - its posting by `postRemittance`, when one was made
 * @returns one ExplanationOfBenefit per remittance claim (empty when it has none); never fails
 * @example
 * const [eob] = toFhirExplanationsOfBenefit(remittance);
 * fromFhirExplanationOfBenefit(eob); // Right: a remittance holding that claim
 */
export const toFhirExplanationsOfBenefit = (
  remittance: Remittance,
  posting?: RemittancePosting,
): ExplanationOfBenefit[] =>
  remittance.claims.map((c, ci) => {
    const lineOf = postedLines(posting, ci);
    const provider = partyReference(remittance.payee, 'Organization');
    const items: ExplanationOfBenefitItem[] = c.lines.map((l, li) => {
      const { claimLine, denied } = lineOf(li);
      return {
        extension: [...serviceExtension(l, false), ...remarks(l.remarks)],
        sequence: (claimLine ?? li) + 1,
        ...(l.revenueCode !== undefined ? { revenue: { coding: [{ code: l.revenueCode }] } } : {}),
        productOrService: { coding: [procedureCoding(l.procedure)] },
        ...(l.procedure.modifiers.length > 0
          ? { modifier: l.procedure.modifiers.map((m) => ({ coding: [{ system: CPT, code: m }] })) }
          : {}),
        ...(l.serviceDates
          ? l.serviceDates.start === l.serviceDates.end
            ? { servicedDate: l.serviceDates.start }
            : { servicedPeriod: period(l.serviceDates) }
          : {}),
        ...(l.unitsPaid !== undefined ? { quantity: { value: l.unitsPaid } } : {}),
        net: usd(l.charge),
        adjudication: lineAdjudications(l, denied),
      };
    });
    return {
      resourceType: 'ExplanationOfBenefit',
      ...common(remittance, c),
      ...(c.statementPeriod ? { billablePeriod: period(c.statementPeriod) } : {}),
      provider,
      payee: { type: { coding: [{ system: PAYEE_TYPE, code: 'provider' }] }, party: provider },
      claim: { identifier: { system: CLAIM_ID_SYSTEM, value: c.claimId } },
      insurance: [{ focal: true, coverage: { display: remittance.payer.name } }],
      ...(items.length > 0 ? { item: items } : {}),
      ...(c.adjustments.length > 0
        ? { adjudication: c.adjustments.map((a) => adjudicationOf(a, claimDenied(posting, ci))) }
        : {}),
    };
  });

// --- reading -------------------------------------------------------------------------------

const str = /* @__NO_SIDE_EFFECTS__ */ () => z.optional(z.string());
const num = /* @__NO_SIDE_EFFECTS__ */ () => z.optional(z.number());
const ValueSchema = {
  valueCode: str(),
  valueString: str(),
  valueDecimal: num(),
  valueCoding: z.optional(FhirCodingSchema),
  valuePeriod: z.optional(FhirPeriodSchema),
};
const ExtensionSchema = z.object({
  url: z.string(),
  ...ValueSchema,
  extension: z.optional(z.array(z.object({ url: z.string(), ...ValueSchema }))),
});
const MoneySchema = z.object({ value: num(), currency: str() });
const AdjudicationSchema = z.object({
  extension: z.optional(z.array(ExtensionSchema)),
  category: z.optional(FhirCodeableConceptSchema),
  reason: z.optional(FhirCodeableConceptSchema),
  amount: z.optional(MoneySchema),
});
const ItemSchema = z.object({
  extension: z.optional(z.array(ExtensionSchema)),
  itemSequence: num(),
  sequence: num(),
  revenue: z.optional(FhirCodeableConceptSchema),
  productOrService: z.optional(FhirCodeableConceptSchema),
  modifier: z.optional(z.array(FhirCodeableConceptSchema)),
  servicedDate: str(),
  servicedPeriod: z.optional(FhirPeriodSchema),
  quantity: z.optional(z.object({ value: num() })),
  net: z.optional(MoneySchema),
  adjudication: z.optional(z.array(AdjudicationSchema)),
});
const ResponseSchema = {
  identifier: z.optional(z.array(FhirIdentifierSchema)),
  extension: z.optional(z.array(ExtensionSchema)),
  patient: z.optional(FhirReferenceSchema),
  created: str(),
  insurer: z.optional(FhirReferenceSchema),
  outcome: str(),
  item: z.optional(z.array(ItemSchema)),
  adjudication: z.optional(z.array(AdjudicationSchema)),
  total: z.optional(
    z.array(z.object({ category: z.optional(FhirCodeableConceptSchema), amount: z.optional(MoneySchema) })),
  ),
  payment: z.optional(
    z.object({
      extension: z.optional(z.array(ExtensionSchema)),
      adjustment: z.optional(MoneySchema),
      adjustmentReason: z.optional(FhirCodeableConceptSchema),
      date: str(),
      amount: z.optional(MoneySchema),
      identifier: z.optional(z.extend(FhirIdentifierSchema, { assigner: z.optional(FhirReferenceSchema) })),
    }),
  ),
};
const FhirClaimResponseSchema = z.object({
  resourceType: z.literal('ClaimResponse'),
  id: str(),
  ...ResponseSchema,
  requestor: z.optional(FhirReferenceSchema),
  request: z.optional(FhirReferenceSchema),
});
const FhirEobSchema = z.object({
  resourceType: z.literal('ExplanationOfBenefit'),
  id: str(),
  ...ResponseSchema,
  billablePeriod: z.optional(FhirPeriodSchema),
  provider: z.optional(FhirReferenceSchema),
  claim: z.optional(FhirReferenceSchema),
});
type Read = z.infer<typeof FhirClaimResponseSchema> | z.infer<typeof FhirEobSchema>;
type ReadExtension = z.infer<typeof ExtensionSchema>;
type ReadAdjudication = z.infer<typeof AdjudicationSchema>;
type ReadItem = z.infer<typeof ItemSchema>;
type ReadCodeable = z.infer<typeof FhirCodeableConceptSchema>;

/** Money to cents; more than two decimals round to the cent (as `fromFhirClaim` does). */
const cents = (m: { value?: number | undefined } | undefined): number | undefined =>
  m?.value === undefined ? undefined : Math.round(m.value * 100);
const ext = (list: readonly ReadExtension[] | undefined, url: string) => list?.find((e) => e.url === url);
const parts = (list: readonly ReadExtension[] | undefined, name: string) =>
  ext(list, REMITTANCE_EXTENSIONS.service)?.extension?.filter((p) => p.url === name) ?? [];
const firstPart = (list: readonly ReadExtension[] | undefined, name: string) => parts(list, name)[0];
const remarksOf = (list: readonly ReadExtension[] | undefined): string[] =>
  (list ?? [])
    .filter((e) => e.url === REMITTANCE_EXTENSIONS.remark)
    .flatMap((e) => (e.valueCoding?.code !== undefined ? [e.valueCoding.code] : []));
/** Categories are read by code whatever their system: the HL7 examples write codings without one. */
const categoryCode = (a: { category?: ReadCodeable | undefined }): string | undefined =>
  a.category?.coding?.[0]?.code;
const byCategory = (list: readonly ReadAdjudication[] | undefined, code: string) =>
  list?.find((a) => categoryCode(a) === code);

const qualifierOf = (system: string | undefined): string =>
  system === CPT || system === HCPCS
    ? 'HC'
    : system === NDC
      ? 'N4'
      : system?.startsWith(PRODUCT_QUALIFIER_SYSTEM)
        ? system.slice(PRODUCT_QUALIFIER_SYSTEM.length)
        : // X12's "mutually defined": a code system the 835 has no qualifier for.
          'ZZ';
const procedureOf = (coding: z.infer<typeof FhirCodingSchema> | undefined, modifiers: readonly string[]) => ({
  qualifier: qualifierOf(coding?.system),
  code: coding?.code,
  modifiers,
});
/** The procedure of an item that names none (a ClaimResponse item refers to the claim's item). */
const unnamedProcedure = (sequence: number | undefined) => ({
  qualifier: 'ZZ',
  code: `claim-item-${sequence ?? 0}`,
  modifiers: [],
});
/** A reference's identifier value, else the logical id of its literal reference (`Claim/100150`: 100150). */
const idOf = (r: z.infer<typeof FhirReferenceSchema> | undefined): string | undefined =>
  r?.identifier?.value ?? r?.reference?.split('/').pop();

/** Reasons a patient-share category implies when an adjudication has no CARC (PR 1, 2, 3). */
const PATIENT_REASON: ReadonlyMap<string, string> = new Map([
  ['deductible', '1'],
  ['coinsurance', '2'],
  ['copay', '3'],
]);
const PATIENT_CATEGORIES: ReadonlySet<string> = new Set([
  'deductible',
  'coinsurance',
  'copay',
  'noncovered',
  'memberliability',
]);

/**
 * The CAS triplets among adjudications: an entry with the group extension, or with a CARC reason,
 * or of a patient-share category with a known CARC (deductible 1, coinsurance 2, copay 3). The
 * group is the extension's, else PR for a patient-share category, OA for priorpayerpaid, CO for
 * any other. Entries of other categories (submitted, eligible, benefit, eligpercent, tax, ...)
 * are not adjustments.
 */
const adjustmentsOf = (list: readonly ReadAdjudication[] | undefined) =>
  (list ?? []).flatMap((a) => {
    const group = ext(a.extension, REMITTANCE_EXTENSIONS.group)?.valueCoding?.code;
    const category = categoryCode(a) ?? '';
    const carc = a.reason?.coding?.find((c) => c.system === CARC)?.code;
    const reason =
      carc ?? (group !== undefined ? a.reason?.coding?.[0]?.code : undefined) ?? PATIENT_REASON.get(category);
    if (reason === undefined || (group === undefined && carc === undefined && !PATIENT_REASON.has(category)))
      return [];
    const quantity = ext(a.extension, REMITTANCE_EXTENSIONS.quantity)?.valueDecimal;
    return [
      {
        group:
          group ?? (PATIENT_CATEGORIES.has(category) ? 'PR' : category === 'priorpayerpaid' ? 'OA' : 'CO'),
        reason,
        amount: cents(a.amount),
        ...(quantity !== undefined ? { quantity } : {}),
      },
    ];
  });

const sumOf = (list: readonly { amount?: number | undefined }[]): number =>
  list.reduce((s, a) => s + (a.amount ?? 0), 0);

/** One item as a remittance line; `onlyCharge` is the claim's submitted total when this is its only item. */
const lineOf = (it: ReadItem, onlyCharge: number | undefined) => {
  const x = it.extension;
  const coding = it.productOrService?.coding?.[0] ?? firstPart(x, 'procedure')?.valueCoding;
  const modifiers =
    it.modifier !== undefined
      ? it.modifier.map((m) => m.coding?.[0]?.code ?? '')
      : parts(x, 'modifier').map((p) => p.valueCode ?? '');
  const billed = firstPart(x, 'billedProcedure')?.valueCoding;
  const adjustments = adjustmentsOf(it.adjudication);
  const paid = cents(byCategory(it.adjudication, 'benefit')?.amount) ?? 0;
  // The HL7 examples give `submitted` in `total` only: a lone item takes the claim's, another the
  // amount that balances it (benefit plus its adjustments).
  const charge =
    cents(byCategory(it.adjudication, 'submitted')?.amount) ??
    cents(it.net) ??
    onlyCharge ??
    paid + sumOf(adjustments);
  const allowed = cents(byCategory(it.adjudication, 'eligible')?.amount);
  const serviced = firstPart(x, 'serviced')?.valuePeriod ?? it.servicedPeriod;
  const start = it.servicedDate ?? serviced?.start;
  const end = it.servicedDate ?? serviced?.end;
  const unitsPaid = it.quantity?.value ?? firstPart(x, 'unitsPaid')?.valueDecimal;
  const revenueCode = it.revenue?.coding?.[0]?.code ?? firstPart(x, 'revenueCode')?.valueCode;
  const billedUnits = firstPart(x, 'billedUnits')?.valueDecimal;
  const control = firstPart(x, 'lineControlNumber')?.valueString;
  return {
    procedure: coding ? procedureOf(coding, modifiers) : unnamedProcedure(it.itemSequence ?? it.sequence),
    charge,
    paid,
    ...(revenueCode !== undefined ? { revenueCode } : {}),
    ...(unitsPaid !== undefined ? { unitsPaid } : {}),
    ...(billed
      ? {
          billedProcedure: procedureOf(
            billed,
            parts(x, 'billedModifier').map((p) => p.valueCode ?? ''),
          ),
        }
      : {}),
    ...(billedUnits !== undefined ? { billedUnits } : {}),
    ...(start !== undefined && end !== undefined ? { serviceDates: { start, end } } : {}),
    adjustments,
    remarks: remarksOf(x),
    ...(control !== undefined ? { lineControlNumber: control } : {}),
    ...(allowed !== undefined ? { allowed } : {}),
    segmentIndex: 0,
  };
};

const partyOf = (r: z.infer<typeof FhirReferenceSchema> | undefined) => {
  const id = r?.identifier?.value;
  const qualifier =
    r?.identifier?.type?.coding?.find((c) => c.system === ID_QUALIFIER_SYSTEM)?.code ??
    (r?.identifier?.system === NPI ? 'XX' : undefined);
  return {
    name: r?.display ?? '',
    ...(qualifier !== undefined && id !== undefined ? { idQualifier: qualifier } : {}),
    ...(id !== undefined ? { id } : {}),
  };
};

const refuse = (model: string, path: string, rule: string, message: string): Either<ValidationError, never> =>
  err({
    code: 'validation.failed',
    model,
    message: `${model} is invalid: ${path}: ${message}`,
    issues: [{ path, rule, message: `${path}: ${message}` }],
  });

/** A ClaimResponse or EOB as a remittance of one claim, validated by `parseRemittance`. */
const toRemittance = (
  model: string,
  r: Read,
  claimId: string | undefined,
  payee: z.infer<typeof FhirReferenceSchema> | undefined,
  statementPeriod: { start?: string | undefined; end?: string | undefined } | undefined,
): Either<ValidationError, Remittance> => {
  const x = r.extension;
  const status = ext(x, REMITTANCE_EXTENSIONS.claimStatus)?.valueCode;
  if (status === undefined && r.outcome !== 'complete' && r.outcome !== 'partial')
    return refuse(
      `FHIR ${model}`,
      'outcome',
      'billing.not-adjudicated',
      'only a complete or partial adjudication is a remittance (queued or error carries no payment)',
    );
  const items = r.item ?? [];
  const totalCharge = cents(byCategory(r.total, 'submitted')?.amount);
  const lines = items.map((it) => lineOf(it, items.length === 1 ? totalCharge : undefined));
  const paid =
    cents(byCategory(r.total, 'benefit')?.amount) ??
    cents(r.payment?.amount) ??
    lines.reduce((s, l) => s + l.paid, 0);
  const patientResponsibility = cents(byCategory(r.total, 'memberliability')?.amount);
  const payerClaimNumber = r.identifier?.find((i) => i.system === PAYER_CLAIM_NUMBER_SYSTEM)?.value;
  const patientId = r.patient?.identifier?.value;
  const code = (url: string) => ext(x, url)?.valueCode;
  const filingIndicator = code(REMITTANCE_EXTENSIONS.filingIndicator);
  const facilityCode = code(REMITTANCE_EXTENSIONS.facilityCode);
  const frequency = code(CLAIM_FREQUENCY_EXTENSION);
  const crossoverPayer = ext(x, REMITTANCE_EXTENSIONS.crossoverPayer)?.valueString;
  const payment = r.payment;
  const adjustment = cents(payment?.adjustment);
  const payeeParty = partyOf(payee);
  const trace = payment?.identifier?.value;
  const period =
    statementPeriod?.start !== undefined && statementPeriod.end !== undefined
      ? { start: statementPeriod.start, end: statementPeriod.end }
      : undefined;
  const date = (d: string | undefined) => (d !== undefined && d.length >= 10 ? d.slice(0, 10) : d);
  const created = date(r.created);
  return parseRemittance({
    source: {
      interchangeControlNumber: '',
      transactionControlNumber: r.id ?? '',
      version: `FHIR R4 ${model}`,
      segmentIndex: 0,
    },
    payment: {
      handling: ext(payment?.extension, REMITTANCE_EXTENSIONS.handling)?.valueCode ?? '',
      amount: cents(payment?.amount) ?? paid - (adjustment ?? 0),
      method: ext(payment?.extension, REMITTANCE_EXTENSIONS.method)?.valueCode ?? '',
      ...(payment?.date !== undefined ? { date: date(payment.date) } : {}),
    },
    ...(trace !== undefined
      ? { trace: { number: trace, originator: payment?.identifier?.assigner?.identifier?.value ?? '' } }
      : {}),
    ...(created !== undefined && created !== '' ? { productionDate: created } : {}),
    payer: partyOf(r.insurer),
    payee: payeeParty,
    claims: [
      {
        claimId: claimId ?? '',
        status: status ?? (r.outcome === 'partial' || paid !== 0 ? '1' : '4'),
        charge: totalCharge ?? lines.reduce((s, l) => s + l.charge, 0),
        paid,
        ...(patientResponsibility !== undefined ? { patientResponsibility } : {}),
        ...(filingIndicator !== undefined ? { filingIndicator } : {}),
        ...(payerClaimNumber !== undefined ? { payerClaimNumber } : {}),
        ...(facilityCode !== undefined ? { facilityCode } : {}),
        ...(frequency !== undefined ? { frequency } : {}),
        ...(patientId !== undefined ? { patientId } : {}),
        ...(crossoverPayer !== undefined ? { crossoverPayer } : {}),
        ...(period ? { statementPeriod: period } : {}),
        adjustments: adjustmentsOf(r.adjudication),
        remarks: remarksOf(x),
        lines,
        segmentIndex: 0,
      },
    ],
    // A payment adjustment not about this claim (R4 `payment.adjustment`, positive reduces the
    // payment as a PLB amount does) is the remittance's provider-level adjustment.
    providerAdjustments:
      adjustment !== undefined && adjustment !== 0
        ? [
            {
              providerId: payeeParty.id ?? (payeeParty.name || idOf(payee) || 'unnamed payee'),
              reason: payment?.adjustmentReason?.coding?.[0]?.code ?? 'CS',
              amount: adjustment,
              segmentIndex: 0,
            },
          ]
        : [],
  });
};

/**
 * Reads a FHIR R4 ClaimResponse (as {@link toFhirClaimResponses} writes it, or any ClaimResponse
 * with item-level adjudication, such as the HL7 examples) into a remittance of one claim, which
 * `checkBalance` and `postRemittance` take. The claim id is `request.identifier` (else the id of
 * its literal reference, `Claim/100150`: 100150); the payer
 * `insurer`, the payee `requestor` (display and identifier; NPI when its system is us-npi); the
 * claim's charge, payment and patient responsibility the `total` categories submitted, benefit
 * and memberliability (a response without a benefit total takes `payment.amount`); lines from
 * `item` in order (the `service` extension gives procedure, dates and units; without it the
 * procedure is unknown and reads as qualifier `ZZ`, code `claim-item-<itemSequence>`, the claim
 * item it answers); adjudications: submitted the charge, eligible the allowed amount, benefit
 * the payment, and CAS triplets from entries with the group extension or a CARC reason, or a
 * deductible / coinsurance / copay category (PR 1 / 2 / 3); other categories (eligpercent, tax,
 * ...) are not adjustments. An item without `submitted` (the HL7 examples give it in `total`
 * only) takes the claim's submitted total when it is the only item, else benefit plus its
 * adjustments. CLP02 is the claim-status extension, else 1 (4 when nothing was paid);
 * `payment.adjustment` becomes a provider-level adjustment (positive reduces the payment, as a PLB
 * amount), so the remittance's payment is `payment.amount`. `detail`, `subDetail` and `addItem`
 * are not read. Amounts with more than two decimals are rounded to the cent. Segment indexes are
 * 0: a FHIR resource has no segments. The remittance is not balanced here: `checkBalance` reports
 * what does not add up. Never throws.
 *
 * @param input - anything (a FHIR ClaimResponse expected, such as parsed JSON)
 * @returns `Right(Remittance)` with one claim; `Left(ValidationError)` with model `FHIR
 *   ClaimResponse` and the FHIR path when it is not a ClaimResponse or an element read has the
 *   wrong shape, or naming `outcome` (rule `billing.not-adjudicated`) when it is queued or in
 *   error without the claim-status extension, or with model `Remittance` naming the fields missing
 *   or invalid (such as an adjustment group that is no CAS group, or a date that is no date)
 * @example
 * fromFhirClaimResponse({ resourceType: 'ClaimResponse', outcome: 'queued' }); // Left: outcome, billing.not-adjudicated
 */
export const fromFhirClaimResponse = (input: unknown): Either<ValidationError, Remittance> => {
  const read = readFhir('ClaimResponse', FhirClaimResponseSchema, input);
  if (read._tag === 'Left') return read;
  const r = read.right;
  const period = ext(r.extension, REMITTANCE_EXTENSIONS.statementPeriod)?.valuePeriod;
  return toRemittance('ClaimResponse', r, idOf(r.request), r.requestor, period);
};

/**
 * Reads a FHIR R4 ExplanationOfBenefit (as {@link toFhirExplanationsOfBenefit} writes it, or any
 * EOB with item-level adjudication, such as the HL7 example) into a remittance of one claim, as
 * {@link fromFhirClaimResponse} does, with the EOB's own elements: the claim id is
 * `claim.identifier` (else the id of its literal reference), the payee `provider`, the statement
 * period `billablePeriod`; each item's procedure is `productOrService` with `modifier` (CPT or HCPCS system: HC; NDC: N4; another
 * system: ZZ, mutually defined), its dates `servicedDate` or `servicedPeriod`, units paid
 * `quantity`, revenue code `revenue`, and its charge `submitted`, else `net`. `detail` and
 * `subDetail` are not read. Never throws.
 *
 * @param input - anything (a FHIR ExplanationOfBenefit expected, such as parsed JSON)
 * @returns `Right(Remittance)` with one claim; `Left(ValidationError)` with model `FHIR
 *   ExplanationOfBenefit` and the FHIR path of an element of the wrong shape, or naming `outcome`
 *   (rule `billing.not-adjudicated`), or with model `Remittance` naming the fields invalid
 * @example
 * fromFhirExplanationOfBenefit({ resourceType: 'ExplanationOfBenefit', item: {} }); // Left: FHIR ExplanationOfBenefit, path item
 */
export const fromFhirExplanationOfBenefit = (input: unknown): Either<ValidationError, Remittance> => {
  const read = readFhir('ExplanationOfBenefit', FhirEobSchema, input);
  if (read._tag === 'Left') return read;
  const r = read.right;
  return toRemittance('ExplanationOfBenefit', r, idOf(r.claim), r.provider, r.billablePeriod);
};
